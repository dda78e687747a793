// The metric and label references of one PromQL query, read with the Prometheus project's Lezer grammar. Offsets stay
// those of the text as written: Grafana variables are overwritten in place by placeholders of the same length, and a
// name that overlaps a placeholder is not a reference. A query that does not parse gives a problem and no references.
import type { SyntaxNode } from '@lezer/common' with { 'resolution-mode': 'import' };
import type { LRParser } from '@lezer/lr' with { 'resolution-mode': 'import' };
import type { Location } from '../../engine/finding';
import type { LabelRole, QueryContext, QueryRef } from '../model';

// lezer-promql is an ES module package with a CommonJS build beside it; the server compiles to CommonJS, which cannot
// `import` an ES module's declarations, so the value is required and typed from the module's own declarations.
// Loaded when the first query is read: building its parse tables is work a run without rule files or dashboards skips.
let loadedParser: LRParser | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const promqlParser = (): LRParser => (loadedParser ??= (require('@prometheus-io/lezer-promql') as { parser: LRParser }).parser);

export type Place = (offset: number) => Location;

export interface QueryReading {
  refs: QueryRef[];
  /** Why nothing was read from the query (it does not parse), with the position. */
  problem?: string;
}

/** Label-name arguments of functions, by function node name: the first argument index that names a label, and whether
 *  every later argument does too. The labels belong to the selectors of the vector argument. */
const LABEL_ARGUMENTS: Record<string, { from: number; rest: boolean }> = {
  LabelReplace: { from: 3, rest: false },
  LabelJoin: { from: 3, rest: true },
  SortByLabel: { from: 1, rest: true },
  SortByLabelDesc: { from: 1, rest: true },
};
/** Functions whose second argument names a label they create: a grouping outside them that names it is not about the
 *  selector's own labels. */
const CREATED_LABEL_ARGUMENT: Record<string, number> = { LabelReplace: 1, LabelJoin: 1 };

export function queryRefs(expr: string, context: QueryContext, place: Place): QueryReading {
  if (expr.trim() === '') return { refs: [], problem: 'the query is empty' };
  const reading = readQuery(expr);
  if ('errorAt' in reading) return { refs: [], problem: syntaxProblem(expr, reading.errorAt, place) };
  const span = (from: number, to: number): Location => {
    const start = place(from);
    return { file: start.file, range: { start: start.range.start, end: place(to).range.start } };
  };
  return {
    refs: reading.refs.map((ref) => ({
      context,
      metric: ref.name,
      location: span(ref.from, ref.to),
      labels: ref.labels.map((label) => ({ name: label.name, role: label.role, location: span(label.from, label.to) })),
    })),
  };
}

/** A name and where it is in the query text. */
interface Spelled {
  name: string;
  from: number;
  to: number;
}
interface SpelledLabel extends Spelled {
  role: LabelRole;
}
interface SpelledRef extends Spelled {
  labels: SpelledLabel[];
}
type Reading = { refs: SpelledRef[] } | { errorAt: number };

// Dashboards repeat queries across panels and a file is read again on each edit: readings are kept by query text.
const readings = new Map<string, Reading>();
const MAX_READINGS = 10_000;

function readQuery(expr: string): Reading {
  const known = readings.get(expr);
  if (known) return known;
  const reading = parseQuery(expr);
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(expr, reading);
  return reading;
}

function parseQuery(expr: string): Reading {
  const { text, placeholder } = neutraliseVariables(expr);
  const tree = promqlParser().parse(text);
  let errorAt = -1;
  tree.iterate({
    enter(node) {
      if (errorAt >= 0) return false;
      if (node.type.isError) errorAt = node.from;
      return undefined;
    },
  });
  if (errorAt >= 0) return { errorAt };

  const overlapsVariable = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (placeholder[i]) return true;
    return false;
  };
  /** A label name node (LabelName, or QuotedLabelName / StringLiteral) as a label; undefined when it holds a variable. */
  const labelOf = (node: SyntaxNode, role: LabelRole): SpelledLabel | undefined => {
    const spelled = nameOf(text, node);
    if (!spelled || overlapsVariable(node.from, node.to)) return undefined;
    return { ...spelled, role };
  };

  const refs: SpelledRef[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.name !== 'VectorSelector') continue;
    const selector = cursor.node;
    const metric = metricOf(text, selector);
    if (!metric || overlapsVariable(metric.from, metric.to)) continue;
    const labels: SpelledLabel[] = [];
    const matchers = selector.getChild('LabelMatchers');
    for (let matcher = matchers?.firstChild; matcher; matcher = matcher.nextSibling) {
      if (matcher.name !== 'UnquotedLabelMatcher' && matcher.name !== 'QuotedLabelMatcher') continue;
      const nameNode = matcher.firstChild;
      if (!nameNode) continue;
      const label = labelOf(nameNode, 'matcher');
      if (label && label.name !== '__name__') labels.push(label);
    }
    labels.push(...enclosingLabels(selector, labelOf));
    refs.push({ ...metric, labels });
  } while (cursor.next());
  return { refs };
}

/** Labels that enclosing aggregations, vector matchings and label functions use on the selector's series. */
function enclosingLabels(selector: SyntaxNode, labelOf: (node: SyntaxNode, role: LabelRole) => SpelledLabel | undefined): SpelledLabel[] {
  const labels: SpelledLabel[] = [];
  const created = new Set<string>();
  const add = (node: SyntaxNode, role: LabelRole) => {
    const label = labelOf(node, role);
    if (label && !created.has(label.name)) labels.push(label);
  };
  const grouping = (node: SyntaxNode | null | undefined, role: LabelRole) => {
    for (let child = node?.firstChild; child; child = child.nextSibling) if (child.name === 'LabelName' || child.name === 'QuotedLabelName') add(child, role);
  };
  let inner: SyntaxNode = selector;
  for (let outer = selector.parent; outer; inner = outer, outer = outer.parent) {
    if (outer.name === 'AggregateExpr') {
      const modifier = outer.getChild('AggregateModifier');
      if (modifier) grouping(modifier.getChild('GroupingLabels'), modifier.getChild('By') ? 'by' : 'without');
      if (outer.getChild('AggregateOp')?.firstChild?.name === 'CountValues') {
        const first = argumentsOf(outer)[0];
        if (first?.name === 'StringLiteral') add(first, 'function');
      }
    } else if (outer.name === 'BinaryExpr') {
      const clause = outer.getChild('MatchingModifierClause');
      if (!clause) continue;
      const operands = childrenOf(outer).filter(
        (child) => child.name !== 'MatchingModifierClause' && child.name !== 'BoolModifier' && child.name !== 'FillModifier',
      );
      const isLeft = operands[0]?.from === inner.from && operands[0]?.to === inner.to;
      const lists = clause.getChildren('GroupingLabels');
      grouping(lists[0], clause.getChild('On') ? 'on' : 'ignoring');
      // group_left(x) copies x from the right-hand ("one") side, group_right(x) from the left-hand side.
      const copiesFromHere = clause.getChild('GroupLeft') ? !isLeft : clause.getChild('GroupRight') ? isLeft : false;
      if (copiesFromHere) grouping(lists[1], 'group');
    } else if (outer.name === 'FunctionCallBody' && outer.parent?.name === 'FunctionCall') {
      const functionName = outer.parent.getChild('FunctionIdentifier')?.firstChild?.name ?? '';
      const args = argumentsOf(outer.parent);
      const spec = LABEL_ARGUMENTS[functionName];
      const vectorIsHere = args[0]?.from === inner.from && args[0]?.to === inner.to;
      if (spec && vectorIsHere) {
        for (let index = spec.from; index < args.length && (spec.rest || index === spec.from); index++)
          if (args[index].name === 'StringLiteral') add(args[index], 'function');
      }
      const createdAt = CREATED_LABEL_ARGUMENT[functionName];
      if (createdAt !== undefined && vectorIsHere && args[createdAt]?.name === 'StringLiteral') {
        const label = labelOf(args[createdAt], 'function');
        if (label) created.add(label.name);
      }
    }
  }
  return labels;
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/** The argument expressions of a function call or an aggregation, in order (the parentheses and commas are anonymous). */
function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const body = call.getChild('FunctionCallBody');
  return body ? childrenOf(body) : [];
}

/** The metric name of a selector: its identifier, a bare quoted name (`{"a.b"}`), or an exact `__name__` matcher. */
function metricOf(text: string, selector: SyntaxNode): Spelled | undefined {
  const identifier = selector.getChild('Identifier');
  if (identifier) return { name: text.slice(identifier.from, identifier.to), from: identifier.from, to: identifier.to };
  const matchers = selector.getChild('LabelMatchers');
  for (let matcher = matchers?.firstChild; matcher; matcher = matcher.nextSibling) {
    if (matcher.name === 'QuotedLabelName') return nameOf(text, matcher);
    if (matcher.name !== 'UnquotedLabelMatcher' && matcher.name !== 'QuotedLabelMatcher') continue;
    const label = matcher.firstChild;
    if (!label || nameOf(text, label)?.name !== '__name__') continue;
    if (matcher.getChild('MatchOp')?.firstChild?.name !== 'EqlSingle') return undefined;
    const value = matcher.getChild('StringLiteral');
    return value ? nameOf(text, value) : undefined;
  }
  return undefined;
}

/** A label or metric name as spelled by a LabelName, a QuotedLabelName or a StringLiteral node; for quoted names the
 *  span is the inside of the quotes. */
function nameOf(text: string, node: SyntaxNode): Spelled | undefined {
  if (node.name === 'LabelName') return { name: text.slice(node.from, node.to), from: node.from, to: node.to };
  const literal = node.name === 'QuotedLabelName' ? node.getChild('StringLiteral') : node.name === 'StringLiteral' ? node : null;
  if (!literal || literal.to - literal.from < 2) return undefined;
  const name = unquote(text.slice(literal.from, literal.to));
  return name === undefined || name === '' ? undefined : { name, from: literal.from + 1, to: literal.to - 1 };
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** The value of a PromQL string literal (Go's rules: double- or single-quoted with escapes, or backquoted raw). */
export function unquote(literal: string): string | undefined {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  if (quote !== '"' && quote !== "'") return undefined;
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      value += c;
      continue;
    }
    const e = body[++i];
    if (e in SIMPLE_ESCAPES) value += SIMPLE_ESCAPES[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      value += String.fromCodePoint(code);
      i += digits;
    } else if (e >= '0' && e <= '7') {
      const octal = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(octal)) return undefined;
      value += String.fromCharCode(parseInt(octal, 8));
      i += 2;
    } else return undefined;
  }
  return value;
}

function syntaxProblem(expr: string, offset: number, place: Place): string {
  const { line, character } = place(offset).range.start;
  const near = offset >= expr.length ? 'at the end of the query' : `near "${expr.slice(offset, offset + 12).split(/\r?\n/)[0]}"`;
  return `the query does not parse (line ${line + 1}, column ${character + 1}, ${near})`;
}

// Grafana's variable syntaxes: `$name`, `${name}`, `${name:format}`, `${name.field}`, `[[name]]`, `[[name:format]]`.
const VARIABLE = /\$\{[^}\n]*\}|\$\w+|\[\[\w+(?::\w+)?\]\]/y;

/** The query with each Grafana variable overwritten by a placeholder of its own length that parses where the variable
 *  stands: a duration inside `[...]` and after `offset`, a number after `@`, filler inside a string, an identifier
 *  elsewhere. `placeholder[i]` is 1 where character i was a variable. */
export function neutraliseVariables(expr: string): { text: string; placeholder: Uint8Array } {
  const placeholder = new Uint8Array(expr.length);
  if (!expr.includes('$') && !expr.includes('[[')) return { text: expr, placeholder };
  let text = '';
  let copiedTo = 0;
  let quote = '';
  let bracketDepth = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\' && quote !== '`') {
        i++;
        continue;
      }
      if (c === quote) {
        quote = '';
        continue;
      }
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      continue;
    } else if (c === '#') {
      const lineEnd = expr.indexOf('\n', i);
      if (lineEnd < 0) break;
      i = lineEnd;
      continue;
    }
    if (c !== '$' && !(c === '[' && expr[i + 1] === '[')) {
      if (!quote && c === '[') bracketDepth++;
      else if (!quote && c === ']') bracketDepth = Math.max(0, bracketDepth - 1);
      continue;
    }
    VARIABLE.lastIndex = i;
    const match = VARIABLE.exec(expr);
    if (!match) {
      if (!quote && c === '[') bracketDepth++;
      continue;
    }
    const length = match[0].length;
    let filler: string;
    if (quote) filler = '_'.repeat(length);
    else if (bracketDepth > 0 || /\boffset\s*$/i.test(expr.slice(Math.max(0, i - 12), i))) filler = `${'1'.repeat(length - 1)}s`;
    else if (/@\s*$/.test(expr.slice(Math.max(0, i - 4), i))) filler = '1'.repeat(length);
    else filler = '_'.repeat(length);
    text += expr.slice(copiedTo, i) + filler;
    placeholder.fill(1, i, i + length);
    copiedTo = i + length;
    i += length - 1;
  }
  return { text: text + expr.slice(copiedTo), placeholder };
}
