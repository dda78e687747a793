// Fixes for OpenAPI findings, as edits of the head in its own indentation and line ends: restore a removed operation,
// parameter or property from the base (or restore the operation deprecated, so that it can be removed later), and put
// a parameter's `required` back, and a schema keyword written on one line (a constraint, a type, a const) back to the base's text. A YAML head gets the base's text (or, from a JSON base, its value written as YAML); a
// JSON head gets the base's value written as JSON, with the commas JSON needs. Suppression is the engine's.
import type { FixHead } from '../engine/comparison';
import type { Fix, TextEdit } from '../engine/edit';
import type { Finding, FixData } from '../engine/finding';
import { stringify } from 'yaml';
import { lineIndexOf, type Position } from '../engine/range';
import { child, isMap, isSeq, items, pairOf, pairs, scalarText, sharedSpecFile, type SpecFile, type SpecNode } from './document';
import { METHODS, normalizeTemplate } from './model';

export async function openapiFixes(finding: Finding, head: FixHead): Promise<Fix[]> {
  const data = finding.fixData;
  if (!data) return [];
  // The session's parse of this text when it still has one: a fix title per finding must not parse the file again.
  const file = sharedSpecFile(finding.file, head.text);
  if (file.unreadable || !isMap(file.root)) return [];
  if (data.revert === 'value') return revertValue(finding, head.text, data);
  const json = /\.json$/i.test(finding.file) || /^\uFEFF?\s*\{/.test(head.text);
  if (!json && data.revert === 'keyword' && typeof data.keyword === 'string' && typeof data.text === 'string') {
    // A schema keyword written on one line (a type, a format, a const, a default): its value back as the base wrote it.
    const found = findPairWithKeyAt(file, file.root, finding.range.start, 0, new Set());
    const value = found?.value as SpecNode | undefined;
    if (
      !found ||
      scalarText(found.key as SpecNode) !== data.keyword ||
      !value?.range ||
      file.text.slice(value.range[0], value.range[1]).trimEnd().includes('\n')
    )
      return [];
    const range = file.rangeOf(value);
    const end = lineIndexOf(file.text).positionAt(value.range[0] + file.text.slice(value.range[0], value.range[1]).trimEnd().length);
    return [
      {
        title: `Revert to the base value: ${data.keyword}: ${data.text}`,
        changes: [{ file: finding.file, edits: [{ range: { start: range.start, end }, newText: data.text }] }],
      },
    ];
  }
  const fixes = json ? jsonFixes(file, finding, data) : yamlFixes(file, finding, data, head);
  // Inserted lines end as the file's lines do (a CRLF file gets CRLF lines).
  const eol = /\r\n/.test(head.text) ? '\r\n' : '\n';
  for (const fix of fixes) for (const change of fix.changes) for (const edit of change.edits) edit.newText = edit.newText.replace(/\r?\n/g, eol);
  return fixes;
}

/** A scalar keyword put back to its base value, when the finding's range still holds the head value (plain or quoted). */
function revertValue(finding: Finding, text: string, data: FixData): Fix[] {
  if (typeof data.from !== 'string' || typeof data.to !== 'string') return [];
  const written = text.slice(offsetOf(text, finding.range.start), offsetOf(text, finding.range.end));
  const quote = /^["']/.exec(written)?.[0];
  if (written.replace(/^(["'])(.*)\1$/, '$2') !== data.from) return [];
  const newText = quote === '"' ? JSON.stringify(data.to) : quote === "'" ? `'${data.to}'` : data.to;
  return [{ title: `Revert to the base value: ${data.keyword} ${data.to}`, changes: [{ file: finding.file, edits: [{ range: finding.range, newText }] }] }];
}

/** The restored element's text for a YAML head: the base text when the base is YAML, else its value written as YAML. */
function yamlBlock(data: FixData, key: string | undefined, headText: string): { text: string; column: number } | undefined {
  if (typeof data.text === 'string') return { text: data.text.replace(/\r\n/g, '\n'), column: Number(data.column) };
  const value = parsedValue(data);
  if (value === undefined) return undefined;
  const text = stringify(key === undefined ? value : { [key]: value }, { indent: yamlIndentUnit(headText), lineWidth: 0 }).replace(/\n+$/, '');
  return { text, column: 0 };
}

/** The YAML file's indentation step: the first indented line's leading spaces (2 when nothing is indented). */
function yamlIndentUnit(text: string): number {
  return /\n( +)\S/.exec(text)?.[1].length ?? 2;
}

function parsedValue(data: FixData): unknown {
  if (typeof data.json !== 'string') return undefined;
  try {
    return JSON.parse(data.json) as unknown;
  } catch {
    return undefined;
  }
}

function yamlFixes(file: SpecFile, finding: Finding, data: FixData, head: FixHead): Fix[] {
  if (data.restore === 'operation' && typeof data.template === 'string' && typeof data.method === 'string') {
    const block = yamlBlock(data, data.method.toLowerCase(), head.text);
    if (!block) return [];
    const restore = (title: string, text: string) => {
      const edit = insertOperation(file, data.template as string, String(data.path), text, block.column);
      return edit ? [{ title, changes: [{ file: finding.file, edits: [edit] }] }] : [];
    };
    const operation = `${data.method} ${data.path}`;
    const fixes = restore(`Restore operation ${operation} from the base`, block.text);
    if (data.deprecated !== true) fixes.push(...restore(`Deprecate instead: restore ${operation} with deprecated: true`, withDeprecated(block.text)));
    return fixes;
  }
  if (data.restore === 'parameter' && typeof data.template === 'string' && typeof data.method === 'string') {
    const block = yamlBlock(data, undefined, head.text);
    const edit = block && insertParameter(file, data.template, data.method.toLowerCase(), block.text, block.column);
    return edit ? [{ title: `Restore ${data.in} parameter "${data.name}" from the base`, changes: [{ file: finding.file, edits: [edit] }] }] : [];
  }
  if (data.restore === 'property') {
    const block = yamlBlock(data, String(data.name), head.text);
    const edit = block && insertProperty(file, finding.range.start, block.text, block.column);
    return edit ? [{ title: `Restore property "${data.name}" from the base`, changes: [{ file: finding.file, edits: [edit] }] }] : [];
  }
  if (data.revert === 'parameterRequired' && head.text.slice(offsetOf(head.text, finding.range.start), offsetOf(head.text, finding.range.end)) === 'true') {
    return [
      {
        title: `Revert to the base value: ${data.in} parameter "${data.name}" not required`,
        changes: [{ file: finding.file, edits: [{ range: finding.range, newText: 'false' }] }],
      },
    ];
  }
  return [];
}

/** Restores into a JSON head: the base value written out as JSON, in the file's own indentation, with the commas JSON needs. */
function jsonFixes(file: SpecFile, finding: Finding, data: FixData): Fix[] {
  const value = parsedValue(data);
  if (value === undefined) return [];
  const unit = jsonIndentUnit(file.text);
  const one = (title: string, edit: TextEdit | undefined): Fix[] => (edit ? [{ title, changes: [{ file: finding.file, edits: [edit] }] }] : []);
  if (data.restore === 'operation' && typeof data.template === 'string' && typeof data.method === 'string') {
    const method = data.method.toLowerCase();
    const operation = `${data.method} ${data.path}`;
    const restore = (title: string, restored: unknown) => {
      const { container, key } = pathContainer(file, data.template as string, String(data.path));
      if (!container) return [];
      const item = pairs(container).find((pair) => matchesTemplate(scalarText(pair.key as SpecNode), data.template as string));
      if (item) {
        if (!isMap(item.value) || child(item.value as SpecNode, '$ref')) return [];
        return one(title, insertJsonMember(file, item.value as SpecNode, method, restored, unit));
      }
      return one(title, insertJsonMember(file, container, key, { [method]: restored }, unit));
    };
    const fixes = restore(`Restore operation ${operation} from the base`, value);
    if (data.deprecated !== true && isPlainObject(value))
      fixes.push(...restore(`Deprecate instead: restore ${operation} with deprecated: true`, { deprecated: true, ...value }));
    return fixes;
  }
  if (data.restore === 'parameter' && typeof data.template === 'string' && typeof data.method === 'string') {
    const { container } = pathContainer(file, data.template, String(data.path ?? ''));
    const item = pairs(container).find((pair) => matchesTemplate(scalarText(pair.key as SpecNode), data.template as string));
    const operation = child(item?.value as SpecNode, data.method.toLowerCase());
    if (!isMap(operation) || child(operation, '$ref')) return [];
    const list = child(operation, 'parameters');
    const title = `Restore ${data.in} parameter "${data.name}" from the base`;
    if (list !== undefined) return isSeq(list) ? one(title, appendJsonItem(file, list, value, unit)) : [];
    return one(title, insertJsonMember(file, operation, 'parameters', [value], unit));
  }
  if (data.restore === 'property') {
    const found = findPairWithKeyAt(file, file.root, finding.range.start, 0, new Set());
    if (!found || scalarText(found.key as SpecNode) !== 'properties' || !isMap(found.value)) return [];
    return one(`Restore property "${data.name}" from the base`, insertJsonMember(file, found.value as SpecNode, String(data.name), value, unit));
  }
  if (data.revert === 'parameterRequired' && file.text.slice(offsetOf(file.text, finding.range.start), offsetOf(file.text, finding.range.end)) === 'true') {
    return [
      {
        title: `Revert to the base value: ${data.in} parameter "${data.name}" not required`,
        changes: [{ file: finding.file, edits: [{ range: finding.range, newText: 'false' }] }],
      },
    ];
  }
  return [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `paths` (or, for `webhook:<name>`, `webhooks`) and the key a missing path item is restored under. */
function pathContainer(file: SpecFile, template: string, path: string): { container: SpecNode | undefined; key: string } {
  const webhook = /^webhook:(.*)$/.exec(template);
  return webhook ? { container: child(file.root, 'webhooks'), key: webhook[1] } : { container: child(file.root, 'paths'), key: path };
}

function matchesTemplate(key: string | undefined, template: string): boolean {
  if (key === undefined) return false;
  const webhook = /^webhook:(.*)$/.exec(template);
  return webhook ? key === webhook[1] : normalizeTemplate(key) === template;
}

/** The file's indentation step: the first indented line's leading white space; two spaces when nothing is indented. */
function jsonIndentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/** The leading white space of the line an offset is on. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** A JSON value written out at an indentation: its lines after the first start at `indent`. */
function jsonText(value: unknown, unit: string, indent: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${indent}`);
}

/** `"key": value` as the last member of a JSON object, after a comma; on one line when the object is written on one line. */
function insertJsonMember(file: SpecFile, map: SpecNode, key: string, value: unknown, unit: string): TextEdit | undefined {
  return insertJsonEntry(file, map, `${JSON.stringify(key)}: `, value, pairs(map).at(-1)?.value as SpecNode | undefined, unit);
}

function appendJsonItem(file: SpecFile, list: SpecNode, value: unknown, unit: string): TextEdit | undefined {
  return insertJsonEntry(file, list, '', value, items(list).at(-1), unit);
}

function insertJsonEntry(file: SpecFile, container: SpecNode, prefix: string, value: unknown, last: SpecNode | undefined, unit: string): TextEdit | undefined {
  const range = container.range;
  if (!range || !(container as { flow?: boolean }).flow) return undefined;
  const text = file.text;
  const lines = lineIndexOf(text);
  const open = range[0];
  const close = text.lastIndexOf(text[open] === '[' ? ']' : '}', range[1]);
  if (close < open) return undefined;
  const oneLine = !text.slice(open, close).includes('\n');
  if (last) {
    const lastEnd = last.range?.[1];
    if (lastEnd === undefined) return undefined;
    let end = lastEnd;
    while (end > open && /\s/.test(text[end - 1])) end--;
    const at = lines.positionAt(end);
    if (oneLine) {
      // Written compactly or with spaces after `:` and `,`, as the rest of the line is.
      const written = text.slice(open, close);
      const colon = /"\s*:\s/.test(written) ? ': ' : ':';
      const comma = /,\s/.test(written) ? ', ' : ',';
      return { range: { start: at, end: at }, newText: `${comma}${prefix.replace(/: $/, colon)}${JSON.stringify(value)}` };
    }
    const indent = indentAt(text, last.range![0]);
    return { range: { start: at, end: at }, newText: `,\n${indent}${prefix}${jsonText(value, unit, indent)}` };
  }
  // An empty object or array: the entry on its own line, one step in from the line the bracket is on.
  const outer = indentAt(text, open);
  const inner = outer + unit;
  const start = lines.positionAt(open + 1);
  const end = lines.positionAt(close);
  return { range: { start, end }, newText: `\n${inner}${prefix}${jsonText(value, unit, inner)}\n${outer}` };
}

/** The operation block with `deprecated: true` as its first key, indented like its other keys. */
function withDeprecated(block: string): string {
  const lines = block.split('\n');
  const keyIndent =
    lines
      .slice(1)
      .find((line) => line.trim() !== '')
      ?.match(/^ */)?.[0] ?? '  ';
  return [lines[0], `${keyIndent}deprecated: true`, ...lines.slice(1)].join('\n');
}

function insertOperation(file: SpecFile, template: string, path: string, block: string, column: number): TextEdit | undefined {
  const webhook = /^webhook:(.*)$/.exec(template);
  const paths = pairOf(file.root, webhook ? 'webhooks' : 'paths');
  if (!paths || !isMap(paths.value) || (paths.value as { flow?: boolean }).flow) return undefined;
  if (webhook) path = webhook[1];
  const item = pairs(paths.value as SpecNode).find((pair) => matchesTemplate(scalarText(pair.key as SpecNode), template));
  if (item) {
    if (!isMap(item.value) || (item.value as { flow?: boolean }).flow || child(item.value as SpecNode, '$ref')) return undefined;
    // After the last operation, or after the path item's last key when it has no operation left.
    const members = pairs(item.value as SpecNode);
    const indent = file.rangeOf(members[0].key as SpecNode).start.character;
    const after = members.filter((pair) => (METHODS as readonly string[]).includes(scalarText(pair.key as SpecNode) ?? '')).at(-1) ?? members.at(-1)!;
    return insertLines(file, after.value as SpecNode, reindent(block, column, indent));
  }
  const first = pairs(paths.value as SpecNode)[0];
  if (!first) return undefined;
  const pathIndent = file.rangeOf(first.key as SpecNode).start.character;
  const last = pairs(paths.value as SpecNode).at(-1)!;
  const text = `${' '.repeat(pathIndent)}${yamlKey(path)}:\n${reindent(block, column, pathIndent + 2)}`;
  return insertLines(file, last.value as SpecNode, text);
}

function insertParameter(file: SpecFile, template: string, method: string, block: string, column: number): TextEdit | undefined {
  const paths = child(file.root, /^webhook:/.test(template) ? 'webhooks' : 'paths');
  const item = pairs(paths).find((pair) => matchesTemplate(scalarText(pair.key as SpecNode), template));
  const operationPair = pairOf(item?.value as SpecNode, method);
  const operation = operationPair?.value as SpecNode | undefined;
  if (!operationPair || !isMap(operation) || (operation as { flow?: boolean }).flow || child(operation, '$ref')) return undefined;
  const parametersPair = pairOf(operation, 'parameters');
  if (parametersPair) {
    const list = parametersPair.value as SpecNode;
    const last = items(list).at(-1);
    if (!isSeq(list) || (list as { flow?: boolean }).flow || !last) return undefined;
    const itemColumn = file.rangeOf(last).start.character;
    return insertLines(file, last, `${' '.repeat(itemColumn - 2)}- ${reindent(block, column, itemColumn).trimStart()}`);
  }
  const keys = pairs(operation);
  const indent = file.rangeOf(keys[0].key as SpecNode).start.character;
  return insertLines(
    file,
    operationPair.key as SpecNode,
    `${' '.repeat(indent)}parameters:\n${' '.repeat(indent)}  - ${reindent(block, column, indent + 4).trimStart()}`,
    true,
  );
}

/** Into the `properties` mapping whose key the finding sits on, after its last property. A property that was required
 *  is restored with its schema only: its name goes back into `required` by hand, where the head may have reasons. */
function insertProperty(file: SpecFile, keyAt: Position, block: string, column: number): TextEdit | undefined {
  const found = findPairWithKeyAt(file, file.root, keyAt, 0, new Set());
  if (!found || scalarText(found.key as SpecNode) !== 'properties' || !isMap(found.value) || (found.value as { flow?: boolean }).flow) return undefined;
  const members = pairs(found.value as SpecNode);
  if (members.length === 0) return undefined;
  const indent = file.rangeOf(members[0].key as SpecNode).start.character;
  return insertLines(file, members.at(-1)!.value as SpecNode, reindent(block, column, indent));
}

/** Shared (aliased) nodes are searched once. */
function findPairWithKeyAt(file: SpecFile, node: SpecNode | null | undefined, at: Position, depth: number, seen: Set<SpecNode>): ReturnType<typeof pairOf> {
  if (!node || depth > 200 || seen.has(node)) return undefined;
  seen.add(node);
  for (const pair of pairs(node)) {
    const start = file.rangeOf(pair.key as SpecNode).start;
    if (start.line === at.line && start.character === at.character) return pair;
    const inner = findPairWithKeyAt(file, pair.value as SpecNode, at, depth + 1, seen);
    if (inner) return inner;
  }
  for (const item of items(node)) {
    const inner = findPairWithKeyAt(file, item, at, depth + 1, seen);
    if (inner) return inner;
  }
  return undefined;
}

/** Lines inserted after the line where `node` ends (or, with `afterKeyLine`, after the key's own line). */
function insertLines(file: SpecFile, node: SpecNode, text: string, afterKeyLine = false): TextEdit {
  const lines = lineIndexOf(file.text);
  const end = afterKeyLine ? file.rangeOf(node).start : positionBeforeTrailingSpace(file, node);
  const at: Position = { line: end.line + 1, character: 0 };
  const atEnd = at.line >= lines.lineCount;
  return {
    range: {
      start: atEnd ? { line: end.line, character: lines.lineText(end.line).length } : at,
      end: atEnd ? { line: end.line, character: lines.lineText(end.line).length } : at,
    },
    newText: atEnd ? `\n${text}` : `${text}\n`,
  };
}

function positionBeforeTrailingSpace(file: SpecFile, node: SpecNode): Position {
  const end = node.range?.[1] ?? 0;
  let offset = end;
  while (offset > 0 && /\s/.test(file.text[offset - 1])) offset--;
  return lineIndexOf(file.text).positionAt(Math.max(offset - 1, 0));
}

/** Shifts a block whose first line's content started at `from` so that it starts at `to`; the first line gets the indentation. */
function reindent(block: string, from: number, to: number): string {
  const shift = to - from;
  return block
    .split('\n')
    .map((line, index) => {
      if (index === 0) return `${' '.repeat(to)}${line}`;
      if (line.trim() === '') return '';
      return shift >= 0 ? `${' '.repeat(shift)}${line}` : line.slice(Math.min(-shift, /^ */.exec(line)![0].length));
    })
    .join('\n');
}

function yamlKey(path: string): string {
  return /^[/\w{}.-]+$/.test(path) ? path : JSON.stringify(path);
}

function offsetOf(text: string, position: Position): number {
  return lineIndexOf(text).offsetAt(position);
}
