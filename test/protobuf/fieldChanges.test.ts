// Field and value changes, rule by rule: buf's messages and locations, edge cases, half-typed heads, and the revert fixes.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';
const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('FIELD_SAME_TYPE', [
  {
    name: 'a scalar type change is reported on the type, and reverting puts the base type back',
    base: `${P3}message M {\n  int32 a = 1;\n}\n`,
    head: `${P3}message M {\n  string a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed type from "int32" to "string".'],
    fixed: `${P3}message M {\n  int32 a = 1;\n}\n`,
  },
  {
    name: 'another message type is named by full name',
    base: `${P3}message A {}\nmessage B {}\nmessage M { A a = 1; }\n`,
    head: `${P3}message A {}\nmessage B {}\nmessage M { B a = 1; }\n`,
    expect: ['5:13 Field "1" with name "a" on message "M" changed type from "p.A" to "p.B".'],
    fixed: `${P3}message A {}\nmessage B {}\nmessage M { A a = 1; }\n`,
  },
  {
    name: 'the same type written another way is no change',
    base: `${P3}message A {}\nmessage M { A a = 1; }\n`,
    head: `${P3}message A {}\nmessage M { .p.A a = 1; }\n`,
    expect: [],
  },
  {
    name: 'a map value change is reported on the map type, named by its entry message',
    base: `${P3}message M {\n  map<string, int32> tags = 1;\n}\n`,
    head: `${P3}message M {\n  map<string, string> tags = 1;\n}\n`,
    expect: ['4:3 Field "2" with name "value" on message "TagsEntry" changed type from "int32" to "string".'],
  },
  {
    name: 'an editions message field switched to delimited encoding changes kind',
    base: 'edition = "2023";\npackage p;\nmessage N {}\nmessage M { N n = 1; }\n',
    head: 'edition = "2023";\npackage p;\nmessage N {}\nmessage M { N n = 1 [features.message_encoding = DELIMITED]; }\n',
    expect: ['4:13 Field "1" with name "n" on message "M" changed type from "message" to "message (delimited encoding)".'],
  },
  {
    name: 'a type whose import is missing at head is not compared',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}import "missing.proto";\nmessage M { other.Thing a = 1; }\n`,
    expect: [],
    notChecked: ['example.proto: import "missing.proto" not found at head'],
  },
  {
    name: 'a half-typed type name at head is not a phantom type change',
    base: `${P3}message Money {}\nmessage M {\n  Money a = 1;\n}\n`,
    head: `${P3}message Money {}\nmessage M {\n  Mon a = 1;\n}\n`,
    expect: [],
  },
]);

ruleCases('FIELD_WIRE_COMPATIBLE_TYPE', [
  {
    name: 'int32 to int64 reads the same bytes',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}message M { int64 a = 1; }\n`,
    expect: [],
  },
  {
    name: 'string to bytes is allowed, bytes to string carries buf\'s note',
    base: `${P3}message M { string a = 1; bytes b = 2; }\n`,
    head: `${P3}message M { bytes a = 1; string b = 2; }\n`,
    expect: ['3:26 Field "2" with name "b" on message "M" changed type from "bytes" to "string". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules. Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible.'],
    fixed: `${P3}message M { bytes a = 1; bytes b = 2; }\n`,
  },
  {
    name: 'sint32 to int32 is a different zigzag encoding',
    base: `${P3}message M { sint32 a = 1; }\n`,
    head: `${P3}message M { int32 a = 1; }\n`,
    expect: ['3:13 Field "1" with name "a" on message "M" changed type from "sint32" to "int32". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.'],
  },
  {
    name: 'an enum with the same short name that keeps every value is compatible, one with another name is not',
    base: { 'example.proto': `${P3}import "a.proto";\nimport "b.proto";\nmessage M { a.Color c = 1; a.Color d = 2; }\n`, 'a.proto': 'syntax = "proto3";\npackage a;\nenum Color { RED = 0; }\nenum Shade { DARK = 0; }\n', 'b.proto': 'syntax = "proto3";\npackage b;\nenum Color { RED = 0; BLUE = 1; }\n' },
    head: { 'example.proto': `${P3}import "a.proto";\nimport "b.proto";\nmessage M { b.Color c = 1; a.Shade d = 2; }\n`, 'a.proto': 'syntax = "proto3";\npackage a;\nenum Color { RED = 0; }\nenum Shade { DARK = 0; }\n', 'b.proto': 'syntax = "proto3";\npackage b;\nenum Color { RED = 0; BLUE = 1; }\n' },
    expect: ['5:28 Field "2" with name "d" on message "M" changed type from "a.Color" to "a.Shade".'],
  },
]);

ruleCases('FIELD_WIRE_JSON_COMPATIBLE_TYPE', [
  {
    name: 'int32 to int64 changes the JSON (a string)',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}message M { int64 a = 1; }\n`,
    expect: ['3:13 Field "1" with name "a" on message "M" changed type from "int32" to "int64". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.'],
    fixed: `${P3}message M { int32 a = 1; }\n`,
  },
  {
    name: 'int32 to uint32 and fixed64 to sfixed64 keep bytes and JSON',
    base: `${P3}message M { int32 a = 1; fixed64 b = 2; }\n`,
    head: `${P3}message M { uint32 a = 1; sfixed64 b = 2; }\n`,
    expect: [],
  },
]);

ruleCases('FIELD_SAME_CARDINALITY', [
  {
    name: 'proto3 optional added is explicit presence, and reverting removes the label',
    base: `${P3}message M {\n  int32 a = 1;\n}\n`,
    head: `${P3}message M {\n  optional int32 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed cardinality from "optional with implicit presence" to "optional with explicit presence".'],
    fixed: `${P3}message M {\n  int32 a = 1;\n}\n`,
  },
  {
    name: 'repeated to optional in proto2, and reverting puts repeated back',
    base: `${P2}message M {\n  repeated int32 a = 1;\n}\n`,
    head: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed cardinality from "repeated" to "optional with explicit presence".'],
    fixed: `${P2}message M {\n  repeated int32 a = 1;\n}\n`,
  },
  {
    name: 'a proto3 message field always has explicit presence, so optional adds nothing',
    base: `${P3}message N {}\nmessage M { N n = 1; }\n`,
    head: `${P3}message N {}\nmessage M { optional N n = 1; }\n`,
    expect: [],
  },
  {
    name: 'editions LEGACY_REQUIRED is required',
    base: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1 [features.field_presence = LEGACY_REQUIRED]; }\n',
    expect: ['3:13 Field "1" with name "a" on message "M" changed cardinality from "optional with explicit presence" to "required".'],
  },
  {
    name: 'explicit presence set to its editions default is no change',
    base: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1 [features.field_presence = EXPLICIT]; }\n',
    expect: [],
  },
  {
    name: 'map to repeated entry message',
    base: `${P3}message M {\n  map<string, int32> k = 1;\n}\n`,
    head: `${P3}message M {\n  repeated KEntry k = 1;\n  message KEntry { string key = 1; int32 value = 2; }\n}\n`,
    expect: ['4:3 Field "1" with name "k" on message "M" changed cardinality from "map" to "repeated".'],
  },
]);

ruleCases('FIELD_WIRE_COMPATIBLE_CARDINALITY', [
  {
    name: 'presence is not on the wire, map to repeated is the same bytes',
    base: `${P3}message M {\n  int32 a = 1;\n  map<string, int32> k = 2;\n}\n`,
    head: `${P3}message M {\n  optional int32 a = 1;\n  repeated KEntry k = 2;\n  message KEntry { string key = 1; int32 value = 2; }\n}\n`,
    expect: [],
  },
  {
    name: 'required to optional breaks the wire',
    base: `${P2}message M {\n  required int32 a = 1;\n}\n`,
    head: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed cardinality from "required" to "optional with explicit presence".'],
    fixed: `${P2}message M {\n  required int32 a = 1;\n}\n`,
  },
]);

ruleCases('FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY', [
  {
    name: 'map to repeated changes the JSON',
    base: `${P3}message M {\n  map<string, int32> k = 1;\n}\n`,
    head: `${P3}message M {\n  repeated KEntry k = 1;\n  message KEntry { string key = 1; int32 value = 2; }\n}\n`,
    expect: ['4:3 Field "1" with name "k" on message "M" changed cardinality from "map" to "repeated".'],
  },
  {
    name: 'implicit to explicit presence keeps the JSON',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}message M { optional int32 a = 1; }\n`,
    expect: [],
  },
]);

ruleCases('FIELD_SAME_NAME', [
  {
    name: 'a renamed field is reported on its name, and reverting renames it back',
    base: `${P3}message M {\n  int32 foo_bar = 1;\n}\n`,
    head: `${P3}message M {\n  int32 fooBar = 1;\n}\n`,
    expect: ['4:9 Field "1" on message "M" changed name from "foo_bar" to "fooBar".'],
    fixed: `${P3}message M {\n  int32 foo_bar = 1;\n}\n`,
  },
  {
    name: 'a renamed extension is paired by extendee and number and named by full names',
    base: `${P2}message M { extensions 100 to 200; }\nmessage S {\n  extend M { optional int32 old = 100; }\n}\n`,
    head: `${P2}message M { extensions 100 to 200; }\nmessage S {\n  extend M { optional int32 renamed = 100; }\n}\n`,
    expect: ['5:29 Extension "100" on message "p.M" changed name from "p.S.old" to "p.S.renamed".'],
  },
  {
    name: 'a half-typed field in the message is not compared',
    base: `${P3}message M {\n  int32 a = 1;\n}\n`,
    head: `${P3}message M {\n  int32 b = 1;\n  strin\n}\n`,
    expect: [],
    notChecked: ["example.proto: syntax error at 6:1: expected a field name, found '}' — declarations there were not compared"],
  },
]);

ruleCases('FIELD_SAME_JSON_NAME', [
  {
    name: 'renaming keeps the JSON name when its lowerCamel form is the same',
    base: `${P3}message M { int32 foo_bar = 1; }\n`,
    head: `${P3}message M { int32 fooBar = 1; }\n`,
    expect: [],
  },
  {
    name: 'a renamed field changes its default JSON name, reported on the field; reverting pins the base JSON name',
    base: `${P3}message M {\n  int32 f = 1;\n}\n`,
    head: `${P3}message M {\n  int32 g = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "g" on message "M" changed option "json_name" from "f" to "g".'],
    fixed: `${P3}message M {\n  int32 g = 1 [json_name = "f"];\n}\n`,
  },
  {
    name: 'a changed json_name option is reported on the option',
    base: `${P3}message M {\n  int32 h = 1 [json_name = "hh"];\n}\n`,
    head: `${P3}message M {\n  int32 h = 1 [deprecated = true, json_name = "h2"];\n}\n`,
    expect: ['4:35 Field "1" with name "h" on message "M" changed option "json_name" from "hh" to "h2".'],
    fixed: `${P3}message M {\n  int32 h = 1 [deprecated = true, json_name = "hh"];\n}\n`,
  },
  {
    name: 'setting json_name to the default is no change',
    base: `${P3}message M { int32 foo_bar = 1; }\n`,
    head: `${P3}message M { int32 foo_bar = 1 [json_name = "fooBar"]; }\n`,
    expect: [],
  },
]);

ruleCases('FIELD_SAME_ONEOF', [
  {
    name: 'a field moved into a oneof',
    base: `${P3}message M {\n  int32 a = 1;\n}\n`,
    head: `${P3}message M {\n  oneof o { int32 a = 1; }\n}\n`,
    expect: ['4:13 Field "1" with name "a" on message "M" moved from outside to inside a oneof.'],
  },
  {
    name: 'a field moved between oneofs, with buf\'s stray q',
    base: `${P3}message M {\n  oneof o { int32 a = 1; }\n  oneof o2 { int32 b = 2; }\n}\n`,
    head: `${P3}message M {\n  oneof o { int32 b = 2; }\n  oneof o2 { int32 a = 1; }\n}\n`,
    expect: [
      '4:13 Field "2" with name "b" on message "M"q moved from oneof "o2" to oneof "o".',
      '5:14 Field "1" with name "a" on message "M"q moved from oneof "o" to oneof "o2".',
    ],
  },
  {
    name: 'proto3 optional is a synthetic oneof and does not count',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}message M { optional int32 a = 1; }\n`,
    expect: [],
  },
]);

ruleCases('FIELD_SAME_DEFAULT', [
  {
    name: 'a changed default is reported on the option, and reverting restores it',
    base: `${P2}message M {\n  optional int32 a = 1 [default = 5];\n}\n`,
    head: `${P2}message M {\n  optional int32 a = 1 [default = 6];\n}\n`,
    expect: ['4:25 Field "1" with name "a" on message "M" changed default value from 5 to 6.'],
    fixed: `${P2}message M {\n  optional int32 a = 1 [default = 5];\n}\n`,
  },
  {
    name: 'a removed default is reported on the field, and reverting adds the option back',
    base: `${P2}message M {\n  optional string a = 1 [default = "x\\ny"];\n}\n`,
    head: `${P2}message M {\n  optional string a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed default value from "x\\ny" to "".'],
    fixed: `${P2}message M {\n  optional string a = 1 [default = "x\\ny"];\n}\n`,
  },
  {
    name: 'an added default is removed by the revert',
    base: `${P2}message M {\n  optional double a = 1;\n}\n`,
    head: `${P2}message M {\n  optional double a = 1 [default = 123456789];\n}\n`,
    expect: ['4:26 Field "1" with name "a" on message "M" changed default value from 0 to 1.23456789e+08.'],
    fixed: `${P2}message M {\n  optional double a = 1;\n}\n`,
  },
  {
    name: 'an explicit zero default, hex for decimal, and float to double of the same value are no change',
    base: `${P2}message M { optional int32 a = 1; optional int32 b = 2 [default = 16]; optional float c = 3 [default = 0.1]; }\n`,
    head: `${P2}message M { optional int32 a = 1 [default = 0]; optional int32 b = 2 [default = 0x10]; optional double c = 3 [default = 0.1]; }\n`,
    expect: [],
  },
  {
    name: 'an enum default is its first value when not set',
    base: `${P2}enum E { A = 1; B = 2; }\nmessage M { optional E e = 1 [default = B]; }\n`,
    head: `${P2}enum E { A = 1; B = 2; }\nmessage M { optional E e = 1; }\n`,
    expect: ['4:13 Field "1" with name "e" on message "M" changed default value from E.B to E.A.'],
  },
  {
    name: 'bytes defaults print as bytes',
    base: `${P2}message M { optional bytes b = 1 [default = "ab\\001"]; }\n`,
    head: `${P2}message M { optional bytes b = 1 [default = "ab"]; }\n`,
    expect: ['3:35 Field "1" with name "b" on message "M" changed default value from [0x61,0x62,0x1] to [0x61,0x62].'],
  },
]);

ruleCases('MESSAGE_SAME_REQUIRED_FIELDS', [
  {
    name: 'an added required field is reported on it, and reverting makes it optional',
    base: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
    head: `${P2}message M {\n  required int32 a = 1;\n}\n`,
    expect: ['4:3 Message "M" had required field "1" added. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.'],
    fixed: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
  },
  {
    name: 'a deleted required field is reported on the message',
    base: `${P2}message M {\n  required int32 a = 1;\n}\n`,
    head: `${P2}message M {\n}\n`,
    expect: ['3:1 Message "M" had required field "1" deleted. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.'],
  },
  {
    name: 'editions LEGACY_REQUIRED does not count',
    base: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1 [features.field_presence = LEGACY_REQUIRED]; }\n',
    expect: [],
  },
]);

ruleCases('ENUM_VALUE_SAME_NAME', [
  {
    name: 'a renamed value is reported on its number, and reverting renames it back',
    base: `${P3}enum E {\n  A = 0;\n  B = 1;\n}\n`,
    head: `${P3}enum E {\n  A = 0;\n  C = 1;\n}\n`,
    expect: ['5:7 Enum value "1" on enum "E" changed name from "B" to "C".'],
    fixed: `${P3}enum E {\n  A = 0;\n  B = 1;\n}\n`,
  },
  {
    name: 'with aliases a renamed value is reported on every value of the number, and adding an alias is fine',
    base: `${P3}enum E { option allow_alias = true; A = 0; B = 1; C = 1; D = 2; }\n`,
    head: `${P3}enum E { option allow_alias = true; A = 0; BB = 1; C = 1; D = 2; DD = 2; }\n`,
    expect: [
      '3:49 Enum value "1" on enum "E" changed names from "B", "C" to "BB", "C".',
      '3:56 Enum value "1" on enum "E" changed names from "B", "C" to "BB", "C".',
    ],
  },
  {
    name: 'dropping an alias is a name change',
    base: `${P3}enum E { option allow_alias = true; A = 0; B = 1; C = 1; }\n`,
    head: `${P3}enum E { option allow_alias = true; A = 0; B = 1; }\n`,
    expect: ['3:48 Enum value "1" on enum "E" changed name from "B", "C" to "B".'],
  },
  {
    name: 'a half-typed enum at head is not compared',
    base: `${P3}enum E {\n  A = 0;\n  B = 1;\n}\n`,
    head: `${P3}enum E {\n  A = 0;\n  C = 1;\n  D =\n}\n`,
    expect: [],
    notChecked: ["example.proto: syntax error at 7:1: expected an enum value number, found '}' — declarations there were not compared"],
  },
]);

// Reverts that would not compile are not offered (found by test/integration/bufFixes.test.ts).
ruleCases('FIELD_SAME_TYPE', [
  {
    name: 'a map turned into a repeated message is reverted label and type together',
    base: 'syntax = "proto3";\npackage p;\nmessage Order {\n  map<string, int32> counts = 2;\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage Order {\n  repeated Count counts = 2;\n  message Count { string key = 1; int32 value = 2; }\n}\n',
    expect: ['4:12 Field "2" with name "counts" on message "Order" changed type from "p.Order.CountsEntry" to "p.Order.Count".'],
    fixed: 'syntax = "proto3";\npackage p;\nmessage Order {\n  map<string, int32> counts = 2;\n  message Count { string key = 1; int32 value = 2; }\n}\n',
  },
  {
    name: 'a type renamed at head is not reverted to its old spelling, which no longer resolves',
    base: 'syntax = "proto3";\npackage p;\nmessage Bank {}\nmessage Order {\n  Bank bank = 1;\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage Sepa {}\nmessage Order {\n  Sepa bank = 1;\n}\n',
    expect: ['5:3 Field "1" with name "bank" on message "Order" changed type from "p.Bank" to "p.Sepa".'],
    fixTitles: [],
  },
]);
