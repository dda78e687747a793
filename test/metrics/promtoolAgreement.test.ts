// Our exposition parser plus promlint validations against the real `promtool check metrics` (Debian's prometheus
// package, which CI installs): same problems, line for line, on generated and hand-written exposition files.
// Debian's promtool is 2.42, built with client_golang 1.14; we implement client_golang ≥ 1.24. Only the two documented
// differences are left out of the comparison (DESIGN §1.3), and our current behaviour on them is asserted instead:
//   - 1.14 has no LintDuplicateMetric, so it never prints `metric not unique`;
//   - 1.14's LintMetricTypeInName flags every type word in a name, whatever the family's type, untyped ones too.
// promtool repeats a label problem once per series (and 1.14 once per series for `le`/`quantile` too); a family's
// problems are compared as distinct lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parseExposition } from '../../server/src/metrics/exposition/parse';
import type { MetricDefinition } from '../../server/src/metrics/model';
import { lintFamily } from '../../server/src/metrics/naming/promlint';

const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
const TYPE_WORDS = ['counter', 'gauge', 'histogram', 'summary'];

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  text: string;
  /** Families given a repeated series, which promlint ≥ 1.20 reports as `metric not unique`. */
  duplicated: Set<string>;
}

function generateFile(seed: number, familyCount: number): Generated {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const words = ['http', 'requests', 'disk', 'read', 'queue', 'depth', 'api', 'cpu', 'memory', 'errors', 'cache', 'hits', 'requestLatency', 'Gauge', 'Msg'];
  // At most one unit word per name: client_golang 1.14 picks among several in map order, which is not deterministic.
  const units = [
    'seconds',
    'milliseconds',
    'hours',
    'bytes',
    'kilobytes',
    'kibibytes',
    'bits',
    'meters',
    'kilometers',
    'celsius',
    'fahrenheit',
    'ounces',
    'volts',
    'microseconds',
    'thermometers',
  ];
  const abbreviations = ['s', 'ms', 'kb', 'mb', 'sec', 'b', 'h', 'd', 'm', 'us', 'ns', 'msg'];
  const suffixes = ['_total', '_count', '_sum', '_bucket', '_info', ''];
  const labelNames = ['method', 'code', 'statusCode', 'path', 'httpMethod', 'le', 'quantile', 'instance', 'Zone'];
  const lines: string[] = [];
  const duplicated = new Set<string>();
  for (let index = 0; index < familyCount; index++) {
    const tokens = [`f${seed}x${index}`];
    for (let count = 1 + Math.floor(next() * 3); count > 0; count--) tokens.push(pick(words));
    if (chance(0.4)) tokens.push(pick(units));
    if (chance(0.25)) tokens.push(pick(abbreviations));
    if (chance(0.25)) tokens.splice(1 + Math.floor(next() * (tokens.length - 1)), 0, pick(TYPE_WORDS));
    let name = tokens.join('_') + pick(suffixes);
    if (chance(0.08)) name = name.replace('_', ':');
    const type = pick(['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const);
    const helpStyle = pick(['text', 'text', 'escaped', 'none', 'empty']);
    if (helpStyle === 'text') lines.push(`# HELP ${name} Generated family ${index}.`);
    if (helpStyle === 'escaped') lines.push(`# HELP ${name} Two\\nlines with a \\\\ backslash.`);
    if (helpStyle === 'empty') lines.push(`# HELP ${name}`);
    if (type !== 'untyped') lines.push(`# TYPE ${name} ${type}`);
    const structural = type === 'histogram' ? 'le' : type === 'summary' ? 'quantile' : undefined;
    const labels = labelNames.filter((label) => label !== structural && chance(0.2));
    const series = 1 + Math.floor(next() * 3);
    const pairs = (serial: number, extra = '') => `{${[extra, ...labels.map((label) => `${label}="v${serial}"`)].filter(Boolean).join(',')}}`;
    for (let serial = 0; serial < series; serial++) {
      const value = pick(['1', '0.25', '3e2', 'NaN', '+Inf', '-7']);
      const timestamp = chance(0.2) ? ' 1700000000000' : '';
      if (type === 'histogram') {
        lines.push(`${name}_bucket${pairs(serial, 'le="0.5"')} 1`, `${name}_bucket${pairs(serial, 'le="+Inf"')} 2`);
        lines.push(`${name}_sum${pairs(serial)} 1.5`, `${name}_count${pairs(serial)} 2`);
      } else if (type === 'summary') {
        lines.push(`${name}${pairs(serial, 'quantile="0.9"')} 0.1`, `${name}_sum${pairs(serial)} 1.5`, `${name}_count${pairs(serial)} 2`);
      } else {
        lines.push(`${name}${pairs(serial)} ${value}${timestamp}`);
      }
    }
    // Without labels, a second series repeats the first.
    if (type !== 'histogram' && type !== 'summary' && labels.length === 0 && series > 1) duplicated.add(name);
    if (type !== 'histogram' && type !== 'summary' && chance(0.15)) {
      lines.push(`${name}${pairs(0)} 5`);
      duplicated.add(name);
    }
    if (chance(0.1)) lines.push(`# an ordinary comment about ${name}`, '');
  }
  return { text: lines.join('\n') + '\n', duplicated };
}

const HAND_WRITTEN = `# HELP bar_count A count that is no summary.
# TYPE bar_count gauge
bar_count{quantile="0.5"} 1
# HELP baz_sum A sum.
# TYPE baz_sum counter
baz_sum 1
# HELP disk_read_kb Read.
# TYPE disk_read_kb gauge
disk_read_kb 1
# HELP foo_bucket Buckets.
# TYPE foo_bucket gauge
foo_bucket{le="1"} 1
# HELP http_requests Requests.
# TYPE http_requests counter
http_requests 1
# HELP items_gauge Items.
# TYPE items_gauge gauge
items_gauge 1
# TYPE no_help_gauge gauge
no_help_gauge 1
# HELP queue_size_total Queue.
# TYPE queue_size_total gauge
queue_size_total 1
# HELP recording:rule_value Rule.
recording:rule_value 1
# HELP requestLatency_milliseconds Latency.
# TYPE requestLatency_milliseconds histogram
requestLatency_milliseconds_bucket{methodName="GET",le="+Inf"} 1
requestLatency_milliseconds_sum{methodName="GET"} 1
requestLatency_milliseconds_count{methodName="GET"} 1
# HELP uptime_hours Uptime.
# TYPE uptime_hours gauge
uptime_hours 1
# HELP milliseconds A unit as the first token.
# TYPE milliseconds gauge
milliseconds 1
# HELP latency_seconds Fine.
# TYPE latency_seconds summary
latency_seconds{quantile="0.99",le="1"} 1
latency_seconds_sum{le="1"} 1
latency_seconds_count{le="1"} 1
# HELP events_counter A gauge named like a counter.
# TYPE events_counter gauge
events_counter 1
# HELP raw_gauge Untyped.
raw_gauge 1
# HELP x_summary_total A summary named like a counter.
# TYPE x_summary_total summary
x_summary_total_sum 1
x_summary_total_count 1
# HELP up Up.
# TYPE up gauge
up{job="a"} 1
up{job="a"} 1
# HELP w_s_ms Two abbreviations.
# TYPE w_s_ms gauge
w_s_ms{aB="1",cD="2"} 1
w_s_ms{aB="2",cD="2"} 1
# HELP ok_bytes_total Fine.
# TYPE ok_bytes_total counter
ok_bytes_total 1
`;

function promtool(text: string): { lines: string[]; status: number | null } {
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  assert.ok(!run.error, `promtool must be installed (Debian package "prometheus"; CI installs it): ${run.error?.message}`);
  assert.ok(run.status === 0 || run.status === 3, `promtool check metrics failed (${run.status}): ${run.stderr}`);
  return { lines: run.stderr.split('\n').filter((line) => line !== ''), status: run.status };
}

/** What the old LintMetricTypeInName says that the current one does not: another type's word, or any on an untyped family. */
function isOldTypeInNameOnly(family: MetricDefinition, text: string): boolean {
  const match = /^metric name should not include type '(.*)'$/.exec(text);
  return match !== null && (family.type === 'untyped' || match[1] !== family.type);
}

interface Agreement {
  families: number;
  compared: number;
  excludedDuplicate: number;
  excludedTypeInName: number;
  mismatches: string[];
}

const totals: Agreement = { families: 0, compared: 0, excludedDuplicate: 0, excludedTypeInName: 0, mismatches: [] };
/** The rules whose problems took part in the comparison: every validation promtool 2.42 shares with us must. */
const comparedRules = new Set<string>();

function compare(label: string, text: string, duplicated?: Set<string>): void {
  const parsed = parseExposition('gen.prom', text);
  assert.deepEqual(parsed.unreadable, [], label);
  const byName = new Map(parsed.families.map((family) => [family.name, family]));
  const ours = new Set<string>();
  for (const family of parsed.families) {
    const problems = lintFamily({
      name: family.name,
      type: family.type,
      help: family.help,
      labels: (family.labels ?? []).map((place) => place.name),
      duplicate: family.duplicateSeries !== undefined,
    });
    for (const problem of problems) {
      if (problem.text === 'metric not unique') {
        // Not in client_golang 1.14: asserted against the generator's own record instead of promtool.
        totals.excludedDuplicate++;
        if (duplicated) assert.ok(duplicated.has(family.name), `${label}: ${family.name} reported not unique but was not repeated`);
        continue;
      }
      // Current LintMetricTypeInName: only the family's own type, never on untyped families.
      const typeWord = /'(.*)'$/.exec(problem.text)?.[1];
      if (problem.rule === 'PROMLINT_TYPE_IN_NAME')
        assert.ok(family.type !== 'untyped' && typeWord === family.type, `${label}: ${family.name} ${problem.text}`);
      ours.add(`${family.name} ${problem.text}`);
      comparedRules.add(problem.rule);
    }
  }
  if (duplicated) {
    for (const name of duplicated) {
      const family = byName.get(name);
      assert.ok(family?.duplicateSeries, `${label}: ${name} has a repeated series that was not found`);
    }
  }
  const theirs = new Set<string>();
  for (const line of promtool(text).lines) {
    const space = line.indexOf(' ');
    const family = byName.get(line.slice(0, space));
    assert.ok(family, `${label}: promtool names a family we did not read: ${line}`);
    if (isOldTypeInNameOnly(family, line.slice(space + 1))) {
      totals.excludedTypeInName++;
      continue;
    }
    theirs.add(line);
  }
  totals.families += parsed.families.length;
  const all = [...new Set([...ours, ...theirs])].sort();
  for (const line of all) {
    totals.compared++;
    if (!ours.has(line)) totals.mismatches.push(`${label}: only promtool: ${line}`);
    if (!theirs.has(line)) totals.mismatches.push(`${label}: only ours: ${line}`);
  }
}

test('promtool check metrics and our lint report the same problems on hand-written families', () => {
  compare('hand-written', HAND_WRITTEN);
  const parsed = parseExposition('hand.prom', HAND_WRITTEN);
  const lint = (name: string) => {
    const family = parsed.families.find((candidate) => candidate.name === name)!;
    return lintFamily({
      ...family,
      help: family.help,
      labels: (family.labels ?? []).map((place) => place.name),
      duplicate: family.duplicateSeries !== undefined,
    }).map((problem) => problem.text);
  };
  // The documented differences, as the current promlint has them.
  assert.deepEqual(lint('up'), ['metric not unique']);
  assert.deepEqual(lint('events_counter'), []);
  assert.deepEqual(lint('raw_gauge'), []);
  assert.deepEqual(lint('x_summary_total'), ['non-counter metrics should not have "_total" suffix', "metric name should not include type 'summary'"]);
  assert.deepEqual(lint('items_gauge'), ["metric name should not include type 'gauge'"]);
});

test('promtool check metrics and our lint report the same problems on generated families', () => {
  for (let seed = 1; seed <= 25; seed++) {
    const generated = generateFile(seed, 40);
    compare(`seed ${seed}`, generated.text, generated.duplicated);
  }
  console.log(
    `promtool agreement: ${totals.families} families, ${totals.compared} distinct problem lines compared, ${totals.mismatches.length} mismatches; ` +
      `left out as version differences: ${totals.excludedDuplicate} "metric not unique" (ours), ${totals.excludedTypeInName} older type-in-name (promtool's)`,
  );
  assert.deepEqual(totals.mismatches, []);
  assert.deepEqual([...comparedRules].sort(), [
    'PROMLINT_CAMEL_CASE',
    'PROMLINT_COUNTER',
    'PROMLINT_HELP',
    'PROMLINT_HISTOGRAM_SUMMARY_RESERVED',
    'PROMLINT_METRIC_UNITS',
    'PROMLINT_RESERVED_CHARS',
    'PROMLINT_TYPE_IN_NAME',
    'PROMLINT_UNIT_ABBREVIATIONS',
  ]);
  assert.ok(totals.families >= 1000 && totals.compared >= 1000, 'the generator must keep producing a meaningful corpus');
});

test('a file promtool cannot parse is unreadable for us too', () => {
  for (const text of [
    'garbage\n',
    'x{a="1" 2\n',
    'x 1 abc\n',
    '# TYPE x meter\nx 1\n',
    'x{a="1",a="2"} 1\n',
    '# HELP x a\n# HELP x b\nx 1\n',
    'x 1',
    'x +NaN\n',
    '# TYPE h histogram\nh_bucket{le="-nan"} 1\n',
  ]) {
    const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    assert.ok(!run.error, `promtool must be installed: ${run.error?.message}`);
    assert.equal(run.status, 1, `promtool rejects ${JSON.stringify(text)}`);
    const parsed = parseExposition('bad.prom', text);
    assert.equal(parsed.families.length, 0, JSON.stringify(text));
    const line = /in line (\d+):/.exec(run.stderr)?.[1];
    assert.equal(parsed.unreadable[0]?.reason.split(':')[0], `line ${line}`, `${JSON.stringify(text)}: ${run.stderr}`);
  }
});
