// Differential test: the real buf (node_modules/.bin/buf) and protobufChecker on the same base and head directories
// must report the same findings of the rules we implement: type, path, start and end line/column, message.
import { test } from 'node:test';
import { agreement, type AgreementCase } from '../support/bufOracle';

const USER = `syntax = "proto3";
package acme.user.v1;

// A user.
message User {
  string name = 1;
  // Where we write.
  string email = 2;
  map<string, int32> tags = 3;
  oneof contact {
    string phone = 4;
    string fax = 5;
  }
  optional int32 age = 6;
  message Address {
    string street = 1;
    string city = 2;
  }
  Address address = 7;
  reserved 20 to 30;
}

message Team {
  repeated User members = 1;
}
`;

const USER_FIELDS_GONE = `syntax = "proto3";
package acme.user.v1;

// A user.
message User {
  string name = 1;
  reserved 2;
  oneof contact {
    string phone = 4;
  }
  message Address {
    string street = 1;
  }
  Address address = 7;
  reserved "age", "tags";
  reserved 20 to 30;
}

message Team {
  repeated User members = 1;
}
`;

const PROTO2 = `syntax = "proto2";
package legacy;

message Old {
  required string id = 1;
  optional group Result = 2 {
    optional string url = 3;
  }
  extensions 100 to 199;
  message Inner { optional int32 x = 1; }
}
`;

const EDITIONS = `edition = "2023";
package ed.v1;

message E {
  int32 a = 1;
  int32 b = 2 [features.field_presence = IMPLICIT];
  message N { string s = 1; }
}
`;

const CATEGORIES = [
  undefined,
  'version: v1\n',
  'version: v2\nbreaking:\n  use: [WIRE_JSON]\n',
  'version: v2\nbreaking:\n  use: [WIRE]\n',
  'version: v2\nbreaking:\n  use: [PACKAGE]\n',
  'version: v1\nbreaking:\n  use: [WIRE_JSON]\n',
];

const SCENARIOS: Omit<AgreementCase, 'bufYaml'>[] = [
  { name: 'fields deleted, some reserved', base: { 'acme/user.proto': USER }, head: { 'acme/user.proto': USER_FIELDS_GONE } },
  {
    name: 'a file deleted and a message moved within the package',
    base: { 'acme/user.proto': USER, 'acme/extra.proto': 'syntax = "proto3";\npackage acme.user.v1;\nmessage Extra { int32 a = 1; }\n' },
    head: {
      'acme/user.proto': USER.replace(/message Team \{[^}]*\}\n/, ''),
      'acme/team.proto': 'syntax = "proto3";\npackage acme.user.v1;\nimport "acme/user.proto";\n\nmessage Team {\n}\n',
    },
  },
  {
    name: 'proto2 group, nested message and required field deleted',
    base: { 'legacy.proto': PROTO2 },
    head: { 'legacy.proto': 'syntax = "proto2";\npackage legacy;\n\nmessage Old {\n  extensions 100 to 199;\n}\n' },
  },
  {
    name: 'editions fields deleted with identifier reservations',
    base: { 'ed.proto': EDITIONS },
    head: { 'ed.proto': 'edition = "2023";\npackage ed.v1;\n\nmessage E {\n  reserved b;\n  message N {\n  }\n}\n' },
  },
  {
    name: 'nested messages deleted with their parent',
    base: { 'n.proto': 'syntax = "proto3";\npackage n;\nmessage A { message B { message C { int32 x = 1; } } int32 y = 1; }\nmessage D {}\n' },
    head: { 'n.proto': 'syntax = "proto3";\npackage n;\nmessage D {}\n' },
  },
  {
    name: 'a single-line message keeps its span',
    base: { 's.proto': 'syntax = "proto3";\npackage s;\nmessage S { int32 a = 1; int32 b = 2; map<string, S> m = 3; }\n' },
    head: { 's.proto': 'syntax = "proto3";\npackage s;\n  message S { int32 a = 1; }  \n' },
  },
  {
    name: 'nothing breaks when fields only move around',
    base: { 'm.proto': 'syntax = "proto3";\npackage m;\nmessage M { int32 a = 1; int32 b = 2; }\n' },
    head: { 'm.proto': 'syntax = "proto3";\npackage m;\n// moved\nmessage M {\n  int32 b = 2;\n  int32 a = 1;\n}\n' },
  },
  {
    name: 'a package renamed in place, its messages kept',
    base: { 'p.proto': 'syntax = "proto3";\npackage p.v1;\nmessage P { int32 a = 1; message Q {} }\n' },
    head: { 'p.proto': 'syntax = "proto3";\npackage p.v2;\nmessage P { int32 a = 1; message Q {} }\n' },
  },
];

for (const bufYaml of CATEGORIES) {
  for (const scenario of SCENARIOS) {
    const label = bufYaml ? bufYaml.replace(/\n\s*/g, ' ').trim() : 'no buf.yaml';
    test(`agrees with buf: ${scenario.name} (${label})`, { timeout: 60_000 }, async () => {
      await agreement({ ...scenario, bufYaml });
    });
  }
}

test('agrees with buf: a v2 module under proto/ reports repository paths and module-relative names', { timeout: 60_000 }, async () => {
  await agreement({
    name: 'v2 module',
    bufYaml: 'version: v2\nmodules:\n  - path: proto\n',
    base: {
      'proto/x/a.proto': 'syntax = "proto3";\npackage x;\nmessage A { int32 a = 1; }\nmessage B {}\n',
      'proto/x/b.proto': 'syntax = "proto3";\npackage x;\nmessage C {}\n',
    },
    head: { 'proto/x/a.proto': 'syntax = "proto3";\npackage x;\nmessage A {}\n' },
  });
});
