// The files on disk under the repository root, as buf reads them: untracked and ignored files included, only `.git` skipped.
// Nothing is cached: every list() walks the disk again, because the disk changes between checks. A symbolic link to a file
// outside the repository is never read (its target may be anything on the machine): it is listed as unavailable instead.
import * as fs from '../files';
import * as path from 'node:path';
import { textOfBytes, type Tree } from '../engine/tree';

export interface DiskFile {
  path: string; // repository-relative, '/'-separated
  sizeBytes: number;
}

export const OUTSIDE_LINK_REASON = 'it is a symbolic link to a file outside the repository, which is not read';

export class WorkingTree implements Tree {
  readonly label = 'working tree';
  /** The links to files outside the repository that the last list() found. */
  private outside = new Map<string, string>();

  /** `root` is a real path (no symbolic links in it). */
  constructor(private readonly root: string) {}

  async list(): Promise<readonly string[]> {
    const outside: string[] = [];
    const files = await walkFiles(this.root, { withSizes: false, outside });
    this.outside = new Map(outside.map((file) => [file, OUTSIDE_LINK_REASON]));
    return files.map((file) => file.path);
  }

  async unavailable(): Promise<ReadonlyMap<string, string>> {
    return this.outside;
  }

  async read(relative: string): Promise<string | undefined> {
    const full = resolveInside(this.root, relative);
    if (!full) return undefined;
    try {
      const [real, stat] = await Promise.all([fs.realpath(full), fs.stat(full)]);
      if (!isInside(this.root, real) || !stat.isFile()) return undefined;
      return textOfBytes(await fs.readFile(full));
    } catch {
      return undefined;
    }
  }
}

function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Every regular file under root (symbolic links to files inside root count; links to directories are not followed), sorted by path.
 * Sizes cost a stat per file, so they are only looked up when asked for (otherwise sizeBytes is -1).
 * Links to files outside root are left out, and named in `outside` when given.
 */
export async function walkFiles(root: string, options: { withSizes: boolean; outside?: string[] }): Promise<DiskFile[]> {
  const files: DiskFile[] = [];
  async function visit(directory: string, prefix: string): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdirEntries(directory);
    } catch {
      return; // removed or unreadable while we walked: not a file of the head
    }
    const subdirectories: Promise<void>[] = [];
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const full = path.join(directory, entry.name);
      const relative = prefix + entry.name;
      if (entry.isDirectory()) {
        subdirectories.push(visit(full, `${relative}/`));
      } else if (entry.isFile() && !options.withSizes) {
        files.push({ path: relative, sizeBytes: -1 });
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        subdirectories.push(
          (async () => {
            const stat = await fs.stat(full);
            if (!stat.isFile()) return;
            if (entry.isSymbolicLink() && !isInside(root, await fs.realpath(full))) options.outside?.push(relative);
            else files.push({ path: relative, sizeBytes: stat.size });
          })().catch(() => undefined),
        );
      }
    }
    await Promise.all(subdirectories);
  }
  await visit(root, '');
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The absolute path of a repository-relative one, or undefined when it would leave the root or enter `.git`. */
export function resolveInside(root: string, relative: string): string | undefined {
  if (relative.length === 0 || relative.startsWith('/') || relative.includes('\0')) return undefined;
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment === '.git')) return undefined;
  return path.join(root, ...segments);
}
