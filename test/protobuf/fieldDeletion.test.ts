// The field deletion rules (rules/fieldDeletion.ts). FIELD_NO_DELETE: buf's locations (the enclosing message), messages,
// pairing by full name, and the restore fix; the _UNLESS_ variants: the reserved statement that excuses each, and the reserve fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { protobufChecker } from '../../server/src/protobuf/checker';
import { ruleCases } from '../support/ruleCases';

ruleCases('FIELD_NO_DELETE', [
  {
    name: 'a deleted field is reported on its message, and restoring it brings back its comment',
    base: 'syntax = "proto3";\npackage acme.v1;\n\nmessage User {\n  string name = 1;\n  // Where we write.\n  string email = 2;\n  int32 age = 3;\n}\n',
    head: 'syntax = "proto3";\npackage acme.v1;\n\nmessage User {\n  string name = 1;\n  int32 age = 3;\n}\n',
    expect: ['4:1 Previously present field "2" with name "email" on message "User" was deleted.'],
    fixed: 'syntax = "proto3";\npackage acme.v1;\n\nmessage User {\n  string name = 1;\n  // Where we write.\n  string email = 2;\n  int32 age = 3;\n}\n',
  },
  {
    name: 'a nested message is named by its own name',
    base: 'syntax = "proto3";\npackage p;\nmessage A {\n  message B { int32 x = 1; int32 y = 2; }\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage A {\n  message B { int32 x = 1; }\n}\n',
    expect: ['4:3 Previously present field "2" with name "y" on message "B" was deleted.'],
    fixed: 'syntax = "proto3";\npackage p;\nmessage A {\n  message B { int32 x = 1;\n    int32 y = 2; }\n}\n',
  },
  {
    name: 'the first field restored goes to the start of the body',
    base: 'syntax = "proto3";\npackage p;\nmessage A {\n    int32 x = 1;\n    int32 y = 2;\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage A {\n    int32 y = 2;\n}\n',
    expect: ['3:1 Previously present field "1" with name "x" on message "A" was deleted.'],
    fixed: 'syntax = "proto3";\npackage p;\nmessage A {\n    int32 x = 1;\n    int32 y = 2;\n}\n',
  },
  {
    name: 'a renamed field with the same number is not a deletion',
    base: 'syntax = "proto3";\npackage p;\nmessage A { int32 x = 1; }\n',
    head: 'syntax = "proto3";\npackage p;\nmessage A { int32 renamed = 1; }\n',
    expect: [],
  },
  {
    name: 'a message moved to another file is compared where it now is',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; int32 b = 2; }\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\n', 'c.proto': 'syntax = "proto3";\npackage p;\n\nmessage M {\n  int32 a = 1;\n}\n' },
    expect: ['c.proto:4:1 Previously present field "2" with name "b" on message "M" was deleted.'],
  },
  {
    name: 'a message moved to another package is not paired',
    base: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'syntax = "proto3";\npackage q;\nmessage M { }\n',
    expect: [],
  },
  {
    name: 'deleted map, oneof member and group fields use their field names',
    base: 'syntax = "proto2";\npackage p;\nmessage M {\n  map<string, int32> tags = 1;\n  oneof o { int32 q = 2; }\n  optional group Grp = 3 { optional int32 z = 1; }\n}\n',
    head: 'syntax = "proto2";\npackage p;\nmessage M {\n}\n',
    expect: [
      '3:1 Previously present field "1" with name "tags" on message "M" was deleted.',
      '3:1 Previously present field "2" with name "q" on message "M" was deleted.',
      '3:1 Previously present field "3" with name "grp" on message "M" was deleted.',
    ],
  },
  {
    name: 'a half-typed field in the message says what was not compared instead of reporting a deletion',
    base: 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 a = 1;\n  int32 b = 2;\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 a = 1;\n  string ema\n  int32 b = 2;\n}\n',
    expect: [],
    notChecked: ["example.proto: syntax error at 6:3: expected '=', found 'int32' — declarations there were not compared"],
  },
  {
    name: 'an unclosed message is never read as deletions',
    base: 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 a = 1;\n  int32 b = 2;\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 a = 1;\n  message N {\n',
    expect: [],
    notChecked: ['example.proto: syntax error at 6:1: message "N" is missing its closing \'}\' — declarations there were not compared'],
  },
  {
    name: 'a deletion in a message that parsed cleanly is still reported when another message is broken',
    base: 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 a = 1;\n  int32 b = 2;\n}\nmessage N { int32 c = 1; }\n',
    head: 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 a = 1;\n}\nmessage N { int32 c = 1; strin }\n',
    expect: ['3:1 Previously present field "2" with name "b" on message "M" was deleted.'],
    notChecked: ["example.proto: syntax error at 6:32: expected a field name, found '}' — declarations there were not compared"],
  },
  {
    name: 'binary junk at head is not compared',
    base: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'syntax\u0000\u0001\u0002\uFFFD',
    expect: [],
    notChecked: ['example.proto: binary content (NUL bytes): not a .proto text file, so it was not compared'],
  },
  {
    name: 'FILE is the default: without a breaking section the rule runs with v2 categories',
    files: { 'buf.yaml': 'version: v2\n' },
    base: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'syntax = "proto3";\npackage p;\nmessage M { }\n',
    expect: ['3:1 Previously present field "1" with name "a" on message "M" was deleted.'],
  },
  {
    name: 'the WIRE category does not include it',
    files: { 'buf.yaml': 'version: v1\nbreaking:\n  use: [WIRE]\n' },
    base: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'syntax = "proto3";\npackage p;\nmessage M { }\n',
    expect: [],
  },
  {
    name: 'ignore_only exempts the path',
    files: { 'buf.yaml': 'version: v2\nbreaking:\n  ignore_only:\n    FIELD_NO_DELETE: [example.proto]\n' },
    base: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'syntax = "proto3";\npackage p;\nmessage M { }\n',
    expect: [],
  },
  {
    name: 'ignore_unstable_packages skips alpha packages',
    files: { 'buf.yaml': 'version: v2\nbreaking:\n  ignore_unstable_packages: true\n' },
    base: 'syntax = "proto3";\npackage p.v1alpha1;\nmessage M { int32 a = 1; }\n',
    head: 'syntax = "proto3";\npackage p.v1alpha1;\nmessage M { }\n',
    expect: [],
  },
  {
    name: 'a 1 MB head is compared',
    base: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; int32 b = 2; }\n',
    head: 'syntax = "proto3";\npackage p;\nmessage M { int32 a = 1; }\n' + '// padding padding padding padding padding padding\n'.repeat(21000),
    expect: ['3:1 Previously present field "2" with name "b" on message "M" was deleted.'],
  },
]);

test('without a buf.yaml buf applies v1 defaults: v1 categories, and no v2-only rule such as FIELD_SAME_DEFAULT', async () => {
  const base = 'syntax = "proto2";\npackage p;\nmessage M {\n  optional int32 a = 1;\n  optional int32 b = 2 [default = 3];\n}\n';
  const head = 'syntax = "proto2";\npackage p;\nmessage M {\n  optional int32 b = 2 [default = 4];\n}\n';
  const result = await runCheck(
    { base: new MemoryTree({ 'a.proto': base }, 'base'), head: new MemoryTree({ 'a.proto': head }, 'head'), renames: new Map(), config: defaultConfig() },
    [protobufChecker],
  );
  assert.deepEqual(
    result.findings.map((finding) => [finding.rule, finding.categories]),
    [['FIELD_NO_DELETE', ['FILE', 'PACKAGE']]],
  );
});

// Fixes that would not compile are not offered (found by test/integration/bufFixes.test.ts, where buf judges every fix).
const USER_BASE = 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n  string email = 3;\n}\n';
const deletedEmail = '3:1 Previously present field "3" with name "email" on message "User" was deleted.';
ruleCases('FIELD_NO_DELETE', [
  {
    name: 'a field whose number is reserved at head gets neither a restore nor a second reservation of the number',
    base: USER_BASE,
    head: 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n  reserved 3;\n}\n',
    expect: [deletedEmail],
    fixTitles: ['Reserve field name "email" (buf still reports FIELD_NO_DELETE for a deleted field)'],
  },
  {
    name: 'a field whose number changed is not restored next to itself, and its name is not reserved while in use',
    base: USER_BASE,
    head: 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n  string email = 15;\n}\n',
    expect: [deletedEmail],
    fixTitles: ['Reserve field number 3 (buf still reports FIELD_NO_DELETE for a deleted field)'],
  },
  {
    name: 'a field whose message type was deleted too is not restored',
    base: 'syntax = "proto3";\npackage p;\nmessage Settings {}\nmessage User {\n  string name = 1;\n  Settings settings = 2;\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n}\n',
    expect: ['3:1 Previously present field "2" with name "settings" on message "User" was deleted.'],
    fixTitles: ['Reserve field number 2 and name "settings" (buf still reports FIELD_NO_DELETE for a deleted field)'],
  },
]);

ruleCases('FIELD_NO_DELETE_UNLESS_NAME_RESERVED', [
  {
    name: 'no fix is offered when the name is still in use: reserving the number alone would not settle it',
    base: USER_BASE,
    head: 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n  string email = 15;\n}\n',
    expect: ['3:1 Previously present field "3" with name "email" on message "User" was deleted without reserving the name "email".'],
    fixTitles: [],
  },
]);

const BASE = 'syntax = "proto3";\npackage p;\n\nmessage User {\n  string name = 1;\n  string email = 2;\n}\n';
const HEAD = 'syntax = "proto3";\npackage p;\n\nmessage User {\n  string name = 1;\n}\n';
const RESERVED = 'syntax = "proto3";\npackage p;\n\nmessage User {\n  string name = 1;\n  reserved 2;\n  reserved "email";\n}\n';

ruleCases('FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED', [
  {
    name: 'a deletion without reserving the number is reported, and reserving fixes it',
    base: BASE,
    head: HEAD,
    expect: ['4:1 Previously present field "2" with name "email" on message "User" was deleted without reserving the number "2".'],
    fixed: RESERVED,
  },
  {
    name: 'a reserved range covering the number excuses the deletion',
    base: BASE,
    head: 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n  reserved 2 to max;\n}\n',
    expect: [],
  },
  {
    name: 'reserving only the name does not excuse it',
    base: BASE,
    head: 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n  reserved "email";\n}\n',
    expect: ['3:1 Previously present field "2" with name "email" on message "User" was deleted without reserving the number "2".'],
  },
  {
    name: 'the WIRE category selects it in buf.yaml v1',
    files: { 'buf.yaml': 'version: v1\nbreaking:\n  use: [WIRE]\n' },
    base: BASE,
    head: HEAD,
    expect: ['4:1 Previously present field "2" with name "email" on message "User" was deleted without reserving the number "2".'],
  },
  {
    name: 'the default FILE category does not select it',
    files: { 'buf.yaml': 'version: v2\n' },
    base: BASE,
    head: HEAD,
    expect: [],
  },
]);

ruleCases('FIELD_NO_DELETE_UNLESS_NAME_RESERVED', [
  {
    name: 'a deletion without reserving the name is reported, and reserving fixes it',
    base: BASE,
    head: HEAD,
    expect: ['4:1 Previously present field "2" with name "email" on message "User" was deleted without reserving the name "email".'],
    fixed: RESERVED,
  },
  {
    name: 'an editions file reserves the name as an identifier',
    base: 'edition = "2023";\npackage p;\nmessage E {\n  int32 a = 1;\n  int32 b = 2;\n}\n',
    head: 'edition = "2023";\npackage p;\nmessage E {\n  int32 a = 1;\n}\n',
    expect: ['3:1 Previously present field "2" with name "b" on message "E" was deleted without reserving the name "b".'],
    fixed: 'edition = "2023";\npackage p;\nmessage E {\n  int32 a = 1;\n  reserved 2;\n  reserved b;\n}\n',
  },
  {
    name: 'a reserved name excuses the deletion',
    base: BASE,
    head: 'syntax = "proto3";\npackage p;\nmessage User {\n  string name = 1;\n  reserved "email";\n}\n',
    expect: [],
  },
  {
    name: 'WIRE_JSON selects it but WIRE does not',
    files: { 'buf.yaml': 'version: v2\nbreaking:\n  use: [WIRE]\n' },
    base: BASE,
    head: HEAD,
    expect: [],
  },
]);
