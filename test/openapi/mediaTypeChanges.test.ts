// Media types that stay: a schema added to a request media type, removed from a response one, and a response media
// type renamed to a more general one (paired with the old name rather than removed).
import { ruleCases } from '../support/ruleCases';

const request = (media: string) =>
  `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      requestBody:
        content:
${media}      responses:
        '201': { description: created }
`;
const response = (media: string) =>
  `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
${media}`;
const SCHEMA = '{ schema: { type: object } }';

ruleCases('request-body-media-type-schema-added', [
  {
    name: 'a schema added where anything was accepted',
    base: request('          application/json: {}\n'),
    head: request(`          application/json: ${SCHEMA}\n`),
    expect: ['8:11 in API POST /pets added a schema to the media type `application/json` of the request body'],
  },
  { name: 'a schema kept', base: request(`          application/json: ${SCHEMA}\n`), head: request(`          application/json: ${SCHEMA}\n`), expect: [] },
  {
    name: 'in a response it is fine',
    base: response('            application/json: {}\n'),
    head: response(`            application/json: ${SCHEMA}\n`),
    expect: [],
  },
]);

ruleCases('response-body-media-type-schema-removed', [
  {
    name: 'the schema of a response media type removed',
    base: response(`            application/json: ${SCHEMA}\n`),
    head: response('            application/json: {}\n'),
    expect: ['10:13 in API GET /pets removed the schema from the media type `application/json` for the response with the status `200`'],
  },
  { name: 'in a request it is fine', base: request(`          application/json: ${SCHEMA}\n`), head: request('          application/json: {}\n'), expect: [] },
]);

ruleCases('response-media-type-name-generalized', [
  {
    name: 'application/problem+json to application/json',
    base: response(`            application/problem+json: ${SCHEMA}\n`),
    head: response(`            application/json: ${SCHEMA}\n`),
    expect: [
      '10:13 in API GET /pets media type `application/problem+json` was changed to a more general media type `application/json` for the response status `200`',
    ],
  },
  {
    name: 'the other way is more specific (information only)',
    base: response(`            application/json: ${SCHEMA}\n`),
    head: response(`            application/problem+json: ${SCHEMA}\n`),
    expect: [],
  },
  {
    name: 'other parameters make a changed media type (information only)',
    base: response(`            application/problem+json; charset=utf-8: ${SCHEMA}\n`),
    head: response(`            application/json: ${SCHEMA}\n`),
    expect: [],
  },
  {
    name: 'an unrelated media type is a removal, not a rename',
    base: response(`            application/xml: ${SCHEMA}\n`),
    head: response(`            application/json: ${SCHEMA}\n`),
    expect: [],
  },
]);

ruleCases('response-media-type-removed', [
  {
    name: 'a media type renamed to an equivalent one is not removed',
    base: response(`            application/problem+json: ${SCHEMA}\n`),
    head: response(`            application/json: ${SCHEMA}\n`),
    expect: [],
  },
]);
