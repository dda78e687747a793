// The real buf and protobufChecker agree on field and value changes (type, cardinality, name, JSON name, oneof,
// default, required fields, enum value names) under every category that holds these rules, in v1 and v2 configs: whole-file
// scenarios that change many fields at once, across those families. Cases about one family are in <family>.agreement.test.ts.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

const PROTO2_BASE = `syntax = "proto2";
package p;
enum E { A = 0; B = 1; }
enum F { X = 1; Y = 2; }
message N { optional int32 z = 1; }
message M {
  optional int32 a = 1;
  optional string b = 2;
  optional E c = 3;
  optional N d = 4;
  map<string, int32> e = 5;
  optional group Gr = 6 { optional int32 q = 1; }
  optional bytes f = 7;
  optional string g = 8;
  optional int64 h = 9;
  required int32 i = 10;
  repeated int32 j = 11;
  optional int32 k = 12 [default = 5];
  optional F l = 13;
  optional sint32 m = 14;
  optional fixed32 n = 15;
  optional uint32 o = 16;
}
`;

const PROTO2_HEAD = `syntax = "proto2";
package p;
enum E { A = 0; B = 1; }
enum F { X = 1; Y = 2; }
message N { optional int32 z = 1; }
message M {
  optional uint64 a = 1;
  optional bytes b = 2;
  optional F c = 3;
  optional E d = 4;
  map<string, string> e = 5;
  optional N gr = 6;
  optional string f = 7;
  optional bool g = 8;
  optional sint64 h = 9;
  optional int32 i = 10;
  optional int32 j = 11;
  optional int32 k = 12 [default = 6];
  optional int32 l = 13;
  optional int32 m = 14;
  optional sfixed32 n = 15;
  optional int32 o = 16;
}
`;

const PROTO3_BASE = `syntax = "proto3";
package p;
import "google/protobuf/struct.proto";
enum E { option allow_alias = true; A = 0; B = 1; C = 1; D = 2; }
message M {
  int32 a = 1;
  optional int32 b = 2;
  int32 c = 3;
  oneof o { int32 d = 4; int32 e = 5; }
  int32 f = 6;
  int32 foo_bar = 7;
  int32 h = 8 [json_name = "hh"];
  int32 i = 9;
  repeated int32 j = 10;
  map<string, int32> k = 11;
  google.protobuf.NullValue l = 12;
  oneof o2 { int32 m = 13; }
  M n = 14;
}
`;

const PROTO3_HEAD = `syntax = "proto3";
package p;
import "google/protobuf/struct.proto";
enum E { option allow_alias = true; A = 0; BB = 1; C = 1; D2 = 2; }
message M {
  optional int32 a = 1;
  int32 b = 2;
  oneof o { int32 c = 3; }
  int32 d = 4;
  oneof o2 { int32 e = 5; int32 m = 13; }
  int32 ff = 6;
  int32 fooBar = 7;
  int32 h = 8 [json_name = "h2"];
  int32 i = 9 [json_name = "i"];
  map<int32, int32> j = 10;
  repeated KEntry k = 11;
  message KEntry { string key = 1; int32 value = 2; }
  int32 l = 12;
  optional M n = 14;
}
`;

const DEFAULTS_BASE = `syntax = "proto2";
package p;
enum E { A = 1; B = 2; }
message M {
  optional group Gr = 1 { optional int32 q = 1; }
  optional int32 a = 2 [default = 1];
  optional float b = 3 [default = 1.5];
  optional double c = 4 [default = 123456789];
  optional string d = 5 [default = "x\\ny"];
  optional bytes e = 6 [default = "ab\\001"];
  optional bool f = 7 [default = true];
  optional E g = 8;
  optional E h = 9 [default = B];
  optional int32 i = 10;
  optional double j = 11 [default = inf];
  optional float k = 12 [default = 0.1];
  optional int64 l = 13 [default = -5];
  optional uint32 m = 14 [default = 0];
  required int32 n = 15;
  optional int32 o = 16;
  optional double p = 18 [default = 0.5];
  optional int32 q = 19 [default = 0x10, json_name = "qq"];
}
`;

const DEFAULTS_HEAD = `syntax = "proto2";
package p;
enum E { A = 1; B = 2; }
message M {
  repeated group Gr = 1 { optional int32 q = 1; }
  optional int32 a = 2;
  optional float b = 3 [default = 2.25];
  optional double c = 4 [default = 0.00001];
  optional string d = 5 [default = "x"];
  optional bytes e = 6 [default = "ab"];
  optional bool f = 7 [default = false];
  optional E g = 8 [default = B];
  optional E h = 9;
  optional int32 i = 10 [default = 0];
  optional double j = 11 [default = -inf];
  optional double k = 12 [default = 0.1];
  optional uint64 l = 13 [default = 5];
  optional uint32 m = 14;
  optional int32 n = 15;
  required int32 o = 16;
  required int32 r = 17;
  optional double p = 18 [default = 1e7];
  optional int32 q = 19 [json_name = "qq", default = 16];
}
`;

const EDITIONS_BASE = `edition = "2023";
package p;
message N { int32 z = 1; }
message M {
  int32 a = 1 [features.field_presence = LEGACY_REQUIRED];
  int32 b = 2;
  N c = 3;
  int32 d = 4 [features.field_presence = IMPLICIT];
  int32 e = 5 [default = 3];
  repeated N f = 6;
  N g = 7;
}
`;

const EDITIONS_HEAD = `edition = "2023";
package p;
message N { int32 z = 1; }
message M {
  int32 a = 1;
  int32 b = 2 [features.field_presence = LEGACY_REQUIRED];
  N c = 3 [features.message_encoding = DELIMITED];
  int32 d = 4;
  int32 e = 5 [default = 4];
  repeated N f = 6 [features.message_encoding = DELIMITED];
  N g = 7 [features.field_presence = EXPLICIT];
}
`;

// Edits that keep every compared value: each must produce nothing under any category.
const NOTHING_BASE = `syntax = "proto2";
package p;
enum E { option allow_alias = true; A = 0; B = 1; BB = 1; }
message N { optional int32 z = 1; }
message M {
  optional int32 a = 1;
  optional string foo_bar = 2;
  optional float c = 3 [default = 0.1];
  optional N d = 4;
  optional E e = 5;
  optional int32 f = 6 [default = 16];
}
`;

const NOTHING_HEAD = `syntax = "proto2";
package p;
enum E { option allow_alias = true; A = 0; B = 1; BB = 1; BBB = 1; }
message N { optional int32 z = 1; }
message M {
  optional int32 a = 1 [default = 0];
  optional string foo_bar = 2 [json_name = "fooBar"];
  optional float c = 3 [default = 0.1, deprecated = true];
  optional N d = 4;
  optional E e = 5 [default = A];
  optional int32 f = 6 [default = 0x10];
}
`;

const FILE_FEATURES_BASE = `edition = "2023";
package p;
enum E { option allow_alias = true; A = 0; B = 1; C = 1; }
message M {
  int32 a = 1;
  map<string, int32> m = 2;
  string s = 3;
}
`;

const FILE_FEATURES_HEAD = `edition = "2023";
package p;
option features.field_presence = IMPLICIT;
enum E { A = 0; B = 1; }
message M {
  int32 a = 1;
  map<string, int32> m = 2;
  string s = 3 [features.field_presence = EXPLICIT];
}
`;

const SCENARIOS = {
  proto2: { base: PROTO2_BASE, head: PROTO2_HEAD },
  proto3: { base: PROTO3_BASE, head: PROTO3_HEAD },
  defaults: { base: DEFAULTS_BASE, head: DEFAULTS_HEAD },
  editions: { base: EDITIONS_BASE, head: EDITIONS_HEAD },
  'editions file features and enum aliases': { base: FILE_FEATURES_BASE, head: FILE_FEATURES_HEAD },
  'nothing (values kept)': { base: NOTHING_BASE, head: NOTHING_HEAD },
};

const CONFIGS: Record<string, string | undefined> = {
  'the default (FILE)': undefined,
  'v1 FILE': 'version: v1\nbreaking:\n  use: [FILE]\n',
  'v1 PACKAGE': 'version: v1\nbreaking:\n  use: [PACKAGE]\n',
  'v1 WIRE_JSON': 'version: v1\nbreaking:\n  use: [WIRE_JSON]\n',
  'v1 WIRE': 'version: v1\nbreaking:\n  use: [WIRE]\n',
  'v1 with the deprecated FIELD_SAME_LABEL': 'version: v1\nbreaking:\n  use: [FIELD_SAME_LABEL]\n',
  'v2 FILE': 'version: v2\nbreaking:\n  use: [FILE]\n',
  'v2 PACKAGE': 'version: v2\nbreaking:\n  use: [PACKAGE]\n',
  'v2 WIRE_JSON': 'version: v2\nbreaking:\n  use: [WIRE_JSON]\n',
  'v2 WIRE': 'version: v2\nbreaking:\n  use: [WIRE]\n',
  'v2 CSR': 'version: v2\nbreaking:\n  use: [CSR]\n',
};

for (const [scenario, sides] of Object.entries(SCENARIOS)) {
  for (const [config, bufYaml] of Object.entries(CONFIGS)) {
    test(`buf agrees on ${scenario} field changes under ${config}`, () =>
      agreement({
        name: `${scenario.startsWith('nothing') ? scenario : scenario + ' ' + config}`,
        bufYaml,
        base: { 'a.proto': sides.base },
        head: { 'a.proto': sides.head },
      }));
  }
}

// Extensions are compared as fields: paired by extendee and number, named by full name, on the extendee's full name.
test('buf agrees on extensions renamed, retyped, relabelled, with changed defaults and options', () =>
  agreement({
    name: 'extension field changes',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, WIRE_JSON, WIRE]\n',
    base: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M { extensions 100 to 200; }\nenum E { A = 0; B = 1; }\nmessage O {}\nextend M {\n  optional int32 renamed = 100;\n  optional int32 typed = 101;\n  optional int32 card = 102;\n  optional int32 dflt = 103 [default = 3];\n  optional int64 js = 104;\n  optional string ct = 105;\n  optional E en = 106;\n  optional O msg = 107;\n  repeated int32 packd = 108;\n  optional string jn = 109;\n}\nmessage Scope {\n  extend M {\n    optional int32 nested = 110;\n  }\n}\n',
      'b.proto':
        'syntax = "proto3";\npackage p;\nimport "google/protobuf/descriptor.proto";\nextend google.protobuf.FieldOptions {\n  string tag = 50001;\n  int32 level = 50002;\n  repeated string many = 50003;\n}\n',
      'c.proto': 'edition = "2023";\npackage q;\nmessage M { extensions 1 to 100; }\nextend M {\n  int32 x = 1;\n  M y = 2;\n}\n',
    },
    head: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M { extensions 100 to 200; }\nenum E { A = 0; B = 1; }\nmessage O {}\nenum E2 { X = 0; }\nextend M {\n  optional int32 renamed2 = 100;\n  optional sint32 typed = 101;\n  repeated int32 card = 102;\n  optional int32 dflt = 103 [default = 4];\n  optional int64 js = 104 [jstype = JS_STRING];\n  optional string ct = 105 [ctype = CORD];\n  optional E2 en = 106;\n  optional E msg = 107;\n  repeated int32 packd = 108 [packed = true];\n  optional string jn = 109;\n}\nmessage Scope {\n  extend M {\n    optional int32 nested2 = 110;\n  }\n}\n',
      'b.proto':
        'syntax = "proto3";\npackage p;\nimport "google/protobuf/descriptor.proto";\nextend google.protobuf.FieldOptions {\n  string tag2 = 50001;\n  int64 level = 50002;\n  string many = 50003;\n}\n',
      'c.proto':
        'edition = "2023";\npackage q;\nmessage M { extensions 1 to 100; }\nextend M {\n  int32 x = 1 [default = 5];\n  M y = 2 [features.message_encoding = DELIMITED];\n}\n',
    },
  }));
