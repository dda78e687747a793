// One YAML or JSON file of an OpenAPI description, parsed with source ranges (JSON is read as the YAML it is a subset of),
// and the bounds that keep hostile input from hanging a check: size, aliases, and nesting.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineIndexOf, type Range } from '../engine/range';
import { isEditable, reparseEdit } from './editedSpec';

/** Larger files are not read: Stripe's 4 MB spec is among the largest real ones. */
export const MAX_SPEC_BYTES = 32 * 1024 * 1024;
/** More aliases than a hand-written description uses; a "billion laughs" document is refused rather than walked. */
const MAX_ALIASES = 10_000;

export type SpecNode = YamlNode;
export type SpecMap = YAMLMap<unknown, unknown>;
export type SpecSeq = YAMLSeq<unknown>;

export interface SpecFile {
  path: string;
  text: string;
  root: SpecNode | null;
  /** Why nothing of the file can be compared (a syntax error, too large); undefined when it parsed. */
  unreadable?: string;
  rangeOf(node: SpecNode | Pair | null | undefined): Range;
  /** The first line of a block: where a finding about a key's value is shown. */
  keyRange(pair: Pair): Range;
}

export function parseSpecFile(path: string, written: string): SpecFile {
  const { text, bom } = withoutBom(written);
  const lines = new LineCounter();
  const locate = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line: line - 1, character: col - 1 };
  };
  const file = (root: SpecNode | null, unreadable?: string, editable = false) => specFileOf(path, text, bom, locate, root, unreadable, editable);
  if (text.length > MAX_SPEC_BYTES) return { ...file(null, `larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB; not read`), text: '' };
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const error = document.errors[0];
  if (error) return file(null, notValid(path, locate(error.pos[0]).line, error.message));
  if (!replaceAliases(document)) return file(null, `uses more than ${MAX_ALIASES} YAML aliases; not read`);
  const root = document.contents as SpecNode | null;
  return file(root, undefined, isEditable(text, root));
}

/** A byte-order mark is not part of the YAML: the text is read without it, and positions on the first line shift by one. */
function withoutBom(written: string): { text: string; bom: number } {
  return written.charCodeAt(0) === 0xfeff ? { text: written.slice(1), bom: 1 } : { text: written, bom: 0 };
}

function notValid(path: string, line: number, message: string): string {
  return `not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'} (line ${line + 1}: ${message.split('\n')[0]})`;
}

/** What a later edit of a parsed file needs to know to be read without a full parse (editedSpec.ts). */
interface Editable {
  editable: boolean;
  bom: number;
}

function specFileOf(
  path: string,
  text: string,
  bom: number,
  locate: (offset: number) => { line: number; character: number },
  root: SpecNode | null,
  unreadable: string | undefined,
  editable: boolean,
): SpecFile & Editable {
  const position = (offset: number) => {
    const { line, character } = locate(offset);
    return { line, character: character + (line === 0 ? bom : 0) };
  };
  const rangeOf = (node: SpecNode | Pair | null | undefined): Range => {
    const range = node && 'range' in node ? node.range : node && 'key' in node ? (node.key as SpecNode | null)?.range : undefined;
    if (!range) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: position(range[0]), end: position(range[1]) };
  };
  const keyRange = (pair: Pair) => rangeOf(pair.key as SpecNode);
  return { path, text, root, ...(unreadable !== undefined ? { unreadable } : {}), rangeOf, keyRange, editable, bom };
}

/** A file read from an edit of `previous` (the same path, another text), or undefined when it must be parsed in full. */
function editOf(previous: SpecFile & Editable, path: string, written: string): SpecFile | undefined {
  const { text, bom } = withoutBom(written);
  if (!previous.editable || previous.bom !== bom || text.length > MAX_SPEC_BYTES) return undefined;
  const reparsed = reparseEdit(previous, text);
  if (!reparsed) return undefined;
  const lines = lineIndexOf(text);
  const locate = (offset: number) => lines.positionAt(offset);
  if ('error' in reparsed) return specFileOf(path, text, bom, locate, null, notValid(path, locate(reparsed.error.offset).line, reparsed.error.message), false);
  return specFileOf(path, text, bom, locate, reparsed.root, undefined, true);
}

/** Parses that a cache still holds, by path (the last one made): another reader of the same text (the other side of a
 *  comparison, a fix title) shares it instead of parsing again, and an edit of it (typing) is read from it. Held weakly:
 *  the sessions' caches decide how long a parse lives, and a file of several megabytes is parsed once, not once per
 *  side and once per finding. */
const LIVE_PARSES = new Map<string, WeakRef<SpecFile>>();

/** The last parse of each recently edited path that a later edit can start from, held strongly: while the text does
 *  not parse (half typed), each keystroke is read against the last text that did. */
const EDIT_BASES = new Map<string, SpecFile & Editable>();
const MAX_EDIT_BASES = 4;

export function sharedSpecFile(path: string, written: string): SpecFile {
  const live = LIVE_PARSES.get(path)?.deref();
  if (live?.text === withoutBom(written).text) return live;
  const editBase = EDIT_BASES.get(path);
  const file = (editBase && editOf(editBase, path, written)) ?? parseSpecFile(path, written);
  LIVE_PARSES.set(path, new WeakRef(file));
  if ((file as Partial<Editable>).editable) {
    EDIT_BASES.delete(path);
    EDIT_BASES.set(path, file as SpecFile & Editable);
    for (const oldest of EDIT_BASES.keys()) if (EDIT_BASES.size > MAX_EDIT_BASES) EDIT_BASES.delete(oldest);
  }
  return file;
}

/** Points every alias at the node it names (sharing it, never copying), so lookups need no document; false when there
 *  are too many. Anchors are collected in document order in the same walk, before any alias is replaced: once replaced,
 *  shared nodes would make a walk of the document exponential (which is what `Alias.resolve` does). */
function replaceAliases(document: Document): boolean {
  const anchors = new Map<string, unknown>();
  const replacements: (() => void)[] = [];
  const walk = (node: unknown, depth: number): boolean => {
    if (depth > 1000) return true;
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, node);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isAlias(pair.value)) {
          const target = anchors.get(pair.value.source) ?? null;
          replacements.push(() => (pair.value = target));
        } else if (!walk(pair.value, depth + 1)) return false;
      }
    } else if (isSeq(node)) {
      for (let index = 0; index < node.items.length; index++) {
        const item = node.items[index];
        if (isAlias(item)) {
          const target = anchors.get(item.source) ?? null;
          replacements.push(() => (node.items[index] = target));
        } else if (!walk(item, depth + 1)) return false;
      }
    }
    return replacements.length <= MAX_ALIASES;
  };
  if (!walk(document.contents, 0)) return false;
  for (const replace of replacements) replace();
  return true;
}

/** The value of a mapping's key, or undefined when the node is not a mapping or has no such key. */
export function child(node: SpecNode | null | undefined, key: string): SpecNode | undefined {
  const pair = pairOf(node, key);
  return (pair?.value ?? undefined) as SpecNode | undefined;
}

export function pairOf(node: SpecNode | null | undefined, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  const items = node.items;
  if (items.length <= SCANNED_MAP_SIZE) {
    for (const pair of items) if (scalarText(pair.key as SpecNode) === key) return pair;
    return undefined;
  }
  return keyIndexOf(node).get(key);
}

/** Up to this many keys a mapping is scanned; a larger one (`components/schemas`, `paths`, a big `properties`) gets an
 *  index by key, built on its first lookup, so that resolving a `$ref` into it is not a scan. */
const SCANNED_MAP_SIZE = 16;
/** Parsed mappings are never changed once `parseSpecFile` returns, so an index stays true for the node's lifetime. */
const KEY_INDEXES = new WeakMap<SpecMap, Map<string, Pair<unknown, unknown>>>();

function keyIndexOf(node: SpecMap): Map<string, Pair<unknown, unknown>> {
  let index = KEY_INDEXES.get(node);
  if (!index) {
    index = new Map();
    for (const pair of node.items) {
      const key = scalarText(pair.key as SpecNode);
      // Duplicate keys (allowed when reading): the first one wins, as in a scan.
      if (key !== undefined && !index.has(key)) index.set(key, pair);
    }
    KEY_INDEXES.set(node, index);
  }
  return index;
}

/** Values kept per pair of a base node and a head node (the two sides of a comparison; a node may be on both). */
export class NodePairMap<T> {
  private readonly byBase = new Map<SpecNode, Map<SpecNode, T>>();

  get(base: SpecNode, head: SpecNode): T | undefined {
    return this.byBase.get(base)?.get(head);
  }

  set(base: SpecNode, head: SpecNode, value: T): T {
    let byHead = this.byBase.get(base);
    if (!byHead) this.byBase.set(base, (byHead = new Map()));
    byHead.set(head, value);
    return value;
  }
}

export function pairs(node: SpecNode | null | undefined): Pair<unknown, unknown>[] {
  return isMap(node) ? node.items : [];
}

export function items(node: SpecNode | null | undefined): SpecNode[] {
  return isSeq(node) ? (node.items as SpecNode[]) : [];
}

/** A scalar's value as text (numbers and booleans too: `200:` and `'200':` are the same status). */
export function scalarText(node: SpecNode | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? undefined : String(value);
}

export function isTrue(node: SpecNode | null | undefined): boolean {
  return isScalar(node) && node.value === true;
}

export { isMap, isScalar, isSeq };
