// Swagger 2.0 is read into the same model as 3.x: each change written in 2.0 gives the IDs the same change gives in 3.0,
// and a 2.0 base compares with a 3.0 head. Findings are placed in the 2.0 text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { openapiChecker } from '../../server/src/openapi/checker';

async function findings(base: string, head: string): Promise<string[]> {
  const result = await runCheck(
    { base: new MemoryTree({ 'api.yaml': base }), head: new MemoryTree({ 'api.yaml': head }), renames: new Map(), config: defaultConfig([openapiChecker]) },
    [openapiChecker],
  );
  assert.deepEqual(result.notChecked, []);
  return result.findings.map((finding) => `${finding.range.start.line + 1} ${finding.rule} ${finding.message}`);
}
const ids = (lines: string[]) => lines.map((line) => line.split(' ')[1]);

// One API written twice: what a change does to it.
interface Version {
  parameters: string; // the GET operation's parameters, as list items
  body: string; // the POST body's properties
  response: string; // the GET 200 response's properties
}
const V1: Version = { parameters: '', body: 'name: { type: string }\ntag: { type: string }', response: 'id: { type: string }\nname: { type: string }' };

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => `${' '.repeat(by)}${line}\n`)
    .join('');
const swagger = (v: Version, extra = '') => `swagger: "2.0"
info: { title: Pets, version: "1" }
consumes: [application/json]
produces: [application/json]
paths:
  /pets:
    get:
${v.parameters ? `      parameters:\n${indent(v.parameters, 8)}` : ''}      responses:
        200:
          description: ok
          schema:
            type: object
            required: [id]
            properties:
${indent(v.response, 14)}    post:
      parameters:
        - name: pet
          in: body
          required: true
          schema:
            type: object
            properties:
${indent(v.body, 14)}      responses:
        201: { description: created }
${extra}`;
const openapi3 = (v: Version, extra = '') => `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
${v.parameters ? `      parameters:\n${indent(v.parameters.replace(/type: (\w+)/g, 'schema: { type: $1 }'), 8)}` : ''}      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties:
${indent(v.response, 18)}    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
${indent(v.body, 16)}      responses:
        '201': { description: created }
${extra.replace(/^ {4}/gm, '    ')}`;

const CHANGES: { name: string; head: Version; ids: string[] }[] = [
  {
    name: 'a new required query parameter',
    head: { ...V1, parameters: '- { name: limit, in: query, required: true, type: integer }' },
    ids: ['new-required-request-parameter'],
  },
  { name: 'a request body property removed', head: { ...V1, body: 'name: { type: string }' }, ids: ['request-property-removed'] },
  { name: 'a required response property removed', head: { ...V1, response: 'name: { type: string }' }, ids: ['response-required-property-removed'] },
  { name: 'an optional response property removed', head: { ...V1, response: 'id: { type: string }' }, ids: ['response-optional-property-removed'] },
  {
    name: 'a request body property whose stability level went down',
    head: { ...V1, body: 'name: { type: string, x-stability-level: beta }\ntag: { type: string }' },
    ids: ['request-property-stability-decreased'],
  },
  {
    name: 'a response property deprecated with an x-sunset that is not a date',
    head: { ...V1, response: 'id: { type: string }\nname: { type: string, deprecated: true, x-sunset: soon }' },
    ids: ['response-property-deprecated-sunset-invalid'],
  },
  { name: 'nothing that breaks: an optional query parameter', head: { ...V1, parameters: '- { name: limit, in: query, type: integer }' }, ids: [] },
];

for (const change of CHANGES) {
  test(`Swagger 2.0 and OpenAPI 3.0 agree: ${change.name}`, async () => {
    const two = await findings(swagger(V1), swagger(change.head));
    const three = await findings(openapi3(V1), openapi3(change.head));
    assert.deepEqual(ids(two), change.ids);
    assert.deepEqual(ids(three), change.ids);
    assert.deepEqual(
      two.map((line) => line.slice(line.indexOf(' ') + 1)),
      three.map((line) => line.slice(line.indexOf(' ') + 1)),
      'the same messages',
    );
  });
}

test('in Swagger 2.0 a new required query parameter is placed on the parameter in the 2.0 text', async () => {
  assert.deepEqual(await findings(swagger(V1), swagger({ ...V1, parameters: '- { name: limit, in: query, required: true, type: integer }' })), [
    '9 new-required-request-parameter in API GET /pets added the new required `query` request parameter `limit`',
  ]);
});

test('a media type dropped from consumes is a media type the request body no longer accepts', async () => {
  const base = swagger(V1).replace('consumes: [application/json]', 'consumes: [application/json, application/xml]');
  assert.deepEqual(ids(await findings(base, swagger(V1))), ['request-body-media-type-removed']);
});

test('a 2.0 base compares with a 3.0 head: the same API described again in 3.0 breaks nothing', async () => {
  assert.deepEqual(await findings(swagger(V1), openapi3(V1)), []);
  assert.deepEqual(ids(await findings(swagger(V1), openapi3({ ...V1, response: 'name: { type: string }' }))), ['response-required-property-removed']);
});
