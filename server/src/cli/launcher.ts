// dist/cli.js: starts the command's bundle (dist/cli-main.js) from V8's code cache, so that a run does not parse and
// compile the whole bundle again; a pre-commit hook starts the command for every commit. The cache is a file in the
// user's cache directory, never in the repository. A missing, stale or damaged cache is ignored and written again at
// the end of the run; one another user could have written is never read. GRAYCHECK_CODE_CACHE=off runs without it,
// GRAYCHECK_CODE_CACHE=<directory> keeps it there.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { CHECKED_KINDS_EVENT } from './checkedKinds';

/** A hash of dist/cli-main.js, set by scripts/build.mjs: a new build never reads an older build's cache. */
declare const BUNDLE_ID: string;

const BUNDLE = path.join(__dirname, 'cli-main.js');
const MAGIC = 0x32434347; // "GCC2"
/** magic, flags, data length, bundle size, bundle modification time (float64), the length of the kinds' names (then
 *  the names, comma-separated, then the data). V8 checks the rest: its version and flags, the source's length, the
 *  data's length. */
const HEADER_BYTES = 28;
/** The cache was written at the end of a `check`, so it holds the code a check runs, not only the start-up's. */
const AFTER_CHECK = 1;
/** How many caches of other builds or Node versions stay beside this one's. */
const OTHER_CACHES_KEPT = 3;
/** V8's own interrupt budget (66 KB of bytecode since V8 10, Node 18). */
const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;
/** V8 hands a function to TurboFan once it has run long enough: once its interrupt budget is spent, and spent again
 *  with stable feedback. A command lasts well under a second on most inputs, and the
 *  functions that got hot for a few milliseconds (a parser's code for each family's first lines, the loop over
 *  findings) were compiled on the second core too late to pay, held every collection at a safepoint while they ran
 *  (a check's scavenges took 60-70 ms in all, 22 ms without them), and held the exit until they ended. Sixteen times
 *  the budget leaves TurboFan the code that stays hot (the 50,000-series .prom check: 1 function compiled instead of 16). */
const COMMAND_INTERRUPT_BUDGET = 16 * DEFAULT_INTERRUPT_BUDGET;
/** V8 doubles its young generation (from 1 MB a half) whenever most of what it holds survives a collection, up to 16 MB.
 *  Each page of the larger halves is memory the process touches for the first time, which is dear (4-20 microseconds a
 *  page where the hypervisor keeps shadow page tables), and a short command is over before the fewer collections repay
 *  it: held at its first size, the 50,000-series .prom check took 14 ms less and the pre-commit check 10 ms. A long
 *  command does gain from the growth (held throughout, the 7 s check of prometheus/prometheus took 0.5 s more), so it is
 *  allowed again after YOUNG_GENERATION_HELD_MS. */
const COMMAND_FLAGS = `--interrupt-budget=${COMMAND_INTERRUPT_BUDGET} --semi-space-growth-factor=1`;
const YOUNG_GENERATION_HELD_MS = 250;
/** Those flags' defaults, under which the bundle is compiled (and its code cache made). */
const DEFAULT_GROWTH = '--semi-space-growth-factor=2';
const DEFAULT_FLAGS = `--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET} ${DEFAULT_GROWTH}`;

interface CacheFile {
  path: string;
  data: Buffer | undefined;
  flags: number;
  /** The kinds whose code the checks that made the cache ran (checkedKinds.ts). */
  kinds: string[];
}

function cacheDirectory(): string | undefined {
  const setting = process.env.GRAYCHECK_CODE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  if (setting) return path.resolve(setting);
  try {
    if (process.platform === 'win32') return process.env.LOCALAPPDATA ? path.join(process.env.LOCALAPPDATA, 'graycheck', 'Cache') : undefined;
    if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'graycheck');
    // A relative XDG_CACHE_HOME is to be ignored (the XDG specification): it would put the cache in the repository.
    const xdg = process.env.XDG_CACHE_HOME;
    return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'graycheck');
  } catch {
    return undefined; // no home directory: run without a cache
  }
}

/** Only a file or directory of this user that nobody else may write is trusted: V8 runs the code a cache holds. */
function isOwn(stats: fs.Stats): boolean {
  if (typeof process.getuid !== 'function') return true; // Windows: the directory is the user's own profile
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

function readCache(directory: string, bundle: fs.Stats): CacheFile {
  const file = path.join(directory, `cli-main-${BUNDLE_ID}-${process.version}-${process.arch}.cache`);
  const none: CacheFile = { path: file, data: undefined, flags: 0, kinds: [] };
  try {
    if (!isOwn(fs.statSync(directory))) return none;
    const descriptor = fs.openSync(file, 'r');
    try {
      if (!isOwn(fs.fstatSync(descriptor))) return none;
      const bytes = fs.readFileSync(descriptor);
      if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) return none;
      const kindsEnd = HEADER_BYTES + bytes.readUInt32LE(24);
      if (kindsEnd > bytes.length) return none;
      const data = bytes.subarray(kindsEnd);
      if (bytes.readUInt32LE(8) !== data.length) return none;
      // A bundle edited in place (not rebuilt) keeps its id; its size and time tell.
      if (bytes.readUInt32LE(12) !== bundle.size || bytes.readDoubleLE(16) !== bundle.mtimeMs) return none;
      const kinds = bytes.toString('latin1', HEADER_BYTES, kindsEnd).split(',').filter(Boolean);
      return { path: file, data, flags: bytes.readUInt32LE(4), kinds };
    } finally {
      fs.closeSync(descriptor);
    }
  } catch {
    return none;
  }
}

function writeCache(directory: string, cache: CacheFile, data: Buffer, flags: number, kinds: readonly string[], bundle: fs.Stats): void {
  try {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (!isOwn(fs.statSync(directory))) return;
    const names = Buffer.from(kinds.join(','), 'latin1');
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(flags, 4);
    header.writeUInt32LE(data.length, 8);
    header.writeUInt32LE(bundle.size, 12);
    header.writeDoubleLE(bundle.mtimeMs, 16);
    header.writeUInt32LE(names.length, 24);
    // Written whole under another name, then renamed: a reader never sees half a file.
    const temporary = `${cache.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, Buffer.concat([header, names, data]), { mode: 0o600 });
    fs.renameSync(temporary, cache.path);
    // Caches of other builds or Node versions take room, but one may be another install's that is in use (a global and
    // a project's graycheck, two checkouts): the most recently written few are kept, so that running them in turn does not
    // make each remove the other's and compile from scratch every time.
    const own = path.basename(cache.path);
    const others = fs
      .readdirSync(directory)
      .filter((name) => name !== own && name.startsWith('cli-main-') && name.endsWith('.cache'))
      .map((name) => ({ name, written: fs.statSync(path.join(directory, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.written - a.written);
    for (const { name } of others.slice(OTHER_CACHES_KEPT)) fs.rmSync(path.join(directory, name), { force: true });
  } catch {
    // A cache that cannot be written costs the next run its compile, nothing else.
  }
}

/** The bundle's text, read as Latin-1, which Node hands to V8 as a one-byte string without decoding it: decoding the 2 MB
 *  bundle as UTF-8 took 17-30 ms, reading it as Latin-1 under 3 ms. That reads it right because scripts/build.mjs makes
 *  it ASCII (and fails otherwise), so it is not checked again at every start (1.6 ms). */
function readBundle(): string {
  return fs.readFileSync(BUNDLE, 'latin1');
}

/** What editors run, `graycheck lsp --stdio`: the language server's own bundle (dist/server.js) starts at once, without
 *  the command's (which would only require it; that took 50 ms more to answer `initialize`). Any other use of `lsp`
 *  (--help, a wrong option) goes through the command, which says what is wrong. */
function isEditorStart(args: readonly string[]): boolean {
  return args[0] === 'lsp' && args.includes('--stdio') && args.slice(1).every((arg) => arg === '--stdio' || arg === '--debug');
}

function start(): void {
  if (isEditorStart(process.argv.slice(2))) {
    // A path esbuild leaves alone: the server is a bundle of its own, beside this one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require(path.join(__dirname, 'server.js')) as { serve(): void }).serve();
    return;
  }
  const command = process.argv[2];
  const source = readBundle();
  const bundle = fs.statSync(BUNDLE);
  const directory = cacheDirectory();
  const cache = directory === undefined ? undefined : readCache(directory, bundle);
  // The bundle is the function Node wraps a CommonJS module in (scripts/build.mjs).
  const script = new vm.Script(source, { filename: BUNDLE, ...(cache?.data ? { cachedData: cache.data } : {}) });
  // The language server runs for hours and ends by a signal: only short commands write the cache, and a check's run
  // replaces one that a shorter command (--help) wrote, or one made without a kind it checked (a first check of a
  // repository with one kind's files, then one of another's, whose code every later run would compile).
  const flags = command === 'check' ? AFTER_CHECK : 0;
  const deserialized = cache?.data !== undefined && script.cachedDataRejected !== true;
  const stale = !deserialized || (flags & AFTER_CHECK & ~cache!.flags) !== 0;
  let checkedKinds: readonly string[] = [];
  if (directory !== undefined && cache && command !== 'lsp') {
    process.on(CHECKED_KINDS_EVENT, (kinds: readonly string[]) => (checkedKinds = kinds));
    process.once('exit', () => {
      const newKinds = checkedKinds.filter((kind) => !cache.kinds.includes(kind));
      if (!stale && newKinds.length === 0) return;
      // A code cache holds the V8 flags it was made with and is rejected under others: it is made under the ones the
      // bundle is compiled with. It holds every function compiled so far, the deserialized ones included.
      v8.setFlagsFromString(DEFAULT_FLAGS);
      const kinds = deserialized ? [...cache.kinds, ...newKinds] : checkedKinds;
      writeCache(directory, cache, script.createCachedData(), flags, kinds, bundle);
    });
  }
  // The bundle runs as the CommonJS module it was built as, and as the main one, so that it starts the command.
  const main = new Module(BUNDLE, module);
  main.filename = BUNDLE;
  const requireFromBundle = Module.createRequire(BUNDLE);
  requireFromBundle.main = main;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(main.exports, main.exports, requireFromBundle, main, BUNDLE, __dirname);
  // Once the bundle's top level has run, which loads the Node modules a command uses: Node's own code cache of them
  // holds V8's default flags too, and under others each was compiled from its source (6 ms a check). The command runs
  // after this, on the next turns of the event loop. The language server runs for hours and keeps V8's default.
  if (command !== 'lsp') {
    v8.setFlagsFromString(COMMAND_FLAGS);
    setTimeout(() => v8.setFlagsFromString(DEFAULT_GROWTH), YOUNG_GENERATION_HELD_MS).unref();
  }
}

start();
