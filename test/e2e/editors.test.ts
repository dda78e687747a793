// The language server in real Neovim and Emacs (eglot), headless, started by each editor's own LSP client from the
// minimal configuration users copy (test/e2e/*/graycheck.*), driven by a runner script that prints one line per step.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { GIT_ENV, TempRepo } from '../support/tempRepo';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EDITOR_TIMEOUT_MS = 120_000;
const USER_PATH = 'api/user.proto';
const USER = `syntax = "proto3";

package acme.user.v1;

message User {
  string name = 1;
  string email = 2;
}
`;
const STEPS = [
  'server attached',
  'field deleted in the buffer',
  'finding reported',
  'restore fix applied',
  'finding cleared',
  'buffer equals the original',
  'file on disk never written',
  'runner finished',
];

interface EditorRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

test('Neovim: an unsaved field deletion is reported, "Restore field" undoes it, and the file is never written', async (t) => {
  if (!isInstalled('nvim')) return missingEditor(t, 'nvim', 'neovim');
  const repo = repositoryWithUser(t);
  const neovim = path.join(ROOT, 'test', 'e2e', 'neovim');
  const run = await runEditor(t, repo, 'nvim', [
    '--headless',
    '--clean',
    '-u',
    path.join(neovim, 'graycheck.lua'),
    '-c',
    `luafile ${path.join(neovim, 'restoreField.lua')}`,
    USER_PATH,
  ]);
  assertEveryStepPassed(run);
  assertRepositoryUntouched(repo);
});

test('Emacs with eglot: an unsaved field deletion is reported, "Restore field" undoes it, and the file is never written', async (t) => {
  if (!isInstalled('emacs')) return missingEditor(t, 'emacs', 'emacs-nox elpa-eglot');
  const repo = repositoryWithUser(t);
  const emacs = path.join(ROOT, 'test', 'e2e', 'emacs');
  // Not -Q: that skips Debian's site-start, which is what puts the packaged eglot on the load path.
  const run = await runEditor(t, repo, 'emacs', [
    '--batch',
    '--eval',
    '(package-initialize)',
    '-l',
    path.join(emacs, 'graycheck.el'),
    USER_PATH,
    '-l',
    path.join(emacs, 'restoreField.el'),
  ]);
  assertEveryStepPassed(run);
  assertRepositoryUntouched(repo);
});

function repositoryWithUser(t: TestContext): TempRepo {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`node scripts/build.mjs\` first (\`npm test\` does)`);
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  return repo;
}

function isInstalled(command: string): boolean {
  return !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;
}

/**
 * Runs the editor in the repository with `graycheck` on PATH (the built CLI) and a private HOME/XDG, so that neither
 * the user's editor configuration nor their git configuration takes part. The whole process group is killed on timeout.
 */
function runEditor(t: TestContext, repo: TempRepo, command: string, args: string[]): Promise<EditorRun> {
  const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-editor-home-')));
  t.after(() => fs.rmSync(home, { recursive: true, force: true }));
  const bin = path.join(home, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(CLI, path.join(bin, 'graycheck'));
  const env = {
    ...GIT_ENV,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    PATH: [bin, path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter),
  };

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo.dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[test] ${command} did not exit within ${EDITOR_TIMEOUT_MS} ms; killed its process group`;
      killGroup(child.pid);
    }, EDITOR_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      // The editor may leave the server behind if it exited abnormally; it belongs to the same group.
      killGroup(child.pid);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

function assertEveryStepPassed(run: EditorRun): void {
  const output = `exit status ${run.status}${run.signal ? ` (signal ${run.signal})` : ''}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
  const stepLines = run.stdout.split('\n').filter((line) => /^(not )?ok /.test(line));
  assert.deepEqual(
    stepLines,
    STEPS.map((step) => `ok ${step}`),
    output,
  );
  assert.equal(run.status, 0, output);
}

function assertRepositoryUntouched(repo: TempRepo): void {
  assert.equal(repo.read(USER_PATH), USER);
  assert.equal(repo.git('status', '--porcelain'), '', 'the editor left no file behind in the repository');
}

/** Outside CI a missing editor skips (and says so); in CI, where .ci/run installs them, it is a failure. */
function missingEditor(t: { skip(message: string): void }, command: string, packages: string): void {
  const message = `${command} is not installed (Debian: apt-get install ${packages})`;
  if (process.env.CI) throw new Error(message);
  t.skip(message);
}
