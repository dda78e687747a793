// Removed paths and operations, judged per operation by deprecation and x-sunset, with the restore and deprecate fixes.
import { ruleCases } from '../support/ruleCases';

const spec = (paths: string) => `openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths:\n${paths}`;
const GET = `  /pets:\n    get:\n      responses:\n        '200': { description: ok }\n`;
const withDelete = (extra = '') =>
  `  /pets/{id}:\n    get:\n      responses:\n        '200': { description: ok }\n    delete:\n${extra}      responses:\n        '204': { description: gone }\n`;
const onlyGet = `  /pets/{id}:\n    get:\n      responses:\n        '200': { description: ok }\n`;

ruleCases('api-path-removed-without-deprecation', [
  {
    name: 'a removed path is reported once per operation it had, on the paths key',
    base: spec(GET + withDelete()),
    head: spec(GET),
    expect: ['3:1 in API DELETE /pets/{id} api path removed without deprecation', '3:1 in API GET /pets/{id} api path removed without deprecation'],
  },
  {
    name: 'the restore fix puts the path and its operation back',
    base: spec(GET + onlyGet),
    head: spec(GET),
    expect: ['3:1 in API GET /pets/{id} api path removed without deprecation'],
    fixTitles: ['Restore operation GET /pets/{id} from the base', 'Deprecate instead: restore GET /pets/{id} with deprecated: true'],
    fixed: spec(GET + onlyGet),
  },
  {
    name: 'renaming a path parameter is not a removal: templates match ignoring parameter names',
    base: spec(onlyGet),
    head: spec(onlyGet.replace('{id}', '{petId}')),
    expect: [],
  },
  {
    name: 'operations at stability draft or alpha may go without notice',
    base: spec(GET + onlyGet.replace('    get:\n', '    get:\n      x-stability-level: alpha\n')),
    head: spec(GET),
    expect: [],
  },
]);

ruleCases('api-path-removed-before-sunset', [
  {
    name: 'a deprecated operation whose sunset is still ahead',
    base: spec(GET + onlyGet.replace('    get:\n', "    get:\n      deprecated: true\n      x-sunset: '2999-12-31'\n")),
    head: spec(GET),
    expect: ['3:1 in API GET /pets/{id} api path removed before the sunset date `2999-12-31`'],
  },
  {
    name: 'past its sunset (an RFC 3339 date-time counts by its date) the path may go',
    base: spec(GET + onlyGet.replace('    get:\n', "    get:\n      deprecated: true\n      x-sunset: '2020-01-01T00:00:00Z'\n")),
    head: spec(GET),
    expect: [],
  },
]);

ruleCases('api-path-sunset-parse', [
  {
    name: 'an x-sunset that is not a date is reported instead of guessed',
    base: spec(GET + onlyGet.replace('    get:\n', '    get:\n      deprecated: true\n      x-sunset: next spring\n')),
    head: spec(GET),
    expect: ['3:1 in API GET /pets/{id} failed to parse sunset date: `"next spring" is not a date (YYYY-MM-DD or RFC 3339)`'],
  },
]);

ruleCases('api-removed-without-deprecation', [
  {
    name: 'a removed operation is shown on its path, and restoring it clears the finding',
    base: spec(withDelete()),
    head: spec(onlyGet),
    expect: ['4:3 in API DELETE /pets/{id} api removed without deprecation'],
    fixed: spec(withDelete()),
  },
  {
    name: 'deprecated without a sunset, the operation may go (oasdiff reports that as information only)',
    base: spec(withDelete('      deprecated: true\n')),
    head: spec(onlyGet),
    expect: [],
  },
  {
    name: '"Deprecate instead" restores it deprecated, which is not a finding',
    base: spec(withDelete()),
    head: spec(onlyGet),
    expect: ['4:3 in API DELETE /pets/{id} api removed without deprecation'],
    fixTitles: ['Restore operation DELETE /pets/{id} from the base', 'Deprecate instead: restore DELETE /pets/{id} with deprecated: true'],
  },
  {
    name: 'an operation moved behind a $ref to another file is not removed',
    base: spec(withDelete()),
    head: {
      'openapi.yaml': spec("  /pets/{id}:\n    $ref: 'paths/pet.yaml'\n"),
      'paths/pet.yaml': "get:\n  responses:\n    '200': { description: ok }\ndelete:\n  responses:\n    '204': { description: gone }\n",
    },
    expect: [],
  },
]);

ruleCases('api-removed-before-sunset', [
  {
    name: 'a deprecated operation removed before its sunset',
    base: spec(withDelete("      deprecated: true\n      x-sunset: '2999-12-31'\n")),
    head: spec(onlyGet),
    expect: ['4:3 in API DELETE /pets/{id} api removed before the sunset date `2999-12-31`'],
    fixTitles: ['Restore operation DELETE /pets/{id} from the base'],
  },
]);
