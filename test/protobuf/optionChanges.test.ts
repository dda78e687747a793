// File, field and message option rules and FILE_SAME_PACKAGE / FILE_SAME_SYNTAX: buf's texts and locations, effective
// values, half-typed heads that must stay silent, and the revert fixes.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage acme.v1;\n';

ruleCases('FILE_SAME_GO_PACKAGE', [
  { name: 'a changed value is reported on the option and reverted', base: `${P3}option go_package = "a/v1";\n`, head: `${P3}option go_package = "a/v2";\n`,
    expect: ['3:1 File option "go_package" changed from "a/v1" to "a/v2".'], fixed: `${P3}option go_package = "a/v1";\n` },
  { name: 'a removed option is reported at 1:1 and re-inserted after the package', base: `${P3}option go_package = "a/v1";\nmessage M {}\n`, head: `${P3}message M {}\n`,
    expect: ['1:1 File option "go_package" changed from "a/v1" to "".'], fixed: `${P3}option go_package = "a/v1";\nmessage M {}\n` },
  { name: 'an added option is removed by the revert', base: `${P3}message M {}\n`, head: `${P3}option go_package = "a";\nmessage M {}\n`,
    expect: ['3:1 File option "go_package" changed from "" to "a".'], fixed: `${P3}message M {}\n` },
  { name: 'a half-typed value is not compared', base: `${P3}option go_package = "a/v1";\n`, head: `${P3}option go_package = "a/v`,
    expect: [], notChecked: ['example.proto: syntax error at 3:21: unterminated string — declarations there were not compared'] },
]);

ruleCases('FILE_SAME_CC_ENABLE_ARENAS', [
  { name: 'removing false is a change to the default true', base: `${P3}option cc_enable_arenas = false;\n`, head: P3,
    expect: ['1:1 File option "cc_enable_arenas" changed from "false" to "true".'], fixed: `${P3}option cc_enable_arenas = false;\n` },
  { name: 'writing the default true changes nothing', base: P3, head: `${P3}option cc_enable_arenas = true;\n`, expect: [] },
]);

ruleCases('FILE_SAME_OPTIMIZE_FOR', [
  { name: 'removing SPEED changes nothing', base: `${P3}option optimize_for = SPEED;\n`, head: P3, expect: [] },
  { name: 'LITE_RUNTIME to CODE_SIZE', base: `${P3}option optimize_for = LITE_RUNTIME;\n`, head: `${P3}option optimize_for = CODE_SIZE;\n`,
    expect: ['3:1 File option "optimize_for" changed from "LITE_RUNTIME" to "CODE_SIZE".'] },
]);

ruleCases('FILE_SAME_PHP_NAMESPACE', [
  { name: 'backslashes are quoted as buf quotes them', base: `${P3}option php_namespace = "A\\\\B";\n`, head: `${P3}option php_namespace = "A\\\\C";\n`,
    expect: ['3:1 File option "php_namespace" changed from "A\\\\B" to "A\\\\C".'] },
]);

for (const [id, option, value] of [
  ['FILE_SAME_CC_GENERIC_SERVICES', 'cc_generic_services', 'true'], ['FILE_SAME_CSHARP_NAMESPACE', 'csharp_namespace', '"X"'],
  ['FILE_SAME_JAVA_GENERIC_SERVICES', 'java_generic_services', 'true'], ['FILE_SAME_JAVA_MULTIPLE_FILES', 'java_multiple_files', 'true'],
  ['FILE_SAME_JAVA_OUTER_CLASSNAME', 'java_outer_classname', '"X"'], ['FILE_SAME_JAVA_PACKAGE', 'java_package', '"x.y"'],
  ['FILE_SAME_OBJC_CLASS_PREFIX', 'objc_class_prefix', '"XY"'], ['FILE_SAME_PHP_CLASS_PREFIX', 'php_class_prefix', '"X"'],
  ['FILE_SAME_PHP_METADATA_NAMESPACE', 'php_metadata_namespace', '"X"'], ['FILE_SAME_PY_GENERIC_SERVICES', 'py_generic_services', 'true'],
  ['FILE_SAME_RUBY_PACKAGE', 'ruby_package', '"X"'], ['FILE_SAME_SWIFT_PREFIX', 'swift_prefix', '"X"'],
]) {
  const shown = value.replace(/"/g, '');
  const previous = value === 'true' ? 'false' : '';
  ruleCases(id, [
    { name: 'an added option is reported on its statement', base: P3, head: `${P3}option ${option} = ${value};\n`,
      expect: [`3:1 File option "${option}" changed from "${previous}" to "${shown}".`], fixed: P3 },
  ]);
}

ruleCases('FILE_SAME_PACKAGE', [
  { name: 'a changed package is reported on the statement and reverted', base: `${P3}message M {}\n`, head: 'syntax = "proto3";\npackage acme.v2;\nmessage M {}\n',
    expect: ['2:1 File package changed from "acme.v1" to "acme.v2".'], fixed: `${P3}message M {}\n` },
  { name: 'a removed package is reported at 1:1 and restored', base: `${P3}message M {}\n`, head: 'syntax = "proto3";\nmessage M {}\n',
    expect: ['1:1 File package changed from "acme.v1" to "".'], fixed: `${P3}message M {}\n` },
  { name: 'a half-typed package is not compared', base: `${P3}message M {}\n`, head: 'syntax = "proto3";\npackage acme.\nmessage M {}\n',
    expect: [], notChecked: ["example.proto: syntax error at 3:9: expected ';', found 'M' — declarations there were not compared"] },
]);

ruleCases('FILE_SAME_SYNTAX', [
  { name: 'proto3 to editions', base: P3, head: 'edition = "2023";\npackage acme.v1;\n', expect: ['1:1 File syntax changed from "proto3" to "editions".'] },
  { name: 'no syntax statement is proto2', base: 'package acme.v1;\n', head: 'syntax = "proto2";\npackage acme.v1;\n', expect: [] },
  { name: 'edition 2023 to 2024 is still editions', base: 'edition = "2023";\npackage p;\n', head: 'edition = "2024";\npackage p;\n', expect: [] },
]);

const P2 = 'syntax = "proto2";\npackage p;\n';
ruleCases('FIELD_SAME_JSTYPE', [
  { name: 'a removed jstype is reported on the field and restored', base: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n`, head: `${P2}message M {\n  optional int64 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed option "jstype" from "JS_STRING" to "JS_NORMAL".'], fixed: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n` },
  { name: 'a changed jstype next to another option is reverted in place', base: `${P2}message M {\n  optional int64 a = 1 [deprecated = true, jstype = JS_STRING];\n}\n`, head: `${P2}message M {\n  optional int64 a = 1 [deprecated = true, jstype = JS_NUMBER];\n}\n`,
    expect: ['4:44 Field "1" with name "a" on message "M" changed option "jstype" from "JS_STRING" to "JS_NUMBER".'], fixed: `${P2}message M {\n  optional int64 a = 1 [deprecated = true, jstype = JS_STRING];\n}\n` },
  { name: 'an added jstype is removed with its brackets', base: `${P2}message M {\n  optional int64 a = 1;\n}\n`, head: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n`,
    expect: ['4:25 Field "1" with name "a" on message "M" changed option "jstype" from "JS_NORMAL" to "JS_STRING".'], fixed: `${P2}message M {\n  optional int64 a = 1;\n}\n` },
  { name: 'explicit JS_NORMAL equals none', base: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_NORMAL];\n}\n`, head: `${P2}message M {\n  optional int64 a = 1;\n}\n`, expect: [] },
  { name: 'a half-typed message is not compared', base: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_STRING];\n}\n`, head: `${P2}message M {\n  optional int64 a = 1 [jstype = JS_\n}\n`,
    expect: [], notChecked: ["example.proto: syntax error at 5:1: expected ',' or ']', found '}' — declarations there were not compared"] },
]);

ruleCases('FIELD_SAME_CPP_STRING_TYPE', [
  { name: 'CORD removed is reported on the field and restored', base: `${P2}message M {\n  optional string s = 1 [ctype = CORD];\n}\n`, head: `${P2}message M {\n  optional string s = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "s" on message "M" changed C++ string type from "CORD" to "STRING".'], fixed: `${P2}message M {\n  optional string s = 1 [ctype = CORD];\n}\n` },
  { name: 'STRING_PIECE to STRING is allowed, the reverse is not', base: `${P2}message M {\n  optional string a = 1 [ctype = STRING_PIECE];\n  optional string b = 2;\n}\n`, head: `${P2}message M {\n  optional string a = 1;\n  optional string b = 2 [ctype = STRING_PIECE];\n}\n`,
    expect: ['5:26 Field "2" with name "b" on message "M" changed C++ string type from "STRING" to "STRING_PIECE".'], fixed: `${P2}message M {\n  optional string a = 1;\n  optional string b = 2;\n}\n` },
  { name: 'an editions file-level feature is inherited', base: 'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\noption features.(pb.cpp).string_type = VIEW;\nmessage M {\n  string a = 1;\n}\n', head: 'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\nmessage M {\n  string a = 1;\n}\n',
    expect: ['5:3 Field "1" with name "a" on message "M" changed C++ string type from "VIEW" to "STRING".'] },
]);

ruleCases('FIELD_SAME_JAVA_UTF8_VALIDATION', [
  { name: 'removing java_string_check_utf8 in proto2 is reported per string field', base: `${P2}option java_string_check_utf8 = true;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n}\n`, head: `${P2}message M {\n  optional string s = 1;\n  optional bytes b = 2;\n}\n`,
    expect: ['4:3 Field "1" with name "s" on message "M" changed Java string UTF8 validation from "VERIFY" to "NONE".'] },
  { name: 'proto3 always validates', base: `${P3}option java_string_check_utf8 = true;\nmessage M { string s = 1; }\n`, head: `${P3}message M { string s = 1; }\n`, expect: [] },
]);

ruleCases('MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR', [
  { name: 'turning it on is reported on the option and the fix removes it', base: `${P3}message M {\n  string s = 1;\n}\n`, head: `${P3}message M {\n  option no_standard_descriptor_accessor = true;\n  string s = 1;\n}\n`,
    expect: ['4:3 Message option "no_standard_descriptor_accessor" changed from "false" to "true".'], fixed: `${P3}message M {\n  string s = 1;\n}\n` },
  { name: 'turning it off or writing false is fine', base: `${P3}message M {\n  option no_standard_descriptor_accessor = true;\n}\nmessage N {}\n`, head: `${P3}message M {}\nmessage N {\n  option no_standard_descriptor_accessor = false;\n}\n`, expect: [] },
]);

// Deprecated IDs: buf.yaml v2 rejects them, and v1 runs their replacements, so they never report under their own ID.
for (const id of ['FILE_SAME_JAVA_STRING_CHECK_UTF8', 'FILE_SAME_PHP_GENERIC_SERVICES', 'FIELD_SAME_CTYPE', 'MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT']) {
  ruleCases(id, [
    { name: 'the deprecated ID never reports under its own name', files: { 'buf.yaml': `version: v1\nbreaking:\n  use: [${id}]\n` },
      base: `${P2}option java_string_check_utf8 = true;\nmessage M { optional string s = 1 [ctype = CORD]; }\n`, head: `${P2}message M { optional string s = 1; }\n`, expect: [] },
  ]);
}
