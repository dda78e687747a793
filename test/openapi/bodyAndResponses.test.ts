// Request bodies and responses as wholes: removed, added as required, made required; media types and success statuses gone.
import { ruleCases } from '../support/ruleCases';

const spec = (operation: string) => `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    post:\n${operation}`;
const OK = "      responses:\n        '201': { description: created }\n";
const body = (required: string, media = '          application/json: { schema: { type: object } }\n') =>
  `      requestBody:\n${required}        content:\n${media}`;

ruleCases('request-body-removed', [
  {
    name: 'a removed request body is shown on the operation',
    base: spec(body('') + OK),
    head: spec(OK),
    expect: ['5:5 in API POST /pets removed the request body'],
  },
]);

ruleCases('request-body-added-required', [
  {
    name: 'a new required request body',
    base: spec(OK),
    head: spec(body('        required: true\n') + OK),
    expect: ['6:7 in API POST /pets added required request body'],
  },
  { name: 'a new optional request body breaks nobody', base: spec(OK), head: spec(body('') + OK), expect: [] },
]);

ruleCases('request-body-became-required', [
  {
    name: 'an optional body made required is shown on `required`',
    base: spec(body('        required: false\n') + OK),
    head: spec(body('        required: true\n') + OK),
    expect: ['7:19 in API POST /pets request body became required'],
  },
]);

ruleCases('request-body-media-type-removed', [
  {
    name: 'a media type the body no longer accepts is shown on `content`',
    base: spec(body('', '          application/json: { schema: { type: object } }\n          application/xml: { schema: { type: object } }\n') + OK),
    head: spec(body('') + OK),
    expect: ['7:9 in API POST /pets removed the media type `application/xml` from the request body'],
  },
  {
    name: 'a request body moved into components behind a $ref is the same body',
    base: spec(body('') + OK),
    head: `${spec("      requestBody: { $ref: '#/components/requestBodies/Pet' }\n" + OK)}components:\n  requestBodies:\n    Pet:\n      content:\n        application/json: { schema: { type: object } }\n`,
    expect: [],
  },
]);

ruleCases('response-success-status-removed', [
  {
    name: 'a 2xx status no longer returned is shown on `responses`',
    base: spec("      responses:\n        '200': { description: ok }\n        '201': { description: created }\n"),
    head: spec(OK),
    expect: ['6:7 in API POST /pets removed the success response with the status `200`'],
  },
  {
    name: 'a removed 4xx status is only information in oasdiff',
    base: spec("      responses:\n        '201': { description: created }\n        '409': { description: conflict }\n"),
    head: spec(OK),
    expect: [],
  },
  {
    name: 'a status written as a number is the same status',
    base: spec('      responses:\n        201: { description: created }\n'),
    head: spec(OK),
    expect: [],
  },
]);

ruleCases('response-media-type-removed', [
  {
    name: 'a media type a response no longer offers is shown on its `content`',
    base: spec(
      "      responses:\n        '201':\n          description: created\n          content:\n            application/json: { schema: { type: object } }\n            text/csv: { schema: { type: string } }\n",
    ),
    head: spec(
      "      responses:\n        '201':\n          description: created\n          content:\n            application/json: { schema: { type: object } }\n",
    ),
    expect: ['9:11 in API POST /pets removed the media type `text/csv` for the response with the status `201`'],
  },
]);
