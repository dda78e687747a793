// Rule files and dashboards against the definitions, through the real checker: a selector of a metric the workspace
// defined at the base and no longer defines (histogram and counter series suffixes, OpenTelemetry instruments under their
// Prometheus names), and a label the metric no longer has. Exporters' metrics and labels Prometheus adds are never judged.
import { ruleCases } from '../support/ruleCases';
import { dashboard, goFile, otelFile, rules, vec } from './ruleFixtures';

const REQS = vec('reqs', 'http_requests_total', '"method", "code"');
const LAT = vec('lat', 'lat_seconds', '"route"', { type: 'Histogram', help: 'Latency.' });
const BLOCK_RULES = `groups:
  - name: g
    rules:
      - record: route:lat:p99
        expr: |
          histogram_quantile(0.99, sum by (le, route) (rate(lat_seconds_bucket{job="api"}[5m])))
      - alert: Slow
        expr: >-
          lat_seconds_sum{instance="x"} / lat_seconds_count > 1
`;
const PANEL = dashboard(['Latency', 'sum by (route) (rate(lat_seconds_count{route="/"}[5m]))']);
const WRAPPED = (name: string) =>
  `func register(reg prometheus.Registerer) {\n\treg = prometheus.WrapRegistererWithPrefix("app_", reg)\n\tpromauto.With(reg).NewCounter(prometheus.CounterOpts{Name: "${name}", Help: "Queries."})\n}\n`;
const both = (metrics: string, files: Record<string, string>) => ({ 'metrics.go': goFile(metrics), ...files });

ruleCases('METRIC_REFERENCED_MISSING', [
  {
    name: 'a metric made on a registerer wrapped with a prefix in the same function is queried under its exposed name',
    base: both(WRAPPED('queries_total'), { 'alerts.yaml': rules(['alert', 'Busy', 'rate(app_queries_total[5m]) > 1']) }),
    head: both(WRAPPED('statements_total'), { 'alerts.yaml': rules(['alert', 'Busy', 'rate(app_queries_total[5m]) > 1']) }),
    expect: ['alerts.yaml:5:20 "app_queries_total" is used by alert "Busy" but no metric of that name is defined any more (was metrics.go:10).'],
    fixTitles: ['Rename "app_queries_total" to "app_statements_total"'],
  },
  {
    name: 'a removed histogram: each _bucket/_sum/_count selector of block-scalar rules and of a panel',
    base: both(LAT, { 'rules.yaml': BLOCK_RULES, 'd.json': PANEL }),
    head: both('', { 'rules.yaml': BLOCK_RULES, 'd.json': PANEL }),
    expect: [
      'd.json:4:65 "lat_seconds_count" is used by panel "Latency" but no metric of that name is defined any more (was metrics.go:8).',
      'rules.yaml:6:61 "lat_seconds_bucket" is used by record "route:lat:p99" but no metric of that name is defined any more (was metrics.go:8).',
      'rules.yaml:9:11 "lat_seconds_sum" is used by alert "Slow" but no metric of that name is defined any more (was metrics.go:8).',
      'rules.yaml:9:43 "lat_seconds_count" is used by alert "Slow" but no metric of that name is defined any more (was metrics.go:8).',
    ],
    fixTitles: [],
  },
  {
    name: 'a renamed histogram: the suffix is kept in the rename fix',
    base: both(LAT, { 'rules.yaml': BLOCK_RULES }),
    head: both(LAT.replace('lat_seconds', 'latency_seconds'), { 'rules.yaml': BLOCK_RULES }),
    expect: [
      'rules.yaml:6:61 "lat_seconds_bucket" is used by record "route:lat:p99" but no metric of that name is defined any more (was metrics.go:8).',
      'rules.yaml:9:11 "lat_seconds_sum" is used by alert "Slow" but no metric of that name is defined any more (was metrics.go:8).',
      'rules.yaml:9:43 "lat_seconds_count" is used by alert "Slow" but no metric of that name is defined any more (was metrics.go:8).',
    ],
    fixTitles: ['Rename "lat_seconds_bucket" to "latency_seconds_bucket"'],
  },
  {
    name: 'a counter renamed, referenced in a plain-scalar alert',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total{code="500"}[5m]) > 1']) }),
    head: both(REQS.replace('http_requests_total', 'requests_total'), {
      'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total{code="500"}[5m]) > 1']),
    }),
    expect: ['alerts.yaml:5:20 "http_requests_total" is used by alert "Errors" but no metric of that name is defined any more (was metrics.go:8).'],
    fixTitles: ['Rename "http_requests_total" to "requests_total"'],
  },
  {
    name: 'an OTel histogram under its Prometheus name: a unit change renames the series (s → _seconds, ms → _milliseconds)',
    base: {
      'o.go': otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("s"))', ''),
      'alerts.yaml': rules(['alert', 'Slow', 'histogram_quantile(0.9, rate(http_server_request_duration_seconds_bucket[5m])) > 1']),
    },
    head: {
      'o.go': otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("ms"))', ''),
      'alerts.yaml': rules(['alert', 'Slow', 'histogram_quantile(0.9, rate(http_server_request_duration_seconds_bucket[5m])) > 1']),
    },
    expect: [
      'alerts.yaml:5:44 "http_server_request_duration_seconds_bucket" is used by alert "Slow" but no metric of that name is defined any more (was o.go:11).',
    ],
    fixTitles: ['Rename "http_server_request_duration_seconds_bucket" to "http_server_request_duration_milliseconds_bucket"'],
  },
  {
    name: 'the OTel instrument unchanged: its Prometheus series names are found',
    base: {
      'o.go': otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("s"))', ''),
      'alerts.yaml': rules(['alert', 'Slow', 'rate(http_server_request_duration_seconds_count[5m]) > 1']),
    },
    head: {
      'o.go': otelFile('Float64Histogram("http.server.request.duration", metric.WithUnit("s"), metric.WithDescription("d"))', ''),
      'alerts.yaml': rules(['alert', 'Slow', 'rate(http_server_request_duration_seconds_count[5m]) > 1']),
    },
    expect: [],
  },
  {
    name: 'a counter selected as _total of an OpenMetrics-style name, or under _created, still resolves',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Fresh', 'http_requests_created > 0']) }),
    head: both(REQS.replace('Requests.', 'All requests.'), { 'alerts.yaml': rules(['alert', 'Fresh', 'http_requests_created > 0']) }),
    expect: [],
  },
  {
    name: 'a metric the workspace never defined (an exporter’s) is not reported',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Down', 'up{job="x"} == 0 and node_cpu_seconds_total{mode="idle"} > 0']) }),
    head: both('', { 'alerts.yaml': rules(['alert', 'Down', 'up{job="x"} == 0 and node_cpu_seconds_total{mode="idle"} > 0']) }),
    expect: [],
  },
  {
    name: 'the definition moved to another file: nothing',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total[5m]) > 1']) }),
    head: { 'metrics.go': goFile(''), 'moved.go': goFile(REQS), 'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total[5m]) > 1']) },
    expect: [],
  },
  {
    name: 'the defining file does not parse at head: its metrics are not known to be gone',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total[5m]) > 1']) }),
    head: both(REQS.replace('Help: "Requests.",', 'Help: ("Requests.",'), { 'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total[5m]) > 1']) }),
    expect: [],
    notChecked: ['metrics.go: Go syntax error at line 10; metric definitions and label calls in the damaged code are not read'],
  },
]);

ruleCases('LABEL_REFERENCED_MISSING', [
  {
    name: 'a renamed label: each use in rules and panels, with the change fix (le and job never judged)',
    base: both(LAT, { 'rules.yaml': BLOCK_RULES, 'd.json': PANEL }),
    head: both(LAT.replace('"route"', '"path"'), { 'rules.yaml': BLOCK_RULES, 'd.json': PANEL }),
    expect: [
      'd.json:4:52 panel "Latency" uses label "route" of "lat_seconds_count", which no longer has it.',
      'd.json:4:83 panel "Latency" uses label "route" of "lat_seconds_count", which no longer has it.',
      'rules.yaml:6:48 record "route:lat:p99" uses label "route" of "lat_seconds_bucket", which no longer has it.',
    ],
    fixTitles: ['Change "route" to "path"'],
  },
  {
    name: 'a removed label used as a matcher and in by(): reported without a fix',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total{method="GET"}[5m])) > 1']) }),
    head: both(vec('reqs', 'http_requests_total', '"code"'), {
      'alerts.yaml': rules(['alert', 'Errors', 'sum by (code) (rate(http_requests_total{method="GET"}[5m])) > 1']),
    }),
    expect: ['alerts.yaml:5:55 alert "Errors" uses label "method" of "http_requests_total", which no longer has it.'],
    fixTitles: [],
  },
  {
    name: 'labels like job and instance were never on the metric: not reported',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Errors', 'sum by (job, instance) (rate(http_requests_total{env="prod"}[5m])) > 1']) }),
    head: both(vec('reqs', 'http_requests_total', '"code"'), {
      'alerts.yaml': rules(['alert', 'Errors', 'sum by (job, instance) (rate(http_requests_total{env="prod"}[5m])) > 1']),
    }),
    expect: [],
  },
  {
    name: 'a constant label dropped and queried',
    base: both(vec('reqs', 'http_requests_total', '"code"', { extra: '\n\tConstLabels: prometheus.Labels{"service": "api"},' }), {
      'd.json': dashboard(['By service', 'sum by (service) (rate(http_requests_total[5m]))']),
    }),
    head: both(vec('reqs', 'http_requests_total', '"code"'), { 'd.json': dashboard(['By service', 'sum by (service) (rate(http_requests_total[5m]))']) }),
    expect: ['d.json:4:55 panel "By service" uses label "service" of "http_requests_total", which no longer has it.'],
  },
  {
    name: 'the head label list is not readable: nothing is known to be gone',
    base: both(REQS, { 'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total{method="GET"}[5m]) > 1']) }),
    head: both(REQS.replace('[]string{"method", "code"}', 'labelNames'), {
      'alerts.yaml': rules(['alert', 'Errors', 'rate(http_requests_total{method="GET"}[5m]) > 1']),
    }),
    expect: [],
  },
]);
