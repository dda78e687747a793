// buf and Graycheck agree on rpc streaming, request/response type and idempotency rules, under every config that selects them.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

const BASE = `syntax = "proto3";
package acme.v1;
import "google/protobuf/empty.proto";
message A {}
message B {}
service S {
  rpc Get(A) returns (B);
  rpc List(stream A) returns (stream B) {}
  rpc Put(A) returns (B) { option idempotency_level = IDEMPOTENT; }
  rpc Del(A) returns (B) { option idempotency_level = NO_SIDE_EFFECTS; }
  rpc Keep(A) returns (B) { option idempotency_level = IDEMPOTENCY_UNKNOWN; }
  rpc Ping(google.protobuf.Empty) returns (.acme.v1.A);
}
`;

const HEAD = `syntax = "proto3";
package acme.v1;
import "google/protobuf/empty.proto";
message A {}
message B {}
service S {
  rpc Get(stream B) returns (stream A);
  rpc List(A) returns (B) {}
  rpc Put(A) returns (B);
  rpc Del(A) returns (B) {
    option deprecated = true;
    option idempotency_level = IDEMPOTENT;
  }
  rpc Keep(A) returns (B);
  rpc Ping(.google.protobuf.Empty) returns (A);
}
`;

const CONFIGS: [string, string | undefined][] = [
  ['default (FILE)', undefined],
  ['v1 PACKAGE', 'version: v1\nbreaking:\n  use: [PACKAGE]\n'],
  ['v1 WIRE_JSON', 'version: v1\nbreaking:\n  use: [WIRE_JSON]\n'],
  ['v2 WIRE', 'version: v2\nbreaking:\n  use: [WIRE]\n'],
  ['v2 CSR', 'version: v2\nbreaking:\n  use: [CSR]\n'],
];

for (const [label, bufYaml] of CONFIGS) {
  test(`rpc agreement (${label}): streaming, types and idempotency changed`, () =>
    agreement({ name: 'rpc changes', bufYaml, base: { 'a.proto': BASE }, head: { 'a.proto': HEAD } }));
}

test('a service moved to another file of its package is still compared', () =>
  agreement({
    name: 'moved service',
    bufYaml: 'version: v2\nbreaking:\n  use: [WIRE]\n',
    base: { 'a.proto': BASE },
    head: {
      'a.proto': 'syntax = "proto3";\npackage acme.v1;\nmessage A {}\nmessage B {}\n',
      'b.proto':
        'syntax = "proto3";\npackage acme.v1;\nimport "a.proto";\nimport "google/protobuf/empty.proto";\nservice S {\n  rpc Get(B) returns (A);\n  rpc List(stream A) returns (stream B) {}\n  rpc Put(A) returns (B) { option idempotency_level = IDEMPOTENT; }\n  rpc Del(A) returns (B) { option idempotency_level = NO_SIDE_EFFECTS; }\n  rpc Keep(A) returns (B);\n  rpc Ping(google.protobuf.Empty) returns (A);\n}\n',
    },
  }));

test('nothing: the same types spelled differently, comments and formatting', () =>
  agreement({
    name: 'nothing: respelled',
    base: { 'a.proto': BASE },
    head: {
      'a.proto': BASE.replace('rpc Get(A) returns (B);', '// Gets.\n  rpc Get( .acme.v1.A )\n      returns ( acme.v1.B );').replace(
        '(google.protobuf.Empty)',
        '(.google.protobuf.Empty)',
      ),
    },
  }));
