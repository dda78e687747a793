// Restore fixes into JSON descriptions (the base value written out as JSON in the file's own indentation, with the
// commas JSON needs) and into CRLF files (inserted lines end in CRLF), for operations, parameters and properties.
import { ruleCases } from '../support/ruleCases';

const json = (value: unknown, indent: string | number = 2) => `${JSON.stringify(value, null, indent)}\n`;
const INFO = { title: 'Pets', version: '1' };
const OK = { '200': { description: 'ok' } };
const GONE = { '204': { description: 'gone' } };

ruleCases('api-removed-without-deprecation', [
  {
    name: 'JSON: the operation is restored as the last member of its path item, in the file indentation',
    base: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets/{id}': { get: { responses: OK }, delete: { responses: GONE } } } }, 4) },
    head: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets/{id}': { get: { responses: OK } } } }, 4) },
    expect: ['openapi.json:8:9 in API DELETE /pets/{id} api removed without deprecation'],
    fixTitles: ['Restore operation DELETE /pets/{id} from the base', 'Deprecate instead: restore DELETE /pets/{id} with deprecated: true'],
    fixed: json({ openapi: '3.0.3', info: INFO, paths: { '/pets/{id}': { get: { responses: OK }, delete: { responses: GONE } } } }, 4),
  },
  {
    name: 'JSON with tabs: restored with tabs',
    base: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK }, post: { responses: OK } } } }, '\t') },
    head: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK } } } }, '\t') },
    expect: ['openapi.json:8:3 in API POST /pets api removed without deprecation'],
    fixed: json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK }, post: { responses: OK } } } }, '\t'),
  },
  {
    name: 'a YAML base restored into a JSON head (the description was reformatted)',
    base: "openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200': { description: ok }\n    post:\n      responses:\n        '200': { description: ok }\n",
    head: { 'openapi.yaml': json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK } } } }) },
    expect: ['8:5 in API POST /pets api removed without deprecation'],
    fixed: json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK }, post: { responses: OK } } } }),
  },
  {
    name: 'a JSON base restored into a YAML head: the value written as YAML in the head indentation',
    base: json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK }, post: { responses: OK } } } }),
    head: "openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n    /pets:\n        get:\n            responses:\n                '200': { description: ok }\n",
    expect: ['4:5 in API POST /pets api removed without deprecation'],
    fixed:
      "openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n    /pets:\n        get:\n            responses:\n                '200': { description: ok }\n        post:\n            responses:\n                \"200\":\n                    description: ok\n",
  },
  {
    name: 'a 3.1 webhook operation is restored under `webhooks`',
    base: "openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\nwebhooks:\n  newPet:\n    post:\n      responses:\n        '200': { description: ok }\n    put:\n      responses:\n        '200': { description: ok }\n",
    head: "openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\nwebhooks:\n  newPet:\n    post:\n      responses:\n        '200': { description: ok }\n",
    expect: ['4:3 in API PUT webhook:newPet api removed without deprecation'],
    fixed:
      "openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\nwebhooks:\n  newPet:\n    post:\n      responses:\n        '200': { description: ok }\n    put:\n      responses:\n        '200': { description: ok }\n",
  },
  {
    name: 'CRLF YAML: the restored lines end in CRLF',
    base: "openapi: 3.0.3\r\ninfo: { title: Pets, version: '1' }\r\npaths:\r\n  /pets:\r\n    get:\r\n      responses:\r\n        '200': { description: ok }\r\n    post:\r\n      responses:\r\n        '200': { description: ok }\r\n",
    head: "openapi: 3.0.3\r\ninfo: { title: Pets, version: '1' }\r\npaths:\r\n  /pets:\r\n    get:\r\n      responses:\r\n        '200': { description: ok }\r\n",
    expect: ['4:3 in API POST /pets api removed without deprecation'],
    fixed:
      "openapi: 3.0.3\r\ninfo: { title: Pets, version: '1' }\r\npaths:\r\n  /pets:\r\n    get:\r\n      responses:\r\n        '200': { description: ok }\r\n    post:\r\n      responses:\r\n        '200': { description: ok }\r\n",
  },
]);

ruleCases('api-path-removed-without-deprecation', [
  {
    name: 'JSON: a removed path is restored as the last member of `paths`, CRLF kept',
    base: {
      'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK } }, '/owners': { get: { responses: OK } } } }).replace(
        /\n/g,
        '\r\n',
      ),
    },
    head: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK } } } }).replace(/\n/g, '\r\n') },
    expect: ['openapi.json:7:3 in API GET /owners api path removed without deprecation'],
    fixed: json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK } }, '/owners': { get: { responses: OK } } } }).replace(/\n/g, '\r\n'),
  },
]);

const LIMIT = { name: 'limit', in: 'query', schema: { type: 'integer' } };
const ID = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

ruleCases('request-parameter-removed', [
  {
    name: 'JSON: the parameter is appended to `parameters`',
    base: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets/{id}': { get: { parameters: [ID, LIMIT], responses: OK } } } }) },
    head: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets/{id}': { get: { parameters: [ID], responses: OK } } } }) },
    expect: ['openapi.json:10:9 in API GET /pets/{id} deleted the `query` request parameter `limit`'],
    fixTitles: ['Restore query parameter "limit" from the base'],
    fixed: json({ openapi: '3.0.3', info: INFO, paths: { '/pets/{id}': { get: { parameters: [ID, LIMIT], responses: OK } } } }),
  },
  {
    name: 'JSON: the last parameter gone with its `parameters` key comes back with it',
    base: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK, parameters: [LIMIT] } } } }) },
    head: { 'openapi.json': json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK } } } }) },
    expect: ['openapi.json:9:7 in API GET /pets deleted the `query` request parameter `limit`'],
    fixed: json({ openapi: '3.0.3', info: INFO, paths: { '/pets': { get: { responses: OK, parameters: [LIMIT] } } } }),
  },
]);

const body = (properties: Record<string, unknown>) => ({
  openapi: '3.0.3',
  info: INFO,
  paths: {
    '/pets': {
      post: {
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties } } } },
        responses: OK,
      },
    },
  },
});

ruleCases('request-property-removed', [
  {
    name: 'JSON: the property is restored as the last member of `properties`',
    base: { 'openapi.json': json(body({ name: { type: 'string' }, tag: { type: 'string', maxLength: 8 } })) },
    head: { 'openapi.json': json(body({ name: { type: 'string' } })) },
    expect: ['openapi.json:15:17 in API POST /pets removed the request property `tag`'],
    fixed: json(body({ name: { type: 'string' }, tag: { type: 'string', maxLength: 8 } })),
  },
  {
    name: 'JSON written compactly: the property is added on the same line',
    base: { 'openapi.json': JSON.stringify(body({ name: { type: 'string' }, tag: { type: 'string' } })) },
    head: { 'openapi.json': JSON.stringify(body({ name: { type: 'string' } })) },
    expect: ['openapi.json:1:156 in API POST /pets removed the request property `tag`'],
    fixed: JSON.stringify(body({ name: { type: 'string' } })).replace('"name":{"type":"string"}', '"name":{"type":"string"},"tag":{"type":"string"}'),
  },
  {
    name: 'JSON: into an empty `properties`',
    base: { 'openapi.json': json(body({ tag: { type: 'string' } })) },
    head: { 'openapi.json': json(body({})) },
    expect: ['openapi.json:15:17 in API POST /pets removed the request property `tag`'],
    fixed: json(body({ tag: { type: 'string' } })),
  },
  {
    name: 'CRLF YAML: the restored property ends in CRLF',
    base: "openapi: 3.0.3\r\ninfo: { title: Pets, version: '1' }\r\npaths:\r\n  /pets:\r\n    post:\r\n      requestBody:\r\n        content:\r\n          application/json:\r\n            schema:\r\n              type: object\r\n              properties:\r\n                name: { type: string }\r\n                tag:\r\n                  type: string\r\n      responses:\r\n        '200': { description: ok }\r\n",
    head: "openapi: 3.0.3\r\ninfo: { title: Pets, version: '1' }\r\npaths:\r\n  /pets:\r\n    post:\r\n      requestBody:\r\n        content:\r\n          application/json:\r\n            schema:\r\n              type: object\r\n              properties:\r\n                name: { type: string }\r\n      responses:\r\n        '200': { description: ok }\r\n",
    expect: ['11:15 in API POST /pets removed the request property `tag`'],
    fixed:
      "openapi: 3.0.3\r\ninfo: { title: Pets, version: '1' }\r\npaths:\r\n  /pets:\r\n    post:\r\n      requestBody:\r\n        content:\r\n          application/json:\r\n            schema:\r\n              type: object\r\n              properties:\r\n                name: { type: string }\r\n                tag:\r\n                  type: string\r\n      responses:\r\n        '200': { description: ok }\r\n",
  },
]);
