// One side of a comparison: a set of files by repository-relative path.
// Base trees come from a commit, head trees from the working tree or the index, overlaid with unsaved editor buffers.
import { createHash } from 'node:crypto';

export interface Tree {
  /** For people: "working tree", "index", "3f2a1b4 (merge-base with origin/main)". */
  readonly label: string;
  /** Every file path in the tree, repository-relative with '/', sorted. */
  list(): Promise<readonly string[]>;
  /** The file's text, or undefined when the path is absent (or is not a regular file). */
  read(path: string): Promise<string | undefined>;
  /** `textFingerprint` of the file's text, for trees that can tell it without handing over the text (they remember it). */
  fingerprint?(path: string): Promise<string | undefined>;
}

/** Equal fingerprints, equal texts: what lets a check skip files unchanged since it last saw them. */
export function textFingerprint(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The fingerprint from the tree when it can tell, else from the text read now. */
export async function fingerprintIn(tree: Tree, path: string): Promise<string | undefined> {
  if (tree.fingerprint) return tree.fingerprint(path);
  const text = await tree.read(path);
  return text === undefined ? undefined : textFingerprint(text);
}

// An open buffer keeps its string until it changes, so its fingerprint is computed once per change.
const bufferFingerprints = new Map<string, { text: string; fingerprint: string }>();

/** A tree whose files are given in memory: test inputs, and the tail of an overlay. */
export class MemoryTree implements Tree {
  private readonly files: Map<string, string>;
  constructor(files: Record<string, string> | Map<string, string>, readonly label = 'memory') {
    this.files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
  }
  async list(): Promise<readonly string[]> {
    return [...this.files.keys()].sort();
  }
  async read(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }
}

/** The head as the editor sees it: open buffers win over the files underneath. */
export class OverlayTree implements Tree {
  constructor(private readonly under: Tree, private readonly buffers: ReadonlyMap<string, string>) {}
  get label(): string {
    return `${this.under.label} with unsaved changes`;
  }
  async list(): Promise<readonly string[]> {
    const paths = new Set(await this.under.list());
    for (const path of this.buffers.keys()) paths.add(path);
    return [...paths].sort();
  }
  async read(path: string): Promise<string | undefined> {
    return this.buffers.has(path) ? this.buffers.get(path) : this.under.read(path);
  }
  async fingerprint(path: string): Promise<string | undefined> {
    const buffer = this.buffers.get(path);
    if (buffer === undefined) return fingerprintIn(this.under, path);
    const known = bufferFingerprints.get(path);
    if (known?.text === buffer) return known.fingerprint;
    const fingerprint = textFingerprint(buffer);
    bufferFingerprints.set(path, { text: buffer, fingerprint });
    if (bufferFingerprints.size > 64) bufferFingerprints.delete(bufferFingerprints.keys().next().value!);
    return fingerprint;
  }
}
