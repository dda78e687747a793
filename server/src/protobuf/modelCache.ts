// Models (syntax tree, text and declarations) of recently compared files, least recently used first out, bounded by
// the characters of their texts. A model is keyed by side, path, module path and text fingerprint, so a changed text
// is a new entry; models of an unchanged file on both sides share one text and one syntax tree and are counted once.
// What the current check uses is never evicted, so that typing in a file larger than the bound re-parses only the edit.
import type { ProtoFile } from './model';

/** About 5 bytes of syntax tree and model per character of text: ~20 MB at the limit. */
export const MODEL_CACHE_CHARS = 4_000_000;

export type Side = 'base' | 'head';

/** Versions of one head file kept: each keystroke makes a new one, and older ones only aged into garbage (issue 11). */
export const HEAD_VERSIONS_KEPT = 2;

export class ModelCache {
  private readonly entries = new Map<string, { file: ProtoFile; chars: number; usedIn: number }>();
  /** The keys of each head file's versions (side, path and module path), the latest last. */
  private readonly headVersions = new Map<string, string[]>();
  private chars = 0;
  private generation = 0;

  constructor(private readonly limitChars = MODEL_CACHE_CHARS) {}

  static key(side: Side, path: string, modulePath: string, fingerprint: string): string {
    return `${side}\0${path}\0${modulePath}\0${fingerprint}`;
  }

  /** A new check begins: what it gets or sets is kept at least until the next one begins. */
  beginCheck(): void {
    this.generation++;
  }

  get(key: string): ProtoFile | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.usedIn = this.generation;
    return entry.file;
  }

  /** `sharesText`: the model reuses the text and tree of another cached model (the base's, for an unchanged head file). */
  set(key: string, file: ProtoFile, sharesText = false): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.chars -= old.chars;
    }
    const chars = sharesText ? Math.ceil(file.text.length / 4) : file.text.length;
    this.entries.set(key, { file, chars, usedIn: this.generation });
    this.chars += chars;
    if (key.startsWith('head\0')) this.keepFewVersions(key);
    for (const [oldest, entry] of this.entries) {
      if (this.chars <= this.limitChars || entry.usedIn === this.generation) break;
      this.entries.delete(oldest);
      this.chars -= entry.chars;
    }
  }

  clear(): void {
    this.entries.clear();
    this.headVersions.clear();
    this.chars = 0;
  }

  private keepFewVersions(key: string): void {
    const file = key.slice(0, key.lastIndexOf('\0'));
    const versions = (this.headVersions.get(file) ?? []).filter((version) => version !== key && this.entries.has(version));
    versions.push(key);
    while (versions.length > HEAD_VERSIONS_KEPT) {
      const oldest = versions.shift()!;
      const entry = this.entries.get(oldest)!;
      if (entry.usedIn === this.generation) {
        versions.unshift(oldest);
        break;
      }
      this.entries.delete(oldest);
      this.chars -= entry.chars;
    }
    this.headVersions.set(file, versions);
  }
}
