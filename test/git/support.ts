// Helpers for the git layer's tests: clones and repositories in awkward directories, built on TempRepo's identity and env.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { GitRepository } from '../../server/src/git/repository';
import { GIT_ENV } from '../support/tempRepo';

/** A working copy in any directory (a clone, or a repository whose path has spaces), with TempRepo's identity. */
export class WorkingCopy {
  constructor(readonly dir: string) {}

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  write(files: Record<string, string | null>): void {
    for (const [relative, text] of Object.entries(files)) {
      const full = path.join(this.dir, ...relative.split('/'));
      if (text === null) fs.rmSync(full, { force: true });
      else {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, text);
      }
    }
  }

  commit(files: Record<string, string | null>, message = 'change'): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }
}

/** A fresh temp directory removed when the test ends. */
export function tempDir(t: Pick<TestContext, 'after'>, prefix = 'graycheck-git-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `git clone [args] <source> <temp dir>/clone`. */
export function cloneOf(t: Pick<TestContext, 'after'>, source: string, ...args: string[]): WorkingCopy {
  const dir = path.join(tempDir(t), 'clone');
  execFileSync('git', ['clone', '-q', ...args, source, dir], { env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const copy = new WorkingCopy(dir);
  copy.git('config', 'commit.gpgsign', 'false');
  return copy;
}

/** Opens the repository and disposes it when the test ends. */
export async function openRepository(
  t: Pick<TestContext, 'after'>,
  dir: string,
  env?: NodeJS.ProcessEnv,
  options: { resolvingBase?: string } = {},
): Promise<GitRepository> {
  const repository = await GitRepository.open(dir, { ...(env ? { env } : {}), ...options });
  t.after(() => repository.dispose());
  return repository;
}

/** Asserts that the promise rejects with a GitError of this code, and returns its message. */
export async function gitErrorOf(promise: Promise<unknown>, code: string): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const { code: actual, message, name } = error as { code?: string; message: string; name: string };
    if (name !== 'GitError' || actual !== code) throw new Error(`expected GitError '${code}', got ${name} '${actual}': ${message}`, { cause: error });
    if (message.includes('\n')) throw new Error(`a GitError message must be one line: ${JSON.stringify(message)}`, { cause: error });
    return message;
  }
  throw new Error(`expected GitError '${code}', but the call succeeded`);
}
