// One side of a comparison: a set of files by repository-relative path.
// Base trees come from a commit, head trees from the working tree or the index, overlaid with unsaved editor buffers.
import { isAscii } from 'node:buffer';
import { CheckCancelled } from './comparison';
import { gitBlobId } from './digest';

export interface Tree {
  /** For people: "working tree", "index", "3f2a1b4 (merge-base with origin/main)". */
  readonly label: string;
  /** Every file path in the tree, repository-relative with '/', sorted. */
  list(): Promise<readonly string[]>;
  /** The file's text, or undefined when the path is absent (or is not a regular file). */
  read(path: string): Promise<string | undefined>;
  /** `textFingerprint` of the file's text, for trees that can tell it without handing over the text (they remember it). */
  fingerprint?(path: string): Promise<string | undefined>;
  /** The fingerprint when the tree already knows it, without waiting (undefined: ask `fingerprint`). */
  knownFingerprint?(path: string): string | undefined;
  /** For a tree that remembers fingerprints: a number that changes whenever `knownFingerprint` may answer differently
   *  for a path `volatilePaths` does not name. */
  fingerprintGeneration?(): number | undefined;
  /** The paths whose fingerprints may change while the generation stays (open buffers). */
  volatilePaths?(): readonly string[];
  /** Files the tree has but may not read, with the reason (a blob a partial clone lacks, a link to a file outside the
   *  repository). They are left out of `list()`; the engine reports them as not checked, never as deleted. */
  unavailable?(): Promise<ReadonlyMap<string, string>>;
}

/** Texts fingerprinted lately, and texts read from bytes whose fingerprint was taken from the bytes (textOfBytes): the
 *  working tree remembers a fingerprint as it hands the text to a kind, which asks for the fingerprint of the same
 *  string at once. The most recent last; at most 64 of them and, past the latest, 4 M characters in all: typing in a
 *  large file fingerprints a new text per keystroke, and 64 copies of a 1.2 MB spec held 150 MB. */
const KNOWN_FINGERPRINTS = 64;
const KNOWN_CHARACTERS = 4 * 1024 * 1024;
const knownTexts: string[] = [];
/** A text's fingerprint, or the bytes it was read from (its UTF-8) until the fingerprint is first asked for. */
const knownFingerprints: (string | Buffer)[] = [];
let knownCharacters = 0;

function noteFingerprint(text: string, fingerprint: string | Buffer): void {
  knownTexts.push(text);
  knownFingerprints.push(fingerprint);
  knownCharacters += text.length;
  while (knownTexts.length > 1 && (knownTexts.length > KNOWN_FINGERPRINTS || knownCharacters > KNOWN_CHARACTERS)) {
    knownCharacters -= knownTexts.shift()!.length;
    knownFingerprints.shift();
  }
}

/** Equal fingerprints, equal texts: what lets a check skip files unchanged since it last saw them. A fingerprint is the
 *  git blob id (SHA-1) of the text's UTF-8, so a text read from a SHA-1 repository's object store comes with its
 *  fingerprint (`textOfBytes`) and is never hashed, and one read from disk fingerprints the same as the blob. */
export function textFingerprint(text: string): string {
  for (let index = knownTexts.length - 1; index >= 0; index--) {
    if (knownTexts[index] !== text) continue;
    const known = knownFingerprints[index];
    if (typeof known === 'string') return known;
    return (knownFingerprints[index] = gitBlobId(known));
  }
  const fingerprint = gitBlobId(text);
  noteFingerprint(text, fingerprint);
  return fingerprint;
}

/** A file's bytes as text (UTF-8). Bytes that are all ASCII read the same as Latin-1, which Node copies into a one-byte
 *  string without decoding (decoding a 3 MB exposition file as UTF-8 took 10-20 ms, checking it for ASCII 0.1 ms), and
 *  are the text's UTF-8 as they are, so its fingerprint, when asked for, is taken from them: hashing a 3 MB string the
 *  first time took 12-20 ms (its UTF-8 is written out first), hashing its bytes 3 ms. `blobId`: the bytes' git blob id
 *  when the caller knows it (a SHA-1 id is the text's fingerprint: a check of git trees alone loads no hashing at all). */
export function textOfBytes(bytes: Buffer, blobId?: string): string {
  const sha1Id = blobId !== undefined && /^[0-9a-f]{40}$/.test(blobId) ? blobId : undefined;
  if (!isAscii(bytes)) {
    const text = bytes.toString('utf8');
    // Bytes that are not UTF-8 decode with replacement characters, whose UTF-8 is other bytes: their id is still a
    // fingerprint no other text has, but not the one the text would be given from scratch.
    if (sha1Id) noteFingerprint(text, sha1Id);
    return text;
  }
  const text = bytes.toString('latin1');
  noteFingerprint(text, sha1Id ?? bytes);
  return text;
}

/** The fingerprint from the tree when it can tell, else from the text read now. */
export async function fingerprintIn(tree: Tree, path: string): Promise<string | undefined> {
  if (tree.fingerprint) return tree.fingerprint(path);
  const text = await tree.read(path);
  return text === undefined ? undefined : textFingerprint(text);
}

/** A tree whose files are given in memory: test inputs, and the tail of an overlay. */
export class MemoryTree implements Tree {
  private readonly files: Map<string, string>;
  constructor(
    files: Record<string, string> | Map<string, string>,
    readonly label = 'memory',
  ) {
    this.files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
  }
  async list(): Promise<readonly string[]> {
    return [...this.files.keys()].sort();
  }
  async read(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }
}

/** Fingerprints of open buffers by path, kept by the owner of the overlays: a buffer keeps its string until it changes,
 *  so its fingerprint is computed once per change rather than once per check. */
export class BufferFingerprints {
  private readonly known = new Map<string, { text: string; fingerprint: string }>();

  of(path: string, text: string): string {
    const known = this.known.get(path);
    if (known?.text === text) return known.fingerprint;
    const fingerprint = textFingerprint(text);
    this.known.delete(path);
    this.known.set(path, { text, fingerprint });
    if (this.known.size > 64) this.known.delete(this.known.keys().next().value!);
    return fingerprint;
  }
}

/** The head as the editor sees it: open buffers win over the files underneath. */
export class OverlayTree implements Tree {
  constructor(
    private readonly under: Tree,
    private readonly buffers: ReadonlyMap<string, string>,
    private readonly bufferFingerprints = new BufferFingerprints(),
  ) {}
  get label(): string {
    return `${this.under.label} with unsaved changes`;
  }
  async list(): Promise<readonly string[]> {
    const under = await this.under.list();
    // Buffers of files already on disk add nothing: the listing underneath is returned as it is (typing lists nothing).
    const added = [...this.buffers.keys()].filter((path) => !isInSorted(under, path));
    return added.length === 0 ? under : [...new Set([...under, ...added])].sort();
  }
  async read(path: string): Promise<string | undefined> {
    return this.buffers.has(path) ? this.buffers.get(path) : this.under.read(path);
  }
  async fingerprint(path: string): Promise<string | undefined> {
    return this.knownFingerprint(path) ?? fingerprintIn(this.under, path);
  }
  knownFingerprint(path: string): string | undefined {
    const buffer = this.buffers.get(path);
    if (buffer === undefined) return this.under.knownFingerprint?.(path);
    return this.bufferFingerprints.of(path, buffer);
  }
  fingerprintGeneration(): number | undefined {
    return this.under.fingerprintGeneration?.();
  }
  volatilePaths(): readonly string[] {
    return [...this.buffers.keys(), ...(this.under.volatilePaths?.() ?? [])];
  }
  async unavailable(): Promise<ReadonlyMap<string, string>> {
    return (await this.under.unavailable?.()) ?? new Map();
  }
}

function isInSorted(sorted: readonly string[], value: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] === value) return true;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

const READ_BATCH = 64;

/** Reads the files in batches (one git or disk round trip serves many), calling `use` with each text present (and
 *  waiting for it when it returns a promise: a kind that works on a large file in slices). */
export async function readInBatches<T extends { path: string }>(
  tree: Tree,
  items: readonly T[],
  signal: AbortSignal | undefined,
  use: (item: T, text: string) => void | Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += READ_BATCH) {
    if (signal?.aborted) throw new CheckCancelled();
    const batch = items.slice(i, i + READ_BATCH);
    const texts = await Promise.all(batch.map((item) => tree.read(item.path)));
    for (let index = 0; index < batch.length; index++) {
      const text = texts[index];
      if (text === undefined) continue;
      const using = use(batch[index], text);
      if (using) await using;
    }
  }
}

/** `fingerprintIn` for many paths, in batches; undefined for paths absent from the tree. */
export async function fingerprintsInBatches(tree: Tree, paths: readonly string[], signal: AbortSignal | undefined): Promise<(string | undefined)[]> {
  const fingerprints: (string | undefined)[] = [];
  for (let i = 0; i < paths.length; i += READ_BATCH) {
    if (signal?.aborted) throw new CheckCancelled();
    fingerprints.push(...(await Promise.all(paths.slice(i, i + READ_BATCH).map((path) => fingerprintIn(tree, path)))));
  }
  return fingerprints;
}
