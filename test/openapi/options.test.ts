// oasdiff's options in `.graycheck.yaml`'s `openapi:` section, each on and off (stabilityLevel, flattenParams and
// caseInsensitiveHeaders are also tested with the rules they change: lifecycle, pathItems, headers).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGraycheckConfig } from '../../server/src/engine/config';
import { openapiChecker } from '../../server/src/openapi/checker';
import { ruleCases } from '../support/ruleCases';

test("the openapi options have oasdiff's defaults", () => {
  const { config, problems } = parseGraycheckConfig('', [openapiChecker]);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.kinds.openapi.options, {
    files: [],
    deprecationDaysBeta: 0,
    deprecationDaysStable: 0,
    stabilityLevel: 'beta',
    flattenAllOf: false,
    flattenParams: false,
    includePathParams: false,
    matchInlineRefs: true,
    caseInsensitiveHeaders: true,
  });
});

test('every option is read, and a bad value is a CONFIG problem that keeps the default', () => {
  const good = parseGraycheckConfig(
    'openapi:\n  stabilityLevel: draft\n  flattenAllOf: true\n  flattenParams: true\n  includePathParams: true\n  matchInlineRefs: false\n  caseInsensitiveHeaders: false\n',
    [openapiChecker],
  );
  assert.deepEqual(good.problems, []);
  assert.equal(good.config.kinds.openapi.options.stabilityLevel, 'draft');
  assert.equal(good.config.kinds.openapi.options.matchInlineRefs, false);
  assert.equal(good.config.kinds.openapi.options.caseInsensitiveHeaders, false);
  const bad = parseGraycheckConfig('openapi:\n  stabilityLevel: ga\n  flattenAllOf: yes please\n  matchInlineRefs: 1\n', [openapiChecker]);
  assert.deepEqual(
    bad.problems.map((problem) => problem.message),
    [
      '"openapi.stabilityLevel" must be one of draft, alpha, beta, stable',
      '"openapi.flattenAllOf" must be true or false',
      '"openapi.matchInlineRefs" must be true or false',
    ],
  );
  assert.equal(bad.config.kinds.openapi.options.stabilityLevel, 'beta');
  assert.equal(bad.config.kinds.openapi.options.matchInlineRefs, true);
});

const response = (schema: string, components: string) =>
  `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n${schema}components:\n  schemas:\n${components}`;
const NAMED = (properties: string, required: string) => `    Named:\n      type: object\n      required: [${required}]\n      properties:\n${properties}`;
const ALLOF =
  "                allOf:\n                  - $ref: '#/components/schemas/Named'\n                  - type: object\n                    properties:\n                      id: { type: string }\n";

ruleCases('response-required-property-removed', [
  {
    name: 'flattenAllOf off: a property of an allOf subschema is named by the subschema',
    base: response(ALLOF, NAMED('        name: { type: string }\n        tag: { type: string }\n', 'name')),
    head: response(ALLOF, NAMED('        tag: { type: string }\n', 'tag')),
    expect: ['22:7 in API GET /pets removed the required property `allOf[#/components/schemas/Named]/name` from the response with the `200` status'],
  },
  {
    name: 'flattenAllOf on: the allOf is one schema, and the property is named by itself',
    base: response(ALLOF, NAMED('        name: { type: string }\n        tag: { type: string }\n', 'name')),
    head: response(ALLOF, NAMED('        tag: { type: string }\n', 'tag')),
    options: { flattenAllOf: true },
    expect: ['12:17 in API GET /pets removed the required property `name` from the response with the `200` status'],
  },
]);

const renamed = (parameter: string) =>
  `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets/{${parameter}}:\n    get:\n      parameters:\n        - { name: ${parameter}, in: path, required: true, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`;

ruleCases('api-path-removed-without-deprecation', [
  { name: 'includePathParams off: renaming a path parameter keeps the path', base: renamed('id'), head: renamed('petId'), expect: [] },
  {
    name: 'includePathParams on: the path with the old parameter name is gone',
    base: renamed('id'),
    head: renamed('petId'),
    options: { includePathParams: true },
    expect: ['3:1 in API GET /pets/{id} api path removed without deprecation'],
  },
]);

const draft = (methods: string[]) =>
  `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n${methods.map((method) => `    ${method}:\n      x-stability-level: draft\n      responses:\n        '200': { description: ok }\n`).join('')}`;

ruleCases('api-removed-without-deprecation', [
  { name: 'stabilityLevel beta (default): a draft operation removed is not reported', base: draft(['get', 'post']), head: draft(['get']), expect: [] },
  {
    name: 'stabilityLevel draft: it is',
    base: draft(['get', 'post']),
    head: draft(['get']),
    options: { stabilityLevel: 'draft' },
    expect: ['4:3 in API POST /pets api removed without deprecation'],
  },
]);

const pet = (branch: string, meow = 'boolean') =>
  response(
    "                $ref: '#/components/schemas/Pet'\n",
    `    Cat: { type: object, title: A cat, properties: { meow: { type: ${meow} } } }\n    Pet:\n      oneOf:\n        - ${branch}\n        - { type: string }\n`,
  );
const INLINE_CAT = '{ type: object, properties: { meow: { type: boolean } } }';
const CAT_REF = "{ $ref: '#/components/schemas/Cat' }";

ruleCases('response-body-one-of-added', [
  {
    name: 'matchInlineRefs on (default): an inline oneOf branch moved behind an equivalent $ref is the same branch',
    base: pet(INLINE_CAT),
    head: pet(CAT_REF),
    expect: [],
  },
  {
    name: 'matchInlineRefs off: it is a branch removed and another added',
    base: pet(INLINE_CAT),
    head: pet(CAT_REF),
    options: { matchInlineRefs: false },
    expect: ['18:11 in API GET /pets added `#/components/schemas/Cat` to the response body `oneOf` list for the response status `200`'],
  },
  {
    name: 'matchInlineRefs on: a $ref that validates differently is another branch',
    base: pet(INLINE_CAT),
    head: pet(CAT_REF, 'string'),
    expect: ['18:11 in API GET /pets added `#/components/schemas/Cat` to the response body `oneOf` list for the response status `200`'],
  },
]);
