// RESERVED_MESSAGE_NO_DELETE and RESERVED_ENUM_NO_DELETE (rules/reservedDeletion.ts): split and dropped ranges and names,
// and the restore fixes.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';

ruleCases('RESERVED_MESSAGE_NO_DELETE', [
  {
    name: 'a split range and a dropped name, each restored',
    base: `${P3}message M {\n  reserved 1 to 10;\n}\n`,
    head: `${P3}message M {\n  reserved 1 to 3, 6 to 8;\n}\n`,
    expect: ['3:1 Previously present reserved range "[1,10]" on message "M" is missing values: [4,5], [9,10] were removed.'],
    fixed: `${P3}message M {\n  reserved 1 to 3, 6 to 8;\n  reserved 4 to 5, 9 to 10;\n}\n`,
  },
  {
    name: 'a dropped reserved name is restored',
    base: `${P3}message M {\n  reserved "old";\n}\n`,
    head: `${P3}message M {\n}\n`,
    expect: ['3:1 Previously present reserved name "old" on message "M" was deleted.'],
    fixed: `${P3}message M {\n  reserved "old";\n}\n`,
  },
]);

ruleCases('RESERVED_ENUM_NO_DELETE', [
  {
    name: 'a dropped range with max, restored',
    base: `${P3}enum E {\n  E_Z = 0;\n  reserved 5 to max;\n}\n`,
    head: `${P3}enum E {\n  E_Z = 0;\n}\n`,
    expect: ['3:1 Previously present reserved range "[5,max]" on enum "E" is missing values: [5,max] were removed.'],
    fixed: `${P3}enum E {\n  E_Z = 0;\n  reserved 5 to max;\n}\n`,
  },
]);
