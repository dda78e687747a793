// Re-reading a description after an edit without parsing all of it again: while typing in a 35,000-line spec, parsing
// the whole text is most of each keystroke's cost. The edit is found by comparing the texts; the smallest block mapping
// entry (`key:` and the lines below it) that holds it is parsed alone, and the new entries replace the old one in a copy
// of the tree: what precedes the edit is shared, what follows is copied with its offsets moved.
//
// Only what parses alone exactly as it would in place is taken: a block mapping entry whose lines are all at least as
// indented as its key, with no anchor, alias or tag in it or on the mappings that hold it, in a document without
// directives (all of which reach across entries). Anything else — an edit that changes indentation past the entry, a
// quote or bracket left open, the entry's mapping emptied — tries the enclosing entries, and past an eighth of the text
// is left to a full parse.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import type { SpecMap, SpecNode } from './document';

/** The parts of a parse an edit starts from. */
export interface ParsedText {
  text: string;
  root: SpecNode | null;
}

export type Reparse =
  /** The new root: parsed entries spliced into a copy of the old tree. */
  | { root: SpecNode }
  /** The edited entry does not parse, and the whole text would not either: the reason, at its offset in the new text. */
  | { error: { offset: number; message: string } };

/** An entry of a block mapping, with the lines it spans in the old text. */
interface Entry {
  /** The mappings from the root down to the entry's, each with the index of the entry taken in it. */
  path: { map: SpecMap; index: number }[];
  spanStart: number;
  spanEnd: number;
  column: number;
}

/** Characters compared at once when looking for the edit. */
const BLOCK = 4096;

/** Nesting of mappings followed at most when looking for the edited entry. */
const MAX_NESTING = 64;

/** Whether later edits of a text parsed into `root` can be read with `reparseEdit`: a block mapping at the top, one
 *  document without directives, and lines ended by \n or \r\n. */
export function isEditable(text: string, root: SpecNode | null): boolean {
  return isBlockMap(root) && readsAlone(text);
}

/** No directive or document marker, and no line ended by a lone \r (which the parser and the line index count apart). */
function readsAlone(text: string): boolean {
  return !/^(%|---|\.\.\.)/m.test(text) && !/\r(?!\n)/.test(text);
}

/** Whether a parsed entry names an anchor or uses an alias (or a tag, which a directive elsewhere could define). */
function reachesAcross(node: unknown, depth = 0): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (depth > 1000) return true;
  if (isPair(node)) return reachesAcross(node.key, depth + 1) || reachesAcross(node.value, depth + 1);
  if (isAlias(node) || (node as YamlNode).anchor || (node as YamlNode).tag) return true;
  if (isMap(node) || isSeq(node)) return (node.items as unknown[]).some((item) => reachesAcross(item, depth + 1));
  return false;
}

/** The tree of `text`, an edit of `previous` (which must be editable), or undefined when only a full parse can tell. */
export function reparseEdit(previous: ParsedText, text: string): Reparse | undefined {
  const old = previous.text;
  if (!isBlockMap(previous.root)) return undefined;
  const shortest = Math.min(old.length, text.length);
  // Blocks first (a native comparison), then characters.
  let start = 0;
  while (start + BLOCK <= shortest && old.slice(start, start + BLOCK) === text.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shortest && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  const same = (from: number, to: number) => old.slice(old.length - to, old.length - from) === text.slice(text.length - to, text.length - from);
  while (suffix + BLOCK <= shortest - start && same(suffix, suffix + BLOCK)) suffix += BLOCK;
  while (suffix < shortest - start && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const oldEnd = old.length - suffix;
  const delta = text.length - old.length;
  // Text typed into a line's indentation may as well have been typed at the line's start, where it could belong to the
  // entry before: the edit is taken to start there, and only an entry that holds it strictly inside is parsed alone.
  const lineStart = afterSpaces(old, start);
  if (lineStart > 0 && old.charCodeAt(lineStart - 1) === 10) start = lineStart;
  const entries = entriesHolding(previous.root, old, start, oldEnd);
  // Deepest first, then the two entries that enclose it; a larger part of the text than an eighth is not worth parsing
  // apart from the rest.
  for (let at = entries.length - 1; at >= Math.max(0, entries.length - 3); at--) {
    const entry = entries[at];
    if (entry.spanEnd - entry.spanStart > old.length / 8) break;
    const parent = entry.path[entry.path.length - 1];
    // An anchor in the entry, or on a mapping that holds it, may be named by aliases elsewhere, which would keep pointing
    // at the old node.
    if (reachesAcross(parent.map.items[parent.index]) || entry.path.some(({ map }) => map.anchor)) return undefined;
    // The entry must still end at a line's start: an edit that joined its last line with the next one is not its own.
    const chunkEnd = entry.spanEnd + delta;
    if (chunkEnd < text.length && text.charCodeAt(chunkEnd - 1) !== 10) continue;
    const chunk = text.slice(entry.spanStart, chunkEnd);
    // The rest of the text is as it was, so the edit is where anything new to read alone could come from.
    if (!readsAlone(chunk)) return undefined;
    const document = parseDocument(chunk, { prettyErrors: false, uniqueKeys: false });
    const error = document.errors[0];
    if (error) {
      // Inside the entry, with every line indented at least as its key, the error is the whole text's error too (the
      // next line is a key at most as indented), unless it is something left open (a quote, a bracket) that later text
      // could close: a wider entry is tried.
      const leftOpen = error.code === 'MISSING_CHAR' || (error.code === 'UNEXPECTED_TOKEN' && onLastLine(chunk, error.pos[0]));
      if (!leftOpen && startsWithKey(chunk, entry.column) && staysIndented(chunk, entry.column))
        return { error: { offset: entry.spanStart + error.pos[0], message: error.message } };
      continue;
    }
    const pairs = entriesOf(document.contents as SpecNode | null, chunk, entry.column);
    if (!pairs) continue;
    // An emptied mapping is no mapping (its key's value becomes null), and a mapping whose last entry went ends where an
    // old value does: the enclosing entry tells.
    if (pairs.length === 0 && (parent.map.items.length === 1 || parent.index === parent.map.items.length - 1)) continue;
    for (const pair of pairs) shift(pair, entry.spanStart);
    return { root: new Splice(entry.spanStart, entry.spanEnd, delta).apply(entry.path, 0, pairs) };
  }
  return undefined;
}

/** The entries of block mappings, root first, whose lines hold the old text's [start, end) strictly inside. */
function entriesHolding(root: SpecNode | null, text: string, start: number, end: number): Entry[] {
  const found: Entry[] = [];
  let map = root;
  let mapEnd = text.length;
  const path: { map: SpecMap; index: number }[] = [];
  while (isBlockMap(map) && map.items.length > 0 && path.length < MAX_NESTING) {
    const index = lastKeyAtOrBefore(map, text, start - 1);
    if (index < 0) break;
    const spanStart = lineStartOf(map.items[index], text);
    const next = map.items[index + 1];
    const spanEnd = next ? lineStartOf(next, text) : mapEnd;
    if (spanStart === undefined || spanEnd === undefined || spanStart >= start || end >= spanEnd) break;
    path.push({ map, index });
    const key = map.items[index].key as SpecNode;
    found.push({ path: [...path], spanStart, spanEnd, column: key.range![0] - spanStart });
    const value = map.items[index].value as SpecNode | null;
    // Descend only when the edit is below the key's own line.
    if (!isBlockMap(value) || value.items.length === 0) break;
    const firstLine = lineStartOf(value.items[0], text);
    if (firstLine === undefined || start <= firstLine) break;
    map = value;
    mapEnd = spanEnd;
  }
  return found;
}

/** The index of the last entry whose key's line starts at or before `offset` (keys are in text order), or -1. */
function lastKeyAtOrBefore(map: SpecMap, text: string, offset: number): number {
  let low = 0;
  let high = map.items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const keyStart = (map.items[middle].key as SpecNode | null)?.range?.[0];
    if (keyStart === undefined) return -1;
    // An edit before the key but on its line (its indentation) belongs to the entry.
    if (afterSpaces(text, keyStart) <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The offset of the first of the spaces that come right before `offset`. */
function afterSpaces(text: string, offset: number): number {
  while (offset > 0 && text.charCodeAt(offset - 1) === 32) offset--;
  return offset;
}

/** Where the line of an entry's key starts, when only spaces come before the key on it. */
function lineStartOf(pair: Pair<unknown, unknown>, text: string): number | undefined {
  const keyStart = (pair.key as SpecNode | null)?.range?.[0];
  if (keyStart === undefined) return undefined;
  const at = afterSpaces(text, keyStart);
  return at === 0 || text.charCodeAt(at - 1) === 10 ? at : undefined;
}

/** The chunk's entries when it is one block mapping whose keys all sit at `column`, with nothing that reaches across entries. */
function entriesOf(root: SpecNode | null, chunk: string, column: number): Pair<unknown, unknown>[] | undefined {
  if (root === null) return chunk.trim() === '' ? [] : undefined;
  if (!isBlockMap(root) || reachesAcross(root) || !staysIndented(chunk, column)) return undefined;
  for (const pair of root.items) {
    const keyStart = (pair.key as SpecNode | null)?.range?.[0];
    if (keyStart === undefined || !isScalar(pair.key) || keyStart - (chunk.lastIndexOf('\n', keyStart - 1) + 1) !== column) return undefined;
  }
  return root.items;
}

/** Whether every line of the chunk that holds anything but a comment is indented at least `column`. */
function staysIndented(chunk: string, column: number): boolean {
  for (const line of chunk.split('\n')) {
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#') && line.length - content.length < column) return false;
  }
  return true;
}

/** Whether the chunk's first line starts, at `column`, with something that can only begin a plain or quoted key. */
function startsWithKey(chunk: string, column: number): boolean {
  for (let at = 0; at < column; at++) if (chunk.charCodeAt(at) !== 32) return false;
  return !' \t\n\r#-?[{&*!|>%@`,]}'.includes(chunk.charAt(column) || ' ');
}

function onLastLine(chunk: string, offset: number): boolean {
  return offset >= chunk.trimEnd().lastIndexOf('\n');
}

/** Copies of the mappings on the way to an edited entry, and of everything after it with its offsets moved; what
 *  comes before the edit is shared with the previous tree. A node shared by an alias is copied once. */
class Splice {
  private readonly copies = new Map<unknown, unknown>();

  constructor(
    /** Where the replaced entry's lines start, and end, in the old text. */
    private readonly spanStart: number,
    private readonly spanEnd: number,
    private readonly delta: number,
  ) {}

  /** The mapping at `depth` on `path`, with the entry at the path's end replaced by `pairs`. */
  apply(path: { map: SpecMap; index: number }[], depth: number, pairs: Pair<unknown, unknown>[]): SpecMap {
    const { map, index } = path[depth];
    const copy = copyOf(map) as SpecMap;
    const replaced = depth === path.length - 1 ? pairs : [new Pair(map.items[index].key, this.apply(path, depth + 1, pairs))];
    copy.items = [...map.items.slice(0, index), ...replaced, ...map.items.slice(index + 1).map((pair) => this.pair(pair))];
    // A block mapping ends where its last value does (trailing comments included), as the parser sets it: when that value
    // is the new one, the end is read from it (an old one may be an alias's target, which the parser did not measure).
    const last = index === map.items.length - 1 ? copy.items[copy.items.length - 1] : undefined;
    const end = ((last?.value ?? last?.key) as YamlNode | null | undefined)?.range?.[2];
    // It starts at its first key, when the parser had it start there (not at a comment before it).
    const oldFirst = (map.items[0]?.key as YamlNode | null | undefined)?.range?.[0];
    const newFirst = (copy.items[0]?.key as YamlNode | null | undefined)?.range?.[0];
    const start = map.range && index === 0 && oldFirst === map.range[0] && newFirst !== undefined ? newFirst : map.range?.[0];
    if (map.range && start !== undefined) copy.range = end === undefined ? [start, this.moved(map.range[1]), this.moved(map.range[2])] : [start, end, end];
    return copy;
  }

  private moved(offset: number): number {
    return offset >= this.spanEnd ? offset + this.delta : offset;
  }

  private pair(pair: Pair<unknown, unknown>): Pair<unknown, unknown> {
    return new Pair(this.node(pair.key), this.node(pair.value));
  }

  private node(node: unknown): unknown {
    if (node === null || typeof node !== 'object') return node;
    const range = (node as YamlNode).range;
    // Before the edit (an alias's target, say): the same node, at the same place.
    if (!range || range[0] < this.spanStart || this.delta === 0) return node;
    const known = this.copies.get(node);
    if (known) return known;
    const copy = copyOf(node);
    this.copies.set(node, copy);
    copy.range = [range[0] + this.delta, range[1] + this.delta, range[2] + this.delta];
    if (isMap(node) || isSeq(node)) copy.items = (node.items as unknown[]).map((item) => (isPair(item) ? this.pair(item) : this.node(item)));
    return copy;
  }
}

/** A shallow copy of a parsed node: a new node of its class with its own fields (value, range, items, style, comments). */
function copyOf(node: object): YamlNode & { items?: unknown[] } {
  const copy = isScalar(node) ? new Scalar(node.value) : isMap(node) ? new YAMLMap() : isSeq(node) ? new YAMLSeq() : Object.create(Object.getPrototypeOf(node));
  return Object.assign(copy, node);
}

/** Moves the offsets of a freshly parsed entry from its chunk to the whole text. */
function shift(node: unknown, by: number): void {
  if (node === null || typeof node !== 'object') return;
  if (isPair(node)) {
    shift(node.key, by);
    shift(node.value, by);
    return;
  }
  const parsed = node as YamlNode;
  if (parsed.range) parsed.range = [parsed.range[0] + by, parsed.range[1] + by, parsed.range[2] + by];
  if (isMap(node) || isSeq(node)) for (const item of node.items) shift(item, by);
}

function isBlockMap(node: unknown): node is SpecMap {
  return isMap(node) && !node.flow;
}
