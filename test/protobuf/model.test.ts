// The model: full names, type resolution through package scoping and well-known types, JSON names, synthetic oneofs, map entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFile, defaultJsonName, mapEntryName, missingImports, parseCached, ProtoImage } from '../../server/src/protobuf/model';

test('field types resolve through nested scopes, packages and well-known types', () => {
  const common = buildFile('acme/common.proto', 'acme/common.proto', 'syntax = "proto3";\npackage acme.common;\nmessage Money { int64 units = 1; }\n');
  const user = buildFile(
    'acme/user.proto',
    'acme/user.proto',
    `syntax = "proto3";
package acme.user.v1;
import "acme/common.proto";
import "google/protobuf/timestamp.proto";
import "acme/missing.proto";
message User {
  message Address { string street = 1; }
  Address home = 1;
  common.Money balance = 2;
  google.protobuf.Timestamp created = 3;
  map<string, Address> addresses = 4;
  optional string nick_name = 5 [json_name = "nick"];
  string first_name = 6;
  Unknown what = 7;
}
`,
  );
  const image = new ProtoImage([common, user]);
  const message = image.messagesByFullName.get('acme.user.v1.User')!;
  const types = Object.fromEntries(message.fields.map((field) => [field.name, field.isTypeResolved ? field.type : `unresolved ${field.type}`]));
  assert.deepEqual(types, {
    home: '.acme.user.v1.User.Address',
    balance: '.acme.common.Money',
    created: '.google.protobuf.Timestamp',
    addresses: '.acme.user.v1.User.AddressesEntry',
    nick_name: 'string',
    first_name: 'string',
    what: 'unresolved Unknown',
  });
  const entry = image.messagesByFullName.get('acme.user.v1.User.AddressesEntry')!;
  assert.equal(entry.isMapEntry, true);
  assert.deepEqual(
    entry.fields.map((field) => [field.name, field.type]),
    [
      ['key', 'string'],
      ['value', '.acme.user.v1.User.Address'],
    ],
  );
  const nick = message.fields.find((field) => field.name === 'nick_name')!;
  assert.deepEqual([nick.jsonName, nick.hasExplicitJsonName, nick.oneof, nick.cardinality], ['nick', true, '_nick_name', 'optional']);
  assert.deepEqual(message.oneofs, [{ name: '_nick_name', isSynthetic: true }]);
  assert.equal(message.fields.find((field) => field.name === 'first_name')!.jsonName, 'firstName');
  assert.deepEqual(missingImports(user, image.table), ['acme/missing.proto']);
});

test('default JSON names and map entry names follow protoc', () => {
  assert.equal(defaultJsonName('foo_bar_baz'), 'fooBarBaz');
  assert.equal(defaultJsonName('foo__bar'), 'fooBar');
  assert.equal(mapEntryName('tag_counts'), 'TagCountsEntry');
});

test('the same text is parsed once', () => {
  const text = 'syntax = "proto3";\nmessage Cached {}\n';
  assert.equal(parseCached(text), parseCached(text));
  assert.notEqual(parseCached(text), parseCached(text + '\n'));
});
