// Response headers removed or made optional, and properties of object-typed request headers added as required or made
// required; header names compare lower-cased unless caseInsensitiveHeaders is off.
import { ruleCases } from '../support/ruleCases';

const responseHeaders = (headers: string) =>
  `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
${headers ? `          headers:\n${headers}` : ''}`;
const header = (name: string, required?: boolean) =>
  `            ${name}:\n${required === undefined ? '' : `              required: ${required}\n`}              schema: { type: string }\n`;

const requestHeader = (properties: string, required = '') =>
  `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - name: X-Filter
          in: header
          schema:
            type: object
${required ? `            required: [${required}]\n` : ''}            properties:
${properties}      responses:
        '200': { description: ok }
`;
const property = (line: string) => `              ${line}\n`;

ruleCases('required-response-header-removed', [
  {
    name: 'a required header removed is shown on `headers`',
    base: responseHeaders(header('X-Rate-Limit', true) + header('X-Trace')),
    head: responseHeaders(header('X-Trace')),
    expect: ['9:11 in API GET /pets the mandatory response header `x-rate-limit` removed for the status `200`'],
  },
  {
    name: 'the last header removed with its `headers` key is shown on the status',
    base: responseHeaders(header('X-Rate-Limit', true)),
    head: responseHeaders(''),
    expect: ['7:9 in API GET /pets the mandatory response header `x-rate-limit` removed for the status `200`'],
  },
  {
    name: 'a header renamed only in case is the same header',
    base: responseHeaders(header('X-Rate-Limit', true)),
    head: responseHeaders(header('x-rate-limit', true)),
    expect: [],
  },
  {
    name: 'with caseInsensitiveHeaders: false a change of case is a removal, named as written',
    base: responseHeaders(header('X-Rate-Limit', true)),
    head: responseHeaders(header('x-rate-limit', true)),
    options: { caseInsensitiveHeaders: false },
    expect: ['9:11 in API GET /pets the mandatory response header `X-Rate-Limit` removed for the status `200`'],
  },
  {
    name: 'in Swagger 2.0 too',
    base: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: ok\n          headers:\n            X-Rate-Limit: { type: integer }\n            X-Trace: { type: string }\n',
    head: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: ok\n          headers:\n            X-Trace: { type: string }\n',
    expect: [],
  },
]);

ruleCases('optional-response-header-removed', [
  {
    name: 'an optional header removed is a warning',
    base: responseHeaders(header('X-Rate-Limit', true) + header('X-Trace')),
    head: responseHeaders(header('X-Rate-Limit', true)),
    expect: ['9:11 in API GET /pets the optional response header `x-trace` removed for the status `200`'],
  },
  {
    name: 'in Swagger 2.0 a response header is optional',
    base: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: ok\n          headers:\n            X-Rate-Limit: { type: integer }\n            X-Trace: { type: string }\n',
    head: 'swagger: "2.0"\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        200:\n          description: ok\n          headers:\n            X-Trace: { type: string }\n',
    expect: ['9:11 in API GET /pets the optional response header `x-rate-limit` removed for the status `200`'],
  },
  { name: 'a header added breaks nobody', base: responseHeaders(''), head: responseHeaders(header('X-Trace')), expect: [] },
]);

ruleCases('response-header-became-optional', [
  {
    name: 'required: true to false',
    base: responseHeaders(header('X-Rate-Limit', true)),
    head: responseHeaders(header('X-Rate-Limit', false)),
    expect: ['10:13 in API GET /pets the response header `x-rate-limit` became optional for the status `200`'],
  },
  {
    name: 'required dropped',
    base: responseHeaders(header('X-Rate-Limit', true)),
    head: responseHeaders(header('X-Rate-Limit')),
    expect: ['10:13 in API GET /pets the response header `x-rate-limit` became optional for the status `200`'],
  },
  {
    name: 'becoming required is fine in a response',
    base: responseHeaders(header('X-Rate-Limit')),
    head: responseHeaders(header('X-Rate-Limit', true)),
    expect: [],
  },
]);

ruleCases('new-required-request-header-property', [
  {
    name: 'a required property added to an object-typed header',
    base: requestHeader(property('a: { type: string }')),
    head: requestHeader(property('a: { type: string }') + property('b: { type: string }'), 'b'),
    expect: ["14:15 in API GET /pets added the new required `x-filter` request header's property `b`"],
  },
  {
    name: 'an optional property added',
    base: requestHeader(property('a: { type: string }')),
    head: requestHeader(property('a: { type: string }') + property('b: { type: string }')),
    expect: [],
  },
  {
    name: 'a read-only property is never sent',
    base: requestHeader(property('a: { type: string }')),
    head: requestHeader(property('a: { type: string }') + property('b: { type: string, readOnly: true }'), 'b'),
    expect: [],
  },
]);

ruleCases('request-header-property-became-required', [
  {
    name: 'an existing property made required',
    base: requestHeader(property('a: { type: string }')),
    head: requestHeader(property('a: { type: string }'), 'a'),
    expect: ["13:15 in API GET /pets the `x-filter` request header's property `a` became required"],
  },
  {
    name: 'a nested property is named by its path',
    base: requestHeader(property('a:') + property('  type: object') + property('  properties:') + property('    c: { type: string }')),
    head: requestHeader(
      property('a:') + property('  type: object') + property('  required: [c]') + property('  properties:') + property('    c: { type: string }'),
    ),
    expect: ["16:19 in API GET /pets the `x-filter` request header's property `a/c` became required"],
  },
  {
    name: 'becoming optional is fine',
    base: requestHeader(property('a: { type: string }'), 'a'),
    head: requestHeader(property('a: { type: string }')),
    expect: [],
  },
]);
