// Types and formats on every schema site, judged by oasdiff's compatibility tables (request toward the head type,
// response toward the base type, text parameters and headers loosely typed), and the list-of-types pattern.
import { ruleCases } from '../support/ruleCases';
import { api, object, twoMediaTypes } from './valueSpecs';

ruleCases('request-body-type-changed', [
  {
    name: 'string to integer in a JSON body',
    base: api({}),
    head: api({ body: '{ type: integer }' }),
    fixed: api({}),
    expect: ["11:23 in API POST /pets the request's body `type` changed from `string` to `integer`"],
  },
  {
    name: 'integer to number accepts every integer still',
    base: api({ body: '{ type: integer }' }),
    head: api({ body: '{ type: number }' }),
    expect: [],
  },
  {
    name: 'a format made wider (date to date-time) is fine, named by the dimension that changed',
    base: api({ body: '{ type: string, format: date }' }),
    head: api({ body: '{ type: string, format: date-time }' }),
    expect: [],
  },
  {
    name: 'a new format narrows what is accepted',
    base: api({}),
    head: api({ body: '{ type: string, format: uuid }' }),
    expect: ["11:37 in API POST /pets the request's body `format` changed from `none` to `uuid`"],
  },
  {
    name: '3.1: adding only null to the type list is a nullability change, not a type change',
    base: api({ openapi: '3.1.0', body: '{ type: [string, "null"] }' }),
    head: api({ openapi: '3.1.0', body: '{ type: string }' }),
    expect: [],
  },
]);

ruleCases('request-property-type-changed', [
  {
    name: 'a request property from number to integer',
    base: api({ body: object('size: { type: number }') }),
    head: api({ body: object('size: { type: integer }') }),
    expect: ['11:59 in API POST /pets the `size` request property `type` changed from `number` to `integer`'],
  },
  {
    name: 'a read-only property is not sent by clients',
    base: api({ body: object('id: { type: number, readOnly: true }') }),
    head: api({ body: object('id: { type: integer, readOnly: true }') }),
    expect: [],
  },
  {
    name: 'when two media types of the body changed, each finding says which',
    base: twoMediaTypes(object('size: { type: number }')),
    head: twoMediaTypes(object('size: { type: integer }')),
    expect: [
      '9:59 in API POST /pets the `size` request property `type` changed from `number` to `integer` (media type: application/json)',
      '11:59 in API POST /pets the `size` request property `type` changed from `number` to `integer` (media type: application/xml)',
    ],
  },
  {
    name: 'array items show their type inline',
    base: api({ body: object('tags: { type: array, items: { type: string } }') }),
    head: api({ body: object('tags: { type: array, items: { type: integer } }') }),
    expect: ['11:81 in API POST /pets the `tags/items/` request property `type` changed from `string` to `integer`'],
  },
]);

ruleCases('request-parameter-type-changed', [
  {
    name: 'a query parameter from string to integer',
    base: api({}),
    head: api({ parameter: '{ type: integer }' }),
    expect: ['7:46 in API POST /pets for the `query` request parameter `kind`, the `type` was changed from `string` to `integer`'],
  },
  {
    name: 'anything to string is fine on the wire, which is text',
    base: api({ parameter: '{ type: integer }' }),
    head: api({}),
    expect: [],
  },
  {
    name: 'a format changed',
    base: api({ parameter: '{ type: string, format: uuid }' }),
    head: api({ parameter: '{ type: string, format: uri }' }),
    fixed: api({ parameter: '{ type: string, format: uuid }' }),
    expect: ['7:60 in API POST /pets for the `query` request parameter `kind`, the `format` was changed from `uuid` to `uri`'],
  },
  {
    name: 'a query parameter that became an array of what it was (form, exploded) still takes one value',
    base: api({ parameter: '{ type: integer }' }),
    head: api({ parameter: '{ type: array, items: { type: integer } }' }),
    expect: [],
  },
  {
    name: 'Swagger 2.0',
    base: `swagger: "2.0"
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      parameters:
        - { name: kind, in: query, type: string }
      responses:
        "200": { description: ok }
`,
    head: `swagger: "2.0"
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      parameters:
        - { name: kind, in: query, type: integer }
      responses:
        "200": { description: ok }
`,
    expect: ['7:36 in API GET /pets for the `query` request parameter `kind`, the `type` was changed from `string` to `integer`'],
  },
]);

ruleCases('request-parameter-property-type-changed', [
  {
    name: 'integer to string: fine in a PHP-style query, not in JSON, so a warning',
    base: api({ parameter: object('id: { type: integer }') }),
    head: api({ parameter: object('id: { type: string }') }),
    expect: ['7:80 in API POST /pets for the `query` request parameter `kind`, the `type` of property `id` was changed from `integer` to `string`'],
  },
  {
    name: 'integer to number is fine both ways',
    base: api({ parameter: object('id: { type: integer }') }),
    head: api({ parameter: object('id: { type: number }') }),
    expect: [],
  },
]);

ruleCases('request-parameter-property-type-specialized', [
  {
    name: 'number to integer breaks both ways',
    base: api({ parameter: object('id: { type: number }') }),
    head: api({ parameter: object('id: { type: integer }') }),
    expect: ['7:80 in API POST /pets for the `query` request parameter `kind`, the `type` of property `id` was narrowed from `number` to `integer`'],
  },
  {
    name: 'integer to string breaks one way only (the other ID)',
    base: api({ parameter: object('id: { type: integer }') }),
    head: api({ parameter: object('id: { type: string }') }),
    expect: [],
  },
]);

ruleCases('response-body-type-changed', [
  {
    name: 'a response body from integer to string',
    base: api({ response: '{ type: integer }' }),
    head: api({ response: '{ type: string }' }),
    expect: ["19:25 in API POST /pets the response's body `type` changed from `integer` to `string` for status `200`"],
  },
  {
    name: 'number to integer returns only what was returned',
    base: api({ response: '{ type: number }' }),
    head: api({ response: '{ type: integer }' }),
    expect: [],
  },
  {
    name: 'Swagger 2.0',
    base: `swagger: "2.0"
info: { title: Pets, version: "1" }
produces: [application/json]
paths:
  /pets:
    get:
      responses:
        "200": { description: ok, schema: { type: integer } }
`,
    head: `swagger: "2.0"
info: { title: Pets, version: "1" }
produces: [application/json]
paths:
  /pets:
    get:
      responses:
        "200": { description: ok, schema: { type: boolean } }
`,
    expect: ["8:45 in API GET /pets the response's body `type` changed from `integer` to `boolean` for status `200`"],
  },
]);

ruleCases('response-body-type-generalized', [
  {
    name: 'integer to number may return what clients do not parse',
    base: api({ response: '{ type: integer }' }),
    head: api({ response: '{ type: number }' }),
    expect: ["19:25 in API POST /pets the response's body `type` was widened from `integer` to `number` for status `200`"],
  },
  {
    name: 'a format dropped from a response changes nothing returned',
    base: api({ response: '{ type: string, format: uuid }' }),
    head: api({ response: '{ type: string }' }),
    expect: [],
  },
]);

ruleCases('response-property-type-changed', [
  {
    name: 'a response property from string to object',
    base: api({ response: object('owner: { type: string }') }),
    head: api({ response: object('owner: { type: object }') }),
    expect: ["19:62 in API POST /pets the `owner` response's property `type` changed from `string` to `object` for status `200`"],
  },
  {
    name: 'the same in a request property is a request change, not this one',
    base: api({ body: object('owner: { type: string }') }),
    head: api({ body: object('owner: { type: object }') }),
    expect: [],
  },
]);

ruleCases('response-property-type-generalized', [
  {
    name: 'a response property from integer to number',
    base: api({ response: object('size: { type: integer }') }),
    head: api({ response: object('size: { type: number }') }),
    expect: ["19:61 in API POST /pets the `size` response's property `type` was widened from `integer` to `number` for status `200`"],
  },
  {
    name: 'int64 to int32 returns only values clients parse',
    base: api({ response: object('size: { type: integer, format: int64 }') }),
    head: api({ response: object('size: { type: integer, format: int32 }') }),
    expect: [],
  },
]);

ruleCases('response-header-type-changed', [
  {
    name: 'a date-time header that became an integer drops a format clients parse',
    base: api({ header: '{ type: string, format: date-time }' }),
    head: api({ header: '{ type: integer }' }),
    expect: ["16:33 in API POST /pets the `x-rate` response header's `type/format` changed from `string/date-time` to `integer` for the status `200`"],
  },
  {
    name: 'a header is text: string to integer is compatible',
    base: api({}),
    head: api({ header: '{ type: integer }' }),
    expect: [],
  },
]);

ruleCases('response-header-type-generalized', [
  {
    name: 'a header from integer to number',
    base: api({ header: '{ type: integer }' }),
    head: api({ header: '{ type: number }' }),
    fixed: api({ header: '{ type: integer }' }),
    expect: ["16:33 in API POST /pets the `x-rate` response header's `type` was widened from `integer` to `number` for the status `200`"],
  },
  {
    name: 'number to integer narrows',
    base: api({ header: '{ type: number }' }),
    head: api({ header: '{ type: integer }' }),
    expect: [],
  },
]);

ruleCases('request-body-list-of-types-narrowed', [
  {
    name: 'a oneOf of plain types that became one of them',
    base: api({ body: '{ oneOf: [{ type: string }, { type: integer }] }' }),
    head: api({ body: '{ type: string }' }),
    expect: ['11:23 in API POST /pets request body list-of-types was narrowed by removing types `integer` from media type `application/json`'],
  },
  {
    name: 'the other way round widens what is accepted',
    base: api({ body: '{ type: string }' }),
    head: api({ body: '{ oneOf: [{ type: string }, { type: integer }] }' }),
    expect: [],
  },
]);

ruleCases('request-property-list-of-types-narrowed', [
  {
    name: 'an anyOf of plain types that lost one',
    base: api({ body: object('id: { anyOf: [{ type: string }, { type: integer }, { type: boolean }] }') }),
    head: api({ body: object('id: { anyOf: [{ type: string }] }') }),
    expect: [
      '11:57 in API POST /pets request property `id` list-of-types was narrowed by removing types `integer and boolean` from media type `application/json`',
    ],
  },
  {
    name: 'a read-only property is not sent by clients',
    base: api({ body: object('id: { readOnly: true, anyOf: [{ type: string }, { type: integer }] }') }),
    head: api({ body: object('id: { readOnly: true, type: string }') }),
    expect: [],
  },
]);

ruleCases('request-parameter-list-of-types-narrowed', [
  {
    name: 'a parameter whose oneOf lost a type',
    base: api({ parameter: '{ oneOf: [{ type: string }, { type: integer }] }' }),
    head: api({ parameter: '{ type: integer }' }),
    expect: ['7:46 in API POST /pets `query` request parameter `kind` list-of-types was narrowed by removing types `string`'],
  },
  {
    name: 'a parameter whose oneOf gained one',
    base: api({ parameter: '{ type: integer }' }),
    head: api({ parameter: '{ oneOf: [{ type: string }, { type: integer }] }' }),
    expect: [],
  },
]);

ruleCases('request-parameter-property-list-of-types-narrowed', [
  {
    name: 'a property of an object parameter whose oneOf lost a type',
    base: api({ parameter: object('id: { oneOf: [{ type: string }, { type: integer }] }') }),
    head: api({ parameter: object('id: { type: string }') }),
    expect: ['7:80 in API POST /pets property `id` of `query` request parameter `kind` list-of-types was narrowed by removing types `integer`'],
  },
  {
    name: 'unchanged',
    base: api({ parameter: object('id: { oneOf: [{ type: string }, { type: integer }] }') }),
    head: api({ parameter: object('id: { oneOf: [{ type: integer }, { type: string }] }') }),
    expect: [],
  },
]);

ruleCases('response-body-list-of-types-widened', [
  {
    name: 'a response body that may now be one of two types',
    base: api({ response: '{ type: string }' }),
    head: api({ response: '{ oneOf: [{ type: string }, { type: integer }] }' }),
    expect: ['19:25 in API POST /pets response body list-of-types was widened by adding types `integer` to media type `application/json` of response `200`'],
  },
  {
    name: 'a response that lost a type returns less',
    base: api({ response: '{ oneOf: [{ type: string }, { type: integer }] }' }),
    head: api({ response: '{ type: string }' }),
    expect: [],
  },
]);

ruleCases('response-property-list-of-types-widened', [
  {
    name: 'a response property whose anyOf gained two types',
    base: api({ response: object('id: { anyOf: [{ type: string }] }') }),
    head: api({ response: object('id: { anyOf: [{ type: string }, { type: integer }, { type: boolean }] }') }),
    expect: [
      '19:59 in API POST /pets response property `id` list-of-types was widened by adding types `integer and boolean` to media type `application/json` of response `200`',
    ],
  },
  {
    name: 'a 3.1 type list is read by its first type only, as oasdiff reads it',
    base: api({ openapi: '3.1.0', response: object('id: { type: string }') }),
    head: api({ openapi: '3.1.0', response: object('id: { type: [string, integer] }') }),
    expect: [],
  },
]);
