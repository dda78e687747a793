// Per-file facts of one Go source: what it declares (package, imports, string constants, label lists), the metric
// definitions it constructs (client_golang and OpenTelemetry), what each definition is bound to, every other assignment to
// a name or field (so the resolver can refuse a binding that also holds something opaque), and the label call sites with
// their receivers as references. Nothing here looks at another file: names from other files stay references that
// resolve.ts folds later, so these facts can be cached by content. No tree node outlives the call.
import { Query, type Language, type Parser } from 'web-tree-sitter';
import type { Range } from '../../engine/range';
import type { LabelCallMethod, MetricType } from '../model';
import type { GoParses, SyntaxNode } from './treeSitter';

export const CLIENT_GOLANG = 'github.com/prometheus/client_golang/prometheus';
export const PROMAUTO = 'github.com/prometheus/client_golang/prometheus/promauto';
const OTEL_METRIC = 'go.opentelemetry.io/otel/metric';
const OTEL_ATTRIBUTE = 'go.opentelemetry.io/otel/attribute';

/** A string expression, folded as far as this file allows; `ref` names a constant here or in an imported package. */
export type StrExpr =
  | { k: 'lit'; v: string }
  | { k: 'ref'; pkg?: string; name: string }
  | { k: 'cat'; parts: StrExpr[] }
  | { k: 'fq'; parts: [StrExpr | undefined, StrExpr | undefined, StrExpr | undefined] };

export interface LabelItem {
  name: StrExpr;
  range: Range;
}

/** A label-name list: a literal, a `[]string` variable, or `append` of a list and more names. */
export type LabelList = { k: 'list'; items: LabelItem[] } | { k: 'ref'; pkg?: string; name: string } | { k: 'append'; base: LabelList; items: LabelItem[] };

/** What an expression refers to, for receivers and for assigned values. */
export type GoRef =
  | { k: 'local'; func: string; name: string }
  | { k: 'var'; pkg?: string; name: string }
  /** `struct`: the struct type when the syntax shows it (a keyed literal `T{f: …}`, or `r.f` with r the method's receiver). */
  | { k: 'field'; name: string; struct?: string }
  | { k: 'def'; index: number }
  | { k: 'curry'; base: GoRef; labels: StrExpr[] | undefined }
  | { k: 'opaque'; text: string };

export type GoTarget = Extract<GoRef, { k: 'local' | 'var' | 'field' }>;

export interface GoDefinitionFact {
  source: 'go' | 'otel-go';
  /** The constructor as written without its receiver: `NewCounterVec`, `NewDesc`, `Int64Counter`. */
  constructor: string;
  type: MetricType;
  name: StrExpr | undefined;
  /** The `Name:` (or fqName, or instrument name) literal when it alone spells the full name. */
  nameRange?: Range;
  help?: StrExpr;
  /** The string literal that alone spells the help (`Help: "…"`, NewDesc's second argument). */
  helpRange?: Range;
  unit?: StrExpr;
  /** The string literal that alone spells the unit (`Unit: "seconds"`, `WithUnit("s")`). */
  unitRange?: Range;
  /** Variable labels; `null` when the constructor takes none, undefined when they cannot be read. */
  labels: LabelList | null | undefined;
  constLabels: LabelItem[];
  range: Range;
  /** How the binding is written: `requests` (package var), `handler.requests` (local var), `.requests` (struct field). */
  binding?: string;
  /** 'default' (promauto), the text of a registry expression (`promauto.With(reg)`), or undefined. */
  registry?: string;
  /** `var name = <constructor call>` when the definition is a package variable's value: what "Restore" puts back. */
  restore?: string;
  /** Made on a registerer wrapped by `WrapRegistererWithPrefix` (in the same function, or in place): the prefix its
   *  exposed name gets; null when the prefix is not a constant. */
  namePrefix?: StrExpr | null;
}

export interface GoAssignment {
  target: GoTarget;
  value: GoRef;
  line: number;
}

export interface GoCallFact {
  method: LabelCallMethod;
  callee: string;
  range: Range;
  receiver: GoRef;
  values?: Range[];
  spread?: boolean;
  argumentsEnd?: Range;
  /** Map keys or OTel attribute keys; undefined when not all are literal. */
  keys?: { name: StrExpr; range: Range }[];
  /** Kept only when the receiver resolves (a method name shared with non-metric APIs, e.g. `With`, `Add`). */
  weak?: boolean;
  /** Const metrics: the value type argument (`CounterValue`, …) when written as `prometheus.XValue`. */
  valueType?: string;
}

export interface GoRegistration {
  /** 'default' for `prometheus.MustRegister`, else the receiver's text. */
  registry: string;
  collectors: GoRef[];
  /** The receiver is a registerer wrapped by `WrapRegistererWithPrefix`: the prefix (null: not a constant), and the
   *  function the call is in, whose own metrics get it (elsewhere the exposed name is not known). */
  prefix?: StrExpr | null;
  func?: string;
}

export interface GoFileFacts {
  file: string;
  packageName?: string;
  /** Import alias (explicit, or the path's last element) → import path. */
  imports: Record<string, string>;
  /** Package-level string constants and string variables. */
  consts: Record<string, StrExpr>;
  /** Constants declared inside functions (looked up before package ones for this file's expressions). */
  localConsts: Record<string, StrExpr>;
  /** Package-level `[]string` variables. */
  lists: Record<string, LabelList>;
  /** The GOOS values this file can be built for; undefined when any. */
  goos?: string[];
  definitions: GoDefinitionFact[];
  assignments: GoAssignment[];
  calls: GoCallFact[];
  registrations: GoRegistration[];
  /** The first line (0-based) of a syntax error, when the file has one. */
  syntaxErrorLine?: number;
}

const KNOWN_GOOS = [
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
  'zos',
];
const UNIX_GOOS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd', 'openbsd', 'solaris']);
/** GOOS values that also satisfy another GOOS tag. */
const GOOS_IMPLIES: Record<string, string> = { android: 'linux', illumos: 'solaris', ios: 'darwin' };

const CONSTRUCTOR_TYPES: Record<string, { type: MetricType; vec: boolean }> = {
  NewCounter: { type: 'counter', vec: false },
  NewCounterVec: { type: 'counter', vec: true },
  NewCounterFunc: { type: 'counter', vec: false },
  NewGauge: { type: 'gauge', vec: false },
  NewGaugeVec: { type: 'gauge', vec: true },
  NewGaugeFunc: { type: 'gauge', vec: false },
  NewHistogram: { type: 'histogram', vec: false },
  NewHistogramVec: { type: 'histogram', vec: true },
  NewSummary: { type: 'summary', vec: false },
  NewSummaryVec: { type: 'summary', vec: true },
  NewUntypedFunc: { type: 'untyped', vec: false },
};

/** Const-metric constructors and the argument index of their first label value (DESIGN §1.1). */
const CONST_METRICS: Record<string, number> = {
  NewConstMetric: 3,
  MustNewConstMetric: 3,
  NewConstMetricWithCreatedTimestamp: 4,
  MustNewConstMetricWithCreatedTimestamp: 4,
  NewConstHistogram: 4,
  MustNewConstHistogram: 4,
  NewConstHistogramWithCreatedTimestamp: 5,
  MustNewConstHistogramWithCreatedTimestamp: 5,
  NewConstSummary: 4,
  MustNewConstSummary: 4,
  NewConstSummaryWithCreatedTimestamp: 5,
  MustNewConstSummaryWithCreatedTimestamp: 5,
  NewConstNativeHistogram: 9,
  MustNewConstNativeHistogram: 9,
};

const POSITIONAL = new Set<string>(['WithLabelValues', 'GetMetricWithLabelValues', 'DeleteLabelValues']);
const MAPPED = new Set<string>(['With', 'GetMetricWith', 'Delete', 'DeletePartialMatch', 'CurryWith', 'MustCurryWith']);

const OTEL_INSTRUMENT = /^(?:Int64|Float64)(Observable)?(Counter|UpDownCounter|Histogram|Gauge)$/;
const OTEL_TYPES: Record<string, MetricType> = { Counter: 'counter', UpDownCounter: 'updowncounter', Histogram: 'histogram', Gauge: 'gauge' };
const OTEL_ATTRIBUTE_CONSTRUCTORS = new Set([
  'String',
  'StringSlice',
  'Int',
  'IntSlice',
  'Int64',
  'Int64Slice',
  'Float64',
  'Float64Slice',
  'Bool',
  'BoolSlice',
  'Stringer',
]);

const METRICS_GO =
  /"github\.com\/prometheus\/client_golang\/|"go\.opentelemetry\.io\/otel\/metric|LabelValues\(|CurryWith\(|GetMetricWith\(|DeletePartialMatch\(/;

/** Cheap content test: does this Go file import client_golang or the OpenTelemetry metric API, or make label calls (a
 *  metric is often defined in one file and used in another that imports neither)? Files it rejects can still matter:
 *  same-package files may assign a bound field (taint) and other packages may hold the constants a name folds from, so
 *  a checker should also read the other files of the directories it accepts and of the workspace packages they import. */
export function looksLikeMetricsGo(text: string): boolean {
  return METRICS_GO.test(text);
}

/** `var x = promauto.New…(…)` for a constructor call that is the whole value of a package-level `var` spec. */
function packageVarDeclaration(call: SyntaxNode): string | undefined {
  let spec = call.parent;
  if (spec?.type === 'expression_list') spec = spec.parent;
  if (spec?.type !== 'var_spec' || spec.namedChildren.filter((child) => child?.type === 'identifier').length !== 1) return undefined;
  let declaration = spec.parent;
  if (declaration?.type === 'var_spec_list') declaration = declaration.parent;
  return declaration?.type === 'var_declaration' && declaration.parent?.type === 'source_file' ? `var ${spec.text}` : undefined;
}

function rangeOf(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

function emptyRangeAt(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

function unquote(node: SyntaxNode): string | undefined {
  const text = node.text;
  if (node.type === 'raw_string_literal') return text.slice(1, -1).replace(/\r/g, '');
  if (!text.includes('\\')) return text.slice(1, -1);
  try {
    return JSON.parse(text.replace(/\\'/g, "'").replace(/\\([abfv])/g, (_, c: string) => ({ a: '\\u0007', b: '\\b', f: '\\f', v: '\\u000b' })[c]!));
  } catch {
    return undefined;
  }
}

function isString(node: SyntaxNode): boolean {
  return node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal';
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

interface Scope {
  func: string;
  locals: Set<string>;
  /** A method's receiver name and its type name. */
  receiver?: { name: string; type: string };
}

/** The possible GOOS values of a file, from its name suffix and its `//go:build` line; undefined when unconstrained. */
export function goosOf(path: string, text: string): string[] | undefined {
  let possible = new Set(KNOWN_GOOS);
  const base = path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/\.go$/, '')
    .replace(/_test$/, '');
  const parts = base.split('_');
  // name_GOOS.go, name_GOOS_GOARCH.go (the first element is never a constraint)
  for (const index of [parts.length - 2, parts.length - 1]) {
    if (index >= 1 && KNOWN_GOOS.includes(parts[index])) {
      possible = new Set(KNOWN_GOOS.filter((goos) => goos === parts[index] || GOOS_IMPLIES[goos] === parts[index]));
      break;
    }
  }
  const packageAt = text.search(/^package\s/m);
  const build = /^\/\/go:build\s+(.+)$/m.exec(packageAt < 0 ? text : text.slice(0, packageAt));
  if (build) {
    const expression = parseBuildExpression(build[1].trim());
    if (expression) possible = new Set([...possible].filter((goos) => satisfiable(expression, goos)));
  }
  return possible.size === KNOWN_GOOS.length ? undefined : [...possible].sort();
}

type BuildExpr = { k: 'tag'; tag: string } | { k: 'not'; x: BuildExpr } | { k: 'and' | 'or'; a: BuildExpr; b: BuildExpr };

function parseBuildExpression(text: string): BuildExpr | undefined {
  const tokens = text.match(/&&|\|\||!|\(|\)|[A-Za-z0-9_.]+/g) ?? [];
  let at = 0;
  const or = (): BuildExpr | undefined => {
    let left = and();
    while (left && tokens[at] === '||') {
      at++;
      const right = and();
      left = right && { k: 'or', a: left, b: right };
    }
    return left;
  };
  const and = (): BuildExpr | undefined => {
    let left = unary();
    while (left && tokens[at] === '&&') {
      at++;
      const right = unary();
      left = right && { k: 'and', a: left, b: right };
    }
    return left;
  };
  const unary = (): BuildExpr | undefined => {
    const token = tokens[at++];
    if (token === '!') {
      const x = unary();
      return x && { k: 'not', x };
    }
    if (token === '(') {
      const x = or();
      return tokens[at++] === ')' ? x : undefined;
    }
    return token && /^[A-Za-z0-9_.]+$/.test(token) ? { k: 'tag', tag: token } : undefined;
  };
  const result = or();
  return at === tokens.length ? result : undefined;
}

/** Can the expression be true when building for `goos`, every tag other than GOOS ones (and `unix`) being free? */
function satisfiable(expression: BuildExpr, goos: string): boolean {
  const free: string[] = [];
  const collect = (x: BuildExpr): void => {
    if (x.k === 'tag') {
      if (!KNOWN_GOOS.includes(x.tag) && x.tag !== 'unix' && !free.includes(x.tag)) free.push(x.tag);
    } else if (x.k === 'not') collect(x.x);
    else {
      collect(x.a);
      collect(x.b);
    }
  };
  collect(expression);
  if (free.length > 10) return true;
  const evaluate = (x: BuildExpr, values: Set<string>): boolean => {
    if (x.k === 'tag') {
      if (x.tag === 'unix') return UNIX_GOOS.has(goos);
      if (KNOWN_GOOS.includes(x.tag)) return x.tag === goos || GOOS_IMPLIES[goos] === x.tag;
      return values.has(x.tag);
    }
    if (x.k === 'not') return !evaluate(x.x, values);
    return x.k === 'and' ? evaluate(x.a, values) && evaluate(x.b, values) : evaluate(x.a, values) || evaluate(x.b, values);
  };
  for (let mask = 0; mask < 1 << free.length; mask++) {
    if (evaluate(expression, new Set(free.filter((_, i) => mask & (1 << i))))) return true;
  }
  return false;
}

function defaultAlias(path: string): string {
  const elements = path.split('/');
  let last = elements[elements.length - 1];
  if (/^v\d+$/.test(last) && elements.length > 1) last = elements[elements.length - 2];
  return last.replace(/^go-/, '').replace(/[.-].*$/, '');
}

// Subtrees that hold no call, assignment or literal the extractor reads: strings, comments, and types (parameters are read
// from their function's node).
const SKIPPED = new Set([
  'comment',
  'interpreted_string_literal',
  'raw_string_literal',
  'field_declaration_list',
  'interface_type',
  'import_declaration',
  'type_declaration',
  'parameter_list',
  'type_parameter_list',
  'qualified_type',
  'pointer_type',
  'slice_type',
  'map_type',
  'array_type',
  'function_type',
  'channel_type',
  'generic_type',
]);

/** The node types the extractor reads. A query of one-node patterns captures each node as its cursor enters it: in
 *  pre-order, so nodes that start at the same place (a call of a call, `T{}.f()`, `func() {}()`) come outer first. */
const READ_NODES = [
  'function_declaration',
  'method_declaration',
  'const_spec',
  'var_spec',
  'short_var_declaration',
  'assignment_statement',
  'range_clause',
  'type_switch_statement',
  'call_expression',
  'composite_literal',
  'func_literal',
];
const READ_TYPES = new Set(READ_NODES);

interface OpenScope {
  end: number;
  outer: Scope | undefined;
}

const readNodesQueries = new WeakMap<Language, Query>();

/** One query per language (made once: compiling it takes milliseconds), capturing each node under its type's name. */
function readNodesQuery(language: Language): Query {
  let query = readNodesQueries.get(language);
  if (!query) {
    query = new Query(language, [...READ_NODES, 'array_type'].map((type) => `(${type}) @${type}`).join('\n'));
    readNodesQueries.set(language, query);
  }
  return query;
}

/** Reads one Go file's facts. `path` is repository-relative with '/'. */
/** `parser`: a parser, or the session's `GoParses` with whether to keep the tree for the next keystroke. */
export function extractGoFile(parser: Parser | { parses: GoParses; keep: boolean; replay?: boolean }, path: string, text: string): GoFileFacts {
  const tree = 'parses' in parser ? parser.parses.parse(path, text, parser.keep) : parser.parse(text);
  if (!tree) throw new Error(`tree-sitter could not parse ${path}`);
  const replays = 'parses' in parser && parser.keep && parser.replay !== false ? parser.parses.declarationsOf(path) : undefined;
  try {
    return new Extractor(path, text).run(tree.rootNode, replays);
  } finally {
    tree.delete();
  }
}

/** What one top-level declaration added to a file's facts, kept for the file being typed in. */
export interface DeclarationFacts {
  /** The context it was read in (imports, factories so far) and its text. */
  key: string;
  line: number;
  definitionsBefore: number;
  definitions: GoDefinitionFact[];
  assignments: GoAssignment[];
  calls: GoCallFact[];
  registrations: GoRegistration[];
  consts: [string, StrExpr][];
  localConsts: [string, StrExpr][];
  lists: [string, LabelList][];
  factories: [string, string][];
  factoryPrefixes: [string, StrExpr | null][];
}

interface Snapshot {
  definitions: number;
  assignments: number;
  calls: number;
  registrations: number;
  consts: Record<string, StrExpr>;
  localConsts: Record<string, StrExpr>;
  lists: Record<string, LabelList>;
  factories: Map<string, string>;
  factoryPrefixes: Map<string, StrExpr | null>;
}

/** A copy of facts moved down by `lines` (every position's line and every assignment's line), with references to
 *  definitions of the file renumbered by `definitions`. Columns stay: a top-level declaration starts its line. */
function shifted<T>(value: T, lines: number, definitions: number): T {
  if (Array.isArray(value)) return value.map((item) => shifted(item, lines, definitions)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(record)) copy[key] = shifted(item, lines, definitions);
  if (typeof record.line === 'number') copy.line = record.line + lines;
  if (record.k === 'def' && typeof record.index === 'number') copy.index = record.index + definitions;
  // A function literal's scope is named after its line (functionKey), and so are the bindings made in it.
  for (const key of ['func', 'binding']) {
    if (typeof record[key] === 'string') copy[key] = (record[key] as string).replace(/^func@(\d+)/, (_, line: string) => `func@${Number(line) + lines}`);
  }
  return copy as T;
}

class Extractor {
  private readonly facts: GoFileFacts;
  private readonly definitionByNode = new Map<number, number | null>();
  /** Variables holding `promauto.With(x)`: name → registry text. */
  private readonly factories = new Map<string, string>();
  /** Factories made on a wrapped registerer: name → the prefix their metrics' names get. */
  private readonly factoryPrefixes = new Map<string, StrExpr | null>();
  /** Registerers wrapped by `WrapRegistererWithPrefix`/`WrapRegistererWith`, by function and variable. */
  private readonly wrappers = new Map<string, StrExpr | null>();
  private scope: Scope | undefined;
  private hasOtel = false;

  constructor(
    path: string,
    private readonly text: string,
  ) {
    this.facts = {
      file: path,
      imports: {},
      consts: {},
      localConsts: {},
      lists: {},
      definitions: [],
      assignments: [],
      calls: [],
      registrations: [],
    };
  }

  run(root: SyntaxNode, replays?: { list: DeclarationFacts[] }): GoFileFacts {
    const goos = goosOf(this.facts.file, this.text);
    if (goos) this.facts.goos = goos;
    if (root.hasError) this.facts.syntaxErrorLine = firstErrorLine(root);
    for (const child of root.namedChildren) {
      if (child.type === 'package_clause') this.facts.packageName = child.namedChild(0)?.text;
      else if (child.type === 'import_declaration') this.readImports(child);
    }
    this.hasOtel = Object.values(this.facts.imports).some((path) => path.startsWith(OTEL_METRIC));
    if (!replays) {
      this.walk(root);
      return this.facts;
    }
    // Typing: a top-level declaration whose text and context are those of the previous keystroke gives the same facts,
    // moved by the lines inserted above it; only the declarations that changed are walked again.
    // The root is an ERROR node when the whole file fails to parse; what a declaration under it means differs.
    const context = JSON.stringify([root.type, this.facts.imports, this.hasOtel]);
    const previous = new Map<string, DeclarationFacts[]>();
    for (const declaration of replays.list) {
      const same = previous.get(declaration.key);
      if (same) same.push(declaration);
      else previous.set(declaration.key, [declaration]);
    }
    const next: DeclarationFacts[] = [];
    for (const child of root.children) {
      if (!child || SKIPPED.has(child.type)) continue;
      // Lines move, columns do not: a declaration that no longer starts where it did on its line is read again.
      const key = `${context}\u0000${JSON.stringify([...this.factories, ...this.factoryPrefixes])}\u0000${child.type}\u0000${child.startPosition.column}\u0000${this.text.slice(child.startIndex, child.endIndex)}`;
      const line = child.startPosition.row;
      // A damaged declaration may be recovered differently next time even with the same text: it is always walked again.
      const known = child.hasError ? undefined : previous.get(key)?.shift();
      if (known) {
        this.replay(known, line - known.line, this.facts.definitions.length - known.definitionsBefore);
        next.push(known);
        continue;
      }
      const before = this.snapshot();
      this.walk(child);
      if (!child.hasError) next.push(this.recorded(before, key, line));
    }
    replays.list = next;
    return this.facts;
  }

  private snapshot(): Snapshot {
    const { definitions, assignments, calls, registrations, consts, localConsts, lists } = this.facts;
    return {
      definitions: definitions.length,
      assignments: assignments.length,
      calls: calls.length,
      registrations: registrations.length,
      consts: { ...consts },
      localConsts: { ...localConsts },
      lists: { ...lists },
      factories: new Map(this.factories),
      factoryPrefixes: new Map(this.factoryPrefixes),
    };
  }

  /** What one declaration added, from the snapshot taken before it was walked. */
  private recorded(before: Snapshot, key: string, line: number): DeclarationFacts {
    const added = <T>(now: Record<string, T>, then: Record<string, T>) => Object.entries(now).filter(([name, value]) => then[name] !== value);
    return {
      key,
      line,
      definitionsBefore: before.definitions,
      definitions: this.facts.definitions.slice(before.definitions),
      assignments: this.facts.assignments.slice(before.assignments),
      calls: this.facts.calls.slice(before.calls),
      registrations: this.facts.registrations.slice(before.registrations),
      consts: added(this.facts.consts, before.consts),
      localConsts: added(this.facts.localConsts, before.localConsts),
      lists: added(this.facts.lists, before.lists),
      factories: [...this.factories].filter(([name, registry]) => before.factories.get(name) !== registry),
      factoryPrefixes: [...this.factoryPrefixes].filter(([name, prefix]) => before.factoryPrefixes.get(name) !== prefix),
    };
  }

  private replay(known: DeclarationFacts, lines: number, definitions: number): void {
    const moved = <T>(value: T): T => (lines === 0 && definitions === 0 ? value : shifted(value, lines, definitions));
    this.facts.definitions.push(...known.definitions.map(moved));
    this.facts.assignments.push(...known.assignments.map(moved));
    this.facts.calls.push(...known.calls.map(moved));
    this.facts.registrations.push(...known.registrations.map(moved));
    for (const [name, value] of known.consts) this.facts.consts[name] = moved(value);
    for (const [name, value] of known.localConsts) this.facts.localConsts[name] = moved(value);
    for (const [name, value] of known.lists) this.facts.lists[name] = moved(value);
    for (const [name, registry] of known.factories) this.factories.set(name, registry);
    for (const [name, prefix] of known.factoryPrefixes) this.factoryPrefixes.set(name, moved(prefix));
  }

  private readImports(declaration: SyntaxNode): void {
    for (const spec of declaration.descendantsOfType('import_spec')) {
      if (!spec) continue;
      const pathNode = spec.childForFieldName('path');
      if (!pathNode) continue;
      const path = unquote(pathNode);
      if (!path) continue;
      const alias = spec.childForFieldName('name')?.text ?? defaultAlias(path);
      if (alias !== '_' && alias !== '.') this.facts.imports[alias] = path;
    }
  }

  /** The nodes the extractor reads, in pre-order, with function scopes pushed on entry and popped when the walk leaves
   *  them. A tree without syntax errors is walked by a query, which visits its nodes inside WebAssembly and hands over
   *  only the nodes read (about one in fifteen); a cursor step costs as much as parsing the node did. */
  private walk(root: SyntaxNode): void {
    const scopes: OpenScope[] = [];
    const outermost = this.scope;
    try {
      if (root.hasError) this.walkEveryNode(root, scopes);
      else this.walkReadNodes(root, scopes);
    } finally {
      this.scope = outermost;
    }
  }

  /** The query's captures come in pre-order (see READ_NODES). Array types are captured only to skip what they hold (a
   *  length expression), as the cursor walk skips types: in a tree without errors no other skipped node holds a node
   *  read here. */
  private walkReadNodes(root: SyntaxNode, scopes: OpenScope[]): void {
    let skippedUntil = -1;
    for (const { name: type, node } of readNodesQuery(root.tree.language).captures(root)) {
      const at = node.startIndex;
      if (at < skippedUntil) continue;
      while (scopes.length > 0 && scopes[scopes.length - 1].end <= at) this.scope = scopes.pop()!.outer;
      if (type === 'array_type' || !this.read(type, node, scopes)) skippedUntil = node.endIndex;
    }
  }

  /** One pre-order walk over every node with a cursor, for trees with syntax errors (whatever error recovery built). */
  private walkEveryNode(root: SyntaxNode, scopes: OpenScope[]): void {
    const cursor = root.walk();
    try {
      for (;;) {
        const type = cursor.nodeType;
        const descend = !SKIPPED.has(type) && (!READ_TYPES.has(type) || this.read(type, cursor.currentNode, scopes));
        if (descend && cursor.gotoFirstChild()) continue;
        for (;;) {
          if (cursor.gotoNextSibling()) break;
          if (!cursor.gotoParent()) return;
        }
        const at = cursor.startIndex;
        while (scopes.length > 0 && scopes[scopes.length - 1].end <= at) this.scope = scopes.pop()!.outer;
      }
    } finally {
      cursor.delete();
    }
  }

  /** Reads one node of a type in READ_TYPES; false when what it holds is not to be walked. */
  private read(type: string, node: SyntaxNode, scopes: OpenScope[]): boolean {
    switch (type) {
      case 'function_declaration':
      case 'method_declaration':
      case 'func_literal':
        if (type !== 'func_literal' || !this.scope) {
          scopes.push({ end: node.endIndex, outer: this.scope });
          this.scope = { func: functionKey(node), locals: new Set(), receiver: receiverOf(node) };
        }
        this.declareParameters(node);
        break;
      case 'const_spec':
        this.readConst(node);
        return false;
      case 'var_spec':
        this.readVar(node);
        break;
      case 'short_var_declaration':
      case 'assignment_statement':
        this.readAssignment(node);
        break;
      case 'range_clause':
      case 'type_switch_statement':
        for (const name of node.childForFieldName('left')?.descendantsOfType('identifier') ?? []) {
          if (name) this.declareLocal(name.text);
        }
        break;
      case 'composite_literal':
        this.readKeyedFields(node);
        break;
      case 'call_expression':
        this.readCall(node);
        break;
    }
    return true;
  }

  /** A local declared in a function; one that shadows the receiver hides the receiver's type for the rest of the function. */
  private declareLocal(name: string): void {
    if (!this.scope) return;
    this.scope.locals.add(name);
    if (this.scope.receiver?.name === name) this.scope.receiver = undefined;
  }

  private declareParameters(node: SyntaxNode): void {
    if (!this.scope) return;
    for (const field of ['receiver', 'parameters', 'result']) {
      const list = node.childForFieldName(field);
      if (!list || list.type !== 'parameter_list') continue;
      for (const parameter of list.namedChildren) {
        for (const name of parameter?.childrenForFieldName('name') ?? []) {
          if (name && field === 'receiver') this.scope.locals.add(name.text);
          else if (name) this.declareLocal(name.text);
        }
      }
    }
  }

  // ---- declarations and assignments

  private readConst(spec: SyntaxNode): void {
    const names = spec.childrenForFieldName('name');
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    const into = this.scope ? this.facts.localConsts : this.facts.consts;
    names.forEach((name, i) => {
      const value = values[i];
      if (!name || !value) return;
      const folded = this.foldString(value);
      if (folded) into[name.text] = folded;
    });
  }

  private readVar(spec: SyntaxNode): void {
    const names = spec.childrenForFieldName('name').filter((name): name is SyntaxNode => !!name);
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    for (const name of names) this.declareLocal(name.text);
    if (values.length === 0) return;
    names.forEach((name, i) => {
      // `var a, b = f()` binds the first result; `var a, b = x, y` pairs them.
      const value = values.length === names.length ? values[i] : i === 0 ? values[0] : undefined;
      if (!value) return this.assign(this.targetOfName(name.text), undefined, name);
      if (!this.scope) {
        const folded = this.foldString(value);
        if (folded) this.facts.consts[name.text] = folded;
        else if (value.type === 'composite_literal' || value.type === 'call_expression') {
          const list = this.labelList(value);
          if (list) this.facts.lists[name.text] = list;
        }
      }
      this.assign(this.targetOfName(name.text), value, name);
    });
  }

  private readAssignment(node: SyntaxNode): void {
    const operator = node.childForFieldName('operator')?.text;
    if (node.type === 'assignment_statement' && operator !== undefined && operator !== '=') return;
    const left = node.childForFieldName('left')?.namedChildren ?? [];
    const right = node.childForFieldName('right')?.namedChildren ?? [];
    if (node.type === 'short_var_declaration' && this.scope) {
      for (const target of left) if (target?.type === 'identifier') this.declareLocal(target.text);
    }
    left.forEach((target, i) => {
      if (!target) return;
      // `a, b := f()` binds the first result (an instrument and its error); `a, b = x, y` pairs them.
      const value = right.length === left.length ? right[i] : i === 0 ? right[0] : undefined;
      let goTarget: GoTarget | undefined;
      if (target.type === 'identifier') {
        if (target.text === '_') return;
        goTarget = this.targetOfName(target.text);
        if (value && !this.scope) {
          const folded = this.foldString(value);
          if (folded) this.facts.consts[target.text] = folded;
        }
      } else if (target.type === 'selector_expression') {
        const operand = target.childForFieldName('operand');
        const field = target.childForFieldName('field')?.text;
        if (!field) return;
        goTarget =
          operand?.type === 'identifier' && this.importOf(operand.text)
            ? { k: 'var', pkg: this.importOf(operand.text), name: field }
            : this.fieldRef(operand, field);
      }
      if (goTarget) this.assign(goTarget, value, target);
    });
  }

  /** Keyed elements of a composite literal of a local struct type are field assignments. */
  private readKeyedFields(literal: SyntaxNode): void {
    const type = literal.childForFieldName('type');
    if (!type || type.type === 'map_type' || type.type === 'slice_type' || type.type === 'array_type') return;
    if (type.type === 'qualified_type') {
      const path = this.importOf(type.childForFieldName('package')?.text ?? '');
      if (path && (path.startsWith('github.com/prometheus/client_golang') || path.startsWith('go.opentelemetry.io/'))) return;
    }
    const struct = type.type === 'type_identifier' ? type.text : type.type === 'generic_type' ? type.childForFieldName('type')?.text : undefined;
    const body = literal.childForFieldName('body');
    for (const element of body?.namedChildren ?? []) {
      if (element?.type !== 'keyed_element') continue;
      const key = element.namedChild(0)?.namedChild(0);
      const value = element.namedChild(1)?.namedChild(0);
      if (key?.type !== 'identifier' && key?.type !== 'field_identifier') continue;
      this.assign(struct ? { k: 'field', name: key.text, struct } : { k: 'field', name: key.text }, value ?? undefined, key);
    }
  }

  private assign(target: GoTarget, value: SyntaxNode | undefined, at: SyntaxNode): void {
    const line = at.startPosition.row;
    if (!value) {
      this.facts.assignments.push({ target, value: { k: 'opaque', text: 'a value of a multi-value expression' }, line });
      return;
    }
    // Before the child-metric test: `promauto.With(reg)` has a label method's name but makes a factory.
    if (target.k !== 'field' && value.type === 'call_expression') {
      const factory = this.promautoWith(value);
      if (factory !== undefined) {
        this.factories.set(target.name, factory);
        const prefix = this.wrapperPrefix(value.childForFieldName('arguments')?.namedChild(0) ?? null);
        if (prefix !== undefined) this.factoryPrefixes.set(target.name, prefix);
        else this.factoryPrefixes.delete(target.name);
      }
      // Read before it is set: `reg = prometheus.WrapRegistererWithPrefix("x_", reg)` wraps what reg was.
      const wrapped = this.wrapperPrefix(value);
      if (this.scope && wrapped !== undefined) this.wrappers.set(this.wrapperKey(target.name), wrapped);
      else if (this.scope) this.wrappers.delete(this.wrapperKey(target.name));
    } else if (this.scope && target.k !== 'field') this.wrappers.delete(this.wrapperKey(target.name));
    if (value.type === 'nil' || this.isChildMetric(value)) return;
    const ref = this.reference(value);
    if (ref.k === 'def') {
      const definition = this.facts.definitions[ref.index];
      definition.binding ??= target.k === 'field' ? `.${target.name}` : target.k === 'local' ? `${target.func}.${target.name}` : target.name;
    } else if (ref.k === 'curry') {
      let base: GoRef = ref;
      while (base.k === 'curry') base = base.base;
      if (base.k === 'def')
        this.facts.definitions[base.index].binding ??=
          target.k === 'field' ? `.${target.name}` : target.k === 'local' ? `${target.func}.${target.name}` : target.name;
    }
    this.facts.assignments.push({ target, value: ref, line });
  }

  /** `v.WithLabelValues(…)` and the like yield a child metric (or a bool): a name holding one never takes label calls, so
   *  such an assignment neither binds nor taints it. */
  private isChildMetric(value: SyntaxNode): boolean {
    if (value.type !== 'call_expression') return false;
    const fn = value.childForFieldName('function');
    const method = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : undefined;
    return method !== undefined && (POSITIONAL.has(method) || (MAPPED.has(method) && method !== 'CurryWith' && method !== 'MustCurryWith'));
  }

  private fieldRef(operand: SyntaxNode | null, name: string): Extract<GoTarget, { k: 'field' }> {
    const receiver = this.scope?.receiver;
    return receiver && operand?.type === 'identifier' && operand.text === receiver.name ? { k: 'field', name, struct: receiver.type } : { k: 'field', name };
  }

  private targetOfName(name: string): GoTarget {
    return this.scope?.locals.has(name) ? { k: 'local', func: this.scope.func, name } : { k: 'var', name };
  }

  private importOf(alias: string): string | undefined {
    if (this.scope?.locals.has(alias)) return undefined;
    return Object.prototype.hasOwnProperty.call(this.facts.imports, alias) ? this.facts.imports[alias] : undefined;
  }

  /** What an expression refers to: a name, a field, a definition written in place, a curried chain, or something opaque. */
  private reference(node: SyntaxNode): GoRef {
    switch (node.type) {
      case 'identifier':
        return this.targetOfName(node.text);
      case 'parenthesized_expression':
        return node.namedChild(0) ? this.reference(node.namedChild(0)!) : { k: 'opaque', text: short(node.text) };
      case 'unary_expression':
        if (node.childForFieldName('operator')?.text === '&' && node.childForFieldName('operand')) return this.reference(node.childForFieldName('operand')!);
        break;
      case 'selector_expression': {
        const operand = node.childForFieldName('operand');
        const field = node.childForFieldName('field')?.text ?? '';
        const path = operand?.type === 'identifier' ? this.importOf(operand.text) : undefined;
        return path ? { k: 'var', pkg: path, name: field } : this.fieldRef(operand, field);
      }
      case 'call_expression': {
        const index = this.definitionAt(node);
        if (index !== undefined) return { k: 'def', index };
        const fn = node.childForFieldName('function');
        if (fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'MustCurryWith') {
          const operand = fn.childForFieldName('operand');
          const argument = node.childForFieldName('arguments')?.namedChild(0);
          const keys = argument ? this.mapKeys(argument) : undefined;
          if (operand) return { k: 'curry', base: this.reference(operand), labels: keys?.map((key) => key.name) };
        }
        break;
      }
    }
    return { k: 'opaque', text: short(node.text) };
  }

  // ---- strings and label lists

  private foldString(node: SyntaxNode): StrExpr | undefined {
    switch (node.type) {
      case 'interpreted_string_literal':
      case 'raw_string_literal': {
        const v = unquote(node);
        return v === undefined ? undefined : { k: 'lit', v };
      }
      case 'identifier':
        return this.scope?.locals.has(node.text) ? undefined : { k: 'ref', name: node.text };
      case 'parenthesized_expression':
        return node.namedChild(0) ? this.foldString(node.namedChild(0)!) : undefined;
      case 'selector_expression': {
        const operand = node.childForFieldName('operand');
        const path = operand?.type === 'identifier' ? this.importOf(operand.text) : undefined;
        return path ? { k: 'ref', pkg: path, name: node.childForFieldName('field')?.text ?? '' } : undefined;
      }
      case 'binary_expression': {
        if (node.childForFieldName('operator')?.text !== '+') return undefined;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const a = left && this.foldString(left);
        const b = right && this.foldString(right);
        return a && b ? { k: 'cat', parts: [a, b] } : undefined;
      }
      case 'call_expression': {
        if (this.clientGolangCall(node) !== 'BuildFQName') return undefined;
        const args = node.childForFieldName('arguments')?.namedChildren ?? [];
        if (args.length !== 3) return undefined;
        const parts = args.map((arg) => (arg ? this.foldString(arg) : undefined));
        return { k: 'fq', parts: [parts[0], parts[1], parts[2]] };
      }
    }
    return undefined;
  }

  /** `prometheus.X(...)` → 'X' when the operand is client_golang's prometheus package. */
  private clientGolangCall(node: SyntaxNode): string | undefined {
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'selector_expression') return undefined;
    const operand = fn.childForFieldName('operand');
    if (operand?.type !== 'identifier' || this.importOf(operand.text) !== CLIENT_GOLANG) return undefined;
    return fn.childForFieldName('field')?.text;
  }

  private labelItems(body: SyntaxNode): LabelItem[] | undefined {
    const items: LabelItem[] = [];
    for (const element of body.namedChildren) {
      if (!element || element.type === 'comment') continue;
      let inner = element.type === 'literal_element' ? element.namedChild(0) : undefined;
      // ConstrainedLabels{{Name: "a", Constraint: f}}
      if (inner?.type === 'literal_value') {
        const nameElement = inner.namedChildren.find((keyed) => keyed?.type === 'keyed_element' && keyed.namedChild(0)?.text === 'Name');
        inner = nameElement?.namedChild(1)?.namedChild(0) ?? null;
      }
      const name = inner ? this.foldString(inner) : undefined;
      if (!inner || !name) return undefined;
      items.push({ name, range: rangeOf(inner) });
    }
    return items;
  }

  /** `[]string{…}`, `prometheus.UnconstrainedLabels{…}`, `ConstrainedLabels{…}`, a variable, `append(list, …)`, `nil`. */
  private labelList(node: SyntaxNode): LabelList | null | undefined {
    switch (node.type) {
      case 'nil':
        return { k: 'list', items: [] };
      case 'composite_literal': {
        const type = node.childForFieldName('type');
        const typeName = type?.type === 'qualified_type' ? type.childForFieldName('name')?.text : type?.type === 'slice_type' ? 'slice' : undefined;
        if (typeName !== 'slice' && typeName !== 'UnconstrainedLabels' && typeName !== 'ConstrainedLabels') return undefined;
        const body = node.childForFieldName('body');
        const items = body ? this.labelItems(body) : undefined;
        return items && { k: 'list', items };
      }
      case 'identifier':
        return this.scope?.locals.has(node.text) ? undefined : { k: 'ref', name: node.text };
      case 'selector_expression': {
        const operand = node.childForFieldName('operand');
        const path = operand?.type === 'identifier' ? this.importOf(operand.text) : undefined;
        return path ? { k: 'ref', pkg: path, name: node.childForFieldName('field')?.text ?? '' } : undefined;
      }
      case 'call_expression': {
        if (node.childForFieldName('function')?.text !== 'append') return undefined;
        const args = node.childForFieldName('arguments')?.namedChildren ?? [];
        const base = args[0] ? this.labelList(args[0]) : undefined;
        if (!base) return undefined;
        const items: LabelItem[] = [];
        for (const arg of args.slice(1)) {
          const name = arg ? this.foldString(arg) : undefined;
          if (!arg || !name) return undefined;
          items.push({ name, range: rangeOf(arg) });
        }
        return { k: 'append', base, items };
      }
    }
    return undefined;
  }

  /** Keys of a `prometheus.Labels{…}` or `map[string]string{…}` literal; undefined when it is not such a literal. */
  private mapKeys(node: SyntaxNode): { name: StrExpr; range: Range }[] | undefined {
    if (node.type !== 'composite_literal') return undefined;
    const type = node.childForFieldName('type');
    const isLabels =
      type?.type === 'map_type' || (type?.type === 'qualified_type' && type.childForFieldName('name')?.text === 'Labels') || type?.text === 'Labels';
    if (!isLabels) return undefined;
    const keys: { name: StrExpr; range: Range }[] = [];
    for (const element of node.childForFieldName('body')?.namedChildren ?? []) {
      if (!element || element.type === 'comment') continue;
      if (element.type !== 'keyed_element') return undefined;
      const key = element.namedChild(0)?.namedChild(0);
      const name = key ? this.foldString(key) : undefined;
      if (!key || !name) return undefined;
      keys.push({ name, range: rangeOf(key) });
    }
    return keys;
  }

  // ---- calls

  /** `promauto.With(x)` → the registry text ('' for `With(nil)`, which registers nothing). */
  private promautoWith(node: SyntaxNode): string | undefined {
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || fn.childForFieldName('field')?.text !== 'With') return undefined;
    const operand = fn.childForFieldName('operand');
    if (operand?.type !== 'identifier' || this.importOf(operand.text) !== PROMAUTO) return undefined;
    const argument = node.childForFieldName('arguments')?.namedChild(0);
    return argument && argument.type !== 'nil' ? argument.text : '';
  }

  private wrapperKey(name: string): string {
    return `${this.scope?.func ?? ''}\u0000${name}`;
  }

  /** The prefix a registerer expression adds to the names registered on it: `WrapRegistererWithPrefix(p, inner)` adds
   *  inner's then p, `WrapRegistererWith(labels, inner)` inner's; a variable wrapped earlier in the same function, its
   *  wrapper's. Undefined when the expression is not a known wrapper; null when a prefix is not a constant. */
  private wrapperPrefix(node: SyntaxNode | null): StrExpr | null | undefined {
    if (!node) return undefined;
    if (node.type === 'identifier') return this.scope ? this.wrappers.get(this.wrapperKey(node.text)) : undefined;
    if (node.type !== 'call_expression') return undefined;
    const wrapper = this.clientGolangCall(node);
    if (wrapper !== 'WrapRegistererWithPrefix' && wrapper !== 'WrapRegistererWith') return undefined;
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((arg): arg is SyntaxNode => !!arg && arg.type !== 'comment');
    const inner = this.wrapperPrefix(args[1] ?? null);
    if (inner === null) return null;
    if (wrapper === 'WrapRegistererWith') return inner ?? { k: 'lit', v: '' };
    const own = args[0] ? this.foldString(args[0]) : undefined;
    if (!own) return null;
    return inner === undefined || (inner.k === 'lit' && inner.v === '') ? own : { k: 'cat', parts: [inner, own] };
  }

  /** The definition a constructor call makes (extracted once per node), or undefined when the call is not one. */
  private definitionAt(node: SyntaxNode): number | undefined {
    const known = this.definitionByNode.get(node.id);
    if (known !== undefined) return known ?? undefined;
    const definition = node.hasError ? undefined : this.readDefinition(node);
    if (definition) {
      const restore = packageVarDeclaration(node);
      if (restore) definition.restore = restore;
      this.facts.definitions.push(definition);
    }
    const index = definition ? this.facts.definitions.length - 1 : null;
    this.definitionByNode.set(node.id, index);
    return index ?? undefined;
  }

  private readDefinition(node: SyntaxNode): GoDefinitionFact | undefined {
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'selector_expression') return undefined;
    const method = fn.childForFieldName('field')?.text ?? '';
    const operand = fn.childForFieldName('operand');
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((arg): arg is SyntaxNode => !!arg && arg.type !== 'comment');
    if (!operand) return undefined;
    if (this.hasOtel && OTEL_INSTRUMENT.test(method)) return this.readInstrument(node, method, args);
    const constructor = CONSTRUCTOR_TYPES[method];
    if (!constructor && method !== 'NewDesc') return undefined;
    let registry: string | undefined;
    let namePrefix: StrExpr | null | undefined;
    let v2 = false;
    const operandPath = operand.type === 'identifier' ? this.importOf(operand.text) : undefined;
    if (operandPath === CLIENT_GOLANG) registry = undefined;
    else if (operandPath === PROMAUTO) registry = 'default';
    else if (operand.type === 'selector_expression' && operand.childForFieldName('field')?.text === 'V2') {
      const base = operand.childForFieldName('operand');
      if (base?.type !== 'identifier' || this.importOf(base.text) !== CLIENT_GOLANG) return undefined;
      v2 = true;
    } else if (operand.type === 'call_expression' && this.promautoWith(operand) !== undefined) {
      registry = this.promautoWith(operand) || undefined;
      namePrefix = this.wrapperPrefix(operand.childForFieldName('arguments')?.namedChild(0) ?? null);
    } else if (operand.type === 'identifier' && this.factories.has(operand.text)) {
      registry = this.factories.get(operand.text) || undefined;
      namePrefix = this.factoryPrefixes.get(operand.text);
    } else if (!(args[0] && this.isOptsLiteral(args[0]))) return undefined;
    const range = rangeOf(node);
    if (method === 'NewDesc') {
      if (args.length < 2) return undefined;
      const name = this.foldString(args[0]);
      const definition: GoDefinitionFact = {
        source: 'go',
        constructor: v2 ? 'V2.NewDesc' : 'NewDesc',
        type: 'untyped',
        name,
        help: this.foldString(args[1]),
        ...(isString(args[1]) ? { helpRange: rangeOf(args[1]) } : {}),
        labels: args[2] ? this.labelList(args[2]) : { k: 'list', items: [] },
        constLabels: args[3] ? (this.mapKeys(args[3]) ?? []) : [],
        range,
        registry,
      };
      if (name?.k === 'lit' && isString(args[0])) definition.nameRange = rangeOf(args[0]);
      // Without options a descriptor's unit is empty; an option that is not a call may set one.
      if (args.length <= 4) definition.unit = { k: 'lit', v: '' };
      for (const option of args.slice(4)) {
        if (option.type === 'call_expression' && this.clientGolangCall(option) === 'WithUnit') {
          const unit = option.childForFieldName('arguments')?.namedChild(0);
          definition.unit = unit ? this.foldString(unit) : undefined;
          if (unit && isString(unit)) definition.unitRange = rangeOf(unit);
        }
      }
      return definition;
    }
    let opts = args[0] ? this.optsFields(args[0]) : undefined;
    let labels: LabelList | null | undefined = null;
    if (constructor.vec) {
      if (v2) {
        const vecOpts = opts;
        const embedded = vecOpts?.get(
          `${constructor.type === 'counter' ? 'Counter' : constructor.type === 'gauge' ? 'Gauge' : constructor.type === 'histogram' ? 'Histogram' : 'Summary'}Opts`,
        );
        opts = embedded ? this.optsFields(embedded) : undefined;
        const variable = vecOpts?.get('VariableLabels');
        labels = variable ? this.labelList(variable) : { k: 'list', items: [] };
      } else labels = args[1] ? this.labelList(args[1]) : undefined;
    }
    const part = (key: string): StrExpr | undefined => {
      const value = opts?.get(key);
      return value ? this.foldString(value) : undefined;
    };
    const nameNode = opts?.get('Name');
    const name = nameNode ? part('Name') : opts ? { k: 'lit' as const, v: '' } : undefined;
    const namespace = opts?.get('Namespace');
    const subsystem = opts?.get('Subsystem');
    const definition: GoDefinitionFact = {
      source: 'go',
      constructor: (v2 ? 'V2.' : '') + method,
      type: constructor.type,
      name:
        name &&
        (namespace || subsystem
          ? { k: 'fq', parts: [namespace ? part('Namespace') : { k: 'lit', v: '' }, subsystem ? part('Subsystem') : { k: 'lit', v: '' }, name] }
          : name),
      labels,
      constLabels: (opts?.get('ConstLabels') && this.mapKeys(opts.get('ConstLabels')!)) || [],
      range,
      registry,
    };
    if ((namespace && !part('Namespace')) || (subsystem && !part('Subsystem'))) definition.name = undefined;
    // An Opts literal without Help has the empty help, which promlint reports ("no help text"); no literal, no knowing.
    if (opts?.has('Help')) {
      definition.help = part('Help');
      if (isString(opts.get('Help')!)) definition.helpRange = rangeOf(opts.get('Help')!);
    } else if (opts) definition.help = { k: 'lit', v: '' };
    // Like Help: an Opts literal without Unit has the empty unit (client_golang 1.24 compares units at registration).
    if (opts?.has('Unit')) {
      definition.unit = part('Unit');
      const unitNode = opts.get('Unit')!;
      if (isString(unitNode)) definition.unitRange = rangeOf(unitNode);
    } else if (opts) definition.unit = { k: 'lit', v: '' };
    if (nameNode && isString(nameNode) && !namespace && !subsystem) definition.nameRange = rangeOf(nameNode);
    if (namePrefix !== undefined) definition.namePrefix = namePrefix;
    return definition;
  }

  private isOptsLiteral(node: SyntaxNode): boolean {
    const literal = node.type === 'unary_expression' ? node.childForFieldName('operand') : node;
    if (literal?.type !== 'composite_literal') return false;
    const type = literal.childForFieldName('type');
    return type?.type === 'qualified_type' && /Opts$/.test(type.childForFieldName('name')?.text ?? '');
  }

  /** The keyed fields of an `XOpts{…}` literal (or `&XOpts{…}`). */
  private optsFields(node: SyntaxNode): Map<string, SyntaxNode> | undefined {
    const literal = node.type === 'unary_expression' ? node.childForFieldName('operand') : node;
    if (literal?.type !== 'composite_literal') return undefined;
    const fields = new Map<string, SyntaxNode>();
    for (const element of literal.childForFieldName('body')?.namedChildren ?? []) {
      if (element?.type !== 'keyed_element') continue;
      const key = element.namedChild(0)?.text;
      const value = element.namedChild(1)?.namedChild(0);
      if (key && value) fields.set(key, value);
    }
    return fields;
  }

  private readInstrument(node: SyntaxNode, method: string, args: SyntaxNode[]): GoDefinitionFact | undefined {
    const match = OTEL_INSTRUMENT.exec(method)!;
    if (!args[0]) return undefined;
    const definition: GoDefinitionFact = {
      source: 'otel-go',
      constructor: method,
      type: OTEL_TYPES[match[2]],
      name: this.foldString(args[0]),
      labels: undefined,
      constLabels: [],
      range: rangeOf(node),
    };
    if (definition.name?.k === 'lit' && isString(args[0])) definition.nameRange = rangeOf(args[0]);
    for (const option of args.slice(1)) {
      if (option.type !== 'call_expression') continue;
      const fn = option.childForFieldName('function');
      const which = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : undefined;
      const value = option.childForFieldName('arguments')?.namedChild(0);
      if (!value) continue;
      if (which === 'WithUnit') {
        definition.unit = this.foldString(value);
        if (isString(value)) definition.unitRange = rangeOf(value);
      } else if (which === 'WithDescription') definition.help = this.foldString(value);
    }
    return definition;
  }

  private readCall(node: SyntaxNode): void {
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'selector_expression') return;
    const method = fn.childForFieldName('field')?.text ?? '';
    const operand = fn.childForFieldName('operand');
    if (!operand) return;
    if (CONSTRUCTOR_TYPES[method] || method === 'NewDesc' || OTEL_INSTRUMENT.test(method)) {
      this.definitionAt(node);
      return;
    }
    const positional = POSITIONAL.has(method);
    const mapped = MAPPED.has(method);
    const constIndex = CONST_METRICS[method];
    const operandPath = operand.type === 'identifier' ? this.importOf(operand.text) : undefined;
    const isRecord = this.hasOtel && (method === 'Add' || method === 'Record');
    const isObserve = this.hasOtel && (method === 'ObserveInt64' || method === 'ObserveFloat64');
    const isRegister = method === 'MustRegister' || method === 'Register';
    if (!positional && !mapped && constIndex === undefined && !isRecord && !isObserve && !isRegister) return;
    const argumentList = node.childForFieldName('arguments');
    if (!argumentList) return;
    const args = argumentList.namedChildren.filter((arg): arg is SyntaxNode => !!arg && arg.type !== 'comment');
    if (isRegister) {
      if (operandPath && operandPath !== CLIENT_GOLANG) return;
      if (node.hasError) return;
      const registration: GoRegistration = { registry: operandPath ? 'default' : operand.text, collectors: args.map((arg) => this.reference(arg)) };
      const prefix = operandPath ? undefined : this.wrapperPrefix(operand);
      if (prefix !== undefined) Object.assign(registration, { prefix, func: this.scope?.func ?? '' });
      this.facts.registrations.push(registration);
      return;
    }
    if (operandPath && constIndex === undefined) return;
    if (node.hasError) return;
    const range = rangeOf(node);
    const last = args[args.length - 1];
    const open = argumentList.child(0);
    const argumentsEnd = last ? emptyRangeAt(last.endPosition.row, last.endPosition.column) : emptyRangeAt(open!.endPosition.row, open!.endPosition.column);
    if (constIndex !== undefined) {
      if (operandPath !== CLIENT_GOLANG || !args[0]) return;
      const call: GoCallFact = {
        method: 'ConstMetric',
        callee: method,
        range,
        receiver: this.reference(args[0]),
        argumentsEnd,
        ...this.positionalValues(args.slice(constIndex)),
      };
      const valueType = args[1]?.type === 'selector_expression' ? args[1].childForFieldName('field')?.text : undefined;
      if (method.includes('Histogram')) call.valueType = 'histogram';
      else if (method.includes('Summary')) call.valueType = 'summary';
      else if (valueType) call.valueType = valueType;
      this.facts.calls.push(call);
      return;
    }
    const receiver = this.reference(operand);
    if (positional) {
      this.facts.calls.push({ method: method as LabelCallMethod, callee: method, range, receiver, argumentsEnd, ...this.positionalValues(args) });
      return;
    }
    if (mapped) {
      if (args.length !== 1) return;
      const keys = this.mapKeys(args[0]);
      const call: GoCallFact = { method: method as LabelCallMethod, callee: method, range, receiver, argumentsEnd, keys };
      if (!keys) call.weak = true;
      this.facts.calls.push(call);
      return;
    }
    // OpenTelemetry: Add/Record(ctx, v, opts...); ObserveInt64/Float64(instrument, v, opts...)
    if (args.length < 2) return;
    const { keys, attributes } = this.otelKeys(args.slice(2));
    const call: GoCallFact = { method: 'Record', callee: method, range, receiver: isObserve ? this.reference(args[0]) : receiver, argumentsEnd, keys };
    if (!attributes) call.weak = true;
    this.facts.calls.push(call);
  }

  private positionalValues(values: SyntaxNode[]): Pick<GoCallFact, 'values' | 'spread'> {
    const last = values[values.length - 1];
    if (last?.type === 'variadic_argument') return { values: values.slice(0, -1).map(rangeOf), spread: true };
    return { values: values.map(rangeOf) };
  }

  /** Attribute keys of OTel options: `metric.WithAttributes(attribute.String("k", v), attribute.Key("k").Int(v))`. */
  private otelKeys(options: SyntaxNode[]): { keys: { name: StrExpr; range: Range }[] | undefined; attributes: boolean } {
    const keys: { name: StrExpr; range: Range }[] = [];
    let literal = true;
    let attributes = false;
    for (const option of options) {
      const fn = option.type === 'call_expression' ? option.childForFieldName('function') : undefined;
      const which = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : undefined;
      if (which === 'WithAttributes' || which === 'WithAttributeSet') attributes = true;
      if (which !== 'WithAttributes') {
        literal = false;
        continue;
      }
      for (const attribute of option.childForFieldName('arguments')?.namedChildren ?? []) {
        if (!attribute || attribute.type === 'comment') continue;
        const key = this.attributeKey(attribute);
        if (key) keys.push(key);
        else literal = false;
      }
    }
    return { keys: literal ? keys : undefined, attributes };
  }

  private attributeKey(node: SyntaxNode): { name: StrExpr; range: Range } | undefined {
    if (node.type !== 'call_expression') return undefined;
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'selector_expression' || !OTEL_ATTRIBUTE_CONSTRUCTORS.has(fn.childForFieldName('field')?.text ?? '')) return undefined;
    const operand = fn.childForFieldName('operand');
    let keyNode: SyntaxNode | null | undefined;
    if (operand?.type === 'identifier' && this.importOf(operand.text) === OTEL_ATTRIBUTE) keyNode = node.childForFieldName('arguments')?.namedChild(0);
    else if (operand?.type === 'call_expression') {
      const inner = operand.childForFieldName('function');
      const base = inner?.type === 'selector_expression' ? inner.childForFieldName('operand') : undefined;
      if (inner?.childForFieldName('field')?.text === 'Key' && base?.type === 'identifier' && this.importOf(base.text) === OTEL_ATTRIBUTE) {
        keyNode = operand.childForFieldName('arguments')?.namedChild(0);
      }
    }
    if (!keyNode || !isString(keyNode)) return undefined;
    const name = this.foldString(keyNode);
    return name && { name, range: rangeOf(keyNode) };
  }
}

function functionKey(node: SyntaxNode): string {
  if (node.type === 'func_literal') return `func@${node.startPosition.row + 1}`;
  const name = node.childForFieldName('name')?.text ?? '?';
  if (node.type !== 'method_declaration') return name;
  const receiverType = node.childForFieldName('receiver')?.descendantsOfType('type_identifier')[0]?.text;
  return receiverType ? `${receiverType}.${name}` : name;
}

function receiverOf(node: SyntaxNode): { name: string; type: string } | undefined {
  if (node.type !== 'method_declaration') return undefined;
  const parameter = node.childForFieldName('receiver')?.namedChildren.find((child) => child?.type === 'parameter_declaration');
  const name = parameter?.childForFieldName('name')?.text;
  const type = parameter?.childForFieldName('type')?.descendantsOfType('type_identifier')[0]?.text;
  return name && type ? { name, type } : undefined;
}

function firstErrorLine(root: SyntaxNode): number {
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) return node.startPosition.row;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root.startPosition.row;
      }
    }
  } finally {
    cursor.delete();
  }
}
