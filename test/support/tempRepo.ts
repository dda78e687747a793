// A real git repository in a temp dir for tests, with a local identity; removed when the test ends.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Graycheck Test',
  GIT_AUTHOR_EMAIL: 'test@graycheck.invalid',
  GIT_COMMITTER_NAME: 'Graycheck Test',
  GIT_COMMITTER_EMAIL: 'test@graycheck.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
};

export class TempRepo {
  private constructor(readonly dir: string) {}

  /** `git init` in a fresh temp dir; pass a TestContext to remove it when the test ends. */
  static create(t?: Pick<TestContext, 'after'>, options: { branch?: string } = {}): TempRepo {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-test-')));
    const repo = new TempRepo(dir);
    repo.git('init', '-q', '-b', options.branch ?? 'main');
    repo.git('config', 'commit.gpgsign', 'false');
    t?.after(() => repo.remove());
    return repo;
  }

  /** An existing repository (a clone made by a test); the test removes it. */
  static open(dir: string): TempRepo {
    const repo = new TempRepo(dir);
    repo.git('config', 'user.name', 'Graycheck Test');
    repo.git('config', 'user.email', 'test@graycheck.invalid');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  path(relative: string): string {
    return path.join(this.dir, ...relative.split('/'));
  }

  /** Writes files (null deletes one) without staging them. */
  write(files: Record<string, string | null>): void {
    for (const [relative, text] of Object.entries(files)) {
      const full = this.path(relative);
      if (text === null) fs.rmSync(full, { force: true });
      else {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, text);
      }
    }
  }

  read(relative: string): string {
    return fs.readFileSync(this.path(relative), 'utf8');
  }

  /** Writes, stages everything and commits; returns the new commit id. */
  commit(files: Record<string, string | null>, message = 'change'): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  stage(...paths: string[]): void {
    this.git('add', '--', ...paths);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
