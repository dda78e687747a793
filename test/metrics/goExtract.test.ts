// What one Go file yields: each constructor form with its folded name, labels and location; OTel instruments and
// recordings; build constraints; and nothing from half-typed code but an unreadable entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goosOf, looksLikeMetricsGo } from '../../server/src/metrics/go/extract';
import { PROM, at, call, definition, facts, resolve, span } from './goHarness';

const file = (body: string) => `package app\n\n${PROM}\n${body}`;
// Line 1 is the package clause, the import block is lines 3-6, so a body starts on line 8.

const definitionCases: { name: string; body: string; expect: string[] }[] = [
  {
    name: 'prometheus.NewCounterVec with a literal label list',
    body: 'var requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "http_requests_total", Help: "h"}, []string{"code", "method"})',
    expect: ['http_requests_total counter [code,method] @8:16'],
  },
  {
    name: 'promauto, the four kinds without labels, and the Func forms',
    body: [
      'var (',
      '\ta = promauto.NewCounter(prometheus.CounterOpts{Name: "a_total"})',
      '\tb = promauto.NewGauge(prometheus.GaugeOpts{Name: "b"})',
      '\tc = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "c_seconds"})',
      '\td = prometheus.NewSummary(prometheus.SummaryOpts{Name: "d_seconds"})',
      '\te = prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "e"}, func() float64 { return 1 })',
      '\tf = promauto.NewUntypedFunc(prometheus.UntypedOpts{Name: "f"}, func() float64 { return 1 })',
      '\tg = prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "g_total"}, func() float64 { return 1 })',
      ')',
    ].join('\n'),
    expect: [
      'a_total counter [] @9:6',
      'b gauge [] @10:6',
      'c_seconds histogram [] @11:6',
      'd_seconds summary [] @12:6',
      'e gauge [] @13:6',
      'f untyped [] @14:6',
      'g_total counter [] @15:6',
    ],
  },
  {
    name: 'Namespace, Subsystem and BuildFQName fold like client_golang (empty parts skipped)',
    body: [
      'const ns = "app"',
      'var x = promauto.NewGaugeVec(prometheus.GaugeOpts{Namespace: ns, Subsystem: "", Name: "queue" + "_length"}, []string{"q"})',
      'var y = prometheus.NewDesc(prometheus.BuildFQName(ns, "disk", "reads_total"), "help", []string{"dev"}, prometheus.Labels{"host": "h"})',
    ].join('\n'),
    expect: ['app_queue_length gauge [q] @9:9', 'app_disk_reads_total untyped [dev] {host} @10:9'],
  },
  {
    name: 'label lists from a variable and from append of literals',
    body: ['var base = []string{"a"}', 'var v = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "v_total"}, append(base, "b", "c"))'].join('\n'),
    expect: ['v_total counter [a,b,c] @9:9'],
  },
  {
    name: 'promauto.With(reg), V2 with Unconstrained and Constrained labels, a factory variable',
    body: [
      'func setup(reg prometheus.Registerer) {',
      '\tpromauto.With(reg).NewCounterVec(prometheus.CounterOpts{Name: "w_total"}, []string{"x"})',
      '\tprometheus.V2.NewGaugeVec(prometheus.GaugeVecOpts{GaugeOpts: prometheus.GaugeOpts{Name: "v2"}, VariableLabels: prometheus.UnconstrainedLabels{"u"}})',
      '\tprometheus.V2.NewCounterVec(prometheus.CounterVecOpts{CounterOpts: prometheus.CounterOpts{Name: "c2_total"}, VariableLabels: prometheus.ConstrainedLabels{{Name: "k", Constraint: strings.ToLower}}})',
      '\tfactory := promauto.With(reg)',
      '\tfactory.NewHistogramVec(prometheus.HistogramOpts{Name: "h_seconds"}, []string{"y"})',
      '\tother.NewSummaryVec(prometheus.SummaryOpts{Name: "s_seconds"}, nil)',
      '}',
    ].join('\n'),
    expect: ['w_total counter [x] @9:2', 'v2 gauge [u] @10:2', 'c2_total counter [k] @11:2', 'h_seconds histogram [y] @13:2', 's_seconds summary [] @14:2'],
  },
  {
    name: 'a call on some other receiver without an Opts literal is not a definition',
    body: 'func f() { x := stats.NewCounter("not_ours") ; _ = x }',
    expect: [],
  },
];

for (const { name, body, expect } of definitionCases) {
  test(`definitions: ${name}`, async () => {
    const result = await resolve({ 'app/a.go': file(body) });
    assert.deepEqual(result.definitions.map(definition), expect);
  });
}

test('the name literal, the label literals and the call are located exactly, with UTF-16 columns', async () => {
  const text = file('var x = /* é😀 */ promauto.NewCounterVec(prometheus.CounterOpts{Name: "x_total"}, []string{"a", "b"})');
  const [x] = (await resolve({ 'app/a.go': text })).definitions;
  // "var x = /* é😀 */ " is 18 UTF-16 units (the emoji counts 2), so the call starts at column 19.
  assert.equal(span(x.location), '8:19-8:102');
  assert.equal(span(x.nameLocation), '8:71-8:80');
  assert.deepEqual(
    x.labels?.map((label) => span(label.location)),
    ['8:92-8:95', '8:97-8:100'],
  );
  assert.equal(x.identity, 'app/a.go#x#0');
  assert.equal(x.fallbackIdentity, 'app/a.go#NewCounterVec');
  assert.equal(x.registry, 'default');
});

test('a name folded from several parts has no name location; help and unit are read', async () => {
  const text = file('var x = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "n", Name: "temp", Help: "the " + "temperature", Unit: "celsius"})');
  const [x] = (await resolve({ 'app/a.go': text })).definitions;
  assert.deepEqual(
    { name: x.name, nameLocation: x.nameLocation, help: x.help, unit: x.unit },
    { name: 'n_temp', nameLocation: undefined, help: 'the temperature', unit: 'celsius' },
  );
});

test('identities rank definitions that share a binding, and name local variables by their function', async () => {
  const text = file(
    [
      'func (s *server) init() {',
      '\tc := prometheus.NewCounter(prometheus.CounterOpts{Name: "one_total"})',
      '\tc = prometheus.NewCounter(prometheus.CounterOpts{Name: "two_total"})',
      '\ts.m = &metrics{lat: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "lat_seconds"})}',
      '\tprometheus.MustRegister(prometheus.NewGauge(prometheus.GaugeOpts{Name: "loose"}))',
      '}',
    ].join('\n'),
  );
  const result = await resolve({ 'app/a.go': text });
  assert.deepEqual(
    result.definitions.map((d) => `${d.name} ${d.identity} ${d.registry ?? '-'}`),
    ['one_total app/a.go#server.init.c#0 -', 'two_total app/a.go#server.init.c#1 -', 'lat_seconds app/a.go#.lat#0 -', 'loose app/a.go##0 default'],
  );
});

test('label calls: positional values, a spread, map keys, the end of the arguments', async () => {
  const text = file(
    [
      'var vec = promauto.NewCounterVec(prometheus.CounterOpts{Name: "r_total"}, []string{"code", "method"})',
      'func handle(rest []string) {',
      '\tvec.WithLabelValues("200", "GET").Inc()',
      '\tvec.WithLabelValues(rest...).Inc()',
      '\tvec.With(prometheus.Labels{"code": "500", "method": "PUT"}).Inc()',
      '\tvec.DeletePartialMatch(map[string]string{"code": "1"})',
      '\tvec.GetMetricWith(labelsFromSomewhere)',
      '}',
    ].join('\n'),
  );
  const result = await resolve({ 'app/a.go': text });
  assert.deepEqual(result.calls.map(call), [
    'WithLabelValues@10:2 -> r_total values=2',
    'WithLabelValues@11:2 -> r_total values=0+...',
    'With@12:2 -> r_total keys=code,method',
    'DeletePartialMatch@13:2 -> r_total keys=code',
    'GetMetricWith@14:2 -> r_total keys=?',
  ]);
  const [first, , map] = result.calls;
  assert.deepEqual(first.values?.map(span), ['10:22-10:27', '10:29-10:34']);
  assert.equal(span(first.argumentsEnd), '10:34-10:34');
  assert.equal(span(first.location), '10:2-10:35');
  assert.deepEqual(
    map.keys?.map((key) => span(key.location)),
    ['12:29-12:35', '12:44-12:52'],
  );
});

test('const metrics: the desc argument is the receiver and label values start at the documented index', async () => {
  const text = file(
    [
      'type collector struct{ desc *prometheus.Desc; hist *prometheus.Desc }',
      'func newCollector() *collector {',
      '\treturn &collector{',
      '\t\tdesc: prometheus.NewDesc("cpu_seconds_total", "h", []string{"cpu", "mode"}, nil),',
      '\t\thist: prometheus.NewDesc("lat_seconds", "h", []string{"op"}, nil),',
      '\t}',
      '}',
      'func (c *collector) Collect(ch chan<- prometheus.Metric) {',
      '\tch <- prometheus.MustNewConstMetric(c.desc, prometheus.CounterValue, 1, "0", "user")',
      '\tch <- prometheus.MustNewConstHistogram(c.hist, 1, 2, nil, "get")',
      '\tch <- prometheus.MustNewConstMetricWithCreatedTimestamp(c.desc, prometheus.CounterValue, 1, ts, "0")',
      '}',
    ].join('\n'),
  );
  const result = await resolve({ 'app/a.go': text });
  assert.deepEqual(result.calls.map(call), [
    'MustNewConstMetric@16:8 -> cpu_seconds_total values=2',
    'MustNewConstHistogram@17:8 -> lat_seconds values=1',
    'MustNewConstMetricWithCreatedTimestamp@18:8 -> cpu_seconds_total values=1',
  ]);
  assert.deepEqual(result.calls[0].values?.map(span), ['16:74-16:77', '16:79-16:85']);
  // The const metrics made from a desc give it its type.
  assert.deepEqual(
    result.definitions.map((d) => `${d.name} ${d.type}`),
    ['cpu_seconds_total counter', 'lat_seconds histogram'],
  );
});

const OTEL = `package app

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)
`;

test('OpenTelemetry instruments are definitions with their kind, unit and description', async () => {
  const text = `${OTEL}
type m struct{ dur metric.Float64Histogram }
func newM(meter metric.Meter) *m {
	dur, _ := meter.Float64Histogram("http.server.request.duration", metric.WithUnit("s"), metric.WithDescription("Duration"))
	active, _ := meter.Int64UpDownCounter("http.server.active_requests")
	_, _ = meter.Int64ObservableGauge("process.threads", metric.WithUnit("{thread}"))
	_ = active
	return &m{dur: dur}
}
`;
  const result = await resolve({ 'app/otel.go': text });
  assert.deepEqual(
    result.definitions.map((d) => `${d.source} ${d.name} ${d.type} ${d.unit ?? '-'} ${d.help ?? '-'} @${at(d.location)} ${at(d.nameLocation)}`),
    [
      'otel-go http.server.request.duration histogram s Duration @12:12 12:35',
      'otel-go http.server.active_requests updowncounter - - @13:15 13:40',
      'otel-go process.threads gauge {thread} - @14:9 14:36',
    ],
  );
});

test('OpenTelemetry recordings carry their attribute keys, and none when one key is not a literal', async () => {
  const text = `${OTEL}
var requests, _ = otel.Meter("x").Int64Counter("requests")
func record(ctx context.Context, hist metric.Float64Histogram, key string) {
	requests.Add(ctx, 1, metric.WithAttributes(attribute.String("method", "GET"), attribute.Key("code").Int(200)))
	requests.Add(ctx, 1, metric.WithAttributes(attribute.String(key, "x")))
	requests.Add(ctx, 1)
	hist.Record(ctx, 1.5, metric.WithAttributes(attribute.Bool("ok", true)))
	wg.Add(1)
}
`;
  const result = await resolve({ 'app/otel.go': text });
  assert.deepEqual(result.calls.map(call), [
    'Add@12:2 -> requests keys=method,code',
    'Add@13:2 -> requests keys=?',
    'Add@14:2 -> requests keys=',
    'Record@15:2 unresolved: "hist" is not assigned a metric definition that can be read',
  ]);
  assert.deepEqual(
    result.calls[0].keys?.map((key) => span(key.location)),
    ['12:62-12:70', '12:94-12:100'],
  );
});

const goosCases: { name: string; path: string; text: string; expect: string[] | undefined }[] = [
  { name: 'no constraint', path: 'a/x.go', text: 'package a', expect: undefined },
  { name: 'a _linux suffix', path: 'a/x_linux.go', text: 'package a', expect: ['android', 'linux'] },
  { name: 'a _GOOS_GOARCH suffix', path: 'a/x_windows_amd64.go', text: 'package a', expect: ['windows'] },
  {
    name: 'a build line with other tags free',
    path: 'a/x.go',
    text: '//go:build (linux || darwin) && !nofoo\n\npackage a',
    expect: ['android', 'darwin', 'ios', 'linux'],
  },
  {
    name: 'negated GOOS',
    path: 'a/x.go',
    text: '//go:build !windows && !plan9\npackage a',
    expect: ['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'netbsd', 'openbsd', 'solaris', 'wasip1', 'zos'],
  },
  { name: 'suffix and build line together', path: 'a/x_linux.go', text: '//go:build !android\npackage a', expect: ['linux'] },
  {
    name: 'unix',
    path: 'a/x.go',
    text: '//go:build unix && !linux && !darwin && !ios && !android\npackage a',
    expect: ['aix', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'netbsd', 'openbsd', 'solaris'],
  },
  { name: 'a build line after the package clause is not a constraint', path: 'a/x.go', text: 'package a\n//go:build linux', expect: undefined },
];

for (const { name, path, text, expect } of goosCases) {
  test(`build constraints: ${name}`, () => {
    assert.deepEqual(goosOf(path, text), expect);
  });
}

test('half-typed Go: nothing from the damaged part, the rest still read, and the file listed as unreadable', async () => {
  const text = file(
    [
      'var good = promauto.NewCounterVec(prometheus.CounterOpts{Name: "good_total"}, []string{"a"})',
      'func f() {',
      '\tgood.WithLabelValues("x")',
      '\tbad := promauto.NewCounterVec(prometheus.CounterOpts{Name: "bad_total" + }, []string{"a"})',
      '\tgood.WithLabelValues("x", ',
      '}',
    ].join('\n'),
  );
  const result = await resolve({ 'app/a.go': text });
  assert.deepEqual(result.definitions.map(definition), ['good_total counter [a] @8:12']);
  assert.deepEqual(result.calls.map(call), ['WithLabelValues@10:2 -> good_total values=1']);
  assert.deepEqual(result.unreadable, [
    { file: 'app/a.go', reason: 'Go syntax error at line 11; metric definitions and label calls in the damaged code are not read' },
  ]);
});

test('facts hold no tree: they survive JSON, so they can be cached by content', async () => {
  const extracted = await facts('app/a.go', file('var x = promauto.NewCounter(prometheus.CounterOpts{Name: "x_total"})'));
  assert.deepEqual(JSON.parse(JSON.stringify(extracted)), extracted);
  assert.equal(extracted.packageName, 'app');
  assert.equal(extracted.imports.promauto, 'github.com/prometheus/client_golang/prometheus/promauto');
});

test('looksLikeMetricsGo: by the imports that matter', () => {
  assert.equal(looksLikeMetricsGo(file('')), true);
  assert.equal(looksLikeMetricsGo('package a\nimport "go.opentelemetry.io/otel/metric"\n'), true);
  assert.equal(looksLikeMetricsGo('package a\nimport "fmt"\n// see github.com/prometheus/client_golang\n'), false);
  // A file that only uses a metric defined elsewhere imports neither package.
  assert.equal(looksLikeMetricsGo('package a\nfunc f() { m.requests.WithLabelValues("x").Inc() }\n'), true);
});
