// Webhooks removed (3.1) and required parameters declared on an existing path item.
import { ruleCases } from '../support/ruleCases';

const webhooks = (names: string[]) =>
  `openapi: 3.1.0
info: { title: Pets, version: '1' }
${names.length ? 'webhooks:\n' : ''}${names.map((name) => `  ${name}:\n    post:\n      responses:\n        '200': { description: ok }\n`).join('')}`;

const pathItem = (parameters: string, operations = ['get']) =>
  `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
${parameters ? `    parameters:\n${parameters}` : ''}${operations.map((method) => `    ${method}:\n      responses:\n        '200': { description: ok }\n`).join('')}`;
const TENANT = '      - { name: tenant, in: query, required: true, schema: { type: string } }\n';

ruleCases('webhook-removed', [
  {
    name: 'a removed webhook is a components finding, shown on `webhooks`',
    base: webhooks(['newPet', 'petSold']),
    head: webhooks(['newPet']),
    expect: ['3:1 in components/webhooks webhook `petSold` removed'],
  },
  { name: 'a webhook added breaks nobody', base: webhooks(['newPet']), head: webhooks(['newPet', 'petSold']), expect: [] },
]);

ruleCases('api-removed-without-deprecation', [
  {
    name: 'an operation removed from a webhook that stays is removed from the path `webhook:<name>`',
    base: webhooks(['newPet']).replace('    post:\n', "    put:\n      responses:\n        '200': { description: ok }\n    post:\n"),
    head: webhooks(['newPet']),
    expect: ['4:3 in API PUT webhook:newPet api removed without deprecation'],
  },
]);

ruleCases('new-required-request-default-parameter-to-existing-path', [
  {
    name: 'a required parameter on the path item, once per operation',
    base: pathItem('', ['get', 'post']),
    head: pathItem(TENANT, ['get', 'post']),
    expect: [
      "6:9 in API GET /pets added the new required `query` request parameter `tenant` to all path's operations",
      "6:9 in API POST /pets added the new required `query` request parameter `tenant` to all path's operations",
    ],
  },
  {
    name: 'in Swagger 2.0 too',
    base: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        200: { description: ok }\n',
    head: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    parameters:\n      - { name: X-Tenant, in: header, required: true, type: string }\n    get:\n      responses:\n        200: { description: ok }\n',
    expect: ["6:9 in API GET /pets added the new required `header` request parameter `x-tenant` to all path's operations"],
  },
  { name: 'an optional one breaks nobody', base: pathItem(''), head: pathItem(TENANT.replace('required: true', 'required: false')), expect: [] },
  { name: 'a new path is not an existing one', base: pathItem('').replace('/pets', '/owners'), head: pathItem(TENANT), expect: [] },
  {
    name: 'with flattenParams it is a parameter of each operation instead',
    base: pathItem(''),
    head: pathItem(TENANT),
    options: { flattenParams: true },
    expect: [],
  },
]);

ruleCases('new-required-request-parameter', [
  {
    name: 'with flattenParams a path-level parameter is compared in each operation',
    base: pathItem(''),
    head: pathItem(TENANT),
    options: { flattenParams: true },
    expect: ['6:9 in API GET /pets added the new required `query` request parameter `tenant`'],
  },
  { name: 'without it the path item is compared apart', base: pathItem(''), head: pathItem(TENANT), expect: [] },
]);
