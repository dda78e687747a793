// The exposition parser: families as expfmt groups them (types, help, units, labels), where each is located, repeated
// series, OpenMetrics files, and lines that do not parse (the file then yields nothing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Location } from '../../server/src/engine/finding';
import { looksLikeExposition, parseExposition } from '../../server/src/metrics/exposition/parse';

const at = (location: Location | undefined) =>
  location ? `${location.range.start.line}:${location.range.start.character}-${location.range.end.line}:${location.range.end.character}` : 'none';

function families(text: string) {
  const parsed = parseExposition('metrics/app.prom', text);
  assert.deepEqual(parsed.unreadable, []);
  return parsed.families;
}

function unreadable(text: string): string {
  const parsed = parseExposition('metrics/app.prom', text);
  assert.deepEqual(parsed.families, []);
  assert.equal(parsed.unreadable.length, 1);
  assert.equal(parsed.unreadable[0].file, 'metrics/app.prom');
  return parsed.unreadable[0].reason;
}

test('.prom files and text that opens with HELP or TYPE lines are exposition files; other text is not', () => {
  assert.equal(looksLikeExposition('a/metrics.prom', 'anything'), true);
  assert.equal(looksLikeExposition('a/metrics.txt', '\n\n# HELP up Whether the target is up.\nup 1\n'), true);
  assert.equal(looksLikeExposition('a/metrics.txt', '# TYPE up gauge\nup 1\n'), true);
  assert.equal(looksLikeExposition('a/notes.txt', '# Notes\n# HELP up x\n'), false);
  assert.equal(looksLikeExposition('a/notes.txt', 'up 1\n'), false);
  assert.equal(looksLikeExposition('a/empty.txt', ''), false);
});

test('a family takes its type, help, labels in first-seen order, and sits on its TYPE line', () => {
  const text = [
    '# HELP http_requests_total Requests served.',
    '# TYPE http_requests_total counter',
    'http_requests_total{method="GET",code="200"} 3',
    'http_requests_total{code="500",handler="/x"} 1 1700000000000',
    '',
  ].join('\n');
  const [family] = families(text);
  assert.equal(family.name, 'http_requests_total');
  assert.equal(family.type, 'counter');
  assert.equal(family.help, 'Requests served.');
  assert.equal(family.source, 'exposition');
  assert.equal(family.identity, 'metrics/app.prom#http_requests_total');
  assert.deepEqual(
    family.labels?.map((label) => `${label.name}@${at(label.location)}`),
    ['method@2:20-2:26', 'code@2:33-2:37', 'handler@3:31-3:38'],
  );
  assert.deepEqual(family.constLabels, []);
  assert.equal(at(family.location), '1:0-1:34');
  assert.equal(at(family.nameLocation), '1:7-1:26');
  assert.equal(family.duplicateSeries, undefined);
});

test('without a TYPE line a family is untyped and sits on its HELP line, or else on its first sample', () => {
  const [helped, bare] = families('# HELP a_value A value.\na_value 1\nb_value{x="1"} 2\nb_value{x="2"} 2\n');
  assert.equal(helped.type, 'untyped');
  assert.equal(at(helped.location), '0:0-0:23');
  assert.equal(bare.type, 'untyped');
  assert.equal(bare.help, undefined);
  assert.equal(at(bare.location), '2:0-2:16');
  assert.equal(at(bare.nameLocation), '2:0-2:7');
});

test('a HELP line with no text sets no help, as expfmt reads it', () => {
  const [family] = families('# HELP x\n# TYPE x gauge\nx 1\n');
  assert.equal(family.help, undefined);
});

test('help text escapes are read; the type is read in any case', () => {
  const [family] = families('# HELP x Line one\\nback\\\\slash \\"quoted\\"\n# TYPE x GAUGE\nx 1\n');
  assert.equal(family.help, 'Line one\nback\\slash "quoted"');
  assert.equal(family.type, 'gauge');
});

test('histogram and summary samples group into their family, without the le and quantile labels', () => {
  const text = [
    '# TYPE latency_seconds histogram',
    'latency_seconds_bucket{le="0.1",path="/a"} 1',
    'latency_seconds_bucket{le="+Inf",path="/a"} 2',
    'latency_seconds_sum{path="/a"} 0.3',
    'latency_seconds_count{path="/a"} 2',
    '# TYPE rpc_seconds summary',
    'rpc_seconds{quantile="0.5"} 0.1',
    'rpc_seconds_sum 1',
    'rpc_seconds_count 4',
    '',
  ].join('\n');
  const parsed = families(text);
  assert.deepEqual(
    parsed.map((family) => `${family.name} ${family.type} [${family.labels?.map((label) => label.name).join(',')}]`),
    ['latency_seconds histogram [path]', 'rpc_seconds summary []'],
  );
});

test('a suffix sample before its family is declared, or of another type, is a family of its own, as in expfmt', () => {
  const parsed = families('# TYPE x counter\nx_count 1\nx 2\ny_sum 1\n# TYPE y summary\ny 1\n');
  assert.deepEqual(
    parsed.map((family) => `${family.name} ${family.type}`),
    ['x counter', 'x_count untyped', 'y_sum untyped', 'y summary'],
  );
});

test('le on a non-histogram and quantile on a non-summary stay labels, for the lint to see', () => {
  const [family] = families('# TYPE foo_bucket gauge\nfoo_bucket{le="1",quantile="0.5"} 1\n');
  assert.deepEqual(
    family.labels?.map((label) => label.name),
    ['le', 'quantile'],
  );
});

test('the first series that repeats an earlier one, label pairs in order, is recorded', () => {
  const [family] = families('# TYPE up gauge\nup{a="1",b="2"} 1\nup{b="2",a="1"} 1\nup{a="1",b="2"} 0\nup{a="1",b="2"} 0\n');
  assert.equal(at(family.duplicateSeries), '3:0-3:17');
  const [histogram] = families('# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="1"} 1\nh_count 1\n');
  assert.equal(histogram.duplicateSeries, undefined, 'expfmt merges a histogram by label set, so promlint sees no repeat');
});

test('families whose samples are written apart find their own first repeat, in file order', () => {
  const [a, b] = families('a{x="1"} 1\nb{x="1"} 1\na{x="2"} 1\nb{x="1"} 2\na{x="1"} 3\na{x="2"} 4\n');
  assert.equal(at(a.duplicateSeries), '4:0-4:10');
  assert.equal(at(b.duplicateSeries), '3:0-3:10');
});

test('a series written again with other blanks, a trailing comma or escapes is the same series; other pairs are not', () => {
  const repeated = (second: string) => families(`# TYPE up gauge\nup{a="x y",b="q\\"r"} 1\n${second}\n`)[0].duplicateSeries;
  for (const second of ['up{a="x y",b="q\\"r"} 2', 'up{ a = "x y" , b="q\\"r" } 2', 'up{a="x y",b="q\\"r",} 2', 'up {a="x y",b="q\\"r"}\t2 17']) {
    assert.equal(at(repeated(second)), `2:0-2:${second.length}`, second);
  }
  for (const second of ['up{b="q\\"r",a="x y"} 2', 'up{a="x y",b="q\\\\r"} 2', 'up{a="x y"} 2', 'up{a="x y",b="q\\"r",c=""} 2']) {
    assert.equal(repeated(second), undefined, second);
  }
  const [counter] = families('# TYPE a counter\na_total{x="1"} 1\na_total 1\na_total{} 2\n');
  assert.equal(at(counter.duplicateSeries), '3:0-3:11', 'no labels and empty braces name one series');
});

test('HELP and TYPE lines read the same with more blanks between their parts, and their ranges cover the line', () => {
  const parsed = families('# HELP a \tA value.\n#  TYPE a  gauge\na 1\n# HELP b B.\n# TYPE b\tcounter\nb_total 1\n# HELP c C \n# TYPE c Summary\nc 1\n');
  assert.deepEqual(
    parsed.map((family) => `${family.name} ${family.type} ${JSON.stringify(family.help)} ${at(family.location)} ${at(family.nameLocation)}`),
    ['a gauge "A value." 1:0-1:16 1:8-1:9', 'b_total untyped undefined 5:0-5:9 5:0-5:7', 'c summary "C " 7:0-7:16 7:7-7:8'],
  );
});

test('a line that fails after lines of its family that were read is reported as on its own', () => {
  const cases: [string, string][] = [
    ['x{a="1"} 1\nx{a="1",a="2"} 2\n', 'line 2: duplicate label names for metric "x"'],
    ['x{a="1"} 1\nx{a="2"} 1 abc\n', 'line 2: expected integer as timestamp, got "abc"'],
    ['x{a="1"} 1\nx{a="2"} 1\r\n', 'line 2: expected float as value, got "1\r"'],
    ['x{a="1"} 1\nx{a="2} 1\n', 'line 2: label value "2} 1" contains unescaped new-line'],
    ['# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="x"} 1\n', `line 3: expected float as value for 'le' label, got "x"`],
  ];
  for (const [text, reason] of cases) assert.equal(unreadable(text), reason, JSON.stringify(text));
});

test('families with no sample are left out, as expfmt drops them', () => {
  assert.deepEqual(
    families('# HELP a A.\n# TYPE a gauge\n# TYPE b counter\nb_total 1\n').map((family) => family.name),
    ['b_total'],
  );
});

test('OpenMetrics: UNIT is read, counters are named by their _total series, _created groups, and # EOF ends the file', () => {
  const text = [
    '# TYPE requests counter',
    '# UNIT requests requests',
    '# HELP requests Requests.',
    'requests_total{path="/"} 3 1700000000.5 # {trace_id="abc"} 1.0',
    'requests_created{path="/"} 1700000000',
    '# TYPE build info',
    'build_info{version="1"} 1',
    '# TYPE wait_seconds histogram',
    '# UNIT wait_seconds seconds',
    'wait_seconds_bucket{le="+Inf"} 1',
    'wait_seconds_created 1700000000',
    '# EOF',
    '',
  ].join('\n');
  const parsed = families(text);
  assert.deepEqual(
    parsed.map((family) => `${family.name} ${family.type} ${family.unit} [${family.labels?.map((label) => label.name).join(',')}]`),
    ['requests_total counter requests [path]', 'build info undefined [version]', 'wait_seconds histogram seconds []'],
  );
  assert.equal(parsed[0].identity, 'metrics/app.prom#requests_total');
  assert.equal(unreadable('# TYPE x gauge\nx 1\n# EOF\ny 1\n'), 'line 4: a line after "# EOF"');
});

test('in the text format, UNIT and EOF are plain comments and OpenMetrics types are unknown', () => {
  assert.equal(unreadable('# TYPE x info\nx 1\n'), 'line 1: unknown metric type "info"');
});

test('a line that does not parse makes the file unreadable, with its line number, and yields no families', () => {
  const cases: [string, string][] = [
    ['garbage\n', 'line 1: expected float as value, got ""'],
    ['ok 1\n0bad 1\n', 'line 2: invalid metric name'],
    ['x{a="1" 2\n', `line 1: unexpected end of label value "1"`],
    ['x{a=1} 2\n', `line 1: expected '"' at start of label value, found '1'`],
    ['x{a="1",a="2"} 2\n', 'line 1: duplicate label names for metric "x"'],
    ['x{__name__="y"} 2\n', 'line 1: label name "__name__" is reserved'],
    ['x{a} 2\n', `line 1: expected '=' after label name, found '}'`],
    ['x{1a="b"} 2\n', 'line 1: invalid label name for metric "x"'],
    ['x{a="\\q"} 2\n', `line 1: invalid escape sequence '\\q'`],
    ['x 1 abc\n', 'line 1: expected integer as timestamp, got "abc"'],
    ['x 1 \n', 'line 1: expected integer as timestamp, got ""'],
    ['x 1 2 3\n', 'line 1: spurious string after timestamp: " 3"'],
    ['x 1_000\n', 'line 1: expected float as value, got "1_000"'],
    ['x 1\r\n', 'line 1: expected float as value, got "1\r"'],
    ['x 1', 'line 1: unexpected end of input stream (the last line must end with a line feed)'],
    ['# HELP x a\n# HELP x b\nx 1\n', 'line 2: second HELP line for metric name "x"'],
    ['x 1\n# TYPE x gauge\n', 'line 2: second TYPE line for metric name "x", or TYPE reported after samples'],
    ['# TYPE x meter\nx 1\n', 'line 1: unknown metric type "meter"'],
    ['# HELP x{ a\n', 'line 1: invalid metric name in comment'],
    ['# TYPE h histogram\nh_bucket{le="big"} 1\n', `line 2: expected float as value for 'le' label, got "big"`],
  ];
  for (const [text, reason] of cases) assert.equal(unreadable(text), reason, JSON.stringify(text));
});

test('values and comments that expfmt accepts are read', () => {
  const parsed = families('# a comment\n#\n  \nx{a="\\"q\\" \\\\ \\n",} NaN\ny -Inf 17\nz 1.5e-3\nw{} +Inf\n# HELP\n');
  assert.deepEqual(
    parsed.map((family) => family.name),
    ['x', 'y', 'z', 'w'],
  );
});
