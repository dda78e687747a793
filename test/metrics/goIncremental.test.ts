// Typing reparses a Go file from the tree kept at the previous keystroke: the facts must be those of a fresh parse, for
// every state of an edit (insertions, deletions, replacements across lines, a byte-order mark, non-ASCII text).
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
  const random = mulberry32(14);
  const pieces = ['"', 'x', '\n', '}', '{', ', "status"', 'é', '😀', '//', '\t', 'requests.With(prometheus.Labels{"code": "1"})\n'];
  let text = SOURCE;
  for (let step = 0; step < 300; step++) {
    const at = Math.floor(random() * (text.length + 1));
    const action = random();
    if (action < 0.5) text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
    else if (action < 0.8) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 12)));
    else text = step % 40 === 0 ? SOURCE : text.slice(0, at) + 'v' + text.slice(at + 1);
    const incremental = extractGoFile({ parses, keep: true }, 'shop/metrics.go', text);
    const whole = extractGoFile(fresh, 'shop/metrics.go', text);
    assert.deepEqual(incremental, whole, `step ${step}`);
  }
});
