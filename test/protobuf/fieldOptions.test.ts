// The field option rules (rules/fieldOptions.ts): jstype, C++ string type and Java UTF-8 validation, effective values,
// editions features, half-typed heads, the revert fixes, and the deprecated FIELD_SAME_CTYPE.
import { ruleCases } from '../support/ruleCases';
import { deprecatedIdNeverReports } from './deprecatedIdCases';

const P3 = 'syntax = "proto3";\npackage acme.v1;\n';
const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('FIELD_SAME_JSTYPE', [
  {
    name: 'a removed jstype is reported on the field and restored',
    base: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n`,
    head: `${P2}message M {\n  optional int64 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed option "jstype" from "JS_STRING" to "JS_NORMAL".'],
    fixed: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n`,
  },
  {
    name: 'a changed jstype next to another option is reverted in place',
    base: `${P2}message M {\n  optional int64 a = 1 [deprecated = true, jstype = JS_STRING];\n}\n`,
    head: `${P2}message M {\n  optional int64 a = 1 [deprecated = true, jstype = JS_NUMBER];\n}\n`,
    expect: ['4:44 Field "1" with name "a" on message "M" changed option "jstype" from "JS_STRING" to "JS_NUMBER".'],
    fixed: `${P2}message M {\n  optional int64 a = 1 [deprecated = true, jstype = JS_STRING];\n}\n`,
  },
  {
    name: 'an added jstype is removed with its brackets',
    base: `${P2}message M {\n  optional int64 a = 1;\n}\n`,
    head: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n`,
    expect: ['4:25 Field "1" with name "a" on message "M" changed option "jstype" from "JS_NORMAL" to "JS_STRING".'],
    fixed: `${P2}message M {\n  optional int64 a = 1;\n}\n`,
  },
  {
    name: 'explicit JS_NORMAL equals none',
    base: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_NORMAL];\n}\n`,
    head: `${P2}message M {\n  optional int64 a = 1;\n}\n`,
    expect: [],
  },
  {
    name: 'a half-typed message is not compared',
    base: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n`,
    head: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_\n}\n`,
    expect: [],
    notChecked: ["example.proto: syntax error at 5:1: expected ',' or ']', found '}' — declarations there were not compared"],
  },
]);

ruleCases('FIELD_SAME_CPP_STRING_TYPE', [
  {
    name: 'CORD removed is reported on the field and restored',
    base: `${P2}message M {\n  optional string s = 1 [ctype = CORD];\n}\n`,
    head: `${P2}message M {\n  optional string s = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "s" on message "M" changed C++ string type from "CORD" to "STRING".'],
    fixed: `${P2}message M {\n  optional string s = 1 [ctype = CORD];\n}\n`,
  },
  {
    name: 'STRING_PIECE to STRING is allowed, the reverse is not',
    base: `${P2}message M {\n  optional string a = 1 [ctype = STRING_PIECE];\n  optional string b = 2;\n}\n`,
    head: `${P2}message M {\n  optional string a = 1;\n  optional string b = 2 [ctype = STRING_PIECE];\n}\n`,
    expect: ['5:26 Field "2" with name "b" on message "M" changed C++ string type from "STRING" to "STRING_PIECE".'],
    fixed: `${P2}message M {\n  optional string a = 1;\n  optional string b = 2;\n}\n`,
  },
  {
    name: 'an editions file-level feature is inherited',
    base: 'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\noption features.(pb.cpp).string_type = VIEW;\nmessage M {\n  string a = 1;\n}\n',
    head: 'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\nmessage M {\n  string a = 1;\n}\n',
    expect: ['5:3 Field "1" with name "a" on message "M" changed C++ string type from "VIEW" to "STRING".'],
  },
]);

ruleCases('FIELD_SAME_JAVA_UTF8_VALIDATION', [
  {
    name: 'removing java_string_check_utf8 in proto2 is reported per string field',
    base: `${P2}option java_string_check_utf8 = true;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n}\n`,
    head: `${P2}message M {\n  optional string s = 1;\n  optional bytes b = 2;\n}\n`,
    expect: ['4:3 Field "1" with name "s" on message "M" changed Java string UTF8 validation from "VERIFY" to "NONE".'],
  },
  {
    name: 'proto3 always validates',
    base: `${P3}option java_string_check_utf8 = true;\nmessage M { string s = 1; }\n`,
    head: `${P3}message M { string s = 1; }\n`,
    expect: [],
  },
]);

deprecatedIdNeverReports('FIELD_SAME_CTYPE');
