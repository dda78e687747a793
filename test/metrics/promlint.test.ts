// promlint's validations as client_golang ≥ 1.24 has them: one table per validation, with the exact problem texts, and
// the naming family that puts them on head definitions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetricDefinition, MetricType } from '../../server/src/metrics/model';
import { lintFamily, type LintableFamily } from '../../server/src/metrics/naming/promlint';
import type { MetricsFinding, MetricsPair } from '../../server/src/metrics/rules/family';
import { NAMING_RULES, namingFamily } from '../../server/src/metrics/rules/naming';

interface Case {
  name: string;
  type?: MetricType;
  help?: string | null;
  labels?: string[];
  duplicate?: boolean;
  expect: string[];
}

/** Runs each case and keeps only `rule`'s problems, as `RULE text`. */
function lintCases(rule: string, cases: Case[]): void {
  test(`${rule}: ${cases.map((c) => c.name).join(', ')}`, () => {
    for (const c of cases) {
      const family: LintableFamily = {
        name: c.name,
        type: c.type ?? 'gauge',
        help: c.help === null ? undefined : (c.help ?? 'Some help.'),
        labels: c.labels ?? [],
        duplicate: c.duplicate ?? false,
      };
      const got = lintFamily(family)
        .filter((problem) => problem.rule === rule)
        .map((problem) => problem.text);
      assert.deepEqual(got, c.expect, `${c.name} (${family.type})`);
    }
  });
}

lintCases('PROMLINT_HELP', [
  { name: 'no_help', help: null, expect: ['no help text'] },
  { name: 'empty_help', help: '', expect: ['no help text'] },
  { name: 'helped', help: 'Something.', expect: [] },
]);

const baseUnit = (base: string, unit: string) => `use base unit "${base}" instead of "${unit}"`;
lintCases('PROMLINT_METRIC_UNITS', [
  { name: 'request_duration_milliseconds', expect: [baseUnit('seconds', 'milliseconds')] },
  { name: 'uptime_hours', expect: [baseUnit('seconds', 'hours')] },
  { name: 'disk_kilometers', expect: [baseUnit('meters', 'kilometers')] },
  { name: 'size_kibibytes', expect: [baseUnit('bytes', 'kibibytes')] },
  { name: 'temperature_fahrenheit', expect: [baseUnit('celsius', 'fahrenheit')] },
  { name: 'color_kelvins', expect: [baseUnit('kelvin', 'kelvins')] },
  { name: 'link_bits_total', type: 'counter', expect: [baseUnit('bytes', 'bits')] },
  { name: 'food_calories', expect: [baseUnit('joules', 'calories')] },
  { name: 'weight_ounces', expect: [baseUnit('grams', 'ounces')] },
  { name: 'distance_miles', expect: [baseUnit('meters', 'miles')] },
  { name: 'gpu_megavolts', expect: [baseUnit('volts', 'megavolts')] },
  { name: 'minutes_then_seconds', expect: [baseUnit('seconds', 'minutes')], help: 'the first unit token decides' },
  { name: 'seconds_then_minutes', expect: [] },
  { name: 'response_bytes', expect: [] },
  { name: 'length_metres', expect: [] },
  { name: 'thermometers_reading', expect: [] },
  { name: 'request_Milliseconds', expect: [] },
  { name: 'milliseconds', expect: [baseUnit('seconds', 'milliseconds')] },
]);

lintCases('PROMLINT_COUNTER', [
  { name: 'http_requests', type: 'counter', expect: ['counter metrics should have "_total" suffix'] },
  { name: 'http_requests_total', type: 'counter', expect: [] },
  { name: 'queue_size_total', type: 'gauge', expect: ['non-counter metrics should not have "_total" suffix'] },
  { name: 'wait_total', type: 'histogram', expect: ['non-counter metrics should not have "_total" suffix'] },
  { name: 'raw_total', type: 'untyped', expect: [] },
  { name: 'raw', type: 'untyped', expect: [] },
]);

const reserved = {
  bucket: 'non-histogram metrics should not have "_bucket" suffix',
  count: 'non-histogram and non-summary metrics should not have "_count" suffix',
  sum: 'non-histogram and non-summary metrics should not have "_sum" suffix',
  le: 'non-histogram metrics should not have "le" label',
  quantile: 'non-summary metrics should not have "quantile" label',
};
lintCases('PROMLINT_HISTOGRAM_SUMMARY_RESERVED', [
  { name: 'foo_bucket', type: 'gauge', labels: ['le'], expect: [reserved.bucket, reserved.le] },
  { name: 'foo_bucket', type: 'summary', expect: [reserved.bucket] },
  { name: 'foo_bucket', type: 'histogram', expect: [] },
  { name: 'bar_count', type: 'gauge', labels: ['quantile'], expect: [reserved.count, reserved.quantile] },
  { name: 'bar_count', type: 'summary', labels: ['quantile'], expect: [] },
  { name: 'baz_sum', type: 'counter', expect: [reserved.sum] },
  { name: 'baz_sum', type: 'histogram', labels: ['quantile'], expect: [reserved.quantile] },
  { name: 'qux', type: 'summary', labels: ['le', 'quantile'], expect: [reserved.le] },
  { name: 'raw_bucket', type: 'untyped', labels: ['le', 'quantile'], expect: [] },
  { name: 'bucket', type: 'gauge', expect: [] },
]);

lintCases('PROMLINT_TYPE_IN_NAME', [
  { name: 'items_gauge', type: 'gauge', expect: ["metric name should not include type 'gauge'"] },
  { name: 'x_Counter_total', type: 'counter', expect: ["metric name should not include type 'counter'"] },
  { name: 'latency_histogram_seconds', type: 'histogram', expect: ["metric name should not include type 'histogram'"] },
  { name: 'x_summary', type: 'summary', expect: ["metric name should not include type 'summary'"] },
  // Since client_golang v1.20.0: another type's word is not flagged, and untyped metrics are not looked at.
  { name: 'events_counter', type: 'gauge', expect: [] },
  { name: 'x_summary_total', type: 'counter', expect: [] },
  { name: 'raw_gauge', type: 'untyped', expect: [] },
  { name: 'raw_untyped', type: 'untyped', expect: [] },
  { name: 'gaugeish', type: 'gauge', expect: [] },
  { name: 'gauge_value', type: 'gauge', expect: [] },
]);

lintCases('PROMLINT_RESERVED_CHARS', [
  { name: 'recording:rule_value', expect: ["metric names should not contain ':'"] },
  { name: 'recording_rule_value', expect: [] },
]);

const camel = {
  metric: "metric names should be written in 'snake_case' not 'camelCase'",
  label: "label names should be written in 'snake_case' not 'camelCase'",
};
lintCases('PROMLINT_CAMEL_CASE', [
  { name: 'requestLatency_seconds', labels: ['statusCode', 'path', 'httpMethod'], expect: [camel.metric, camel.label, camel.label] },
  { name: 'request_latency_seconds', labels: ['Code'], expect: [] },
  { name: 'HTTP_requests', expect: [] },
]);

const abbreviated = 'metric names should not contain abbreviated units';
lintCases('PROMLINT_UNIT_ABBREVIATIONS', [
  { name: 'disk_read_kb', expect: [abbreviated] },
  { name: 'latency_ms_bucket', type: 'histogram', expect: [abbreviated] },
  { name: 'latency_MS', expect: [abbreviated] },
  { name: 'up_s_ms', expect: [abbreviated, abbreviated] },
  { name: 's_value', expect: [] },
  { name: 'items_msg', expect: [] },
]);

lintCases('PROMLINT_DUPLICATE_METRIC', [
  { name: 'up', duplicate: true, expect: ['metric not unique'] },
  { name: 'up', expect: [] },
]);

test("all validations run in promlint's order", () => {
  const problems = lintFamily({ name: 'fooBar:rate_ms_count', type: 'counter', help: undefined, labels: ['le', 'aB'], duplicate: true });
  assert.deepEqual(
    problems.map((problem) => problem.rule),
    [
      'PROMLINT_HELP',
      'PROMLINT_COUNTER',
      'PROMLINT_HISTOGRAM_SUMMARY_RESERVED',
      'PROMLINT_HISTOGRAM_SUMMARY_RESERVED',
      'PROMLINT_RESERVED_CHARS',
      'PROMLINT_CAMEL_CASE',
      'PROMLINT_CAMEL_CASE',
      'PROMLINT_UNIT_ABBREVIATIONS',
      'PROMLINT_DUPLICATE_METRIC',
    ],
  );
});

test('the rules are NAMING warnings of the metrics kind, each the same as its promlint validation', () => {
  assert.deepEqual(
    NAMING_RULES.map((rule) => `${rule.id} ${rule.sameAs} ${rule.kind} ${rule.categories.join()} ${rule.defaultSeverity}`),
    [
      'PROMLINT_HELP promlint:LintHelp metrics NAMING warning',
      'PROMLINT_METRIC_UNITS promlint:LintMetricUnits metrics NAMING warning',
      'PROMLINT_COUNTER promlint:LintCounter metrics NAMING warning',
      'PROMLINT_HISTOGRAM_SUMMARY_RESERVED promlint:LintHistogramSummaryReserved metrics NAMING warning',
      'PROMLINT_TYPE_IN_NAME promlint:LintMetricTypeInName metrics NAMING warning',
      'PROMLINT_RESERVED_CHARS promlint:LintReservedChars metrics NAMING warning',
      'PROMLINT_CAMEL_CASE promlint:LintCamelCase metrics NAMING warning',
      'PROMLINT_UNIT_ABBREVIATIONS promlint:LintUnitAbbreviations metrics NAMING warning',
      'PROMLINT_DUPLICATE_METRIC promlint:LintDuplicateMetric metrics NAMING warning',
    ],
  );
});

function definition(source: MetricDefinition['source'], name: string, line: number, extra: Partial<MetricDefinition> = {}): MetricDefinition {
  const location = { file: 'a.go', range: { start: { line, character: 0 }, end: { line, character: 1 } } };
  return { source, name, type: 'counter', help: 'Help.', labels: [], constLabels: [], location, identity: `a.go#${name}`, ...extra };
}

function namingFindings(definitions: MetricDefinition[], lintOtelNames = false): string[] {
  const pair: MetricsPair = {
    base: undefined,
    head: { definitions, calls: [], queries: [], attributes: [], files: [], unreadable: [] },
    pairs: [],
    removed: [],
    added: definitions,
    options: { otelToPrometheus: { strategy: 'UnderscoreEscapingWithSuffixes', namespace: '', units: true, counterSuffix: true }, lintOtelNames },
    unreadable: new Set(),
    headPathOf: (path) => path,
  };
  const found: MetricsFinding[] = [];
  namingFamily.check(pair, { finding: (finding) => found.push(finding) });
  return found.map(
    (finding) =>
      `${finding.location.range.start.line} ${finding.rule} ${finding.message}${finding.related ? ` @${finding.related.location.range.start.line}` : ''}`,
  );
}

test('the naming family lints Go and exposition definitions with their variable and constant labels, on their location', () => {
  const go = definition('go', 'app_requests', 3, {
    labels: [{ name: 'statusCode' }],
    constLabels: [{ name: 'le' }],
  });
  const prom = definition('exposition', 'up', 7, {
    type: 'gauge',
    duplicateSeries: { file: 'a.prom', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } } },
  });
  assert.deepEqual(namingFindings([go, prom]), [
    '3 PROMLINT_COUNTER counter metrics should have "_total" suffix',
    '3 PROMLINT_HISTOGRAM_SUMMARY_RESERVED non-histogram metrics should not have "le" label',
    "3 PROMLINT_CAMEL_CASE label names should be written in 'snake_case' not 'camelCase'",
    '7 PROMLINT_DUPLICATE_METRIC metric not unique @9',
  ]);
});

test('a Go definition whose help was not read is not reported as having none; an empty help is', () => {
  assert.deepEqual(namingFindings([definition('go', 'a_total', 1, { help: undefined }), definition('go', 'b_total', 2, { help: '' })]), [
    '2 PROMLINT_HELP no help text',
  ]);
  assert.deepEqual(namingFindings([definition('exposition', 'c_total', 3, { help: undefined })]), ['3 PROMLINT_HELP no help text']);
});

test('OpenTelemetry instruments are linted only when the workspace asks, under their Prometheus names, and semantic-convention entries never', () => {
  const otel = definition('otel-go', 'requestCount', 1);
  const semconv = definition('semconv', 'requestCount', 2);
  assert.deepEqual(namingFindings([otel, semconv]), []);
  // The exporter names the counter requestCount_total: no `_total` problem, but still camelCase.
  assert.deepEqual(namingFindings([otel, semconv], true), ["1 PROMLINT_CAMEL_CASE metric names should be written in 'snake_case' not 'camelCase'"]);
});
