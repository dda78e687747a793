// buf and Graycheck agree on file, field and message option rules and on FILE_SAME_PACKAGE / FILE_SAME_SYNTAX:
// every option changed, removed and added, explicit defaults, editions features, under every config that selects them.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

const ALL_OPTIONS = `syntax = "proto3";
package acme.v1;
option cc_enable_arenas = false;
option cc_generic_services = true;
option csharp_namespace = "Acme.V1";
option go_package = "example.com/acme/v1;acmev1";
option java_generic_services = true;
option java_multiple_files = true;
option java_outer_classname = "AcmeProto";
option java_package = "com.acme.v1";
option objc_class_prefix = "AXX";
option optimize_for = LITE_RUNTIME;
option php_class_prefix = "Acme";
option php_metadata_namespace = "Acme\\\\Meta";
option php_namespace = "Acme\\\\V1";
option py_generic_services = true;
option ruby_package = "Acme::V1";
option swift_prefix = "AC";
message M {}
`;

const CHANGED = ALL_OPTIONS
  .replace('cc_enable_arenas = false', 'cc_enable_arenas = true')
  .replace('cc_generic_services = true', 'cc_generic_services = false')
  .replace('"Acme.V1"', '"Acme.V2"')
  .replace('acme/v1;acmev1', 'acme/v2;acmev2')
  .replace('java_generic_services = true', 'java_generic_services = false')
  .replace('java_multiple_files = true', 'java_multiple_files = false')
  .replace('"AcmeProto"', '"Acme"')
  .replace('"com.acme.v1"', '"com.acme.v2"')
  .replace('"AXX"', '"AYY"')
  .replace('LITE_RUNTIME', 'CODE_SIZE')
  .replace('php_class_prefix = "Acme"', 'php_class_prefix = "Acm"')
  .replace('Acme\\\\Meta', 'Acme\\\\Meta2')
  .replace('Acme\\\\V1', 'Acme\\\\V2')
  .replace('py_generic_services = true', 'py_generic_services = false')
  .replace('Acme::V1', 'Acme::V2')
  .replace('"AC"', '"AD"');

const BARE = 'syntax = "proto3";\npackage acme.v1;\nmessage M {}\n';
const EXPLICIT_DEFAULTS = `syntax = "proto3";
package acme.v1;
option cc_enable_arenas = true;
option java_generic_services = false;
option optimize_for = SPEED;
option go_package = "";
message M {}
`;

const CONFIGS: [string, string | undefined][] = [
  ['default (FILE)', undefined],
  ['v1 PACKAGE', 'version: v1\nbreaking:\n  use: [PACKAGE]\n'],
  ['v2 PACKAGE', 'version: v2\nbreaking:\n  use: [PACKAGE]\n'],
  ['v1 WIRE_JSON', 'version: v1\nbreaking:\n  use: [WIRE_JSON]\n'],
  ['v2 WIRE', 'version: v2\nbreaking:\n  use: [WIRE]\n'],
  ['v2 CSR', 'version: v2\nbreaking:\n  use: [CSR]\n'],
];

for (const [label, bufYaml] of CONFIGS) {
  const nothingUnderWire = label.includes('WIRE') || label.includes('CSR') ? 'nothing: ' : '';
  test(`option agreement (${label}): every file option changed`, () =>
    agreement({ name: `${nothingUnderWire}file options changed`, bufYaml, base: { 'a.proto': ALL_OPTIONS }, head: { 'a.proto': CHANGED } }));
  test(`option agreement (${label}): every file option removed`, () =>
    agreement({ name: `${nothingUnderWire}file options removed`, bufYaml, base: { 'a.proto': ALL_OPTIONS }, head: { 'a.proto': BARE } }));
  test(`option agreement (${label}): every file option added`, () =>
    agreement({ name: `${nothingUnderWire}file options added`, bufYaml, base: { 'a.proto': BARE }, head: { 'a.proto': ALL_OPTIONS } }));
  test(`option agreement (${label}): package and syntax changed`, () =>
    agreement({
      name: 'package and syntax changed', bufYaml,
      base: { 'a.proto': BARE, 'b.proto': 'syntax = "proto3";\npackage acme.v1;\n', 'c.proto': 'syntax = "proto3";\n' },
      head: { 'a.proto': 'syntax = "proto2";\npackage acme.v1;\nmessage M {}\n', 'b.proto': 'syntax = "proto3";\n\npackage   acme.v2 ;\n', 'c.proto': 'syntax = "proto3";\npackage acme.c;\n' },
    }));
}

test('nothing: explicit defaults equal options left out, in both directions', async () => {
  await agreement({ name: 'nothing: defaults written', base: { 'a.proto': BARE }, head: { 'a.proto': EXPLICIT_DEFAULTS } });
  await agreement({ name: 'nothing: defaults removed', base: { 'a.proto': EXPLICIT_DEFAULTS }, head: { 'a.proto': BARE } });
});

test('nothing: reordering, comments and formatting of options', () =>
  agreement({
    name: 'nothing: reordered',
    base: { 'a.proto': ALL_OPTIONS },
    head: { 'a.proto': ALL_OPTIONS.split('\n').reverse().filter((line) => line.startsWith('option')).map((line) => `// keep\n${line.replace(' = ', '   =   ')}`).join('\n').replace(/^/, 'syntax = "proto3";\npackage acme.v1;\n') + '\nmessage M {}\n' },
  }));

test('syntax: proto3 to editions, editions to proto2, 2023 to 2024, missing syntax is proto2', async () => {
  const v2 = 'version: v2\nbreaking:\n  use: [FILE_SAME_SYNTAX]\n';
  await agreement({ name: 'to editions', bufYaml: v2, base: { 'a.proto': 'syntax = "proto3";\npackage p;\n' }, head: { 'a.proto': 'edition = "2023";\npackage p;\n' } });
  await agreement({ name: 'to proto2', bufYaml: v2, base: { 'a.proto': 'edition = "2023";\npackage p;\n' }, head: { 'a.proto': 'syntax = "proto2";\npackage p;\n' } });
  await agreement({ name: 'nothing: 2023 to 2024', bufYaml: v2, base: { 'a.proto': 'edition = "2023";\npackage p;\n' }, head: { 'a.proto': 'edition = "2024";\npackage p;\n' } });
  await agreement({ name: 'nothing: implicit proto2', bufYaml: v2, base: { 'a.proto': 'package p;\n' }, head: { 'a.proto': 'syntax = "proto2";\npackage p;\n' } });
  await agreement({ name: 'implicit proto2 to proto3', bufYaml: v2, base: { 'a.proto': 'package p;\n' }, head: { 'a.proto': 'syntax = "proto3";\npackage p;\n' } });
  await agreement({ name: 'proto3 to implicit proto2', bufYaml: v2, base: { 'a.proto': 'syntax = "proto3";\npackage p;\n' }, head: { 'a.proto': 'package p;\n' } });
});

const FIELD_RULES = 'version: v2\nbreaking:\n  use: [FIELD_SAME_JSTYPE, FIELD_SAME_CPP_STRING_TYPE, FIELD_SAME_JAVA_UTF8_VALIDATION, MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR]\n';

test('field options: jstype and ctype changed, removed, added; explicit defaults; extensions', () =>
  agreement({
    name: 'field options', bufYaml: FIELD_RULES,
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  optional int64 a = 1 [jstype = JS_STRING];\n  optional int64 b = 2;\n  optional int64 c = 3 [jstype = JS_NORMAL];\n  optional string d = 4 [ctype = CORD];\n  optional string e = 5;\n  optional bytes f = 6 [ctype = STRING_PIECE];\n  optional string g = 7 [ctype = STRING];\n  repeated string h = 8 [ctype = CORD];\n  optional string j = 10 [ctype = STRING_PIECE];\n  optional string k = 11 [ctype = STRING_PIECE];\n  extensions 100 to 200;\n}\nextend M { optional string x = 100 [ctype = CORD]; }\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  optional int64 a = 1;\n  optional int64 b = 2 [jstype = JS_NUMBER];\n  optional int64 c = 3;\n  optional string d = 4 [deprecated = true, ctype = STRING];\n  optional string e = 5 [ctype = CORD];\n  optional bytes f = 6;\n  optional string g = 7;\n  repeated string h = 8;\n  optional string j = 10 [ctype = CORD];\n  optional string k = 11 [ctype = STRING];\n  extensions 100 to 200;\n}\nextend M { optional string x = 100; }\n' },
  }));

test('field options: editions string_type features on the field, the message and the file', () =>
  agreement({
    name: 'editions string_type', bufYaml: FIELD_RULES,
    base: { 'a.proto': 'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\noption features.(pb.cpp).string_type = VIEW;\nmessage M {\n  string a = 1;\n  string b = 2 [ctype = CORD];\n  bytes c = 3;\n  string d = 4;\n  int32 i = 5;\n}\n' },
    head: { 'a.proto': 'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\nmessage M {\n  string a = 1;\n  string b = 2 [features.(pb.cpp).string_type = CORD];\n  bytes c = 3 [features.(pb.cpp).string_type = VIEW];\n  string d = 4 [features.(pb.cpp).string_type = STRING];\n  int32 i = 5;\n}\n' },
  }));

test('java UTF-8 validation: the file option in proto2 and proto3, and the editions feature', async () => {
  await agreement({
    name: 'java_string_check_utf8 proto2', bufYaml: FIELD_RULES,
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\noption java_string_check_utf8 = true;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n  map<string, string> m = 3;\n}\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n  map<string, string> m = 3;\n}\n' },
  });
  await agreement({
    name: 'java_string_check_utf8 added in proto2', bufYaml: FIELD_RULES,
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  optional string s = 1;\n}\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\noption java_string_check_utf8 = true;\nmessage M {\n  optional string s = 1;\n}\n' },
  });
  await agreement({
    name: 'nothing: java_string_check_utf8 in proto3', bufYaml: FIELD_RULES,
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\noption java_string_check_utf8 = true;\nmessage M {\n  string s = 1;\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {\n  string s = 1;\n}\n' },
  });
  await agreement({
    name: 'editions java feature', bufYaml: FIELD_RULES,
    base: { 'a.proto': 'edition = "2023";\npackage p;\nimport "google/protobuf/java_features.proto";\noption features.utf8_validation = NONE;\nmessage M {\n  string s = 1 [features.(pb.java).utf8_validation = VERIFY];\n  string t = 2;\n}\n' },
    head: { 'a.proto': 'edition = "2023";\npackage p;\nimport "google/protobuf/java_features.proto";\noption features.utf8_validation = NONE;\nmessage M {\n  string s = 1;\n  string t = 2 [features.(pb.java).utf8_validation = VERIFY];\n}\n' },
  });
});

test('message options: no_standard_descriptor_accessor turned on, off, and written as false', () =>
  agreement({
    name: 'descriptor accessor', bufYaml: FIELD_RULES,
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage A {}\nmessage B {\n  option no_standard_descriptor_accessor = true;\n}\nmessage C {}\nmessage D {\n  message E {}\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage A {\n  option no_standard_descriptor_accessor = true;\n}\nmessage B {}\nmessage C {\n  option no_standard_descriptor_accessor = false;\n}\nmessage D {\n  message E { option no_standard_descriptor_accessor = true; }\n}\n' },
  }));

test('deprecated IDs in a v1 config run their replacements', () =>
  agreement({
    name: 'deprecated IDs',
    bufYaml: 'version: v1\nbreaking:\n  use: [FILE_SAME_JAVA_STRING_CHECK_UTF8, FILE_SAME_PHP_GENERIC_SERVICES, FIELD_SAME_CTYPE]\n',
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\noption java_string_check_utf8 = true;\nmessage M { optional string s = 1 [ctype = CORD]; }\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M { optional string s = 1; }\n' },
  }));

test('string escapes: octal, hex and unicode escapes decode to the same text as literal characters', () =>
  agreement({
    name: 'string escapes',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, WIRE_JSON]\n',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\noption go_package = "a\\001\\303\\251";\noption java_package = "b\\x41\\u00e9";\nmessage M {\n  reserved "\\x41B", "C";\n  string h = 8 [json_name = "h\\x41"];\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\noption go_package = "a\\002é";\noption java_package = "bAé";\nmessage M {\n  reserved "AB", "\\103";\n  string h = 8 [json_name = "hA"];\n}\n' },
  }));

test('java UTF-8 validation: map entries are reported at the map type, and their features come from the map field', () =>
  agreement({
    name: 'java utf8 map entries',
    bufYaml: 'version: v2\nbreaking:\n  use: [FIELD_SAME_JAVA_UTF8_VALIDATION, FIELD_SAME_UTF8_VALIDATION]\n',
    base: { 'b.proto': "syntax = \"proto2\";\npackage q;\nmessage N {\n  optional string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n", 'c.proto': "edition = \"2023\";\npackage r;\nimport \"google/protobuf/java_features.proto\";\nmessage N {\n  map<string, string> m = 2 [features.utf8_validation = NONE];\n  string s = 3 [features.utf8_validation = NONE];\n}\n" },
    head: { 'b.proto': "syntax = \"proto2\";\npackage q;\noption java_string_check_utf8 = true;\nmessage N {\n  optional string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n", 'c.proto': "edition = \"2023\";\npackage r;\nimport \"google/protobuf/java_features.proto\";\nmessage N {\n  map<string, string> m = 2 [features.(pb.java).utf8_validation = VERIFY, features.utf8_validation = NONE];\n  string s = 3 [features.(pb.java).utf8_validation = VERIFY, features.utf8_validation = NONE];\n}\n" },
  }));

test('nothing: java UTF-8 validation of proto2 strings and maps is unchanged in an edition with equivalent features', () =>
  agreement({
    name: 'nothing: proto2 to equivalent edition',
    bufYaml: 'version: v2\nbreaking:\n  use: [FIELD_SAME_JAVA_UTF8_VALIDATION, FIELD_SAME_UTF8_VALIDATION]\n',
    base: { 'b.proto': "syntax = \"proto2\";\npackage q;\nmessage N {\n  optional string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n" },
    head: { 'b.proto': "edition = \"2023\";\npackage q;\noption features.field_presence = EXPLICIT;\noption features.utf8_validation = NONE;\noption features.repeated_field_encoding = EXPANDED;\noption features.enum_type = CLOSED;\noption features.json_format = LEGACY_BEST_EFFORT;\nmessage N {\n  string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n" },
  }));
