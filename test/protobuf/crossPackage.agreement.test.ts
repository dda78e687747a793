// Pairings that cross packages, against the real buf: a check loads one group of packages at a time (protobuf/groups.ts),
// so these are the cases where a group must hold more than one package, or look into another package's files.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

const EVERY_CATEGORY = [
  ['default', undefined],
  ['v1 FILE', 'version: v1\nbreaking:\n  use: [FILE]\n'],
  ['v2 PACKAGE', 'version: v2\nbreaking:\n  use: [PACKAGE]\n'],
  ['v2 WIRE_JSON', 'version: v2\nbreaking:\n  use: [WIRE_JSON]\n'],
  ['v2 WIRE', 'version: v2\nbreaking:\n  use: [WIRE]\n'],
] as const;

const EXTENDED = 'syntax = "proto2";\npackage ext;\nmessage Target {\n  extensions 100 to 200;\n}\n';

const SCENARIOS: { name: string; quietByDefault?: boolean; base: Record<string, string>; head: Record<string, string> }[] = [
  {
    name: 'an extension moved to a file of another package, its type changed',
    base: {
      'ext/target.proto': EXTENDED,
      'one/a.proto':
        'syntax = "proto2";\npackage one;\nimport "ext/target.proto";\nextend ext.Target {\n  optional int32 level = 100;\n  optional string label = 101;\n}\nmessage Keep {}\n',
      'two/b.proto': 'syntax = "proto2";\npackage two;\nmessage Other {}\n',
    },
    head: {
      'ext/target.proto': EXTENDED,
      'one/a.proto': 'syntax = "proto2";\npackage one;\nimport "ext/target.proto";\nextend ext.Target {\n  optional string label = 101;\n}\nmessage Keep {}\n',
      'two/b.proto': 'syntax = "proto2";\npackage two;\nimport "ext/target.proto";\nmessage Other {}\nextend ext.Target {\n  repeated int64 level = 100;\n}\n',
    },
  },
  {
    name: 'a file moves to another package and takes declarations with it',
    base: {
      'a.proto': 'syntax = "proto3";\npackage one;\nmessage M {\n  int32 x = 1;\n}\nenum E {\n  E_ZERO = 0;\n}\nservice S {\n  rpc Get(M) returns (M);\n}\n',
      'b.proto': 'syntax = "proto3";\npackage two;\nmessage N {}\n',
    },
    head: {
      'a.proto': 'syntax = "proto3";\npackage two;\nmessage M {\n  int64 x = 1;\n}\nenum E {\n  E_ZERO = 0;\n}\nservice S {\n  rpc Get(M) returns (M);\n}\n',
      'b.proto': 'syntax = "proto3";\npackage two;\nmessage N {}\n',
    },
  },
  {
    // Another enum reads the same numbers if it has the same short name and keeps every value: that takes both enums' values.
    name: 'a field changes from an enum of one package to a same-named enum of another',
    base: {
      'colors/v1/colors.proto': 'syntax = "proto3";\npackage colors.v1;\nenum Color {\n  COLOR_UNSPECIFIED = 0;\n  COLOR_RED = 1;\n}\n',
      'colors/v2/colors.proto':
        'syntax = "proto3";\npackage colors.v2;\nenum Color {\n  COLOR_UNSPECIFIED = 0;\n  COLOR_BLUE = 2;\n}\nmessage Alt {\n  enum Color {\n    COLOR_UNSPECIFIED = 0;\n    COLOR_RED = 1;\n    COLOR_GREEN = 3;\n  }\n}\nenum Shade {\n  SHADE_UNSPECIFIED = 0;\n}\n',
      'paint/paint.proto':
        'syntax = "proto3";\npackage paint;\nimport "colors/v1/colors.proto";\nmessage Paint {\n  colors.v1.Color keeps_values = 1;\n  colors.v1.Color loses_a_value = 2;\n  colors.v1.Color other_name = 3;\n}\n',
    },
    head: {
      'colors/v1/colors.proto': 'syntax = "proto3";\npackage colors.v1;\nenum Color {\n  COLOR_UNSPECIFIED = 0;\n  COLOR_RED = 1;\n}\n',
      'colors/v2/colors.proto':
        'syntax = "proto3";\npackage colors.v2;\nenum Color {\n  COLOR_UNSPECIFIED = 0;\n  COLOR_BLUE = 2;\n}\nmessage Alt {\n  enum Color {\n    COLOR_UNSPECIFIED = 0;\n    COLOR_RED = 1;\n    COLOR_GREEN = 3;\n  }\n}\nenum Shade {\n  SHADE_UNSPECIFIED = 0;\n}\n',
      'paint/paint.proto':
        'syntax = "proto3";\npackage paint;\nimport "colors/v2/colors.proto";\nmessage Paint {\n  colors.v2.Alt.Color keeps_values = 1;\n  colors.v2.Color loses_a_value = 2;\n  colors.v2.Shade other_name = 3;\n}\n',
    },
  },
  {
    // FIELD_SAME_DEFAULT is not in buf's default FILE category: nothing there.
    quietByDefault: true,
    name: 'a proto2 enum field keeps its implicit default while the enum in another package reorders its values',
    base: {
      'level/level.proto': 'syntax = "proto2";\npackage level;\nenum Level {\n  LOW = 1;\n  HIGH = 2;\n}\n',
      'job/job.proto':
        'syntax = "proto2";\npackage job;\nimport "level/level.proto";\nmessage Job {\n  optional level.Level level = 1;\n  optional level.Level fixed = 2 [default = HIGH];\n}\n',
    },
    head: {
      'level/level.proto': 'syntax = "proto2";\npackage level;\nenum Level {\n  HIGH = 2;\n  LOW = 1;\n}\n',
      'job/job.proto':
        'syntax = "proto2";\npackage job;\nimport "level/level.proto";\nmessage Job {\n  optional level.Level level = 1;\n  optional level.Level fixed = 2 [default = HIGH];\n}\n',
    },
  },
  {
    name: 'files of two packages drop the last imports of a well-known file',
    base: {
      'a/a.proto': 'syntax = "proto3";\npackage a;\nimport "google/protobuf/timestamp.proto";\nmessage A {\n  google.protobuf.Timestamp at = 1;\n}\n',
      'b/b.proto':
        'syntax = "proto3";\npackage b;\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/duration.proto";\nmessage B {\n  google.protobuf.Timestamp at = 1;\n  google.protobuf.Duration after = 2;\n}\n',
    },
    head: {
      'a/a.proto': 'syntax = "proto3";\npackage a;\nmessage A {\n  int64 at = 1;\n}\n',
      'b/b.proto':
        'syntax = "proto3";\npackage b;\nimport "google/protobuf/duration.proto";\nmessage B {\n  int64 at = 1;\n  google.protobuf.Duration after = 2;\n}\n',
    },
  },
];

for (const scenario of SCENARIOS) {
  for (const [label, bufYaml] of EVERY_CATEGORY) {
    const name = !bufYaml && scenario.quietByDefault ? `nothing under the default: ${scenario.name}` : scenario.name;
    test(`${scenario.name} (${label})`, () => agreement({ name, base: scenario.base, head: scenario.head, ...(bufYaml ? { bufYaml } : {}) }));
  }
}
