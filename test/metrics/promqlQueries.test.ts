// PromQL references: which metric each selector names, which labels the query uses on it and in what role, at which
// column; Grafana variables neither move offsets nor count as names; a query that does not parse gives nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from '../../server/src/engine/finding';
import { neutraliseVariables, queryRefs } from '../../server/src/metrics/promql/queries';
import { seriesCandidates, seriesCandidatesWithSuffix } from '../../server/src/metrics/promql/names';

const place = (offset: number): Location => ({ file: 'q', range: { start: { line: 0, character: offset }, end: { line: 0, character: offset } } });
const at = (location: Location) => `${location.range.start.character}-${location.range.end.character}`;

/** Each ref as `metric@from-to role:label@from-to …`. */
function read(expr: string): string[] {
  const { refs, problem } = queryRefs(expr, { kind: 'alert', name: 'A' }, place);
  assert.equal(problem, undefined);
  return refs.map((ref) => [`${ref.metric}@${at(ref.location)}`, ...ref.labels.map((label) => `${label.role}:${label.name}@${at(label.location)}`)].join(' '));
}

test('a selector gives its metric and its matcher labels; by labels of the enclosing aggregation follow', () => {
  assert.deepEqual(read('sum by (code) (rate(http_requests_total{job="api", code=~"5.."}[5m]))'), [
    'http_requests_total@20-39 matcher:job@40-43 matcher:code@51-55 by:code@8-12',
  ]);
});

test('a modifier written after the aggregation body counts the same, and without gives its own role', () => {
  assert.deepEqual(read('sum(x) without (instance, pod)'), ['x@4-5 without:instance@16-24 without:pod@26-29']);
});

test('on and ignoring labels go to both operands; group_left labels to the side they are copied from', () => {
  assert.deepEqual(read('a / on(instance) group_left(version) b'), ['a@0-1 on:instance@7-15', 'b@37-38 on:instance@7-15 group:version@28-35']);
  assert.deepEqual(read('a * ignoring(code) group_right(team) b'), ['a@0-1 ignoring:code@13-17 group:team@31-35', 'b@37-38 ignoring:code@13-17']);
});

test('nested aggregations and matchings all apply to the selectors inside them', () => {
  assert.deepEqual(read('max by (job) (sum by (job, code) (x) / ignoring(code) y)'), [
    'x@34-35 by:job@22-25 by:code@27-31 ignoring:code@48-52 by:job@8-11',
    'y@54-55 ignoring:code@48-52 by:job@8-11',
  ]);
});

test('a __name__ matcher and a quoted UTF-8 name are metric names; a regex __name__ is not', () => {
  assert.deepEqual(read('{__name__="up", job="x"}'), ['up@11-13 matcher:job@16-19']);
  assert.deepEqual(read('{"http.server.duration", "service.name"="a"}'), ['http.server.duration@2-22 matcher:service.name@26-38']);
  assert.deepEqual(read('{__name__=~"up|down"}'), []);
  assert.deepEqual(read('{job="x"}'), []);
});

test('label functions name labels of their vector argument; a label created by label_replace is not one of them', () => {
  assert.deepEqual(read('sum by (dst) (label_replace(up, "dst", "$1", "src", "(.*)"))'), ['up@28-30 function:src@46-49']);
  assert.deepEqual(read('label_join(up, "d", ",", "a", "b")'), ['up@11-13 function:a@26-27 function:b@31-32']);
  assert.deepEqual(read('sort_by_label_desc(up, "instance")'), ['up@19-21 function:instance@24-32']);
  assert.deepEqual(read('count_values("version", build_info)'), ['build_info@24-34 function:version@14-21']);
});

test('subqueries, offsets and @ modifiers keep the selector', () => {
  assert.deepEqual(read('max_over_time(x{a="b"}[1h:5m] offset 1d @ end())'), ['x@14-15 matcher:a@16-17']);
});

test('Grafana variables in ranges, matcher values, offsets and @ are neutralised without moving columns', () => {
  assert.deepEqual(read('rate(x{job=~"$job", pod="${pod:regex}"}[$__rate_interval]) offset $shift'), ['x@5-6 matcher:job@7-10 matcher:pod@20-23']);
  assert.deepEqual(read('increase(x[[[interval]]]) @ ${__to}'), ['x@9-10']);
  assert.deepEqual(read('sum(rate(x[$__interval:$__interval]))'), ['x@9-10']);
});

test('a metric or label name that is (partly) a variable is not a reference', () => {
  assert.deepEqual(read('sum by ($group, code) (${metric}_total{a="b"}) + x_[[suffix]] + $m'), []);
  assert.deepEqual(read('sum by ($group, code) (requests_total{$label="b"})'), ['requests_total@23-37 by:code@16-20']);
  assert.deepEqual(read('{__name__="$metric"}'), []);
});

test("the placeholders have the variables' lengths and parse where the variables stand", () => {
  const { text } = neutraliseVariables('rate(x{a="$v"}[$__rate_interval]) > $t');
  assert.equal(text, 'rate(x{a="__"}[111111111111111s]) > __');
});

test('a half-typed query gives a problem with the position and no references', () => {
  for (const [expr, problem] of [
    ['sum by (code (rate(x[5m]))', 'the query does not parse (line 1, column 14, near "(rate(x[5m])")'],
    ['x{code=', 'the query does not parse (line 1, column 8, at the end of the query)'],
    ['rate(x[5m]', 'the query does not parse (line 1, column 11, at the end of the query)'],
    ['  ', 'the query is empty'],
  ]) {
    const reading = queryRefs(expr, { kind: 'record', name: 'r' }, place);
    assert.deepEqual(reading, { refs: [], problem }, expr);
  }
});

test('each reference carries its context', () => {
  const [ref] = queryRefs('up', { kind: 'panel', name: 'Up' }, place).refs;
  assert.deepEqual(ref.context, { kind: 'panel', name: 'Up' });
});

test('series names give the definitions they may belong to, with the suffix and the types that allow it', () => {
  assert.deepEqual(seriesCandidates('rpc_duration_seconds_bucket'), ['rpc_duration_seconds_bucket', 'rpc_duration_seconds']);
  assert.deepEqual(seriesCandidates('http_requests_total'), ['http_requests_total', 'http_requests']);
  assert.deepEqual(seriesCandidates('up'), ['up']);
  assert.deepEqual(seriesCandidatesWithSuffix('jobs_created'), [
    { name: 'jobs_created', strippedSuffix: '' },
    { name: 'jobs', strippedSuffix: '_created', types: ['counter', 'histogram', 'summary'] },
    { name: 'jobs_total', strippedSuffix: '_created', types: ['counter'] },
  ]);
  assert.deepEqual(seriesCandidatesWithSuffix('x_count')[1], { name: 'x', strippedSuffix: '_count', types: ['histogram', 'summary'] });
  assert.deepEqual(seriesCandidates('_sum'), ['_sum']);
});
