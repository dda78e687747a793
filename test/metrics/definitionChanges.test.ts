// Breaking changes of one definition between base and head, through the real checker: removed (not when moved to another
// file or when the head file cannot be parsed), renamed (also across a file rename), another type or unit (error when a
// query uses the metric, else warning), labels removed (variable and constant, with the queries that use them), renamed in
// place, or added.
import { ruleCases } from '../support/ruleCases';
import { dashboard, goFile, otelFile, rules, severityCases, vec } from './ruleFixtures';

const REQS = vec('reqs', 'http_requests_total', '"method", "code"');
const ALERT = { 'alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total{method="GET"}[5m])) > 1']) };
/** A semantic-convention metric `shop.order.duration` (group on line 2) with the instrument and the unit as written. */
const conventions = (instrument: string, unit: string) =>
  `groups:\n  - id: metric.shop.order.duration\n    type: metric\n    metric_name: shop.order.duration\n    brief: Order time.\n    instrument: ${instrument}\n    unit: ${unit}\n    stability: development\n`;

ruleCases('METRIC_REMOVED', [
  {
    name: 'a deleted definition is reported where it was, with the rules that still use it (two selectors in one rule count once)',
    base: { 'metrics.go': goFile(REQS), 'alerts.yaml': rules(['alert', 'Errors', 'http_requests_total{code="500"} / http_requests_total > 0.1']) },
    head: { 'metrics.go': goFile(''), 'alerts.yaml': rules(['alert', 'Errors', 'http_requests_total{code="500"} / http_requests_total > 0.1']) },
    expect: ['8:12 Metric "http_requests_total" was removed; it was defined at metrics.go:8. It is still used by 1 rules/dashboards.'],
  },
  {
    name: 'a rule and a dashboard panel are two users',
    base: { 'metrics.go': goFile(REQS), ...ALERT, 'd.json': dashboard(['Rate', 'rate(http_requests_total[5m])']) },
    head: { 'metrics.go': goFile(''), ...ALERT, 'd.json': dashboard(['Rate', 'rate(http_requests_total[5m])']) },
    expect: ['8:12 Metric "http_requests_total" was removed; it was defined at metrics.go:8. It is still used by 2 rules/dashboards.'],
  },
  {
    name: 'an unused metric removed: no mention of users; "Restore" puts the package variable back at the end of the file',
    base: goFile(REQS),
    head: goFile(''),
    expect: ['8:12 Metric "http_requests_total" was removed; it was defined at metrics.go:8.'],
    fixTitles: ['Restore "http_requests_total" from the base'],
    fixed: `${goFile('')}\n${REQS.trimEnd()}\n`,
  },
  {
    name: 'a deleted file: reported on the base path',
    base: { 'metrics.go': goFile(REQS) },
    head: {},
    expect: ['8:12 Metric "http_requests_total" was removed; it was defined at metrics.go:8.'],
  },
  { name: 'a definition moved to another file is not removed', base: goFile(REQS), head: { 'metrics.go': goFile(''), 'other.go': goFile(REQS) }, expect: [] },
  {
    name: 'a definition moved into another package is not removed',
    base: goFile(REQS),
    head: { 'metrics.go': goFile(''), 'internal/m/m.go': goFile(REQS, 'm') },
    expect: [],
  },
  {
    name: 'a Go syntax error at head: the file is not checked, and nothing in it is reported removed',
    base: goFile(REQS),
    head: goFile(REQS.replace('Help: "Requests.",', 'Help: ("Requests.",')),
    expect: [],
    notChecked: ['metrics.go: Go syntax error at line 10; metric definitions and label calls in the damaged code are not read'],
  },
]);

ruleCases('METRIC_RENAMED', [
  {
    name: 'the Name literal changed: a rename, with both fixes',
    base: { 'metrics.go': goFile(REQS), ...ALERT },
    head: { 'metrics.go': goFile(REQS.replace('http_requests_total', 'http_reqs_total')), ...ALERT },
    expect: ['8:12 Metric "http_requests_total" was renamed to "http_reqs_total".'],
    fixTitles: ['Update 1 reference to "http_reqs_total"', 'Restore name "http_requests_total"'],
  },
  {
    name: 'no references: only the restore fix, which puts the old name back',
    base: goFile(REQS),
    head: goFile(REQS.replace('http_requests_total', 'http_reqs_total')),
    expect: ['8:12 Metric "http_requests_total" was renamed to "http_reqs_total".'],
    fixTitles: ['Restore name "http_requests_total"'],
    fixed: goFile(REQS),
  },
  {
    name: 'a renamed file whose definition was renamed too: one rename, on the head path',
    base: { 'metrics.go': goFile(REQS) },
    head: { 'm2.go': goFile(REQS.replace('http_requests_total', 'http_reqs_total')) },
    renames: { 'm2.go': 'metrics.go' },
    expect: ['m2.go:8:12 Metric "http_requests_total" was renamed to "http_reqs_total".'],
  },
  {
    name: 'a renamed file with the same definition: nothing',
    base: { 'metrics.go': goFile(REQS) },
    head: { 'm2.go': goFile(REQS) },
    renames: { 'm2.go': 'metrics.go' },
    expect: [],
  },
  {
    name: 'the old name still defined by another definition at head: not a rename',
    base: goFile(REQS),
    head: { 'metrics.go': goFile(REQS.replace('http_requests_total', 'http_reqs_total')), 'other.go': goFile(REQS.replace('reqs', 'again')) },
    expect: [],
  },
]);

ruleCases('METRIC_TYPE_CHANGED', [
  {
    name: 'a counter became a gauge',
    base: goFile(REQS),
    head: goFile(vec('reqs', 'http_requests_total', '"method", "code"', { type: 'Gauge' })),
    expect: ['8:12 Metric "http_requests_total" changed type from counter to gauge; queries using rate()/histogram_quantile() on it break.'],
  },
  {
    name: 'an OpenTelemetry counter became a histogram',
    base: { 'o.go': otelFile('Int64Counter("jobs.done")', '') },
    head: { 'o.go': otelFile('Int64Histogram("jobs.done")', '') },
    expect: ['o.go:11:14 Metric "jobs.done" changed type from counter to histogram; queries using rate()/histogram_quantile() on it break.'],
  },
  { name: 'same type: nothing', base: goFile(REQS), head: goFile(REQS.replace('Requests.', 'All requests.')), expect: [] },
  {
    name: 'a semantic-convention instrument changed: "Revert to the base value" writes the base instrument back',
    base: { 'model/m.yaml': conventions('histogram', 's') },
    head: { 'model/m.yaml': conventions('gauge', 's') },
    expect: ['model/m.yaml:2:5 Metric "shop.order.duration" changed type from histogram to gauge; queries using rate()/histogram_quantile() on it break.'],
    fixTitles: ['Revert to the base value: instrument histogram'],
    fixed: conventions('histogram', 's'),
  },
  {
    name: 'a Go type is its constructor: no text fix is offered',
    base: goFile(REQS),
    head: goFile(vec('reqs', 'http_requests_total', '"method", "code"', { type: 'Gauge' })),
    expect: ['8:12 Metric "http_requests_total" changed type from counter to gauge; queries using rate()/histogram_quantile() on it break.'],
    fixTitles: [],
  },
  {
    name: 'an instrument the base did not name (untyped): no fix',
    base: { 'model/m.yaml': conventions('histogram', 's').replace('    instrument: histogram\n', '') },
    head: { 'model/m.yaml': conventions('gauge', 's') },
    expect: ['model/m.yaml:2:5 Metric "shop.order.duration" changed type from untyped to gauge; queries using rate()/histogram_quantile() on it break.'],
    fixTitles: [],
  },
]);

const seconds = (unit: string) => vec('lat', 'latency', '"route"', { type: 'Histogram', extra: `\n\tUnit: "${unit}",` });
ruleCases('METRIC_UNIT_CHANGED', [
  {
    name: 'an unused client_golang metric changed unit: a warning',
    base: goFile(seconds('seconds')),
    head: goFile(seconds('milliseconds')),
    expect: ['8:11 Metric "latency" changed unit from "seconds" to "milliseconds"'],
  },
  {
    name: 'an OTel unit change renames the Prometheus series, which an alert uses: an error naming both',
    base: {
      'o.go': otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("s"))', ''),
      ...{ 'alerts.yaml': rules(['alert', 'Slow', 'histogram_quantile(0.9, rate(http_server_request_duration_seconds_bucket[5m])) > 1']) },
    },
    head: {
      'o.go': otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("ms"))', ''),
      ...{ 'alerts.yaml': rules(['alert', 'Slow', 'histogram_quantile(0.9, rate(http_server_request_duration_seconds_bucket[5m])) > 1']) },
    },
    expect: [
      'o.go:11:14 Metric "http.server.request.duration" changed unit from "s" to "ms" (Prometheus name http_server_request_duration_seconds → http_server_request_duration_milliseconds)',
    ],
  },
  { name: 'the same unit: nothing', base: goFile(seconds('seconds')), head: goFile(seconds('seconds').replace('Requests.', 'x')), expect: [] },
  {
    name: 'a Go Unit: literal: "Revert to the base value" writes the base unit back in its quotes',
    base: goFile(seconds('seconds')),
    head: goFile(seconds('milliseconds')),
    expect: ['8:11 Metric "latency" changed unit from "seconds" to "milliseconds"'],
    fixTitles: ['Revert to the base value: unit "seconds"'],
    fixed: goFile(seconds('seconds')),
  },
  {
    name: 'an OTel metric.WithUnit literal',
    base: { 'o.go': otelFile('Float64Histogram("jobs.duration", metric.WithUnit("s"))', '') },
    head: { 'o.go': otelFile('Float64Histogram("jobs.duration", metric.WithUnit("ms"))', '') },
    expect: ['o.go:11:14 Metric "jobs.duration" changed unit from "s" to "ms" (Prometheus name jobs_duration_seconds → jobs_duration_milliseconds)'],
    fixTitles: ['Revert to the base value: unit "s"'],
    fixed: otelFile('Float64Histogram("jobs.duration", metric.WithUnit("s"))', ''),
  },
  {
    name: 'a semantic-convention unit, plain or quoted, keeps its style; an annotation unit is quoted',
    base: { 'model/m.yaml': conventions('histogram', '"{order}"') },
    head: { 'model/m.yaml': conventions('histogram', 's') },
    expect: [
      'model/m.yaml:2:5 Metric "shop.order.duration" changed unit from "{order}" to "s" (Prometheus name shop_order_duration → shop_order_duration_seconds)',
    ],
    fixTitles: ['Revert to the base value: unit "{order}"'],
    fixed: conventions('histogram', '"{order}"'),
  },
  {
    name: 'a quoted semantic-convention unit',
    base: { 'model/m.yaml': conventions('histogram', '"s"') },
    head: { 'model/m.yaml': conventions('histogram', '"ms"') },
    expect: [
      'model/m.yaml:2:5 Metric "shop.order.duration" changed unit from "s" to "ms" (Prometheus name shop_order_duration_seconds → shop_order_duration_milliseconds)',
    ],
    fixed: conventions('histogram', '"s"'),
  },
  {
    name: 'a unit added where the base had none: reverted to the empty unit',
    base: goFile(vec('lat', 'latency', '"route"', { type: 'Histogram' })),
    head: goFile(seconds('seconds')),
    expect: ['8:11 Metric "latency" changed unit from "" to "seconds"'],
    fixTitles: ['Revert to the base value: unit ""'],
    fixed: goFile(seconds('')),
  },
  {
    name: 'a unit from a constant: no text fix',
    base: goFile(seconds('seconds')),
    head: goFile(`const ms = "milliseconds"\n\n${seconds('x').replace('"x"', 'ms')}`),
    expect: ['10:11 Metric "latency" changed unit from "seconds" to "milliseconds"'],
    fixTitles: [],
  },
]);

ruleCases('METRIC_LABEL_REMOVED', [
  {
    name: 'a variable label dropped, used by the alert twice over (matcher): reported with the count and a restore fix',
    base: { 'metrics.go': goFile(REQS), ...ALERT },
    head: { 'metrics.go': goFile(vec('reqs', 'http_requests_total', '"code"')), ...ALERT },
    expect: ['8:12 Label "method" was removed from metric "http_requests_total". It is used by 1 queries.'],
    fixTitles: ['Restore label "method"'],
    fixed: goFile(vec('reqs', 'http_requests_total', '"method", "code"')),
  },
  {
    name: 'the last label dropped: restored after the one before it',
    base: goFile(REQS),
    head: goFile(vec('reqs', 'http_requests_total', '"method"')),
    expect: ['8:12 Label "code" was removed from metric "http_requests_total".'],
    fixed: goFile(REQS),
  },
  {
    name: 'a constant label dropped, used by a dashboard',
    base: {
      'metrics.go': goFile(vec('reqs', 'http_requests_total', '"code"', { extra: '\n\tConstLabels: prometheus.Labels{"service": "api"},' })),
      'd.json': dashboard(['By service', 'sum by (service) (rate(http_requests_total[5m]))']),
    },
    head: {
      'metrics.go': goFile(vec('reqs', 'http_requests_total', '"code"')),
      'd.json': dashboard(['By service', 'sum by (service) (rate(http_requests_total[5m]))']),
    },
    expect: ['8:12 Label "service" was removed from metric "http_requests_total". It is used by 1 queries.'],
  },
  {
    name: 'a variable label made constant is still on every series: not removed (nor added)',
    base: goFile(vec('reqs', 'http_requests_total', '"service", "code"')),
    head: goFile(vec('reqs', 'http_requests_total', '"code"', { extra: '\n\tConstLabels: prometheus.Labels{"service": "api"},' })),
    expect: [],
  },
  {
    name: 'a constant label made variable: not removed',
    base: goFile(vec('reqs', 'http_requests_total', '"code"', { extra: '\n\tConstLabels: prometheus.Labels{"service": "api"},' })),
    head: goFile(vec('reqs', 'http_requests_total', '"service", "code"')),
    expect: [],
  },
  {
    name: 'two labels out and one in: removals, not a rename',
    base: goFile(vec('reqs', 'http_requests_total', '"a", "b", "c"')),
    head: goFile(vec('reqs', 'http_requests_total', '"d"')),
    expect: ['8:12 Label "a" was removed from metric "http_requests_total".', '8:12 Label "b" was removed from metric "http_requests_total".'].concat(
      '8:12 Label "c" was removed from metric "http_requests_total".',
    ),
  },
  {
    name: 'a label list read from a parameter at head says nothing',
    base: goFile(REQS),
    head: goFile(REQS.replace('[]string{"method", "code"}', 'labels')),
    expect: [],
  },
]);

ruleCases('METRIC_LABEL_RENAMED', [
  {
    name: 'one label replaced at the same position: a rename, with the query rename and the restore',
    base: { 'metrics.go': goFile(REQS), ...ALERT },
    head: { 'metrics.go': goFile(vec('reqs', 'http_requests_total', '"method", "status"')), ...ALERT },
    expect: ['8:12 Label "code" of metric "http_requests_total" was renamed to "status".'],
    fixTitles: ['Rename label "code" to "status" in all 1 places', 'Restore "code"'],
  },
  {
    name: 'a With key of the renamed label is among the places',
    base: goFile(REQS + 'func f() { reqs.With(prometheus.Labels{"method": "GET", "code": "200"}).Inc() }\n'),
    head: goFile(
      vec('reqs', 'http_requests_total', '"method", "status"') + 'func f() { reqs.With(prometheus.Labels{"method": "GET", "code": "200"}).Inc() }\n',
    ),
    expect: ['8:12 Label "code" of metric "http_requests_total" was renamed to "status".'],
    // Renaming the key (fixes.test.ts applies it) leaves the rename itself reported: the definition still changed.
    fixTitles: ['Rename label "code" to "status" in all 1 places', 'Restore "code"'],
  },
  {
    name: 'a label replaced at another position: removed and added',
    base: goFile(REQS),
    head: goFile(vec('reqs', 'http_requests_total', '"status", "method"')),
    expect: [],
  },
]);

ruleCases('METRIC_LABEL_ADDED', [
  {
    name: 'a new label on an existing metric: a warning per label',
    base: goFile(REQS),
    head: goFile(vec('reqs', 'http_requests_total', '"method", "code", "path", "tenant"')),
    expect: [
      '8:12 Label "path" was added to metric "http_requests_total"; existing series change identity and 1:1 vector matches on it may fail.',
      '8:12 Label "tenant" was added to metric "http_requests_total"; existing series change identity and 1:1 vector matches on it may fail.',
    ],
  },
  { name: 'a new metric is not a label addition', base: goFile(''), head: goFile(REQS), expect: [] },
]);

severityCases('METRIC_UNIT_CHANGED', [
  { name: 'unused: a warning', base: goFile(seconds('seconds')), head: goFile(seconds('milliseconds')), severities: ['warning 8:11'] },
  {
    name: 'used by a rule: an error',
    base: { 'metrics.go': goFile(seconds('seconds')), 'alerts.yaml': rules(['alert', 'Slow', 'rate(latency_count[5m]) > 1']) },
    head: { 'metrics.go': goFile(seconds('milliseconds')), 'alerts.yaml': rules(['alert', 'Slow', 'rate(latency_count[5m]) > 1']) },
    severities: ['error 8:11'],
  },
]);

severityCases('METRIC_LABEL_ADDED', [
  {
    name: 'a Go label added: a warning',
    base: goFile(REQS),
    head: goFile(vec('reqs', 'http_requests_total', '"method", "code", "path"')),
    severities: ['warning 8:12'],
  },
]);

severityCases('METRIC_REMOVED', [{ name: 'an error', base: goFile(REQS), head: goFile(''), severities: ['error 8:12'] }]);
