// Nested messages deleted together with their parent (issue 11): buf reports each one on the nearest enclosing message
// that survives in the file, and at 1:1 only when none does. Checked against the real buf.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

const P3 = 'syntax = "proto3";\npackage p;\n';
const P2 = 'syntax = "proto2";\npackage p;\n';

const SCENARIOS: { name: string; base: string; head: string }[] = [
  {
    name: 'a nested message deleted with the messages inside it',
    base: `${P3}message A {\n  int32 x = 1;\n  message N {\n    message D {\n      message E {}\n    }\n    map<string, int32> m = 1;\n  }\n}\n`,
    head: `${P3}message A {\n  int32 x = 1;\n}\n`,
  },
  {
    name: 'a middle message deleted while its grandparent and a sibling survive',
    base: `${P3}message A {\n  message B {\n    message C {\n      message D {}\n    }\n    message K {}\n  }\n}\n`,
    head: `${P3}message A {\n  message B {\n    message K {}\n  }\n}\n`,
  },
  {
    name: 'a top-level message deleted with nested ones is reported at 1:1 throughout',
    base: `${P3}message A {\n  message N {\n    message D {}\n  }\n}\nmessage Z {}\n`,
    head: `${P3}message Z {}\n`,
  },
  {
    name: 'proto2 groups and nested enums inside a deleted nested message',
    base: `${P2}message A {\n  message N {\n    optional group G = 1 {\n      optional int32 v = 2;\n    }\n    enum E {\n      E_ZERO = 0;\n    }\n  }\n}\n`,
    head: `${P2}message A {\n}\n`,
  },
];

const CONFIGURATIONS = [
  ['default', undefined],
  ['v1 FILE', 'version: v1\nbreaking:\n  use: [FILE]\n'],
] as const;

for (const scenario of SCENARIOS) {
  for (const [label, bufYaml] of CONFIGURATIONS) {
    test(`${scenario.name} (${label})`, () =>
      agreement({ name: scenario.name, base: { 'a.proto': scenario.base }, head: { 'a.proto': scenario.head }, ...(bufYaml ? { bufYaml } : {}) }));
  }
}
