// Small readers over `yaml` nodes with source ranges, for semantic-convention files. A kind imports no other kind, so
// these are the semconv reader's own (the OpenAPI loader has its own).
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Location } from '../../engine/finding';
import type { Range } from '../../engine/range';

/** Larger files are not read: the whole upstream registry is far smaller. */
export const MAX_SEMCONV_BYTES = 16 * 1024 * 1024;

export type Node = YamlNode | null | undefined;

/** A parsed file and the readers over its nodes; aliases are followed one step where they are read, so a "billion laughs"
 *  document costs nothing (nothing walks the document as a whole). */
export class YamlFile {
  readonly root: Node;
  /** Why the file could not be read; undefined when it parsed. */
  readonly unreadable?: string;
  private readonly document?: Document;
  private readonly lines = new LineCounter();
  private readonly bom: number;

  constructor(
    readonly path: string,
    written: string,
  ) {
    this.bom = written.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = this.bom ? written.slice(1) : written;
    if (text.length > MAX_SEMCONV_BYTES) {
      this.root = null;
      this.unreadable = `larger than ${MAX_SEMCONV_BYTES / 1024 / 1024} MB; not read`;
      return;
    }
    const document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false });
    const error = document.errors[0];
    if (error) {
      this.root = null;
      this.unreadable = `not valid YAML (line ${this.position(error.pos[0]).line + 1}: ${error.message.split('\n')[0]})`;
      return;
    }
    this.document = document;
    this.root = document.contents as Node;
  }

  private position(offset: number): Range['start'] {
    const { line, col } = this.lines.linePos(offset);
    return { line: line - 1, character: col - 1 + (line === 1 ? this.bom : 0) };
  }

  private location(offsets: readonly [number, number] | undefined): Location {
    const range: Range = offsets
      ? { start: this.position(offsets[0]), end: this.position(offsets[1]) }
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { file: this.path, range };
  }

  /** A node's own text (a scalar without what follows it). */
  locationOf(node: Node): Location {
    return this.location(node?.range ? [node.range[0], node.range[1]] : undefined);
  }

  /** One `key: value` entry, from the key's first character to the value's last. */
  spanOf(pair: Pair): Location {
    const key = (pair.key as Node)?.range;
    const value = (pair.value as Node)?.range ?? key;
    return this.location(key && value ? [key[0], value[1]] : undefined);
  }

  resolved(node: Node): Node {
    return isAlias(node) && this.document ? (node.resolve(this.document) as Node) : node;
  }

  pairOf(node: Node, key: string): Pair | undefined {
    const map = this.resolved(node);
    if (!isMap(map)) return undefined;
    for (const pair of map.items) if (this.text(pair.key as Node) === key) return pair as Pair;
    return undefined;
  }

  child(node: Node, key: string): Node {
    return this.resolved(this.pairOf(node, key)?.value as Node);
  }

  items(node: Node): Node[] {
    const seq = this.resolved(node);
    return isSeq(seq) ? seq.items.map((item) => this.resolved(item as Node)) : [];
  }

  /** A scalar's value as text (numbers and booleans too); undefined for anything else. */
  text(node: Node): string | undefined {
    const value = this.value(node);
    return value === null || value === undefined || typeof value === 'object' ? undefined : String(value);
  }

  value(node: Node): unknown {
    const scalar = this.resolved(node);
    return isScalar(scalar) ? scalar.value : undefined;
  }

  isMap(node: Node): boolean {
    return isMap(this.resolved(node));
  }

  /** The mapping's pairs, for reading a `- key: value` item. */
  pairs(node: Node): Pair[] {
    const map = this.resolved(node);
    return isMap(map) ? (map.items as Pair[]) : [];
  }
}
