// ENUM_SAME_JSON_FORMAT and MESSAGE_SAME_JSON_FORMAT (rules/jsonFormat.ts): JSON format support by syntax and editions
// features — where buf reports them, what it says, "Revert to the base value", and half-typed heads.
import { ruleCases } from '../support/ruleCases';

const ED = 'edition = "2023";\npackage p;\n';

ruleCases('ENUM_SAME_JSON_FORMAT', [
  {
    name: 'proto3 to proto2 drops an enum to best-effort JSON',
    base: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    head: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    expect: ['3:1 Enum "E" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.'],
    fixed: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
  },
  {
    name: "the enum's own option is the location, and the fix sets ALLOW back",
    base: ED + 'enum E {\n  E_UNSPECIFIED = 0;\n}\n',
    head: ED + 'enum E {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  E_UNSPECIFIED = 0;\n}\n',
    expect: ['4:3 Enum "E" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.'],
    fixed: ED + 'enum E {\n  option features.json_format = ALLOW;\n  E_UNSPECIFIED = 0;\n}\n',
  },
  {
    name: 'a message-level option reaches a nested enum, reported on the enum',
    base: ED + 'message M {\n  enum F { F_UNSPECIFIED = 0; }\n}\n',
    head: ED + 'message M {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  enum F { F_UNSPECIFIED = 0; }\n}\n',
    expect: ['5:3 Enum "F" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.'],
  },
  {
    name: 'going back to ALLOW (proto2 to proto3) is not reported',
    base: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    head: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    expect: [],
  },
]);

ruleCases('MESSAGE_SAME_JSON_FORMAT', [
  {
    name: 'proto3 to proto2 reports each message, a map entry at the map type',
    base: 'syntax = "proto3";\npackage p;\nmessage M {\n  map<string, int32> tags = 1;\n  message N {}\n}\n',
    head: 'syntax = "proto2";\npackage p;\nmessage M {\n  map<string, int32> tags = 1;\n  message N {}\n}\n',
    expect: [
      '3:1 Message "M" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.',
      '4:3 Message "TagsEntry" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.',
      '5:3 Message "N" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.',
    ],
    fixed: 'syntax = "proto3";\npackage p;\nmessage M {\n  map<string, int32> tags = 1;\n  message N {}\n}\n',
  },
  {
    name: "the message's own option is the location; the nested message inherits it and is reported on its span",
    base: ED + 'message M {\n  message N {}\n}\n',
    head: ED + 'message M {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  message N {}\n}\n',
    expect: [
      '4:3 Message "M" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.',
      '5:3 Message "N" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.',
    ],
    fixed: ED + 'message M {\n  option features.json_format = ALLOW;\n  message N {}\n}\n',
  },
  {
    name: 'a file-level option is fixed by setting ALLOW on the message',
    base: ED + 'message M {\n  int32 a = 1;\n}\n',
    head: ED + 'option features.json_format = LEGACY_BEST_EFFORT;\nmessage M {\n  int32 a = 1;\n}\n',
    expect: ['4:1 Message "M" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.'],
    fixed: ED + 'option features.json_format = LEGACY_BEST_EFFORT;\nmessage M {\n  option features.json_format = ALLOW;\n  int32 a = 1;\n}\n',
  },
  {
    name: 'proto3 to an edition with the same JSON format reports nothing',
    base: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: ED + 'option features.field_presence = IMPLICIT;\nmessage M { int32 a = 1; }\n',
    expect: [],
  },
  {
    name: 'an unclosed message is not compared',
    base: ED + 'message M {\n  int32 a = 1;\n}\n',
    head: ED + 'option features.json_format = LEGACY_BEST_EFFORT;\nmessage M {\n  int32 a = 1;\n',
    expect: [],
    notChecked: ['example.proto: syntax error at 6:1: message "M" is missing its closing \'}\' — declarations there were not compared'],
  },
]);
