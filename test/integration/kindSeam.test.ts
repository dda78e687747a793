// A kind registered only in the tests (test/support/ledgerKind) gets everything a kind gets, through the seam alone:
// .graycheck.yaml sections and options, editor settings, file watching and re-checks, the CLI's output and rules listing,
// LSP diagnostics and code actions (one of which edits another file than the finding's).
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';
import { LspSession } from '../support/lspSession';
import { TempRepo } from '../support/tempRepo';

// tsx by its full path: the command runs in a temporary repository, where `tsx` alone does not resolve.
const TSX = pathToFileURL(path.resolve(__dirname, '../../node_modules/tsx/dist/loader.mjs')).href;
const WITH_LEDGER = ['--import', TSX, path.resolve(__dirname, '../support/ledgerKind/main.ts')];
const BOOK = 'include shared.ledger\nalpha = 1\nbeta = 2\n';
const SHARED = 'gamma = 3\ndelta = 4\n';

function ledgerRepo(t: Parameters<typeof TempRepo.create>[0]): TempRepo {
  const repo = TempRepo.create(t);
  repo.commit({ 'books/main.ledger': BOOK, 'shared.ledger': SHARED, 'api/user.proto': 'syntax = "proto3";\nmessage User { string name = 1; }\n' });
  return repo;
}

test('the CLI checks a new kind beside protobuf, lists its rules and reads its section of .graycheck.yaml', async (t) => {
  const repo = ledgerRepo(t);
  repo.write({ 'books/main.ledger': 'include shared.ledger\nalpha = 1\n', 'api/user.proto': 'syntax = "proto3";\nmessage User { }\n' });
  const cli = (args: string[]) => runCli(args, { cwd: repo.dir, command: WITH_LEDGER, timeoutMs: 60_000 });

  const json = await cli(['check', '--base', 'HEAD', '--format', 'json']);
  assert.equal(json.status, 1, json.stderr);
  const findings = JSON.parse(json.stdout).findings as { rule: string; kind: string; file: string; fixes: { title: string }[] }[];
  assert.deepEqual(
    findings.map((finding) => [finding.kind, finding.rule, finding.file]),
    [
      ['protobuf', 'FIELD_NO_DELETE', 'api/user.proto'],
      ['ledger', 'LEDGER_ENTRY_REMOVED', 'books/main.ledger'],
    ],
  );
  assert.deepEqual(
    findings[1].fixes.map((fix) => fix.title),
    ['Restore entry "beta" from the base', 'Suppress LEDGER_ENTRY_REMOVED here'],
  );

  const rules = JSON.parse((await cli(['rules', '--format', 'json'])).stdout) as { id: string; kind: string }[];
  assert.deepEqual(
    rules.filter((rule) => rule.kind === 'ledger').map((rule) => rule.id),
    ['LEDGER_ENTRY_REMOVED', 'LEDGER_VALUE_CHANGED'],
  );

  repo.write({ '.graycheck.yaml': 'ledger:\n  skipNames: [beta]\n  bogus: 1\n' });
  const skipped = await cli(['check', '--base', 'HEAD', 'books/']);
  assert.equal(skipped.status, 0, skipped.stdout);
  assert.match(skipped.stdout, /\.graycheck\.yaml:3:3: .*unknown setting "ledger\.bogus" \(known: enabled, skipNames\)/);

  repo.write({ '.graycheck.yaml': 'ledger: { enabled: false }\n' });
  const disabled = JSON.parse((await cli(['check', '--base', 'HEAD', '--format', 'json'])).stdout) as { findings: { kind: string }[] };
  assert.deepEqual(
    disabled.findings.map((finding) => finding.kind),
    ['protobuf'],
  );
});

test('over LSP a new kind is watched, checked as typed, re-checked when what it depends on changes, and fixed', async (t) => {
  const repo = ledgerRepo(t);
  const lsp = await LspSession.start(t, repo.dir, { command: WITH_LEDGER });
  const watched = lsp.registrations.flatMap((registration) =>
    registration.method === 'workspace/didChangeWatchedFiles'
      ? (registration.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern)
      : [],
  );
  for (const glob of ['**/*.ledger', '**/ledger.config', '**/*.proto', '**/buf.yaml', '**/.graycheck.yaml'])
    assert.ok(watched.includes(glob), `${glob} is watched (${watched.join(', ')})`);

  const book = await lsp.open('books/main.ledger', BOOK, 'ledger');
  assert.deepEqual(await book.diagnostics(), []);
  await book.edit('include shared.ledger\nalpha = 1\n');
  const [removed] = await book.diagnostics();
  assert.equal(removed.code, 'LEDGER_ENTRY_REMOVED');
  assert.equal(removed.source, 'graycheck');
  await book.apply(await lsp.quickFix(book, removed, 'Restore entry "beta"'));
  assert.deepEqual(await book.diagnostics(), []);

  // shared.ledger is not open: its change on disk reaches the open document that includes it (the kind says 'dependents').
  repo.write({ 'shared.ledger': 'gamma = 3\n' });
  const pending = book.nextDiagnostics();
  await lsp.fileChanged('shared.ledger');
  const fromInclude = await pending;
  assert.deepEqual(
    fromInclude.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range.start.line]),
    [['LEDGER_ENTRY_REMOVED', 'Entry "delta" was removed.', 0]],
  );
  // Its restore fix edits shared.ledger, the file the entry came from, not the document it is shown on.
  const edit = await lsp.quickFix(book, fromInclude[0], 'Restore entry "delta"');
  const touched = [
    ...(edit.documentChanges ?? []).map((change) => ('textDocument' in change ? change.textDocument.uri : '')),
    ...Object.keys(edit.changes ?? {}),
  ];
  assert.deepEqual(touched, [lsp.uriOf('shared.ledger')]);
  repo.write({ 'shared.ledger': SHARED });
  const restored = book.nextDiagnostics();
  await lsp.fileChanged('shared.ledger');
  assert.deepEqual(await restored, []);

  // The kind's configuration file re-checks everything: strict values now report a changed value.
  await book.edit('include shared.ledger\nalpha = 7\nbeta = 2\n');
  assert.deepEqual(await book.diagnostics(), []);
  repo.write({ 'ledger.config': 'values: strict\n' });
  const strict = book.nextDiagnostics();
  await lsp.fileChanged('ledger.config', 1);
  const [changed] = await strict;
  assert.equal(changed.code, 'LEDGER_VALUE_CHANGED');
  assert.equal(changed.range.start.line, 1);
  await book.apply(await lsp.quickFix(book, changed, 'Revert "alpha"'));
  assert.equal(book.text, 'include shared.ledger\nalpha = 1\nbeta = 2\n');
  assert.deepEqual(await book.diagnostics(), []);

  // Its editor setting turns it off.
  await book.edit('include shared.ledger\n');
  assert.equal((await book.diagnostics()).length, 2);
  await lsp.changeSettings({ ledger: { enable: false } });
  assert.deepEqual(await book.nextDiagnostics(), []);
});
