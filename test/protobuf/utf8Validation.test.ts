// FIELD_SAME_UTF8_VALIDATION (rules/utf8Validation.ts): UTF-8 validation by syntax and editions features — where buf
// reports it, what it says, "Revert to the base value", and half-typed heads.
import { ruleCases } from '../support/ruleCases';

const ED = 'edition = "2023";\npackage p;\n';

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
    fixed:
      'syntax = "proto3";\npackage p;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n  optional int32 i = 3;\n  map<string, string> m = 4;\n}\n',
  },
  {
    name: "the field's own option is the location, and the fix sets VERIFY back",
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
