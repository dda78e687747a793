// Every metrics fix applied to the files it edits (all of them), then the workspace checked again: the finding is gone and
// no finding of any rule appeared. A place whose text changed since the check is left alone (or the fix is not offered).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import type { Comparison } from '../../server/src/engine/comparison';
import { defaultConfig } from '../../server/src/engine/config';
import { applyTextEdits, type Fix } from '../../server/src/engine/edit';
import type { Finding } from '../../server/src/engine/finding';
import { LineIndex } from '../../server/src/engine/range';
import { MemoryTree } from '../../server/src/engine/tree';
import { metricsChecker } from '../../server/src/metrics/checker';
import { dashboard, goFile, rules, vec } from './ruleFixtures';

type Files = Record<string, string>;

async function check(base: Files, head: Files): Promise<Finding[]> {
  const comparison: Comparison = {
    base: new MemoryTree(base, 'base'),
    head: new MemoryTree(head, 'head'),
    renames: new Map(),
    config: defaultConfig([metricsChecker]),
  };
  return (await runCheck(comparison, [metricsChecker])).findings;
}

const key = (finding: Finding) => `${finding.rule} ${finding.file} ${finding.message}`;

async function fixesOf(finding: Finding, head: Files): Promise<Fix[]> {
  return await metricsChecker.fixes(finding, { text: head[finding.file] ?? '', tree: new MemoryTree(head, 'head') });
}

function applied(fix: Fix, head: Files): Files {
  const files = { ...head };
  for (const change of fix.changes) {
    const before = files[change.file] ?? '';
    const lines = new LineIndex(before);
    files[change.file] = applyTextEdits(before, change.edits, (position) => lines.offsetAt(position));
  }
  return files;
}

interface FixCase {
  name: string;
  base: Files;
  head: Files;
  /** The finding whose fix is applied: its rule, and a text its message contains. */
  rule: string;
  message?: string;
  title: string;
  /** The files the fix changes, as they read after it (every other file is unchanged). */
  changed: Files;
  /** Findings (rule and message) the fix resolves besides its own; its own is always checked. */
  gone?: string[];
  /** Its own finding stays (a rename of the uses leaves the definition's change reported). */
  stays?: boolean;
}

function fixCase(testCase: FixCase): void {
  test(`fix "${testCase.title}" (${testCase.rule}): ${testCase.name}`, async () => {
    const before = await check(testCase.base, testCase.head);
    const finding = before.find((candidate) => candidate.rule === testCase.rule && (!testCase.message || candidate.message.includes(testCase.message)));
    assert.ok(finding, `a ${testCase.rule} finding among ${before.map(key).join('\n')}`);
    const fix = (await fixesOf(finding, testCase.head)).find((candidate) => candidate.title === testCase.title);
    assert.ok(fix, `a fix titled ${testCase.title}`);
    const after = applied(fix, testCase.head);
    const changed = Object.fromEntries(Object.entries(after).filter(([path, text]) => testCase.head[path] !== text));
    assert.deepEqual(changed, testCase.changed);
    const again = await check(testCase.base, after);
    const keys = new Set(again.map(key));
    if (!testCase.stays) assert.ok(!keys.has(key(finding)), `the fixed finding is gone: ${key(finding)}`);
    for (const resolved of testCase.gone ?? []) assert.ok(![...keys].some((candidate) => candidate.startsWith(resolved)), `gone: ${resolved}`);
    const known = new Set(before.map(key));
    assert.deepEqual(
      again.map(key).filter((candidate) => !known.has(candidate)),
      [],
      'no new finding',
    );
  });
}

/** The fix is offered no more, or no longer edits the place, once the text there changed. */
function staleCase(testCase: Omit<FixCase, 'changed' | 'gone' | 'stays'> & { edit: (head: Files) => Files; remaining?: Files }): void {
  test(`fix "${testCase.title}" (${testCase.rule}) on changed text: ${testCase.name}`, async () => {
    const before = await check(testCase.base, testCase.head);
    const finding = before.find((candidate) => candidate.rule === testCase.rule && (!testCase.message || candidate.message.includes(testCase.message)));
    assert.ok(finding, `a ${testCase.rule} finding`);
    const edited = testCase.edit(testCase.head);
    const fix = (await fixesOf(finding, edited)).find((candidate) => candidate.title.startsWith(testCase.title));
    if (!testCase.remaining) {
      assert.equal(fix, undefined, 'no fix on changed text');
      return;
    }
    assert.ok(fix, 'the fix, for the places that did not change');
    const after = applied(fix, edited);
    assert.deepEqual(Object.fromEntries(Object.entries(after).filter(([path, text]) => edited[path] !== text)), testCase.remaining);
  });
}

const REQS = vec('reqs', 'http_requests_total', '"method", "code"');
const RENAMED_LABEL = vec('reqs', 'http_requests_total', '"method", "status"');
const HANDLER = goFile('func f() { reqs.With(prometheus.Labels{"method": "GET", "code": "200"}).Inc() }\n');
const ALERTS = rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total{method="GET"}[5m])) > 1']);
const PANELS = dashboard(['By code', 'sum by (code) (rate(http_requests_total[5m]))']);
const workspace = (metrics: string, extra: Files = {}): Files => ({
  'metrics.go': goFile(metrics),
  'handler.go': HANDLER,
  'alerts.yaml': ALERTS,
  'd.json': PANELS,
  ...extra,
});

fixCase({
  name: 'the label renamed in a rule, a dashboard and a With key (three files); the definition change stays reported',
  base: workspace(REQS),
  head: workspace(RENAMED_LABEL),
  rule: 'METRIC_LABEL_RENAMED',
  title: 'Rename label "code" to "status" in all 3 places',
  changed: {
    'handler.go': HANDLER.replace('"code": "200"', '"status": "200"'),
    'alerts.yaml': ALERTS.replace('by (code)', 'by (status)'),
    'd.json': PANELS.replace('by (code)', 'by (status)'),
  },
  stays: true,
  gone: ['LABEL_REFERENCED_MISSING', 'LABEL_NAME_UNKNOWN', 'LABEL_NAME_MISSING'],
});

fixCase({
  name: 'restoring the label name in the definition clears the rename and every use',
  base: workspace(REQS),
  head: workspace(RENAMED_LABEL),
  rule: 'METRIC_LABEL_RENAMED',
  title: 'Restore "code"',
  changed: { 'metrics.go': goFile(REQS) },
  gone: ['LABEL_REFERENCED_MISSING', 'LABEL_NAME_UNKNOWN', 'LABEL_NAME_MISSING'],
});

staleCase({
  name: 'a query edited since: only the other places are renamed',
  base: workspace(REQS),
  head: workspace(RENAMED_LABEL),
  rule: 'METRIC_LABEL_RENAMED',
  title: 'Rename label "code" to "status" in all 3 places',
  edit: (head) => ({ ...head, 'alerts.yaml': head['alerts.yaml'].replace('by (code)', 'by (cods)') }),
  remaining: { 'handler.go': HANDLER.replace('"code": "200"', '"status": "200"'), 'd.json': PANELS.replace('by (code)', 'by (status)') },
});

staleCase({
  name: 'the definition label edited since: no restore',
  base: workspace(REQS),
  head: workspace(RENAMED_LABEL),
  rule: 'METRIC_LABEL_RENAMED',
  title: 'Restore "code"',
  edit: (head) => ({ ...head, 'metrics.go': head['metrics.go'].replace('"status"', '"state"') }),
});

fixCase({
  name: 'the label change fix in one rule file',
  base: workspace(REQS),
  head: workspace(RENAMED_LABEL),
  rule: 'LABEL_REFERENCED_MISSING',
  message: 'alert "Errors"',
  title: 'Change "code" to "status"',
  changed: { 'alerts.yaml': ALERTS.replace('by (code)', 'by (status)') },
});

const RENAMED_METRIC = REQS.replace('"http_requests_total"', '"requests_total"');
fixCase({
  name: 'the metric renamed in a rule and a dashboard (two files); the definition change stays reported',
  base: workspace(REQS),
  head: workspace(RENAMED_METRIC),
  rule: 'METRIC_RENAMED',
  title: 'Update 2 references to "requests_total"',
  changed: {
    'alerts.yaml': ALERTS.replace('http_requests_total', 'requests_total'),
    'd.json': PANELS.replace('http_requests_total', 'requests_total'),
  },
  stays: true,
  gone: ['METRIC_REFERENCED_MISSING'],
});

fixCase({
  name: 'restoring the metric name clears the rename and the references',
  base: workspace(REQS),
  head: workspace(RENAMED_METRIC),
  rule: 'METRIC_RENAMED',
  title: 'Restore name "http_requests_total"',
  changed: { 'metrics.go': goFile(REQS) },
  gone: ['METRIC_REFERENCED_MISSING'],
});

staleCase({
  name: 'the Name literal edited since: no restore',
  base: workspace(REQS),
  head: workspace(RENAMED_METRIC),
  rule: 'METRIC_RENAMED',
  title: 'Restore name',
  edit: (head) => ({ ...head, 'metrics.go': head['metrics.go'].replace('"requests_total"', '"reqs_total"') }),
});

fixCase({
  name: 'a histogram selector renamed with its suffix',
  base: {
    'metrics.go': goFile(vec('lat', 'lat_seconds', '"route"', { type: 'Histogram' })),
    'r.yaml': rules(['alert', 'Slow', 'rate(lat_seconds_count[5m]) > 1']),
  },
  head: {
    'metrics.go': goFile(vec('lat', 'latency_seconds', '"route"', { type: 'Histogram' })),
    'r.yaml': rules(['alert', 'Slow', 'rate(lat_seconds_count[5m]) > 1']),
  },
  rule: 'METRIC_REFERENCED_MISSING',
  title: 'Rename "lat_seconds_count" to "latency_seconds_count"',
  changed: { 'r.yaml': rules(['alert', 'Slow', 'rate(latency_seconds_count[5m]) > 1']) },
});

staleCase({
  name: 'the selector edited since: no rename',
  base: {
    'metrics.go': goFile(vec('lat', 'lat_seconds', '"route"', { type: 'Histogram' })),
    'r.yaml': rules(['alert', 'Slow', 'rate(lat_seconds_count[5m]) > 1']),
  },
  head: {
    'metrics.go': goFile(vec('lat', 'latency_seconds', '"route"', { type: 'Histogram' })),
    'r.yaml': rules(['alert', 'Slow', 'rate(lat_seconds_count[5m]) > 1']),
  },
  rule: 'METRIC_REFERENCED_MISSING',
  title: 'Rename',
  edit: (head) => ({ ...head, 'r.yaml': rules(['alert', 'Slow', 'rate(lat_seconds_sum[5m]) > 1']) }),
});

const calls = (...lines: string[]) => goFile(`${REQS}\nfunc served() {\n${lines.map((l) => `\t${l}\n`).join('')}}\n`);

fixCase({
  name: 'a placeholder value added',
  base: { 'metrics.go': calls() },
  head: { 'metrics.go': calls('reqs.WithLabelValues(\n\t\t"GET",\n\t).Inc()') },
  rule: 'LABEL_ARITY_MISMATCH',
  title: 'Add missing label value for "code"',
  changed: { 'metrics.go': calls('reqs.WithLabelValues(\n\t\t"GET", "" /* code */,\n\t).Inc()') },
});

staleCase({
  name: 'the call edited since: no placeholder',
  base: { 'metrics.go': calls() },
  head: { 'metrics.go': calls('reqs.WithLabelValues("GET").Inc()') },
  rule: 'LABEL_ARITY_MISMATCH',
  title: 'Add missing',
  edit: (head) => ({ 'metrics.go': head['metrics.go'].replace('("GET")', '("GET", x)') }),
});

fixCase({
  name: 'extra values removed',
  base: { 'metrics.go': calls() },
  head: { 'metrics.go': calls('reqs.DeleteLabelValues("GET", "200", "a", "b")') },
  rule: 'LABEL_ARITY_MISMATCH',
  title: 'Remove extra label values',
  changed: { 'metrics.go': calls('reqs.DeleteLabelValues("GET", "200")') },
});

staleCase({
  name: 'the values edited since: nothing removed',
  base: { 'metrics.go': calls() },
  head: { 'metrics.go': calls('reqs.WithLabelValues("GET", "200", "a")') },
  rule: 'LABEL_ARITY_MISMATCH',
  title: 'Remove extra',
  edit: (head) => ({ 'metrics.go': head['metrics.go'].replace('"a")', '"a", "b")') }),
});

fixCase({
  name: 'a With key changed to the near label',
  base: { 'metrics.go': calls() },
  head: { 'metrics.go': calls('reqs.With(prometheus.Labels{"method": "GET", "Code": "200"}).Inc()') },
  rule: 'LABEL_NAME_UNKNOWN',
  title: 'Change "Code" to "code"',
  changed: { 'metrics.go': calls('reqs.With(prometheus.Labels{"method": "GET", "code": "200"}).Inc()') },
  gone: ['LABEL_NAME_MISSING'],
});

fixCase({
  name: 'a missing key added to the map literal',
  base: { 'metrics.go': calls() },
  head: { 'metrics.go': calls('reqs.With(prometheus.Labels{"code": "200"}).Inc()') },
  rule: 'LABEL_NAME_MISSING',
  title: 'Add missing label "method"',
  changed: { 'metrics.go': calls('reqs.With(prometheus.Labels{"code": "200", "method": ""}).Inc()') },
});

staleCase({
  name: 'the map replaced by a variable since: no key added',
  base: { 'metrics.go': calls() },
  head: { 'metrics.go': calls('reqs.With(prometheus.Labels{"code": "200"}).Inc()') },
  rule: 'LABEL_NAME_MISSING',
  title: 'Add missing',
  edit: (head) => ({ 'metrics.go': head['metrics.go'].replace('prometheus.Labels{"code": "200"}', 'labels                         ') }),
});

fixCase({
  name: 'a removed label restored at its base position',
  base: { 'metrics.go': goFile(vec('reqs', 'http_requests_total', '"method", "code", "path"')) },
  head: { 'metrics.go': goFile(vec('reqs', 'http_requests_total', '"method", "path"')) },
  rule: 'METRIC_LABEL_REMOVED',
  title: 'Restore label "code"',
  changed: { 'metrics.go': goFile(vec('reqs', 'http_requests_total', '"method", "code", "path"')) },
});

staleCase({
  name: 'the neighbouring label edited since: no restore',
  base: { 'metrics.go': goFile(vec('reqs', 'http_requests_total', '"method", "code", "path"')) },
  head: { 'metrics.go': goFile(vec('reqs', 'http_requests_total', '"method", "path"')) },
  rule: 'METRIC_LABEL_REMOVED',
  title: 'Restore label',
  edit: (head) => ({ 'metrics.go': head['metrics.go'].replace('"path"', '"host"') }),
});

const nearDefinitions = line('a', 'a_total', '"status_code"') + line('b', 'b_total', '"status_code"') + line('c', 'c_total', '"statusCode"');
function line(binding: string, name: string, labels: string): string {
  return `var ${binding} = promauto.NewCounterVec(prometheus.CounterOpts{Name: "${name}", Help: "X."}, []string{${labels}})\n`;
}
fixCase({
  name: 'a near-duplicate label renamed in the definition, a With key and a rule (two files)',
  base: { 'metrics.go': goFile('') },
  head: {
    'metrics.go': goFile(`${nearDefinitions}\nfunc f() { c.With(prometheus.Labels{"statusCode": "1"}).Inc() }\n`),
    'r.yaml': rules(['alert', 'C', 'sum by (statusCode) (rate(c_total[5m])) > 1']),
  },
  rule: 'LABEL_NEAR_DUPLICATE',
  title: 'Rename label "statusCode" to "status_code" in all 3 places',
  changed: {
    'metrics.go': goFile(`${nearDefinitions.replace('statusCode', 'status_code')}\nfunc f() { c.With(prometheus.Labels{"status_code": "1"}).Inc() }\n`),
    'r.yaml': rules(['alert', 'C', 'sum by (status_code) (rate(c_total[5m])) > 1']),
  },
});

/** A semantic-convention metric with its instrument and unit as written. */
const shopMetric = (instrument: string, unit: string) =>
  `groups:\n  - id: metric.shop.order.duration\n    type: metric\n    metric_name: shop.order.duration\n    brief: Order time.\n    instrument: ${instrument}\n    unit: ${unit}\n    stability: development\n`;
const SLOW_ORDERS = rules(['alert', 'SlowOrders', 'histogram_quantile(0.9, rate(shop_order_duration_seconds_bucket[5m])) > 1']);

fixCase({
  name: 'a semantic-convention unit put back, which also brings back the Prometheus name an alert uses',
  base: { 'model/m.yaml': shopMetric('histogram', 's'), 'alerts.yaml': SLOW_ORDERS },
  head: { 'model/m.yaml': shopMetric('histogram', 'ms'), 'alerts.yaml': SLOW_ORDERS },
  rule: 'METRIC_UNIT_CHANGED',
  title: 'Revert to the base value: unit "s"',
  changed: { 'model/m.yaml': shopMetric('histogram', 's') },
  gone: ['METRIC_REFERENCED_MISSING'],
});

fixCase({
  name: 'a semantic-convention instrument put back',
  base: { 'model/m.yaml': shopMetric('histogram', 's') },
  head: { 'model/m.yaml': shopMetric('gauge', 's') },
  rule: 'METRIC_TYPE_CHANGED',
  title: 'Revert to the base value: instrument histogram',
  changed: { 'model/m.yaml': shopMetric('histogram', 's') },
});

const waits = (help: string, unit: string) =>
  vec('a', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: "seconds",' }) +
  vec('b', 'wait_seconds', '"queue"', { type: 'Histogram', help, extra: `\n\tUnit: "${unit}",` });
fixCase({
  name: "two definitions of one metric: the second takes the first one's help text",
  base: { 'metrics.go': goFile('') },
  head: { 'metrics.go': goFile(waits('Waits.', 'seconds')) },
  rule: 'METRIC_HELP_INCONSISTENT',
  title: 'Use the other help text',
  changed: { 'metrics.go': goFile(waits('Requests.', 'seconds')) },
});

fixCase({
  name: "two definitions of one metric: the second takes the first one's unit",
  base: { 'metrics.go': goFile('') },
  head: { 'metrics.go': goFile(waits('Requests.', 'milliseconds')) },
  rule: 'METRIC_HELP_INCONSISTENT',
  title: 'Use the other unit "seconds"',
  changed: { 'metrics.go': goFile(waits('Requests.', 'seconds')) },
});

const shopMetricAt = (stability: string) => shopMetric('histogram', 's').replace('stability: development', `stability: ${stability}`);
fixCase({
  name: 'a semantic-convention stability put back to stable, in the quoting it was written with',
  base: { 'model/m.yaml': shopMetricAt('stable') },
  head: { 'model/m.yaml': shopMetricAt("'development'") },
  rule: 'METRIC_STABILITY_DOWNGRADED',
  title: 'Revert to the base value: stability stable',
  changed: { 'model/m.yaml': shopMetricAt("'stable'") },
});

const latency = (unit: string) => vec('lat', 'latency', '"route"', { type: 'Histogram', extra: `\n\tUnit: "${unit}",` });
fixCase({
  name: 'a client_golang Unit: literal put back',
  base: { 'metrics.go': goFile(latency('seconds')) },
  head: { 'metrics.go': goFile(latency('milliseconds')) },
  rule: 'METRIC_UNIT_CHANGED',
  title: 'Revert to the base value: unit "seconds"',
  changed: { 'metrics.go': goFile(latency('seconds')) },
});

const instrument = (unit: string) =>
  `package x\n\nimport "go.opentelemetry.io/otel/metric"\n\nfunc f(meter metric.Meter) {\n\th, _ := meter.Float64Histogram("jobs.duration", metric.WithUnit(\`${unit}\`))\n\t_ = h\n}\n`;
fixCase({
  name: 'an OpenTelemetry WithUnit raw-string literal put back in its backquotes',
  base: { 'o.go': instrument('s') },
  head: { 'o.go': instrument('ms') },
  rule: 'METRIC_UNIT_CHANGED',
  title: 'Revert to the base value: unit "s"',
  changed: { 'o.go': instrument('s') },
});

staleCase({
  name: 'the unit literal edited since: no revert',
  base: { 'metrics.go': goFile(latency('seconds')) },
  head: { 'metrics.go': goFile(latency('milliseconds')) },
  rule: 'METRIC_UNIT_CHANGED',
  title: 'Revert to the base value',
  edit: (head) => ({ 'metrics.go': head['metrics.go'].replace('"milliseconds"', '"microseconds"') }),
});

staleCase({
  name: 'the instrument edited since: no revert',
  base: { 'model/m.yaml': shopMetric('histogram', 's') },
  head: { 'model/m.yaml': shopMetric('gauge', 's') },
  rule: 'METRIC_TYPE_CHANGED',
  title: 'Revert to the base value',
  edit: (head) => ({ 'model/m.yaml': head['model/m.yaml'].replace('instrument: gauge', 'instrument: counter') }),
});

const deprecatedRegistry = (deprecated: boolean) =>
  `groups:
  - id: metric.shop.order.duration
    type: metric
    metric_name: shop.order.duration
    brief: Order time.
    instrument: histogram
    unit: s
${deprecated ? '    deprecated:\n      reason: renamed\n      renamed_to: shop.checkout.duration\n' : ''}  - id: metric.shop.checkout.duration
    type: metric
    metric_name: shop.checkout.duration
    brief: Checkout time.
    instrument: histogram
    unit: s
`;
const ORDER_PANELS = dashboard(['Orders', 'sum(rate(shop_order_duration_seconds_count[5m]))']);
fixCase({
  name: 'a use of a deprecated metric renamed to the replacement series in a dashboard',
  base: { 'model/m.yaml': deprecatedRegistry(false), 'alerts.yaml': SLOW_ORDERS, 'd.json': ORDER_PANELS },
  head: { 'model/m.yaml': deprecatedRegistry(true), 'alerts.yaml': SLOW_ORDERS, 'd.json': ORDER_PANELS },
  rule: 'METRIC_DEPRECATED',
  message: 'panel "Orders"',
  title: 'Rename uses to "shop_checkout_duration_seconds_count"',
  changed: { 'd.json': ORDER_PANELS.replace('shop_order_duration_seconds_count', 'shop_checkout_duration_seconds_count') },
});

staleCase({
  name: 'the selector edited since: no rename',
  base: { 'model/m.yaml': deprecatedRegistry(false), 'alerts.yaml': SLOW_ORDERS },
  head: { 'model/m.yaml': deprecatedRegistry(true), 'alerts.yaml': SLOW_ORDERS },
  rule: 'METRIC_DEPRECATED',
  message: 'alert "SlowOrders"',
  title: 'Rename uses',
  edit: (head) => ({ ...head, 'alerts.yaml': head['alerts.yaml'].replace('shop_order_duration_seconds_bucket', 'shop_order_duration_seconds_count_') }),
});
