// Rule files: every rule's expr is read whatever its YAML style, and each name is placed at its real line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from '../../server/src/engine/finding';
import { extractRuleFile, looksLikeRuleFile } from '../../server/src/metrics/promql/ruleFiles';

const at = ({ range: { start, end } }: Location) => `${start.line}:${start.character}-${end.line}:${end.character}`;

/** Each ref as `context metric@line:col-line:col role:label@… …`, after checking that each location spells its name. */
function refs(text: string): string[] {
  const reading = extractRuleFile('rules.yaml', text);
  assert.ok(reading);
  assert.deepEqual(reading.unreadable, []);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const spelled = ({ range: { start, end } }: Location) =>
    lines[start.line].slice(start.character - (text.startsWith('\uFEFF') && start.line === 0 ? 1 : 0), end.character);
  return reading.refs.map((ref) => {
    assert.equal(spelled(ref.location), ref.metric);
    for (const label of ref.labels) assert.equal(spelled(label.location), label.name);
    return [
      `${ref.context.kind}:${ref.context.name} ${ref.metric}@${at(ref.location)}`,
      ...ref.labels.map((label) => `${label.role}:${label.name}@${at(label.location)}`),
    ].join(' ');
  });
}

const rules = (body: string) => `groups:\n  - name: example\n    rules:\n${body}`;

test('a plain expr on the rule line, and a plain scalar continued on the next lines', () => {
  assert.deepEqual(refs(rules('      - record: job:up:sum\n        expr: sum by (job) (up{env="prod"})\n')), [
    'record:job:up:sum up@4:28-4:30 matcher:env@4:31-4:34 by:job@4:22-4:25',
  ]);
  assert.deepEqual(refs(rules('      - alert: Down\n        expr: up\n          == 0 or\n          absent(up{job="x"})  # no series\n')), [
    'alert:Down up@4:14-4:16',
    'alert:Down up@6:17-6:19 matcher:job@6:20-6:23',
  ]);
});

test('single- and double-quoted exprs, with escapes and folded lines', () => {
  assert.deepEqual(refs(rules(`      - record: a\n        expr: 'x{code=''5xx''} / y'\n`)), [
    'record:a x@4:15-4:16 matcher:code@4:17-4:21',
    'record:a y@4:33-4:34',
  ]);
  assert.deepEqual(refs(rules(`      - record: b\n        expr: "rate(x{job=\\"a\\"}[5m])\\n  / on(job)\n          y"\n`)), [
    'record:b x@4:20-4:21 matcher:job@4:22-4:25 on:job@4:46-4:49',
    'record:b y@5:10-5:11 on:job@4:46-4:49',
  ]);
  assert.deepEqual(refs(rules(`      - record: c\n        expr: "x{a=\\"\\u00e9\\x41\\"} # c\\n  + z{b=\\"\\\\\\\\\\"}"\n`)), [
    'record:c x@4:15-4:16 matcher:a@4:17-4:18',
    'record:c z@4:44-4:45 matcher:b@4:46-4:47',
  ]);
});

test('a literal block, with an indentation indicator and keep chomping', () => {
  assert.deepEqual(
    refs(rules('      - alert: High\n        expr: |\n          sum by (code) (\n            rate(x[5m])\n          ) > 1\n        for: 5m\n')),
    ['alert:High x@6:17-6:18 by:code@5:18-5:22'],
  );
  assert.deepEqual(refs(rules('      - alert: High\n        expr: |2+ # indented\n           x\n            / y\n\n')), [
    'alert:High x@5:11-5:12',
    'alert:High y@6:14-6:15',
  ]);
});

test('a folded block, with more-indented lines and empty lines', () => {
  assert.deepEqual(
    refs(rules('      - record: r\n        expr: >-\n          sum without (pod) (\n            a{x="1"})\n\n          / ignoring(pod)\n          b\n')),
    ['record:r a@6:12-6:13 matcher:x@6:14-6:15 without:pod@5:23-5:26 ignoring:pod@8:21-8:24', 'record:r b@9:10-9:11 ignoring:pod@8:21-8:24'],
  );
  assert.deepEqual(refs(rules('      - record: r\n        expr: >\n          a\n          + b\n')), ['record:r a@5:10-5:11', 'record:r b@6:12-6:13']);
});

test('CRLF line ends and a byte-order mark keep columns right', () => {
  const text = `\uFEFF${rules('      - record: r\n        expr: |\n          a{b="c"}\n          + d\n')}`.replace(/\n/g, '\r\n');
  assert.deepEqual(refs(text), ['record:r a@5:10-5:11 matcher:b@5:12-5:13', 'record:r d@6:12-6:13']);
});

test('a Kubernetes PrometheusRule object, among other documents', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\n---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up == 0\n`;
  assert.deepEqual(refs(text), ['alert:A up@10:16-10:18']);
});

test('an expr that does not parse is reported with its rule and real position, and gives no references', () => {
  const reading = extractRuleFile(
    'rules.yaml',
    rules('      - record: good\n        expr: up\n      - alert: Typing\n        expr: |\n          sum by (code (\n            rate(x[5m]))\n'),
  );
  assert.deepEqual(reading, {
    refs: [
      {
        context: { kind: 'record', name: 'good' },
        metric: 'up',
        location: { file: 'rules.yaml', range: { start: { line: 4, character: 14 }, end: { line: 4, character: 16 } } },
        labels: [],
      },
    ],
    unreadable: [{ file: 'rules.yaml', reason: 'alert "Typing": the query does not parse (line 8, column 24, near "(")' }],
  });
});

test('a rule without expr and a YAML syntax error are reported, not skipped', () => {
  assert.deepEqual(extractRuleFile('r.yaml', rules('      - alert: NoExpr\n        for: 5m\n'))?.unreadable, [
    { file: 'r.yaml', reason: 'alert "NoExpr" has no expr' },
  ]);
  assert.deepEqual(extractRuleFile('r.yaml', rules('      - alert: A\n        expr: "up\n')), {
    refs: [],
    unreadable: [{ file: 'r.yaml', reason: 'not valid YAML (line 6: Missing closing "quote); its rules are not read' }],
  });
});

test('YAML that is not a rule file gives undefined', () => {
  assert.equal(extractRuleFile('semconv.yaml', 'groups:\n  - id: metric.http\n    type: metric\n    metric_name: http.server.duration\n'), undefined);
  assert.equal(extractRuleFile('c.yaml', 'services:\n  web:\n    image: nginx\n'), undefined);
  assert.equal(extractRuleFile('e.yaml', 'groups: []\n'), undefined);
  assert.equal(looksLikeRuleFile('services:\n  web: {}\n'), false);
  assert.equal(looksLikeRuleFile(rules('      - record: r\n        expr: up\n')), true);
});

test('an OpenAPI description whose schemas have groups and rules properties is not a rule file', () => {
  const schemas =
    'components:\n  schemas:\n    RuleGroups:\n      properties:\n        groups:\n          items:\n            properties:\n              rules:\n                type: array\n';
  assert.equal(looksLikeRuleFile(`openapi: 3.1.0\n${schemas}`), false);
  assert.equal(looksLikeRuleFile(`swagger: "2.0"\n${schemas}`), false);
  // The same keys in a file of another kind still look like rules, to be read and decided by the parse.
  assert.equal(looksLikeRuleFile(schemas), true);
});
