// The schema walk skips base/head pairs that are the same, everything they reference included. What it must never skip:
// a change reached only through a reference cycle, a change behind a $ref whose text is unchanged, a change in another
// file; and the same schema shared by many operations is reported on each of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { openapiChecker } from '../../server/src/openapi/checker';
import { child } from '../../server/src/openapi/document';
import { SameSchemas } from '../../server/src/openapi/sameSchemas';
import { SpecSet } from '../../server/src/openapi/specSet';

async function check(base: Record<string, string>, head: Record<string, string>) {
  const result = await runCheck({ base: new MemoryTree(base), head: new MemoryTree(head), renames: new Map(), config: defaultConfig([openapiChecker]) }, [
    openapiChecker,
  ]);
  return {
    findings: result.findings.map((finding) => `${finding.file}:${finding.range.start.line + 1} ${finding.rule} ${finding.message}`),
    notChecked: result.notChecked.map((entry) => `${entry.file}: ${entry.reason}`),
  };
}

const CYCLE = `openapi: 3.0.3
info: { title: Cycle, version: '1' }
paths:
  /a:
    get:
      responses:
        '200':
          description: an A
          content:
            application/json:
              schema: { $ref: '#/components/schemas/A' }
  /b:
    get:
      responses:
        '200':
          description: a B
          content:
            application/json:
              schema: { $ref: '#/components/schemas/B' }
components:
  schemas:
    A:
      type: object
      properties:
        b: { $ref: '#/components/schemas/B' }
    B:
      type: object
      properties:
        a: { $ref: '#/components/schemas/A' }
        c: { $ref: '#/components/schemas/C' }
    C:
      type: object
      required: [x]
      properties:
        x: { type: string }
        y: { type: string }
`;

test('a change reached only through a reference cycle is found from every operation, behind unchanged $ref texts', async () => {
  const result = await check({ 'api.yaml': CYCLE }, { 'api.yaml': CYCLE.replace('        y: { type: string }\n', '') });
  assert.deepEqual(result.notChecked, []);
  assert.deepEqual(result.findings, [
    'api.yaml:34 response-optional-property-removed in API GET /a removed the optional property `b/c/y` from the response with the `200` status',
    'api.yaml:34 response-optional-property-removed in API GET /b removed the optional property `c/y` from the response with the `200` status',
  ]);
});

test('an unchanged description reports nothing, and a change in a referenced file is found', async () => {
  assert.deepEqual(await check({ 'api.yaml': CYCLE }, { 'api.yaml': CYCLE }), { findings: [], notChecked: [] });
  const split = CYCLE.replace("        c: { $ref: '#/components/schemas/C' }", "        c: { $ref: 'c.yaml' }");
  const c = 'type: object\nrequired: [x]\nproperties:\n  x: { type: string }\n  y: { type: string }\n';
  const result = await check({ 'api.yaml': split, 'c.yaml': c }, { 'api.yaml': split, 'c.yaml': c.replace('required: [x]', 'required: []') });
  assert.deepEqual(result.findings, [
    'c.yaml:4 response-property-became-optional in API GET /a the response property `b/c/x` became optional for the status `200`',
    'c.yaml:4 response-property-became-optional in API GET /b the response property `c/x` became optional for the status `200`',
  ]);
  const removed = await check({ 'api.yaml': split, 'c.yaml': c }, { 'api.yaml': split, 'c.yaml': c.replace('  x: { type: string }\n', '') });
  assert.deepEqual(
    removed.findings.map((finding) => finding.split(' ').slice(0, 2).join(' ')),
    ['c.yaml:3 response-required-property-removed', 'c.yaml:3 response-required-property-removed'],
  );
});

test('what no check reads (descriptions, examples, unknown extensions) does not make schemas differ; what checks read does', async () => {
  const load = (text: string) => SpecSet.load(new MemoryTree({ 'api.yaml': text }), 'api.yaml', text, new Map());
  const schemaC = (set: Awaited<ReturnType<typeof load>>) => ({
    file: set.root,
    node: child(child(child(set.root.root, 'components'), 'schemas'), 'C')!,
  });
  const base = await load(CYCLE);
  const same = async (edited: string) => {
    const head = await load(edited);
    return new SameSchemas(base, head).same(schemaC(base), schemaC(head));
  };
  const unread = [
    CYCLE.replace('      required: [x]\n', '      required: [x]\n      description: The C of it all.\n'),
    CYCLE.replace('        x: { type: string }\n', '        x: { type: string, example: ex, x-internal-note: moved }\n'),
    CYCLE.replace('      required: [x]\n', '      required: [x]\n      externalDocs: { url: https://example.com }\n      $comment: reviewed\n'),
  ];
  for (const edited of unread) assert.equal(await same(edited), true, edited);
  const read = [
    CYCLE.replace('      required: [x]\n', '      required: [x]\n      title: Cee\n'),
    CYCLE.replace('        x: { type: string }\n', '        x: { type: string, default: a }\n'),
    CYCLE.replace('        x: { type: string }\n', '        x: { type: string, x-extensible-enum: [a] }\n'),
    // A property named like an annotation is a property.
    CYCLE.replace('        y: { type: string }\n', '        y: { type: string }\n        description: { type: string }\n'),
  ];
  for (const edited of read) assert.equal(await same(edited), false, edited);
  // Inside values (an enum, a default) every key is data.
  const withEnum = (word: string) => CYCLE.replace('        x: { type: string }\n', `        x: { type: object, enum: [{ description: ${word} }] }\n`);
  const [enumBase, enumHead] = [await load(withEnum('a')), await load(withEnum('b'))];
  assert.equal(new SameSchemas(enumBase, enumHead).same(schemaC(enumBase), schemaC(enumHead)), false);
  // And a description edit reports nothing.
  assert.deepEqual(await check({ 'api.yaml': CYCLE }, { 'api.yaml': unread[0] }), { findings: [], notChecked: [] });
});
