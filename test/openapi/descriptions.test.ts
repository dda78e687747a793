// Which files are OpenAPI descriptions and how they are read: by content, across $ref'd files, in YAML or JSON; and
// what cannot be read is listed as not checked, never turned into findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { openapiChecker } from '../../server/src/openapi/checker';

async function check(base: Record<string, string>, head: Record<string, string>, configure?: (config: ReturnType<typeof defaultConfig>) => void) {
  const config = defaultConfig([openapiChecker]);
  configure?.(config);
  const result = await runCheck({ base: new MemoryTree(base), head: new MemoryTree(head), renames: new Map(), config }, [openapiChecker]);
  return {
    findings: result.findings.map((finding) => `${finding.file}:${finding.range.start.line + 1} ${finding.rule}`),
    notChecked: result.notChecked.map((entry) => `${entry.file}: ${entry.reason}`),
  };
}

const PETS = `openapi: 3.1.0
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema:
                type: array
                items: { type: object, properties: { name: { type: string } } }
    delete:
      responses:
        '204': { description: all gone }
`;
const WITHOUT_DELETE = PETS.replace(/    delete:\n.*\n.*\n$/, '');

test('a description is recognised by its content, whatever the file is called', async () => {
  const result = await check(
    { 'contracts/pet-store.yml': PETS, 'config/app.yaml': 'paths: {}\n' },
    { 'contracts/pet-store.yml': WITHOUT_DELETE, 'config/app.yaml': 'paths: {}\n' },
  );
  assert.deepEqual(result, { findings: ['contracts/pet-store.yml:4 api-removed-without-deprecation'], notChecked: [] });
});

test('openapi.files narrows where descriptions are looked for', async () => {
  const result = await check({ 'a.yaml': PETS, 'b.yaml': PETS }, { 'a.yaml': WITHOUT_DELETE, 'b.yaml': WITHOUT_DELETE }, (config) => {
    config.kinds.openapi.options.files = ['b.yaml'];
  });
  assert.deepEqual(result.findings, ['b.yaml:4 api-removed-without-deprecation']);
});

test('edits that change no contract report nothing: keys reordered, YAML rewritten as JSON, an inline schema moved behind a $ref, optional things added', async () => {
  const reordered = PETS.replace("info: { title: Pets, version: '1' }\n", '').replace(
    'openapi: 3.1.0\n',
    "openapi: 3.1.0\ninfo: { version: '1', title: Pets }\n",
  );
  const asJson = JSON.stringify(
    {
      openapi: '3.1.0',
      info: { title: 'Pets', version: '1' },
      paths: {
        '/pets': {
          get: {
            parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
            responses: {
              200: {
                description: 'the pets',
                content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } } } },
              },
            },
          },
          delete: { responses: { 204: { description: 'all gone' } } },
        },
      },
    },
    null,
    2,
  );
  const behindRef =
    PETS.replace(
      '                items: { type: object, properties: { name: { type: string } } }\n',
      "                items: { $ref: '#/components/schemas/Pet' }\n",
    ) + 'components:\n  schemas:\n    Pet: { type: object, properties: { name: { type: string } } }\n';
  const optionalAdded = PETS.replace(
    '        - { name: limit, in: query, schema: { type: integer } }\n',
    '        - { name: limit, in: query, schema: { type: integer } }\n        - { name: sort, in: query, schema: { type: string } }\n',
  );
  for (const head of [reordered, asJson, behindRef, optionalAdded])
    assert.deepEqual(await check({ 'openapi.yaml': PETS }, { 'openapi.yaml': head }), { findings: [], notChecked: [] });
});

test('a change made only in a referenced file is found through the reference, in a chain of files', async () => {
  const root = PETS.replace(
    '                items: { type: object, properties: { name: { type: string } } }\n',
    "                items: { $ref: 'schemas/pet.yaml' }\n",
  );
  const pet = (properties: string) => `type: object\nrequired: [name]\nproperties:\n${properties}`;
  const result = await check(
    {
      'openapi.yaml': root,
      'schemas/pet.yaml': pet("  name: { type: string }\n  owner: { $ref: '../common/owner.yaml' }\n"),
      'common/owner.yaml': 'type: object\nproperties:\n  id: { type: string }\n',
    },
    {
      'openapi.yaml': root,
      'schemas/pet.yaml': pet("  owner: { $ref: '../common/owner.yaml' }\n"),
      'common/owner.yaml': 'type: object\nproperties:\n  email: { type: string }\n',
    },
  );
  assert.deepEqual(result, {
    findings: ['common/owner.yaml:2 response-optional-property-removed', 'schemas/pet.yaml:3 response-required-property-removed'],
    notChecked: [],
  });
});

test('what cannot be read is not checked, with the reason, and gives no finding', async () => {
  const cases: [Record<string, string>, string][] = [
    [{ 'openapi.yaml': WITHOUT_DELETE.replace('  /pets:\n', '  /pets\n') }, 'openapi.yaml: not valid YAML (line 4: '],
    [
      { 'openapi.yaml': WITHOUT_DELETE.replace('items: { type: object, properties: { name: { type: string } } }', "items: { $ref: 'missing.yaml' }") },
      'openapi.yaml: $ref to missing.yaml, which is missing; the description was not compared',
    ],
    [
      { 'openapi.yaml': 'swagger: "3.0"\ninfo: { title: Pets, version: "1" }\npaths: {}\n' },
      'openapi.yaml: Swagger version "3.0" is not one Graycheck compares (2.0)',
    ],
    [
      { 'openapi.yaml': WITHOUT_DELETE.replace('openapi: 3.1.0', 'openapi: 4.0.0') },
      'openapi.yaml: OpenAPI version "4.0.0" is not one Graycheck compares (2.0, 3.0, 3.1)',
    ],
  ];
  for (const [head, reason] of cases) {
    const result = await check({ 'openapi.yaml': PETS }, head);
    assert.deepEqual(result.findings, []);
    assert.equal(result.notChecked.length, 1, JSON.stringify(result.notChecked));
    assert.ok(result.notChecked[0].startsWith(reason), `${result.notChecked[0]} starts with ${reason}`);
  }
});

test("a YAML file whose root `openapi:` is a section, not a version (the config's options), is not a description", async () => {
  const options = 'base: auto\nopenapi:\n  flattenParams: true\n  stabilityLevel: alpha\n';
  const result = await check(
    { 'openapi.yaml': PETS, 'settings/tool.yaml': options },
    { 'openapi.yaml': PETS, 'settings/tool.yaml': options.replace('alpha', 'draft') },
  );
  assert.deepEqual(result, { findings: [], notChecked: [] });
});

test('$ref cycles between files and YAML alias bombs end promptly', async () => {
  const cyclic = PETS.replace(
    '                items: { type: object, properties: { name: { type: string } } }\n',
    "                items: { $ref: 'a.yaml' }\n",
  );
  const a = "type: object\nproperties:\n  next: { $ref: 'b.yaml' }\n";
  const b = "type: object\nproperties:\n  back: { $ref: 'a.yaml' }\n";
  assert.deepEqual(await check({ 'openapi.yaml': cyclic, 'a.yaml': a, 'b.yaml': b }, { 'openapi.yaml': cyclic, 'a.yaml': a, 'b.yaml': b }), {
    findings: [],
    notChecked: [],
  });

  const levels = ['l0: &l0 { type: object, properties: { a: { type: string } } }'];
  for (let i = 1; i <= 12; i++)
    levels.push(
      `l${i}: &l${i} { type: object, properties: { ${'abcdefghi'
        .split('')
        .map((p) => `${p}: *l${i - 1}`)
        .join(', ')} } }`,
    );
  const bomb = `${PETS.replace('                items: { type: object, properties: { name: { type: string } } }\n', "                items: { $ref: '#/x-bomb/l12' }\n")}x-bomb:\n${levels.map((line) => `  ${line}`).join('\n')}\n`;
  const started = Date.now();
  const result = await check({ 'openapi.yaml': bomb }, { 'openapi.yaml': bomb.replace('    delete:', '    put:') });
  assert.ok(Date.now() - started < 10_000, 'the alias bomb was bounded');
  assert.deepEqual(result.findings, ['openapi.yaml:4 api-removed-without-deprecation']);
  // The aliases make a huge tree of a few distinct schemas: each pair of them is compared once, and in full.
  assert.deepEqual(result.notChecked, []);
});

test('schemas that reach one another along more paths than can be followed are compared in full, each change once per operation', async () => {
  // Twelve schemas, each with a property for every other one: the paths from a body to any of them number in the
  // billions, the schemas in the dozens. A change in one is reported for each operation at the shortest path to it.
  const names = Array.from({ length: 12 }, (_, index) => `node${index}`);
  const schema = (name: string, flagType: string) =>
    `    ${name}:\n      type: object\n      properties:\n        flag: { type: ${name === 'node0' ? flagType : 'boolean'} }\n` +
    names
      .filter((other) => other !== name)
      .map((other) => `        ${other}: { $ref: '#/components/schemas/${other}' }\n`)
      .join('');
  const spec = (flagType: string) =>
    `openapi: 3.0.3\ninfo: { title: Mesh, version: '1' }\npaths:\n` +
    ['/a', '/b']
      .map(
        (path) =>
          `  ${path}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/node5' }\n`,
      )
      .join('') +
    `components:\n  schemas:\n${names.map((name) => schema(name, flagType)).join('')}`;
  const started = Date.now();
  const base = { 'openapi.yaml': spec('boolean') };
  const result = await runCheck(
    { base: new MemoryTree(base), head: new MemoryTree({ 'openapi.yaml': spec('string') }), renames: new Map(), config: defaultConfig([openapiChecker]) },
    [openapiChecker],
  );
  assert.ok(Date.now() - started < 20_000, 'the walk was bounded');
  assert.deepEqual(result.notChecked, []);
  assert.deepEqual(
    result.findings.map((finding) => `${finding.rule} ${finding.message}`),
    ['/a', '/b'].map(
      (path) =>
        `response-property-type-changed in API GET ${path} the \`node0/flag\` response's property \`type\` changed from \`boolean\` to \`string\` for status \`200\``,
    ),
  );
  // The same description without the change reports nothing.
  assert.deepEqual(await check(base, base), { findings: [], notChecked: [] });
});

test('a description deleted at head loses every operation, reported in its file', async () => {
  const result = await check({ 'openapi.yaml': PETS }, {});
  assert.deepEqual(result.findings, ['openapi.yaml:1 api-path-removed-without-deprecation', 'openapi.yaml:1 api-path-removed-without-deprecation']);
});

test('a $ref that points nowhere makes the description not checked instead of a removal, and odd escapes do not crash', async () => {
  const viaRef = `${PETS.replace(/  \/pets:\n[\s\S]*$/, "  /pets: { $ref: '#/components/pathItems/Pets' }\n")}components:\n  pathItems:\n    Pets:\n${PETS.split(
    '  /pets:\n',
  )[1]
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n')}`;
  assert.deepEqual(await check({ 'openapi.yaml': viaRef }, { 'openapi.yaml': viaRef }), { findings: [], notChecked: [] });
  const typo = viaRef.replace("$ref: '#/components/pathItems/Pets'", "$ref: '#/components/pathItems/Pett'");
  assert.deepEqual(await check({ 'openapi.yaml': viaRef }, { 'openapi.yaml': typo }), {
    findings: [],
    notChecked: ['openapi.yaml: $ref "#/components/pathItems/Pett" in openapi.yaml does not resolve; the description was not compared'],
  });
  const percent = viaRef.replace("$ref: '#/components/pathItems/Pets'", "$ref: '#/components/pathItems/100%'");
  assert.equal((await check({ 'openapi.yaml': viaRef }, { 'openapi.yaml': percent })).notChecked.length, 1);
});

test('a JSON file that only mentions openapi, and a head that gained a byte-order mark, are read for what they are', async () => {
  const packageJson = JSON.stringify({ name: 'x', scripts: { openapi: 'generate' } });
  assert.deepEqual(await check({ 'package.json': packageJson }, { 'package.json': packageJson }), { findings: [], notChecked: [] });
  assert.deepEqual(await check({ 'openapi.yaml': PETS }, { 'openapi.yaml': `\uFEFF${PETS}` }), { findings: [], notChecked: [] });
  const numbered = PETS.replace('openapi: 3.1.0', 'openapi: 3.0');
  assert.deepEqual(await check({ 'openapi.yaml': numbered }, { 'openapi.yaml': numbered.replace(/    delete:\n.*\n.*\n$/, '') }), {
    findings: ['openapi.yaml:4 api-removed-without-deprecation'],
    notChecked: [],
  });
});
