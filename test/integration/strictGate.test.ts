// Issue 12, item 3 ("No silent pass"): a buf.yaml module path that names nothing or leaves the repository, an unusable
// buf.yaml, a PATH that names nothing, an unknown rule ID in .graycheck.yaml, a --config that is not YAML, and the strict
// gate (--fail-on-unchecked, failOnUnchecked: true). Real repositories, the built CLI, the server over stdio.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliResult } from '../support/cli';
import { LspSession } from '../support/lspSession';
import { TempRepo } from '../support/tempRepo';

const USER_PROTO = 'api/user.proto';
const USER = 'syntax = "proto3";\npackage api;\nmessage User { string name = 1; string email = 2; }\n';
const USER_WITHOUT_EMAIL = 'syntax = "proto3";\npackage api;\nmessage User { string name = 1; }\n';
const SECRET = 'ghp_SECRET0123456789';

function assertOneLineError(result: CliResult, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit 2 expected; stdout: ${result.stdout} stderr: ${result.stderr}`);
  assert.match(result.stderr, /^graycheck: [^\n]+\n$/, `one line on stderr: ${result.stderr}`);
  assert.match(result.stderr, pattern);
}

function repoWith(t: TestContext, files: Record<string, string>): TempRepo {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER, ...files });
  repo.write({ [USER_PROTO]: USER_WITHOUT_EMAIL });
  return repo;
}

const BAD_MODULE_PATHS: [string, Record<string, string>, RegExp][] = [
  [
    'a buf.work.yaml directory that matches no directory',
    { 'buf.work.yaml': 'version: v1\ndirectories:\n  - api\n  - missing\n' },
    /buf\.work\.yaml.*module path "missing" matches no directory/,
  ],
  [
    'a v2 module path that matches no directory',
    { 'buf.yaml': 'version: v2\nmodules:\n  - path: apis\n' },
    /buf\.yaml.*module path "apis" matches no directory/,
  ],
  [
    'a v2 module path outside the repository',
    { 'buf.yaml': 'version: v2\nmodules:\n  - path: ../elsewhere\n' },
    /buf\.yaml.*path "\.\.\/elsewhere" is outside the repository/,
  ],
  [
    'a v2 module path that climbs out through a directory',
    { 'buf.yaml': 'version: v2\nmodules:\n  - path: api/../../elsewhere\n' },
    /is outside the repository/,
  ],
  [
    'a v1 build root that matches no directory',
    { 'buf.yaml': 'version: v1\nbuild:\n  roots:\n    - proto\n' },
    /buf\.yaml.*module path "proto" matches no directory/,
  ],
  ['a buf.yaml that is not YAML', { 'buf.yaml': 'version: v2\nbreaking: [unclosed\n' }, /buf\.yaml could not be used.*not valid YAML/],
];

for (const [name, files, pattern] of BAD_MODULE_PATHS) {
  test(`CLI: ${name} is exit 2 with one line, not a green gate`, async (t) => {
    const repo = repoWith(t, files);
    for (const format of ['text', 'json', 'sarif']) {
      const result = await runCli(['check', '--format', format], { cwd: repo.dir });
      assertOneLineError(result, pattern);
      assert.equal(result.stdout, '', `${format}: no report after an operational error`);
    }
  });
}

test('CLI: module paths that exist (with ./ and a trailing slash) still check', async (t) => {
  const repo = repoWith(t, { 'buf.yaml': 'version: v2\nmodules:\n  - path: ./api/\n' });
  const result = await runCli(['check'], { cwd: repo.dir });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /FIELD_NO_DELETE/);
});

test('LSP: a buf.yaml module path that matches no directory is an error diagnostic on buf.yaml, cleared once fixed', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER, 'buf.yaml': 'version: v2\nmodules:\n  - path: apis\n' });
  const lsp = await LspSession.start(t, repo.dir, { settings: { debounceMs: 0 } });
  const doc = await lsp.open(USER_PROTO, USER);
  await doc.edit(USER_WITHOUT_EMAIL);
  const errors = await lsp.waitFor(
    'an error diagnostic on buf.yaml',
    () => lsp.publishedFor('buf.yaml').find((params) => params.diagnostics.some((diagnostic) => diagnostic.severity === 1))?.diagnostics,
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /module path "apis" matches no directory/);
  assert.deepEqual(
    (await doc.diagnostics()).map((diagnostic) => diagnostic.code),
    ['NOT_CHECKED'],
  );

  const bufYaml = await lsp.open('buf.yaml', 'version: v2\nmodules:\n  - path: apis\n', 'yaml');
  await bufYaml.edit('version: v2\nmodules:\n  - path: api\n');
  await bufYaml.save();
  await lsp.waitFor('the buf.yaml error cleared', () => (lsp.publishedFor('buf.yaml').at(-1)?.diagnostics.length === 0 ? true : undefined));
  await doc.edit(USER_WITHOUT_EMAIL.replace('name = 1;', 'name = 1; '));
  assert.deepEqual(
    (await doc.diagnostics()).map((diagnostic) => diagnostic.code),
    ['FIELD_NO_DELETE'],
  );
});

test('CLI: a PATH that exists neither at head nor at the base is exit 2 naming it; a file deleted at head is still checked', async (t) => {
  const repo = repoWith(t, { 'api/old.proto': 'syntax = "proto3";\npackage api;\nmessage Old {}\n' });
  for (const given of ['api/usr.proto', 'apis/', 'apis']) {
    assertOneLineError(
      await runCli(['check', given], { cwd: repo.dir }),
      new RegExp(`path "${given.replace('.', '\\.')}" exists neither at head nor at the base`),
    );
  }
  fs.rmSync(repo.path('api/old.proto'));
  const deleted = await runCli(['check', 'api/old.proto'], { cwd: repo.dir });
  assert.equal(deleted.status, 1, deleted.stdout + deleted.stderr);
  assert.match(deleted.stdout, /FILE_NO_DELETE/);
  repo.write({ 'api/new.proto': 'syntax = "proto3";\npackage api;\nmessage New {}\n' });
  repo.stage('api/new.proto');
  fs.rmSync(repo.path('api/new.proto'));
  const staged = await runCli(['check', '--staged', 'api/new.proto'], { cwd: repo.dir });
  assert.equal(staged.status, 0, `in the index only: ${staged.stdout}${staged.stderr}`);
});

test('CLI: an unknown rule ID in severity or ignore rules is a CONFIG warning at its line with the closest known ID', async (t) => {
  const config = [
    'severity:',
    '  FIELD_NO_DELTE: warning',
    '  api-path-removed-without-deprecation: off',
    'ignore:',
    '  - path: api/**',
    '    rules: [FIELD_SAME_TYPE, field_same_name, NOT_A_RULE_AT_ALL_XYZ]',
    '',
  ].join('\n');
  const repo = repoWith(t, { '.graycheck.yaml': config });
  const result = await runCli(['check'], { cwd: repo.dir });
  const warnings = result.stdout.split('\n').filter((line) => line.includes(' warning CONFIG '));
  assert.equal(warnings.length, 3, result.stdout);
  assert.match(warnings[0], /^\.graycheck\.yaml:2:3: warning CONFIG unknown rule ID "FIELD_NO_DELTE" in "severity"; did you mean FIELD_NO_DELETE\?/);
  assert.match(warnings[1], /^\.graycheck\.yaml:6:30: .*"field_same_name".*did you mean FIELD_SAME_NAME\?/);
  assert.match(warnings[2], /^\.graycheck\.yaml:6:47: .*"NOT_A_RULE_AT_ALL_XYZ"/);
  assert.doesNotMatch(warnings[2], /did you mean/);
  const lsp = await LspSession.start(t, repo.dir, { settings: { debounceMs: 0 } });
  const doc = await lsp.open('.graycheck.yaml', config, 'yaml');
  await doc.save();
  const notes = await lsp.waitFor(
    'CONFIG warnings on .graycheck.yaml',
    () => lsp.publishedFor('.graycheck.yaml').find((params) => params.diagnostics.length > 0)?.diagnostics,
  );
  assert.ok(
    notes.some((note) => note.code === 'CONFIG' && note.severity === 2 && note.range.start.line === 1 && /did you mean FIELD_NO_DELETE/.test(note.message)),
  );
});

test('CLI: an explicit --config that is not valid YAML is exit 2 with one line that quotes nothing of it', async (t) => {
  const repo = repoWith(t, {});
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-strict-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries({
    'token.txt': `token: |${SECRET}\n  more\n`,
    'escape.txt': `"\\x${SECRET}"\n`,
    'flow.yaml': `severity: [${SECRET}\n`,
  })) {
    fs.writeFileSync(path.join(dir, name), text);
    for (const format of ['text', 'json', 'sarif']) {
      const result = await runCli(['check', '--config', path.join(dir, name), '--format', format], { cwd: repo.dir });
      assertOneLineError(result, /given with --config is not valid YAML.*\(line \d+\)/);
      assert.ok(!`${result.stdout}${result.stderr}`.includes(SECRET.slice(0, 6)), `${name} in ${format}: ${result.stderr}`);
    }
  }
});

test('strict gate: --fail-on-unchecked and failOnUnchecked: true exit 1 when anything was not checked, a syntax error hiding nothing included', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PROTO]: USER });
  // A syntax error after every declaration hides nothing: the findings are complete, but buf cannot compile the file.
  repo.write({ [USER_PROTO]: `${USER}message Broken {\n` });
  const lenient = await runCli(['check', '--format', 'json'], { cwd: repo.dir });
  assert.equal(lenient.status, 0, lenient.stdout + lenient.stderr);
  const strict = await runCli(['check', '--format', 'json', '--fail-on-unchecked'], { cwd: repo.dir });
  assert.equal(strict.status, 1, strict.stdout + strict.stderr);
  const report = JSON.parse(strict.stdout);
  assert.deepEqual(report.findings, []);
  assert.equal(report.notChecked.length, 1);
  assert.equal(report.notChecked[0].file, USER_PROTO);
  assert.match(report.notChecked[0].reason, /^syntax error at \d+:\d+: .* — declarations there were not compared$/);
  assert.equal(
    (await runCli(['check', '--fail-on-unchecked', '--fail-on', 'never'], { cwd: repo.dir })).status,
    1,
    'unchecked fails even with --fail-on never',
  );

  repo.write({ [USER_PROTO]: USER.replace('package api;', 'package api;\nimport "missing/money.proto";') });
  assert.equal((await runCli(['check'], { cwd: repo.dir })).status, 0, 'lenient: an import not found passes');
  repo.write({ '.graycheck.yaml': 'failOnUnchecked: true\n' });
  const configured = await runCli(['check'], { cwd: repo.dir });
  assert.equal(configured.status, 1, configured.stdout + configured.stderr);
  assert.match(configured.stdout, /not checked: import "missing\/money\.proto" not found/);
  repo.write({ '.graycheck.yaml': 'failOnUnchecked: yes please\n', [USER_PROTO]: USER });
  const wrongType = await runCli(['check'], { cwd: repo.dir });
  assert.equal(wrongType.status, 0, wrongType.stdout + wrongType.stderr);
  assert.match(wrongType.stdout, /warning CONFIG "failOnUnchecked" must be true or false/);
  repo.write({ '.graycheck.yaml': 'failOnUnchecked: true\n' });
  assert.equal((await runCli(['check'], { cwd: repo.dir })).status, 0, 'strict and everything checked: exit 0');
});

test('help names --fail-on-unchecked and the exit statuses', async () => {
  const result = await runCli(['--help'], { cwd: os.tmpdir() });
  assert.match(result.stdout, /--fail-on-unchecked/);
  assert.match(result.stdout, /1 findings at or above it, or anything not checked with\s+--fail-on-unchecked/);
});

test('CLI: a module whose files were all deleted at head is compared (its files reported as deleted), not refused', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'buf.yaml': 'version: v2\nmodules:\n  - path: api\n', [USER_PROTO]: USER });
  fs.rmSync(repo.path('api'), { recursive: true });
  const result = await runCli(['check'], { cwd: repo.dir });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /FILE_NO_DELETE/);
});
