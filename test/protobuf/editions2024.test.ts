// Edition 2024 syntax (issue 11): `export` / `local` visibility on messages and enums, at the top level and nested, and
// `import option`. The words stay names everywhere else, as protoc reads them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProto } from '../../server/src/protobuf/parser';
import { ruleCases } from '../support/ruleCases';

const E2024 = 'edition = "2024";\npackage p;\n';

test('export and local before top-level messages and enums are visibility, and the span starts at the keyword after them', () => {
  const file = parseProto(`${E2024}// Lead.\nexport message M {}\nlocal enum E {\n  E_ZERO = 0;\n}\nmessage Plain {}\n`);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.messages.map((message) => [message.name, message.visibility]),
    [
      ['M', 'export'],
      ['Plain', undefined],
    ],
  );
  assert.deepEqual(
    file.enums.map((item) => [item.name, item.visibility]),
    [['E', 'local']],
  );
  const [m] = file.messages;
  assert.equal(m.range.start.character, 7, 'buf points at `message`, not at `export`');
  assert.equal(file.enums[0].range.start.character, 6);
  assert.equal(m.leadingOffset, E2024.length, 'the leading comment belongs to the declaration');
});

test('export and local before nested messages and enums are visibility', () => {
  const file = parseProto(
    `${E2024}message M {\n  export message N {}\n  local message L {}\n  export enum E { E_ZERO = 0; }\n  local enum F { F_ZERO = 0; }\n  int32 x = 1;\n}\n`,
  );
  assert.deepEqual(file.problems, []);
  const [m] = file.messages;
  assert.deepEqual(
    m.messages.map((message) => [message.name, message.visibility]),
    [
      ['N', 'export'],
      ['L', 'local'],
    ],
  );
  assert.deepEqual(
    m.enums.map((item) => [item.name, item.visibility]),
    [
      ['E', 'export'],
      ['F', 'local'],
    ],
  );
  assert.deepEqual(
    m.fields.map((field) => field.name),
    ['x'],
  );
});

test('export and local elsewhere are names: field types, message names, type name parts', () => {
  const file = parseProto(
    `${E2024}message export {}\nmessage local {\n  message T {}\n}\nmessage M {\n  export a = 1;\n  local.T b = 2;\n  repeated export c = 3;\n}\n`,
  );
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.messages.map((message) => message.name),
    ['export', 'local', 'M'],
  );
  assert.deepEqual(
    file.messages[2].fields.map((field) => `${field.label ?? ''} ${field.type} ${field.name}`),
    [' export a', ' local.T b', 'repeated export c'],
  );
});

test('a visibility keyword before anything but a message or enum is a syntax error that damages the file', () => {
  const file = parseProto(`${E2024}export service S {}\nmessage M {}\n`);
  assert.equal(file.problems.length, 1);
  assert.match(file.problems[0].message, /unexpected 'export' at the top level/);
  assert.equal(file.damaged, true);
});

test('import option is an import with the option modifier', () => {
  const file = parseProto(`${E2024}import option "opts.proto";\nimport "plain.proto";\n`);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.imports.map((item) => [item.path, item.modifier]),
    [
      ['opts.proto', 'option'],
      ['plain.proto', undefined],
    ],
  );
});

ruleCases('MESSAGE_NO_DELETE', [
  {
    name: 'issue 11: a file using export and local is compared, not skipped',
    base: `${E2024}export message M {\n  local message N {}\n}\nlocal message Gone {}\n`,
    head: `${E2024}export message M {\n}\n`,
    expect: ['1:1 Previously present message "Gone" was deleted from file.', '3:8 Previously present message "M.N" was deleted from file.'],
  },
]);
