// Globs for include/exclude/ignore behave as users of .gitignore-style patterns expect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesAnyGlob } from '../../server/src/engine/glob';

const cases: [pattern: string, path: string, expected: boolean][] = [
  ['api/**', 'api/user/v1/user.proto', true],
  ['api/**', 'apis/user.proto', false],
  ['**/*.proto', 'a/b/c.proto', true],
  ['**/*.proto', 'c.proto', true],
  ['*.proto', 'deep/dir/c.proto', true], // no slash: matches the base name anywhere
  ['api/*.proto', 'api/v1/user.proto', false],
  ['api/*.proto', 'api/user.proto', true],
  ['third_party/', 'third_party/google/type.proto', true],
  ['third_party', 'x/third_party/google/type.proto', true],
  ['api/{v1,v2}/**', 'api/v2/x.proto', true],
  ['api/{v1,v2}/**', 'api/v3/x.proto', false],
  ['a?c.proto', 'abc.proto', true],
  ['a?c.proto', 'a/c.proto', false],
  ['file.with.dots', 'file-with-dots', false],
];

for (const [pattern, path, expected] of cases) {
  test(`"${pattern}" ${expected ? 'matches' : 'does not match'} "${path}"`, () => {
    assert.equal(matchesAnyGlob(path, [pattern]), expected);
  });
}
