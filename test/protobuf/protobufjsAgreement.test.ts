// Cross-check: for valid files, our parse names the same messages, fields, numbers and types as protobufjs's parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as protobuf from 'protobufjs';
import type { MessageDecl } from '../../server/src/protobuf/ast';
import { parseProto } from '../../server/src/protobuf/parser';

const FILES: Record<string, string> = {
  proto3: `syntax = "proto3";
package acme.user.v1;
import "google/protobuf/timestamp.proto";
option java_package = "com.acme";
message User {
  string name = 1;
  repeated string emails = 2 [packed = false];
  map<string, int64> counters = 3;
  oneof contact { string phone = 4; Address address = 5; }
  optional int32 age = 6;
  google.protobuf.Timestamp created = 7;
  message Address { string street = 1; .acme.user.v1.User.Address.Zip zip = 2; message Zip { string code = 1; } }
  enum Kind { KIND_UNSPECIFIED = 0; KIND_ADMIN = 1; }
  Kind kind = 8;
  reserved 9, 10 to 12;
  reserved "old";
}
service Users { rpc Get(User) returns (User); }
`,
  proto2: `syntax = "proto2";
package legacy;
message Old {
  required string id = 1;
  optional int32 count = 2 [default = 5];
  repeated Old children = 3;
  optional group Result = 4 { optional string url = 5; }
  extensions 100 to max;
  message Inner { optional bytes data = 1; }
}
extend Old { optional string note = 100; }
`,
  comments: `// File comment.
syntax = "proto3";

/* Block comment
   spanning lines */
package c;

// Message.
message A { // trailing
  // Field.
  int32 a = 1; // trailing
  /* inline */ int32 b = 2;
}
`,
};

type Row = [string, string, number, string];

function ours(text: string): Row[] {
  const file = parseProto(text);
  assert.deepEqual(file.problems, []);
  const rows: Row[] = [];
  const visit = (message: MessageDecl, prefix: string) => {
    const name = prefix + message.name;
    for (const field of message.fields) rows.push([name, field.name, field.number!, field.mapValue ?? (field.group ? field.group.name : field.type)]);
    for (const nested of message.messages) visit(nested, name + '.');
  };
  for (const message of file.messages) visit(message, file.packageName ? file.packageName + '.' : '');
  return rows.sort();
}

function theirs(text: string): Row[] {
  const { root } = protobuf.parse(text, { keepCase: true });
  const rows: Row[] = [];
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type) {
        const name = nested.fullName.slice(1);
        for (const field of nested.fieldsArray) {
          if (field.extend || field.name.startsWith('.')) continue;
          rows.push([name, field.name, field.id, field.type]);
        }
      }
      if (nested instanceof protobuf.Namespace) visit(nested);
    }
  };
  visit(root);
  return rows.sort();
}

for (const [name, text] of Object.entries(FILES)) {
  test(`our parse agrees with protobufjs on messages, fields, numbers and types (${name})`, () => {
    const expected = theirs(text);
    assert.ok(expected.length >= 2, 'protobufjs found the fields');
    assert.deepEqual(ours(text), expected);
  });
}
