// allOf, anyOf and oneOf of request and response bodies and properties: branches matched by $ref, by identical content,
// by title, or as the one untitled branch changed in place; named as oasdiff names them; an inline branch moved behind an
// equivalent $ref is no change; wrappings (nullable, oneOf of objects, list of types) are reported once, not as echoes.
import { ruleCases } from '../support/ruleCases';

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => `${' '.repeat(by)}${line}\n`)
    .join('');
/** The schema's first line is line 10, at column 15. */
const request = (schema: string, extra = '', version = '3.1.0') =>
  `openapi: ${version}\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n${indent(schema, 14)}      responses:\n        '201': { description: created }\n${extra}`;
/** The schema's first line is line 12, at column 17. */
const response = (schema: string, extra = '', version = '3.1.0') =>
  `openapi: ${version}\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n${indent(schema, 16)}${extra}`;
/** Swagger 2.0: the body parameter's schema starts on line 10, at column 13. */
const swagger = (schema: string, definitions: string) =>
  `swagger: "2.0"\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    post:\n      parameters:\n        - name: pet\n          in: body\n          schema:\n${indent(schema, 12)}      responses:\n        201: { description: created }\ndefinitions:\n${indent(definitions, 2)}`;

const SCHEMAS = `components:
  schemas:
    Dog: { type: object, properties: { bark: { type: string } } }
    Cat: { type: object, properties: { meow: { type: string } } }
    Rabbit: { type: object, title: Bunny, properties: { hop: { type: string } } }
`;
const ref = (name: string) => `$ref: '#/components/schemas/${name}'`;

ruleCases('request-body-all-of-added', [
  {
    name: 'a $ref branch and an inline branch added to the body allOf are one finding, on the first added branch',
    base: request(`allOf:\n  - ${ref('Dog')}\n`, SCHEMAS),
    head: request(`allOf:\n  - ${ref('Dog')}\n  - ${ref('Cat')}\n  - { type: object, required: [name] }\n`, SCHEMAS),
    expect: ['12:19 in API POST /pets added `#/components/schemas/Cat, subschema #3` to the request body `allOf` list'],
  },
  {
    name: 'a branch that only annotates constrains nothing (oasdiff gives it an informational ID)',
    base: request('type: object\nallOf:\n  - { required: [name] }\n'),
    head: request('type: object\nallOf:\n  - { required: [name] }\n  - { description: named pets, title: Named }\n'),
    expect: [],
  },
  {
    name: 'reordered branches are the same branches',
    base: request(`allOf:\n  - ${ref('Dog')}\n  - { required: [bark] }\n`, SCHEMAS),
    head: request(`allOf:\n  - { required: [bark] }\n  - ${ref('Dog')}\n`, SCHEMAS),
    expect: [],
  },
  {
    name: 'in OpenAPI 3.0 too',
    base: request(`allOf:\n  - ${ref('Dog')}\n`, SCHEMAS, '3.0.3'),
    head: request(`allOf:\n  - ${ref('Dog')}\n  - ${ref('Rabbit')}\n`, SCHEMAS, '3.0.3'),
    expect: ['12:19 in API POST /pets added `#/components/schemas/Rabbit` to the request body `allOf` list'],
  },
  {
    name: 'Swagger 2.0: the same change gives the same ID and message, placed in the 2.0 text',
    base: swagger("allOf:\n  - $ref: '#/definitions/Dog'\n", 'Dog: { type: object }\nCat: { type: object }\n'),
    head: swagger("allOf:\n  - $ref: '#/definitions/Dog'\n  - $ref: '#/definitions/Rabbit'\n", 'Dog: { type: object }\nRabbit: { type: object }\n'),
    expect: ['12:17 in API POST /pets added `#/components/schemas/Rabbit` to the request body `allOf` list'],
  },
  {
    name: 'a branch added in a referenced file is shown in that file',
    base: { 'openapi.yaml': request("$ref: 'pet.yaml#/Pet'\n"), 'pet.yaml': 'Pet:\n  allOf:\n    - { type: object }\n' },
    head: { 'openapi.yaml': request("$ref: 'pet.yaml#/Pet'\n"), 'pet.yaml': 'Pet:\n  allOf:\n    - { type: object }\n    - { required: [name] }\n' },
    expect: ['pet.yaml:4:7 in API POST /pets added `subschema #2` to the request body `allOf` list'],
  },
]);

ruleCases('request-property-all-of-added', [
  {
    name: 'a branch added to a property allOf names the property',
    base: request(`type: object\nproperties:\n  pet:\n    allOf:\n      - ${ref('Dog')}\n`, SCHEMAS),
    head: request(`type: object\nproperties:\n  pet:\n    allOf:\n      - ${ref('Dog')}\n      - ${ref('Rabbit')}\n`, SCHEMAS),
    expect: ['15:23 in API POST /pets added `#/components/schemas/Rabbit` to the `pet` request property `allOf` list'],
  },
  {
    name: 'in a response a new allOf branch only narrows what clients receive',
    base: response(`type: object\nproperties:\n  pet:\n    allOf:\n      - ${ref('Dog')}\n`, SCHEMAS),
    head: response(`type: object\nproperties:\n  pet:\n    allOf:\n      - ${ref('Dog')}\n      - ${ref('Rabbit')}\n`, SCHEMAS),
    expect: [],
  },
  {
    name: 'Swagger 2.0 property',
    base: swagger("type: object\nproperties:\n  pet:\n    allOf:\n      - $ref: '#/definitions/Dog'\n", 'Dog: { type: object }\n'),
    head: swagger(
      "type: object\nproperties:\n  pet:\n    allOf:\n      - $ref: '#/definitions/Dog'\n      - { required: [name] }\n",
      'Dog: { type: object }\n',
    ),
    expect: ['15:21 in API POST /pets added `subschema #2` to the `pet` request property `allOf` list'],
  },
]);

ruleCases('request-body-all-of-removed', [
  {
    name: 'a removed allOf branch is a warning on the allOf, the removed branch related',
    base: request(`allOf:\n  - ${ref('Dog')}\n  - ${ref('Cat')}\n`, SCHEMAS),
    head: request(`allOf:\n  - ${ref('Dog')}\n`, SCHEMAS),
    expect: ['10:15 in API POST /pets removed `#/components/schemas/Cat` from the request body `allOf` list'],
  },
  {
    name: 'an inline branch moved into components behind a $ref is no change',
    base: request(`allOf:\n  - ${ref('Dog')}\n  - { type: object, properties: { meow: { type: string } } }\n`, SCHEMAS),
    head: request(`allOf:\n  - ${ref('Dog')}\n  - ${ref('Cat')}\n`, SCHEMAS),
    expect: [],
  },
  {
    name: 'Swagger 2.0',
    base: swagger("allOf:\n  - $ref: '#/definitions/Dog'\n  - { required: [name] }\n", 'Dog: { type: object }\n'),
    head: swagger("allOf:\n  - $ref: '#/definitions/Dog'\n", 'Dog: { type: object }\n'),
    expect: ['10:13 in API POST /pets removed `subschema #2` from the request body `allOf` list'],
  },
]);

ruleCases('request-property-all-of-removed', [
  {
    name: 'a titled $ref branch removed is named by its component',
    base: request(`type: object\nproperties:\n  pet:\n    allOf:\n      - ${ref('Dog')}\n      - ${ref('Rabbit')}\n`, SCHEMAS),
    head: request(`type: object\nproperties:\n  pet:\n    allOf:\n      - ${ref('Dog')}\n`, SCHEMAS),
    expect: ['13:19 in API POST /pets removed `#/components/schemas/Rabbit` from the `pet` request property `allOf` list'],
  },
  {
    name: 'a branch that only annotates is not counted',
    base: request('type: object\nproperties:\n  pet:\n    allOf:\n      - { type: object }\n      - { description: a pet }\n'),
    head: request('type: object\nproperties:\n  pet:\n    allOf:\n      - { type: object }\n'),
    expect: [],
  },
]);

ruleCases('request-body-any-of-removed', [
  {
    name: 'an inline branch removed is named by its position and title',
    base: request('anyOf:\n  - { type: object, required: [a] }\n  - { type: object, title: ByName, required: [name] }\n'),
    head: request('anyOf:\n  - { type: object, required: [a] }\n'),
    expect: ['10:15 in API POST /pets removed `subschema #2: ByName` from the request body `anyOf` list'],
  },
  {
    name: 'branches in another order are the same branches',
    base: request('anyOf:\n  - { type: object, required: [a] }\n  - { type: object, required: [b] }\n'),
    head: request('anyOf:\n  - { type: object, required: [b] }\n  - { type: object, required: [a] }\n'),
    expect: [],
  },
  {
    name: 'an inline branch replaced by an equivalent $ref (descriptions aside) is a refactor',
    base: request(`anyOf:\n  - { type: object, description: a cat, properties: { meow: { type: string } } }\n  - ${ref('Dog')}\n`, SCHEMAS),
    head: request(`anyOf:\n  - ${ref('Cat')}\n  - ${ref('Dog')}\n`, SCHEMAS),
    expect: [],
  },
]);

ruleCases('request-property-any-of-removed', [
  {
    name: 'two branches removed are listed in one finding',
    base: request(`type: object\nproperties:\n  pet:\n    anyOf:\n      - ${ref('Dog')}\n      - ${ref('Cat')}\n      - ${ref('Rabbit')}\n`, SCHEMAS),
    head: request(`type: object\nproperties:\n  pet:\n    anyOf:\n      - ${ref('Dog')}\n`, SCHEMAS),
    expect: ['13:19 in API POST /pets removed `#/components/schemas/Cat, #/components/schemas/Rabbit` from the `pet` request property `anyOf` list'],
  },
  {
    name: 'a branch added to a request anyOf accepts more',
    base: request(`type: object\nproperties:\n  pet:\n    anyOf:\n      - ${ref('Dog')}\n`, SCHEMAS),
    head: request(`type: object\nproperties:\n  pet:\n    anyOf:\n      - ${ref('Dog')}\n      - ${ref('Cat')}\n`, SCHEMAS),
    expect: [],
  },
]);

ruleCases('request-body-one-of-removed', [
  {
    name: 'a $ref branch removed from the body oneOf',
    base: request(`oneOf:\n  - ${ref('Dog')}\n  - ${ref('Cat')}\n`, SCHEMAS),
    head: request(`oneOf:\n  - ${ref('Dog')}\n`, SCHEMAS),
    expect: ['10:15 in API POST /pets removed `#/components/schemas/Cat` from the request body `oneOf` list'],
  },
  {
    name: 'a list of types narrowed to one type is reported as such, not as a removed branch',
    base: request('oneOf:\n  - { type: string }\n  - { type: integer }\n'),
    head: request('type: string\n'),
    expect: [],
  },
  {
    name: 'in OpenAPI 3.0',
    base: request('oneOf:\n  - { type: object, required: [a] }\n  - { type: object, required: [b] }\n', '', '3.0.3'),
    head: request('oneOf:\n  - { type: object, required: [b] }\n', '', '3.0.3'),
    expect: ['10:15 in API POST /pets removed `subschema #1` from the request body `oneOf` list'],
  },
]);

ruleCases('request-property-one-of-removed', [
  {
    name: 'a branch removed from a nested property oneOf',
    base: request(
      'type: object\nproperties:\n  owner:\n    type: object\n    properties:\n      id:\n        oneOf:\n          - { type: object, required: [uuid] }\n          - { type: object, required: [number] }\n',
    ),
    head: request(
      'type: object\nproperties:\n  owner:\n    type: object\n    properties:\n      id:\n        oneOf:\n          - { type: object, required: [uuid] }\n',
    ),
    expect: ['16:23 in API POST /pets removed `subschema #2` from the `owner/id` request property `oneOf` list'],
  },
  {
    name: 'a list of types narrowed (one type less) is its own change, not a removed branch',
    base: request('type: object\nproperties:\n  id:\n    oneOf:\n      - { type: string, format: uuid }\n      - { type: integer, minimum: 1 }\n'),
    head: request('type: object\nproperties:\n  id:\n    oneOf:\n      - { type: string, format: uuid }\n'),
    expect: [],
  },
  {
    name: 'a nullable wrapper removed is the property becoming not nullable, not a removed branch',
    base: request(
      `type: object\nproperties:\n  pet:\n    oneOf:\n      - { type: 'null' }\n      - { type: object, properties: { bark: { type: string } } }\n`,
    ),
    head: request('type: object\nproperties:\n  pet: { type: object, properties: { bark: { type: string } } }\n'),
    expect: [],
  },
]);

ruleCases('response-body-one-of-added', [
  {
    name: 'a new response alternative is a shape clients do not know',
    base: response(`oneOf:\n  - ${ref('Dog')}\n`, SCHEMAS),
    head: response(`oneOf:\n  - ${ref('Dog')}\n  - ${ref('Cat')}\n`, SCHEMAS),
    expect: ['14:21 in API GET /pets added `#/components/schemas/Cat` to the response body `oneOf` list for the response status `200`'],
  },
  {
    name: 'a response made nullable by a oneOf with null is one became-nullable change',
    base: response(ref('Dog'), SCHEMAS),
    head: response(`oneOf:\n  - { type: 'null' }\n  - ${ref('Dog')}\n`, SCHEMAS),
    expect: [],
  },
  {
    name: 'a branch added to a request oneOf accepts more',
    base: request(`oneOf:\n  - ${ref('Dog')}\n`, SCHEMAS),
    head: request(`oneOf:\n  - ${ref('Dog')}\n  - ${ref('Cat')}\n`, SCHEMAS),
    expect: [],
  },
]);

ruleCases('response-property-one-of-added', [
  {
    name: 'an untitled inline branch added to a property oneOf',
    base: response('type: object\nproperties:\n  pet:\n    oneOf:\n      - { type: object, required: [bark] }\n      - { type: object, required: [meow] }\n'),
    head: response(
      'type: object\nproperties:\n  pet:\n    oneOf:\n      - { type: object, required: [bark] }\n      - { type: object, required: [meow] }\n      - { type: object, required: [hop] }\n',
    ),
    expect: ['18:25 in API GET /pets added `subschema #3` to the `pet` response property `oneOf` list for the response status `200`'],
  },
  {
    name: 'a type added to a list of types is its own change (list-of-types widened)',
    base: response('type: object\nproperties:\n  id:\n    oneOf:\n      - { type: string }\n      - { type: integer }\n'),
    head: response(
      'type: object\nproperties:\n  id:\n    oneOf:\n      - { type: string }\n      - { type: integer }\n      - { type: array, items: { type: string } }\n',
    ),
    expect: [],
  },
  {
    name: 'a property object wrapped in a oneOf of objects is reported as oneOf branches added',
    base: response('type: object\nproperties:\n  pet:\n    type: object\n    properties:\n      bark: { type: string }\n      meow: { type: string }\n'),
    head: response(
      'type: object\nproperties:\n  pet:\n    oneOf:\n      - { type: object, properties: { bark: { type: string } } }\n      - { type: object, properties: { meow: { type: string } } }\n',
    ),
    expect: ['16:25 in API GET /pets added `subschema #1, subschema #2` to the `pet` response property `oneOf` list for the response status `200`'],
  },
  {
    name: 'the same branch changed in place is not added',
    base: response('type: object\nproperties:\n  id:\n    oneOf:\n      - { type: string }\n      - { type: integer }\n'),
    head: response('type: object\nproperties:\n  id:\n    oneOf:\n      - { type: string }\n      - { type: integer, minimum: 0 }\n'),
    expect: [],
  },
]);

ruleCases('request-body-wrapped-in-one-of', [
  {
    name: 'an object body split into a oneOf of objects is one finding (its properties are not reported removed)',
    base: request('type: object\nproperties:\n  card: { type: string }\n  iban: { type: string }\n'),
    head: request('oneOf:\n  - { type: object, properties: { card: { type: string } } }\n  - { type: object, properties: { iban: { type: string } } }\n'),
    expect: ['10:15 in API POST /pets the request body was restructured into a oneOf, so a payload that was previously valid may no longer be accepted'],
  },
  {
    name: 'a body made nullable through a oneOf with null is not a restructuring',
    base: request('type: object\nproperties:\n  card: { type: string }\n'),
    head: request(`oneOf:\n  - { type: 'null' }\n  - { type: object, properties: { card: { type: string } } }\n`),
    expect: [],
  },
]);

ruleCases('response-body-wrapped-in-one-of', [
  {
    name: 'an object response split into a oneOf of objects',
    base: response('type: object\nproperties:\n  card: { type: string }\n  iban: { type: string }\n'),
    head: response('oneOf:\n  - { type: object, properties: { card: { type: string } } }\n  - { type: object, properties: { iban: { type: string } } }\n'),
    expect: ['12:17 in API GET /pets the response body was restructured into a oneOf, so a field that was previously guaranteed may no longer be present'],
  },
  {
    name: 'alternatives that share no property with the old object are another schema, not a wrapping',
    base: response('type: object\nproperties:\n  card: { type: string }\n'),
    head: response('oneOf:\n  - { type: object, properties: { token: { type: string } } }\n'),
    expect: [],
  },
]);

// The echoes a wrapping would otherwise leave in the property checks.
ruleCases('request-property-removed', [
  {
    name: 'properties moved into the alternatives of a oneOf wrapping are not removed',
    base: request('type: object\nproperties:\n  card: { type: string }\n  iban: { type: string }\n  note: { type: string }\n'),
    head: request('oneOf:\n  - { type: object, properties: { card: { type: string } } }\n  - { type: object, properties: { iban: { type: string } } }\n'),
    expect: ['10:15 in API POST /pets removed the request property `note`'],
  },
]);
ruleCases('response-required-property-removed', [
  {
    name: 'a response object made nullable through a oneOf with null keeps its properties',
    base: response('type: object\nrequired: [id]\nproperties:\n  id: { type: string }\n'),
    head: response(`oneOf:\n  - { type: 'null' }\n  - { type: object, required: [id], properties: { id: { type: string } } }\n`),
    expect: [],
  },
]);
ruleCases('new-required-request-property', [
  {
    name: 'a request object unwrapped from a nullable oneOf gains no property',
    base: request(`oneOf:\n  - { type: 'null' }\n  - { type: object, required: [id], properties: { id: { type: string } } }\n`),
    head: request('type: object\nrequired: [id]\nproperties:\n  id: { type: string }\n'),
    expect: [],
  },
]);
