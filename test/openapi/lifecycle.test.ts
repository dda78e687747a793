// Stability levels of operations and body properties, and body properties deprecated under a deprecation policy.
import { ruleCases } from '../support/ruleCases';

/** A POST with one request body property `name` and one response property `id`; each part takes extra lines. */
const spec = (operation = '', request = '', response = '') =>
  `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
${operation}      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                name:
${request}                  type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id:
${response}                    type: string
`;
const req = (line: string) => `                  ${line}\n`;
const res = (line: string) => `                    ${line}\n`;
const op = (line: string) => `      ${line}\n`;
const POLICY = { deprecationDaysStable: 90, deprecationDaysBeta: 30 };

ruleCases('api-stability-decreased', [
  {
    name: 'stable to beta is shown on the head level',
    base: spec(op('x-stability-level: stable')),
    head: spec(op('x-stability-level: beta')),
    expect: ['6:26 in API POST /pets endpoint stability level decreased from `stable` to `beta`'],
    fixTitles: ['Revert to the base value: x-stability-level stable'],
    fixed: spec(op('x-stability-level: stable')),
  },
  {
    name: 'in JSON the reverted level stays a JSON string',
    base: {
      'openapi.json':
        '{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"},\n "paths": {"/pets": {"get": {"x-stability-level": "stable", "responses": {"200": {"description": "ok"}}}}}}\n',
    },
    head: {
      'openapi.json':
        '{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"},\n "paths": {"/pets": {"get": {"x-stability-level": "alpha", "responses": {"200": {"description": "ok"}}}}}}\n',
    },
    expect: ['openapi.json:2:51 in API GET /pets endpoint stability level decreased from `stable` to `alpha`'],
    fixed:
      '{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"},\n "paths": {"/pets": {"get": {"x-stability-level": "stable", "responses": {"200": {"description": "ok"}}}}}}\n',
  },
  {
    name: 'no level counts as stable',
    base: spec(),
    head: spec(op('x-stability-level: alpha')),
    expect: ['6:26 in API POST /pets endpoint stability level decreased from `stable` to `alpha`'],
  },
  { name: 'a level going up is information only', base: spec(op('x-stability-level: beta')), head: spec(op('x-stability-level: stable')), expect: [] },
  {
    name: 'leaving alpha is below the default threshold (beta)',
    base: spec(op('x-stability-level: alpha')),
    head: spec(op('x-stability-level: draft')),
    expect: [],
  },
  {
    name: 'with stabilityLevel: draft leaving alpha is reported',
    base: spec(op('x-stability-level: alpha')),
    head: spec(op('x-stability-level: draft')),
    options: { stabilityLevel: 'draft' },
    expect: ['6:26 in API POST /pets endpoint stability level decreased from `alpha` to `draft`'],
  },
  {
    name: 'with stabilityLevel: stable leaving beta is not reported',
    base: spec(op('x-stability-level: beta')),
    head: spec(op('x-stability-level: alpha')),
    options: { stabilityLevel: 'stable' },
    expect: [],
  },
  {
    name: 'a 3.1 webhook operation is compared as the path webhook:<name>',
    base: "openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\nwebhooks:\n  newPet:\n    post:\n      responses:\n        '200': { description: ok }\n",
    head: "openapi: 3.1.0\ninfo: { title: Pets, version: '1' }\nwebhooks:\n  newPet:\n    post:\n      x-stability-level: beta\n      responses:\n        '200': { description: ok }\n",
    expect: ['6:26 in API POST webhook:newPet endpoint stability level decreased from `stable` to `beta`'],
  },
]);

ruleCases('api-invalid-stability-level', [
  {
    name: 'a level that is not one of the four, on a changed operation',
    base: spec(),
    head: spec(op('x-stability-level: ga')),
    expect: ['6:26 in API POST /pets failed to parse stability level: `value is not one of draft, alpha, beta or stable: "ga"`'],
  },
  {
    name: 'a level that is not a string',
    base: spec(),
    head: spec(op('x-stability-level: 2')),
    expect: ["6:26 in API POST /pets failed to parse stability level: `x-stability-level isn't a string nor valid json`"],
  },
  {
    name: 'an operation that did not change is not read',
    base: spec(op('x-stability-level: ga')),
    head: spec(op('x-stability-level: ga')),
    expect: [],
  },
  {
    name: "a request property's level that is not one of the four",
    base: spec('', req('x-stability-level: beta')),
    head: spec('', req('x-stability-level: experimental')),
    expect: ['13:38 in API POST /pets failed to parse stability level: `value is not one of draft, alpha, beta or stable: "experimental"`'],
  },
]);

ruleCases('request-property-stability-decreased', [
  {
    name: 'a request property from stable to beta',
    base: spec('', req('x-stability-level: stable')),
    head: spec('', req('x-stability-level: beta')),
    expect: ['13:38 in API POST /pets request property `name` stability level decreased from `stable` to `beta`'],
    fixed: spec('', req('x-stability-level: stable')),
  },
  { name: 'going up is fine', base: spec('', req('x-stability-level: alpha')), head: spec('', req('x-stability-level: beta')), expect: [] },
  {
    name: 'leaving a level below the threshold is not reported',
    base: spec('', req('x-stability-level: alpha')),
    head: spec('', req('x-stability-level: draft')),
    expect: [],
  },
  {
    name: 'not for an operation below the threshold',
    base: spec(op('x-stability-level: alpha'), req('x-stability-level: stable')),
    head: spec(op('x-stability-level: alpha'), req('x-stability-level: beta')),
    expect: [],
  },
]);

ruleCases('response-property-stability-decreased', [
  {
    name: 'a response property from stable to draft',
    base: spec('', '', res('x-stability-level: stable')),
    head: spec('', '', res('x-stability-level: draft')),
    expect: ['23:40 in API POST /pets response property `id` stability level decreased from `stable` to `draft`'],
  },
  { name: 'unchanged', base: spec('', '', res('x-stability-level: beta')), head: spec('', '', res('x-stability-level: beta')), expect: [] },
]);

ruleCases('request-property-deprecated-sunset-missing', [
  {
    name: 'a request property deprecated without x-sunset under a policy',
    base: spec(),
    head: spec('', req('deprecated: true')),
    options: POLICY,
    expect: ['13:19 in API POST /pets request property `name` deprecated without sunset date'],
  },
  { name: 'without a policy deprecating needs no date', base: spec(), head: spec('', req('deprecated: true')), expect: [] },
  {
    name: 'a draft operation has no deprecation period',
    base: spec(op('x-stability-level: draft')),
    head: spec(op('x-stability-level: draft'), req('deprecated: true')),
    options: { ...POLICY, stabilityLevel: 'draft' },
    expect: [],
  },
  {
    name: 'already deprecated at the base',
    base: spec('', req('deprecated: true')),
    head: spec('', req('deprecated: true')),
    options: POLICY,
    expect: [],
  },
]);

ruleCases('request-property-deprecated-sunset-invalid', [
  {
    name: 'an x-sunset that is not a date, policy or not',
    base: spec(),
    head: spec('', req('deprecated: true') + req('x-sunset: someday')),
    expect: ['14:19 in API POST /pets request property `name` deprecated with invalid sunset date: `"someday" is not a date (YYYY-MM-DD or RFC 3339)`'],
  },
  { name: 'an RFC 3339 date-time is a date', base: spec(), head: spec('', req('deprecated: true') + req("x-sunset: '2999-01-01T00:00:00Z'")), expect: [] },
]);

ruleCases('request-property-sunset-date-too-small', [
  {
    name: 'a sunset sooner than the stable policy',
    base: spec(),
    head: spec('', req('deprecated: true') + req("x-sunset: '2020-01-01'")),
    options: POLICY,
    expect: ['14:19 in API POST /pets request property `name` sunset date `2020-01-01` is too small, must be at least `90` days from now'],
  },
  {
    name: 'a beta operation uses the beta days',
    base: spec(op('x-stability-level: beta')),
    head: spec(op('x-stability-level: beta'), req('deprecated: true') + req("x-sunset: '2020-01-01'")),
    options: POLICY,
    expect: ['15:19 in API POST /pets request property `name` sunset date `2020-01-01` is too small, must be at least `30` days from now'],
  },
  {
    name: 'without a policy a date already passed is too small',
    base: spec(),
    head: spec('', req('deprecated: true') + req("x-sunset: '2020-01-01'")),
    expect: ['14:19 in API POST /pets request property `name` sunset date `2020-01-01` is too small, must be at least `0` days from now'],
  },
  { name: 'far enough ahead', base: spec(), head: spec('', req('deprecated: true') + req("x-sunset: '2999-12-31'")), options: POLICY, expect: [] },
]);

ruleCases('response-property-deprecated-sunset-missing', [
  {
    name: 'a response property deprecated without x-sunset under a policy',
    base: spec(),
    head: spec('', '', res('deprecated: true')),
    options: POLICY,
    expect: ['23:21 in API POST /pets response property `id` deprecated without sunset date'],
  },
  { name: 'without a policy', base: spec(), head: spec('', '', res('deprecated: true')), expect: [] },
]);

ruleCases('response-property-deprecated-sunset-invalid', [
  {
    name: 'an x-sunset that is not a date',
    base: spec(),
    head: spec('', '', res('deprecated: true') + res("x-sunset: '31/12/2030'")),
    expect: ['24:21 in API POST /pets response property `id` deprecated with invalid sunset date: `"31/12/2030" is not a date (YYYY-MM-DD or RFC 3339)`'],
  },
  { name: 'not deprecated: the x-sunset is not read', base: spec(), head: spec('', '', res("x-sunset: 'soon'")), expect: [] },
]);

ruleCases('response-property-sunset-date-too-small', [
  {
    name: 'a sunset sooner than the policy',
    base: spec(),
    head: spec('', '', res('deprecated: true') + res("x-sunset: '2021-06-30'")),
    options: POLICY,
    expect: ['24:21 in API POST /pets response property `id` sunset date `2021-06-30` is too small, must be at least `90` days from now'],
  },
  { name: 'far enough ahead', base: spec(), head: spec('', '', res('deprecated: true') + res("x-sunset: '2999-12-31'")), options: POLICY, expect: [] },
]);
