// FIELD_SAME_TYPE, FIELD_WIRE_COMPATIBLE_TYPE and FIELD_WIRE_JSON_COMPATIBLE_TYPE (rules/fieldType.ts): buf's messages and
// locations, type resolution, half-typed heads, and the revert fixes (and the reverts that are not offered).
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';

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
    notChecked: ['example.proto: field "a" on message "M" refers to "Mon", which is not declared at head — the field was not compared'],
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
    name: "string to bytes is allowed, bytes to string carries buf's note",
    base: `${P3}message M { string a = 1; bytes b = 2; }\n`,
    head: `${P3}message M { bytes a = 1; string b = 2; }\n`,
    expect: [
      '3:26 Field "2" with name "b" on message "M" changed type from "bytes" to "string". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules. Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible.',
    ],
    fixed: `${P3}message M { bytes a = 1; bytes b = 2; }\n`,
  },
  {
    name: 'sint32 to int32 is a different zigzag encoding',
    base: `${P3}message M { sint32 a = 1; }\n`,
    head: `${P3}message M { int32 a = 1; }\n`,
    expect: [
      '3:13 Field "1" with name "a" on message "M" changed type from "sint32" to "int32". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.',
    ],
  },
  {
    name: 'an enum with the same short name that keeps every value is compatible, one with another name is not',
    base: {
      'example.proto': `${P3}import "a.proto";\nimport "b.proto";\nmessage M { a.Color c = 1; a.Color d = 2; }\n`,
      'a.proto': 'syntax = "proto3";\npackage a;\nenum Color { RED = 0; }\nenum Shade { DARK = 0; }\n',
      'b.proto': 'syntax = "proto3";\npackage b;\nenum Color { RED = 0; BLUE = 1; }\n',
    },
    head: {
      'example.proto': `${P3}import "a.proto";\nimport "b.proto";\nmessage M { b.Color c = 1; a.Shade d = 2; }\n`,
      'a.proto': 'syntax = "proto3";\npackage a;\nenum Color { RED = 0; }\nenum Shade { DARK = 0; }\n',
      'b.proto': 'syntax = "proto3";\npackage b;\nenum Color { RED = 0; BLUE = 1; }\n',
    },
    expect: ['5:28 Field "2" with name "d" on message "M" changed type from "a.Color" to "a.Shade".'],
  },
]);

ruleCases('FIELD_WIRE_JSON_COMPATIBLE_TYPE', [
  {
    name: 'int32 to int64 changes the JSON (a string)',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}message M { int64 a = 1; }\n`,
    expect: [
      '3:13 Field "1" with name "a" on message "M" changed type from "int32" to "int64". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.',
    ],
    fixed: `${P3}message M { int32 a = 1; }\n`,
  },
  {
    name: 'int32 to uint32 and fixed64 to sfixed64 keep bytes and JSON',
    base: `${P3}message M { int32 a = 1; fixed64 b = 2; }\n`,
    head: `${P3}message M { uint32 a = 1; sfixed64 b = 2; }\n`,
    expect: [],
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
