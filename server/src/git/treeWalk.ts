// A commit's files as `git ls-tree -r` lists them, read tree by tree through the cat-file process the blob reads use:
// for a small repository this answers in a few round trips instead of starting a git process of its own.
import type { GitObject } from './catFile';

/** One entry as `git ls-tree -r` shows it. */
export interface TreeEntry {
  /** As git prints it: 100644, 100755, 120000, 160000. */
  mode: string;
  type: 'blob' | 'commit';
  id: string;
  path: string;
}

/** The entries of a commit's tree, or undefined when a tree is missing, does not parse, or there are more than `maxTrees`
 *  trees (then `git ls-tree` is the faster way, and says what is wrong). */
export async function walkTree(
  read: (name: string) => Promise<GitObject | undefined>,
  commit: string,
  idBytes: number,
  maxTrees: number,
): Promise<TreeEntry[] | undefined> {
  const root = await read(`${commit}^{tree}`);
  if (root?.type !== 'tree') return undefined;
  const entries: TreeEntry[] = [];
  let level = [{ prefix: '', bytes: root.bytes }];
  let trees = 1;
  while (level.length > 0) {
    const subtrees: { path: string; id: string }[] = [];
    for (const { prefix, bytes } of level) {
      const parsed = parseTreeObject(bytes, idBytes);
      if (!parsed) return undefined;
      for (const { mode, name, id } of parsed) {
        const path = prefix + name;
        if (mode === '040000') subtrees.push({ path, id });
        else entries.push({ mode, type: mode === '160000' ? 'commit' : 'blob', id, path });
      }
    }
    trees += subtrees.length;
    if (trees > maxTrees) return undefined;
    // One level at a time, every tree of it requested at once: the cat-file process answers them in a stream.
    const objects = await Promise.all(subtrees.map((subtree) => read(subtree.id)));
    level = [];
    for (let index = 0; index < subtrees.length; index++) {
      const object = objects[index];
      if (object?.type !== 'tree') return undefined;
      level.push({ prefix: `${subtrees[index]!.path}/`, bytes: object.bytes });
    }
  }
  return entries;
}

/** A tree object's entries ("<octal mode> <name>\0<binary id>" each), modes as git canonicalizes them when it lists. */
export function parseTreeObject(bytes: Buffer, idBytes: number): { mode: string; name: string; id: string }[] | undefined {
  const entries: { mode: string; name: string; id: string }[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const space = bytes.indexOf(0x20, offset);
    const nul = space < 0 ? -1 : bytes.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > bytes.length) return undefined;
    const mode = canonicalMode(Number.parseInt(bytes.toString('latin1', offset, space), 8));
    if (mode === undefined) return undefined;
    entries.push({ mode, name: bytes.toString('utf8', space + 1, nul), id: bytes.toString('hex', nul + 1, nul + 1 + idBytes) });
    offset = nul + 1 + idBytes;
  }
  return entries;
}

function canonicalMode(mode: number): string | undefined {
  switch (mode & 0o170000) {
    case 0o040000:
      return '040000';
    case 0o100000:
      return mode & 0o100 ? '100755' : '100644';
    case 0o120000:
      return '120000';
    case 0o160000:
      return '160000';
    default:
      return undefined;
  }
}
