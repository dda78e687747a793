// OpenAPI 3.1's JSON Schema 2020-12 keywords on request and response bodies and properties: what breaks senders when added
// (or tightened) in a request and readers when removed (or loosened) in a response, each with oasdiff's message; the
// opposite direction, boolean forms, parameters and unchanged rewrites report nothing.
import { ruleCases, type RuleCase } from '../support/ruleCases';

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => `${' '.repeat(by)}${line}\n`)
    .join('');
/** The schema's first line is line 10, at column 15. */
const request = (schema: string, extra = '') =>
  `openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n${indent(schema, 14)}      responses:\n        '201': { description: created }\n${extra}`;
/** The schema's first line is line 12, at column 17. */
const response = (schema: string, extra = '') =>
  `openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n${indent(schema, 16)}${extra}`;
/** A property `p` of an object body: its schema's first line is the body's fourth line. */
const property = (lines: string) => `type: object\nproperties:\n  p:\n${indent(lines, 4)}`;

/** A keyword holding one schema: added to a request, removed from a response. */
function subschemaCases(keyword: string, noun: string, value: string) {
  const added = `type: object\n${keyword}: ${value}\n`;
  const cases: Record<'requestBody' | 'requestProperty' | 'responseBody' | 'responseProperty', RuleCase[]> = {
    requestBody: [
      {
        name: `${keyword} added to the request body is shown on the keyword`,
        base: request('type: object\n'),
        head: request(added),
        expect: [`11:15 in API POST /pets added '${keyword}'${noun} to the request body`],
      },
      {
        name: `${keyword} added to a response body constrains only what the server sends`,
        base: response('type: object\n'),
        head: response(added),
        expect: [],
      },
      { name: `${keyword} changed, not added`, base: request(`type: object\n${keyword}: { description: before }\n`), head: request(added), expect: [] },
    ],
    requestProperty: [
      {
        name: `${keyword} added to a request property`,
        base: request(property('type: object\n')),
        head: request(property(added)),
        expect: [`14:19 in API POST /pets added '${keyword}'${noun} to the request property \`p\``],
      },
      { name: `${keyword} removed from a request property`, base: request(property(added)), head: request(property('type: object\n')), expect: [] },
      {
        name: `${keyword} added to a parameter's schema (oasdiff has no parameter ID for it)`,
        base: request('type: object\n').replace('    post:\n', '    post:\n      parameters:\n        - { name: q, in: query, schema: { type: object } }\n'),
        head: request('type: object\n').replace(
          '    post:\n',
          () => `    post:\n      parameters:\n        - { name: q, in: query, schema: { type: object, ${keyword}: ${value} } }\n`,
        ),
        expect: [],
      },
    ],
    responseBody: [
      {
        name: `${keyword} removed from the response body is shown on the schema`,
        base: response(added),
        head: response('type: object\n'),
        expect: [`12:17 in API GET /pets removed '${keyword}'${noun} from the response body for the status \`200\``],
      },
      { name: `${keyword} removed from a request body`, base: request(added), head: request('type: object\n'), expect: [] },
    ],
    responseProperty: [
      {
        name: `${keyword} removed from a response property`,
        base: response(property(added)),
        head: response(property('type: object\n')),
        expect: [`15:21 in API GET /pets removed '${keyword}'${noun} from the \`p\` response property for the status \`200\``],
      },
      { name: `${keyword} added to a response property`, base: response(property('type: object\n')), head: response(property(added)), expect: [] },
    ],
  };
  return cases;
}

const ifCases = subschemaCases('if', ' subschema', '{ properties: { kind: { const: card } } }');
ruleCases('request-body-if-added', ifCases.requestBody);
ruleCases('request-property-if-added', ifCases.requestProperty);
ruleCases('response-body-if-removed', ifCases.responseBody);
ruleCases('response-property-if-removed', ifCases.responseProperty);

const thenCases = subschemaCases('then', ' subschema', '{ required: [number] }');
ruleCases('request-body-then-added', thenCases.requestBody);
ruleCases('request-property-then-added', thenCases.requestProperty);
ruleCases('response-body-then-removed', thenCases.responseBody);
ruleCases('response-property-then-removed', thenCases.responseProperty);

const elseCases = subschemaCases('else', ' subschema', '{ required: [iban] }');
ruleCases('request-body-else-added', elseCases.requestBody);
ruleCases('request-property-else-added', elseCases.requestProperty);
ruleCases('response-body-else-removed', elseCases.responseBody);
ruleCases('response-property-else-removed', elseCases.responseProperty);

const containsCases = subschemaCases('contains', ' constraint', '{ type: string }');
ruleCases('request-body-contains-added', containsCases.requestBody);
ruleCases('request-property-contains-added', [
  ...containsCases.requestProperty,
  {
    name: 'a property inside an allOf component is named by the branch, and shown in components',
    base: request(
      "allOf:\n  - $ref: '#/components/schemas/Tagged'\n",
      'components:\n  schemas:\n    Tagged:\n      type: object\n      properties:\n        tags: { type: array }\n',
    ),
    head: request(
      "allOf:\n  - $ref: '#/components/schemas/Tagged'\n",
      'components:\n  schemas:\n    Tagged:\n      type: object\n      properties:\n        tags: { type: array, contains: { const: pet } }\n',
    ),
    expect: ["19:30 in API POST /pets added 'contains' constraint to the request property `allOf[#/components/schemas/Tagged]/tags`"],
  },
  {
    name: 'inside array items the property is `items/`',
    base: request('type: array\nitems: { type: array }\n'),
    head: request('type: array\nitems: { type: array, contains: { type: string } }\n'),
    expect: ["11:37 in API POST /pets added 'contains' constraint to the request property `items/`"],
  },
  {
    name: 'added in a referenced file: shown there',
    base: { 'openapi.yaml': request(property("$ref: 'tags.yaml'\n")), 'tags.yaml': 'type: array\n' },
    head: { 'openapi.yaml': request(property("$ref: 'tags.yaml'\n")), 'tags.yaml': 'type: array\ncontains: { type: string }\n' },
    expect: ["tags.yaml:2:1 in API POST /pets added 'contains' constraint to the request property `p`"],
  },
]);
ruleCases('response-body-contains-removed', containsCases.responseBody);
ruleCases('response-property-contains-removed', containsCases.responseProperty);

const namesCases = subschemaCases('propertyNames', ' constraint', "{ pattern: '^[a-z]+$' }");
ruleCases('request-body-property-names-added', namesCases.requestBody);
ruleCases('request-property-property-names-added', namesCases.requestProperty);
ruleCases('response-body-property-names-removed', namesCases.responseBody);
ruleCases('response-property-property-names-removed', namesCases.responseProperty);

/** The boolean form is another oasdiff check (…-allowed): no finding here. */
const booleanForm = (keyword: string): RuleCase => ({
  name: `${keyword}: false is not a schema`,
  base: request('type: object\n'),
  head: request(`type: object\n${keyword}: false\n`),
  expect: [],
});
const itemsCases = subschemaCases('unevaluatedItems', ' constraint', '{ type: string }');
ruleCases('request-body-unevaluated-items-added', [...itemsCases.requestBody, booleanForm('unevaluatedItems')]);
ruleCases('request-property-unevaluated-items-added', itemsCases.requestProperty);
ruleCases('response-body-unevaluated-items-removed', itemsCases.responseBody);
ruleCases('response-property-unevaluated-items-removed', itemsCases.responseProperty);

const propertiesCases = subschemaCases('unevaluatedProperties', ' constraint', '{ type: string }');
ruleCases('request-body-unevaluated-properties-added', [...propertiesCases.requestBody, booleanForm('unevaluatedProperties')]);
ruleCases('request-property-unevaluated-properties-added', propertiesCases.requestProperty);
ruleCases('response-body-unevaluated-properties-removed', propertiesCases.responseBody);
ruleCases('response-property-unevaluated-properties-removed', propertiesCases.responseProperty);

const contentSchemaCases = subschemaCases('contentSchema', '', '{ type: object }');
ruleCases('request-body-content-schema-added', contentSchemaCases.requestBody);
ruleCases('request-property-content-schema-added', contentSchemaCases.requestProperty);
ruleCases('response-body-content-schema-removed', contentSchemaCases.responseBody);
ruleCases('response-property-content-schema-removed', contentSchemaCases.responseProperty);

// minContains and maxContains: a request bound tightened, a response bound loosened.
const bounded = (keyword: string, value: number) => `type: array\ncontains: { type: string }\n${keyword}: ${value}\n`;
const tagsProperty = (keyword: string, value: number) => `type: object\nproperties:\n  tags:\n${indent(bounded(keyword, value), 4)}`;

ruleCases('request-body-min-contains-increased', [
  {
    name: 'a request array must now hold more matching items',
    base: request(bounded('minContains', 1)),
    head: request(bounded('minContains', 2)),
    expect: ['12:15 in API POST /pets the request body minContains was increased from `1` to `2`'],
  },
  { name: 'lowered: more requests are valid', base: request(bounded('minContains', 2)), head: request(bounded('minContains', 1)), expect: [] },
  {
    name: 'set where there was none (oasdiff compares two values only)',
    base: request('type: array\ncontains: { type: string }\n'),
    head: request(bounded('minContains', 2)),
    expect: [],
  },
]);
ruleCases('request-property-min-contains-increased', [
  {
    name: 'on a property',
    base: request(tagsProperty('minContains', 1)),
    head: request(tagsProperty('minContains', 3)),
    expect: ['15:19 in API POST /pets the `tags` request property minContains was increased from `1` to `3`'],
  },
  {
    name: 'the same bound written as a string of the same number',
    base: request(tagsProperty('minContains', 1)),
    head: request(tagsProperty('minContains', 1).replace('1', "'1'")),
    expect: [],
  },
]);
ruleCases('request-body-max-contains-decreased', [
  {
    name: 'a request array may now hold fewer matching items',
    base: request(bounded('maxContains', 5)),
    head: request(bounded('maxContains', 3)),
    expect: ['12:15 in API POST /pets the request body maxContains was decreased from `5` to `3`'],
  },
  { name: 'raised', base: request(bounded('maxContains', 3)), head: request(bounded('maxContains', 5)), expect: [] },
]);
ruleCases('request-property-max-contains-decreased', [
  {
    name: 'on a property',
    base: request(tagsProperty('maxContains', 5)),
    head: request(tagsProperty('maxContains', 4)),
    expect: ['15:19 in API POST /pets the `tags` request property maxContains was decreased from `5` to `4`'],
  },
  { name: 'in a response, lowering is safe', base: response(tagsProperty('maxContains', 5)), head: response(tagsProperty('maxContains', 4)), expect: [] },
]);
ruleCases('response-body-min-contains-decreased', [
  {
    name: 'a response array may now hold fewer matching items',
    base: response(bounded('minContains', 2)),
    head: response(bounded('minContains', 1)),
    expect: ['14:17 in API GET /pets the response body minContains was decreased from `2` to `1` for the status `200`'],
  },
  { name: 'raised', base: response(bounded('minContains', 1)), head: response(bounded('minContains', 2)), expect: [] },
]);
ruleCases('response-property-min-contains-decreased', [
  {
    name: 'on a property',
    base: response(tagsProperty('minContains', 2)),
    head: response(tagsProperty('minContains', 0)),
    expect: ['17:21 in API GET /pets the `tags` response property minContains was decreased from `2` to `0` for the status `200`'],
  },
  { name: 'in a request, lowering is safe', base: request(tagsProperty('minContains', 2)), head: request(tagsProperty('minContains', 0)), expect: [] },
]);
ruleCases('response-body-max-contains-increased', [
  {
    name: 'a response array may now hold more matching items',
    base: response(bounded('maxContains', 3)),
    head: response(bounded('maxContains', 5)),
    expect: ['14:17 in API GET /pets the response body maxContains was increased from `3` to `5` for the status `200`'],
  },
  { name: 'lowered', base: response(bounded('maxContains', 5)), head: response(bounded('maxContains', 3)), expect: [] },
]);
ruleCases('response-property-max-contains-increased', [
  {
    name: 'on a property',
    base: response(tagsProperty('maxContains', 3)),
    head: response(tagsProperty('maxContains', 9)),
    expect: ['17:21 in API GET /pets the `tags` response property maxContains was increased from `3` to `9` for the status `200`'],
  },
  { name: 'unchanged', base: response(tagsProperty('maxContains', 3)), head: response(tagsProperty('maxContains', 3)), expect: [] },
]);

// contentMediaType and contentEncoding: any change, either way, including added or removed (from or to ``).
const encoded = (keyword: string, value: string) => `type: string\n${keyword}: ${value}\n`;
const imageProperty = (keyword: string, value: string) => `type: object\nproperties:\n  img:\n${indent(encoded(keyword, value), 4)}`;

ruleCases('request-body-content-media-type-changed', [
  {
    name: 'the request body string now holds another media type',
    base: request(encoded('contentMediaType', 'image/png')),
    head: request(encoded('contentMediaType', 'image/jpeg')),
    expect: ['11:15 in API POST /pets the request body contentMediaType changed from `image/png` to `image/jpeg`'],
  },
  {
    name: 'the same value quoted',
    base: request(encoded('contentMediaType', 'image/png')),
    head: request(encoded('contentMediaType', "'image/png'")),
    expect: [],
  },
]);
ruleCases('request-property-content-media-type-changed', [
  {
    name: 'set on a property that had none: from nothing',
    base: request('type: object\nproperties:\n  img:\n    type: string\n'),
    head: request(imageProperty('contentMediaType', 'image/png')),
    expect: ['14:19 in API POST /pets the `img` request property contentMediaType changed from `` to `image/png`'],
  },
  {
    name: 'unchanged',
    base: request(imageProperty('contentMediaType', 'image/png')),
    head: request(imageProperty('contentMediaType', 'image/png')),
    expect: [],
  },
]);
ruleCases('response-body-content-media-type-changed', [
  {
    name: 'removed from the response body: to nothing, shown on the schema',
    base: response(encoded('contentMediaType', 'application/json')),
    head: response('type: string\n'),
    expect: ['12:17 in API GET /pets the response body contentMediaType changed from `application/json` to `` for the status `200`'],
  },
  {
    name: 'the encoding changed is its own ID',
    base: response(encoded('contentEncoding', 'base64')),
    head: response(encoded('contentEncoding', 'base32')),
    expect: [],
  },
]);
ruleCases('response-property-content-media-type-changed', [
  {
    name: 'on a response property',
    base: response(imageProperty('contentMediaType', 'image/png')),
    head: response(imageProperty('contentMediaType', 'image/webp')),
    expect: ['16:21 in API GET /pets the `img` response property contentMediaType changed from `image/png` to `image/webp` for the status `200`'],
  },
  {
    name: 'unchanged',
    base: response(imageProperty('contentMediaType', 'image/png')),
    head: response(imageProperty('contentMediaType', 'image/png')),
    expect: [],
  },
]);
ruleCases('request-body-content-encoding-changed', [
  {
    name: 'the request body string is now encoded otherwise',
    base: request(encoded('contentEncoding', 'base64')),
    head: request(encoded('contentEncoding', 'base64url')),
    expect: ['11:15 in API POST /pets the request body contentEncoding changed from `base64` to `base64url`'],
  },
  { name: 'unchanged', base: request(encoded('contentEncoding', 'base64')), head: request(encoded('contentEncoding', 'base64')), expect: [] },
]);
ruleCases('request-property-content-encoding-changed', [
  {
    name: 'on a request property',
    base: request(imageProperty('contentEncoding', 'base64')),
    head: request(imageProperty('contentEncoding', 'quoted-printable')),
    expect: ['14:19 in API POST /pets the `img` request property contentEncoding changed from `base64` to `quoted-printable`'],
  },
  {
    name: 'a property made nullable (type gains null) changes no encoding',
    base: request(imageProperty('contentEncoding', 'base64')),
    head: request(imageProperty('contentEncoding', 'base64').replace('type: string', "type: [string, 'null']")),
    expect: [],
  },
]);
ruleCases('response-body-content-encoding-changed', [
  {
    name: 'on the response body',
    base: response(encoded('contentEncoding', 'base64')),
    head: response(encoded('contentEncoding', 'base32')),
    expect: ['13:17 in API GET /pets the response body contentEncoding changed from `base64` to `base32` for the status `200`'],
  },
  { name: 'unchanged', base: response(encoded('contentEncoding', 'base64')), head: response(encoded('contentEncoding', 'base64')), expect: [] },
]);
ruleCases('response-property-content-encoding-changed', [
  {
    name: 'on a response property',
    base: response(imageProperty('contentEncoding', 'base64')),
    head: response(imageProperty('contentEncoding', '7bit')),
    expect: ['16:21 in API GET /pets the `img` response property contentEncoding changed from `base64` to `7bit` for the status `200`'],
  },
  { name: 'unchanged', base: response(imageProperty('contentEncoding', '7bit')), head: response(imageProperty('contentEncoding', '7bit')), expect: [] },
]);

// dependentRequired: per property that triggers it.
const requires = (entries: string) => `type: object\ndependentRequired:\n${indent(entries, 2)}`;
const payProperty = (entries: string) => `type: object\nproperties:\n  pay:\n${indent(requires(entries), 4)}`;

ruleCases('request-body-dependent-required-added', [
  {
    name: 'a new rule is shown on its property',
    base: request('type: object\n'),
    head: request(requires('card: [billing, cvv]')),
    expect: ['12:17 in API POST /pets the request body dependentRequired was added: when `card` is present, `billing, cvv` are required'],
  },
  { name: 'in a response', base: response('type: object\n'), head: response(requires('card: [billing]')), expect: [] },
]);
ruleCases('request-property-dependent-required-added', [
  {
    name: 'on a property, next to an unchanged rule',
    base: request(payProperty('iban: [bic]')),
    head: request(payProperty('iban: [bic]\ncard: [billing]')),
    expect: ['16:21 in API POST /pets the `pay` request property dependentRequired was added: when `card` is present, `billing` are required'],
  },
  {
    name: 'removed from a request property',
    base: request(payProperty('card: [billing]')),
    head: request('type: object\nproperties:\n  pay: { type: object }\n'),
    expect: [],
  },
]);
ruleCases('request-body-dependent-required-changed', [
  {
    name: 'the list a rule demands grew',
    base: request(requires('card: [billing]')),
    head: request(requires('card: [billing, cvv]')),
    expect: ['12:17 in API POST /pets the request body dependentRequired for `card` was updated: `cvv added`'],
  },
  { name: 'the same list in another order', base: request(requires('card: [billing, cvv]')), head: request(requires('card: [cvv, billing]')), expect: [] },
]);
ruleCases('request-property-dependent-required-changed', [
  {
    name: 'on a property: one added, one removed',
    base: request(payProperty('card: [billing]')),
    head: request(payProperty('card: [cvv]')),
    expect: ['15:21 in API POST /pets the `pay` request property dependentRequired for `card` was updated: `cvv added, billing removed`'],
  },
  { name: 'unchanged', base: request(payProperty('card: [cvv]')), head: request(payProperty('card: [cvv]')), expect: [] },
]);
ruleCases('response-body-dependent-required-changed', [
  {
    name: 'in a response too',
    base: response(requires('card: [billing, cvv]')),
    head: response(requires('card: [billing]')),
    expect: ['14:19 in API GET /pets the response body dependentRequired for `card` was updated for the status `200`: `cvv removed`'],
  },
  { name: 'a rule added to a response', base: response(requires('card: [billing]')), head: response(requires('card: [billing]\niban: [bic]')), expect: [] },
]);
ruleCases('response-property-dependent-required-changed', [
  {
    name: 'on a response property',
    base: response(payProperty('card: [billing]')),
    head: response(payProperty('card: [billing, cvv]')),
    expect: ['17:23 in API GET /pets the `pay` response property dependentRequired for `card` was updated for the status `200`: `cvv added`'],
  },
  { name: 'unchanged', base: response(payProperty('card: [billing]')), head: response(payProperty('card: [billing]')), expect: [] },
]);
ruleCases('response-body-dependent-required-removed', [
  {
    name: 'a rule removed from the response body: readers relied on it',
    base: response(requires('card: [billing]')),
    head: response('type: object\n'),
    expect: ['12:17 in API GET /pets the response body dependentRequired was removed for the status `200`: when `card` was present, `billing` were required'],
  },
  { name: 'removed from a request body', base: request(requires('card: [billing]')), head: request('type: object\n'), expect: [] },
]);
ruleCases('response-property-dependent-required-removed', [
  {
    name: 'one rule of two removed: shown on dependentRequired',
    base: response(payProperty('card: [billing]\niban: [bic]')),
    head: response(payProperty('iban: [bic]')),
    expect: [
      '16:21 in API GET /pets the `pay` response property dependentRequired was removed for the status `200`: when `card` was present, `billing` were required',
    ],
  },
  { name: 'added to a response property', base: response(payProperty('iban: [bic]')), head: response(payProperty('card: [billing]\niban: [bic]')), expect: [] },
]);

// dependentSchemas and patternProperties entries.
const entries = (keyword: string, lines: string) => `type: object\n${keyword}:\n${indent(lines, 2)}`;
const entriesProperty = (keyword: string, lines: string) => `type: object\nproperties:\n  pay:\n${indent(entries(keyword, lines), 4)}`;

ruleCases('request-body-dependent-schema-added', [
  {
    name: 'a new dependent schema on the request body',
    base: request('type: object\n'),
    head: request(entries('dependentSchemas', 'card: { required: [billing] }')),
    expect: ['12:17 in API POST /pets added the dependent schema `card` to the request body'],
  },
  {
    name: 'an existing entry changed is not an added one',
    base: request(entries('dependentSchemas', 'card: { required: [billing] }')),
    head: request(entries('dependentSchemas', 'card: { required: [cvv] }')),
    expect: [],
  },
]);
ruleCases('request-property-dependent-schema-added', [
  {
    name: 'on a property',
    base: request(entriesProperty('dependentSchemas', 'iban: { required: [bic] }')),
    head: request(entriesProperty('dependentSchemas', 'iban: { required: [bic] }\ncard: { required: [billing] }')),
    expect: ['16:21 in API POST /pets added the dependent schema `card` to the `pay` request property'],
  },
  {
    name: 'in a response',
    base: response(entriesProperty('dependentSchemas', 'iban: {}')),
    head: response(entriesProperty('dependentSchemas', 'iban: {}\ncard: {}')),
    expect: [],
  },
]);
ruleCases('response-body-dependent-schema-removed', [
  {
    name: 'a dependent schema removed from the response body',
    base: response(entries('dependentSchemas', 'card: { required: [billing] }')),
    head: response('type: object\n'),
    expect: ['12:17 in API GET /pets removed the dependent schema `card` from the response body for the status `200`'],
  },
  { name: 'in a request', base: request(entries('dependentSchemas', 'card: {}')), head: request('type: object\n'), expect: [] },
]);
ruleCases('response-property-dependent-schema-removed', [
  {
    name: 'on a response property, shown on dependentSchemas',
    base: response(entriesProperty('dependentSchemas', 'card: {}\niban: {}')),
    head: response(entriesProperty('dependentSchemas', 'iban: {}')),
    expect: ['16:21 in API GET /pets removed the dependent schema `card` from the `pay` response property for the status `200`'],
  },
  {
    name: 'unchanged',
    base: response(entriesProperty('dependentSchemas', 'iban: {}')),
    head: response(entriesProperty('dependentSchemas', 'iban: {}')),
    expect: [],
  },
]);
ruleCases('request-body-pattern-property-added', [
  {
    name: 'a new pattern property on the request body',
    base: request('type: object\n'),
    head: request(entries('patternProperties', "'^x-': { type: string }")),
    expect: ['12:17 in API POST /pets added the pattern property `^x-` to the request body'],
  },
  { name: 'in a response', base: response('type: object\n'), head: response(entries('patternProperties', "'^x-': { type: string }")), expect: [] },
]);
ruleCases('request-property-pattern-property-added', [
  {
    name: 'on a property',
    base: request(entriesProperty('patternProperties', "'^a': {}")),
    head: request(entriesProperty('patternProperties', "'^a': {}\n'^b': { type: integer }")),
    expect: ['16:21 in API POST /pets added the pattern property `^b` to the `pay` request property'],
  },
  {
    name: 'an entry changed',
    base: request(entriesProperty('patternProperties', "'^a': {}")),
    head: request(entriesProperty('patternProperties', "'^a': { type: string }")),
    expect: [],
  },
]);
ruleCases('response-body-pattern-property-removed', [
  {
    name: 'a pattern property removed from the response body',
    base: response(entries('patternProperties', "'^x-': { type: string }")),
    head: response('type: object\n'),
    expect: ['12:17 in API GET /pets removed the pattern property `^x-` from the response body for the status `200`'],
  },
  { name: 'in a request', base: request(entries('patternProperties', "'^x-': {}")), head: request('type: object\n'), expect: [] },
]);
ruleCases('response-property-pattern-property-removed', [
  {
    name: 'on a response property',
    base: response(entriesProperty('patternProperties', "'^a': {}\n'^b': {}")),
    head: response(entriesProperty('patternProperties', "'^a': {}")),
    expect: ['16:21 in API GET /pets removed the pattern property `^b` from the `pay` response property for the status `200`'],
  },
  {
    name: 'added',
    base: response(entriesProperty('patternProperties', "'^a': {}")),
    head: response(entriesProperty('patternProperties', "'^a': {}\n'^b': {}")),
    expect: [],
  },
]);

// prefixItems: tuple positions, matched as composition branches are.
const tuple = (branches: string) => `type: array\nprefixItems:\n${indent(branches, 2)}`;
const pointProperty = (branches: string) => `type: object\nproperties:\n  point:\n${indent(tuple(branches), 4)}`;

ruleCases('request-body-prefix-items-removed', [
  {
    name: 'a tuple position removed from the request body',
    base: request(tuple('- { type: number }\n- { type: string }')),
    head: request(tuple('- { type: number }')),
    expect: ["11:15 in API POST /pets removed `subschema #2` from the request body 'prefixItems' list"],
  },
  { name: 'positions added', base: request(tuple('- { type: number }')), head: request(tuple('- { type: number }\n- { type: string }')), expect: [] },
]);
ruleCases('request-property-prefix-items-removed', [
  {
    name: 'a titled position removed from a property',
    base: request(pointProperty('- { type: number }\n- { type: number, title: Latitude }')),
    head: request(pointProperty('- { type: number }')),
    expect: ["14:19 in API POST /pets removed `subschema #2: Latitude` from the `point` request property 'prefixItems' list"],
  },
  {
    name: 'one position changed in place',
    base: request(pointProperty('- { type: number }')),
    head: request(pointProperty('- { type: integer }')),
    expect: [],
  },
]);
ruleCases('response-body-prefix-items-added', [
  {
    name: 'a tuple position added to the response body, shown on it',
    base: response(tuple('- { type: number }')),
    head: response(tuple('- { type: number }\n- { type: string }')),
    expect: ["15:21 in API GET /pets added `subschema #2` to the response body 'prefixItems' list for the response status `200`"],
  },
  { name: 'positions removed', base: response(tuple('- { type: number }\n- { type: string }')), head: response(tuple('- { type: number }')), expect: [] },
]);
ruleCases('response-property-prefix-items-added', [
  {
    name: 'on a response property',
    base: response(pointProperty('- { type: number }')),
    head: response(pointProperty("- { type: number }\n- $ref: '#/components/schemas/Altitude'"), 'components:\n  schemas:\n    Altitude: { type: number }\n'),
    expect: ["18:25 in API GET /pets added `#/components/schemas/Altitude` to the `point` response property 'prefixItems' list for the response status `200`"],
  },
  { name: 'unchanged', base: response(pointProperty('- { type: number }')), head: response(pointProperty('- { type: number }')), expect: [] },
]);
