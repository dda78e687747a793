// Fixes for OpenAPI findings, as edits of the head YAML in its own indentation: restore a removed operation or
// parameter from the base text (or restore the operation deprecated, so that it can be removed later), put a
// parameter's `required` back, and a changed scalar keyword (a constraint, a pattern) back to its base text. JSON files
// get no restore (its text does not splice into JSON); suppression is the engine's.
import type { FixHead } from '../engine/comparison';
import type { Fix, TextEdit } from '../engine/edit';
import type { Finding } from '../engine/finding';
import { lineIndexOf, type Position } from '../engine/range';
import { child, isMap, isSeq, items, pairOf, pairs, sharedSpecFile, scalarText, type SpecFile, type SpecNode } from './document';
import { METHODS, normalizeTemplate } from './model';

export async function openapiFixes(finding: Finding, head: FixHead): Promise<Fix[]> {
  const data = finding.fixData;
  if (!data || /\.json$/i.test(finding.file)) return [];
  // The session's parse of this text when it still has one: a fix title per finding must not parse the file again.
  const file = sharedSpecFile(finding.file, head.text);
  if (file.unreadable || !isMap(file.root)) return [];
  if (data.restore === 'operation' && typeof data.text === 'string' && typeof data.template === 'string' && typeof data.method === 'string') {
    const restore = (title: string, block: string) => {
      const edit = insertOperation(file, data.template as string, String(data.path), block, Number(data.column));
      return edit ? [{ title, changes: [{ file: finding.file, edits: [edit] }] }] : [];
    };
    const operation = `${data.method} ${data.path}`;
    const fixes = restore(`Restore operation ${operation} from the base`, data.text);
    if (data.deprecated !== true) fixes.push(...restore(`Deprecate instead: restore ${operation} with deprecated: true`, withDeprecated(data.text)));
    return fixes;
  }
  if (data.restore === 'parameter' && typeof data.text === 'string' && typeof data.template === 'string' && typeof data.method === 'string') {
    const edit = insertParameter(file, data.template, data.method.toLowerCase(), data.text, Number(data.column));
    return edit ? [{ title: `Restore ${data.in} parameter "${data.name}" from the base`, changes: [{ file: finding.file, edits: [edit] }] }] : [];
  }
  if (data.restore === 'property' && typeof data.text === 'string') {
    const edit = insertProperty(file, finding.range.start, data.text, Number(data.column));
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
  if (data.revert === 'keyword' && typeof data.keyword === 'string' && typeof data.text === 'string') {
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
    const end = new LineIndex(file.text).positionAt(value.range[0] + file.text.slice(value.range[0], value.range[1]).trimEnd().length);
    return [
      {
        title: `Revert to the base value: ${data.keyword}: ${data.text}`,
        changes: [{ file: finding.file, edits: [{ range: { start: range.start, end }, newText: data.text }] }],
      },
    ];
  }
  return [];
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
  const paths = pairOf(file.root, 'paths');
  if (!paths || !isMap(paths.value) || (paths.value as { flow?: boolean }).flow) return undefined;
  const item = pairs(paths.value as SpecNode).find((pair) => normalizeTemplate(scalarText(pair.key as SpecNode) ?? '') === template);
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
  const paths = child(file.root, 'paths');
  const item = pairs(paths).find((pair) => normalizeTemplate(scalarText(pair.key as SpecNode) ?? '') === template);
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
