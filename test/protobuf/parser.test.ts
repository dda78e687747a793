// The tolerant parser: exact ranges of declarations, names and numbers; comments; recovery that always ends and never throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range } from '../../server/src/engine/range';
import { leadingComments } from '../../server/src/protobuf/ast';
import { parseProto } from '../../server/src/protobuf/parser';

const at = (range: Range | undefined) => (range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : 'none');

test('a message runs from its keyword to its closing brace, a field from its first token to its semicolon', () => {
  const text = 'syntax = "proto3";\npackage a.b;\n\n// Lead.\nmessage User {\n  repeated string name = 1 [json_name = "n"];\n}\n';
  const file = parseProto(text);
  const [user] = file.messages;
  assert.equal(at(user.range), '4:0-6:1');
  assert.equal(at(user.nameRange), '4:8-4:12');
  const [name] = user.fields;
  assert.equal(at(name.range), '5:2-5:45');
  assert.equal(at(name.nameRange), '5:18-5:22');
  assert.equal(at(name.numberRange), '5:25-5:26');
  assert.equal(name.label, 'repeated');
  assert.deepEqual(
    name.options.map((option) => [option.name, option.value]),
    [['json_name', 'n']],
  );
  assert.deepEqual(leadingComments(text, user), ['Lead.']);
  assert.equal(file.packageName, 'a.b');
  assert.deepEqual(file.problems, []);
});

test('columns count UTF-16 code units', () => {
  const file = parseProto('// 😀 emoji\nmessage M { string s = 1; } // 😀\nmessage N { }\n');
  assert.equal(at(file.messages[0].fields[0].range), '1:12-1:25');
  assert.equal(at(file.messages[1].range), '2:0-2:13');
});

test('proto2, editions and service syntax all parse into the tree', () => {
  const file = parseProto(`edition = "2024";
package p;
import public "other.proto";
import weak "weak.proto";
option (my.opt).field = { a: 1 nested { b: "x" } };
message M {
  reserved 2, 5 to max;
  reserved foo, bar;
  extensions 100 to 200 [verification = UNVERIFIED];
  map<string, .p.M> children = 1;
  oneof kind { int32 i = 3; string s = 4; }
  extend Other { int32 ext = 101; }
  enum E { option allow_alias = true; A = 0; B = 0; C = -1; reserved 7; }
}
service S {
  rpc Get(stream M) returns (stream M);
  rpc Put(M) returns (M) { option idempotency_level = IDEMPOTENT; }
}
`);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(file.syntax.syntax, 'editions');
  assert.equal(file.syntax.edition, '2024');
  assert.deepEqual(
    file.imports.map((item) => [item.path, item.modifier]),
    [
      ['other.proto', 'public'],
      ['weak.proto', 'weak'],
    ],
  );
  assert.equal(file.options[0].name, '(my.opt).field');
  const [message] = file.messages;
  assert.deepEqual(
    message.reserved.map((item) => [item.ranges, item.names, item.namesAsIdentifiers]),
    [
      [
        [
          { start: 2, end: 2 },
          { start: 5, end: 536870911 },
        ],
        [],
        false,
      ],
      [[], ['foo', 'bar'], true],
    ],
  );
  assert.deepEqual(message.extensionRanges[0].ranges, [{ start: 100, end: 200 }]);
  assert.deepEqual(
    message.fields.map((field) => [field.name, field.number, field.type]),
    [
      ['children', 1, 'map<string, .p.M>'],
      ['i', 3, 'int32'],
      ['s', 4, 'string'],
    ],
  );
  assert.deepEqual(
    message.enums[0].values.map((value) => [value.name, value.number]),
    [
      ['A', 0],
      ['B', 0],
      ['C', -1],
    ],
  );
  assert.equal(message.extends[0].fields[0].name, 'ext');
  const [get, put] = file.services[0].rpcs;
  assert.deepEqual([get.requestStreaming, get.responseStreaming, put.options[0].value], [true, true, 'IDEMPOTENT']);
});

test('a proto2 group is a field named in lower case with its own message', () => {
  const file = parseProto('syntax = "proto2";\nmessage M {\n  optional group Result = 1 {\n    optional string url = 2;\n  }\n}\n');
  const [field] = file.messages[0].fields;
  assert.equal(field.name, 'result');
  assert.equal(field.group?.name, 'Result');
  assert.equal(at(field.range), '2:2-4:3');
  assert.equal(file.messages[0].messages[0].fields[0].name, 'url');
});

test('a missing semicolon is reported and the next line still parses', () => {
  const file = parseProto('syntax = "proto3";\nmessage M {\n  int32 a = 1\n  int32 b = 2;\n}\n');
  assert.deepEqual(
    file.messages[0].fields.map((field) => field.name),
    ['a', 'b'],
  );
  assert.equal(file.problems[0].message, "expected ';', found 'int32'");
  assert.equal(at(file.problems[0].range), '3:2-3:7');
  assert.equal(file.messages[0].damaged, true);
  assert.equal(file.damaged, false);
});

test('recovery skips a broken statement and keeps the following declarations', () => {
  const file = parseProto('message A {\n  int32 = ;\n  string ok = 2;\n  message B { }\n}\nmessage C {}\n');
  assert.deepEqual(
    file.messages.map((message) => message.name),
    ['A', 'C'],
  );
  assert.deepEqual(
    file.messages[0].fields.map((field) => field.name),
    ['ok'],
  );
  assert.deepEqual(
    file.messages[0].messages.map((message) => message.name),
    ['B'],
  );
  assert.equal(file.messages[0].damaged, true);
  assert.equal(file.messages[1].damaged, false);
});

test('an unclosed body damages everything open and the file', () => {
  const file = parseProto('message A {\n  message B {\n    int32 x = 1;\n');
  assert.equal(file.damaged, true);
  assert.equal(file.messages[0].damaged, true);
  assert.equal(file.messages[0].messages[0].damaged, true);
  assert.match(file.problems.at(-1)!.message, /missing its closing '}'/);
});

test('junk, unterminated strings and comments, and deep nesting never throw or hang', () => {
  const inputs = [
    '',
    '}}}}{{{{',
    'message',
    'message M { string s = "unterminated\n}',
    '/* never closed',
    'syntax = "proto3"; message M { option (a.b) = { x: { y: { ',
    '\u0000\u0001\u00ff\ud800garbage \u{1F600} ;;; = = =',
    'message A { '.repeat(5000),
    'enum E { A = ; B = 1 [; } service S { rpc X( returns ) }',
    Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 127)).join(''),
  ];
  for (const input of inputs) {
    const file = parseProto(input);
    assert.ok(Array.isArray(file.problems));
  }
  assert.ok(parseProto('}}}}{{{{').problems.length > 0);
});

test('a large file parses quickly enough to be typed in', () => {
  const field = (i: number) => `  // Field ${i}.\n  string field_${i} = ${i + 1} [deprecated = true];\n`;
  const text = `syntax = "proto3";\npackage big;\nmessage Big {\n${Array.from({ length: 20000 }, (_, i) => field(i)).join('')}}\n`;
  const file = parseProto(text);
  assert.equal(file.messages[0].fields.length, 20000);
  assert.equal(file.messages[0].fields[19999].number, 20000);
});
