// The head's definitions among themselves, through the real checker: label and metric names registration refuses (under
// the validation scheme go.mod's client_golang decides), one name with two label sets, help texts or types where both can
// be in one binary, near-duplicate label names with their rename, and OpenTelemetry recordings against each other and
// against the semantic conventions.
import { ruleCases } from '../support/ruleCases';
import { goFile, goMod, HTTP_REGISTRY, httpMetric, line, otelFile, severityCases, vec } from './ruleFixtures';

const legacy = { 'go.mod': goMod('v1.23.0') };
const utf8 = { 'go.mod': goMod('v1.24.1') };

ruleCases('LABEL_RESERVED_NAME', [
  {
    name: 'le on a histogram, __ prefixes and invalid names under the legacy scheme',
    base: goFile(''),
    head: goFile(vec('lat', 'lat_seconds', '"le", "__x", "ok-label"', { type: 'Histogram' })),
    files: legacy,
    expect: [
      '8:11 Label "__x" of metric "lat_seconds" starts with "__", which is reserved; registration fails.',
      '8:11 Label "le" is not allowed on histogram "lat_seconds"; the constructor panics.',
      '8:11 Label "ok-label" of metric "lat_seconds" is not a valid label name; registration fails.',
    ],
  },
  {
    name: 'under UTF-8 validation (client_golang 1.24) a dash is allowed; quantile on a summary is not, nor a constant __ label',
    base: goFile(''),
    head: goFile(
      vec('s', 'rpc_seconds', '"quantile", "ok-label"', { type: 'Summary' }) +
        vec('g', 'temp', '"zone"', { type: 'Gauge', extra: '\n\tConstLabels: prometheus.Labels{"__meta": "x"},' }),
    ),
    files: utf8,
    expect: [
      '8:9 Label "quantile" is not allowed on summary "rpc_seconds"; the constructor panics.',
      '12:9 Label "__meta" of metric "temp" starts with "__", which is reserved; registration fails.',
    ],
  },
  {
    name: 'an unregistered vector (promauto.With(nil)) fails no registration, but le still panics in the constructor',
    base: goFile(''),
    head: goFile(vec('lat', 'lat_seconds', '"le", "__x"', { type: 'Histogram', registry: 'promauto.With(nil)' })),
    files: legacy,
    expect: ['8:11 Label "le" is not allowed on histogram "lat_seconds"; the constructor panics.'],
  },
  { name: 'le on a counter is fine', base: goFile(''), head: goFile(vec('c', 'c_total', '"le"')), expect: [] },
]);

ruleCases('METRIC_NAME_INVALID', [
  {
    name: 'a dotted name under client_golang 1.23 (legacy scheme) fails registration',
    base: goFile(''),
    head: goFile(line('b', 'http.requests_total', '"code"')),
    files: legacy,
    expect: ['8:9 Metric name "http.requests_total" is not valid; registration fails with the error "http.requests_total" is not a valid metric name.'],
  },
  {
    name: 'the same name under client_golang 1.24 (UTF-8) is valid',
    base: goFile(''),
    head: goFile(line('b', 'http.requests_total', '"code"')),
    files: utf8,
    expect: [],
  },
  {
    name: 'With(nil) registers nothing: not reported',
    base: goFile(''),
    head: goFile(line('b', 'http.requests_total', '"code"', { registry: 'promauto.With(nil)' })),
    files: legacy,
    expect: [],
  },
  {
    name: 'an empty name fails under any scheme',
    base: goFile(''),
    head: goFile(line('b', '', '"code"')),
    files: utf8,
    expect: ['8:9 Metric name "" is not valid; registration fails with the error "" is not a valid metric name.'],
  },
]);

ruleCases('METRIC_LABELS_INCONSISTENT', [
  {
    name: 'two promauto definitions on the default registry: an error on the second',
    base: goFile(''),
    head: goFile(line('a', 'jobs_total', '"queue"') + line('b', 'jobs_total', '"queue", "state"')),
    expect: [
      '9:9 Metric "jobs_total" is defined with labels [queue, state] here and [queue] at metrics.go:8; registering both fails with "…has different label names or a different help string".',
    ],
  },
  {
    name: 'one on a registry variable and one not registered provably: a warning',
    base: goFile(''),
    head: goFile(
      `var reg = prometheus.NewRegistry()\n${line('a', 'jobs_total', '"queue"', { registry: 'promauto.With(reg)' })}${line('b', 'jobs_total', '"queue", "state"', { registry: 'prometheus' })}`,
    ),
    expect: [
      '10:9 Metric "jobs_total" is defined with labels [queue, state] here and [queue] at metrics.go:9; registering both fails with "…has different label names or a different help string".',
    ],
  },
  {
    name: 'label order is ignored',
    base: goFile(''),
    head: goFile(line('a', 'jobs_total', '"queue", "state"') + line('b', 'jobs_total', '"state", "queue"')),
    expect: [],
  },
  {
    name: 'disjoint GOOS files (_linux, _windows) are never in one binary',
    base: {},
    head: { 'a_linux.go': goFile(line('a', 'jobs_total', '"queue"')), 'a_windows.go': goFile(line('a', 'jobs_total', '"queue", "state"')) },
    expect: [],
  },
  {
    name: 'a _linux file and a file for every OS can be',
    base: {},
    head: { 'a_linux.go': goFile(line('a', 'jobs_total', '"queue"')), 'b.go': goFile(line('b', 'jobs_total', '"queue", "state"')) },
    expect: [
      'b.go:8:9 Metric "jobs_total" is defined with labels [queue, state] here and [queue] at a_linux.go:8; registering both fails with "…has different label names or a different help string".',
    ],
  },
  {
    name: 'two package mains are two programs',
    base: {},
    head: { 'cmd/a/main.go': goFile(line('a', 'jobs_total', '"queue"'), 'main'), 'cmd/b/main.go': goFile(line('b', 'jobs_total', '"queue", "state"'), 'main') },
    expect: [],
  },
]);

ruleCases('METRIC_HELP_INCONSISTENT', [
  {
    name: 'same name and labels, another help: a warning on the second',
    base: goFile(''),
    head: goFile(line('a', 'runs_total', '"queue"', { help: 'Runs.' }) + line('b', 'runs_total', '"queue"', { help: 'All runs.' })),
    expect: ['9:9 Metric "runs_total" has help "All runs." here but "Runs." at metrics.go:8; the registry treats this as a conflict.'],
    fixTitles: ['Use the other help text'],
  },
  { name: 'the same help: nothing', base: goFile(''), head: goFile(line('a', 'runs_total', '"queue"') + line('b', 'runs_total', '"queue"')), expect: [] },
  {
    name: 'same name, labels and help, another unit (client_golang 1.24 compares units too): a warning naming both units',
    base: goFile(''),
    head: goFile(
      vec('a', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: "seconds",' }) +
        vec('b', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: "milliseconds",' }),
    ),
    expect: ['13:9 Metric "wait_seconds" has unit "milliseconds" here but "seconds" at metrics.go:8; the registry treats this as a conflict.'],
    fixTitles: ['Use the other unit "seconds"'],
  },
  {
    name: 'a Unit against none at all (the empty unit)',
    base: goFile(''),
    head: goFile(
      vec('a', 'wait_seconds', '"queue"', { type: 'Histogram' }) + vec('b', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: "seconds",' }),
    ),
    expect: ['12:9 Metric "wait_seconds" has unit "seconds" here but "" at metrics.go:8; the registry treats this as a conflict.'],
  },
  {
    name: 'the same unit, or a unit that is not a constant: nothing',
    base: goFile(''),
    head: goFile(
      vec('a', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: "seconds",' }) +
        vec('b', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: "seconds",' }) +
        vec('c', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: unitOf(),' }),
    ),
    expect: [],
  },
  {
    name: 'another help and another unit: one finding, about the help',
    base: goFile(''),
    head: goFile(
      vec('a', 'wait_seconds', '"queue"', { type: 'Histogram', extra: '\n\tUnit: "seconds",' }) +
        vec('b', 'wait_seconds', '"queue"', { type: 'Histogram', help: 'Waits.', extra: '\n\tUnit: "milliseconds",' }),
    ),
    expect: ['13:9 Metric "wait_seconds" has help "Waits." here but "Requests." at metrics.go:8; the registry treats this as a conflict.'],
  },
]);

ruleCases('METRIC_TYPE_INCONSISTENT', [
  {
    name: 'a counter and a gauge of one name',
    base: goFile(''),
    head: goFile(line('a', 'runs', '"queue"') + line('b', 'runs', '"queue"', { type: 'Gauge' })),
    expect: ['9:9 Metric "runs" is a gauge here and a counter at metrics.go:8.'],
  },
  {
    name: 'in two package mains: nothing',
    base: {},
    head: { 'cmd/a/main.go': goFile(line('a', 'runs', '"queue"'), 'main'), 'cmd/b/main.go': goFile(line('b', 'runs', '"queue"', { type: 'Gauge' }), 'main') },
    expect: [],
  },
]);

ruleCases('LABEL_NEAR_DUPLICATE', [
  {
    name: 'statusCode against status_code (used by two metrics): a spelling warning on the rarer one, with the rename everywhere',
    base: goFile(''),
    head: goFile(line('a', 'a_total', '"status_code"') + line('b', 'b_total', '"status_code"') + line('c', 'c_total', '"statusCode"')),
    expect: ['10:9 Label "statusCode" looks like "status_code" (used by 2 metrics); pick one.'],
    fixTitles: ['Rename label "statusCode" to "status_code" in all 1 places'],
    fixed: goFile(line('a', 'a_total', '"status_code"') + line('b', 'b_total', '"status_code"') + line('c', 'c_total', '"status_code"')),
  },
  {
    name: 'a typo in a long name: a warning',
    base: goFile(''),
    head: goFile(line('a', 'a_total', '"endpoint_name"') + line('b', 'b_total', '"endpoint_name"') + line('c', 'c_total', '"endpont_name"')),
    expect: ['10:9 Label "endpont_name" looks like "endpoint_name" (used by 2 metrics); pick one.'],
  },
  {
    name: 'synonyms (verb, method): info',
    base: goFile(''),
    head: goFile(line('a', 'a_total', '"method"') + line('b', 'b_total', '"method"') + line('c', 'c_total', '"verb"')),
    expect: ['10:9 Label "verb" looks like "method" (used by 2 metrics); pick one.'],
  },
  {
    name: 'short unrelated names (vendor, sensor) are not near',
    base: goFile(''),
    head: goFile(line('a', 'a_total', '"vendor"') + line('b', 'b_total', '"sensor"')),
    expect: [],
  },
]);

const DUR = 'Float64Histogram("http.server.request.duration", metric.WithUnit("s"))';
const route = 'attribute.String("http.route", "/")';
const method = 'attribute.String("http.request.method", "GET")';
const record = (...attributes: string[]) => `\tdur.Record(ctx, 1, metric.WithAttributes(${attributes.join(', ')}))\n`;

ruleCases('LABEL_SET_INCONSISTENT', [
  {
    name: 'one instrument recorded with two attribute sets: a warning on the later call',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR, record(route, method) + record(route)) },
    expect: [
      'o.go:15:2 "http.server.request.duration" is recorded with {http.route} here and {http.request.method, http.route} at o.go:14; series with missing attributes are aggregated separately.',
    ],
  },
  {
    name: 'the same set in another order: nothing',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR, record(route, method) + record(method, route)) },
    expect: [],
  },
  {
    name: 'a key that is not a literal: not judged',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR, `\tkey := "x"\n${record(route, method)}${record('attribute.String(key, "v")')}`) },
    expect: [],
  },
]);

ruleCases('LABEL_REQUIRED_MISSING', [
  {
    name: 'a stable convention’s required attribute not recorded: an error',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR, record(route) + record(route, method)) },
    files: { 'model/registry.yaml': HTTP_REGISTRY, 'model/http.yaml': httpMetric('stable') },
    expect: ['o.go:14:2 Metric "http.server.request.duration" requires attribute "http.request.method" (semantic conventions), not recorded here.'],
  },
  {
    name: 'a development convention: a warning',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR, record(route)) },
    files: { 'model/registry.yaml': HTTP_REGISTRY, 'model/http.yaml': httpMetric('development') },
    expect: ['o.go:14:2 Metric "http.server.request.duration" requires attribute "http.request.method" (semantic conventions), not recorded here.'],
  },
  {
    name: 'no conventions for the instrument: nothing',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR.replace('http.server', 'my.server'), record(route)) },
    files: { 'model/registry.yaml': HTTP_REGISTRY, 'model/http.yaml': httpMetric('stable') },
    expect: [],
  },
]);

const CONVENTIONS = (stability: string) => ({ 'model/registry.yaml': HTTP_REGISTRY, 'model/http.yaml': httpMetric(stability) });
const durationVec = (labels: string, extra = '') =>
  goFile(vec('dur', 'http_server_request_duration_seconds', labels, { type: 'Histogram', help: 'Duration.', ...(extra ? { extra } : {}) }));

ruleCases('LABEL_REQUIRED_MISSING', [
  {
    name: 'a client_golang vector exposed under the convention’s Prometheus name without the required attribute’s label',
    base: goFile(''),
    head: durationVec('"http_route"'),
    files: CONVENTIONS('development'),
    expect: [
      '8:11 Metric "http_server_request_duration_seconds" requires attribute "http.request.method" (semantic conventions, label "http_request_method"), not among its labels.',
    ],
  },
  {
    name: 'the label present, as a variable or a constant label: nothing',
    base: goFile(''),
    head: {
      'metrics.go': durationVec('"http_request_method", "http_route"'),
      'other.go': goFile(
        vec('dur2', 'http_server_request_duration_seconds', '"http_route"', {
          type: 'Histogram',
          help: 'Duration.',
          extra: '\n\tConstLabels: prometheus.Labels{"http_request_method": "GET"},',
        }),
        'y',
      ),
    },
    files: CONVENTIONS('stable'),
    expect: [],
  },
  {
    name: 'the attribute’s own dotted name is not its Prometheus label name',
    base: goFile(''),
    head: durationVec('"http.request.method"'),
    files: { ...CONVENTIONS('development'), 'go.mod': goMod('v1.24.1') },
    expect: [
      '8:11 Metric "http_server_request_duration_seconds" requires attribute "http.request.method" (semantic conventions, label "http_request_method"), not among its labels.',
    ],
  },
  {
    name: 'another name (the OTel name untranslated, or without the unit suffix the exporter adds): not the convention’s metric',
    base: goFile(''),
    head: goFile(
      vec('a', 'http.server.request.duration', '"http_route"', { type: 'Histogram', help: 'Duration.' }) +
        vec('b', 'http_server_request_duration', '"http_route"', { type: 'Histogram', help: 'Duration.' }),
    ),
    files: CONVENTIONS('development'),
    expect: [],
  },
  {
    name: 'with the exporter configured without unit suffixes, the name without _seconds is the convention’s',
    base: goFile(''),
    head: goFile(vec('b', 'http_server_request_duration', '"http_route"', { type: 'Histogram', help: 'Duration.' })),
    files: CONVENTIONS('development'),
    options: { otelToPrometheus: { strategy: 'UnderscoreEscapingWithSuffixes', namespace: '', units: false, counterSuffix: true } },
    expect: [
      '8:9 Metric "http_server_request_duration" requires attribute "http.request.method" (semantic conventions, label "http_request_method"), not among its labels.',
    ],
  },
  {
    name: 'a label list that cannot be read (a parameter) is not judged',
    base: goFile(''),
    head: goFile(
      'func f(labels []string) {\n\t_ = promauto.NewHistogramVec(prometheus.HistogramOpts{Name: "http_server_request_duration_seconds", Help: "D."}, labels)\n}\n',
    ),
    files: CONVENTIONS('stable'),
    expect: [],
  },
]);

severityCases('LABEL_REQUIRED_MISSING', [
  {
    name: 'a client_golang vector of a stable convention with literal label names: an error',
    base: goFile(''),
    head: durationVec('"http_route"'),
    files: CONVENTIONS('stable'),
    severities: ['error 8:11'],
  },
  {
    name: 'a label name from a constant: a warning, even for a stable convention',
    base: goFile(''),
    head: goFile(`const route = "http_route"\n\n${vec('dur', 'http_server_request_duration_seconds', 'route', { type: 'Histogram', help: 'Duration.' })}`),
    files: CONVENTIONS('stable'),
    severities: ['warning 10:11'],
  },
  {
    name: 'a development convention: a warning',
    base: goFile(''),
    head: durationVec('"http_route"'),
    files: CONVENTIONS('development'),
    severities: ['warning 8:11'],
  },
]);

severityCases('METRIC_LABELS_INCONSISTENT', [
  {
    name: 'both on the default registry: an error',
    base: goFile(''),
    head: goFile(line('a', 'jobs_total', '"queue"') + line('b', 'jobs_total', '"queue", "state"')),
    severities: ['error 9:9'],
  },
  {
    name: 'a registry variable: a warning',
    base: goFile(''),
    head: goFile(
      `var reg = prometheus.NewRegistry()\n${line('a', 'jobs_total', '"queue"', { registry: 'promauto.With(reg)' })}${line('b', 'jobs_total', '"queue", "state"', { registry: 'prometheus' })}`,
    ),
    severities: ['warning 10:9'],
  },
]);

severityCases('LABEL_NEAR_DUPLICATE', [
  {
    name: 'spelling and typo are warnings, a synonym is info',
    base: goFile(''),
    head: goFile(
      line('a', 'a_total', '"status_code", "method", "endpoint_name"') +
        line('b', 'b_total', '"status_code", "method", "endpoint_name"') +
        line('c', 'c_total', '"statusCode", "verb", "endpont_name"'),
    ),
    severities: ['warning 10:9', 'warning 10:9', 'info 10:9'],
  },
]);

severityCases('LABEL_REQUIRED_MISSING', [
  {
    name: 'stable: an error; development: a warning',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR, record(route)) },
    files: { 'model/registry.yaml': HTTP_REGISTRY, 'model/http.yaml': httpMetric('stable') },
    severities: ['error o.go:14:2'],
  },
  {
    name: 'development: a warning',
    base: { 'o.go': otelFile(DUR, '') },
    head: { 'o.go': otelFile(DUR, record(route)) },
    files: { 'model/registry.yaml': HTTP_REGISTRY, 'model/http.yaml': httpMetric('development') },
    severities: ['warning o.go:14:2'],
  },
]);
