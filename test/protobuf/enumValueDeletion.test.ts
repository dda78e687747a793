// The enum value deletion rules (rules/enumValueDeletion.ts): where each finding lands, the reserved statements that
// excuse the _UNLESS_ variants, the restore and reserve fixes, and half-typed values that are not deletions.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';
const ENUM = `${P3}enum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_TWO = 2;\n}\n`;
const ENUM_GONE = `${P3}enum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n}\n`;
const HALF = (text: string) => text.replace(/\}\n$/, '  E_TW\n');

ruleCases('ENUM_VALUE_NO_DELETE', [
  {
    name: 'a deleted value is reported on its enum and restored',
    base: ENUM,
    head: ENUM_GONE,
    expect: ['3:1 Previously present enum value "2" on enum "E" was deleted.'],
    fixed: ENUM,
  },
  { name: 'renaming a value keeps its number', base: ENUM, head: ENUM.replace('E_TWO', 'E_DOS'), expect: [] },
  {
    name: 'a half-typed value is not a deletion',
    base: ENUM,
    head: HALF(ENUM_GONE),
    expect: [],
    notChecked: ["example.proto: syntax error at 7:1: expected '=', found end of file — declarations there were not compared"],
  },
]);

ruleCases('ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED', [
  {
    name: 'reserving fixes it',
    base: ENUM,
    head: ENUM_GONE,
    expect: ['3:1 Previously present enum value "2" on enum "E" was deleted without reserving the number "2".'],
    fixed: `${P3}enum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved 2;\n  reserved "E_TWO";\n}\n`,
  },
  { name: 'a reserved range covering the number excuses it', base: ENUM, head: ENUM_GONE.replace('}\n', '  reserved 2 to max;\n}\n'), expect: [] },
]);

ruleCases('ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED', [
  {
    name: 'aliases need every name reserved; the message lists them sorted',
    base: `${P3}enum E {\n  option allow_alias = true;\n  E_ZERO = 0;\n  E_UNO = 1;\n  E_ONE = 1;\n}\n`,
    head: `${P3}enum E {\n  E_ZERO = 0;\n  reserved "E_ONE";\n}\n`,
    expect: ['3:1 Previously present enum value "1" on enum "E" was deleted without reserving the names "E_ONE", "E_UNO".'],
  },
  {
    name: 'editions reserve the name as an identifier',
    base: ENUM.replace('syntax = "proto3"', 'edition = "2023"'),
    head: ENUM_GONE.replace('syntax = "proto3"', 'edition = "2023"'),
    expect: ['3:1 Previously present enum value "2" on enum "E" was deleted without reserving the name "E_TWO".'],
    fixed: 'edition = "2023";\npackage p;\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved 2;\n  reserved E_TWO;\n}\n',
  },
]);
