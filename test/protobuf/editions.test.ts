// The editions-features family: ENUM_SAME_TYPE, ENUM_SAME_JSON_FORMAT, MESSAGE_SAME_JSON_FORMAT and
// FIELD_SAME_UTF8_VALIDATION — where buf reports them, what it says, and "Revert to the base value".
import { ruleCases } from '../support/ruleCases';

const ED = 'edition = "2023";\npackage p;\n';

ruleCases('ENUM_SAME_TYPE', [
  {
    name: 'proto3 to proto2 closes an enum, reported on the enum; the fix puts the syntax line back',
    base: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    head: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    expect: ['3:1 Enum "E" changed from open to closed.'],
    fixed: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
  },
  {
    name: 'an enum closed by its own option is reported at the option, and the fix sets it back',
    base: ED + 'enum E {\n  E_UNSPECIFIED = 0;\n}\n',
    head: ED + 'enum E {\n  option features.enum_type = CLOSED;\n  E_UNSPECIFIED = 0;\n}\n',
    expect: ['4:3 Enum "E" changed from open to closed.'],
    fixed: ED + 'enum E {\n  option features.enum_type = OPEN;\n  E_UNSPECIFIED = 0;\n}\n',
  },
  {
    name: 'a file-level option closes a nested enum, reported on the enum; the fix sets the base value on it',
    base: ED + 'message M {\n  enum F { F_UNSPECIFIED = 0; }\n}\n',
    head: ED + 'option features.enum_type = CLOSED;\nmessage M {\n  enum F { F_UNSPECIFIED = 0; }\n}\n',
    expect: ['5:3 Enum "F" changed from open to closed.'],
    fixed: ED + 'option features.enum_type = CLOSED;\nmessage M {\n  enum F {\n    option features.enum_type = OPEN; F_UNSPECIFIED = 0; }\n}\n',
  },
  {
    name: 'proto2 to proto3 opens an enum',
    base: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    head: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    expect: ['3:1 Enum "E" changed from closed to open.'],
    fixed: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
  },
  {
    name: 'an aggregate features option is reported at its enum_type entry',
    base: ED + 'enum E { E_UNSPECIFIED = 0; }\n',
    head: ED + 'enum E { option features = { enum_type: CLOSED }; E_UNSPECIFIED = 0; }\n',
    expect: ['3:30 Enum "E" changed from open to closed.'],
  },
  {
    name: 'setting the default explicitly and converting proto2 to an edition with closed enums report nothing',
    base: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\nenum G { G_UNSPECIFIED = 0; }\n',
    head: ED + 'option features.enum_type = CLOSED;\nenum E { E_UNSPECIFIED = 0; }\nenum G { option features.enum_type = CLOSED; G_UNSPECIFIED = 0; }\n',
    expect: [],
  },
  {
    name: 'a half-typed value is not read as a change',
    base: ED + 'enum E { option features.enum_type = CLOSED; E_UNSPECIFIED = 0; }\n',
    head: ED + 'enum E { option features.enum_type = OPE; E_UNSPECIFIED = 0; }\n',
    expect: [],
  },
  {
    name: 'a half-typed option name in the enum says what was not compared instead of reporting',
    base: ED + 'enum E {\n  option features.enum_type = CLOSED;\n  E_UNSPECIFIED = 0;\n}\n',
    head: ED + 'enum E {\n  option features.enum_ty\n  E_UNSPECIFIED = 0;\n}\n',
    expect: [],
    notChecked: ["example.proto: syntax error at 5:3: expected '=', found 'E_UNSPECIFIED' — declarations there were not compared"],
  },
]);

ruleCases('ENUM_SAME_JSON_FORMAT', [
  {
    name: 'proto3 to proto2 drops an enum to best-effort JSON',
    base: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    head: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    expect: ['3:1 Enum "E" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT.'],
    fixed: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
  },
  {
    name: 'the enum\'s own option is the location, and the fix sets ALLOW back',
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
    name: 'the message\'s own option is the location; the nested message inherits it and is reported on its span',
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
    notChecked: ["example.proto: syntax error at 6:1: message \"M\" is missing its closing '}' — declarations there were not compared"],
  },
]);

ruleCases('FIELD_SAME_UTF8_VALIDATION', [
  {
    name: 'proto3 to proto2 stops validating string fields, map keys and values, not bytes or ints',
    base: 'syntax = "proto3";\npackage p;\nmessage M {\n  string s = 1;\n  bytes b = 2;\n  int32 i = 3;\n  map<string, string> m = 4;\n}\n',
    head: 'syntax = "proto2";\npackage p;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n  optional int32 i = 3;\n  map<string, string> m = 4;\n}\n',
    expect: [
      '4:3 Field "1" with name "s" on message "M" changed UTF8 validation from VERIFY to NONE.',
      '7:3 Field "1" with name "key" on message "MEntry" changed UTF8 validation from VERIFY to NONE.',
      '7:3 Field "2" with name "value" on message "MEntry" changed UTF8 validation from VERIFY to NONE.',
    ],
    fixed: 'syntax = "proto3";\npackage p;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n  optional int32 i = 3;\n  map<string, string> m = 4;\n}\n',
  },
  {
    name: 'the field\'s own option is the location, and the fix sets VERIFY back',
    base: ED + 'message M {\n  string s = 1;\n}\n',
    head: ED + 'message M {\n  string s = 1 [features.utf8_validation = NONE];\n}\n',
    expect: ['4:17 Field "1" with name "s" on message "M" changed UTF8 validation from VERIFY to NONE.'],
    fixed: ED + 'message M {\n  string s = 1 [features.utf8_validation = VERIFY];\n}\n',
  },
  {
    name: 'a file-level option is fixed on the field, with or without other options',
    base: ED + 'message M {\n  string s = 1;\n}\n',
    head: ED + 'option features.utf8_validation = NONE;\nmessage M {\n  string s = 1;\n}\n',
    expect: ['5:3 Field "1" with name "s" on message "M" changed UTF8 validation from VERIFY to NONE.'],
    fixed: ED + 'option features.utf8_validation = NONE;\nmessage M {\n  string s = 1 [features.utf8_validation = VERIFY];\n}\n',
  },
  {
    name: 'an existing option list gets the feature appended',
    base: ED + 'message M {\n  string renamed = 1 [deprecated = true];\n}\n',
    head: ED + 'option features.utf8_validation = NONE;\nmessage M {\n  string s = 1 [deprecated = true];\n}\n',
    expect: ['5:3 Field "1" with name "s" on message "M" changed UTF8 validation from VERIFY to NONE.'],
    fixed: ED + 'option features.utf8_validation = NONE;\nmessage M {\n  string s = 1 [deprecated = true, features.utf8_validation = VERIFY];\n}\n',
  },
  {
    name: 'string extensions are named by full name on their extendee',
    base: 'syntax = "proto3";\npackage p;\nimport "google/protobuf/descriptor.proto";\nextend google.protobuf.FieldOptions {\n  string tag = 50001;\n}\n',
    head: 'syntax = "proto2";\npackage p;\nimport "google/protobuf/descriptor.proto";\nextend google.protobuf.FieldOptions {\n  optional string label = 50001;\n}\n',
    expect: ['5:3 Extension "50001" with name "p.label" on message "google.protobuf.FieldOptions" changed UTF8 validation from VERIFY to NONE.'],
  },
  {
    name: 'a string that becomes bytes, and proto3 to an equivalent edition, report nothing',
    base: 'syntax = "proto3";\npackage p;\nmessage M {\n  string s = 1;\n  string t = 2;\n}\n',
    head: ED + 'option features.field_presence = IMPLICIT;\nmessage M {\n  bytes s = 1;\n  string t = 2;\n}\n',
    expect: [],
  },
  {
    name: 'a half-typed value is not read as a change, and a half-typed option name says what was not compared',
    base: ED + 'message M {\n  string s = 1 [features.utf8_validation = NONE];\n  string t = 2 [features.utf8_validation = NONE];\n}\n',
    head: ED + 'message M {\n  string s = 1 [features.utf8_validation = NO];\n  string t = 2 [features.utf8_valid\n}\n',
    expect: [],
    notChecked: ["example.proto: syntax error at 6:1: expected an option, found '}' — declarations there were not compared"],
  },
]);
