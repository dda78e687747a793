// Nullability written three ways (nullable or x-nullable, a "null" type, a two-branch oneOf with a bare null branch):
// a request that no longer takes null, a response that may now be null. A pure wrap is one finding.
import { ruleCases } from '../support/ruleCases';
import { api, object } from './valueSpecs';

ruleCases('request-body-became-not-nullable', [
  {
    name: 'nullable: true dropped from a request body',
    base: api({ body: '{ type: string, nullable: true }' }),
    head: api({}),
    expect: ["11:21 in API POST /pets the request's body became not nullable"],
  },
  {
    name: 'a request body that became nullable accepts more',
    base: api({}),
    head: api({ body: '{ type: string, nullable: true }' }),
    expect: [],
  },
  {
    name: '3.1: null removed from the type list',
    base: api({ openapi: '3.1.0', body: '{ type: [string, "null"] }' }),
    head: api({ openapi: '3.1.0', body: '{ type: string }' }),
    expect: ["11:23 in API POST /pets the request's body became not nullable"],
  },
  {
    name: '3.1: null removed but the type dropped too: an untyped body takes null anyway',
    base: api({ openapi: '3.1.0', body: '{ type: [string, "null"] }' }),
    head: api({ openapi: '3.1.0', body: '{ minLength: 1 }' }),
    expect: [],
  },
]);

ruleCases('request-property-became-not-nullable', [
  {
    name: 'a request property unwrapped from a nullable oneOf',
    base: api({ openapi: '3.1.0', body: object("note: { oneOf: [{ type: 'null' }, { type: string, maxLength: 9 }] }") }),
    head: api({ openapi: '3.1.0', body: object('note: { type: string, maxLength: 9 }') }),
    expect: ['11:59 in API POST /pets the request property `note` became not nullable'],
  },
  {
    name: 'nullable: false written out changes nothing',
    base: api({ body: object('note: { type: string }') }),
    head: api({ body: object('note: { type: string, nullable: false }') }),
    expect: [],
  },
]);

ruleCases('request-parameter-became-not-nullable', [
  {
    name: 'a query parameter that no longer takes null',
    base: api({ parameter: '{ type: string, nullable: true }' }),
    head: api({ parameter: '{ type: string }' }),
    expect: ['7:44 in API POST /pets the `query` request parameter `kind` became not nullable'],
  },
  {
    name: 'unchanged',
    base: api({ parameter: '{ type: string, nullable: true }' }),
    head: api({ parameter: '{ nullable: true, type: string }' }),
    expect: [],
  },
]);

ruleCases('request-parameter-property-became-not-nullable', [
  {
    name: 'a property of an object parameter that no longer takes null',
    base: api({ openapi: '3.1.0', parameter: object('id: { type: [integer, "null"] }') }),
    head: api({ openapi: '3.1.0', parameter: object('id: { type: integer }') }),
    expect: ['7:80 in API POST /pets the `id` property of the `query` request parameter `kind` became not nullable'],
  },
  {
    name: 'the other way round',
    base: api({ openapi: '3.1.0', parameter: object('id: { type: integer }') }),
    head: api({ openapi: '3.1.0', parameter: object('id: { type: [integer, "null"] }') }),
    expect: [],
  },
]);

ruleCases('response-body-became-nullable', [
  {
    name: 'a response body that may now be null',
    base: api({}),
    head: api({ response: '{ type: string, nullable: true }' }),
    expect: ["19:39 in API POST /pets the response's body became nullable"],
  },
  {
    name: '3.1: a pure oneOf wrap is one finding, not a type change too',
    base: api({ openapi: '3.1.0', response: '{ type: string, enum: [a] }' }),
    head: api({ openapi: '3.1.0', response: "{ oneOf: [{ type: 'null' }, { type: string, enum: [a] }] }" }),
    expect: ["19:25 in API POST /pets the response's body became nullable"],
  },
  {
    name: 'a response that is no longer nullable returns less',
    base: api({ response: '{ type: string, nullable: true }' }),
    head: api({}),
    expect: [],
  },
  {
    name: 'Swagger 2.0: x-nullable',
    base: `swagger: "2.0"
info: { title: Pets, version: "1" }
produces: [application/json]
paths:
  /pets:
    get:
      responses:
        "200": { description: ok, schema: { type: string } }
`,
    head: `swagger: "2.0"
info: { title: Pets, version: "1" }
produces: [application/json]
paths:
  /pets:
    get:
      responses:
        "200": { description: ok, schema: { type: string, x-nullable: true } }
`,
    expect: ["8:59 in API GET /pets the response's body became nullable"],
  },
]);

ruleCases('response-property-became-nullable', [
  {
    name: 'a response property that may now be null',
    base: api({ openapi: '3.1.0', response: object('tag: { type: string }') }),
    head: api({ openapi: '3.1.0', response: object('tag: { type: [string, "null"] }') }),
    expect: ['19:60 in API POST /pets the response property `tag` became nullable for the status `200`'],
  },
  {
    name: 'an untyped property that gets a type list with null was nullable already',
    base: api({ openapi: '3.1.0', response: object('tag: { minLength: 1 }') }),
    head: api({ openapi: '3.1.0', response: object('tag: { type: [string, "null"], minLength: 1 }') }),
    expect: [],
  },
]);

ruleCases('response-header-became-nullable', [
  {
    name: 'a response header that may now be null',
    base: api({}),
    head: api({ header: '{ type: string, nullable: true }' }),
    expect: ['16:47 in API POST /pets the response header `x-rate` became nullable for the status `200`'],
  },
  {
    name: 'a request header parameter that became nullable accepts more',
    base: api({ parameterEntry: '{ name: X-Id, in: header, schema: { type: string } }' }),
    head: api({ parameterEntry: '{ name: X-Id, in: header, schema: { type: string, nullable: true } }' }),
    expect: [],
  },
]);
