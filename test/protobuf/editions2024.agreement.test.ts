// Edition 2024 files against the real buf (1.75 compiles them): visibility keywords and `import option` must not hide
// any change, and a visibility change alone breaks nothing for buf.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

const E2024 = 'edition = "2024";\npackage p;\n';
const OPTIONS =
  'edition = "2024";\npackage o;\nimport "google/protobuf/descriptor.proto";\nextend google.protobuf.MessageOptions {\n  int32 level = 50001;\n}\n';

const SCENARIOS: { name: string; base: Record<string, string>; head: Record<string, string> }[] = [
  {
    name: 'changes inside exported and local messages and enums',
    base: {
      'a.proto': `${E2024}export message A {\n  local message N {\n    message D {}\n  }\n  int32 x = 1;\n  string y = 2;\n}\nlocal enum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n}\nexport enum F {\n  F_ZERO = 0;\n}\n`,
    },
    head: { 'a.proto': `${E2024}export message A {\n  int64 x = 1;\n}\nlocal enum E {\n  E_ZERO = 0;\n}\n` },
  },
  {
    name: 'a file that imports its custom options with import option',
    base: {
      'o/opts.proto': OPTIONS,
      'a.proto': `${E2024}import option "o/opts.proto";\nmessage M {\n  option (o.level) = 1;\n  int32 x = 1;\n  int32 y = 2;\n}\n`,
    },
    head: { 'o/opts.proto': OPTIONS, 'a.proto': `${E2024}import option "o/opts.proto";\nmessage M {\n  option (o.level) = 2;\n  uint32 x = 1;\n}\n` },
  },
  {
    name: 'nothing when only visibility changes',
    base: { 'a.proto': `${E2024}export message A {\n  local message N {}\n}\nexport enum E {\n  E_ZERO = 0;\n}\n` },
    head: { 'a.proto': `${E2024}local message A {\n  export message N {}\n}\nlocal enum E {\n  E_ZERO = 0;\n}\n` },
  },
  {
    name: 'a file moved from edition 2023 to 2024 and visibility added, with a field deleted',
    base: { 'a.proto': 'edition = "2023";\npackage p;\nmessage A {\n  int32 x = 1;\n  int32 y = 2;\n}\n' },
    head: { 'a.proto': `${E2024}export message A {\n  int32 x = 1;\n}\n` },
  },
];

const CONFIGURATIONS = [
  ['default', undefined],
  ['v2 every rule', 'version: v2\nbreaking:\n  use: [FILE, PACKAGE, WIRE_JSON, WIRE]\n'],
] as const;

for (const scenario of SCENARIOS) {
  for (const [label, bufYaml] of CONFIGURATIONS) {
    test(`edition 2024 agrees with buf (${label}): ${scenario.name}`, () => agreement({ ...scenario, ...(bufYaml ? { bufYaml } : {}) }));
  }
}

// Found by the mutation generator (seed 5003): buf keeps map entries' strings at STRING when a file moves to 2024.
test('edition 2023 to 2024: plain strings become VIEW, map keys and values do not (v2 every rule)', () =>
  agreement({
    name: 'map entries under edition 2024',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE, WIRE_JSON, WIRE]\n',
    base: { 'a.proto': 'edition = "2023";\npackage p;\nmessage M {\n  string s = 1;\n  map<string, string> headers = 2;\n  map<int32, bytes> blobs = 3;\n}\n' },
    head: { 'a.proto': `${E2024}message M {\n  string s = 1;\n  map<string, string> headers = 2;\n  map<int32, bytes> blobs = 3;\n}\n` },
  }));
