// Typing reparses a Go file from the tree kept at the previous keystroke, and replays the facts of the top-level
// declarations that did not change: the facts must be those of a full extraction of the same tree, and, whenever the
// file parses, those of a fresh parse (with syntax errors, tree-sitter's recovery may differ between an incremental and a
// fresh parse: such a file is not checked anyway). Every kind of edit: insertions and deletions across lines, non-ASCII.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractGoFile } from '../../server/src/metrics/go/extract';
import { GoParses, goParser } from '../../server/src/metrics/go/treeSitter';

const SOURCE = `package shop

import (
\t"github.com/prometheus/client_golang/prometheus"
\t"github.com/prometheus/client_golang/prometheus/promauto"
)

// Zählt Anfragen 😀.
var requests = promauto.NewCounterVec(prometheus.CounterOpts{
\tName: "http_requests_total",
\tHelp: "Requests served.",
}, []string{"method", "code"})

func served() {
\trequests.WithLabelValues("GET", "200").Inc()
}

const namespace = "shop"

var factory = promauto.With(prometheus.DefaultRegisterer)

var labels = []string{"region"}

var orders = factory.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: "orders_total", Help: "Orders."}, labels)

type server struct{ latency *prometheus.HistogramVec }

func newServer() *server {
\ts := &server{latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "latency_seconds"}, []string{"route"})}
\tprometheus.MustRegister(s.latency)
\treturn s
}

func (s *server) handle(route string) {
\ts.latency.WithLabelValues(route).Observe(1)
\torders.With(prometheus.Labels{"region": "eu"}).Inc()
\tcurried := requests.MustCurryWith(prometheus.Labels{"method": "GET"})
\tcurried.WithLabelValues("200").Inc()
}
`;

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

test('incremental reparses give the facts of a fresh parse, keystroke after keystroke', async () => {
  const fresh = await goParser();
  const parses = new GoParses(await goParser());
  const unreplayed = new GoParses(await goParser());
  const random = mulberry32(Number(process.env.SEED ?? 14));
  const pieces = [
    '"',
    'x',
    '\n',
    '\n\n',
    '}',
    '{',
    ', "status"',
    'é',
    '😀',
    '//',
    '\t',
    'requests.With(prometheus.Labels{"code": "1"})\n',
    '\nvar more = promauto.NewGauge(prometheus.GaugeOpts{Name: "more"})\n',
    'func f() {}\n',
  ];
  let text = SOURCE;
  let checkedWithErrors = 0;
  for (let step = 0; step < 600; step++) {
    const at = Math.floor(random() * (text.length + 1));
    const action = random();
    if (action < 0.5) text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
    else if (action < 0.8) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 12)));
    else text = step % 40 === 0 ? SOURCE : text.slice(0, at) + 'v' + text.slice(at + 1);
    const incremental = extractGoFile({ parses, keep: true }, 'shop/metrics.go', text);
    assert.deepEqual(incremental, extractGoFile({ parses: unreplayed, keep: true, replay: false }, 'shop/metrics.go', text), `replayed, step ${step}`);
    const whole = extractGoFile(fresh, 'shop/metrics.go', text);
    if (whole.syntaxErrorLine === undefined) assert.deepEqual(incremental, whole, `step ${step}`);
    else checkedWithErrors++;
  }
  assert.ok(checkedWithErrors > 50, `damaged states were typed through (${checkedWithErrors} with syntax errors)`);
});

test('typing valid code into several places, character by character: once it parses, the facts are those of a fresh parse', async () => {
  const fresh = await goParser();
  const parses = new GoParses(await goParser());
  const snippets: [anchor: string, typed: string][] = [
    ['func served() {\n', '\tcurried.WithLabelValues("404").Inc()\n'],
    ['const namespace = "shop"\n', '\nvar extra = promauto.NewGaugeVec(prometheus.GaugeOpts{Name: "extra", Help: "E."}, []string{"zone"})\n'],
    ['type server struct', '\n\nfunc helper() { orders.WithLabelValues("us").Inc() }\n\n'],
  ];
  let text = SOURCE;
  let compared = 0;
  for (const [anchor, typed] of snippets) {
    const at = text.indexOf(anchor) + anchor.length;
    const before = text;
    for (let length = 1; length <= typed.length; length++) {
      text = before.slice(0, at) + typed.slice(0, length) + before.slice(at);
      const incremental = extractGoFile({ parses, keep: true }, 'shop/metrics.go', text);
      const whole = extractGoFile(fresh, 'shop/metrics.go', text);
      if (whole.syntaxErrorLine !== undefined) continue;
      assert.deepEqual(incremental, whole, `after typing ${JSON.stringify(typed.slice(0, length))}`);
      compared++;
    }
  }
  assert.ok(compared >= 20, `${compared} parsed states compared`);
});
