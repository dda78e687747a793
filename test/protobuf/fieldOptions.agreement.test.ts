// buf and Graycheck agree on the field option rules: jstype and ctype, editions string_type features, Java UTF-8
// validation (the file option and the editions feature, map entries), and the deprecated IDs that run these rules in v1.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';
import { FIELD_OPTION_RULES as FIELD_RULES } from './agreementCases';

test('field options: jstype and ctype changed, removed, added; explicit defaults; extensions', () =>
  agreement({
    name: 'field options',
    bufYaml: FIELD_RULES,
    base: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M {\n  optional int64 a = 1 [jstype = JS_STRING];\n  optional int64 b = 2;\n  optional int64 c = 3 [jstype = JS_NORMAL];\n  optional string d = 4 [ctype = CORD];\n  optional string e = 5;\n  optional bytes f = 6 [ctype = STRING_PIECE];\n  optional string g = 7 [ctype = STRING];\n  repeated string h = 8 [ctype = CORD];\n  optional string j = 10 [ctype = STRING_PIECE];\n  optional string k = 11 [ctype = STRING_PIECE];\n  extensions 100 to 200;\n}\nextend M { optional string x = 100 [ctype = CORD]; }\n',
    },
    head: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M {\n  optional int64 a = 1;\n  optional int64 b = 2 [jstype = JS_NUMBER];\n  optional int64 c = 3;\n  optional string d = 4 [deprecated = true, ctype = STRING];\n  optional string e = 5 [ctype = CORD];\n  optional bytes f = 6;\n  optional string g = 7;\n  repeated string h = 8;\n  optional string j = 10 [ctype = CORD];\n  optional string k = 11 [ctype = STRING];\n  extensions 100 to 200;\n}\nextend M { optional string x = 100; }\n',
    },
  }));

test('field options: editions string_type features on the field, the message and the file', () =>
  agreement({
    name: 'editions string_type',
    bufYaml: FIELD_RULES,
    base: {
      'a.proto':
        'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\noption features.(pb.cpp).string_type = VIEW;\nmessage M {\n  string a = 1;\n  string b = 2 [ctype = CORD];\n  bytes c = 3;\n  string d = 4;\n  int32 i = 5;\n}\n',
    },
    head: {
      'a.proto':
        'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\nmessage M {\n  string a = 1;\n  string b = 2 [features.(pb.cpp).string_type = CORD];\n  bytes c = 3 [features.(pb.cpp).string_type = VIEW];\n  string d = 4 [features.(pb.cpp).string_type = STRING];\n  int32 i = 5;\n}\n',
    },
  }));

test('java UTF-8 validation: the file option in proto2 and proto3, and the editions feature', async () => {
  await agreement({
    name: 'java_string_check_utf8 proto2',
    bufYaml: FIELD_RULES,
    base: {
      'a.proto':
        'syntax = "proto2";\npackage p;\noption java_string_check_utf8 = true;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n  map<string, string> m = 3;\n}\n',
    },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  optional string s = 1;\n  optional bytes b = 2;\n  map<string, string> m = 3;\n}\n' },
  });
  await agreement({
    name: 'java_string_check_utf8 added in proto2',
    bufYaml: FIELD_RULES,
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  optional string s = 1;\n}\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\noption java_string_check_utf8 = true;\nmessage M {\n  optional string s = 1;\n}\n' },
  });
  await agreement({
    name: 'nothing: java_string_check_utf8 in proto3',
    bufYaml: FIELD_RULES,
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\noption java_string_check_utf8 = true;\nmessage M {\n  string s = 1;\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {\n  string s = 1;\n}\n' },
  });
  await agreement({
    name: 'editions java feature',
    bufYaml: FIELD_RULES,
    base: {
      'a.proto':
        'edition = "2023";\npackage p;\nimport "google/protobuf/java_features.proto";\noption features.utf8_validation = NONE;\nmessage M {\n  string s = 1 [features.(pb.java).utf8_validation = VERIFY];\n  string t = 2;\n}\n',
    },
    head: {
      'a.proto':
        'edition = "2023";\npackage p;\nimport "google/protobuf/java_features.proto";\noption features.utf8_validation = NONE;\nmessage M {\n  string s = 1;\n  string t = 2 [features.(pb.java).utf8_validation = VERIFY];\n}\n',
    },
  });
});

test('deprecated IDs in a v1 config run their replacements', () =>
  agreement({
    name: 'deprecated IDs',
    bufYaml: 'version: v1\nbreaking:\n  use: [FILE_SAME_JAVA_STRING_CHECK_UTF8, FILE_SAME_PHP_GENERIC_SERVICES, FIELD_SAME_CTYPE]\n',
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\noption java_string_check_utf8 = true;\nmessage M { optional string s = 1 [ctype = CORD]; }\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M { optional string s = 1; }\n' },
  }));

test('java UTF-8 validation: map entries are reported at the map type, and their features come from the map field', () =>
  agreement({
    name: 'java utf8 map entries',
    bufYaml: 'version: v2\nbreaking:\n  use: [FIELD_SAME_JAVA_UTF8_VALIDATION, FIELD_SAME_UTF8_VALIDATION]\n',
    base: {
      'b.proto': 'syntax = "proto2";\npackage q;\nmessage N {\n  optional string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n',
      'c.proto':
        'edition = "2023";\npackage r;\nimport "google/protobuf/java_features.proto";\nmessage N {\n  map<string, string> m = 2 [features.utf8_validation = NONE];\n  string s = 3 [features.utf8_validation = NONE];\n}\n',
    },
    head: {
      'b.proto':
        'syntax = "proto2";\npackage q;\noption java_string_check_utf8 = true;\nmessage N {\n  optional string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n',
      'c.proto':
        'edition = "2023";\npackage r;\nimport "google/protobuf/java_features.proto";\nmessage N {\n  map<string, string> m = 2 [features.(pb.java).utf8_validation = VERIFY, features.utf8_validation = NONE];\n  string s = 3 [features.(pb.java).utf8_validation = VERIFY, features.utf8_validation = NONE];\n}\n',
    },
  }));

test('nothing: java UTF-8 validation of proto2 strings and maps is unchanged in an edition with equivalent features', () =>
  agreement({
    name: 'nothing: proto2 to equivalent edition',
    bufYaml: 'version: v2\nbreaking:\n  use: [FIELD_SAME_JAVA_UTF8_VALIDATION, FIELD_SAME_UTF8_VALIDATION]\n',
    base: { 'b.proto': 'syntax = "proto2";\npackage q;\nmessage N {\n  optional string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n' },
    head: {
      'b.proto':
        'edition = "2023";\npackage q;\noption features.field_presence = EXPLICIT;\noption features.utf8_validation = NONE;\noption features.repeated_field_encoding = EXPANDED;\noption features.enum_type = CLOSED;\noption features.json_format = LEGACY_BEST_EFFORT;\nmessage N {\n  string s = 1;\n  map<string, string> m = 2;\n  repeated string r = 3;\n}\n',
    },
  }));
