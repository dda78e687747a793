// The semantic-convention rules on base/head registry snippets: stability downgrades, new deprecations, and registry
// attributes removed or retyped (Weaver's compatibility policy texts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Location } from '../../server/src/engine/finding';
import type { MetricDefinition, MetricsIndex } from '../../server/src/metrics/model';
import type { DefinitionPair, MetricsFinding, MetricsPair } from '../../server/src/metrics/rules/family';
import { SEMCONV_RULES, semconvFamily } from '../../server/src/metrics/rules/semconv';
import { DEFAULT_OTEL_TO_PROMETHEUS } from '../../server/src/metrics/semconv/otelNames';
import { readSemconvFile, resolveSemconv, type SemconvFile } from '../../server/src/metrics/semconv/registry';

type Tree = Record<string, string>;

function index(tree: Tree): MetricsIndex {
  const files = Object.entries(tree)
    .map(([path, text]) => readSemconvFile(path, text))
    .filter((file): file is SemconvFile => file !== undefined);
  const resolved = resolveSemconv(files);
  return {
    definitions: resolved.definitions,
    calls: [],
    queries: [],
    attributes: resolved.attributes,
    files: Object.keys(tree),
    unreadable: resolved.unreadable,
  };
}

/** Pairs definitions by identity, as the index does for semconv groups. */
function pairOf(base: MetricsIndex, head: MetricsIndex, extraHead: MetricDefinition[] = []): MetricsPair {
  const heads = new Map([...head.definitions, ...extraHead].map((definition) => [definition.identity, definition]));
  const pairs: DefinitionPair[] = [];
  const removed: MetricDefinition[] = [];
  for (const definition of base.definitions) {
    const partner = heads.get(definition.identity);
    if (partner) {
      pairs.push({ base: definition, head: partner });
      heads.delete(definition.identity);
    } else removed.push(definition);
  }
  return {
    base,
    head,
    pairs,
    removed,
    added: [...heads.values()],
    options: { otelToPrometheus: DEFAULT_OTEL_TO_PROMETHEUS, lintOtelNames: false },
    unreadable: new Set(),
    headPathOf: (path) => path,
  };
}

function at(location: Location | undefined): string {
  return location ? `${location.file}:${location.range.start.line + 1}:${location.range.start.character + 1}` : '-';
}

function findings(base: Tree, head: Tree): string[] {
  const found: MetricsFinding[] = [];
  semconvFamily.check(pairOf(index(base), index(head)), { finding: (finding) => found.push(finding) });
  return found.map((finding) => `${at(finding.location)} ${finding.rule} ${finding.message} [base ${at(finding.base ?? finding.related?.location)}]`);
}

const metric = (fields: string) => `groups:
  - id: metric.http.server.request.duration
    type: metric
    metric_name: http.server.request.duration
    brief: Duration.
    instrument: histogram
    unit: s
${fields}`;

test('the family declares its five rules with their categories, severities and Weaver anchors', () => {
  assert.deepEqual(
    SEMCONV_RULES.map((rule) => [rule.id, rule.kind, rule.defaultSeverity, rule.categories.join(','), rule.sameAs ?? '']),
    [
      ['METRIC_STABILITY_DOWNGRADED', 'metrics', 'error', 'BREAKING,SEMCONV', 'weaver:compatibility_metric_changed_stability'],
      ['METRIC_DEPRECATED', 'metrics', 'info', 'BREAKING,SEMCONV', ''],
      ['ATTRIBUTE_REMOVED', 'metrics', 'error', 'BREAKING,SEMCONV', 'weaver:compatibility_removed_attribute'],
      ['ATTRIBUTE_TYPE_CHANGED', 'metrics', 'error', 'BREAKING,SEMCONV', 'weaver:compatibility_stable_attribute_changed_type'],
      ['ATTRIBUTE_STABILITY_DOWNGRADED', 'metrics', 'error', 'BREAKING,SEMCONV', 'weaver:compatibility_stable_attribute_now_unstable'],
    ],
  );
});

test('METRIC_STABILITY_DOWNGRADED: a stable metric made development is reported on its head group', () => {
  assert.deepEqual(findings({ 'm.yaml': metric('    stability: stable\n') }, { 'm.yaml': metric('    stability: development\n') }), [
    'm.yaml:2:5 METRIC_STABILITY_DOWNGRADED Metric "http.server.request.duration" cannot change from stable (now development). [base m.yaml:2:5]',
  ]);
});

test('METRIC_STABILITY_DOWNGRADED: a stability removed altogether is a downgrade too', () => {
  assert.deepEqual(findings({ 'm.yaml': metric('    stability: stable\n') }, { 'm.yaml': metric('') }), [
    'm.yaml:2:5 METRIC_STABILITY_DOWNGRADED Metric "http.server.request.duration" cannot change from stable (now unset). [base m.yaml:2:5]',
  ]);
});

test('METRIC_STABILITY_DOWNGRADED: promotion to stable, and staying stable, are fine', () => {
  assert.deepEqual(findings({ 'm.yaml': metric('    stability: development\n') }, { 'm.yaml': metric('    stability: stable\n') }), []);
  assert.deepEqual(findings({ 'm.yaml': metric('    stability: stable\n') }, { 'm.yaml': metric('    stability: stable\n') }), []);
});

test('METRIC_DEPRECATED: a new renamed deprecation names the new metric; the reason is given as written', () => {
  const renamed = '    stability: development\n    deprecated:\n      reason: renamed\n      renamed_to: http.server.duration\n';
  assert.deepEqual(findings({ 'm.yaml': metric('    stability: development\n') }, { 'm.yaml': metric(renamed) }), [
    'm.yaml:2:5 METRIC_DEPRECATED Metric "http.server.request.duration" is deprecated (renamed, renamed to "http.server.duration"). [base m.yaml:2:5]',
  ]);
  const obsoleted = '    stability: development\n    deprecated:\n      reason: obsoleted\n      note: Gone.\n';
  assert.deepEqual(findings({ 'm.yaml': metric('    stability: development\n') }, { 'm.yaml': metric(obsoleted) }), [
    'm.yaml:2:5 METRIC_DEPRECATED Metric "http.server.request.duration" is deprecated (obsoleted). [base m.yaml:2:5]',
  ]);
  assert.deepEqual(findings({ 'm.yaml': metric('    stability: development\n') }, { 'm.yaml': metric('    deprecated: "Use something else."\n') }), [
    'm.yaml:2:5 METRIC_DEPRECATED Metric "http.server.request.duration" is deprecated (uncategorized). [base m.yaml:2:5]',
  ]);
});

test('METRIC_DEPRECATED: a deprecation already there at the base is not reported again, even when its text changes', () => {
  const base = metric('    deprecated:\n      reason: obsoleted\n');
  const head = metric('    deprecated:\n      reason: renamed\n      renamed_to: x\n');
  assert.deepEqual(findings({ 'm.yaml': base }, { 'm.yaml': head }), []);
});

test('a stable metric that is deprecated and no longer stable gets both findings', () => {
  const head = metric('    stability: development\n    deprecated:\n      reason: obsoleted\n');
  assert.deepEqual(
    findings({ 'm.yaml': metric('    stability: stable\n') }, { 'm.yaml': head }).map((line) => line.split(' ')[1]),
    ['METRIC_STABILITY_DOWNGRADED', 'METRIC_DEPRECATED'],
  );
});

const registry = (attributes: string) => `groups:
  - id: registry.http
    type: attribute_group
    brief: HTTP.
    attributes:
${attributes}`;
const ROUTE = '      - id: http.route\n        type: string\n        stability: stable\n';
const METHOD = '      - id: http.method\n        type: string\n        stability: development\n';

test('ATTRIBUTE_REMOVED: the finding sits at the top of the head file that held it, pointing at the base definition', () => {
  assert.deepEqual(findings({ 'r.yaml': registry(ROUTE + METHOD) }, { 'r.yaml': registry(ROUTE) }), [
    "r.yaml:1:1 ATTRIBUTE_REMOVED Attribute 'http.method' no longer exists in the attribute registry [base r.yaml:9:9]",
  ]);
});

test('ATTRIBUTE_REMOVED: when the file is gone too, the finding keeps the base place', () => {
  assert.deepEqual(findings({ 'old.yaml': registry(METHOD), 'r.yaml': registry(ROUTE) }, { 'r.yaml': registry(ROUTE) }), [
    "old.yaml:6:9 ATTRIBUTE_REMOVED Attribute 'http.method' no longer exists in the attribute registry [base old.yaml:6:9]",
  ]);
});

test('ATTRIBUTE_REMOVED: an attribute moved to another file, or deprecated, still exists', () => {
  assert.deepEqual(findings({ 'a.yaml': registry(METHOD), 'b.yaml': registry(ROUTE) }, { 'b.yaml': registry(ROUTE + METHOD) }), []);
  const deprecated =
    '      - id: http.method\n        type: string\n        stability: development\n        deprecated:\n          reason: renamed\n          renamed_to: http.request.method\n';
  assert.deepEqual(findings({ 'r.yaml': registry(METHOD) }, { 'r.yaml': registry(deprecated) }), []);
});

test('ATTRIBUTE_REMOVED: definition/2 attributes are compared by key', () => {
  const v2 = (keys: string[]) =>
    `file_format: definition/2\nattributes:\n${keys.map((key) => `  - key: ${key}\n    type: int\n    stability: stable\n`).join('')}`;
  assert.deepEqual(findings({ 'v2.yaml': v2(['a.b', 'c.d']) }, { 'v2.yaml': v2(['a.b']) }), [
    "v2.yaml:1:1 ATTRIBUTE_REMOVED Attribute 'c.d' no longer exists in the attribute registry [base v2.yaml:6:5]",
  ]);
});

test('ATTRIBUTE_TYPE_CHANGED: a stable attribute with a new type is reported on its head definition', () => {
  const intRoute = ROUTE.replace('type: string', 'type: int');
  assert.deepEqual(findings({ 'r.yaml': registry(ROUTE) }, { 'r.yaml': registry(METHOD + intRoute) }), [
    "r.yaml:9:9 ATTRIBUTE_TYPE_CHANGED Attribute 'http.route' was 'string', but has new type 'int' [base r.yaml:6:9]",
  ]);
});

test('ATTRIBUTE_STABILITY_DOWNGRADED: a stable attribute made development, or left without a stability, is reported on its head definition', () => {
  const developmentRoute = ROUTE.replace('stability: stable', 'stability: development');
  assert.deepEqual(findings({ 'r.yaml': registry(ROUTE) }, { 'r.yaml': registry(METHOD + developmentRoute) }), [
    "r.yaml:9:9 ATTRIBUTE_STABILITY_DOWNGRADED Attribute 'http.route' was stable, but has new stability marker [base r.yaml:6:9]",
  ]);
  assert.deepEqual(findings({ 'r.yaml': registry(ROUTE) }, { 'r.yaml': registry(ROUTE.replace(/ *stability: stable\n/, '')) }), [
    "r.yaml:6:9 ATTRIBUTE_STABILITY_DOWNGRADED Attribute 'http.route' was stable, but has new stability marker [base r.yaml:6:9]",
  ]);
});

test('ATTRIBUTE_STABILITY_DOWNGRADED: an attribute made stable, or one that stays stable while deprecated, is not', () => {
  assert.deepEqual(findings({ 'r.yaml': registry(METHOD) }, { 'r.yaml': registry(METHOD.replace('stability: development', 'stability: stable')) }), []);
  const deprecated = `${ROUTE}        deprecated:\n          reason: obsoleted\n          note: No longer recorded.\n`;
  assert.deepEqual(findings({ 'r.yaml': registry(ROUTE) }, { 'r.yaml': registry(deprecated) }), []);
});

test('ATTRIBUTE_TYPE_CHANGED: an attribute that was not stable may change type', () => {
  assert.deepEqual(findings({ 'r.yaml': registry(METHOD) }, { 'r.yaml': registry(METHOD.replace('type: string', 'type: string[]')) }), []);
});

test("ATTRIBUTE_TYPE_CHANGED: an enum made a plain type uses Weaver's enum text; an enum with other members, or a string made an enum, follow Weaver too", () => {
  const enumOf = (members: string[]) =>
    `      - id: http.request.method\n        stability: stable\n        type:\n          members:\n${members.map((member) => `            - id: ${member}\n              value: ${member.toUpperCase()}\n`).join('')}`;
  const plain = '      - id: http.request.method\n        stability: stable\n        type: string\n';
  assert.deepEqual(findings({ 'r.yaml': registry(enumOf(['get'])) }, { 'r.yaml': registry(plain) }), [
    "r.yaml:6:9 ATTRIBUTE_TYPE_CHANGED Attribute 'http.request.method' was enum, but has new type 'string' [base r.yaml:6:9]",
  ]);
  assert.deepEqual(findings({ 'r.yaml': registry(enumOf(['get'])) }, { 'r.yaml': registry(enumOf(['get', 'post'])) }), []);
  assert.deepEqual(findings({ 'r.yaml': registry(plain) }, { 'r.yaml': registry(enumOf(['get'])) }), [
    "r.yaml:6:9 ATTRIBUTE_TYPE_CHANGED Attribute 'http.request.method' was 'string', but has new type 'enum' [base r.yaml:6:9]",
  ]);
});

test('without a base (a first commit) nothing is compared', () => {
  const head = index({ 'r.yaml': registry(ROUTE), 'm.yaml': metric('    stability: development\n') });
  const found: MetricsFinding[] = [];
  semconvFamily.check(
    {
      base: undefined,
      head,
      pairs: [],
      removed: [],
      added: head.definitions,
      options: { otelToPrometheus: DEFAULT_OTEL_TO_PROMETHEUS, lintOtelNames: false },
      unreadable: new Set(),
      headPathOf: (path) => path,
    },
    { finding: (finding) => found.push(finding) },
  );
  assert.deepEqual(found, []);
});

test('definitions of other sources are left to their own rules', () => {
  const base = index({ 'm.yaml': metric('    stability: stable\n') });
  const head = index({ 'm.yaml': metric('    stability: development\n') });
  const fromGo: MetricDefinition = { ...head.definitions[0], source: 'otel-go' };
  const found: MetricsFinding[] = [];
  semconvFamily.check({ ...pairOf(base, head), pairs: [{ base: base.definitions[0], head: fromGo }] }, { finding: (finding) => found.push(finding) });
  assert.deepEqual(found, []);
});
