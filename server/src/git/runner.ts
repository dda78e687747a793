// Every git process Graycheck starts goes through here: no shell, arguments as an array, configuration that keeps
// repository settings (fsmonitor, hooks, filters, pagers, prompts) from running code, no transport at all (so a partial
// clone's lazy fetch can run no ssh command or remote helper), and a time limit on every call.
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { GitError } from './types';

/** Counters for tests and diagnostics: how often we went to git. */
export interface GitStats {
  spawns: number;
  catFileRequests: number;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

const SAFE_CONFIG = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.untrackedCache=false',
  '-c',
  'log.showSignature=false',
  '-c',
  'protocol.allow=never',
];

export const GIT_MISSING_MESSAGE = 'git is not installed or not on PATH; install git to compare against a base';

/** How long one git call (or one cat-file answer) may take; GRAYCHECK_GIT_TIMEOUT_MS overrides it. */
export const DEFAULT_GIT_TIMEOUT_MS = 60_000;

export function gitTimeoutMs(env: NodeJS.ProcessEnv): number {
  const configured = Number.parseInt(env.GRAYCHECK_GIT_TIMEOUT_MS ?? '', 10);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_GIT_TIMEOUT_MS;
}

export function timeoutError(command: string, timeoutMs: number): GitError {
  const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
  return new GitError(
    'timeout',
    `git ${command} did not finish within ${limit}, so it was stopped; check that git works in this repository (git status), or raise GRAYCHECK_GIT_TIMEOUT_MS`,
  );
}

/** Commands that never run a filter driver (they convert no working-tree file; cat-file only with --filters or
 *  --textconv, which are not used): they may run before the repository's filter drivers are known. */
const RUNS_NO_FILTER = new Set(['rev-parse', 'for-each-ref', 'config', 'cat-file', 'merge-base', 'log', 'ls-tree', 'ls-files', 'rev-list']);

export class GitRunner {
  /** Filter drivers configured in the repository; their commands are blanked so that reading files runs no code. */
  private filterDrivers: readonly string[] = [];
  private filterDriversKnown = false;

  constructor(
    readonly cwd: string,
    private readonly baseEnv: NodeJS.ProcessEnv,
    readonly stats: GitStats = { spawns: 0, catFileRequests: 0 },
  ) {}

  setFilterDrivers(names: readonly string[]): void {
    this.filterDrivers = names;
    this.filterDriversKnown = true;
  }

  /** The caller's environment, before what every spawn adds to it. */
  get baseEnvironment(): NodeJS.ProcessEnv {
    return this.baseEnv;
  }

  get timeoutMs(): number {
    return gitTimeoutMs(this.baseEnv);
  }

  /** The environment of every spawn: the caller's, plus no prompts, no pager, no optional locks, stable messages, no transport. */
  env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...this.baseEnv,
      // An allow-list that names no protocol: unlike `protocol.allow=never`, the repository's protocol.<name>.allow cannot
      // override it, so a lazy fetch in a partial clone can start no ssh command and no ext:: helper (issue 12).
      GIT_ALLOW_PROTOCOL: '',
      // git 2.45 and later do not lazily fetch at all with this; older ones ignore it and the allow-list above stops them.
      GIT_NO_LAZY_FETCH: '1',
      GIT_OPTIONAL_LOCKS: '0',
      GIT_TERMINAL_PROMPT: '0',
      GIT_PAGER: 'cat',
      PAGER: 'cat',
      LC_ALL: 'C',
      LANGUAGE: 'C',
    };
    // GIT_CONFIG_COUNT carries the driver names without `-c`'s "first '=' splits" ambiguity.
    const existing = Number.parseInt(env.GIT_CONFIG_COUNT ?? '0', 10);
    let count = Number.isFinite(existing) && existing > 0 ? existing : 0;
    for (const name of this.filterDrivers) {
      for (const [key, value] of [
        ['clean', ''],
        ['smudge', ''],
        ['process', ''],
        ['required', 'false'],
      ]) {
        env[`GIT_CONFIG_KEY_${count}`] = `filter.${name}.${key}`;
        env[`GIT_CONFIG_VALUE_${count}`] = value;
        count++;
      }
    }
    if (count > 0) env.GIT_CONFIG_COUNT = String(count);
    return env;
  }

  spawn(args: readonly string[], options: Omit<SpawnOptions, 'cwd' | 'env' | 'shell'> = {}): ChildProcess {
    if (!this.filterDriversKnown && !RUNS_NO_FILTER.has(args[0])) {
      throw new GitError('failed', `internal error: git ${args[0]} would run before the repository's filter drivers are known`);
    }
    this.stats.spawns++;
    // Loaded when first needed: a check that starts no git (a repository with no commit yet) does without it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    return spawn('git', ['--no-pager', ...SAFE_CONFIG, ...args], { ...options, cwd: this.cwd, env: this.env(), shell: false, windowsHide: true });
  }

  /** Runs git to completion. A non-zero exit is returned, not thrown; a missing git executable throws 'git-missing',
   *  and a call that outlives the time limit is killed and throws 'timeout'. */
  run(args: readonly string[], input?: string): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = this.spawn(args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const timeoutMs = this.timeoutMs;
      // Settled without waiting for 'close': a child of the stopped git may still hold its pipes open.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        child.stdout!.destroy();
        child.stderr!.destroy();
        reject(timeoutError(commandOf(args), timeoutMs));
      }, timeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.stdin?.on('error', () => undefined);
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new GitError('git-missing', GIT_MISSING_MESSAGE) : new GitError('failed', `cannot run git: ${error.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') });
      });
      if (input !== undefined) child.stdin!.end(input);
    });
  }

  /** Runs git and returns its stdout as text; any non-zero exit becomes GitError 'failed' with git's first line. */
  async text(args: readonly string[]): Promise<string> {
    const result = await this.run(args);
    if (result.code !== 0) throw failure(args, result);
    return result.stdout.toString('utf8');
  }
}

export function failure(args: readonly string[], result: GitResult): GitError {
  return new GitError('failed', `git ${commandOf(args)} failed: ${firstLine(result.stderr) || `exit status ${result.code}`}`);
}

function commandOf(args: readonly string[]): string {
  return args.find((arg) => !arg.startsWith('-')) ?? 'git';
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}
