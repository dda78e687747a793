// const (3.1) on request and response bodies and properties, and optional request parameters' default values.
import { ruleCases } from '../support/ruleCases';
import { api, object } from './valueSpecs';

const shelfSpec = (name: string, fallback: string) =>
  `openapi: 3.0.3\ninfo: { title: Shelves, version: '1' }\npaths:\n  /shelves/{${name}}:\n    get:\n      parameters:\n        - { name: ${name}, in: path, schema: { type: string, default: ${fallback} } }\n      responses:\n        '200': { description: ok }\n`;

ruleCases('request-body-const-added', [
  {
    name: 'a const put on a request body, named by its media type',
    base: api({ openapi: '3.1.0' }),
    head: api({ openapi: '3.1.0', body: '{ type: string, const: cat }' }),
    expect: ['11:37 in API POST /pets the request body `application/json` const value `cat` was added'],
  },
  {
    name: 'a const dropped from a request body accepts more',
    base: api({ openapi: '3.1.0', body: '{ type: string, const: cat }' }),
    head: api({ openapi: '3.1.0' }),
    expect: [],
  },
]);

ruleCases('request-body-const-changed', [
  {
    name: 'a request body const changed, numbers as oasdiff writes them',
    base: api({ openapi: '3.1.0', body: '{ type: integer, const: 1 }' }),
    head: api({ openapi: '3.1.0', body: '{ type: integer, const: 2 }' }),
    expect: ['11:38 in API POST /pets the request body `application/json` const value changed from `1.00` to `2.00`'],
  },
  {
    name: 'the same const written another way',
    base: api({ openapi: '3.1.0', body: '{ type: integer, const: 1 }' }),
    head: api({ openapi: '3.1.0', body: '{ type: integer, const: 1.0 }' }),
    expect: [],
  },
]);

ruleCases('request-property-const-added', [
  {
    name: 'a const put on a nested request property: oasdiff names it by its own name',
    base: api({ openapi: '3.1.0', body: object('pet: ' + object('kind: { type: string }')) }),
    head: api({ openapi: '3.1.0', body: object('pet: ' + object('kind: { type: string, const: cat }')) }),
    expect: ['11:108 in API POST /pets the `kind` request property const value `cat` was added'],
  },
  {
    name: 'a const put on a response property restricts what is returned, not what is sent',
    base: api({ openapi: '3.1.0', response: object('kind: { type: string }') }),
    head: api({ openapi: '3.1.0', response: object('kind: { type: string, const: cat }') }),
    expect: [],
  },
]);

ruleCases('request-property-const-changed', [
  {
    name: 'a request property const changed',
    base: api({ openapi: '3.1.0', body: object('kind: { type: string, const: cat }') }),
    head: api({ openapi: '3.1.0', body: object('kind: { type: string, const: dog }') }),
    expect: ['11:73 in API POST /pets the `kind` request property const value changed from `cat` to `dog`'],
  },
  {
    name: 'unchanged',
    base: api({ openapi: '3.1.0', body: object('kind: { type: string, const: cat }') }),
    head: api({ openapi: '3.1.0', body: object('kind: { const: cat, type: string }') }),
    expect: [],
  },
]);

ruleCases('response-body-const-changed', [
  {
    name: 'a response body const changed',
    base: api({ openapi: '3.1.0', response: '{ type: boolean, const: true }' }),
    head: api({ openapi: '3.1.0', response: '{ type: boolean, const: false }' }),
    expect: ['19:40 in API POST /pets the response body `application/json` const value changed from `true` to `false` for the status `200`'],
  },
  {
    name: 'a const put on a response body returns less',
    base: api({ openapi: '3.1.0' }),
    head: api({ openapi: '3.1.0', response: '{ type: string, const: cat }' }),
    expect: [],
  },
]);

ruleCases('response-body-const-removed', [
  {
    name: 'a response body const removed',
    base: api({ openapi: '3.1.0', response: '{ type: string, const: cat }' }),
    head: api({ openapi: '3.1.0' }),
    expect: ['19:23 in API POST /pets the response body `application/json` const value `cat` was removed for the status `200`'],
  },
  {
    name: 'a request body const removed accepts more',
    base: api({ openapi: '3.1.0', body: '{ type: string, const: cat }' }),
    head: api({ openapi: '3.1.0' }),
    expect: [],
  },
]);

ruleCases('response-property-const-changed', [
  {
    name: 'a response property const changed',
    base: api({ openapi: '3.1.0', response: object('kind: { type: string, const: cat }') }),
    head: api({ openapi: '3.1.0', response: object('kind: { type: string, const: dog }') }),
    fixed: api({ openapi: '3.1.0', response: object('kind: { type: string, const: cat }') }),
    expect: ['19:75 in API POST /pets the `kind` response property const value changed from `cat` to `dog` for the status `200`'],
  },
  {
    name: 'unchanged',
    base: api({ openapi: '3.1.0', response: object('kind: { type: string, const: cat }') }),
    head: api({ openapi: '3.1.0', response: object('kind: { type: string, const: cat, description: the kind }') }),
    expect: [],
  },
]);

ruleCases('response-property-const-removed', [
  {
    name: 'a response property const removed',
    base: api({ openapi: '3.1.0', response: object('kind: { type: string, const: cat }') }),
    head: api({ openapi: '3.1.0', response: object('kind: { type: string }') }),
    expect: ['19:59 in API POST /pets the `kind` response property const value `cat` was removed for the status `200`'],
  },
  {
    name: 'a request property const removed accepts more',
    base: api({ openapi: '3.1.0', body: object('kind: { type: string, const: cat }') }),
    head: api({ openapi: '3.1.0', body: object('kind: { type: string }') }),
    expect: [],
  },
]);

ruleCases('request-parameter-default-value-added', [
  {
    name: 'a default given to an optional query parameter',
    base: api({ parameter: '{ type: integer }' }),
    head: api({ parameter: '{ type: integer, default: 20 }' }),
    expect: ['7:61 in API POST /pets for the `query` request parameter `kind`, default value `20.00` was added'],
  },
  {
    name: 'a required parameter is always sent: its default means nothing',
    base: api({ parameterEntry: '{ name: kind, in: query, required: true, schema: { type: integer } }' }),
    head: api({ parameterEntry: '{ name: kind, in: query, required: true, schema: { type: integer, default: 20 } }' }),
    expect: [],
  },
  {
    name: 'Swagger 2.0: the parameter carries the default itself',
    base: `swagger: "2.0"
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      parameters:
        - { name: limit, in: query, type: integer }
      responses:
        "200": { description: ok }
`,
    head: `swagger: "2.0"
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      parameters:
        - { name: limit, in: query, type: integer, default: 20 }
      responses:
        "200": { description: ok }
`,
    expect: ['7:52 in API GET /pets for the `query` request parameter `limit`, default value `20.00` was added'],
  },
]);

ruleCases('request-parameter-default-value-changed', [
  {
    name: 'the default of an optional query parameter changed',
    base: api({ parameter: '{ type: string, default: cat }' }),
    head: api({ parameter: '{ type: string, default: dog }' }),
    fixed: api({ parameter: '{ type: string, default: cat }' }),
    expect: ['7:60 in API POST /pets for the `query` request parameter `kind`, default value was changed from `cat` to `dog`'],
  },
  {
    name: 'a renamed path parameter (optional as written) is named as at the base, on the base path (oasdiff keys both by the base)',
    base: shelfSpec('shelfCode', 'A1'),
    head: shelfSpec('code', 'B2'),
    expect: ['7:59 in API GET /shelves/{shelfCode} for the `path` request parameter `shelfCode`, default value was changed from `A1` to `B2`'],
  },
  {
    name: 'a parameter that became required (its own ID) is not compared',
    base: api({ parameter: '{ type: string, default: cat }' }),
    head: api({ parameterEntry: '{ name: kind, in: query, required: true, schema: { type: string, default: dog } }' }),
    expect: [],
  },
]);

ruleCases('request-parameter-default-value-removed', [
  {
    name: 'the default of an optional query parameter removed',
    base: api({ parameter: '{ type: boolean, default: false }' }),
    head: api({ parameter: '{ type: boolean }' }),
    expect: ['7:44 in API POST /pets for the `query` request parameter `kind`, default value `false` was removed'],
  },
  {
    name: 'a default in a request body property is not a parameter default',
    base: api({ body: object('limit: { type: integer, default: 5 }') }),
    head: api({ body: object('limit: { type: integer }') }),
    expect: [],
  },
]);
