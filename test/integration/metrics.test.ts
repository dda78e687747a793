// Metrics end to end, in real git repositories: a Go vector used by a call site and by an alert rule. Renaming a label in
// the unsaved definition marks the definition and the rule; the rename fix updates the rule in one edit; a value dropped
// from WithLabelValues is an arity mismatch, through the CLI and over LSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { runCli } from '../support/cli';
import { LspSession } from '../support/lspSession';
import { TempRepo } from '../support/tempRepo';

const GO_MOD = 'module example.com/shop\n\ngo 1.22\n\nrequire github.com/prometheus/client_golang v1.24.1\n';
const METRICS = `package shop

import (
\t"github.com/prometheus/client_golang/prometheus"
\t"github.com/prometheus/client_golang/prometheus/promauto"
)

var httpRequests = promauto.NewCounterVec(prometheus.CounterOpts{
\tName: "http_requests_total",
\tHelp: "Requests served.",
}, []string{"method", "code"})
`;
const HANDLER = `package shop

func served() {
\thttpRequests.WithLabelValues("GET", "200").Inc()
}
`;
const RULES = `groups:
  - name: shop
    rules:
      - alert: ErrorsByCode
        expr: sum by (code) (rate(http_requests_total[5m])) > 1
`;

function repository(t: Parameters<typeof TempRepo.create>[0]): TempRepo {
  const repo = TempRepo.create(t);
  repo.commit({ 'go.mod': GO_MOD, 'metrics.go': METRICS, 'handler.go': HANDLER, 'alerts/rules.yaml': RULES });
  return repo;
}

interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  range: { start: { line: number; column: number } };
  message: string;
  base?: { file: string; range: { start: { line: number } } };
  related?: { file: string; range: { start: { line: number } }; message: string }[];
}

test('the CLI reports a renamed label on the definition and on the alert rule that still uses it, and an arity mismatch', async (t) => {
  const repo = repository(t);
  const clean = await runCli(['check', '--base', 'HEAD'], { cwd: repo.dir });
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  repo.write({ 'metrics.go': METRICS.replace('"code"})', '"status"})'), 'handler.go': HANDLER.replace('"GET", "200"', '"GET"') });
  const result = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  assert.equal(result.status, 1, result.stderr);
  const { findings } = JSON.parse(result.stdout) as { findings: JsonFinding[] };
  assert.deepEqual(
    findings.map((finding) => [finding.rule, finding.severity, finding.file, finding.range.start.line, finding.range.start.column, finding.message]),
    [
      ['METRIC_LABEL_RENAMED', 'error', 'metrics.go', 8, 20, 'Label "code" of metric "http_requests_total" was renamed to "status".'],
      [
        'LABEL_REFERENCED_MISSING',
        'error',
        'alerts/rules.yaml',
        5,
        23,
        'alert "ErrorsByCode" uses label "code" of "http_requests_total", which no longer has it.',
      ],
      [
        'LABEL_ARITY_MISMATCH',
        'error',
        'handler.go',
        4,
        2,
        'WithLabelValues passes 1 label value but metric "http_requests_total" has 2 variable labels ("method", "status"); this panics with "inconsistent label cardinality".',
      ],
    ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
  );
  const arity = findings.find((finding) => finding.rule === 'LABEL_ARITY_MISMATCH')!;
  assert.deepEqual(
    arity.related?.map((place) => [place.file, place.range.start.line, place.message]),
    [['metrics.go', 8, 'the definition of "http_requests_total"']],
    'the call points at the definition it resolves to',
  );
  const onRule = findings.find((finding) => finding.rule === 'LABEL_REFERENCED_MISSING')!;
  assert.deepEqual(
    [onRule.base?.file, onRule.base?.range.start.line, onRule.related],
    ['metrics.go', 8, undefined],
    'the rule finding points at the base definition that had the label',
  );
});

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
    'textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : [],
  );
  return [...fromDocumentChanges, ...(edit.changes?.[uri] ?? [])];
}

test('over LSP, renaming a label in the unsaved definition marks it, and one fix renames the label in the alert rule', async (t) => {
  const repo = repository(t);
  const lsp = await LspSession.start(t, repo.dir);
  const definition = await lsp.open('metrics.go', METRICS, 'go');
  assert.deepEqual(await definition.diagnostics(), []);
  await definition.edit(METRICS.replace('"code"})', '"status"})'));
  const diagnostics = await definition.diagnostics();
  assert.deepEqual(
    diagnostics.map((diagnostic: Diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.message]),
    [['METRIC_LABEL_RENAMED', 7, 'Label "code" of metric "http_requests_total" was renamed to "status".']],
  );
  const rename = await lsp.quickFix(definition, diagnostics[0], 'Rename label "code" to "status" in all 1 places');
  assert.deepEqual(editsFor(rename, lsp.uriOf('alerts/rules.yaml')), [
    { range: { start: { line: 4, character: 22 }, end: { line: 4, character: 26 } }, newText: 'status' },
  ]);
  assert.equal(repo.read('alerts/rules.yaml'), RULES, 'the file on disk was never written');

  const rules = await lsp.open('alerts/rules.yaml', RULES, 'yaml');
  const onRule = await rules.diagnostics();
  assert.deepEqual(
    onRule.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character]),
    [['LABEL_REFERENCED_MISSING', 4, 22]],
  );
  await rules.apply(await lsp.quickFix(rules, onRule[0], 'Change "code" to "status"'));
  assert.deepEqual(await rules.diagnostics(), []);
});

test('over LSP, dropping a value from WithLabelValues is an arity mismatch on that line, and the fix adds a placeholder', async (t) => {
  const repo = repository(t);
  const lsp = await LspSession.start(t, repo.dir);
  const handler = await lsp.open('handler.go', HANDLER, 'go');
  assert.deepEqual(await handler.diagnostics(), []);
  await handler.edit(HANDLER.replace('"GET", "200"', '"GET"'));
  const diagnostics = await handler.diagnostics();
  assert.deepEqual(
    diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line, diagnostic.range.start.character]),
    [['LABEL_ARITY_MISMATCH', 1, 3, 1]],
  );
  await handler.apply(await lsp.quickFix(handler, diagnostics[0], 'Add missing label value for "code"'));
  assert.equal(handler.text, HANDLER.replace('"GET", "200"', '"GET", "" /* code */'));
  assert.deepEqual(await handler.diagnostics(), []);
});

test('over LSP, a label renamed in the unsaved definition re-checks the open alert rule that uses it', async (t) => {
  const repo = repository(t);
  const lsp = await LspSession.start(t, repo.dir);
  const rules = await lsp.open('alerts/rules.yaml', RULES, 'yaml');
  assert.deepEqual(await rules.diagnostics(), []);
  const definition = await lsp.open('metrics.go', METRICS, 'go');
  assert.deepEqual(await definition.diagnostics(), []);
  await definition.edit(METRICS.replace('"code"})', '"status"})'));
  const onRule = await lsp.waitFor('LABEL_REFERENCED_MISSING on the rule', () =>
    lsp
      .publishedFor('alerts/rules.yaml')
      .at(-1)
      ?.diagnostics.find((diagnostic) => diagnostic.code === 'LABEL_REFERENCED_MISSING'),
  );
  assert.deepEqual(onRule.range.start, { line: 4, character: 22 });
  await definition.edit(METRICS);
  await lsp.waitFor('the rule clean again', () => lsp.publishedFor('alerts/rules.yaml').at(-1)?.diagnostics.length === 0);
});

test('over LSP, half-typed Go and half-typed PromQL give no phantom finding: every state is clean or not checked', async (t) => {
  const repo = repository(t);
  const lsp = await LspSession.start(t, repo.dir);
  const definition = await lsp.open('metrics.go', METRICS, 'go');
  assert.deepEqual(await definition.diagnostics(), []);
  const addition =
    '\nvar orders = promauto.NewCounterVec(prometheus.CounterOpts{\n\tName: "shop_orders_total",\n\tHelp: "Orders placed.",\n}, []string{"region"})\n\nfunc ordered() { orders.WithLabelValues("eu").Inc() }\n';
  for (let length = 1; length <= addition.length; length += 4) {
    await definition.edit(METRICS + addition.slice(0, length));
    const findings = (await definition.diagnostics()).filter((diagnostic) => diagnostic.code !== 'NOT_CHECKED');
    assert.deepEqual(findings, [], `no finding after typing ${JSON.stringify(addition.slice(0, length))}`);
  }
  await definition.edit(METRICS + addition);
  assert.deepEqual(await definition.diagnostics(), []);

  const rules = await lsp.open('alerts/rules.yaml', RULES, 'yaml');
  assert.deepEqual(await rules.diagnostics(), []);
  const rule = '      - alert: SlowOrders\n        expr: sum by (region) (rate(shop_orders_total{region="eu"}[5m])) > 3\n';
  for (let length = 1; length <= rule.length; length += 3) {
    await rules.edit(RULES + rule.slice(0, length));
    const findings = (await rules.diagnostics()).filter((diagnostic) => diagnostic.code !== 'NOT_CHECKED');
    assert.deepEqual(findings, [], `no finding after typing ${JSON.stringify(rule.slice(0, length))}`);
  }
});

test('over LSP, Check Workspace reports metric findings in files that are not open, and the status counts them', async (t) => {
  const repo = repository(t);
  repo.write({ 'metrics.go': METRICS.replace('"code"})', '"status"})'), 'handler.go': HANDLER.replace('"GET", "200"', '"GET"') });
  const lsp = await LspSession.start(t, repo.dir);
  const result = await lsp.command<{ errors: number; filesWithFindings: number }>('graycheck.checkWorkspace');
  assert.equal(result.errors, 3);
  assert.equal(result.filesWithFindings, 3);
  const codesOf = (file: string) =>
    lsp
      .publishedFor(file)
      .at(-1)
      ?.diagnostics.map((diagnostic) => diagnostic.code);
  assert.deepEqual(codesOf('metrics.go'), ['METRIC_LABEL_RENAMED']);
  assert.deepEqual(codesOf('handler.go'), ['LABEL_ARITY_MISMATCH']);
  assert.deepEqual(codesOf('alerts/rules.yaml'), ['LABEL_REFERENCED_MISSING']);
  await lsp.waitFor('a status with three breaking findings', () => lsp.statuses.find((status) => status.state === 'ready' && status.breakingCount === 3));
});
