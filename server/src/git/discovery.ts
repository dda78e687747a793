// A command's repository found from its files, as git's discovery finds it in the plain case: the nearest directory at
// or above the working directory with a `.git` directory, and the branch its HEAD names. Each git process a command
// starts holds the command up 5-10 ms (Node forks itself to start it), and the question "where is the repository, and
// does HEAD have a commit?" is most often answered by three small files. Anything less plain is left to git, which
// then answers (and words the errors): an environment variable that moves the repository or its configuration, a `.git`
// file (a linked worktree, a submodule), a bare repository on the way, another owner (git's safe.directory), another file
// system, a configuration git would read differently (includes, extensions such as reftable, core.worktree, core.bare),
// a detached or unusual HEAD, or a file that cannot be read.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PlainRepository {
  /** The work tree's top level (a real path when the directory given was). */
  root: string;
  gitDir: string;
  /** The branch HEAD names, refs/heads/…. */
  headRef: string;
  /** Whether that branch exists: a loose ref or a packed-refs line. When it does not, HEAD has no commit. */
  headBorn: boolean;
}

/** Variables that leave where the repository is, its configuration and its refs alone (a hook's GIT_INDEX_FILE,
 *  GIT_EDITOR and author, what transports and tracing read). Any other GIT_ variable sends discovery to git. */
const HARMLESS_VARIABLES = new Set([
  'GIT_INDEX_FILE',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'GIT_EXEC_PATH',
  'GIT_PREFIX',
  'GIT_PAGER',
  'GIT_TERMINAL_PROMPT',
  'GIT_ASKPASS',
  'GIT_REFLOG_ACTION',
  'GIT_MERGE_VERBOSITY',
  'GIT_ALLOW_PROTOCOL',
  'GIT_PROTOCOL_FROM_USER',
  'GIT_OPTIONAL_LOCKS',
  'GIT_NO_LAZY_FETCH',
  'GIT_FLUSH',
  'GIT_LITERAL_PATHSPECS',
  'GIT_GLOB_PATHSPECS',
  'GIT_NOGLOB_PATHSPECS',
  'GIT_ICASE_PATHSPECS',
]);
const HARMLESS_PREFIXES = ['GIT_AUTHOR_', 'GIT_COMMITTER_', 'GIT_TRACE', 'GIT_SSL_', 'GIT_HTTP_', 'GIT_SSH', 'GIT_PROXY_'];

/** The plain repository `directory` (a real path) is in, or undefined when git must be asked. The few small files are
 *  read synchronously: a command waits for them anyway, and each asynchronous call is a round trip through libuv's
 *  threads (about 45 microseconds each here, against 10 for the synchronous call). */
export function findPlainRepository(directory: string, env: NodeJS.ProcessEnv): PlainRepository | undefined {
  if (typeof process.getuid !== 'function' || !isPlainEnvironment(env)) return undefined;
  try {
    const uid = process.getuid();
    let device: number | undefined;
    for (let dir = directory; ; dir = path.dirname(dir)) {
      const here = fs.statSync(dir);
      device ??= here.dev;
      if (here.dev !== device) return undefined;
      const dotGit = lstatIfAny(path.join(dir, '.git'));
      if (dotGit) {
        if (!dotGit.isDirectory()) return undefined;
        const gitDir = path.join(dir, '.git');
        if (here.uid !== uid || dotGit.uid !== uid || !isGitDirectory(gitDir)) return undefined;
        return plainRepositoryAt(dir, gitDir);
      }
      // A bare repository (or the inside of a .git directory) on the way: git would take it.
      if (isGitDirectory(dir)) return undefined;
      if (path.dirname(dir) === dir) return undefined;
    }
  } catch {
    return undefined;
  }
}

function isPlainEnvironment(env: NodeJS.ProcessEnv): boolean {
  for (const name of Object.keys(env)) {
    if (!name.startsWith('GIT_') || env[name] === undefined) continue;
    if (!HARMLESS_VARIABLES.has(name) && !HARMLESS_PREFIXES.some((prefix) => name.startsWith(prefix))) return false;
  }
  return true;
}

/** The entry's lstat, or undefined when there is none; other errors are thrown. */
function lstatIfAny(file: string): fs.Stats | undefined {
  return fs.lstatSync(file, { throwIfNoEntry: false });
}

/** git's own test: a HEAD file, and objects and refs directories. */
function isGitDirectory(dir: string): boolean {
  const [head, objects, refs] = ['HEAD', 'objects', 'refs'].map((name) => lstatIfAny(path.join(dir, name)));
  if (!head && !objects && !refs) return false;
  // Only a whole, ordinary one is read here; git decides about a partial or odd one.
  if (head?.isFile() && objects?.isDirectory() && refs?.isDirectory()) return true;
  throw new Error('left to git');
}

function plainRepositoryAt(root: string, gitDir: string): PlainRepository | undefined {
  if (!isPlainConfig(fs.readFileSync(path.join(gitDir, 'config'), 'utf8'))) return undefined;
  const headRef = /^ref: (refs\/heads\/[^\s]+)\s*$/.exec(fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8'))?.[1];
  if (!headRef || !isSafeRefName(headRef)) return undefined;
  const loose = lstatIfAny(path.join(gitDir, ...headRef.split('/')));
  if (loose) return loose.isDirectory() ? undefined : { root, gitDir, headRef, headBorn: true };
  const packedFile = path.join(gitDir, 'packed-refs');
  const packed = lstatIfAny(packedFile) ? fs.readFileSync(packedFile, 'utf8') : undefined;
  const headBorn = packed !== undefined && packed.split('\n').some((line) => line.endsWith(` ${headRef}`) || line.endsWith(` ${headRef}\r`));
  return { root, gitDir, headRef, headBorn };
}

/** A ref name that names a file below refs/heads and nothing else. */
function isSafeRefName(ref: string): boolean {
  return ref.split('/').every((part) => part !== '' && part !== '.' && part !== '..') && !ref.includes('\\');
}

/** A repository configuration git reads as this module does: no includes, no extensions (reftable, worktree
 *  configuration, another object format), no core.worktree, not bare, no line continued on the next. */
function isPlainConfig(text: string): boolean {
  let section = '';
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (line.endsWith('\\')) return false;
    if (line.startsWith('[')) {
      const header = /^\[\s*([A-Za-z0-9.-]+)(\s+"[^"]*")?\s*\]/.exec(line);
      if (!header) return false;
      section = header[1]!.toLowerCase();
      if (section === 'include' || section === 'includeif' || section === 'extensions') return false;
      // git reads a variable on the header's line too: `[core] worktree = …`.
      line = line.slice(header[0].length).trim();
    }
    if (line === '' || line.startsWith('#') || line.startsWith(';') || section !== 'core') continue;
    const [key, ...rest] = line.split('=');
    const name = key!.trim().toLowerCase();
    const value = rest
      .join('=')
      .replace(/[#;].*$/, '')
      .trim()
      .toLowerCase();
    if (name === 'worktree') return false;
    if (name === 'bare' && !['false', 'no', 'off', '0'].includes(value)) return false;
  }
  return true;
}
