// The deletion family as rule tables: where each finding lands, what excuses it, the fixes (applied, the finding is gone)
// and half-typed heads that must not produce phantom deletions.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';
const ENUM = `${P3}enum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_TWO = 2;\n}\n`;
const ENUM_GONE = `${P3}enum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n}\n`;
const HALF = (text: string) => text.replace(/\}\n$/, '  E_TW\n');

ruleCases('ENUM_NO_DELETE', [
  { name: 'a top-level enum is reported at 1:1 and restored', base: `${P3}\nmessage M {}\n\n// Colors.\nenum C {\n  C_Z = 0;\n}\n`, head: `${P3}\nmessage M {}\n`,
    expect: ['1:1 Previously present enum "C" was deleted from file.'], fixed: `${P3}\nmessage M {}\n\n// Colors.\nenum C {\n  C_Z = 0;\n}\n` },
  { name: 'a nested enum is reported on its message and restored inside it', base: `${P3}message M {\n  int32 a = 1;\n  enum K { K_Z = 0; }\n}\n`, head: `${P3}message M {\n  int32 a = 1;\n}\n`,
    expect: ['3:1 Previously present enum "M.K" was deleted from file.'], fixed: `${P3}message M {\n  int32 a = 1;\n  enum K { K_Z = 0; }\n}\n` },
  { name: 'a half-typed head with a syntax error says so instead', base: `${P3}enum C { C_Z = 0; }\nmessage M {}\n`, head: `${P3}message M {\n  int32 = \n`,
    expect: [], notChecked: ["example.proto: syntax error at 4:9: expected a field name, found '=' — declarations there were not compared"] },
]);

ruleCases('ENUM_VALUE_NO_DELETE', [
  { name: 'a deleted value is reported on its enum and restored', base: ENUM, head: ENUM_GONE,
    expect: ['3:1 Previously present enum value "2" on enum "E" was deleted.'], fixed: ENUM },
  { name: 'renaming a value keeps its number', base: ENUM, head: ENUM.replace('E_TWO', 'E_DOS'), expect: [] },
  { name: 'a half-typed value is not a deletion', base: ENUM, head: HALF(ENUM_GONE), expect: [], notChecked: ["example.proto: syntax error at 7:1: expected '=', found end of file — declarations there were not compared"] },
]);

ruleCases('ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED', [
  { name: 'reserving fixes it', base: ENUM, head: ENUM_GONE,
    expect: ['3:1 Previously present enum value "2" on enum "E" was deleted without reserving the number "2".'],
    fixed: `${P3}enum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved 2;\n  reserved "E_TWO";\n}\n` },
  { name: 'a reserved range covering the number excuses it', base: ENUM, head: ENUM_GONE.replace('}\n', '  reserved 2 to max;\n}\n'), expect: [] },
]);

ruleCases('ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED', [
  { name: 'aliases need every name reserved; the message lists them sorted', base: `${P3}enum E {\n  option allow_alias = true;\n  E_ZERO = 0;\n  E_UNO = 1;\n  E_ONE = 1;\n}\n`,
    head: `${P3}enum E {\n  E_ZERO = 0;\n  reserved "E_ONE";\n}\n`,
    expect: ['3:1 Previously present enum value "1" on enum "E" was deleted without reserving the names "E_ONE", "E_UNO".'] },
  { name: 'editions reserve the name as an identifier', base: ENUM.replace('syntax = "proto3"', 'edition = "2023"'), head: ENUM_GONE.replace('syntax = "proto3"', 'edition = "2023"'),
    expect: ['3:1 Previously present enum value "2" on enum "E" was deleted without reserving the name "E_TWO".'],
    fixed: 'edition = "2023";\npackage p;\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved 2;\n  reserved E_TWO;\n}\n' },
]);

const SERVICE = `${P3}message R {}\nservice S {\n  rpc A(R) returns (R);\n  rpc B(R) returns (R);\n}\n`;
ruleCases('SERVICE_NO_DELETE', [
  { name: 'a deleted service is reported at 1:1 and restored', base: SERVICE, head: `${P3}message R {}\n`,
    expect: ['1:1 Previously present service "S" was deleted from file.'], fixed: `${P3}message R {}\n\nservice S {\n  rpc A(R) returns (R);\n  rpc B(R) returns (R);\n}\n` },
]);

ruleCases('RPC_NO_DELETE', [
  { name: 'a deleted rpc is reported on its service and restored', base: SERVICE, head: `${P3}message R {}\nservice S {\n  rpc A(R) returns (R);\n}\n`,
    expect: ['4:1 Previously present RPC "B" on service "S" was deleted.'], fixed: SERVICE },
  { name: 'rpcs of a deleted service are not reported', base: SERVICE, head: `${P3}message R {}\n`, expect: [] },
]);

const P2 = 'syntax = "proto2";\npackage p;\n';
ruleCases('EXTENSION_NO_DELETE', [
  { name: 'a deleted extension is restored into its extend block', base: `${P2}message M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 a = 10;\n  optional int32 b = 11;\n}\n`,
    head: `${P2}message M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 a = 10;\n}\n`,
    expect: ['1:1 Previously present extension "b" was deleted from file.'],
    fixed: `${P2}message M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 a = 10;\n  optional int32 b = 11;\n}\n` },
]);

ruleCases('EXTENSION_MESSAGE_NO_DELETE', [
  { name: 'a shrunk range lists what was removed and is restored', base: `${P2}message M {\n  extensions 10 to max;\n}\n`, head: `${P2}message M {\n  extensions 10 to 20;\n}\n`,
    expect: ['3:1 Previously present extension range "[10,max]" on message "M" is missing values: [21,max] were removed.'],
    fixed: `${P2}message M {\n  extensions 10 to 20;\n  extensions 21 to max;\n}\n` },
]);

ruleCases('ONEOF_NO_DELETE', [
  { name: 'a deleted oneof is restored', base: `${P3}message M {\n  int32 x = 1;\n  oneof o {\n    int32 a = 2;\n  }\n}\n`, head: `${P3}message M {\n  int32 x = 1;\n}\n`,
    expect: ['3:1 Previously present oneof "o" on message "M" was deleted.'], fixed: `${P3}message M {\n  int32 x = 1;\n  oneof o {\n    int32 a = 2;\n  }\n}\n` },
  { name: 'a proto3 optional field losing its synthetic oneof is not reported', base: `${P3}message M {\n  optional int32 x = 1;\n}\n`, head: `${P3}message M {\n  int32 x = 1;\n}\n`, expect: [] },
]);

ruleCases('RESERVED_MESSAGE_NO_DELETE', [
  { name: 'a split range and a dropped name, each restored', base: `${P3}message M {\n  reserved 1 to 10;\n}\n`, head: `${P3}message M {\n  reserved 1 to 3, 6 to 8;\n}\n`,
    expect: ['3:1 Previously present reserved range "[1,10]" on message "M" is missing values: [4,5], [9,10] were removed.'],
    fixed: `${P3}message M {\n  reserved 1 to 3, 6 to 8;\n  reserved 4 to 5, 9 to 10;\n}\n` },
  { name: 'a dropped reserved name is restored', base: `${P3}message M {\n  reserved "old";\n}\n`, head: `${P3}message M {\n}\n`,
    expect: ['3:1 Previously present reserved name "old" on message "M" was deleted.'], fixed: `${P3}message M {\n  reserved "old";\n}\n` },
]);

ruleCases('RESERVED_ENUM_NO_DELETE', [
  { name: 'a dropped range with max, restored', base: `${P3}enum E {\n  E_Z = 0;\n  reserved 5 to max;\n}\n`, head: `${P3}enum E {\n  E_Z = 0;\n}\n`,
    expect: ['3:1 Previously present reserved range "[5,max]" on enum "E" is missing values: [5,max] were removed.'],
    fixed: `${P3}enum E {\n  E_Z = 0;\n  reserved 5 to max;\n}\n` },
]);

ruleCases('PACKAGE_NO_DELETE', [
  { name: 'a renamed package is reported at 1:1 of its first file', base: { 'a.proto': `${P3}message M {}\n` }, head: { 'a.proto': 'syntax = "proto3";\npackage q;\nmessage M {}\n' },
    expect: ['a.proto:1:1 Previously present package "p" was deleted.'] },
]);

ruleCases('PACKAGE_MESSAGE_NO_DELETE', [
  { name: 'moving to another file of the package is fine', base: { 'a.proto': `${P3}message M {}\nmessage N {}\n` }, head: { 'a.proto': `${P3}message N {}\n`, 'b.proto': `${P3}message M {}\n` }, expect: [] },
  { name: 'a nested message is reported on its parent, wherever in the package it now is', base: { 'a.proto': `${P3}message M { message I {} }\n` }, head: { 'a.proto': P3, 'b.proto': `${P3}message M {}\n` },
    expect: ['b.proto:3:1 Previously present message "M.I" was deleted from package "p".'] },
]);

ruleCases('PACKAGE_ENUM_NO_DELETE', [
  { name: 'no enum left in the package: buf leaves it to the other rules', base: { 'a.proto': `${P3}enum E { E_Z = 0; }\n` }, head: { 'a.proto': P3 }, expect: [] },
  { name: 'a deleted file puts it on the deleted path', base: { 'a.proto': `${P3}enum E { E_Z = 0; }\n`, 'b.proto': `${P3}enum F { F_Z = 0; }\n` }, head: { 'b.proto': `${P3}enum F { F_Z = 0; }\n` },
    expect: ['a.proto:1:1 Previously present enum "E" was deleted from package "p".'] },
]);

ruleCases('PACKAGE_SERVICE_NO_DELETE', [
  { name: 'services are compared whenever the package still has a file', base: { 'a.proto': `${P3}service S {}\n` }, head: { 'a.proto': P3 },
    expect: ['a.proto:1:1 Previously present service "S" was deleted from package "p".'] },
]);

ruleCases('PACKAGE_EXTENSION_NO_DELETE', [
  { name: 'a nested extension is reported on its message', base: { 'a.proto': `${P2}message M {\n  extensions 10 to 20;\n  extend M { optional int32 x = 10; }\n}\nextend M { optional int32 y = 11; }\n` },
    head: { 'a.proto': `${P2}message M {\n  extensions 10 to 20;\n}\nextend M { optional int32 y = 11; }\n` },
    expect: ['a.proto:3:1 Previously present extension "M.x" was deleted from package "p".'] },
]);
