// Required response properties that became optional or stopped being write-only.
import { ruleCases } from '../support/ruleCases';

const response = (properties: string, required = '') =>
  `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
${required ? `                required: [${required}]\n` : ''}                properties:
${properties
  .split('\n')
  .filter(Boolean)
  .map((line) => `                  ${line}\n`)
  .join('')}`;

ruleCases('response-property-became-optional', [
  {
    name: 'a required response property made optional is shown on the property',
    base: response('id: { type: string }\nname: { type: string }', 'id, name'),
    head: response('id: { type: string }\nname: { type: string }', 'id'),
    expect: ['16:19 in API GET /pets the response property `name` became optional for the status `200`'],
  },
  {
    name: 'a nested property is named by its path',
    base: response('owner:\n  type: object\n  required: [name]\n  properties:\n    name: { type: string }'),
    head: response('owner:\n  type: object\n  properties:\n    name: { type: string }'),
    expect: ['17:23 in API GET /pets the response property `owner/name` became optional for the status `200`'],
  },
  {
    name: 'a write-only property is never returned (information only)',
    base: response('secret: { type: string, writeOnly: true }', 'secret'),
    head: response('secret: { type: string, writeOnly: true }'),
    expect: [],
  },
  { name: 'becoming required is fine in a response', base: response('id: { type: string }'), head: response('id: { type: string }', 'id'), expect: [] },
  {
    name: 'in Swagger 2.0 too',
    base: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\nproduces: [application/json]\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: ok\n          schema:\n            type: object\n            required: [id]\n            properties:\n              id: { type: string }\n',
    head: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\nproduces: [application/json]\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: ok\n          schema:\n            type: object\n            properties:\n              id: { type: string }\n',
    expect: ['13:15 in API GET /pets the response property `id` became optional for the status `200`'],
  },
]);

ruleCases('response-required-property-became-not-write-only', [
  {
    name: 'writeOnly: true to false, shown on writeOnly',
    base: response('password:\n  type: string\n  writeOnly: true', 'password'),
    head: response('password:\n  type: string\n  writeOnly: false', 'password'),
    expect: ['17:21 in API GET /pets the response required property `password` became not write-only for the status `200`'],
  },
  {
    name: 'writeOnly dropped, shown on the property',
    base: response('password:\n  type: string\n  writeOnly: true', 'password'),
    head: response('password:\n  type: string', 'password'),
    expect: ['15:19 in API GET /pets the response required property `password` became not write-only for the status `200`'],
  },
  {
    name: 'an optional property is not reported',
    base: response('password:\n  type: string\n  writeOnly: true'),
    head: response('password:\n  type: string'),
    expect: [],
  },
]);
