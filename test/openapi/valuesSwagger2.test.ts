// The schema value checks on Swagger 2.0: a parameter and a response header carry type, format, enum and default
// themselves, `x-nullable` is nullability; each change written in 2.0 gives the IDs the same change gives in 3.0.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { openapiChecker } from '../../server/src/openapi/checker';

interface Shape {
  /** The query parameter's type keywords, as flow-mapping entries: `type: string, enum: [a]`. */
  parameter: string;
  body: string;
  /** The X-Rate response header's type keywords. */
  header: string;
  response: string;
}
const PLAIN: Shape = { parameter: 'type: string', body: '{ type: string }', header: 'type: integer', response: '{ type: string }' };

const swagger = (shape: Shape) => `swagger: "2.0"
info: { title: Pets, version: "1" }
consumes: [application/json]
produces: [application/json]
paths:
  /pets:
    post:
      parameters:
        - { name: kind, in: query, ${shape.parameter} }
        - { name: body, in: body, schema: ${shape.body.replace(/\bnullable\b/g, 'x-nullable')} }
      responses:
        "200": { description: ok, headers: { X-Rate: { ${shape.header} } }, schema: ${shape.response.replace(/\bnullable\b/g, 'x-nullable')} }
`;
const openapi = (shape: Shape) => `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets:
    post:
      parameters:
        - { name: kind, in: query, schema: { ${shape.parameter} } }
      requestBody: { content: { application/json: { schema: ${shape.body} } } }
      responses:
        "200": { description: ok, headers: { X-Rate: { schema: { ${shape.header} } } }, content: { application/json: { schema: ${shape.response} } } }
`;

async function ids(base: string, head: string): Promise<string[]> {
  const result = await runCheck(
    { base: new MemoryTree({ 'api.yaml': base }), head: new MemoryTree({ 'api.yaml': head }), renames: new Map(), config: defaultConfig([openapiChecker]) },
    [openapiChecker],
  );
  assert.deepEqual(result.notChecked, []);
  return result.findings.map((finding) => finding.rule).sort();
}

const CHANGES: [string, Partial<Shape>, Partial<Shape>, string[]][] = [
  [
    'a parameter enum value removed',
    { parameter: 'type: string, enum: [cat, dog]' },
    { parameter: 'type: string, enum: [cat]' },
    ['request-parameter-enum-value-removed'],
  ],
  ['a parameter restricted to an enum', {}, { parameter: 'type: string, enum: [cat]' }, ['request-parameter-became-enum']],
  ['a parameter type changed', {}, { parameter: 'type: integer' }, ['request-parameter-type-changed']],
  [
    'a parameter default changed',
    { parameter: 'type: integer, default: 1' },
    { parameter: 'type: integer, default: 2' },
    ['request-parameter-default-value-changed'],
  ],
  [
    'a body property type changed',
    { body: '{ type: object, properties: { size: { type: number } } }' },
    { body: '{ type: object, properties: { size: { type: integer } } }' },
    ['request-property-type-changed'],
  ],
  [
    'a body property no longer nullable',
    { body: '{ type: object, properties: { note: { type: string, nullable: true } } }' },
    { body: '{ type: object, properties: { note: { type: string } } }' },
    ['request-property-became-not-nullable'],
  ],
  ['a response body may now be null', {}, { response: '{ type: string, nullable: true }' }, ['response-body-became-nullable']],
  [
    'a response property enum value added',
    { response: '{ type: object, properties: { kind: { type: string, enum: [cat] } } }' },
    { response: '{ type: object, properties: { kind: { type: string, enum: [cat, dog] } } }' },
    ['response-property-enum-value-added'],
  ],
  ['a response header type widened', {}, { header: 'type: number' }, ['response-header-type-generalized']],
];

for (const [name, before, after, expected] of CHANGES) {
  test(`Swagger 2.0 and 3.0 agree: ${name}`, async () => {
    const base = { ...PLAIN, ...before };
    const head = { ...PLAIN, ...after };
    assert.deepEqual(await ids(swagger(base), swagger(head)), expected);
    assert.deepEqual(await ids(openapi(base), openapi(head)), expected);
    // A 2.0 base against a 3.0 head compares the same schemas.
    assert.deepEqual(await ids(swagger(base), openapi(head)), expected);
  });
}
