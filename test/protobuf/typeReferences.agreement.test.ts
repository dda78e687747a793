// Type references spelled every way protoc accepts (relative, package-qualified, leading-dot fully qualified, nested,
// across packages) changed in both directions, against the real buf (issue 11): each spelling must resolve to the same
// type, so that a change to or from a leading-dot reference is reported like any other.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

const CONFIGURATIONS = [
  ['default', undefined],
  ['v2 WIRE_JSON', 'version: v2\nbreaking:\n  use: [WIRE_JSON]\n'],
  ['v2 WIRE', 'version: v2\nbreaking:\n  use: [WIRE]\n'],
] as const;

const proto3 = (pkg: string, body: string, imports: string[] = []) =>
  `syntax = "proto3";\npackage ${pkg};\n${imports.map((path) => `import "${path}";\n`).join('')}${body}`;

const ENUMS = 'enum E1 {\n  E1_ZERO = 0;\n}\nenum E2 {\n  E2_ZERO = 0;\n}\n';
const NESTED = 'message Outer {\n  message Inner {\n    int32 a = 1;\n  }\n  enum State {\n    STATE_ZERO = 0;\n  }\n}\n';
const OTHER = { 'other/v1/other.proto': proto3('other.v1', 'message Thing {\n  string s = 1;\n}\nenum Kind {\n  KIND_ZERO = 0;\n}\n') };

/** One file of package pkg with enums, a nested message, and a message M whose fields are written by `fields`. */
const withFields = (fields: string) => ({
  ...OTHER,
  'pkg/m.proto': proto3('pkg', `${ENUMS}${NESTED}message M {\n${fields}}\n`, ['other/v1/other.proto']),
});

const SCENARIOS: { name: string; base: string; head: string }[] = [
  { name: "an enum field changes to another enum written with a leading dot (the issue's case)", base: '  E1 f = 1;\n', head: '  .pkg.E2 f = 1;\n' },
  { name: 'a leading-dot enum field changes to another enum written relatively', base: '  .pkg.E1 f = 1;\n', head: '  E2 f = 1;\n' },
  { name: 'a scalar becomes a leading-dot message, so presence changes too', base: '  int32 f = 1;\n', head: '  .pkg.Outer.Inner f = 1;\n' },
  { name: 'a leading-dot message becomes a scalar', base: '  .pkg.Outer f = 1;\n', head: '  string f = 1;\n' },
  { name: 'a leading-dot nested enum becomes a relative nested message', base: '  .pkg.Outer.State f = 1;\n', head: '  Outer.Inner f = 1;\n' },
  {
    name: 'a leading-dot reference into another package changes to another type of that package',
    base: '  .other.v1.Thing f = 1;\n',
    head: '  other.v1.Kind f = 1;\n',
  },
  { name: 'a relative cross-package message becomes a leading-dot enum of this package', base: '  other.v1.Thing f = 1;\n', head: '  .pkg.E1 f = 1;\n' },
  { name: 'a repeated leading-dot message becomes repeated int64', base: '  repeated .other.v1.Thing f = 1;\n', head: '  repeated int64 f = 1;\n' },
  {
    name: 'a map value written with a leading dot changes type',
    base: '  map<string, .pkg.Outer.Inner> f = 1;\n',
    head: '  map<string, .other.v1.Thing> f = 1;\n',
  },
  {
    name: 'other type changes of a file that uses leading-dot references are all reported',
    base: '  .pkg.E1 a = 1;\n  int32 b = 2;\n  Outer c = 3;\n  .other.v1.Thing d = 4;\n',
    head: '  .pkg.E1 a = 1;\n  int64 b = 2;\n  .pkg.Outer.Inner c = 3;\n  bool d = 4;\n',
  },
  {
    name: 'nothing when only the spelling of the same type changes',
    base: '  E1 a = 1;\n  Outer.Inner b = 2;\n  other.v1.Thing c = 3;\n',
    head: '  .pkg.E1 a = 1;\n  .pkg.Outer.Inner b = 2;\n  .other.v1.Thing c = 3;\n',
  },
];

for (const scenario of SCENARIOS) {
  for (const [label, bufYaml] of CONFIGURATIONS) {
    test(`${scenario.name} (${label})`, () =>
      agreement({ name: scenario.name, base: withFields(scenario.base), head: withFields(scenario.head), ...(bufYaml ? { bufYaml } : {}) }));
  }
}
