// buf and Graycheck agree on FILE_SAME_PACKAGE and FILE_SAME_SYNTAX, under every config that selects them.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';
import { BARE_FILE as BARE, OPTION_CONFIGS as CONFIGS } from './agreementCases';

for (const [label, bufYaml] of CONFIGS) {
  test(`option agreement (${label}): package and syntax changed`, () =>
    agreement({
      name: 'package and syntax changed',
      bufYaml,
      base: { 'a.proto': BARE, 'b.proto': 'syntax = "proto3";\npackage acme.v1;\n', 'c.proto': 'syntax = "proto3";\n' },
      head: {
        'a.proto': 'syntax = "proto2";\npackage acme.v1;\nmessage M {}\n',
        'b.proto': 'syntax = "proto3";\n\npackage   acme.v2 ;\n',
        'c.proto': 'syntax = "proto3";\npackage acme.c;\n',
      },
    }));
}

test('syntax: proto3 to editions, editions to proto2, 2023 to 2024, missing syntax is proto2', async () => {
  const v2 = 'version: v2\nbreaking:\n  use: [FILE_SAME_SYNTAX]\n';
  await agreement({
    name: 'to editions',
    bufYaml: v2,
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\n' },
    head: { 'a.proto': 'edition = "2023";\npackage p;\n' },
  });
  await agreement({
    name: 'to proto2',
    bufYaml: v2,
    base: { 'a.proto': 'edition = "2023";\npackage p;\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\n' },
  });
  await agreement({
    name: 'nothing: 2023 to 2024',
    bufYaml: v2,
    base: { 'a.proto': 'edition = "2023";\npackage p;\n' },
    head: { 'a.proto': 'edition = "2024";\npackage p;\n' },
  });
  await agreement({
    name: 'nothing: implicit proto2',
    bufYaml: v2,
    base: { 'a.proto': 'package p;\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\n' },
  });
  await agreement({
    name: 'implicit proto2 to proto3',
    bufYaml: v2,
    base: { 'a.proto': 'package p;\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\n' },
  });
  await agreement({
    name: 'proto3 to implicit proto2',
    bufYaml: v2,
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\n' },
    head: { 'a.proto': 'package p;\n' },
  });
});
