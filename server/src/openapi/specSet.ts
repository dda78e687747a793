// An OpenAPI description as one root file plus every file its `$ref`s reach, loaded from one side's tree before the model
// is built, so that resolving a reference never waits. Reference chains and cycles are followed a bounded number of steps.
import type { Tree } from '../engine/tree';
import { child, isMap, isScalar, isSeq, pairs, items, sharedSpecFile, scalarText, type SpecFile, type SpecNode } from './document';

/** A node and the file it is written in: where findings about it are placed. */
export interface Located {
  file: SpecFile;
  node: SpecNode;
}

/** More files than any real description has: a tree of generated refs stops here instead of reading the repository. */
const MAX_FILES = 2000;
const MAX_REF_STEPS = 64;

/** Parsed files by path (the last text seen), shared by every description of one side that reaches them. */
export type SpecFileCache = Map<string, SpecFile>;

export class SpecSet {
  /** Files a `$ref` names that are absent or unreadable, with the reason: the description is then not compared. */
  readonly problems: string[] = [];
  /** oasdiff's --flatten-allof for this comparison: the schema walk merges the properties of `allOf` subschemas into
   *  their schema (set by the checker before comparing; a SpecSet is loaded for each check). */
  flattenAllOf = false;
  /** oasdiff's --match-inline-refs (on by default): an inline `anyOf`/`oneOf` branch and a `$ref` branch on the other side
   *  that validate the same are one branch, not a removal and an addition. */
  matchInlineRefs = true;

  private constructor(
    readonly root: SpecFile,
    private readonly files: ReadonlyMap<string, SpecFile>,
  ) {}

  /** The root and every file reachable through `$ref`, read from the tree; parsed files are reused from `cache` when the text is the same. */
  static async load(tree: Tree, rootPath: string, rootText: string, cache: SpecFileCache): Promise<SpecSet> {
    // One parsed file per path, the last text seen: typing replaces it instead of piling up a parse per keystroke.
    const parse = (path: string, text: string) => {
      const cached = cache.get(path);
      if (cached?.text === text) return cached;
      const file = sharedSpecFile(path, text);
      cache.set(path, file);
      return file;
    };
    const root = parse(rootPath, rootText);
    const files = new Map<string, SpecFile>([[rootPath, root]]);
    const set = new SpecSet(root, files);
    const pending = [root];
    while (pending.length > 0) {
      const file = pending.pop()!;
      for (const target of externalTargets(file)) {
        if (files.has(target)) continue;
        if (files.size >= MAX_FILES) {
          set.problems.push(`references more than ${MAX_FILES} files`);
          return set;
        }
        const text = await tree.read(target);
        if (text === undefined) {
          set.problems.push(`$ref to ${target}, which is missing`);
          continue;
        }
        const loaded = parse(target, text);
        files.set(target, loaded);
        if (loaded.unreadable) set.problems.push(`${target}, which it references, is ${loaded.unreadable}`);
        else pending.push(loaded);
      }
    }
    return set;
  }

  /** The length of the texts of every file of the description. */
  get textLength(): number {
    let length = 0;
    for (const file of this.files.values()) length += file.text.length;
    return length;
  }

  get paths(): readonly string[] {
    return [...this.files.keys()];
  }

  /** The node itself, or what its `$ref` (chain) points at; undefined when a reference cannot be followed. */
  resolve(at: Located): Located | undefined {
    let current = at;
    for (let step = 0; step < MAX_REF_STEPS; step++) {
      const ref = scalarText(child(current.node, '$ref'));
      if (ref === undefined) return current;
      const target = this.target(current.file, ref);
      if (!target) return this.unresolved(`$ref "${ref}" in ${current.file.path} does not resolve`);
      current = target;
    }
    return this.unresolved(`$ref chain from ${at.file.path} is longer than ${MAX_REF_STEPS} steps (a cycle?)`);
  }

  /** What `resolve` finds, without noting a reference that cannot be followed: for looking ahead (are two schemas the
   *  same?) at references the comparison itself may never follow. */
  resolveQuietly(at: Located): Located | undefined {
    let current = at;
    for (let step = 0; step < MAX_REF_STEPS; step++) {
      const ref = scalarText(child(current.node, '$ref'));
      if (ref === undefined) return current;
      const target = this.target(current.file, ref);
      if (!target) return undefined;
      current = target;
    }
    return undefined;
  }

  /** A reference that cannot be followed makes the description incomplete: said once, and never read as a removal. */
  private unresolved(reason: string): undefined {
    if (!this.problems.includes(reason)) this.problems.push(reason);
    return undefined;
  }

  /** Resolved `$ref`s by referring file and reference text: the same reference is written many times in a large description. */
  private readonly targets = new Map<SpecFile, Map<string, Located | undefined>>();

  private target(from: SpecFile, ref: string): Located | undefined {
    let known = this.targets.get(from);
    if (!known) this.targets.set(from, (known = new Map()));
    if (known.has(ref)) return known.get(ref);
    const target = this.findTarget(from, ref);
    known.set(ref, target);
    return target;
  }

  private findTarget(from: SpecFile, ref: string): Located | undefined {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    if (pointer !== '' && !pointer.startsWith('/')) return undefined;
    const file = filePart === '' ? from : this.files.get(joinPath(from.path, filePart));
    if (!file?.root) return undefined;
    let node: SpecNode | undefined = file.root;
    for (const token of pointer.split('/').slice(1)) {
      const key = decodeSafely(token).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isSeq(node) ? items(node)[Number(key)] : child(node, key);
      if (node === undefined) return undefined;
    }
    return { file, node };
  }
}

/** The other files a file's `$ref`s name, as repository paths. */
const TARGETS = new WeakMap<SpecFile, string[]>();

/** The files a parsed file's `$ref`s point to, worked out once per parse (a check of another file asks again). */
function externalTargets(file: SpecFile): string[] {
  let targets = TARGETS.get(file);
  if (!targets) TARGETS.set(file, (targets = mayReferenceOtherFiles(file.text) ? findExternalTargets(file) : []));
  return targets;
}

/** Whether some `$ref` in the text may name another file: false when every one is written as a local reference
 *  (`$ref: '#/…'`, `$ref: >-` then `#/…`), as in most single-file descriptions, whose tree then need not be walked on every keystroke. Anything
 *  unusual after a `$ref` key (an alias, a tag, a block scalar), or a key that could spell `$ref` with escapes, counts as maybe. */
function mayReferenceOtherFiles(text: string): boolean {
  // `$ref` spelled with escapes (`"\x24ref"`, `"$\u0072ef"`), or an explicit `? key`, which may span lines.
  if (/\\(?:x|u00|U000000)(?:24|72|65|66)/i.test(text)) return true;
  for (let at = text.indexOf('?'); at >= 0; at = text.indexOf('?', at + 1)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, at)) && /[ \t\r\n]/.test(text[at + 1] ?? '\n')) return true;
  }
  // A local reference is quoted (`"#/…"`: unquoted, `#` starts a comment), or a block scalar whose text starts with `#`.
  const quoted = /\s*["']#/y;
  const block = /[ \t]*[>|][-+0-9]*[ \t]*\r?\n[ \t]*#/y;
  for (const match of text.matchAll(/\$ref["']?\s*:/g)) {
    const after = match.index + match[0].length;
    quoted.lastIndex = after;
    block.lastIndex = after;
    if (!quoted.test(text) && !block.test(text)) return true;
  }
  return false;
}

function findExternalTargets(file: SpecFile): string[] {
  const targets = new Set<string>();
  // YAML aliases make nodes shared: each is walked once, or an alias bomb would be walked in full.
  const seen = new Set<SpecNode>();
  const visit = (node: SpecNode | null | undefined, depth: number) => {
    if (!node || depth > 200 || seen.has(node)) return;
    seen.add(node);
    if (isMap(node)) {
      for (const pair of pairs(node)) {
        if (scalarText(pair.key as SpecNode) === '$ref' && isScalar(pair.value)) {
          const ref = String((pair.value as { value: unknown }).value);
          const filePart = ref.split('#')[0];
          if (filePart !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(filePart)) targets.add(joinPath(file.path, filePart));
        } else visit(pair.value as SpecNode, depth + 1);
      }
    } else if (isSeq(node)) for (const item of items(node)) visit(item, depth + 1);
  };
  visit(file.root, 0);
  return [...targets];
}

/** A relative reference resolved against the referring file's directory, as a repository path ('..' that leaves the repository stays as is and is then missing). */
export function joinPath(from: string, relative: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of decodeSafely(relative).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** Percent-decoding that leaves a malformed escape (`100%`) as written instead of throwing. */
function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
