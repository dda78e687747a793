// Deprecation under a policy (deprecation days, beta and stable): a sunset date required, far enough ahead, kept and
// not moved closer; an unreadable x-sunset reported whatever the policy.
import { ruleCases } from '../support/ruleCases';

const spec = (operation: string, parameter = '') =>
  `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n${operation}      parameters:\n        - name: limit\n          in: query\n${parameter}          schema: { type: integer }\n      responses:\n        '200': { description: ok }\n`;
const ordersSpec = (name: string, sunset: string) =>
  `openapi: 3.0.3\ninfo: { title: Orders, version: '1' }\npaths:\n  /orders/{${name}}:\n    delete:\n      parameters:\n        - name: ${name}\n          in: path\n          required: true\n          deprecated: true\n${sunset}          schema: { type: string }\n      responses:\n        '204': { description: gone }\n`;
const POLICY = { deprecationDaysStable: 90, deprecationDaysBeta: 30 };

ruleCases('api-deprecated-sunset-missing', [
  {
    name: 'deprecating without a sunset under a policy is shown on `deprecated`',
    base: spec(''),
    head: spec('      deprecated: true\n'),
    options: POLICY,
    expect: ['6:19 in API GET /pets sunset date is missing for deprecated API'],
  },
  { name: "without a policy (oasdiff's default) deprecating is information only", base: spec(''), head: spec('      deprecated: true\n'), expect: [] },
]);

ruleCases('api-deprecated-sunset-parse', [
  {
    name: 'an x-sunset that is not a date, policy or not',
    base: spec(''),
    head: spec('      deprecated: true\n      x-sunset: someday\n'),
    expect: ['7:17 in API GET /pets failed to parse sunset date: `"someday" is not a date (YYYY-MM-DD or RFC 3339)`'],
  },
]);

ruleCases('api-sunset-date-too-small', [
  {
    name: 'a sunset sooner than the stable policy allows',
    base: spec(''),
    head: spec("      deprecated: true\n      x-sunset: '2020-01-01'\n"),
    options: POLICY,
    expect: ['7:17 in API GET /pets sunset date `2020-01-01` is too small, must be at least `90` days from now'],
  },
  { name: 'far enough ahead it is fine', base: spec(''), head: spec("      deprecated: true\n      x-sunset: '2999-12-31'\n"), options: POLICY, expect: [] },
  {
    name: 'a beta operation uses the beta days',
    base: spec('      x-stability-level: beta\n'),
    head: spec("      x-stability-level: beta\n      deprecated: true\n      x-sunset: '2020-01-01'\n"),
    options: POLICY,
    expect: ['8:17 in API GET /pets sunset date `2020-01-01` is too small, must be at least `30` days from now'],
  },
  {
    name: 'an operation whose stability level is not a level has no policy to judge it by (its level is reported instead)',
    base: spec('      x-stability-level: gamma\n'),
    head: spec("      x-stability-level: gamma\n      deprecated: true\n      x-sunset: '2020-01-01'\n"),
    options: POLICY,
    expect: [],
  },
]);

ruleCases('sunset-deleted', [
  {
    name: 'a deprecated operation that loses its sunset',
    base: spec("      deprecated: true\n      x-sunset: '2999-12-31'\n"),
    head: spec('      deprecated: true\n'),
    expect: ['6:19 in API GET /pets api sunset date deleted, but deprecated=true kept'],
  },
]);

ruleCases('api-sunset-date-changed-too-small', [
  {
    name: 'a sunset moved earlier, inside the policy',
    base: spec("      deprecated: true\n      x-sunset: '2999-12-31'\n"),
    head: spec("      deprecated: true\n      x-sunset: '2020-06-01'\n"),
    options: POLICY,
    expect: [
      '7:17 in API GET /pets api sunset date changed to an earlier date, from `2999-12-31` to `2020-06-01`, new sunset date must be not earlier than `2999-12-31` and at least `90` days from now',
    ],
  },
  {
    name: 'moved later is fine',
    base: spec("      deprecated: true\n      x-sunset: '2999-01-01'\n"),
    head: spec("      deprecated: true\n      x-sunset: '2999-12-31'\n"),
    options: POLICY,
    expect: [],
  },
]);

ruleCases('request-parameter-deprecated-sunset-missing', [
  {
    name: 'a parameter deprecated without a sunset under a policy',
    base: spec(''),
    head: spec('', '          deprecated: true\n'),
    options: POLICY,
    expect: ['9:23 in API GET /pets `query` request parameter `limit` was deprecated without sunset date'],
  },
]);

ruleCases('request-parameter-sunset-date-too-small', [
  {
    name: 'a parameter of an operation whose stability level is not a level is not judged either',
    base: spec('      x-stability-level: experimental\n'),
    head: spec('      x-stability-level: experimental\n', "          deprecated: true\n          x-sunset: '2020-03-01'\n"),
    options: POLICY,
    expect: [],
  },
  {
    name: 'a parameter deprecated with a sunset sooner than the policy allows',
    base: spec(''),
    head: spec('', "          deprecated: true\n          x-sunset: '2020-01-01'\n"),
    options: POLICY,
    expect: ['10:21 in API GET /pets `query` request parameter `limit` sunset date `2020-01-01` is too small, must be at least `90` days from now'],
  },
]);

ruleCases('request-parameter-sunset-deleted', [
  {
    name: 'a deprecated parameter that loses its sunset',
    base: spec('', "          deprecated: true\n          x-sunset: '2999-12-31'\n"),
    head: spec('', '          deprecated: true\n'),
    expect: ['9:23 in API GET /pets `query` request parameter `limit` sunset date deleted, but deprecated=true kept'],
  },
  {
    name: 'a path parameter renamed with its template is named as at the base, on the base path, as oasdiff keys them',
    base: ordersSpec('orderNo', "          x-sunset: '2999-01-15'\n"),
    head: ordersSpec('ref', ''),
    expect: ['10:23 in API DELETE /orders/{orderNo} `path` request parameter `orderNo` sunset date deleted, but deprecated=true kept'],
  },
]);

ruleCases('request-parameter-sunset-date-changed-too-small', [
  {
    name: 'a parameter sunset moved earlier, inside the policy',
    base: spec('', "          deprecated: true\n          x-sunset: '2999-12-31'\n"),
    head: spec('', "          deprecated: true\n          x-sunset: '2020-06-01'\n"),
    options: POLICY,
    expect: [
      '10:21 in API GET /pets `query` request parameter `limit` sunset date changed to an earlier date, from `2999-12-31` to `2020-06-01`, new sunset date must be not earlier than `2999-12-31` and at least `90` days from now',
    ],
  },
]);
