// The deletion family against the real buf: enums, enum values, services, rpcs, extensions, extension ranges, oneofs,
// reserved ranges and names, and package-level deletions, under v1 and v2 categories and with edits that break nothing.
import { test } from 'node:test';
import { agreement, type AgreementCase } from '../support/bufOracle';

const ALL = [
  'ENUM_NO_DELETE', 'ENUM_VALUE_NO_DELETE', 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED', 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED',
  'SERVICE_NO_DELETE', 'RPC_NO_DELETE', 'EXTENSION_NO_DELETE', 'EXTENSION_MESSAGE_NO_DELETE', 'ONEOF_NO_DELETE',
  'RESERVED_ENUM_NO_DELETE', 'RESERVED_MESSAGE_NO_DELETE', 'PACKAGE_NO_DELETE', 'PACKAGE_MESSAGE_NO_DELETE',
  'PACKAGE_ENUM_NO_DELETE', 'PACKAGE_SERVICE_NO_DELETE', 'PACKAGE_EXTENSION_NO_DELETE',
];
const USE_ALL = `version: v2\nbreaking:\n  use: [${ALL.join(', ')}]\n`;
const CONFIGS: [string, string | undefined][] = [
  ['default', undefined],
  ['every rule', USE_ALL],
  ...['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'].map((category): [string, string] => [`v1 ${category}`, `version: v1\nbreaking:\n  use: [${category}]\n`]),
  ...['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'].map((category): [string, string] => [`v2 ${category}`, `version: v2\nbreaking:\n  use: [${category}]\n`]),
];

// quietByDefault: without a buf.yaml buf applies v1's FILE rules, which have no EXTENSION_NO_DELETE.
const SCENARIOS: (Omit<AgreementCase, 'bufYaml'> & { quietByDefault?: boolean })[] = [
  {
    name: 'top-level and nested enums, oneofs, reserved, services and rpcs deleted',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\n\nenum Color {\n  RED = 0;\n  GREEN = 1;\n}\n\nmessage M {\n  enum Inner {\n    A = 0;\n    B = 1;\n  }\n  oneof choice {\n    string x = 1;\n    string y = 2;\n  }\n  optional int32 z = 3;\n  reserved 10, 20 to 30, 40 to max;\n  reserved "foo", "bar";\n}\n\nservice S {\n  rpc Get(M) returns (M);\n  rpc List(M) returns (M);\n}\nservice T {\n  rpc Get(M) returns (M);\n}\nenum E2 {\n  option allow_alias = true;\n  E2_ZERO = 0;\n  E2_ONE = 1;\n  E2_UNO = 1;\n  reserved 5, 7 to 9;\n  reserved "OLD";\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\n\nmessage M {\n  string x = 1;\n  reserved 10, 20 to 29;\n  reserved "foo";\n}\n\nservice S {\n  rpc Get(M) returns (M);\n}\nenum E2 {\n  option allow_alias = true;\n  E2_ZERO = 0;\n  E2_ONE = 1;\n  E2_UNO = 1;\n  reserved 5;\n}\n' },
  },
  {
    name: 'reserved and extension ranges shrunk, split and widened',
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  reserved 1 to 10, 20, 30 to 40;\n  extensions 100 to 200, 300, 400 to max;\n}\nenum E {\n  Z = 0;\n  reserved 1 to 10, -5 to -1, 20 to max;\n}\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  reserved 1 to 3, 6 to 8, 20;\n  reserved 31 to 39;\n  extensions 100 to 150, 151 to 200, 400 to 1000;\n}\nenum E {\n  Z = 0;\n  reserved 1 to 10, -4 to -1, 20 to 100;\n}\n' },
  },
  {
    name: 'enum values deleted, reserved by number, by name, and aliases',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nenum E {\n  option allow_alias = true;\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_UNO = 1;\n  E_TWO = 2;\n  E_THREE = 3;\n  E_FOUR = 4;\n  E_FIVE = 5;\n}\nmessage K {\n  enum Y { Y_Z = 0; Y_ONE = 1; }\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nenum E {\n  E_ZERO = 0;\n  reserved 2;\n  reserved "E_THREE", "E_UNO";\n  E_FIVE = 5;\n}\nmessage K {\n  enum Y { Y_Z = 0; }\n}\n' },
  },
  {
    name: 'extensions deleted at top level and inside a message',
    quietByDefault: true,
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  extensions 100 to 200;\n  extend M {\n    optional int32 inner = 101;\n  }\n}\nextend M {\n  optional string top = 100;\n  repeated int32 nums = 102;\n}\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  extensions 100 to 200;\n}\nextend M {\n  optional string top = 100;\n}\n' },
  },
  {
    name: 'nested enums go with their messages and are reported on the nearest surviving ancestor',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage A {\n  message B {\n    enum C { C_Z = 0; C_ONE = 1; }\n    enum D { D_Z = 0; }\n  }\n  enum X { X_Z = 0; }\n  map<string, int32> m = 1;\n}\nmessage K {\n  enum Y { Y_Z = 0; }\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage A {\n}\nmessage K {\n  enum Y { Y_Z = 0; }\n}\n' },
  },
  {
    name: 'oneofs deleted, renamed, dissolved; synthetic oneofs are not oneofs to buf',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {\n  optional int32 z = 3;\n  oneof o { int32 a = 1; }\n  oneof q { int32 b = 2; }\n}\nmessage G {\n  oneof o { int32 a = 1; }\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 z = 3;\n  oneof o2 { int32 a = 1; }\n  int32 b = 2;\n}\n' },
  },
  {
    name: 'a file without a package loses declarations; no enum is left, so PACKAGE_ENUM_NO_DELETE says nothing',
    base: { 'a.proto': 'syntax = "proto3";\nmessage M {}\nenum E { E_Z = 0; }\nservice S { rpc R(M) returns (M); }\nmessage W { enum I { I_Z = 0; } }\n' },
    head: { 'a.proto': 'syntax = "proto3";\nmessage N {}\nmessage W {}\n' },
  },
  {
    name: 'moving declarations to another file of the same package is a deletion from the file only',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\nenum E { E_Z = 0; }\nservice S {}\n', 'b.proto': 'syntax = "proto3";\npackage p;\nmessage N {}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\n', 'b.proto': 'syntax = "proto3";\npackage p;\nmessage N {}\nmessage M {}\nenum E { E_Z = 0; }\nservice S {}\n' },
  },
  {
    name: 'a deleted file whose package lives on reports package deletions without a path',
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M { message Q {} extensions 10 to 20; }\nenum E { E_Z = 0; }\nservice S {}\nextend M { optional int32 o = 10; }\n', 'b.proto': 'syntax = "proto2";\npackage p;\nmessage N {}\nenum F { F_Z = 0; }\n' },
    head: { 'b.proto': 'syntax = "proto2";\npackage p;\nmessage N {}\nenum F { F_Z = 0; }\n' },
  },
  {
    name: 'a package deleted or renamed',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\n', 'b.proto': 'syntax = "proto3";\npackage q.v1;\nmessage N {}\n', 'c.proto': 'syntax = "proto3";\npackage r;\nenum E { E_Z = 0; }\n' },
    head: { 'b.proto': 'syntax = "proto3";\npackage q.v1;\nmessage N {}\n', 'c.proto': 'syntax = "proto3";\npackage s;\nenum E { E_Z = 0; }\n' },
  },
  {
    name: 'a message moved to another package, and a nested one whose parent moved to another file',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\nmessage K {}\nmessage L { message I { message J {} } }\n', 'b.proto': 'syntax = "proto3";\npackage q;\nmessage N {}\n', 'c.proto': 'syntax = "proto3";\npackage p;\nmessage O {}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage K {}\n', 'b.proto': 'syntax = "proto3";\npackage q;\nmessage N {}\nmessage M {}\n', 'c.proto': 'syntax = "proto3";\npackage p;\nmessage O {}\nmessage L {\n  message I {}\n}\n' },
  },
  {
    name: 'editions: enum values, reserved identifiers and extensions',
    base: { 'a.proto': 'edition = "2023";\npackage p;\nmessage M {\n  extensions 100 to 200;\n  reserved old_name;\n  reserved 9;\n}\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved OLD;\n}\nextend M { int32 ext = 100; }\n' },
    head: { 'a.proto': 'edition = "2023";\npackage p;\nmessage M {\n  extensions 100 to 150;\n}\nenum E {\n  E_ZERO = 0;\n  reserved 1;\n}\nextend M { int32 ext2 = 101; }\n' },
  },
  {
    name: 'nothing: additions, reorders, widened reserved and extension ranges',
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved 5, 6;\n  reserved "X";\n}\nmessage M {\n  oneof o { int32 a = 1; }\n  reserved 10 to 20;\n  extensions 100 to 200;\n}\nservice S { rpc A(M) returns (M); }\nextend M { optional int32 e = 100; }\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\n\nservice S {\n  rpc B(M) returns (M);\n  rpc A(M) returns (M);\n}\nmessage M {\n  reserved 5 to 25;\n  oneof o { int32 a = 1; int32 b = 2; }\n  extensions 50 to max;\n}\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_TWO = 2;\n  reserved 5 to 10;\n  reserved "X", "Y";\n}\nextend M { optional int32 e = 100; }\nenum New { NEW_Z = 0; }\n' },
  },
];

for (const { quietByDefault, ...scenario } of SCENARIOS) {
  for (const [label, bufYaml] of CONFIGS) {
    // "default" runs buf's default FILE category, which must report something unless the scenario is named nothing.
    const name = label === 'default' && !quietByDefault ? scenario.name : `nothing required: ${scenario.name}`;
    test(`deletions agree with buf (${label}): ${scenario.name}`, () => agreement({ ...scenario, name, ...(bufYaml ? { bufYaml } : {}) }));
  }
}

test('ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: every alias reserved excuses the deletion, as buf agrees', () =>
  agreement({
    name: 'nothing when all alias names are reserved',
    bufYaml: USE_ALL.replace(/use: \[.*\]/, 'use: [ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED]'),
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nenum E {\n  option allow_alias = true;\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_UNO = 1;\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nenum E {\n  E_ZERO = 0;\n  reserved "E_UNO", "E_ONE";\n}\n' },
  }));

// buf's image holds the well-known files the module imports (and what they import); ours reports them on the importer.
test("well-known imports: dropping the last import of timestamp.proto deletes it from the image, adding empty.proto is fine", () =>
  agreement({
    name: "well-known imports: dropping the last import of timestamp.proto deletes it from the image, adding empty.proto is fine",
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE]\n',
    base: {"a.proto": "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/timestamp.proto\";\nimport \"google/protobuf/duration.proto\";\nmessage M { google.protobuf.Timestamp t = 1; google.protobuf.Duration d = 2; }\n"},
    head: {"a.proto": "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/duration.proto\";\nimport \"google/protobuf/empty.proto\";\nmessage M { google.protobuf.Duration d = 2; google.protobuf.Empty e = 3; }\n"},
  }));
test("well-known imports: dropping every google.protobuf file deletes the package, with transitive imports", () =>
  agreement({
    name: "well-known imports: dropping every google.protobuf file deletes the package, with transitive imports",
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE]\n',
    base: {"a.proto": "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/struct.proto\";\nimport \"google/protobuf/api.proto\";\nimport \"google/protobuf/java_features.proto\";\nmessage M { google.protobuf.Struct t = 1; }\n"},
    head: {"a.proto": "syntax = \"proto3\";\npackage p;\nmessage M { reserved 1; }\n"},
  }));
test("well-known imports: features files in package pb, plugin.proto and what type.proto imports", () =>
  agreement({
    name: "well-known imports: features files in package pb, plugin.proto and what type.proto imports",
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE]\n',
    base: {"b.proto": "syntax = \"proto3\";\npackage q;\nimport \"google/protobuf/type.proto\";\n", "x/a.proto": "edition = \"2023\";\npackage p;\nimport \"google/protobuf/java_features.proto\";\nimport \"google/protobuf/cpp_features.proto\";\nimport \"google/protobuf/compiler/plugin.proto\";\nmessage M {}\n"},
    head: {"b.proto": "syntax = \"proto3\";\npackage q;\nimport \"google/protobuf/any.proto\";\n", "x/a.proto": "edition = \"2023\";\npackage p;\nimport \"google/protobuf/cpp_features.proto\";\nmessage M {}\n"},
  }));
test('well-known imports: without a buf.yaml the dropped file is FILE_NO_DELETE alone', () =>
  agreement({
    name: 'well-known import dropped under the default',
    base: {"a.proto": "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/timestamp.proto\";\nimport \"google/protobuf/duration.proto\";\nmessage M { google.protobuf.Timestamp t = 1; google.protobuf.Duration d = 2; }\n"},
    head: {"a.proto": "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/duration.proto\";\nimport \"google/protobuf/empty.proto\";\nmessage M { google.protobuf.Duration d = 2; google.protobuf.Empty e = 3; }\n"},
  }));

test('a file whose package is renamed deletes no message, enum or service from the file', () =>
  agreement({
    name: 'package renamed',
    base: { 'a.proto': 'syntax = "proto3";\npackage acme.billing.v1;\nmessage Invoice {}\nenum E { E_ZERO = 0; }\nservice S { rpc G(Invoice) returns (Invoice); }\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage acme.billing.v2;\nmessage Invoice {}\nenum E { E_ZERO = 0; }\nservice S { rpc G(Invoice) returns (Invoice); }\n' },
  }));
