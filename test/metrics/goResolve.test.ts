// Workspace resolution: names folded across packages through go.mod, receivers resolved by binding name, a binding also
// assigned something opaque refused (taint) rather than guessed, registries and build facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoMod } from '../../server/src/metrics/go/resolve';
import { PROM, call, definition, resolve } from './goHarness';

const MODULE = [{ dir: '.', path: 'example.com/shop' }];

test('parseGoMod reads the module path, quoted or not, past comments', () => {
  assert.equal(parseGoMod('// shop\nmodule example.com/shop // the shop\n\ngo 1.22\n'), 'example.com/shop');
  assert.equal(parseGoMod('module "example.com/quoted"\n'), 'example.com/quoted');
  assert.equal(parseGoMod('go 1.22\n'), undefined);
});

test('constants and label lists from another package fold through the module path, in a module below the root', async () => {
  const result = await resolve(
    {
      'svc/internal/names/names.go': 'package names\n\nconst Namespace = "shop"\nconst sub = "ignored"\n\nvar Labels = []string{"code", "method"}\n',
      'svc/api/metrics.go': `package api\n\n${PROM}import "example.com/svc/internal/names"\n\nvar Requests = promauto.NewCounterVec(prometheus.CounterOpts{Namespace: names.Namespace, Name: "requests_total"}, names.Labels)\n`,
    },
    [{ dir: 'svc', path: 'example.com/svc' }],
  );
  assert.deepEqual(result.definitions.map(definition), ['shop_requests_total counter [code,method] @9:16']);
  // A label read from another file keeps the location where it is spelled.
  assert.equal(result.definitions[0].labels?.[0].location?.file, 'svc/internal/names/names.go');
});

test('a constant of a package outside the workspace leaves the name unread: no definition, and its calls unresolved', async () => {
  const result = await resolve(
    {
      'a/a.go': `package a\n\n${PROM}import "github.com/other/consts"\n\nvar x = promauto.NewCounterVec(prometheus.CounterOpts{Name: consts.Name}, []string{"l"})\nfunc f() { x.WithLabelValues("v") }\n`,
    },
    MODULE,
  );
  assert.deepEqual(result.definitions, []);
  assert.deepEqual(result.calls.map(call), ['WithLabelValues@10:12 unresolved: the name of the metric defined at a/a.go:9 is not a constant']);
});

test('receivers: a package var through an import, a local var, a struct field set by x.f = …, a curried chain', async () => {
  const result = await resolve(
    {
      'metrics/metrics.go': `package metrics\n\n${PROM}\nvar Requests = promauto.NewCounterVec(prometheus.CounterOpts{Name: "requests_total"}, []string{"code", "method"})\n`,
      'server/server.go': [
        'package server',
        '',
        PROM,
        'import "example.com/shop/metrics"',
        '',
        'type server struct{ latency *prometheus.HistogramVec }',
        '',
        'func newServer() *server {',
        '\ts := &server{}',
        '\ts.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "latency_seconds"}, []string{"op"})',
        '\treturn s',
        '}',
        '',
        'func (s *server) handle() {',
        '\tmetrics.Requests.WithLabelValues("200", "GET").Inc()',
        '\ts.latency.WithLabelValues("get").Observe(1)',
        '\tlocal := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "local"}, []string{"x"})',
        '\tlocal.WithLabelValues("1")',
        '\tok := metrics.Requests.MustCurryWith(prometheus.Labels{"code": "200"})',
        '\tok.WithLabelValues("GET")',
        '\tmetrics.Requests.MustCurryWith(prometheus.Labels{"method": "PUT"}).With(prometheus.Labels{"code": "500"})',
        '}',
      ].join('\n'),
    },
    MODULE,
  );
  assert.deepEqual(result.calls.map(call), [
    'WithLabelValues@19:2 -> requests_total values=2',
    'WithLabelValues@20:2 -> latency_seconds values=1',
    'WithLabelValues@22:2 -> local values=1',
    'MustCurryWith@23:8 -> requests_total keys=code',
    'WithLabelValues@24:2 -> requests_total curried=code values=1',
    'With@25:2 -> requests_total curried=method keys=code',
    'MustCurryWith@25:2 -> requests_total keys=method',
  ]);
});

test('taint: a field assigned a definition in one place and a parameter elsewhere (struct not known) is not resolved, and the reason says where', async () => {
  const text = [
    'package collector',
    '',
    PROM,
    'var cpuDesc = prometheus.NewDesc("node_cpu_seconds_total", "h", []string{"cpu", "mode"}, nil)',
    '',
    'type linux struct{ cpu *prometheus.Desc }',
    'type generic struct{ cpu *prometheus.Desc }',
    '',
    'func newLinux() *linux { return &linux{cpu: cpuDesc} }',
    'func newGeneric(d *prometheus.Desc) *generic { g := new(generic); g.cpu = d; return g }',
    '',
    'func (c *linux) Collect(ch chan<- prometheus.Metric) {',
    '\tch <- prometheus.MustNewConstMetric(c.cpu, prometheus.CounterValue, 1, "0")',
    '\tch <- prometheus.MustNewConstMetric(cpuDesc, prometheus.CounterValue, 1, "0", "user")',
    '}',
  ].join('\n');
  const result = await resolve({ 'collector/cpu.go': text }, MODULE);
  assert.deepEqual(result.calls.map(call), [
    'MustNewConstMetric@17:8 unresolved: field "cpu" is also assigned d (collector/cpu.go:14), which is not a known metric',
    'MustNewConstMetric@18:8 -> node_cpu_seconds_total values=2',
  ]);
});

test('a field assigned only known definitions (directly or through a variable) resolves to all of them', async () => {
  const text = [
    'package collector',
    '',
    PROM,
    'var a = prometheus.NewDesc("a", "h", []string{"x"}, nil)',
    'type one struct{ d *prometheus.Desc }',
    'func n1() *one { return &one{d: a} }',
    'func n2() *one { return &one{d: prometheus.NewDesc("b", "h", []string{"x"}, nil)} }',
    'func (o *one) Collect(ch chan<- prometheus.Metric) { ch <- prometheus.MustNewConstMetric(o.d, prometheus.GaugeValue, 1, "v") }',
  ].join('\n');
  const result = await resolve({ 'collector/one.go': text }, MODULE);
  assert.deepEqual(result.calls.map(call), ['MustNewConstMetric@12:60 -> a,b values=1']);
});

test('unresolved receivers: a parameter, a map element, a call result; With on something that is not a metric is dropped', async () => {
  const text = [
    'package a',
    '',
    PROM,
    'func f(vec *prometheus.CounterVec, vecs map[string]*prometheus.CounterVec, log Logger) {',
    '\tvec.WithLabelValues("x")',
    '\tvecs["a"].WithLabelValues("x")',
    '\tget().With(prometheus.Labels{"a": "b"})',
    '\tlog.With(fields)',
    '}',
  ].join('\n');
  const result = await resolve({ 'a/a.go': text }, MODULE);
  assert.deepEqual(result.calls.map(call), [
    'WithLabelValues@9:2 unresolved: "vec" is not assigned a metric definition that can be read',
    'WithLabelValues@10:2 unresolved: the receiver vecs["a"] is not a name bound to a metric',
    'With@11:2 unresolved: the receiver get() is not a name bound to a metric',
  ]);
});

test('registries: promauto is the default, promauto.With(reg) and reg.MustRegister name the registry by package, else unknown', async () => {
  const text = [
    'package a',
    '',
    PROM,
    'var (',
    '\tauto = promauto.NewCounter(prometheus.CounterOpts{Name: "auto_total"})',
    '\tplain = prometheus.NewCounter(prometheus.CounterOpts{Name: "plain_total"})',
    '\tregistered = prometheus.NewCounter(prometheus.CounterOpts{Name: "registered_total"})',
    '\tonReg = prometheus.NewGauge(prometheus.GaugeOpts{Name: "on_reg"})',
    ')',
    'func init() { prometheus.MustRegister(registered) }',
    'func setup(reg *prometheus.Registry) {',
    '\tpromauto.With(reg).NewGauge(prometheus.GaugeOpts{Name: "with_reg"})',
    '\tpromauto.With(nil).NewGauge(prometheus.GaugeOpts{Name: "unregistered"})',
    '\treg.MustRegister(onReg)',
    '}',
  ].join('\n');
  const result = await resolve({ 'a/a.go': text }, MODULE);
  assert.deepEqual(
    result.definitions.map((d) => `${d.name} ${d.registry ?? '-'}`),
    ['auto_total default', 'plain_total -', 'registered_total default', 'on_reg a#reg', 'with_reg a#reg', 'unregistered -'],
  );
});

test('build facts: package directory, package main, and the GOOS set', async () => {
  const def = `${PROM}\nvar x = promauto.NewCounter(prometheus.CounterOpts{Name: "x_total"})\n`;
  const result = await resolve({ 'cmd/tool/main.go': `package main\n\n${def}`, 'pkg/a/a_linux.go': `//go:build !android\n\npackage a\n\n${def}` }, MODULE);
  assert.deepEqual(
    result.definitions.map((d) => d.build),
    [
      { packageDir: 'cmd/tool', isMain: true },
      { packageDir: 'pkg/a', isMain: false, goos: ['linux'] },
    ],
  );
});

test('a labels variable reassigned somewhere is not taken as a constant list', async () => {
  const text = [
    'package a',
    '',
    PROM,
    'var labels = []string{"a"}',
    'var x = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "x_total"}, labels)',
    'func init() { labels = []string{"b"} }',
  ].join('\n');
  const result = await resolve({ 'a/a.go': text }, MODULE);
  assert.deepEqual(result.definitions.map(definition), ['x_total counter [?] @9:9']);
});

test('a package-level var assigned in init() and an OTel instrument assigned to a field resolve', async () => {
  const text = [
    'package a',
    '',
    'import (',
    '\t"context"',
    '\t"github.com/prometheus/client_golang/prometheus"',
    '\t"go.opentelemetry.io/otel/attribute"',
    '\t"go.opentelemetry.io/otel/metric"',
    ')',
    '',
    'var hits *prometheus.CounterVec',
    'type inst struct{ served metric.Int64Counter }',
    'func init() { hits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hits_total"}, []string{"page"}) }',
    'func (i *inst) setup(m metric.Meter) { i.served, _ = m.Int64Counter("served") }',
    'func (i *inst) run(ctx context.Context) {',
    '\thits.WithLabelValues("home")',
    '\ti.served.Add(ctx, 1, metric.WithAttributes(attribute.String("route", "/")))',
    '}',
  ].join('\n');
  const result = await resolve({ 'a/a.go': text }, MODULE);
  assert.deepEqual(result.calls.map(call), ['WithLabelValues@15:2 -> hits_total values=1', 'Add@16:2 -> served keys=route']);
  assert.deepEqual(
    result.definitions.map((d) => d.identity),
    ['a/a.go#hits#0', 'a/a.go#.served#0'],
  );
});

test('fields of the same name in different structs stay apart when the syntax shows the struct (keyed literal, method receiver)', async () => {
  const text = [
    'package collector',
    '',
    PROM,
    'type cpuCollector struct{ cpu *prometheus.Desc }',
    'type pressureCollector struct{ cpu *prometheus.Desc }',
    'func newCPU() *cpuCollector { return &cpuCollector{cpu: prometheus.NewDesc("node_cpu_seconds_total", "h", []string{"cpu", "mode"}, nil)} }',
    'func newPressure() *pressureCollector { return &pressureCollector{cpu: prometheus.NewDesc("node_pressure_cpu_waiting_seconds_total", "h", nil, nil)} }',
    'func (c *cpuCollector) Collect(ch chan<- prometheus.Metric) { ch <- prometheus.MustNewConstMetric(c.cpu, prometheus.CounterValue, 1, "0", "user") }',
    'func (p *pressureCollector) Collect(ch chan<- prometheus.Metric) {',
    '\tch <- prometheus.MustNewConstMetric(p.cpu, prometheus.CounterValue, 1)',
    '\tif p := other(); p != nil { ch <- prometheus.MustNewConstMetric(p.cpu, prometheus.CounterValue, 1) }',
    '}',
  ].join('\n');
  const result = await resolve({ 'collector/cpu.go': text }, MODULE);
  assert.deepEqual(result.calls.map(call), [
    'MustNewConstMetric@12:69 -> node_cpu_seconds_total values=2',
    'MustNewConstMetric@14:8 -> node_pressure_cpu_waiting_seconds_total values=0',
    // `p` shadows the receiver here, so the struct is not known and both fields are candidates.
    'MustNewConstMetric@15:36 -> node_cpu_seconds_total,node_pressure_cpu_waiting_seconds_total values=0',
  ]);
});

test('a binding only takes assignments from files that can be built for the same GOOS', async () => {
  const collector = (name: string, labels: string) =>
    `package collector\n\n${PROM}\ntype cpuCollector struct{ online *prometheus.Desc }\nfunc newCPU() *cpuCollector { c := new(cpuCollector); c.online = prometheus.NewDesc("${name}", "h", ${labels}, nil); return c }\n`;
  const result = await resolve(
    {
      'collector/cpu_linux.go': collector('node_cpu_online', '[]string{"cpu"}'),
      'collector/cpu_aix.go': collector('node_cpus_online', 'nil'),
      'collector/use_linux.go': `package collector\n\n${PROM}\nfunc (c *cpuCollector) Collect(ch chan<- prometheus.Metric) { ch <- prometheus.MustNewConstMetric(c.online, prometheus.GaugeValue, 1, "0") }\n`,
    },
    MODULE,
  );
  assert.deepEqual(result.calls.map(call), ['MustNewConstMetric@8:69 -> node_cpu_online values=1']);
});

test('a child metric (WithLabelValues result) held under the same field name neither binds nor taints it', async () => {
  const text = [
    'package w',
    '',
    PROM,
    'type metrics struct{ current *prometheus.GaugeVec }',
    'type watcher struct{ metrics *metrics; current prometheus.Gauge }',
    'func newMetrics() *metrics { return &metrics{current: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "current"}, []string{"consumer"})} }',
    'func (w *watcher) start() {',
    '\tw.current = w.metrics.current.WithLabelValues("a")',
    '\tw.metrics.current.DeleteLabelValues("a")',
    '}',
  ].join('\n');
  const result = await resolve({ 'w/w.go': text }, MODULE);
  assert.deepEqual(result.calls.map(call), ['WithLabelValues@12:14 -> current values=1', 'DeleteLabelValues@13:2 -> current values=1']);
});

test('MustCurryWith keys may be constants, folded like names', async () => {
  const text = [
    'package r',
    '',
    PROM,
    'const remoteName = "remote_name"',
    'var queries = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "queries_total"}, []string{remoteName, "code"})',
    'type client struct{ total *prometheus.CounterVec }',
    'func newClient(name string) *client { return &client{total: queries.MustCurryWith(prometheus.Labels{remoteName: name})} }',
    'func (c *client) do() { c.total.WithLabelValues("200") }',
  ].join('\n');
  const result = await resolve({ 'r/r.go': text }, MODULE);
  assert.deepEqual(result.calls.map(call), [
    'MustCurryWith@11:61 -> queries_total keys=remote_name',
    'WithLabelValues@12:25 -> queries_total curried=remote_name values=1',
  ]);
});

test('registerer wrappers: a prefix in the same function, in place, through a factory, nested, and not known elsewhere', async () => {
  const result = await resolve(
    {
      'w/w.go': [
        'package w',
        '',
        PROM,
        'const sub = "db_"',
        '',
        'var opened = prometheus.NewCounter(prometheus.CounterOpts{Name: "opened_total"})',
        '',
        'func register(reg prometheus.Registerer) {',
        '\treg = prometheus.WrapRegistererWithPrefix("app_", reg)',
        '\tqueries := prometheus.NewCounter(prometheus.CounterOpts{Name: "queries_total"})',
        '\treg.MustRegister(queries, opened)',
        '\tfactory := promauto.With(prometheus.WrapRegistererWithPrefix(sub, reg))',
        '\tfactory.NewGauge(prometheus.GaugeOpts{Name: "pool_size"})',
        '\tpromauto.With(prometheus.WrapRegistererWith(prometheus.Labels{"a": "b"}, reg)).NewGauge(prometheus.GaugeOpts{Name: "up"})',
        '}',
        '',
        'func plain(reg prometheus.Registerer) {',
        '\tpromauto.With(reg).NewGauge(prometheus.GaugeOpts{Name: "plain"})',
        '}',
      ].join('\n'),
    },
    MODULE,
  );
  assert.deepEqual(result.definitions.map((found) => found.name).sort(), [
    // `opened` is a package variable registered in a function that wraps: its exposed name there is not its own, and
    // elsewhere it may be registered plainly, so it keeps the name it is written with (references to it are not linked).
    'app_db_pool_size',
    'app_queries_total',
    'app_up',
    'opened_total',
    'plain',
  ]);
  // The literal no longer spells the exposed name: no rename fix edits it.
  assert.equal(result.definitions.find((found) => found.name === 'app_queries_total')?.nameLocation, undefined);
});

test('a wrapper whose prefix is not a constant leaves the exposed name unread: its calls are not judged', async () => {
  const result = await resolve(
    {
      'w/w.go': [
        'package w',
        '',
        PROM,
        'func register(reg prometheus.Registerer, prefix string) {',
        '\tf := promauto.With(prometheus.WrapRegistererWithPrefix(prefix, reg))',
        '\tc := f.NewCounterVec(prometheus.CounterOpts{Name: "c_total"}, []string{"l"})',
        '\tc.WithLabelValues("a", "b")',
        '}',
      ].join('\n'),
    },
    MODULE,
  );
  assert.deepEqual(result.definitions, []);
  assert.match(result.calls.map(call).join('\n'), /unresolved: the metric defined at w\/w\.go:\d+ is registered under a prefix that is not a constant/);
});
