// Issue 12 ("Trust"): no code and no network from repository configuration, a time limit on git, install-hook only inside
// the repository, nothing read through links out of it, no secret echoed from a --config file, the first commit let
// through, and operational errors in words. Real repositories, the built CLI, the server over stdio.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { CLI_PATH, runCli, type CliResult } from '../support/cli';
import { LspSession } from '../support/lspSession';
import { TempRepo } from '../support/tempRepo';

const USER_PROTO = 'api/user.proto';
const USER = 'syntax = "proto3";\npackage api;\nmessage User { string name = 1; string email = 2; }\n';
const USER_WITHOUT_EMAIL = 'syntax = "proto3";\npackage api;\nmessage User { string name = 1; }\n';
const PARTIAL_CLONE_REASON = 'not available locally: partial clone; run git fetch';
const SECRET = 'ghp_SECRET0123456789';

function tempDir(t: TestContext): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-trust-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function assertOneLineError(result: CliResult, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit 2 expected; stdout: ${result.stdout} stderr: ${result.stderr}`);
  assert.match(result.stderr, /^graycheck: [^\n]+\n$/, 'one line on stderr');
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\bE[A-Z]{3,}\b/, 'no raw error code');
}

/** A partial clone whose base commit (HEAD~1) lacks its blob of api/user.proto, with remotes that would run scripts
 *  (an ext:: helper and core.sshCommand) writing marker files if git ever tried to fetch the missing blob. */
function partialCloneWithTraps(t: TestContext, filter = 'blob:none'): { clone: TempRepo; markers: string[] } {
  const dir = tempDir(t);
  const origin = TempRepo.create(t);
  origin.commit({ [USER_PROTO]: USER }, 'base');
  origin.commit({ [USER_PROTO]: `${USER}// a comment\n` }, 'head');
  const bare = path.join(dir, 'origin.git');
  origin.git('clone', '-q', '--bare', origin.dir, bare);
  origin.git('-C', bare, 'config', 'uploadpack.allowFilter', 'true');
  const clonePath = path.join(dir, 'clone');
  origin.git('clone', '-q', `--filter=${filter}`, `file://${bare}`, clonePath);
  const clone = TempRepo.open(clonePath);
  const markers = [path.join(dir, 'ext-helper-ran'), path.join(dir, 'ssh-command-ran')];
  const script = (marker: string) => {
    const file = `${marker}.sh`;
    fs.writeFileSync(file, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
    return file;
  };
  clone.git('config', 'remote.origin.url', `ext::${script(markers[0]!)}`);
  clone.git('config', 'protocol.ext.allow', 'always');
  clone.git('config', 'protocol.allow', 'always');
  clone.git('config', 'remote.mirror.url', 'ssh://example.invalid/origin.git');
  clone.git('config', 'remote.mirror.promisor', 'true');
  clone.git('config', 'core.sshCommand', script(markers[1]!));
  if (filter === 'blob:none') assert.match(clone.git('rev-list', '--objects', '--missing=print', '--no-walk', 'HEAD~1'), /^\?/m, 'the base blob is missing');
  return { clone, markers };
}

test('a partial clone: a missing base blob is not checked, and no remote helper or ssh command runs, from the CLI', async (t) => {
  const { clone, markers } = partialCloneWithTraps(t);
  clone.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  const result = await runCli(['check', '--base', 'HEAD~1', '--format', 'json'], { cwd: clone.dir });
  for (const marker of markers) assert.equal(fs.existsSync(marker), false, `${path.basename(marker)}: git tried to fetch`);
  assert.equal(result.status, 0, result.stderr);
  const output = JSON.parse(result.stdout);
  assert.deepEqual(output.findings, [], 'no finding, and no phantom deletion');
  assert.deepEqual(output.notChecked, [{ file: USER_PROTO, reason: PARTIAL_CLONE_REASON }]);
  // A rename needs the missing blob for git's rename detection: still no fetch, still no error.
  clone.git('mv', USER_PROTO, 'api/person.proto');
  const renamed = await runCli(['check', '--base', 'HEAD~1', '--staged'], { cwd: clone.dir });
  assert.equal(renamed.status, 0, renamed.stderr);
  assert.match(renamed.stdout, /api\/user\.proto: not checked: not available locally: partial clone; run git fetch/);
  for (const marker of markers) assert.equal(fs.existsSync(marker), false, `${path.basename(marker)}: git tried to fetch`);
});

test("a partial clone without the base's trees: one line saying so, and no remote helper or ssh command runs", async (t) => {
  const { clone, markers } = partialCloneWithTraps(t, 'tree:0');
  clone.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  const result = await runCli(['check', '--base', 'HEAD~1'], { cwd: clone.dir });
  for (const marker of markers) assert.equal(fs.existsSync(marker), false, `${path.basename(marker)}: git tried to fetch`);
  assertOneLineError(result, /the files of base commit [0-9a-f]{7} are not available locally: partial clone; run git fetch/);
});

test('a partial clone: the language server reports the missing base blob as not checked and runs no remote helper on didOpen', async (t) => {
  const { clone, markers } = partialCloneWithTraps(t);
  clone.write({ '.graycheck.yaml': 'base: HEAD~1\n' });
  const lsp = await LspSession.start(t, clone.dir);
  const document = await lsp.open(USER_PROTO, USER_WITHOUT_EMAIL);
  const diagnostics = await document.diagnostics();
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  assert.match(diagnostics[0]!.message, /not available locally: partial clone; run git fetch/);
  assert.equal(lsp.statuses.at(-1)?.state, 'ready');
  for (const marker of markers) assert.equal(fs.existsSync(marker), false, `${path.basename(marker)}: git tried to fetch`);
});

test('a git that does not answer is stopped at the time limit: one line, exit 2, no hang', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER });
  const bin = tempDir(t);
  fs.writeFileSync(path.join(bin, 'git'), '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, GRAYCHECK_GIT_TIMEOUT_MS: '500' };
  const started = Date.now();
  const result = await runCli(['check'], { cwd: repo.dir, env, timeoutMs: 15_000 });
  assertOneLineError(result, /git (rev-parse|for-each-ref) did not finish within 500 ms/);
  assert.ok(Date.now() - started < 10_000, 'stopped well before the fake git ended');
});

test('install-hook refuses a core.hooksPath outside the repository and its git directory', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER });
  const elsewhere = path.join(tempDir(t), 'hooks');
  repo.git('config', 'core.hooksPath', elsewhere);
  assertOneLineError(await runCli(['install-hook'], { cwd: repo.dir }), /core\.hooksPath points at .*outside this repository/);
  assert.equal(fs.existsSync(path.join(elsewhere, 'pre-commit')), false);
  repo.git('config', 'core.hooksPath', '.githooks');
  const inside = await runCli(['install-hook'], { cwd: repo.dir });
  assert.equal(inside.status, 0, inside.stderr);
  assert.ok(fs.existsSync(repo.path('.githooks/pre-commit')), 'a hooks path inside the work tree is fine');
});

test('a .proto that links to a file outside the repository is not read: not checked, no finding, nothing of it echoed', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER });
  const outside = path.join(tempDir(t), 'secret.proto');
  fs.writeFileSync(outside, `syntax = "proto3";\npackage api;\nmessage ${SECRET} {}\n`);
  fs.rmSync(repo.path(USER_PROTO));
  fs.symlinkSync(outside, repo.path(USER_PROTO));
  for (const format of ['text', 'json', 'sarif']) {
    const result = await runCli(['check', '--format', format], { cwd: repo.dir });
    assert.equal(result.status, 0, `${format}: ${result.stdout}${result.stderr}`);
    assert.ok(!`${result.stdout}${result.stderr}`.includes(SECRET), `${format} echoes the linked file`);
    assert.match(result.stdout, /symbolic link to a file outside the repository/);
    const findings =
      format === 'text'
        ? result.stdout.split('\n').filter((line) => / error [A-Z_]+ /.test(line))
        : format === 'json'
          ? JSON.parse(result.stdout).findings
          : JSON.parse(result.stdout).runs[0].results;
    assert.deepEqual(findings, [], `${format}: no phantom deletion`);
  }
});

test('a --config file that is not YAML is never quoted, in any format or on stderr', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER });
  const secrets = tempDir(t);
  const files = {
    'token.txt': `token: |${SECRET}\n  more\n`,
    'escape.txt': `"\\x${SECRET}"\n`,
    'env.txt': `GITHUB_TOKEN=${SECRET}\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(secrets, name), text);
    for (const format of ['text', 'json', 'sarif']) {
      const result = await runCli(['check', '--config', path.join(secrets, name), '--format', format], { cwd: repo.dir });
      const output = `${result.stdout}${result.stderr}`;
      assert.ok(!output.includes(SECRET.slice(0, 6)), `${name} in ${format}: ${output}`);
    }
  }
});

test('a repository with no commits: the installed hook lets the first commit through, and JSON says there is no base', async (t) => {
  const repo = TempRepo.create(t);
  const install = await runCli(['install-hook'], { cwd: repo.dir });
  assert.equal(install.status, 0, install.stderr);
  repo.write({ [USER_PROTO]: USER });
  repo.stage(USER_PROTO);
  const json = await runCli(['check', '--staged', '--format', 'json'], { cwd: repo.dir });
  assert.equal(json.status, 0, json.stderr);
  const output = JSON.parse(json.stdout);
  assert.equal(output.base, null);
  assert.deepEqual([output.findings, output.notChecked, output.summary.filesChecked], [[], [], 1]);
  const text = await runCli(['check', '--staged'], { cwd: repo.dir });
  assert.match(text.stdout, /^no breaking changes or warnings; 1 file checked \(no base: the repository has no commits yet\)\n$/);
  repo.git('commit', '-q', '-m', 'first'); // runs the hook; throws if it refused
  assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '1');
});

test('the language server in a repository with no commits reports nothing and no error', async (t) => {
  const repo = TempRepo.create(t);
  repo.write({ [USER_PROTO]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const document = await lsp.open(USER_PROTO, USER_WITHOUT_EMAIL);
  assert.deepEqual(await document.diagnostics(), []);
  assert.deepEqual(lsp.messages, [], 'no error message shown');
  assert.notEqual(lsp.statuses.at(-1)?.state, 'error');
});

test('the summary line counts the files with findings, the files checked and the files not checked', async (t) => {
  const repo = TempRepo.create(t);
  const other = 'api/other.proto';
  const third = 'api/third.proto';
  const proto = (name: string, fields: string) => `syntax = "proto3";\npackage api;\nmessage ${name} { ${fields} }\n`;
  repo.commit({ [USER_PROTO]: USER, [other]: proto('Other', 'string a = 1; string b = 2;'), [third]: proto('Third', 'string a = 1;') });
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL, [other]: proto('Other', 'string a = 1;') });
  const result = await runCli(['check', '--base', 'HEAD'], { cwd: repo.dir });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout.trimEnd().split('\n').at(-1)!, /^2 errors, 0 warnings in 2 files; 3 files checked \(base: /);
});

test('operational errors are one line in words: --config naming a directory, a PATH through a file', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER });
  assertOneLineError(await runCli(['check', '--config', 'api'], { cwd: repo.dir }), /"api" given with --config: it is a directory, not a file/);
  assertOneLineError(await runCli(['check', `${USER_PROTO}/x`], { cwd: repo.dir }), /goes through api\/user\.proto, which is a file, not a directory/);
});

test('a full stdout is one line on stderr and exit 2', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER });
  const full = fs.openSync('/dev/full', 'w');
  t.after(() => fs.closeSync(full));
  const result = await new Promise<CliResult>((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, 'check', '--format', 'json'], { cwd: repo.dir, stdio: ['ignore', full, 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout: '', stderr }));
  });
  assertOneLineError(result, /cannot write the output to stdout: no space left on the device/);
});

test('no instruction runs a package name we do not own (no npx graycheck) in the README, docs or the pre-commit entry', () => {
  const root = path.resolve(__dirname, '..', '..');
  const files = [
    'README.md',
    '.pre-commit-hooks.yaml',
    ...fs.readdirSync(path.join(root, 'docs'), { recursive: true }).map((file) => path.join('docs', String(file))),
  ];
  for (const file of files) {
    const full = path.join(root, file);
    if (!fs.statSync(full).isFile()) continue;
    assert.doesNotMatch(fs.readFileSync(full, 'utf8'), /\b(npx|pnpm dlx|yarn dlx|bunx)\s+(--\S+\s+)*graycheck\b/, file);
  }
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.match(readme, /npm pack/);
  assert.match(readme, /npm install -g \.\/graycheck-0\.1\.0\.tgz/);
});
