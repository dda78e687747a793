// Enums on every schema site: became-enum, values removed from request enums and x-extensible-enums, values added to a
// response property's enum; Swagger 2.0 parameters carry their enum themselves.
import { ruleCases } from '../support/ruleCases';
import { api, object } from './valueSpecs';

ruleCases('request-body-became-enum', [
  {
    name: 'a request body restricted to an enum is shown on `enum`',
    base: api({}),
    head: api({ body: '{ type: string, enum: [cat, dog] }' }),
    expect: ['11:37 in API POST /pets request body was restricted to a list of enum values'],
  },
  {
    name: 'an enum on a response body restricts nothing a client sends',
    base: api({}),
    head: api({ response: '{ type: string, enum: [cat, dog] }' }),
    expect: [],
  },
  {
    name: 'a body that already had an enum and gains a value is not restricted further',
    base: api({ body: '{ type: string, enum: [cat] }' }),
    head: api({ body: '{ type: string, enum: [cat, dog] }' }),
    expect: [],
  },
]);

ruleCases('request-property-became-enum', [
  {
    name: 'a request property restricted to an enum, named by its path',
    base: api({ body: object('pet: ' + object('kind: { type: string }')) }),
    head: api({ body: object('pet: ' + object('kind: { type: string, enum: [cat] }')) }),
    expect: ['11:108 in API POST /pets request property `pet/kind` was restricted to a list of enum values'],
  },
  {
    name: 'the same in a response property is not a request restriction',
    base: api({ response: object('kind: { type: string }') }),
    head: api({ response: object('kind: { type: string, enum: [cat] }') }),
    expect: [],
  },
]);

ruleCases('request-parameter-became-enum', [
  {
    name: 'a query parameter restricted to an enum',
    base: api({}),
    head: api({ parameter: '{ type: string, enum: [cat, dog] }' }),
    expect: ['7:60 in API POST /pets the `query` request parameter `kind` was restricted to a list of enum values'],
  },
  {
    name: 'a parameter whose enum only grows',
    base: api({ parameter: '{ type: string, enum: [cat] }' }),
    head: api({ parameter: '{ type: string, enum: [cat, dog] }' }),
    expect: [],
  },
  {
    name: 'Swagger 2.0: the parameter carries the enum itself',
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
        - { name: kind, in: query, type: string, enum: [cat] }
      responses:
        "200": { description: ok }
`,
    expect: ['7:50 in API GET /pets the `query` request parameter `kind` was restricted to a list of enum values'],
  },
]);

ruleCases('request-header-property-became-enum', [
  {
    name: 'a property of an object-typed header parameter restricted to an enum',
    base: api({ parameterEntry: '{ name: X-Filter, in: header, schema: ' + object('kind: { type: string }') + ' }' }),
    head: api({ parameterEntry: '{ name: X-Filter, in: header, schema: ' + object('kind: { type: string, enum: [cat] }') + ' }' }),
    expect: ["7:101 in API POST /pets the `x-filter` request header's property `kind` was restricted to a list of enum values"],
  },
  {
    name: "a header's own schema restricted to an enum: oasdiff reports it here too, with the property argument missing",
    base: api({ parameterEntry: '{ name: X-Kind, in: header, schema: { type: string } }' }),
    head: api({ parameterEntry: '{ name: X-Kind, in: header, schema: { type: string, enum: [cat] } }' }),
    expect: ["7:63 in API POST /pets the `x-kind` request header's property %!s(MISSING) was restricted to a list of enum values"],
  },
  {
    name: 'a query parameter property is not a header property',
    base: api({ parameter: object('kind: { type: string }') }),
    head: api({ parameter: object('kind: { type: string, enum: [cat] }') }),
    expect: [],
  },
]);

ruleCases('request-body-enum-value-removed', [
  {
    name: 'one finding per removed value, numbers written as oasdiff writes them',
    base: api({ body: '{ enum: [cat, dog, 3] }' }),
    head: api({ body: '{ enum: [cat] }' }),
    expect: ['11:23 in API POST /pets request body enum value removed `3.00`', '11:23 in API POST /pets request body enum value removed `dog`'],
  },
  {
    name: 'a value added to a request body enum breaks nobody',
    base: api({ body: '{ type: string, enum: [cat] }' }),
    head: api({ body: '{ type: string, enum: [cat, dog] }' }),
    expect: [],
  },
]);

ruleCases('request-property-enum-value-removed', [
  {
    name: 'a value removed from a request property enum',
    base: api({ body: object('kind: { type: string, enum: [cat, dog] }') }),
    head: api({ body: object('kind: { type: string, enum: [cat] }') }),
    expect: ['11:73 in API POST /pets removed the enum value `dog` of the request property `kind`'],
  },
  {
    name: 'inside array items the property is named with items',
    base: api({ body: '{ type: array, items: ' + object('kind: { type: string, enum: [cat, dog] }') + ' }' }),
    head: api({ body: '{ type: array, items: ' + object('kind: { type: string, enum: [cat] }') + ' }' }),
    expect: ['11:95 in API POST /pets removed the enum value `dog` of the request property `items/kind`'],
  },
  {
    name: 'a read-only property is not sent by clients',
    base: api({ body: object('kind: { type: string, readOnly: true, enum: [cat, dog] }') }),
    head: api({ body: object('kind: { type: string, readOnly: true, enum: [cat] }') }),
    expect: [],
  },
  {
    name: 'a value removed from a response property enum breaks no client',
    base: api({ response: object('kind: { type: string, enum: [cat, dog] }') }),
    head: api({ response: object('kind: { type: string, enum: [cat] }') }),
    expect: [],
  },
]);

ruleCases('request-parameter-enum-value-removed', [
  {
    name: 'a value removed from a query parameter enum',
    base: api({ parameter: '{ type: string, enum: [cat, dog] }' }),
    head: api({ parameter: '{ type: string, enum: [cat] }' }),
    expect: ['7:60 in API POST /pets removed the enum value `dog` from the `query` request parameter `kind`'],
  },
  {
    name: 'reordering the values removes none',
    base: api({ parameter: '{ type: string, enum: [cat, dog] }' }),
    head: api({ parameter: '{ type: string, enum: [dog, cat] }' }),
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
        - { name: kind, in: query, type: string, enum: [cat, dog] }
      responses:
        "200": { description: ok }
`,
    head: `swagger: "2.0"
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      parameters:
        - { name: kind, in: query, type: string, enum: [dog] }
      responses:
        "200": { description: ok }
`,
    expect: ['7:50 in API GET /pets removed the enum value `cat` from the `query` request parameter `kind`'],
  },
]);

ruleCases('request-parameter-property-enum-value-removed', [
  {
    name: 'a value removed from the enum of an object parameter property',
    base: api({ parameter: object('kind: { type: string, enum: [cat, dog] }') }),
    head: api({ parameter: object('kind: { type: string, enum: [dog] }') }),
    expect: ['7:96 in API POST /pets removed the enum value `cat` from the property `kind` of the `query` request parameter `kind`'],
  },
  {
    name: 'a value added to it breaks nobody',
    base: api({ parameter: object('kind: { type: string, enum: [dog] }') }),
    head: api({ parameter: object('kind: { type: string, enum: [cat, dog] }') }),
    expect: [],
  },
]);

ruleCases('request-parameter-x-extensible-enum-value-removed', [
  {
    name: 'a value removed from a parameter x-extensible-enum',
    base: api({ parameter: '{ type: string, x-extensible-enum: [cat, dog] }' }),
    head: api({ parameter: '{ type: string, x-extensible-enum: [cat] }' }),
    expect: ['7:60 in API POST /pets removed the x-extensible-enum value `dog` from the `query` request parameter `kind`'],
  },
  {
    name: 'a value added to it is what x-extensible-enum allows',
    base: api({ parameter: '{ type: string, x-extensible-enum: [cat] }' }),
    head: api({ parameter: '{ type: string, x-extensible-enum: [cat, dog] }' }),
    expect: [],
  },
]);

ruleCases('request-property-x-extensible-enum-value-removed', [
  {
    name: 'a value removed from a request property x-extensible-enum',
    base: api({ body: object('kind: { type: string, x-extensible-enum: [cat, dog] }') }),
    head: api({ body: object('kind: { type: string, x-extensible-enum: [dog] }') }),
    expect: ['11:73 in API POST /pets removed the x-extensible-enum value `cat` of the request property `kind`'],
  },
  {
    name: 'a read-only property is not sent by clients',
    base: api({ body: object('kind: { type: string, readOnly: true, x-extensible-enum: [cat, dog] }') }),
    head: api({ body: object('kind: { type: string, readOnly: true, x-extensible-enum: [dog] }') }),
    expect: [],
  },
]);

ruleCases('response-property-enum-value-added', [
  {
    name: 'a value added to a response property enum is a warning',
    base: api({ response: object('kind: { type: string, enum: [cat] }') }),
    head: api({ response: object('kind: { type: string, enum: [cat, dog] }') }),
    expect: ['19:75 in API POST /pets added the new `dog` enum value to the `kind` response property for the response status `200`'],
  },
  {
    name: 'a write-only property is never returned',
    base: api({ response: object('kind: { type: string, writeOnly: true, enum: [cat] }') }),
    head: api({ response: object('kind: { type: string, writeOnly: true, enum: [cat, dog] }') }),
    expect: [],
  },
  {
    name: 'a value added to a request property enum breaks nobody',
    base: api({ body: object('kind: { type: string, enum: [cat] }') }),
    head: api({ body: object('kind: { type: string, enum: [cat, dog] }') }),
    expect: [],
  },
  {
    name: '3.1: a pure nullable oneOf wrap moves the enum into a branch and adds no value',
    base: api({ openapi: '3.1.0', response: object('kind: { type: string, enum: [cat] }') }),
    head: api({ openapi: '3.1.0', response: object("kind: { oneOf: [{ type: 'null' }, { type: string, enum: [cat] }] }") }),
    expect: [],
  },
]);
