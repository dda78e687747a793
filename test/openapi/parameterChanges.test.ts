// Request parameters added, removed or made required, matched by location and name (headers case-insensitively,
// path parameters by position), with the parameter restore and the `required` revert.
import { ruleCases } from '../support/ruleCases';

const spec = (parameters: string) =>
  `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets/{id}:\n    get:\n      parameters:\n${parameters}      responses:\n        '200': { description: ok }\n`;
const ID = '        - { name: id, in: path, required: true, schema: { type: string } }\n';
const param = (name: string, where: string, extra = '') => `        - name: ${name}\n          in: ${where}\n${extra}          schema: { type: string }\n`;

ruleCases('new-required-request-parameter', [
  {
    name: 'a new required query parameter is reported on the parameter',
    base: spec(ID),
    head: spec(ID + param('limit', 'query', '          required: true\n')),
    expect: ['8:11 in API GET /pets/{id} added the new required `query` request parameter `limit`'],
  },
  { name: 'a new optional parameter breaks nobody', base: spec(ID), head: spec(ID + param('limit', 'query')), expect: [] },
  {
    name: 'a parameter from a shared components/parameters $ref counts as the parameter itself',
    base: spec(ID),
    head: `${spec(ID + "        - $ref: '#/components/parameters/Tenant'\n")}components:\n  parameters:\n    Tenant: { name: X-Tenant, in: header, required: true, schema: { type: string } }\n`,
    expect: ['8:11 in API GET /pets/{id} added the new required `header` request parameter `x-tenant`'],
  },
  {
    name: 'header names compare case-insensitively',
    base: spec(ID + param('X-Trace', 'header', '          required: true\n')),
    head: spec(ID + param('x-trace', 'header', '          required: true\n')),
    expect: [],
  },
]);

ruleCases('new-request-path-parameter', [
  {
    name: 'a path parameter added to an existing operation',
    base: `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets/{id}:\n    get:\n      responses:\n        '200': { description: ok }\n`,
    head: spec(ID),
    expect: ['7:11 in API GET /pets/{id} added the new path request parameter `id`'],
  },
]);

ruleCases('request-parameter-became-required', [
  {
    name: 'an optional parameter made required is shown on `required`, and reverting it clears the finding',
    base: spec(ID + param('limit', 'query', '          required: false\n')),
    head: spec(ID + param('limit', 'query', '          required: true\n')),
    expect: ['10:21 in API GET /pets/{id} the `query` request parameter `limit` became required'],
    fixed: spec(ID + param('limit', 'query', '          required: false\n')),
  },
]);

ruleCases('request-parameter-removed', [
  {
    name: "a removed parameter is a warning on the operation's parameters, and restoring it clears it",
    base: spec(ID + param('verbose', 'query')),
    head: spec(ID),
    expect: ['6:7 in API GET /pets/{id} deleted the `query` request parameter `verbose`'],
    fixTitles: ['Restore query parameter "verbose" from the base'],
    fixed: spec(ID + param('verbose', 'query')),
  },
  { name: 'renaming a path parameter keeps its place in the template: nothing removed', base: spec(ID), head: spec(ID).replace(/id/g, 'petId'), expect: [] },
]);

ruleCases('request-parameter-removed-before-sunset', [
  {
    name: 'a deprecated parameter removed before its sunset',
    base: spec(ID + param('verbose', 'query', "          deprecated: true\n          x-sunset: '2999-12-31'\n")),
    head: spec(ID),
    expect: ['6:7 in API GET /pets/{id} deleted the `query` request parameter `verbose` before the sunset date `2999-12-31`'],
  },
  {
    name: 'after its sunset it may go',
    base: spec(ID + param('verbose', 'query', "          deprecated: true\n          x-sunset: '2020-01-01'\n")),
    head: spec(ID),
    expect: [],
  },
]);

ruleCases('request-parameter-sunset-parse', [
  {
    name: 'a removed parameter whose x-sunset is not a date',
    base: spec(ID + param('verbose', 'query', '          deprecated: true\n          x-sunset: soon\n')),
    head: spec(ID),
    expect: [
      '6:7 in API GET /pets/{id} failed to parse sunset date for the `query` request parameter `verbose`: `"soon" is not a date (YYYY-MM-DD or RFC 3339)`',
    ],
  },
]);
