// Grafana dashboards: panel targets (also in rows and collapsed row panels) and query variables, placed at their real
// line and column inside JSON strings with escapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from '../../server/src/engine/finding';
import { extractDashboard, looksLikeDashboard } from '../../server/src/metrics/promql/dashboards';

const at = ({ range: { start, end } }: Location) => `${start.line}:${start.character}-${end.line}:${end.character}`;

function refs(text: string): string[] {
  const reading = extractDashboard('d.json', text);
  assert.ok(reading);
  assert.deepEqual(reading.unreadable, []);
  const lines = text.split('\n');
  const spelled = ({ range: { start, end } }: Location) => lines[start.line].slice(start.character, end.character);
  for (const ref of reading.refs) {
    assert.equal(spelled(ref.location), ref.metric);
    for (const label of ref.labels) assert.equal(spelled(label.location), label.name);
  }
  return reading.refs.map((ref) =>
    [
      `${ref.context.kind}:${ref.context.name} ${ref.metric}@${at(ref.location)}`,
      ...ref.labels.map((label) => `${label.role}:${label.name}@${at(label.location)}`),
    ].join(' '),
  );
}

const dashboard = (panels: string, extra = '') => `{\n"title": "D",\n"panels": [\n${panels}\n]${extra}\n}`;

test('panel targets, with escaped quotes and newlines inside the JSON string', () => {
  const text = dashboard('{"title": "Errors", "targets": [{"expr": "sum by (code) (rate(x{job=\\"$job\\"}[$__rate_interval]))\\n/ ignoring(code) y"}]}');
  assert.deepEqual(refs(text), [
    'panel:Errors x@3:62-3:63 matcher:job@3:64-3:67 by:code@3:50-3:54 ignoring:code@3:110-3:114',
    'panel:Errors y@3:116-3:117 ignoring:code@3:110-3:114',
  ]);
});

test("a \\u escape before a name shifts it by the escape's length, not by one", () => {
  assert.deepEqual(refs(dashboard('{"id": 7, "targets": [{"expr": "x{a=\\"\\u00e9\\u00e9\\"} + y"}]}')), [
    'panel:panel 7 x@3:32-3:33 matcher:a@3:34-3:35',
    'panel:panel 7 y@3:56-3:57',
  ]);
});

test('collapsed row panels, old rows, and a wrapped dashboard', () => {
  const nested = dashboard('{"type": "row", "title": "R", "panels": [{"title": "In row", "targets": [{"expr": "up"}]}]}');
  assert.deepEqual(refs(nested), ['panel:In row up@3:83-3:85']);
  const old = '{"title": "Old", "rows": [{"panels": [{"title": "P", "targets": [{"expr": "up"}]}]}]}';
  assert.deepEqual(refs(old), ['panel:P up@0:75-0:77']);
  assert.deepEqual(refs(`{"meta": {}, "dashboard": ${old}}`), ['panel:P up@0:101-0:103']);
});

test('targets of other data sources, empty exprs and name variables are not read', () => {
  const text = dashboard(
    '{"title": "Logs", "datasource": {"type": "loki"}, "targets": [{"expr": "{job=\\"x\\"} |= \\"e\\""}]},\n' +
      '{"title": "Mixed", "datasource": {"type": "datasource"}, "targets": [{"datasource": {"type": "prometheus"}, "expr": "up"}, {"expr": ""}, {"expr": "${metric}"}]}',
  );
  assert.deepEqual(refs(text), ['panel:Mixed up@4:117-4:119']);
});

test('query variables: label_values with a metric names it and its label; query_result is read; the rest are not', () => {
  const text = dashboard(
    '',
    ',\n"templating": {"list": [\n' +
      '{"name": "job", "type": "query", "query": {"query": "label_values(up{env=\\"$env\\"}, job)", "refId": "A"}},\n' +
      '{"name": "top", "type": "query", "query": "query_result(topk(5, rate(x[5m])))"},\n' +
      '{"name": "m", "type": "query", "query": "metrics(.*)"},\n' +
      '{"name": "l", "type": "query", "query": "label_values(instance)"},\n' +
      '{"name": "c", "type": "custom", "query": "a,b"}\n]}',
  );
  assert.deepEqual(refs(text), ['variable:job up@6:66-6:68 matcher:env@6:69-6:72 function:job@6:84-6:87', 'variable:top x@7:69-7:70']);
});

test('a query that does not parse is reported with its panel and gives no references', () => {
  const reading = extractDashboard('d.json', dashboard('{"title": "Typing", "targets": [{"expr": "sum(rate(x[5m])"}, {"expr": "up"}]}'));
  assert.deepEqual(reading?.unreadable, [{ file: 'd.json', reason: 'panel "Typing": the query does not parse (line 4, column 58, at the end of the query)' }]);
  assert.deepEqual(
    reading?.refs.map((ref) => ref.metric),
    ['up'],
  );
});

test('invalid JSON that looks like a dashboard is reported; other JSON gives undefined', () => {
  assert.deepEqual(extractDashboard('d.json', '{"title": "D",\n "panels": [}'), {
    refs: [],
    unreadable: [{ file: 'd.json', reason: 'not valid JSON; its queries are not read' }],
  });
  assert.deepEqual(extractDashboard('d.json', '{"title": "D",\n "panels": [1 2]}')?.unreadable, [
    { file: 'd.json', reason: 'not valid JSON (line 2); its queries are not read' },
  ]);
  assert.equal(extractDashboard('package.json', '{"name": "x", "version": "1.0.0"}'), undefined);
  assert.equal(extractDashboard('p.json', '{"panels": "none", "title": "x"}'), undefined);
  assert.equal(looksLikeDashboard('{"name": "x"}'), false);
  assert.equal(looksLikeDashboard(dashboard('')), true);
});
