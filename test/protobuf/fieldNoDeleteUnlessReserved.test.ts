// FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED and _UNLESS_NAME_RESERVED: the reserved statement that excuses each, and the reserve fix.
import { ruleCases } from '../support/ruleCases';

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
