// proto2, proto3 and editions corners the parser must read as protoc does (issue 11), one construct per test; the last
// test runs a file holding all of them, changed, against the real buf.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProto } from '../../server/src/protobuf/parser';
import { agreement } from '../support/bufOracle';

const P2 = 'syntax = "proto2";\npackage p;\n';

function parsed(text: string) {
  const file = parseProto(text);
  assert.deepEqual(file.problems, [], 'parses without a problem');
  return file;
}

test('a group in a message, a oneof and an extend block is a field with its own message', () => {
  const file = parsed(
    `${P2}message M {\n  optional group Result = 1 {\n    required string url = 2;\n  }\n  oneof o {\n    group G = 3 { optional int32 v = 4; }\n  }\n  extensions 100 to 200;\n}\nextend M {\n  repeated group Top = 100 { optional int32 t = 1; }\n}\n`,
  );
  const [m] = file.messages;
  assert.deepEqual(
    m.fields.map((field) => [field.name, field.type, field.group?.name]),
    [
      ['result', 'Result', 'Result'],
      ['g', 'G', 'G'],
    ],
  );
  assert.deepEqual(
    m.messages.map((message) => message.name),
    ['Result', 'G'],
  );
  assert.deepEqual(
    file.extends[0].fields.map((field) => [field.name, field.label, field.group?.fields[0].name]),
    [['top', 'repeated', 't']],
  );
});

test('extend blocks nested in messages keep their scope', () => {
  const file = parsed(
    `${P2}message M {\n  extensions 100 to max;\n  message Inner {\n    extend M {\n      optional int32 deep = 100;\n    }\n  }\n  extend .p.M { optional int32 shallow = 101; }\n}\n`,
  );
  assert.deepEqual(
    file.messages[0].messages[0].extends.map((block) => [block.extendee, block.fields[0].name]),
    [['M', 'deep']],
  );
  assert.deepEqual(
    file.messages[0].extends.map((block) => block.extendee),
    ['.p.M'],
  );
});

test('aggregate option values keep their text, with nested messages, lists, extension names and angle brackets', () => {
  const value = '{ a: 1 b: [1, 2] c { d: "x" } [ext.y]: 2 e < f: -inf > }';
  const file = parsed(`${P2}option (my.opt) = ${value};\nmessage M {\n  optional int32 x = 1 [(f.opt) = { list: [1, 2] }, deprecated = true];\n}\n`);
  assert.deepEqual(
    file.options.map((option) => [option.name, option.valueKind, option.valueText]),
    [['(my.opt)', 'aggregate', value]],
  );
  assert.deepEqual(
    file.messages[0].fields[0].options.map((option) => option.name),
    ['(f.opt)', 'deprecated'],
  );
});

test('adjacent strings are one string in syntax, imports, options and reserved names', () => {
  const file = parsed(
    `syntax = "pro" "to2";\npackage p;\nimport public "b" ".proto";\nmessage M {\n  optional string s = 1 [json_name = "s" "S"];\n  reserved "fo" "o", 'bar';\n}\n`,
  );
  assert.equal(file.syntax.syntax, 'proto2');
  assert.deepEqual(
    file.imports.map((item) => item.path),
    ['b.proto'],
  );
  assert.deepEqual(
    file.messages[0].fields[0].options.map((option) => option.value),
    ['sS'],
  );
  assert.deepEqual(file.messages[0].reserved[0].names, ['foo', 'bar']);
});

test('string escapes decode: hex, octal, unicode and the usual letters', () => {
  const file = parsed(`${P2}message M {\n  optional string s = 1 [default = "\\x41\\101\\n\\t\\u00e9\\U0001F600\\"\\\\"];\n}\n`);
  assert.equal(file.messages[0].fields[0].options[0].value, 'AA\n\té😀"\\');
});

test('max ends reserved and extension ranges, with each one its own limit', () => {
  const file = parsed(`${P2}message M {\n  reserved 10 to 20, 30 to max;\n  extensions 1000 to max;\n}\nenum E {\n  E_ZERO = 0;\n  reserved 5 to max;\n}\n`);
  assert.deepEqual(file.messages[0].reserved[0].ranges, [
    { start: 10, end: 20 },
    { start: 30, end: 536870911 },
  ]);
  assert.deepEqual(file.messages[0].extensionRanges[0].ranges, [{ start: 1000, end: 536870911 }]);
  assert.deepEqual(file.enums[0].reserved[0].ranges, [{ start: 5, end: 2147483647 }]);
});

test('enum values may be negative, hexadecimal or octal, down to the int32 minimum; reserved enum ranges may be negative', () => {
  const file = parsed(`${P2}enum E {\n  E_NEG = -1;\n  E_HEX = 0x10;\n  E_OCT = 010;\n  E_MIN = -2147483648;\n  E_NEG_HEX = -0x2;\n  reserved -5 to -3;\n}\n`);
  assert.deepEqual(
    file.enums[0].values.map((value) => value.number),
    [-1, 16, 8, -2147483648, -2],
  );
  assert.deepEqual(file.enums[0].reserved[0].ranges, [{ start: -5, end: -3 }]);
});

test('stream is a keyword before a type, and a type name when nothing follows it', () => {
  const file = parsed(
    `${P2}message stream {}\nmessage M {}\nservice S {\n  rpc A(stream M) returns (stream .p.M);\n  rpc B(M) returns (stream);\n  rpc stream(stream) returns (M);\n}\n`,
  );
  assert.deepEqual(
    file.services[0].rpcs.map((rpc) => [rpc.name, rpc.requestType, rpc.requestStreaming, rpc.responseType, rpc.responseStreaming]),
    [
      ['A', 'M', true, '.p.M', true],
      ['B', 'M', false, 'stream', false],
      ['stream', 'stream', false, 'M', false],
    ],
  );
});

test('weak and public imports keep their modifier', () => {
  const file = parsed(`${P2}import public "a.proto";\nimport weak "b.proto";\nimport "c.proto";\n`);
  assert.deepEqual(
    file.imports.map((item) => [item.path, item.modifier]),
    [
      ['a.proto', 'public'],
      ['b.proto', 'weak'],
      ['c.proto', undefined],
    ],
  );
});

test('editions reserve names as identifiers; keywords are names where a name is expected', () => {
  const file = parsed(
    'edition = "2023";\npackage p;\nmessage M {\n  reserved foo, bar;\n  int32 message = 1;\n  string option = 2;\n  int32 reserved_count = 3;\n  message enum {}\n}\nenum E {\n  E_ZERO = 0;\n  reserved OLD, OLDER;\n}\n',
  );
  assert.deepEqual(
    file.messages[0].reserved.map((item) => [item.names, item.namesAsIdentifiers]),
    [[['foo', 'bar'], true]],
  );
  assert.deepEqual(
    file.messages[0].fields.map((field) => field.name),
    ['message', 'option', 'reserved_count'],
  );
  assert.deepEqual(
    file.messages[0].messages.map((message) => message.name),
    ['enum'],
  );
  assert.deepEqual(file.enums[0].reserved[0].names, ['OLD', 'OLDER']);
});

const CORNERS = (changed: boolean) =>
  `syntax = "pro" "to2";\npackage p;\nimport public "b" ".proto";\nmessage M {\n  optional group Result = 1 {\n    required string url = 2;\n  }\n  extensions 100 to 199, 300 to max;\n  extend M {\n    optional int32 nested_ext = 100;\n  }\n` +
  `  optional string s = 3 [default = "a\\x41\\101\\n" "tail", json_name = "s" "S"];\n  reserved ${changed ? '"fo" "o"' : '"fo" "o", \'bar\''};\n  optional ${changed ? 'int64' : 'int32'} neg = 4 [default = -0x10];\n  optional stream.Req st = 6;\n}\n` +
  `message stream { message Req {} }\nenum E {\n  E_NEG = -1;\n  E_HEX = 0x10;\n${changed ? '' : '  E_MIN = -2147483648;\n'}  reserved -5 to -2, 100 to max;\n}\nservice S {\n  rpc A(stream M) returns (${changed ? '' : 'stream '}.p.M);\n  rpc B(M) returns (stream);\n}\n`;

test('a file with every corner, changed, agrees with buf', () =>
  agreement({
    name: 'corners',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE, WIRE_JSON, WIRE]\n',
    base: { 'a.proto': CORNERS(false), 'b.proto': P2 },
    head: { 'a.proto': CORNERS(true), 'b.proto': P2 },
  }));
