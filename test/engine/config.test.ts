// .graycheck.yaml: settings are read, and every mistake is a problem on the file itself, never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, globsOption, kindOption, parseGraycheckConfig as parseWith, type KindSettings } from '../../server/src/engine/config';

// Kinds as the config sees them: a name and the options it adds to its section. 'specs' stands for a kind recognised by
// content (a `files` glob list), 'limits' for one with an option of its own.
const KINDS: KindSettings[] = [
  { kind: 'protobuf' },
  { kind: 'specs', options: [globsOption('files')] },
  {
    kind: 'limits',
    options: [
      globsOption('files'),
      {
        key: 'days',
        default: 31,
        read: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : { mustBe: 'a whole number of days' }),
      },
    ],
  },
];
const parseGraycheckConfig = (text: string) => parseWith(text, KINDS);
const KNOWN = 'base, include, exclude, protobuf, specs, limits, severity, ignore, failOnUnchecked';

test('an empty file gives the defaults', () => {
  assert.deepEqual(parseGraycheckConfig(''), { config: defaultConfig(KINDS), problems: [] });
});

test('every documented setting is read', () => {
  const { config, problems } = parseGraycheckConfig(
    [
      'base: origin/main',
      'include: ["api/**"]',
      'exclude: third_party/**',
      'protobuf: { enabled: true }',
      'specs: { enabled: false, files: ["specs/*.yaml"] }',
      'limits: { files: "metrics/*.yaml", days: 90 }',
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
  assert.deepEqual(config.kinds, {
    protobuf: { enabled: true, options: {} },
    specs: { enabled: false, options: { files: ['specs/*.yaml'] } },
    limits: { enabled: true, options: { files: ['metrics/*.yaml'], days: 90 } },
  });
  assert.equal(kindOption(config, KINDS[2], 'days'), 90);
  assert.deepEqual(config.severity, { FIELD_NO_DELETE: 'warning', MESSAGE_NO_DELETE: 'off' });
  assert.deepEqual(config.ignore, [{ path: 'legacy/**' }, { path: 'api/v1alpha/**', rules: ['FIELD_NO_DELETE'] }]);
});

test('unknown keys and wrong types are problems placed on the offending line', () => {
  const { config, problems } = parseGraycheckConfig('base: origin/main\nbaes: HEAD\nprotobuf: { enabled: "yes" }\nseverity: { FIELD_NO_DELETE: loud }\n');
  assert.equal(config.base, 'origin/main');
  assert.deepEqual(
    problems.map((p) => [p.range.start.line, p.message]),
    [
      [1, `unknown setting "baes" (known: ${KNOWN})`],
      [2, '"protobuf.enabled" must be true or false'],
      [3, 'severity of FIELD_NO_DELETE must be one of error, warning, info, off'],
    ],
  );
  assert.equal(config.kinds.protobuf.enabled, true, 'a wrong value keeps the default');
});

test('malformed YAML is one problem, not a crash, and the defaults stay in force', () => {
  const { config, problems } = parseGraycheckConfig('base: [unclosed\n');
  assert.ok(problems.length > 0, 'expected a problem for the unclosed flow sequence');
  assert.match(problems[0].message, /^\.graycheck\.yaml is not valid YAML: /);
  assert.deepEqual(config, defaultConfig(KINDS));
});

test('a YAML alias bomb is refused without blowing up memory', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++)
    bomb.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`,
    );
  const { problems } = parseGraycheckConfig(bomb.join('\n'));
  assert.ok(problems.some((p) => /unknown setting "a"/.test(p.message)));
});

test('a document that is not a mapping says what it should be', () => {
  const { problems } = parseGraycheckConfig('- base\n');
  assert.deepEqual(
    problems.map((p) => p.message),
    [`.graycheck.yaml must be a mapping of settings (${KNOWN})`],
  );
});

test("a kind's own options are checked by the kind's rules, with defaults for the rest, and unknown keys of a section are named", () => {
  const { config, problems } = parseGraycheckConfig('limits:\n  days: -3\n  files: [1]\n  dayz: 4\nspecs: yes\n');
  assert.deepEqual(
    problems.map((p) => [p.range.start.line, p.message]),
    [
      [1, '"limits.days" must be a whole number of days'],
      [2, '"limits.files" must be a list of glob patterns'],
      [3, 'unknown setting "limits.dayz" (known: enabled, files, days)'],
      [4, '"specs" must be a mapping (enabled, files)'],
    ],
  );
  assert.deepEqual(config.kinds.limits, { enabled: true, options: { files: [], days: 31 } });
});

test('a section of a kind that is not registered is an unknown setting', () => {
  const { problems } = parseGraycheckConfig('openapi: { enabled: false }\n');
  assert.deepEqual(
    problems.map((p) => p.message),
    [`unknown setting "openapi" (known: ${KNOWN})`],
  );
});
