// Properties of request and response bodies, through $ref (in other files too), items and allOf, named as oasdiff
// names them, with the property restore.
import { ruleCases } from '../support/ruleCases';

const operation = (schema: string, where: 'request' | 'response') =>
  where === 'request'
    ? `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n${schema}      responses:\n        '201': { description: created }\n`
    : `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n${schema}`;
const request = (schema: string) => operation(schema, 'request');
const response = (schema: string) => operation(schema, 'response');
const object = (indent: number, properties: string, required = '') => {
  const pad = ' '.repeat(indent);
  return `${pad}type: object\n${required ? `${pad}required: [${required}]\n` : ''}${pad}properties:\n${properties
    .split('\n')
    .filter(Boolean)
    .map((line) => `${pad}  ${line}\n`)
    .join('')}`;
};

ruleCases('new-required-request-property', [
  {
    name: 'a required property added to the request body is shown on the property',
    base: request(object(14, 'name: { type: string }')),
    head: request(object(14, 'name: { type: string }\nowner: { type: string }', 'owner')),
    expect: ['14:17 in API POST /pets added the new required request property `owner`'],
  },
  {
    name: 'an optional new property breaks nobody',
    base: request(object(14, 'name: { type: string }')),
    head: request(object(14, 'name: { type: string }\nowner: { type: string }')),
    expect: [],
  },
  {
    name: 'a read-only property is not sent by clients, so requiring it breaks nobody',
    base: request(object(14, 'name: { type: string }')),
    head: request(object(14, 'name: { type: string }\nid: { type: string, readOnly: true }', 'id')),
    expect: [],
  },
]);

ruleCases('new-required-request-property-with-default', [
  {
    name: 'a required property with a default is its own ID',
    base: request(object(14, 'name: { type: string }')),
    head: request(object(14, 'name: { type: string }\nsize: { type: integer, default: 1 }', 'size')),
    expect: ['14:17 in API POST /pets added the new required request property `size` with a default value'],
  },
]);

ruleCases('request-property-became-required', [
  {
    name: 'a nested property made required is named by its path',
    base: request(object(14, 'owner:\n  type: object\n  properties:\n    name: { type: string }')),
    head: request(object(14, 'owner:\n  type: object\n  required: [name]\n  properties:\n    name: { type: string }')),
    expect: ['16:21 in API POST /pets the request property `owner/name` became required'],
  },
]);

ruleCases('request-property-became-required-with-default', [
  {
    name: 'a property with a default made required',
    base: request(object(14, 'size: { type: integer, default: 1 }')),
    head: request(object(14, 'size: { type: integer, default: 1 }', 'size')),
    expect: ['13:17 in API POST /pets the request property `size` with a default value became required'],
  },
]);

ruleCases('request-property-removed', [
  {
    name: 'a removed request property is a warning on `properties`, restored by its fix',
    base: request(object(14, 'name: { type: string }\ntag: { type: string }')),
    head: request(object(14, 'name: { type: string }')),
    expect: ['11:15 in API POST /pets removed the request property `tag`'],
    fixed: request(object(14, 'name: { type: string }\ntag: { type: string }')),
  },
  {
    name: 'properties inside array items are named with `items`',
    base: request('              type: array\n              items:\n' + object(16, 'name: { type: string }\ntag: { type: string }')),
    head: request('              type: array\n              items:\n' + object(16, 'name: { type: string }')),
    expect: ['13:17 in API POST /pets removed the request property `items/tag`'],
  },
]);

ruleCases('response-required-property-removed', [
  {
    name: 'a property removed from a schema in another file is shown in that file, once per operation that returns it',
    base: {
      'openapi.yaml': response("                $ref: 'schemas.yaml#/Pet'\n"),
      'schemas.yaml': 'Pet:\n  type: object\n  required: [name]\n  properties:\n    name: { type: string }\n    tag: { type: string }\n',
    },
    head: {
      'openapi.yaml': response("                $ref: 'schemas.yaml#/Pet'\n"),
      'schemas.yaml': 'Pet:\n  type: object\n  properties:\n    tag: { type: string }\n',
    },
    expect: ['schemas.yaml:3:3 in API GET /pets removed the required property `name` from the response with the `200` status'],
    fixed: 'Pet:\n  type: object\n  properties:\n    tag: { type: string }\n    name: { type: string }\n',
  },
  {
    name: 'properties inside allOf are named by the component they come from',
    base: `${response("                allOf: [{ $ref: '#/components/schemas/Named' }]\n")}components:\n  schemas:\n    Named:\n${object(6, 'name: { type: string }', 'name')}`,
    head: `${response("                allOf: [{ $ref: '#/components/schemas/Named' }]\n")}components:\n  schemas:\n    Named:\n${object(6, 'other: { type: string }')}`,
    expect: ['17:7 in API GET /pets removed the required property `allOf[#/components/schemas/Named]/name` from the response with the `200` status'],
  },
  {
    name: 'a recursive schema is compared without looping',
    base: `${response("                $ref: '#/components/schemas/Node'\n")}components:\n  schemas:\n    Node:\n${object(6, "name: { type: string }\nchild: { $ref: '#/components/schemas/Node' }", 'name')}`,
    head: `${response("                $ref: '#/components/schemas/Node'\n")}components:\n  schemas:\n    Node:\n${object(6, "child: { $ref: '#/components/schemas/Node' }")}`,
    expect: ['17:7 in API GET /pets removed the required property `name` from the response with the `200` status'],
  },
]);

ruleCases('response-optional-property-removed', [
  {
    name: 'an optional response property removed is a warning',
    base: response(object(16, 'name: { type: string }\ntag: { type: string }')),
    head: response(object(16, 'name: { type: string }')),
    expect: ['13:17 in API GET /pets removed the optional property `tag` from the response with the `200` status'],
  },
  {
    name: 'a write-only property is never returned, so removing it breaks no reader',
    base: response(object(16, 'name: { type: string }\nsecret: { type: string, writeOnly: true }')),
    head: response(object(16, 'name: { type: string }')),
    expect: [],
  },
]);
