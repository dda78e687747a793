// Issue 12, items 2 and 3 for protobuf: no phantom finding and no silent pass. A byte-order mark is read as buf reads it;
// a file whose syntax statement does not read, whose rest a comment swallows, that is nested deeper than buf compiles,
// that declares a name another file declares, or that is unmerged in the index is not checked, with its reason, and has
// no finding. Real repositories, the built CLI, the real buf and the server over stdio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { LspSession } from '../support/lspSession';
import { TempRepo } from '../support/tempRepo';

const BUF = path.resolve(__dirname, '../../node_modules/.bin/buf');
const FILE = 'api/a.proto';
const PROTO3 = 'syntax = "proto3";\npackage api;\n\nmessage A {\n  string a = 1;\n  int32 b = 2;\n}\n\nmessage B {\n  string c = 1;\n}\n';

interface Checked {
  findings: { rule: string; file: string; range: { start: { line: number; column: number } }; message: string }[];
  notChecked: { file: string; reason: string }[];
}

async function check(repo: TempRepo, ...args: string[]): Promise<Checked> {
  const result = await runCli(['check', '--base', 'HEAD', '--format', 'json', ...args], { cwd: repo.dir });
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Checked;
}

function repoWith(t: Parameters<typeof TempRepo.create>[0], files: Record<string, string>): TempRepo {
  const repo = TempRepo.create(t);
  repo.commit(files, 'base');
  return repo;
}

function runBuf(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BUF, args, { cwd }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
  });
}

function assertNotCheckedOnly(output: Checked, file: string, reason: RegExp): void {
  assert.deepEqual(
    output.findings.map((finding) => `${finding.rule} ${finding.message}`),
    [],
    'no finding for a file that is not checked',
  );
  const entries = output.notChecked.filter((entry) => entry.file === file);
  assert.equal(entries.length, 1, JSON.stringify(output.notChecked));
  assert.match(entries[0]!.reason, reason);
}

test('a UTF-8 byte-order mark is read as buf reads it: nothing changed, nothing reported', async (t) => {
  const repo = repoWith(t, { [FILE]: PROTO3 });
  repo.write({ [FILE]: `\uFEFF${PROTO3}` });
  const output = await check(repo);
  assert.deepEqual(output.findings, [], 'no FIELD_SAME_CARDINALITY per field');
  assert.deepEqual(output.notChecked, []);
  const buf = await runBuf(['breaking', '--against', '.git#ref=HEAD', '--error-format', 'json'], repo.dir);
  assert.equal(buf.code, 0, `buf accepts the byte-order mark and finds nothing: ${buf.stdout}${buf.stderr}`);
});

test('a byte-order mark file agrees with buf on what changed, columns of the first line included', async (t) => {
  const base = 'syntax = "proto3"; package api; message A { string a = 1; int32 b = 2; }\nmessage B { string c = 1; }\n';
  const repo = repoWith(t, { [FILE]: base });
  repo.write({ [FILE]: `\uFEFF${base.replace('int32 b', 'int64 b').replace('string c', 'bytes c')}` });
  const output = await check(repo);
  const buf = await runBuf(['breaking', '--against', '.git#ref=HEAD', '--error-format', 'json'], repo.dir);
  assert.equal(buf.code, 100, buf.stderr);
  const bufRows = buf.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; path: string; start_line: number; start_column: number; message: string })
    .map((row) => `${row.type} ${row.path}:${row.start_line}:${row.start_column} ${row.message}`);
  const ours = output.findings.map((f) => `${f.rule} ${f.file}:${f.range.start.line}:${f.range.start.column} ${f.message}`);
  assert.deepEqual(ours.sort(), bufRows.sort());
  assert.ok(
    ours.some((row) => row.startsWith('FIELD_SAME_TYPE api/a.proto:1:59 ')),
    ours.join('\n'),
  );
  assert.deepEqual(output.notChecked, []);
});

for (const { name, syntaxLine, reason } of [
  { name: 'misspelt (syntx)', syntaxLine: 'syntx = "proto3";', reason: /^syntax error at 1:1: the first statement is not a syntax or edition statement/ },
  {
    name: 'an unknown syntax (proto4)',
    syntaxLine: 'syntax = "proto4";',
    reason: /^syntax error at 1:1: the syntax statement does not read \(unknown syntax "proto4"\)/,
  },
  {
    name: 'half-typed (syntax = "pro)',
    syntaxLine: 'syntax = "pro',
    reason: /^syntax error at 1:10: the syntax statement does not read \(unterminated string\)/,
  },
  {
    name: 'an unknown edition',
    syntaxLine: 'edition = "2025";',
    reason: /^syntax error at 1:1: the edition statement does not read \(unknown edition "2025"\)/,
  },
  { name: 'deleted', syntaxLine: '', reason: /in a file without a syntax statement, which makes it proto2: the syntax statement is probably missing/ },
]) {
  test(`a syntax statement ${name} does not turn a proto3 file into proto2: not checked, no finding`, async (t) => {
    const repo = repoWith(t, { [FILE]: PROTO3 });
    repo.write({ [FILE]: PROTO3.replace('syntax = "proto3";', syntaxLine) });
    assertNotCheckedOnly(await check(repo), FILE, reason);
    assert.match((await check(repo)).notChecked[0]!.reason, /nothing in the file was compared$/);
  });
}

test('typing /* above a message does not report every later message as deleted: not checked, with the reason', async (t) => {
  const repo = repoWith(t, { [FILE]: PROTO3 });
  repo.write({ [FILE]: PROTO3.replace('message A {', '/*\nmessage A {') });
  assertNotCheckedOnly(
    await check(repo),
    FILE,
    /^syntax error at 4:1: a comment opened at 4:1 is never closed: it swallows the rest of the file — nothing in the file was compared$/,
  );
});

test('over LSP: a half-typed syntax line and an opened comment show only the not-checked diagnostic', async (t) => {
  const repo = repoWith(t, { [FILE]: PROTO3, 'api/b.proto': 'syntax = "proto3";\npackage api;\nmessage Other { A a = 1; }\n' });
  const lsp = await LspSession.start(t, repo.dir);
  const document = await lsp.open(FILE, PROTO3);
  assert.deepEqual(await document.diagnostics(), []);
  for (const text of [
    PROTO3.replace('syntax = "proto3";', 'syntax = "pro'),
    PROTO3.replace('syntax = "proto3";', 'syntx = "proto3";'),
    PROTO3.replace('message A {', '/*\nmessage A {'),
  ]) {
    await document.edit(text);
    const diagnostics = await document.diagnostics();
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.match(diagnostics[0]!.message, /nothing in the file was compared/);
    assert.notEqual(diagnostics[0]!.severity, 1, 'information, not an error');
  }
  await document.edit(PROTO3);
  assert.deepEqual(await document.diagnostics(), []);
});

test('check --staged during a merge conflict: the conflicted file is not checked ("unmerged"), never reported deleted', async (t) => {
  const repo = repoWith(t, { [FILE]: PROTO3 });
  repo.git('checkout', '-q', '-b', 'other');
  repo.commit({ [FILE]: PROTO3.replace('int32 b = 2;', 'int32 b = 2;\n  int32 x = 3;') }, 'other');
  repo.git('checkout', '-q', 'main');
  repo.commit({ [FILE]: PROTO3.replace('int32 b = 2;', 'int32 b = 2;\n  int64 y = 3;') }, 'main');
  assert.throws(() => repo.git('merge', '-q', 'other'), 'the merge conflicts');
  assert.match(repo.git('ls-files', '-s', '--', FILE), / 1\t.* 2\t.* 3\t/s, 'stages 1, 2 and 3 in the index');
  const output = await check(repo, '--staged');
  assertNotCheckedOnly(output, FILE, /^unmerged: resolve the conflict$/);
  const text = await runCli(['check', '--staged'], { cwd: repo.dir });
  assert.equal(text.status, 0, text.stdout);
  assert.doesNotMatch(text.stdout, /FILE_NO_DELETE/);
});

function nested(depth: number, innermost = ''): string {
  let text = '';
  for (let level = 0; level < depth; level++) text += `${'  '.repeat(level)}message N${level} {\n`;
  text += innermost ? `${'  '.repeat(depth)}${innermost}\n` : '';
  for (let level = depth - 1; level >= 0; level--) text += `${'  '.repeat(level)}}\n`;
  return text;
}

test('a message nested deeper than buf compiles makes the file not checked, wherever the edit is', async (t) => {
  const deep = `${PROTO3}${nested(32, 'int32 z = 1;')}`;
  const repo = repoWith(t, { [FILE]: deep });
  const refused = await runBuf(['build', '-o', '/dev/null'], repo.dir);
  assert.match(refused.stderr, /message nesting depth must be less than 32/, 'buf refuses 32 levels');
  const reason = /^syntax error at \d+:\d+: message "N31" is nested 32 deep: buf refuses more than 31 .* — nothing in the file was compared$/;
  // An edit far from the deep message (a deleted field), then one inside it.
  repo.write({ [FILE]: deep.replace('  int32 b = 2;\n', '') });
  assertNotCheckedOnly(await check(repo), FILE, reason);
  repo.write({ [FILE]: deep.replace('int32 z = 1;', 'int64 z = 1;') });
  assertNotCheckedOnly(await check(repo), FILE, reason);
  // 31 levels compile, and are checked.
  const shallower = `${PROTO3}${nested(31, 'int32 z = 1;')}`;
  repo.commit({ [FILE]: shallower });
  repo.write({ [FILE]: shallower.replace('int32 z = 1;', 'int64 z = 1;') });
  const output = await check(repo);
  assert.deepEqual(output.notChecked, []);
  assert.deepEqual([...new Set(output.findings.map((finding) => finding.rule))], ['FIELD_SAME_TYPE']);
});

test('a name declared in two files of a module (buf refuses to compile it) makes both files not checked, each naming the other', async (t) => {
  const other = 'api/b.proto';
  const repo = repoWith(t, { [FILE]: PROTO3, [other]: 'syntax = "proto3";\npackage api;\nmessage C {\n  string d = 1;\n}\n' });
  // b.proto gains a second `A`, and both files lose a field.
  repo.write({
    [FILE]: PROTO3.replace('  int32 b = 2;\n', ''),
    [other]: 'syntax = "proto3";\npackage api;\nmessage C {}\nmessage A {\n  string a = 1;\n}\n',
  });
  const buf = await runBuf(['build', '-o', '/dev/null'], repo.dir);
  assert.match(buf.stderr, /`A` declared multiple times/, 'buf refuses the module');
  const output = await check(repo);
  assert.deepEqual(
    output.findings.map((finding) => `${finding.rule} ${finding.file}`),
    [],
  );
  const refused = 'buf refuses to compile the module ("`A` declared multiple times"), so nothing in the file was compared';
  assert.deepEqual(output.notChecked, [
    { file: FILE, reason: `"api.A" is also declared in ${other}: ${refused}` },
    { file: other, reason: `"api.A" is also declared in ${FILE}: ${refused}` },
  ]);
});
