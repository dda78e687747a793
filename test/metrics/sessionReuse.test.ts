// A metrics session keeps the last check's findings with what they came from: typing that changes no fact (a comment)
// gets the same findings, and any change that matters (a fact, an option, the base) gets a new check, never a stale one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckSession } from '../../server/src/engine/check';
import type { Comparison } from '../../server/src/engine/comparison';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { metricsChecker } from '../../server/src/metrics/checker';
import { goFile, vec } from './ruleFixtures';

const BASE = goFile(`${vec('reqs', 'http_requests_total', '"method", "code"')}\nfunc served() { reqs.WithLabelValues("GET", "200").Inc() }\n`);
const DROPPED = BASE.replace('"GET", "200"', '"GET"');

// One base tree for the session, as the editor has: its index is built once, and the last check can be reused.
const BASE_TREE = new MemoryTree({ 'metrics.go': BASE }, 'base');

function comparison(head: string, base: MemoryTree = BASE_TREE): Comparison {
  return {
    base,
    head: new MemoryTree({ 'metrics.go': head }, 'head'),
    renames: new Map(),
    config: defaultConfig([metricsChecker]),
    focus: new Set(['metrics.go']),
  };
}

const rendered = (result: Awaited<ReturnType<CheckSession['run']>>) =>
  result.findings.map((finding) => `${finding.rule} ${finding.range.start.line + 1}:${finding.range.start.character + 1}`);

test('typing a comment keeps the findings; fixing the call, or another base, checks again', async () => {
  const session = new CheckSession([metricsChecker]);
  assert.deepEqual(rendered(await session.run(comparison(DROPPED))), ['LABEL_ARITY_MISMATCH 13:17']);
  assert.deepEqual(rendered(await session.run(comparison(DROPPED.replace('func served()', '// a note\nfunc served()')))), ['LABEL_ARITY_MISMATCH 14:17']);
  assert.deepEqual(rendered(await session.run(comparison(DROPPED.replace('func served()', '// a note, longer\nfunc served()')))), [
    'LABEL_ARITY_MISMATCH 14:17',
  ]);
  assert.deepEqual(rendered(await session.run(comparison(BASE))), []);
  assert.deepEqual(rendered(await session.run(comparison(DROPPED))), ['LABEL_ARITY_MISMATCH 13:17'], 'the call broken again');
  const renamedBase = new MemoryTree({ 'metrics.go': BASE.replace('"code"', '"status"') }, 'another base');
  assert.deepEqual(
    rendered(await session.run(comparison(DROPPED, renamedBase))),
    ['METRIC_LABEL_RENAMED 8:12', 'LABEL_ARITY_MISMATCH 13:17'],
    'another base: the comparison is made again',
  );
});

test('an option that changes what is reported is never answered from the last check', async () => {
  const otel = (unit: string) => `package x

import (
\t"go.opentelemetry.io/otel"
\t"go.opentelemetry.io/otel/metric"
)

var dur, _ = otel.Meter("x").Float64Histogram("http.server.request.duration", metric.WithUnit("${unit}"))
`;
  const rules = 'groups:\n  - name: g\n    rules:\n      - alert: Slow\n        expr: rate(http_server_request_duration_seconds_count[5m]) > 1\n';
  const session = new CheckSession([metricsChecker]);
  const run = (options: Record<string, unknown>) => {
    const config = defaultConfig([metricsChecker]);
    Object.assign(config.kinds.metrics.options, options);
    return session.run({
      base: new MemoryTree({ 'o.go': otel('s'), 'alerts.yaml': rules }, 'base'),
      head: new MemoryTree({ 'o.go': otel('ms'), 'alerts.yaml': rules }, 'head'),
      renames: new Map(),
      config,
    });
  };
  const units = { strategy: 'UnderscoreEscapingWithSuffixes', namespace: '', units: true, counterSuffix: true };
  assert.ok(rendered(await run({ otelToPrometheus: units })).includes('METRIC_REFERENCED_MISSING 5:20'));
  assert.ok(!rendered(await run({ otelToPrometheus: { ...units, units: false } })).includes('METRIC_REFERENCED_MISSING 5:20'));
  assert.ok(rendered(await run({ otelToPrometheus: units })).includes('METRIC_REFERENCED_MISSING 5:20'));
});
