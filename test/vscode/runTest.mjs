// `npm run test:vscode`: runs test/vscode/suite in a real VS Code (@vscode/test-electron) on a temp git repository.
// Not part of `npm test`. Where VS Code cannot be downloaded it says so and exits 1: a suite that did not run never
// passes (npm run test:e2e is the real-VS-Code suite that runs on machines without downloads).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const USER_PROTO = `syntax = "proto3";

package acme.user.v1;

message User {
  string name = 1;
  string email = 2;
}
`;

function git(cwd, ...args) {
  execFileSync('git', args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Graycheck Test',
      GIT_AUTHOR_EMAIL: 'test@graycheck.invalid',
      GIT_COMMITTER_NAME: 'Graycheck Test',
      GIT_COMMITTER_EMAIL: 'test@graycheck.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

function createRepository(dir) {
  fs.mkdirSync(path.join(dir, 'api'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'api/user.proto'), USER_PROTO);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'User with email');
}

async function vscodeExecutable() {
  if (process.env.GRAYCHECK_VSCODE_EXECUTABLE) return process.env.GRAYCHECK_VSCODE_EXECUTABLE;
  try {
    return await downloadAndUnzipVSCode({
      version: process.env.GRAYCHECK_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(root, '.vscode-test'),
      timeout: 15_000,
    });
  } catch (error) {
    console.error(
      'the test-electron suite did not run: VS Code could not be downloaded here (set GRAYCHECK_VSCODE_EXECUTABLE to an installed VS Code, or use npm run test:e2e)',
    );
    console.error(`  (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

if (!fs.existsSync(path.join(root, 'dist/extension.js')) || !fs.existsSync(path.join(root, 'dist/server.js'))) {
  console.error('dist/extension.js or dist/server.js is missing: run `npm run build` first (npm run test:vscode does).');
  process.exit(1);
}
const executable = await vscodeExecutable();
if (executable === undefined) process.exit(1);

const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-vscode-')));
const repository = path.join(scratch, 'repo');
let status = 1;
try {
  createRepository(repository);
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/vscode/suite/index.js'),
    extensionTestsEnv: { GRAYCHECK_TEST_REPOSITORY: repository },
    launchArgs: [
      repository,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(scratch, 'user-data'),
    ],
  });
  status = 0;
} catch (error) {
  console.error(`the test-electron suite failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(status);
