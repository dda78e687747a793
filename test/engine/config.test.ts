// .graycheck.yaml: settings are read, and every mistake is a problem on the file itself, never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGraycheckConfig, defaultConfig } from '../../server/src/engine/config';

test('an empty file gives the defaults', () => {
  assert.deepEqual(parseGraycheckConfig(''), { config: defaultConfig(), problems: [] });
});

test('every documented setting is read', () => {
  const { config, problems } = parseGraycheckConfig(
    [
      'base: origin/main',
      'include: ["api/**"]',
      'exclude: third_party/**',
      'protobuf: { enabled: true }',
      'openapi: { enabled: false, files: ["specs/*.yaml"] }',
      'metrics: { files: ["metrics/*.yaml"] }',
      'severity: { FIELD_NO_DELETE: warning, MESSAGE_NO_DELETE: off }',
      'ignore:',
      '  - legacy/**',
      '  - { path: "api/v1alpha/**", rules: [FIELD_NO_DELETE] }',
    ].join('\n'),
  );
  assert.deepEqual(problems, []);
  assert.equal(config.base, 'origin/main');
  assert.deepEqual(config.include, ['api/**']);
  assert.deepEqual(config.exclude, ['third_party/**']);
  assert.deepEqual(config.enabled, { protobuf: true, openapi: false, metrics: true });
  assert.deepEqual(config.openapiFiles, ['specs/*.yaml']);
  assert.deepEqual(config.metricsFiles, ['metrics/*.yaml']);
  assert.deepEqual(config.severity, { FIELD_NO_DELETE: 'warning', MESSAGE_NO_DELETE: 'off' });
  assert.deepEqual(config.ignore, [{ path: 'legacy/**' }, { path: 'api/v1alpha/**', rules: ['FIELD_NO_DELETE'] }]);
});

test('unknown keys and wrong types are problems placed on the offending line', () => {
  const { config, problems } = parseGraycheckConfig('base: origin/main\nbaes: HEAD\nprotobuf: { enabled: "yes" }\nseverity: { FIELD_NO_DELETE: loud }\n');
  assert.equal(config.base, 'origin/main');
  assert.deepEqual(
    problems.map((p) => [p.range.start.line, p.message]),
    [
      [1, 'unknown setting "baes" (known: base, include, exclude, protobuf, openapi, metrics, severity, ignore)'],
      [2, '"protobuf.enabled" must be true or false'],
      [3, 'severity of FIELD_NO_DELETE must be one of error, warning, info, off'],
    ],
  );
  assert.equal(config.enabled.protobuf, true, 'a wrong value keeps the default');
});

test('malformed YAML is one problem, not a crash, and the defaults stay in force', () => {
  const { config, problems } = parseGraycheckConfig('base: [unclosed\n');
  assert.ok(problems.length > 0, "expected a problem for the unclosed flow sequence");
  assert.match(problems[0].message, /^\.graycheck\.yaml is not valid YAML: /);
  assert.deepEqual(config, defaultConfig());
});

test('a YAML alias bomb is refused without blowing up memory', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
  const { problems } = parseGraycheckConfig(bomb.join('\n'));
  assert.ok(problems.some((p) => /unknown setting "a"/.test(p.message)));
});

test('a document that is not a mapping says what it should be', () => {
  const { problems } = parseGraycheckConfig('- base\n');
  assert.deepEqual(problems.map((p) => p.message), ['.graycheck.yaml must be a mapping of settings (base, include, exclude, protobuf, openapi, metrics, severity, ignore)']);
});
