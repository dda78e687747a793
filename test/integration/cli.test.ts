// The built `graycheck` command against real git repositories: exit statuses, the three formats, configuration,
// suppressions, the unhappy paths users hit (no repository, unknown revision, shallow clone, no git) and the pre-commit hook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { CLI_PATH, runCli, type CliResult } from '../support/cli';
import { gitSpy } from '../support/gitSpy';
import { GIT_ENV, TempRepo } from '../support/tempRepo';

const USER_PROTO = 'acme/user/v1/user.proto';
const USER = 'syntax = "proto3";\npackage acme.user.v1;\nmessage User { string name = 1; string email = 2; }\n';
const USER_WITHOUT_EMAIL = 'syntax = "proto3";\npackage acme.user.v1;\nmessage User { string name = 1; }\n';
const USER_WITH_PHONE = 'syntax = "proto3";\npackage acme.user.v1;\nmessage User { string name = 1; string email = 2; string phone = 3; }\n';
const EMAIL_DELETED = 'Previously present field "2" with name "email" on message "User" was deleted.';

const ORDER_PROTO = 'acme/order/v1/order.proto';
const ORDER = 'syntax = "proto3";\npackage acme.order.v1;\n\nmessage Order {\n  string id = 1;\n  int64 total_cents = 2;\n}\n';
const ORDER_WITHOUT_TOTAL = 'syntax = "proto3";\npackage acme.order.v1;\n\nmessage Order {\n  string id = 1;\n}\n';

interface JsonOutput {
  version: number;
  base: { ref: string; commit: string; description: string };
  findings: {
    rule: string;
    kind: string;
    severity: string;
    categories: string[];
    file: string;
    range: { start: { line: number; column: number }; end: { line: number; column: number } };
    message: string;
    base?: { file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } };
    fixes: { title: string }[];
  }[];
  notChecked: { file: string; reason: string }[];
  summary: { filesChecked: number; errors: number; warnings: number; durationMs: number };
}

function parseJson(result: CliResult): JsonOutput {
  assert.equal(result.stderr, '', 'a JSON run writes nothing to stderr');
  return JSON.parse(result.stdout) as JsonOutput;
}

/** An operational error: status 2, nothing on stdout, exactly one `graycheck: ` line on stderr. */
function assertOneLineError(result: CliResult, pattern: RegExp): void {
  assert.equal(result.status, 2, `expected status 2, stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0], /^graycheck: /);
  assert.match(lines[0], pattern);
}

function repoWithUser(t: Parameters<typeof TempRepo.create>[0]): TempRepo {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER, [ORDER_PROTO]: ORDER }, 'base');
  return repo;
}

function emptyTempDir(t: Parameters<typeof TempRepo.create>[0]): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-cli-')));
  t?.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test("deleting a field in the working tree is one FIELD_NO_DELETE on the message, with buf's text, and exit 1", async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  const result = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  assert.equal(result.status, 1, result.stderr);
  const output = parseJson(result);
  assert.equal(output.version, 1);
  assert.equal(output.base.ref, 'HEAD');
  assert.equal(output.base.commit, repo.git('rev-parse', 'HEAD').trim());
  assert.equal(typeof output.base.description, 'string');
  assert.equal(output.findings.length, 1, JSON.stringify(output.findings));
  const [finding] = output.findings;
  assert.equal(finding.rule, 'FIELD_NO_DELETE');
  assert.equal(finding.kind, 'protobuf');
  assert.equal(finding.severity, 'error');
  assert.ok(finding.categories.includes('FILE'), `categories ${finding.categories.join(',')}`);
  assert.equal(finding.file, USER_PROTO);
  assert.deepEqual(finding.range, { start: { line: 3, column: 1 }, end: { line: 3, column: 34 } });
  assert.equal(finding.message, EMAIL_DELETED);
  assert.equal(finding.base?.file, USER_PROTO);
  assert.equal(finding.base?.range.start.line, 3);
  assert.equal(finding.fixes.at(-1)?.title, 'Suppress FIELD_NO_DELETE here');
  assert.deepEqual(output.notChecked, []);
  assert.equal(output.summary.errors, 1);
  assert.equal(output.summary.warnings, 0);
  assert.equal(output.summary.filesChecked, 2);
  assert.equal(typeof output.summary.durationMs, 'number');
});

test('a clean working tree exits 0 and says nothing was found', async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITH_PHONE });
  const result = await runCli(['check'], { cwd: repo.dir });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  const short = repo.git('rev-parse', '--short=7', 'HEAD').trim();
  assert.match(result.stdout, new RegExp(`^no breaking changes or warnings; 2 files checked \\(base: .+, ${short}\\)\\n$`));
});

test('--staged checks the index: a clean staged version passes while a breaking edit stays unstaged', async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITH_PHONE });
  repo.stage(USER_PROTO);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  const staged = await runCli(['check', '--staged', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  assert.equal(staged.status, 0, staged.stderr);
  assert.deepEqual(parseJson(staged).findings, []);
  const workingTree = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  assert.equal(workingTree.status, 1, 'the working tree still has the deletion');
});

test('--staged reports a staged deletion even when the working tree was repaired', async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  repo.stage(USER_PROTO);
  repo.write({ [USER_PROTO]: USER });
  const staged = await runCli(['check', '--staged', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  assert.equal(staged.status, 1, staged.stderr);
  assert.deepEqual(
    parseJson(staged).findings.map((finding) => [finding.rule, finding.file, finding.message]),
    [['FIELD_NO_DELETE', USER_PROTO, EMAIL_DELETED]],
  );
  const workingTree = await runCli(['check', '--base', 'HEAD'], { cwd: repo.dir });
  assert.equal(workingTree.status, 0, workingTree.stdout);
});

test('an unknown revision is one line on stderr and exit 2', async (t) => {
  const repo = repoWithUser(t);
  assertOneLineError(await runCli(['check', '--base', 'origin/mian'], { cwd: repo.dir }), /origin\/mian/);
});

test('a directory outside any git repository is exit 2', async (t) => {
  const dir = emptyTempDir(t);
  const env = { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(dir) };
  assertOneLineError(await runCli(['check'], { cwd: dir, env }), /repositor/i);
});

test('a repository without commits has nothing to compare with: exit 0, even with --base named (issue 12)', async (t) => {
  const repo = TempRepo.create(t);
  repo.write({ [USER_PROTO]: USER });
  const result = await runCli(['check', '--base', 'HEAD'], { cwd: repo.dir });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /\(no base: the repository has no commits yet\)\n$/);
});

test('a plain repository is found from its files: no git at all before the first commit, none for the top level after it', async (t) => {
  const repo = TempRepo.create(t);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  // Without the caller's GIT_ variables, some of which (GIT_CONFIG_NOSYSTEM, say) leave discovery to git.
  const plain = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  const fresh = gitSpy(t, plain);
  const first = await runCli(['check', '--format', 'json'], { cwd: repo.path('acme'), env: fresh.env });
  assert.equal(first.status, 0, first.stderr);
  assert.equal(parseJson(first).base, null);
  assert.deepEqual(fresh.calls(), []);

  repo.commit({ [USER_PROTO]: USER });
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  const later = gitSpy(t, plain);
  const fromFiles = parseJson(await runCli(['check', '--format', 'json'], { cwd: repo.path('acme'), env: later.env }));
  assert.equal(later.calls()[0], 'for-each-ref');
  assert.ok(!later.calls().includes('rev-parse'), later.calls().join(', '));
  // The same report as when git is asked (GIT_CONFIG_NOSYSTEM is one of the variables that leave discovery to git).
  const fromGit = parseJson(await runCli(['check', '--format', 'json'], { cwd: repo.path('acme'), env: { ...later.env, GIT_CONFIG_NOSYSTEM: '1' } }));
  assert.equal(fromFiles.findings[0]?.message, EMAIL_DELETED);
  assert.deepEqual({ ...fromFiles, summary: undefined }, { ...fromGit, summary: undefined });
});

test('git missing from PATH is exit 2 with a line that names git', async (t) => {
  const repo = repoWithUser(t);
  const emptyBin = emptyTempDir(t);
  assertOneLineError(await runCli(['check'], { cwd: repo.dir, env: { ...process.env, PATH: emptyBin } }), /git/i);
});

test('a shallow clone that lacks the base commit is exit 2', async (t) => {
  const origin = repoWithUser(t);
  const first = origin.git('rev-parse', 'HEAD').trim();
  origin.commit({ [USER_PROTO]: USER_WITH_PHONE }, 'second');
  const clone = path.join(emptyTempDir(t), 'clone');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone], { env: GIT_ENV, stdio: 'pipe' });
  assertOneLineError(await runCli(['check', '--base', first], { cwd: clone }), /shallow|not in this clone|missing/i);
});

test('--fail-on sets which severities fail: never always passes, warning fails on warnings', async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  const never = await runCli(['check', '--fail-on', 'never', '--format', 'json'], { cwd: repo.dir });
  assert.equal(never.status, 0);
  assert.equal(parseJson(never).findings.length, 1, 'the finding is still printed');

  repo.write({ '.graycheck.yaml': 'severity:\n  FIELD_NO_DELETE: warning\n' });
  const demoted = await runCli(['check', '--format', 'json'], { cwd: repo.dir });
  assert.equal(demoted.status, 0, 'a warning does not fail the default --fail-on error');
  const output = parseJson(demoted);
  assert.deepEqual(
    output.findings.map((finding) => finding.severity),
    ['warning'],
  );
  assert.deepEqual([output.summary.errors, output.summary.warnings], [0, 1]);
  assert.equal((await runCli(['check', '--fail-on', 'warning'], { cwd: repo.dir })).status, 1);
});

test('--format text prints compiler-style lines and a summary naming the base', async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL, [ORDER_PROTO]: ORDER_WITHOUT_TOTAL });
  const result = await runCli(['check', '--base', 'HEAD', '--format', 'text'], { cwd: repo.dir });
  assert.equal(result.status, 1);
  const short = repo.git('rev-parse', '--short=7', 'HEAD').trim();
  const lines = result.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, -1), [
    `${ORDER_PROTO}:4:1: error FIELD_NO_DELETE Previously present field "2" with name "total_cents" on message "Order" was deleted.`,
    `${USER_PROTO}:3:1: error FIELD_NO_DELETE ${EMAIL_DELETED}`,
  ]);
  assert.match(lines.at(-1)!, new RegExp(`^2 errors, 0 warnings in 2 files; 2 files checked \\(base: .+, ${short}\\)$`));
});

test('--format sarif is SARIF 2.1.0 with the rules, results, regions and base location code scanning reads', async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  const result = await runCli(['check', '--format', 'sarif'], { cwd: repo.dir });
  assert.equal(result.status, 1);
  const sarif = JSON.parse(result.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const driver = sarif.runs[0].tool.driver;
  assert.equal(driver.name, 'graycheck');
  assert.match(driver.informationUri, /^https:\/\//);
  const ruleIds = driver.rules.map((rule: { id: string }) => rule.id);
  assert.ok(ruleIds.includes('FIELD_NO_DELETE'));
  for (const rule of driver.rules) {
    assert.equal(typeof rule.shortDescription.text, 'string');
    assert.match(rule.helpUri, new RegExp(`/(protobuf|openapi|metrics)/${rule.id}\\.md$`));
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.equal(sarif.runs[0].results.length, 1);
  const [found] = sarif.runs[0].results;
  assert.equal(found.ruleId, 'FIELD_NO_DELETE');
  assert.equal(driver.rules[found.ruleIndex].id, 'FIELD_NO_DELETE');
  assert.equal(found.level, 'error');
  assert.equal(found.message.text, EMAIL_DELETED);
  assert.deepEqual(found.locations[0].physicalLocation, {
    artifactLocation: { uri: USER_PROTO, uriBaseId: '%SRCROOT%' },
    region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 34 },
  });
  assert.equal(found.relatedLocations[0].physicalLocation.artifactLocation.uri, USER_PROTO);
  assert.equal(found.relatedLocations[0].physicalLocation.region.startLine, 3);
  assert.match(Object.values(found.partialFingerprints)[0] as string, /^[0-9a-f]{64}$/);
});

test('PATH arguments narrow the findings to those files and directories', async (t) => {
  const repo = repoWithUser(t);
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL, [ORDER_PROTO]: ORDER_WITHOUT_TOTAL });
  const filesOf = async (args: string[], cwd = repo.dir) => {
    const result = await runCli(['check', '--format', 'json', ...args], { cwd });
    return parseJson(result).findings.map((finding) => finding.file);
  };
  assert.deepEqual(await filesOf(['acme/user']), [USER_PROTO]);
  assert.deepEqual(await filesOf([ORDER_PROTO]), [ORDER_PROTO]);
  assert.deepEqual(await filesOf(['.'], repo.path('acme/order')), [ORDER_PROTO]);
  assert.deepEqual(await filesOf(['acme/user/', ORDER_PROTO]), [ORDER_PROTO, USER_PROTO]);
  assert.deepEqual(await filesOf([]), [ORDER_PROTO, USER_PROTO]);
  assertOneLineError(await runCli(['check', '..'], { cwd: repo.dir }), /outside the repository/);
});

test('.graycheck.yaml ignores a rule under a path, and its problems are reported on the file', async (t) => {
  const repo = repoWithUser(t);
  repo.write({
    [USER_PROTO]: USER_WITHOUT_EMAIL,
    [ORDER_PROTO]: ORDER_WITHOUT_TOTAL,
    '.graycheck.yaml': 'ignore:\n  - path: acme/order/**\n    rules: [FIELD_NO_DELETE]\nunknown_key: 1\n',
  });
  const json = await runCli(['check', '--format', 'json'], { cwd: repo.dir });
  const output = parseJson(json);
  assert.deepEqual(
    output.findings.map((finding) => finding.file),
    [USER_PROTO],
  );
  assert.deepEqual(
    output.notChecked.map((entry) => entry.file),
    ['.graycheck.yaml'],
  );
  assert.match(output.notChecked[0].reason, /^4:1: unknown setting "unknown_key"/);
  const text = await runCli(['check'], { cwd: repo.dir });
  assert.match(text.stdout, /^\.graycheck\.yaml:4:1: warning CONFIG unknown setting "unknown_key"/m);
});

test('an inline graycheck:ignore comment above the finding suppresses it', async (t) => {
  const repo = repoWithUser(t);
  repo.write({
    [USER_PROTO]:
      'syntax = "proto3";\npackage acme.user.v1;\n// graycheck:ignore FIELD_NO_DELETE email moved to the Contact message\nmessage User { string name = 1; }\n',
  });
  const result = await runCli(['check', '--format', 'json'], { cwd: repo.dir });
  assert.equal(result.status, 0, result.stdout);
  assert.deepEqual(parseJson(result).findings, []);
});

test('a --config file that cannot be read is exit 2', async (t) => {
  const repo = repoWithUser(t);
  assertOneLineError(await runCli(['check', '--config', 'missing.yaml'], { cwd: repo.dir }), /missing\.yaml/);
});

test('usage mistakes are exit 2 with one line; --help and --version exit 0', async (t) => {
  const repo = repoWithUser(t);
  assertOneLineError(await runCli(['check', '--bse', 'HEAD'], { cwd: repo.dir }), /unknown option "--bse"/);
  assertOneLineError(await runCli(['check', '--format', 'xml'], { cwd: repo.dir }), /--format/);
  assertOneLineError(await runCli(['chek'], { cwd: repo.dir }), /unknown command "chek"/);
  const help = await runCli(['--help'], { cwd: repo.dir });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /graycheck check \[PATH\.\.\.\]/);
  const version = await runCli(['--version'], { cwd: repo.dir });
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
});

test('rules --format json lists every rule of every kind with its doc', async (t) => {
  const dir = emptyTempDir(t);
  const result = await runCli(['rules', '--format', 'json'], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  const rules = JSON.parse(result.stdout) as Record<string, unknown>[];
  // Every buf breaking rule ID but the deprecated FIELD_SAME_LABEL, which buf itself expands to the cardinality rules.
  const bufIds = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'buf-breaking-rule-ids.json'), 'utf8')) as { ids: string[] }).ids;
  assert.deepEqual(
    rules
      .filter((rule) => rule.kind === 'protobuf')
      .map((rule) => rule.id)
      .sort(),
    bufIds.filter((id) => id !== 'FIELD_SAME_LABEL'),
  );
  assert.deepEqual([...new Set(rules.map((rule) => rule.kind))], ['protobuf', 'openapi', 'metrics']);
  assert.ok(rules.some((rule) => rule.id === 'PROMLINT_COUNTER' && rule.sameAs === 'promlint:LintCounter'));
  assert.ok(rules.some((rule) => rule.id === 'api-removed-without-deprecation' && rule.sameAs === 'oasdiff:api-removed-without-deprecation'));
  for (const rule of rules) {
    const keys = Object.keys(rule)
      .filter((key) => key !== 'sameAs')
      .sort();
    assert.deepEqual(keys, ['categories', 'defaultSeverity', 'doc', 'id', 'kind', 'summary']);
    assert.equal(rule.doc, `https://github.com/graycheck/graycheck/blob/main/server/docs/rules/${rule.kind}/${rule.id}.md`);
  }
  const text = await runCli(['rules'], { cwd: dir });
  assert.match(text.stdout, /^FIELD_NO_DELETE\s+protobuf\s+error\s+/m);
});

test('install-hook writes an executable hook that blocks a breaking commit and lets a clean one through', async (t) => {
  const repo = repoWithUser(t);
  const installed = await runCli(['install-hook'], { cwd: repo.dir });
  assert.equal(installed.status, 0, installed.stderr);
  const hook = repo.path('.git/hooks/pre-commit');
  assert.ok((fs.statSync(hook).mode & 0o111) !== 0, 'the hook is executable');
  assert.match(fs.readFileSync(hook, 'utf8'), /^#!\/bin\/sh\n# graycheck-managed-hook /);
  // The launcher, which starts the command from its code cache.
  assert.ok(fs.readFileSync(hook, 'utf8').includes(`cli='${fs.realpathSync(CLI_PATH)}'`), fs.readFileSync(hook, 'utf8'));

  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  repo.stage(USER_PROTO);
  const blocked = (() => {
    try {
      repo.git('commit', '-q', '-m', 'drop email');
      return undefined;
    } catch (error) {
      return error as { status: number; stderr: string };
    }
  })();
  assert.ok(blocked, 'the commit of a staged breaking change must fail');
  assert.notEqual(blocked.status, 0);
  assert.match(blocked.stderr, /FIELD_NO_DELETE/);
  assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '1');

  repo.write({ [USER_PROTO]: USER_WITH_PHONE });
  repo.stage(USER_PROTO);
  repo.git('commit', '-q', '-m', 'add phone');
  assert.equal(repo.git('rev-list', '--count', 'HEAD').trim(), '2');

  const again = await runCli(['install-hook'], { cwd: repo.dir });
  assert.equal(again.status, 0, 'our own hook is updated');
  assert.match(again.stdout, /updated/);
});

test('install-hook never overwrites a hook it did not write, nor an edited one without --force-ours', async (t) => {
  const repo = repoWithUser(t);
  const foreign = '#!/bin/sh\nexec make lint\n';
  repo.write({ '.git/hooks/pre-commit': foreign });
  assertOneLineError(await runCli(['install-hook'], { cwd: repo.dir }), /not written by graycheck.*graycheck check --staged.*pre-commit framework/);
  assert.equal(repo.read('.git/hooks/pre-commit'), foreign);

  repo.write({ '.git/hooks/pre-commit': null });
  assert.equal((await runCli(['install-hook'], { cwd: repo.dir })).status, 0);
  const edited = `${repo.read('.git/hooks/pre-commit')}echo extra\n`;
  repo.write({ '.git/hooks/pre-commit': edited });
  assertOneLineError(await runCli(['install-hook'], { cwd: repo.dir }), /edited.*--force-ours/);
  assert.equal(repo.read('.git/hooks/pre-commit'), edited);
  assert.equal((await runCli(['install-hook', '--force-ours'], { cwd: repo.dir })).status, 0);
  assert.doesNotMatch(repo.read('.git/hooks/pre-commit'), /echo extra/);
});

test('install-hook writes where core.hooksPath points', async (t) => {
  const repo = repoWithUser(t);
  repo.git('config', 'core.hooksPath', 'tools/hooks');
  const result = await runCli(['install-hook'], { cwd: repo.dir });
  assert.equal(result.status, 0, result.stderr);
  assert.ok(fs.existsSync(repo.path('tools/hooks/pre-commit')));
  assert.ok(!fs.existsSync(repo.path('.git/hooks/pre-commit')));
});

test('lsp with an option it does not take, or --help, is answered by the command, not by a server', async (t) => {
  const repo = repoWithUser(t);
  const wrong = await runCli(['lsp', '--stdio', '--port', '9'], { cwd: repo.dir });
  assert.equal(wrong.status, 2, wrong.stdout);
  assert.match(wrong.stderr, /^graycheck: .*"--port"/);
  const help = await runCli(['lsp', '--help'], { cwd: repo.dir });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /graycheck lsp --stdio/);
});

test('lsp --stdio answers initialize over JSON-RPC and exits 0 after shutdown and exit', async (t) => {
  const repo = repoWithUser(t);
  const child = spawn(process.execPath, [CLI_PATH, 'lsp', '--stdio'], { cwd: repo.dir, stdio: ['pipe', 'pipe', 'pipe'] });
  t.after(() => child.kill());
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  let received = Buffer.alloc(0);
  const responses: { id?: number; result?: { capabilities?: object } }[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    for (;;) {
      const headerEnd = received.indexOf('\r\n\r\n');
      if (headerEnd === -1) break;
      const length = Number(/Content-Length: (\d+)/i.exec(received.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (received.length < headerEnd + 4 + length) break;
      responses.push(JSON.parse(received.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
      received = received.subarray(headerEnd + 4 + length);
      waiters.splice(0).forEach((wake) => wake());
    }
  });
  const responseTo = (id: number) =>
    new Promise<(typeof responses)[number]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response to request ${id} from graycheck lsp within 15 s`)), 15_000);
      const look = () => {
        const found = responses.find((response) => response.id === id);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(look);
      };
      look();
    });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: `file://${repo.dir}`, capabilities: {}, workspaceFolders: null } });
  const initialized = await responseTo(1);
  assert.equal(typeof initialized.result?.capabilities, 'object');
  send({ id: 2, method: 'shutdown' });
  await responseTo(2);
  send({ method: 'exit' });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('graycheck lsp did not exit within 15 s of "exit"')), 15_000).unref());
  assert.equal(await Promise.race([exited, timeout]), 0);
});
