// The language server over real stdio JSON-RPC, in real git repositories: on-type findings, quick fixes, commands, status and failures.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { BaseInfo, CheckWorkspaceResult, ListRevisionsResult } from '../../server/src/protocol';
import { gitSpy } from '../support/gitSpy';
import { LspSession } from '../support/lspSession';
import { TempRepo } from '../support/tempRepo';

const USER_PATH = 'api/user/v1/user.proto';
const USER = `syntax = "proto3";

package acme.user.v1;

message User {
  string name = 1;
  string email = 2;
  int32 age = 3;
}
`;
const withoutLine = (text: string, needle: string) =>
  text
    .split('\n')
    .filter((line) => !line.includes(needle))
    .join('\n');
const USER_WITHOUT_EMAIL = withoutLine(USER, 'email');
const EMAIL_DELETED = 'Previously present field "2" with name "email" on message "User" was deleted.';
const BUF = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'buf');

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

test('an unsaved deletion is reported with its rule, doc link and base location, and "Restore" clears it', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, USER);
  assert.deepEqual(await doc.diagnostics(), []);

  await doc.edit(USER_WITHOUT_EMAIL);
  const [finding, ...rest] = await doc.diagnostics();
  assert.deepEqual(rest, []);
  assert.equal(finding.code, 'FIELD_NO_DELETE');
  assert.equal(finding.source, 'graycheck');
  assert.equal(finding.message, EMAIL_DELETED);
  assert.equal(finding.severity, 1);
  assert.match(finding.codeDescription?.href ?? '', /\/protobuf\/FIELD_NO_DELETE\.md$/);
  const [related] = finding.relatedInformation ?? [];
  assert.equal(related.location.uri, doc.uri);
  assert.equal(
    related.location.range.start.line,
    USER.split('\n').findIndex((line) => line.includes('email')),
  );
  assert.match(related.message, /base/);
  assert.equal(repo.read(USER_PATH), USER, 'the file on disk is untouched by an unsaved edit');

  await doc.apply(await lsp.quickFix(doc, finding, 'Restore'));
  assert.deepEqual(await doc.diagnostics(), []);
  assert.match(doc.text, /string email = 2;/);
});

test('with buf.yaml v2 and WIRE_JSON, "Reserve" clears the deletion, and the real buf agrees once saved', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'buf.yaml': 'version: v2\nbreaking:\n  use:\n    - WIRE_JSON\n', [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, USER);
  await doc.edit(USER_WITHOUT_EMAIL);
  const findings = await doc.diagnostics();
  assert.deepEqual(codes(findings), ['FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED']);

  await doc.apply(await lsp.quickFix(doc, findings[0], 'Reserve'));
  assert.deepEqual(await doc.diagnostics(), []);
  await doc.save();
  const buf = spawnSync(BUF, ['breaking', '--against', '.git#ref=HEAD'], { cwd: repo.dir, encoding: 'utf8' });
  assert.equal(buf.status, 0, `buf breaking: ${buf.stdout}${buf.stderr}`);
});

test('"Suppress FIELD_NO_DELETE here" clears the finding with a comment', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, USER);
  await doc.edit(USER_WITHOUT_EMAIL);
  const [finding] = await doc.diagnostics();
  await doc.apply(await lsp.quickFix(doc, finding, 'Suppress FIELD_NO_DELETE here'));
  assert.match(doc.text, /graycheck:ignore FIELD_NO_DELETE/);
  assert.deepEqual(await doc.diagnostics(), []);
});

test('rapid successive edits publish only for the latest version', async (t) => {
  const repo = TempRepo.create(t);
  // A large file keeps each check busy long enough for the next edit to arrive while it runs.
  const filler = `\nmessage Filler {\n${Array.from({ length: 1000 }, (_, i) => `  string filler_${i} = ${i + 1};`).join('\n')}\n}\n`;
  const big = USER + filler;
  repo.commit({ [USER_PATH]: big });
  // No debounce, so that every edit starts a check of its own: only cancellation keeps older versions from publishing.
  const lsp = await LspSession.start(t, repo.dir, { settings: { debounceMs: 0 } });
  const doc = await lsp.open(USER_PATH, big);
  assert.deepEqual(await doc.diagnostics(), []);
  const deleted = (number: number, name: string) => [`Previously present field "${number}" with name "${name}" on message "User" was deleted.`];
  const expected = new Map([
    [2, deleted(2, 'email')],
    [3, []],
    [4, deleted(1, 'name')],
    [5, deleted(3, 'age')],
  ]);
  // Once the server has read version V (the round trip returned), nothing older than V may be published.
  const readFrom = new Map<number, number>();
  for (const text of [withoutLine(big, 'email'), big, withoutLine(big, 'string name'), withoutLine(big, 'int32 age')]) {
    await doc.edit(text);
    await lsp.roundTrip(doc);
    readFrom.set(doc.version, lsp.published.length);
  }
  assert.deepEqual(
    (await doc.diagnostics()).map((diagnostic) => diagnostic.message),
    expected.get(5),
  );

  lsp.published.forEach((params, index) => {
    if (params.uri !== doc.uri || params.version === 1) return;
    const version = params.version!;
    assert.deepEqual(
      params.diagnostics.map((diagnostic) => diagnostic.message),
      expected.get(version),
      `what was published for version ${version}`,
    );
    for (const [read, from] of readFrom) assert.ok(index < from || version >= read, `version ${version} published after version ${read} was read`);
  });
});

test('graycheck.checkWorkspace reports a deletion in a file that is not open, with progress, and clears it once fixed', async (t) => {
  const repo = TempRepo.create(t);
  const order = 'syntax = "proto3";\n\npackage acme.order.v1;\n\nmessage Order {\n  string id = 1;\n  int64 total = 2;\n}\n';
  repo.commit({ [USER_PATH]: USER, 'api/order/v1/order.proto': order });
  repo.write({ 'api/order/v1/order.proto': withoutLine(order, 'total') });
  const lsp = await LspSession.start(t, repo.dir, { workDoneProgress: true });

  const result = await lsp.command<CheckWorkspaceResult>('graycheck.checkWorkspace');
  assert.equal(result.errors, 1);
  assert.equal(result.filesWithFindings, 1);
  const [published] = lsp.publishedFor('api/order/v1/order.proto');
  assert.deepEqual(codes(published.diagnostics), ['FIELD_NO_DELETE']);
  assert.deepEqual(lsp.publishedFor(USER_PATH), [], 'a file without findings gets no diagnostics');

  const [token] = lsp.createdProgressTokens;
  assert.notEqual(token, undefined, 'the server created a progress token');
  const kinds = lsp.progress.filter((event) => event.token === token).map((event) => event.value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds.at(-1), 'end');
  assert.ok(kinds.includes('report'), `progress reported per batch: ${kinds.join(', ')}`);
  await lsp.waitFor('a status with one breaking finding', () => lsp.statuses.find((status) => status.state === 'ready' && status.breakingCount === 1));

  repo.write({ 'api/order/v1/order.proto': order });
  const again = await lsp.command<CheckWorkspaceResult>('graycheck.checkWorkspace');
  assert.equal(again.errors, 0);
  assert.deepEqual(lsp.publishedFor('api/order/v1/order.proto').at(-1)?.diagnostics, []);
});

test('graycheck.setBase to a tag switches the findings, and graycheck/status carries the base and the count', async (t) => {
  const repo = TempRepo.create(t);
  const tagged = repo.commit({ [USER_PATH]: USER });
  repo.git('tag', 'v1');
  const head = repo.commit({ [USER_PATH]: USER_WITHOUT_EMAIL });
  const lsp = await LspSession.start(t, repo.dir);
  assert.equal(lsp.statuses[0].base?.commit, head, 'without an upstream, auto is HEAD');

  const doc = await lsp.open(USER_PATH, USER_WITHOUT_EMAIL);
  assert.deepEqual(await doc.diagnostics(), []);

  const next = doc.nextDiagnostics();
  const info = await lsp.command<BaseInfo>('graycheck.setBase', 'v1');
  assert.equal(info.commit, tagged);
  assert.equal(info.shortName, 'v1');
  assert.deepEqual(codes(await next), ['FIELD_NO_DELETE']);
  await lsp.waitFor('a status for base v1 with one breaking finding', () =>
    lsp.statuses.find((status) => status.base?.commit === tagged && status.breakingCount === 1 && status.state === 'ready'),
  );
  assert.equal((await lsp.command<BaseInfo>('graycheck.showBase')).commit, tagged);

  await assert.rejects(lsp.command('graycheck.setBase', 'no-such-tag'), (error: Error) => {
    assert.match(error.message, /no-such-tag/);
    assert.doesNotMatch(error.message, /\n/);
    return true;
  });
  assert.equal((await lsp.command<BaseInfo>('graycheck.showBase')).commit, tagged, 'an unknown revision leaves the base as it was');

  const revisions = await lsp.request<ListRevisionsResult>('graycheck/listRevisions', {});
  assert.ok(revisions.revisions.some((choice) => choice.name === 'v1' && choice.kind === 'tag'));
});

test('outside a git repository: one error message, status error, and the server keeps answering', async (t) => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-norepo-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'api'));
  fs.writeFileSync(path.join(dir, 'api/user.proto'), USER);
  const lsp = await LspSession.start(t, dir, { settings: { debounceMs: 0 } });

  assert.equal(lsp.statuses[0].state, 'error');
  assert.match(lsp.statuses[0].message ?? '', /not .*git repository/);
  const doc = await lsp.open('api/user.proto', USER);
  await doc.edit(USER_WITHOUT_EMAIL);
  await lsp.command<CheckWorkspaceResult>('graycheck.checkWorkspace');
  await lsp.command<CheckWorkspaceResult>('graycheck.checkWorkspace');
  const errors = lsp.messages.filter((message) => message.type === 1);
  assert.equal(errors.length, 1, `one error message, not one per attempt: ${JSON.stringify(errors)}`);
  assert.match(errors[0].message, /not .*git repository/);

  assert.deepEqual(await lsp.request<ListRevisionsResult>('graycheck/listRevisions', {}), { revisions: [] });
  await assert.rejects(lsp.command('graycheck.showBase'), /not .*git repository/);
  assert.deepEqual(
    lsp.publishedFor('api/user.proto').flatMap((params) => params.diagnostics),
    [],
  );
});

test('an untrusted workspace runs no git and publishes nothing', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  // Spies on git prove which sessions used it, without faking it.
  const trustedGit = gitSpy(t);
  const trusted = await LspSession.start(t, repo.dir, { env: trustedGit.env });
  assert.equal(trusted.statuses[0].state, 'ready');
  assert.ok(trustedGit.calls().length > 0, 'the spy sees the git of a trusted session');

  const untrustedGit = gitSpy(t);
  const lsp = await LspSession.start(t, repo.dir, { env: untrustedGit.env, initializationOptions: { trusted: false } });
  assert.equal(lsp.statuses[0].state, 'untrusted');
  const doc = await lsp.open(USER_PATH, USER);
  await doc.edit(USER_WITHOUT_EMAIL);
  const result = await lsp.command<CheckWorkspaceResult>('graycheck.checkWorkspace');
  assert.deepEqual(result, { filesChecked: 0, filesWithFindings: 0, errors: 0, warnings: 0, notChecked: 0 });
  await assert.rejects(lsp.command('graycheck.setBase', 'HEAD'), /untrusted/);
  assert.deepEqual(lsp.published, []);
  assert.ok(lsp.statuses.every((status) => status.state === 'untrusted' && status.base === undefined));
  assert.deepEqual(untrustedGit.calls(), [], 'no git process ran');
});

test('a half-typed field produces no phantom deletion', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, USER);
  await doc.edit(USER.replace('  int32 age = 3;\n', '  int32 age = 3;\n  int64 created_at = \n'));
  const diagnostics = await doc.diagnostics();
  assert.deepEqual(
    diagnostics.filter((diagnostic) => diagnostic.severity === 1),
    [],
    `no breaking finding from a half-typed line: ${JSON.stringify(diagnostics)}`,
  );
});

test('a quick fix is offered for a cursor position with no diagnostics in the context, as Neovim asks', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, USER);
  await doc.edit(USER_WITHOUT_EMAIL);
  const [finding] = await doc.diagnostics();
  const cursor = { line: finding.range.start.line + 1, character: 2 };
  const actions = await lsp.request<{ title: string; kind: string }[]>('textDocument/codeAction', {
    textDocument: { uri: doc.uri },
    range: { start: cursor, end: cursor },
    context: { diagnostics: [] },
  });
  assert.ok(
    actions.some((action) => action.title.startsWith('Restore') && action.kind === 'quickfix'),
    JSON.stringify(actions),
  );
  assert.ok(actions.some((action) => action.title === 'Suppress FIELD_NO_DELETE here'));
  const refactors = await lsp.request<unknown[]>('textDocument/codeAction', {
    textDocument: { uri: doc.uri },
    range: finding.range,
    context: { diagnostics: [finding], only: ['refactor'] },
  });
  assert.deepEqual(refactors, [], 'context.only is honoured');
});

test('an import that cannot be found is one NOT_CHECKED information diagnostic on the first line, not a breaking change', async (t) => {
  const repo = TempRepo.create(t);
  const importing = USER.replace('package acme.user.v1;\n', 'package acme.user.v1;\n\nimport "acme/money.proto";\n');
  repo.commit({ [USER_PATH]: importing });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, importing);
  const [note, ...rest] = await doc.diagnostics();
  assert.deepEqual(rest, []);
  assert.equal(note.code, 'NOT_CHECKED');
  assert.equal(note.severity, 3);
  assert.equal(note.range.start.line, 0);
  assert.match(note.message, /acme\/money\.proto/);
});

test('files created and deleted on disk behind a closed buffer count once the watcher reports them', async (t) => {
  const repo = TempRepo.create(t);
  const importing = USER.replace('package acme.user.v1;\n', 'package acme.user.v1;\n\nimport "acme/money.proto";\n');
  repo.commit({ [USER_PATH]: importing });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, importing);
  assert.deepEqual(codes(await doc.diagnostics()), ['NOT_CHECKED']);
  const money = path.join(repo.dir, 'acme', 'money.proto');
  fs.mkdirSync(path.dirname(money), { recursive: true });
  fs.writeFileSync(money, 'syntax = "proto3";\n\npackage acme;\n\nmessage Money {\n  int64 units = 1;\n}\n');
  const afterCreate = doc.nextDiagnostics();
  await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uriOf('acme/money.proto'), type: 1 }] });
  assert.deepEqual(await afterCreate, []);
  fs.rmSync(money);
  const afterDelete = doc.nextDiagnostics();
  await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uriOf('acme/money.proto'), type: 3 }] });
  assert.deepEqual(codes(await afterDelete), ['NOT_CHECKED']);
});

test('.graycheck.yaml problems are warnings on that file', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const config = await lsp.open('.graycheck.yaml', 'base: HEAD\nexlcude: [vendor/**]\n', 'yaml');
  const [problem, ...rest] = await config.diagnostics();
  assert.deepEqual(rest, []);
  assert.equal(problem.severity, 2);
  assert.equal(problem.range.start.line, 1);
  assert.match(problem.message, /exlcude/);
});

test('graycheck.enable false clears every diagnostic; true brings them back', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, USER);
  await doc.edit(USER_WITHOUT_EMAIL);
  assert.equal((await doc.diagnostics()).length, 1);

  await lsp.changeSettings({ enable: false });
  await lsp.waitFor('status disabled', () => lsp.statuses.find((status) => status.state === 'disabled'));
  assert.deepEqual(lsp.publishedFor(USER_PATH).at(-1)?.diagnostics, []);
  const next = doc.nextDiagnostics();
  await lsp.changeSettings({ enable: true });
  assert.deepEqual(codes(await next), ['FIELD_NO_DELETE']);
});

test('graycheck/baseText returns the file at the base, and says when it is new', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  repo.write({ 'api/new.proto': 'syntax = "proto3";\n' });
  const lsp = await LspSession.start(t, repo.dir);
  const base = await lsp.request<{ text?: string; path?: string }>('graycheck/baseText', { uri: lsp.uriOf(USER_PATH) });
  assert.equal(base.text, USER);
  assert.equal(base.path, USER_PATH);
  const fresh = await lsp.request<{ text?: string; reason?: string }>('graycheck/baseText', { uri: lsp.uriOf('api/new.proto') });
  assert.equal(fresh.text, undefined);
  assert.match(fresh.reason ?? '', /new file/);
});

test('the server exits cleanly on shutdown and exit', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ [USER_PATH]: USER });
  const lsp = await LspSession.start(t, repo.dir);
  const doc = await lsp.open(USER_PATH, USER);
  await doc.diagnostics();
  assert.equal(await lsp.shutdown(), 0);
});

test('a broken buf.yaml is one error message and a NOT_CHECKED note, and clears findings it can no longer back', async (t) => {
  const repo = TempRepo.create(t);
  const order = 'syntax = "proto3";\n\npackage acme.order.v1;\n\nmessage Order {\n  string id = 1;\n  int64 total = 2;\n}\n';
  repo.commit({ [USER_PATH]: USER, 'api/order/v1/order.proto': order, 'buf.yaml': 'version: v2\n' });
  repo.write({ 'api/order/v1/order.proto': withoutLine(order, 'total') });
  const lsp = await LspSession.start(t, repo.dir, { settings: { debounceMs: 0 } });
  await lsp.command<CheckWorkspaceResult>('graycheck.checkWorkspace');
  assert.deepEqual(codes(lsp.publishedFor('api/order/v1/order.proto').at(-1)?.diagnostics ?? []), ['FIELD_NO_DELETE']);
  const doc = await lsp.open(USER_PATH, USER);
  assert.deepEqual(await doc.diagnostics(), []);

  const bufYaml = await lsp.open('buf.yaml', 'version: v2\n', 'yaml');
  const publishedBefore = lsp.published.length;
  await bufYaml.edit('version: v2\nbreaking: [unclosed\n');
  await bufYaml.save();
  const error = await lsp.waitFor('an error message about buf.yaml', () =>
    lsp.messages.find((message) => message.type === 1 && /buf\.yaml/.test(message.message)),
  );
  assert.match(error.message, /^Graycheck: buf\.yaml: /);
  await lsp.waitFor('the order.proto finding cleared', () =>
    lsp.publishedFor('api/order/v1/order.proto').at(-1)?.diagnostics.length === 0 ? true : undefined,
  );
  const userNotes = await lsp.waitFor(
    'a NOT_CHECKED note on the open user.proto',
    () => lsp.published.slice(publishedBefore).find((params) => params.uri === doc.uri && params.diagnostics.length > 0)?.diagnostics,
  );
  assert.deepEqual(codes(userNotes), ['NOT_CHECKED']);
  assert.match(userNotes[0].message, /buf\.yaml/);
  assert.equal(lsp.messages.filter((message) => message.type === 1).length, 1, 'one message, not one per check');
});
