// The engine's own duties around any kind: severities, path filters, focus, inline suppressions, fix titles and order.
// The kind here is a tiny real one that reports every line containing "BREAK" in a .proto file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../server/src/engine/check';
import type { Comparison, KindChecker, KindReport, KindReporter } from '../../server/src/engine/comparison';
import { defaultConfig, type GraycheckConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { LineIndex } from '../../server/src/engine/range';
import { applyTextEdits } from '../../server/src/engine/edit';
import { suppressFix } from '../../server/src/engine/suppressions';
import type { Finding } from '../../server/src/engine/finding';

const markerChecker: KindChecker = {
  kind: 'protobuf',
  title: 'Markers',
  files: { sources: ['**/*.proto'], configuration: [], sourceChange: 'file', languages: [] },
  startSession: () => ({ check: markerCheck }),
  rules: [
    { id: 'MARKER', kind: 'protobuf', categories: ['FILE'], defaultSeverity: 'error', summary: 'A line says BREAK' },
    { id: 'OTHER', kind: 'protobuf', categories: ['FILE'], defaultSeverity: 'warning', summary: 'A line says OTHER' },
  ],
  fixes: () => [],
};

async function markerCheck(comparison: Comparison, report: KindReporter): Promise<KindReport> {
  const paths = (await comparison.head.list()).filter((path) => path.endsWith('.proto'));
  for (const path of paths) {
    const lines = new LineIndex((await comparison.head.read(path)) ?? '');
    for (let line = 0; line < lines.lineCount; line++) {
      for (const [word, rule] of [
        ['BREAK', 'MARKER'],
        ['OTHER', 'OTHER'],
      ] as const) {
        const character = lines.lineText(line).indexOf(word);
        if (character >= 0)
          report({
            rule,
            file: path,
            range: { start: { line, character }, end: { line, character: character + word.length } },
            message: `${word} on line ${line + 1}`,
          });
      }
    }
  }
  return { notChecked: [{ file: 'z.proto', reason: 'could not read it' }], filesChecked: paths.length };
}

async function check(files: Record<string, string>, configure: (config: GraycheckConfig) => void = () => {}, focus?: string[]) {
  const config = defaultConfig([markerChecker]);
  configure(config);
  const comparison: Comparison = {
    base: new MemoryTree({}),
    head: new MemoryTree(files),
    renames: new Map(),
    config,
    ...(focus ? { focus: new Set(focus) } : {}),
  };
  return runCheck(comparison, [markerChecker]);
}

const render = (result: Awaited<ReturnType<typeof check>>) =>
  result.findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule}`);

test('findings are sorted by file, line, column and rule, with default severities', async () => {
  const result = await check({ 'b.proto': 'x BREAK\n', 'a.proto': 'OTHER BREAK\n\nBREAK\n', 'c.txt': 'BREAK' });
  assert.deepEqual(render(result), ['a.proto:1:1 warning OTHER', 'a.proto:1:7 error MARKER', 'a.proto:3:1 error MARKER', 'b.proto:1:3 error MARKER']);
  assert.equal(result.filesChecked, 2);
});

test('severity overrides change the level, and "off" drops the rule', async () => {
  const result = await check({ 'a.proto': 'OTHER BREAK\n' }, (config) => {
    config.severity.MARKER = 'info';
    config.severity.OTHER = 'off';
  });
  assert.deepEqual(render(result), ['a.proto:1:7 info MARKER']);
});

test('include, exclude and per-path ignores filter findings and notChecked entries', async () => {
  const files = { 'api/a.proto': 'BREAK OTHER', 'third_party/b.proto': 'BREAK', 'legacy/c.proto': 'BREAK OTHER' };
  const result = await check(files, (config) => {
    config.exclude = ['third_party/**'];
    config.ignore = [{ path: 'legacy/**', rules: ['MARKER'] }];
  });
  assert.deepEqual(render(result), ['api/a.proto:1:1 error MARKER', 'api/a.proto:1:7 warning OTHER', 'legacy/c.proto:1:7 warning OTHER']);
  const included = await check(files, (config) => (config.include = ['legacy/**']));
  assert.deepEqual(render(included), ['legacy/c.proto:1:1 error MARKER', 'legacy/c.proto:1:7 warning OTHER']);
  assert.deepEqual(included.notChecked, [], 'z.proto is outside include');
});

test('focus keeps only the named files and directories', async () => {
  const files = { 'api/v1/a.proto': 'BREAK', 'api/v2/b.proto': 'BREAK', 'c.proto': 'BREAK' };
  assert.deepEqual(render(await check(files, undefined, ['api/v2/'])), ['api/v2/b.proto:1:1 error MARKER']);
  assert.deepEqual(render(await check(files, undefined, ['c.proto'])), ['c.proto:1:1 error MARKER']);
});

test('graycheck:ignore on the line or the line above suppresses only the named rules', async () => {
  const text = [
    'BREAK // graycheck:ignore MARKER reason: same line',
    '// graycheck:ignore OTHER,MARKER reason: line above',
    'BREAK OTHER',
    '// graycheck:ignore OTHER reason: wrong rule',
    'BREAK',
    '// buf:lint:ignore MARKER',
    'BREAK',
  ].join('\n');
  assert.deepEqual(render(await check({ 'a.proto': text })), ['a.proto:5:1 error MARKER', 'a.proto:7:1 error MARKER']);
});

test('every finding offers "Suppress RULE here", and applying it silences the finding', async () => {
  const text = 'message A {\n  BREAK\n}\n';
  const [finding] = (await check({ 'a.proto': text })).findings;
  assert.deepEqual(finding.fixes, [{ title: 'Suppress MARKER here' }]);
  const fix = suppressFix(finding, text)!;
  const lines = new LineIndex(text);
  const fixed = applyTextEdits(text, fix.changes[0].edits, (p) => lines.offsetAt(p));
  assert.equal(fixed, 'message A {\n  // graycheck:ignore MARKER reason: \n  BREAK\n}\n');
  assert.deepEqual(render(await check({ 'a.proto': fixed })), []);
});

test('YAML files get a # suppression comment and JSON files none', () => {
  const finding: Omit<Finding, 'file'> = {
    rule: 'X',
    kind: 'openapi',
    severity: 'error',
    categories: [],
    message: '',
    fixes: [],
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } },
  };
  assert.equal(suppressFix({ ...finding, file: 'api.yaml' }, 'a:\n  b: 1\n')?.changes[0].edits[0].newText, '  # graycheck:ignore X reason: \n');
  assert.equal(suppressFix({ ...finding, file: 'api.json' }, '{\n  "b": 1\n}'), undefined);
});

test('a disabled kind is not run at all', async () => {
  const result = await check({ 'a.proto': 'BREAK' }, (config) => (config.kinds.protobuf = { enabled: false, options: {} }));
  assert.deepEqual(result, { findings: [], notChecked: [], filesChecked: 0 });
});
