// The index (staging area) read from its file, as `git ls-files -s` lists it, for a check of the index without starting
// a git process (each start costs the command several milliseconds). Only the plain layouts are read: versions 2, 3 and 4
// with optional extensions. A split index, a sparse index, any other extension git requires, an unknown version or a
// file that does not parse gives undefined, and the caller asks git instead.
import * as fs from '../files';
import * as path from 'node:path';

/** One entry as `git ls-files -s` shows it. */
export interface IndexEntry {
  /** The mode as git prints it, in octal: 100644, 100755, 120000, 160000. */
  mode: string;
  id: string;
  /** 0 for a staged file, 1 to 3 for the sides of a conflict. */
  stage: number;
  path: string;
}

const SIGNATURE = 0x44495243; // "DIRC"
const HEADER_BYTES = 12;
/** ctime, mtime (seconds and nanoseconds), dev, ino, mode, uid, gid, size: ten 32-bit fields before the object id. */
const STAT_BYTES = 40;
const EXTENDED_FLAG = 0x4000;
const STAGE_SHIFT = 12;
const NAME_LENGTH_MASK = 0xfff;
const DIRECTORY_MODE = 0o040000;

/** The index file a git process started in `root` with `env` reads, or undefined when git would not find it the plain way
 *  (GIT_DIR and its kin move the repository's files; git is then asked). */
export async function indexFilePath(root: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (env.GIT_DIR || env.GIT_COMMON_DIR || env.GIT_WORK_TREE || env.GIT_OBJECT_DIRECTORY) return undefined;
  // A hook of `git commit -a` or `git commit <paths>` is handed the index being committed, not the repository's.
  if (env.GIT_INDEX_FILE) return path.resolve(root, env.GIT_INDEX_FILE);
  const dotGit = path.join(root, '.git');
  try {
    const stats = await fs.lstat(dotGit);
    if (stats.isDirectory()) return path.join(dotGit, 'index');
    if (!stats.isFile()) return undefined;
    // A linked worktree or a submodule: ".git" is a file naming the git directory.
    const match = /^gitdir: (.+?)\r?\n?$/.exec(await fs.readFile(dotGit, 'utf8'));
    return match ? path.join(path.resolve(root, match[1]!), 'index') : undefined;
  } catch {
    return undefined;
  }
}

/** The entries of an index file whose object ids are `idBytes` long (20 with SHA-1, 32 with SHA-256). */
export function parseIndexFile(bytes: Buffer, idBytes: number): IndexEntry[] | undefined {
  const end = bytes.length - idBytes; // the checksum closes the file
  if (end < HEADER_BYTES || bytes.readUInt32BE(0) !== SIGNATURE) return undefined;
  const version = bytes.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = bytes.readUInt32BE(8);
  const entries: IndexEntry[] = [];
  let offset = HEADER_BYTES;
  let previousPath: Buffer = Buffer.alloc(0);
  for (let index = 0; index < count; index++) {
    const start = offset;
    if (offset + STAT_BYTES + idBytes + 2 > end) return undefined;
    const mode = bytes.readUInt32BE(offset + 24);
    offset += STAT_BYTES;
    const id = bytes.toString('hex', offset, offset + idBytes);
    offset += idBytes;
    const flags = bytes.readUInt16BE(offset);
    offset += 2;
    if (flags & EXTENDED_FLAG) {
      if (version < 3 || offset + 2 > end) return undefined;
      offset += 2;
    }
    let name: Buffer;
    if (version === 4) {
      const strip = readOffsetVarint(bytes, offset, end);
      if (!strip || strip.value > previousPath.length) return undefined;
      offset = strip.next;
      const nul = bytes.indexOf(0, offset);
      if (nul < 0 || nul >= end) return undefined;
      name = Buffer.concat([previousPath.subarray(0, previousPath.length - strip.value), bytes.subarray(offset, nul)]);
      offset = nul + 1;
    } else {
      const nul = bytes.indexOf(0, offset);
      if (nul < 0 || nul >= end) return undefined;
      const length = flags & NAME_LENGTH_MASK;
      if (length !== NAME_LENGTH_MASK && length !== nul - offset) return undefined;
      name = bytes.subarray(offset, nul);
      // 1 to 8 NUL bytes pad the entry to a multiple of 8.
      offset = start + ((nul - start + 8) & ~7);
      if (offset > end) return undefined;
    }
    if ((mode & 0o170000) === DIRECTORY_MODE) return undefined; // a sparse index's directory: git expands it
    entries.push({ mode: mode.toString(8), id, stage: (flags >> STAGE_SHIFT) & 3, path: name.toString('utf8') });
    previousPath = name;
  }
  while (offset < end) {
    if (offset + 8 > end) return undefined;
    const first = bytes[offset]!;
    const size = bytes.readUInt32BE(offset + 4);
    // An extension whose name starts with a capital letter is optional; any other (a split index's "link", a sparse
    // index's "sdir") changes what the entries mean.
    if (first < 0x41 || first > 0x5a) return undefined;
    offset += 8 + size;
  }
  return offset === end ? entries : undefined;
}

/** Git's variable-length integer of index version 4 (and of pack offsets): 7 bits a byte, most significant first, each
 *  continuation adding one. */
function readOffsetVarint(bytes: Buffer, offset: number, end: number): { value: number; next: number } | undefined {
  if (offset >= end) return undefined;
  let byte = bytes[offset++]!;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    if (offset >= end || value > 0xffffff) return undefined;
    byte = bytes[offset++]!;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: offset };
}
