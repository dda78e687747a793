// The metrics kind's `.graycheck.yaml` options: `files` narrows (or widens) what is read, `otelToPrometheus` decides the
// series names that rules and dashboards are matched against, and wrong values are reported on the file, never a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGraycheckConfig } from '../../server/src/engine/config';
import { metricsChecker } from '../../server/src/metrics/checker';
import { ruleCases } from '../support/ruleCases';
import { goFile, otelFile, rules, vec } from './ruleFixtures';

const REQS = vec('reqs', 'http_requests_total', '"method", "code"');
const OTEL_BASE = otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("s"))', '');
const OTEL_HEAD = otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("ms"))', '');

ruleCases('LABEL_REFERENCED_MISSING', [
  {
    name: 'metrics.files leaves a rule file outside its globs unread',
    base: { 'metrics.go': goFile(REQS), 'deploy/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']) },
    head: {
      'metrics.go': goFile(REQS.replace('"code"', '"status"')),
      'deploy/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']),
    },
    options: { files: ['**/*.go'] },
    expect: [],
  },
  {
    name: 'metrics.files that take the rule file in: the same change is reported there',
    base: { 'metrics.go': goFile(REQS), 'deploy/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']) },
    head: {
      'metrics.go': goFile(REQS.replace('"code"', '"status"')),
      'deploy/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']),
    },
    options: { files: ['**/*.go', 'deploy/*.yaml'] },
    expect: ['deploy/alerts.yaml:5:23 alert "Errors" uses label "code" of "http_requests_total", which no longer has it.'],
  },
  {
    name: 'a vendored tree is not read, even under a glob that matches everything',
    base: { 'metrics.go': goFile(REQS), 'third_party/ops/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']) },
    head: {
      'metrics.go': goFile(REQS.replace('"code"', '"status"')),
      'third_party/ops/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']),
    },
    options: { files: ['**/*'] },
    expect: [],
  },
  {
    name: 'a glob that names the vendored tree itself takes it in (a vendored registry or rule file)',
    base: { 'metrics.go': goFile(REQS), 'third_party/ops/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']) },
    head: {
      'metrics.go': goFile(REQS.replace('"code"', '"status"')),
      'third_party/ops/alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total[5m])) > 1']),
    },
    options: { files: ['**/*.go', 'third_party/ops/*.yaml'] },
    expect: ['third_party/ops/alerts.yaml:5:23 alert "Errors" uses label "code" of "http_requests_total", which no longer has it.'],
  },
]);

ruleCases('METRIC_REFERENCED_MISSING', [
  {
    name: 'otelToPrometheus.namespace: rules query the instrument under the namespaced name',
    base: { 'o.go': OTEL_BASE, 'alerts.yaml': rules(['alert', 'Slow', 'rate(shop_http_server_request_duration_seconds_count[5m]) > 1']) },
    head: { 'o.go': OTEL_HEAD, 'alerts.yaml': rules(['alert', 'Slow', 'rate(shop_http_server_request_duration_seconds_count[5m]) > 1']) },
    options: { otelToPrometheus: { strategy: 'UnderscoreEscapingWithSuffixes', namespace: 'shop', units: true, counterSuffix: true } },
    expect: [
      'alerts.yaml:5:20 "shop_http_server_request_duration_seconds_count" is used by alert "Slow" but no metric of that name is defined any more (was o.go:11).',
    ],
  },
  {
    name: 'otelToPrometheus.units false (WithoutUnits): a unit change renames nothing',
    base: { 'o.go': OTEL_BASE, 'alerts.yaml': rules(['alert', 'Slow', 'rate(http_server_request_duration_count[5m]) > 1']) },
    head: { 'o.go': OTEL_HEAD, 'alerts.yaml': rules(['alert', 'Slow', 'rate(http_server_request_duration_count[5m]) > 1']) },
    options: { otelToPrometheus: { strategy: 'UnderscoreEscapingWithSuffixes', namespace: '', units: false, counterSuffix: true } },
    expect: [],
  },
  {
    name: 'otelToPrometheus.units false: the query names the instrument without a unit, so removing the instrument is reported there',
    base: { 'o.go': OTEL_BASE, 'alerts.yaml': rules(['alert', 'Slow', 'rate(http_server_request_duration_count[5m]) > 1']) },
    head: {
      'o.go': otelFile('Float64Histogram("http.server.duration", metric.WithUnit("s"))', ''),
      'alerts.yaml': rules(['alert', 'Slow', 'rate(http_server_request_duration_count[5m]) > 1']),
    },
    options: { otelToPrometheus: { strategy: 'UnderscoreEscapingWithSuffixes', namespace: '', units: false, counterSuffix: true } },
    expect: ['alerts.yaml:5:20 "http_server_request_duration_count" is used by alert "Slow" but no metric of that name is defined any more (was o.go:11).'],
  },
]);

function problemsOf(yaml: string): string[] {
  return parseGraycheckConfig(yaml, [metricsChecker]).problems.map((problem) => problem.message);
}

test('metrics options read from .graycheck.yaml, with the exporter defaults filled in; wrong values are said', () => {
  const { config, problems } = parseGraycheckConfig('metrics:\n  files: ["svc/**"]\n  otelToPrometheus: { namespace: shop }\n  lintOtelNames: true\n', [
    metricsChecker,
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.kinds.metrics.options, {
    files: ['svc/**'],
    otelToPrometheus: { strategy: 'UnderscoreEscapingWithSuffixes', namespace: 'shop', units: true, counterSuffix: true },
    lintOtelNames: true,
  });
  const [strategy] = problemsOf('metrics:\n  otelToPrometheus: { strategy: Dots }\n');
  assert.match(strategy, /"metrics\.otelToPrometheus" must be a map whose strategy is one of UnderscoreEscapingWithSuffixes, /);
  const [unknown] = problemsOf('metrics:\n  otelToPrometheus: { units: true, suffix: false }\n');
  assert.match(unknown, /must be a map with only strategy, namespace, units and counterSuffix \(not suffix\)/);
  const [lint] = problemsOf('metrics:\n  lintOtelNames: yes please\n');
  assert.match(lint, /"metrics\.lintOtelNames" must be true or false/);
});
