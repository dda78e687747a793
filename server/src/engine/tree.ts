// One side of a comparison: a set of files by repository-relative path.
// Base trees come from a commit, head trees from the working tree or the index, overlaid with unsaved editor buffers.

export interface Tree {
  /** For people: "working tree", "index", "3f2a1b4 (merge-base with origin/main)". */
  readonly label: string;
  /** Every file path in the tree, repository-relative with '/', sorted. */
  list(): Promise<readonly string[]>;
  /** The file's text, or undefined when the path is absent (or is not a regular file). */
  read(path: string): Promise<string | undefined>;
}

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
}
