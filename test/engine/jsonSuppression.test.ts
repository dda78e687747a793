// JSON has no comments: "Suppress" on a finding in a JSON file adds an ignore entry to .graycheck.yaml (creating it when
// there is none), and with that entry the finding is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck, fixesFor } from '../../server/src/engine/check';
import { CONFIG_FILE, parseGraycheckConfig } from '../../server/src/engine/config';
import { applyTextEdits } from '../../server/src/engine/edit';
import { LineIndex } from '../../server/src/engine/range';
import { MemoryTree } from '../../server/src/engine/tree';
import { openapiChecker } from '../../server/src/openapi/checker';
import { CHECKERS } from '../../server/src/registry';

const spec = (withDelete: boolean) =>
  JSON.stringify(
    {
      openapi: '3.0.3',
      info: { title: 'Pets', version: '1' },
      paths: {
        '/pets': { get: { responses: { 200: { description: 'ok' } } }, ...(withDelete ? { delete: { responses: { 204: { description: 'gone' } } } } : {}) },
      },
    },
    null,
    2,
  );

async function checkWith(configText: string | undefined) {
  const head: Record<string, string> = { 'api/openapi.json': spec(false), ...(configText === undefined ? {} : { [CONFIG_FILE]: configText }) };
  const config = parseGraycheckConfig(configText ?? '', [openapiChecker]).config;
  const result = await runCheck({ base: new MemoryTree({ 'api/openapi.json': spec(true) }), head: new MemoryTree(head), renames: new Map(), config }, [
    openapiChecker,
  ]);
  return { result, head };
}

async function suppressed(configText: string | undefined): Promise<{ edited: string; create: boolean; title: string } | undefined> {
  const { result, head } = await checkWith(configText);
  const [finding] = result.findings;
  assert.equal(finding?.rule, 'api-removed-without-deprecation');
  const fixes = await fixesFor(finding, openapiChecker, { text: head['api/openapi.json'], tree: new MemoryTree(head) });
  const fix = fixes.find((candidate) => candidate.title.startsWith('Suppress'));
  if (!fix) return undefined;
  const [change] = fix.changes;
  assert.equal(change.file, CONFIG_FILE);
  const before = configText ?? '';
  const lines = new LineIndex(before);
  return { edited: applyTextEdits(before, change.edits, (position) => lines.offsetAt(position)), create: change.create === true, title: fix.title };
}

const ENTRY = '  - { path: "api/openapi.json", rules: [api-removed-without-deprecation] }';

test('with no .graycheck.yaml the fix creates it with the ignore entry, and the finding is gone', async () => {
  const fix = await suppressed(undefined);
  assert.deepEqual(fix, {
    edited: `ignore:\n${ENTRY}\n`,
    create: true,
    title: 'Suppress api-removed-without-deprecation in api/openapi.json (an ignore entry in .graycheck.yaml)',
  });
  assert.deepEqual((await checkWith(fix!.edited)).result.findings, []);
});

test('an existing .graycheck.yaml gets an ignore list, or one more entry in its own', async () => {
  const noList = await suppressed('base: HEAD\n');
  assert.equal(noList?.edited, `base: HEAD\nignore:\n${ENTRY}\n`);
  assert.deepEqual((await checkWith(noList!.edited)).result.findings, []);

  const withList = await suppressed('ignore:\n    - legacy/**\nseverity: { FIELD_NO_DELETE: warning }\n');
  assert.equal(withList?.edited, `ignore:\n    - legacy/**\n  ${ENTRY}\nseverity: { FIELD_NO_DELETE: warning }\n`);
  assert.deepEqual(parseGraycheckConfig(withList!.edited, CHECKERS).problems, []);
  assert.deepEqual((await checkWith(withList!.edited)).result.findings, []);
});

test('an ignore list written in flow style is not rewritten: no suppress fix is offered', async () => {
  assert.equal(await suppressed('ignore: [legacy/**]\n'), undefined);
});
