// Every rule has code, a test and a doc page with the same name; every ID of each kind's anchor tool (buf's breaking rules
// for protobuf) is implemented or waived with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { rulesOf } from '../server/src/engine/comparison';
import { CHECKERS } from '../server/src/registry';

const RULES = rulesOf(CHECKERS);
import { docPath } from '../server/src/engine/rule';
import { expandId } from '../server/src/protobuf/categories';
import bufRuleIds from './fixtures/buf-breaking-rule-ids.json';
import oasdiffIds from './fixtures/oasdiff-breaking-ids.json';

const ROOT = path.resolve(__dirname, '..');

/** The tool each kind agrees with: its checked-in list of IDs, and the IDs we have no rule object for, each with the reason. */
interface Anchor {
  kind: string;
  /** The prefix of `sameAs`: 'buf' for 'buf:FIELD_NO_DELETE'. */
  tool: string;
  ids: readonly string[];
  waivers: ReadonlyMap<string, string>;
  /** The tool's IDs are not ours (promlint's `LintCounter` is our PROMLINT_COUNTER): a rule covers an ID through its `sameAs`. */
  throughSameAs?: boolean;
}

const ANCHORS: readonly Anchor[] = [
  {
    kind: 'protobuf',
    tool: 'buf',
    ids: bufRuleIds.ids,
    waivers: new Map([
      [
        'FIELD_SAME_LABEL',
        'deprecated in buf, which accepts it only in a buf.yaml v1 and runs FIELD_SAME_CARDINALITY, FIELD_WIRE_COMPATIBLE_CARDINALITY and FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY instead; protobuf/categories.ts expands it the same way',
      ],
    ]),
  },
  {
    kind: 'openapi',
    tool: 'oasdiff',
    ids: [...oasdiffIds.ERR, ...oasdiffIds.WARN].sort(),
    // Issue 13 is open: the check families built so far are in server/src/openapi/rules/; these IDs have none yet.
    waivers: new Map(
      [...oasdiffIds.ERR, ...oasdiffIds.WARN]
        .filter((id) => !RULES.some((rule) => rule.id === id))
        .map((id) => [id, 'not implemented yet: its check family is still to be built (issue 13, "every breaking check")']),
    ),
  },
  {
    kind: 'metrics',
    tool: 'promlint',
    // promlint's validations (client_golang testutil/promlint, DESIGN §1.3), each one of our NAMING rules.
    ids: [
      'LintHelp',
      'LintMetricUnits',
      'LintCounter',
      'LintHistogramSummaryReserved',
      'LintMetricTypeInName',
      'LintReservedChars',
      'LintCamelCase',
      'LintUnitAbbreviations',
      'LintDuplicateMetric',
    ],
    waivers: new Map(),
    throughSameAs: true,
  },
  {
    kind: 'metrics',
    tool: 'weaver',
    // The backwards-compatibility policies of OpenTelemetry's Weaver package for metrics and registry attributes (DESIGN §1.4).
    ids: [
      'compatibility_metric_missing',
      'compatibility_metric_changed_stability',
      'compatibility_metric_changed_unit',
      'compatibility_metric_changed_instrument',
      'compatibility_metric_changed_attributes',
      'compatibility_metric_added_attributes',
      'compatibility_removed_attribute',
      'compatibility_stable_attribute_now_unstable',
      'compatibility_stable_attribute_changed_type',
    ],
    waivers: new Map([
      ['compatibility_metric_missing', 'METRIC_REMOVED covers it for every source, semantic conventions included, with its own message'],
      ['compatibility_metric_changed_unit', 'METRIC_UNIT_CHANGED covers it for every source, with the Prometheus rename the unit causes'],
      ['compatibility_metric_changed_instrument', 'METRIC_TYPE_CHANGED covers it for every source (type or instrument)'],
      ['compatibility_metric_changed_attributes', 'METRIC_LABEL_REMOVED covers it: an attribute ref dropped from a metric is a label removed'],
      ['compatibility_metric_added_attributes', 'METRIC_LABEL_ADDED covers it, an error for a stable metric when the attribute is not opt_in'],
    ]),
    throughSameAs: true,
  },
];

function testSources(): string {
  const collect = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : collect(full);
      return entry.name.endsWith('.ts') && !full.endsWith('registry.test.ts') ? [fs.readFileSync(full, 'utf8')] : [];
    });
  return collect(path.join(ROOT, 'test')).join('\n');
}

test('rule IDs are unique', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.deepEqual(
    ids.filter((id, index) => ids.indexOf(id) !== index),
    [],
  );
});

test('every rule has a doc page whose first line is its summary', () => {
  for (const rule of RULES) {
    const file = path.join(ROOT, docPath(rule));
    assert.ok(fs.existsSync(file), `${rule.id}: missing ${docPath(rule)}`);
    const firstLine = fs.readFileSync(file, 'utf8').split('\n')[0];
    assert.equal(firstLine, rule.summary, `${rule.id}: first line of ${docPath(rule)}`);
    assert.doesNotMatch(rule.summary, /\.$/, `${rule.id}: a summary has no trailing period`);
  }
});

test('some test case names every rule ID', () => {
  const sources = testSources();
  for (const rule of RULES) assert.ok(sources.includes(`'${rule.id}'`) || sources.includes(`"${rule.id}"`), `${rule.id}: no test names it`);
});

test('every kind has an anchor tool whose IDs it covers', () => {
  assert.deepEqual(
    CHECKERS.map((checker) => checker.kind),
    [...new Set(ANCHORS.map((anchor) => anchor.kind))],
  );
});

for (const anchor of ANCHORS) {
  test(`every ${anchor.tool} ID has a ${anchor.kind} rule or a waiver with a reason, and no waiver covers an implemented rule`, () => {
    const rules = RULES.filter((rule) => rule.kind === anchor.kind && (!anchor.throughSameAs || rule.sameAs?.startsWith(`${anchor.tool}:`)));
    const implemented = new Set(rules.map((rule) => (anchor.throughSameAs ? rule.sameAs!.slice(anchor.tool.length + 1) : rule.id)));
    for (const id of anchor.ids) {
      assert.ok(implemented.has(id) || (anchor.waivers.get(id) ?? '').length > 10, `${id}: no rule and no waiver`);
      assert.ok(!(implemented.has(id) && anchor.waivers.has(id)), `${id}: implemented but still waived`);
    }
    for (const id of anchor.waivers.keys()) assert.ok(anchor.ids.includes(id), `${id}: waived but ${anchor.tool} has no such ID`);
    const levels =
      anchor.kind === 'openapi'
        ? new Map([...oasdiffIds.ERR.map((id) => [id, 'error'] as const), ...oasdiffIds.WARN.map((id) => [id, 'warning'] as const)])
        : undefined;
    for (const rule of rules) if (levels) assert.equal(rule.defaultSeverity, levels.get(rule.id), `${rule.id}: oasdiff's level`);
    for (const rule of rules.filter((candidate) => candidate.sameAs !== undefined && !anchor.throughSameAs)) {
      assert.equal(rule.sameAs, `${anchor.tool}:${rule.id}`, `${rule.id}: sameAs names the anchor and the same ID`);
      assert.ok(anchor.ids.includes(rule.id), `${rule.id}: ${anchor.tool} has no such ID`);
    }
  });
}

test('the checked-in list of buf rule IDs is what the installed buf lists', () => {
  const buf = path.join(ROOT, 'node_modules', '.bin', 'buf');
  const listed = new Set<string>();
  for (const version of ['v1', 'v2']) {
    const output = execFileSync(buf, ['config', 'ls-breaking-rules', '--version', version, '--include-deprecated', '--format', 'json'], { encoding: 'utf8' });
    for (const line of output.trim().split('\n')) listed.add((JSON.parse(line) as { id: string }).id);
  }
  assert.deepEqual([...listed].sort(), bufRuleIds.ids);
});

test('the deprecated FIELD_SAME_LABEL runs the three cardinality rules under buf.yaml v1, as its waiver says', () => {
  assert.deepEqual([...expandId('FIELD_SAME_LABEL', 'v1')].sort(), [
    'FIELD_SAME_CARDINALITY',
    'FIELD_WIRE_COMPATIBLE_CARDINALITY',
    'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY',
  ]);
});

test('the README lists every rule with a link to its doc page', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const rule of RULES) assert.ok(readme.includes(`[\`${rule.id}\`](${docPath(rule)})`), `${rule.id}: not in the README's rule table`);
});
