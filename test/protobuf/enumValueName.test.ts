// ENUM_VALUE_SAME_NAME (rules/enumValueName.ts): renamed values and aliases, half-typed heads, and the revert fix.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';

ruleCases('ENUM_VALUE_SAME_NAME', [
  {
    name: 'a renamed value is reported on its number, and reverting renames it back',
    base: `${P3}enum E {\n  A = 0;\n  B = 1;\n}\n`,
    head: `${P3}enum E {\n  A = 0;\n  C = 1;\n}\n`,
    expect: ['5:7 Enum value "1" on enum "E" changed name from "B" to "C".'],
    fixed: `${P3}enum E {\n  A = 0;\n  B = 1;\n}\n`,
  },
  {
    name: 'with aliases a renamed value is reported on every value of the number, and adding an alias is fine',
    base: `${P3}enum E { option allow_alias = true; A = 0; B = 1; C = 1; D = 2; }\n`,
    head: `${P3}enum E { option allow_alias = true; A = 0; BB = 1; C = 1; D = 2; DD = 2; }\n`,
    expect: [
      '3:49 Enum value "1" on enum "E" changed names from "B", "C" to "BB", "C".',
      '3:56 Enum value "1" on enum "E" changed names from "B", "C" to "BB", "C".',
    ],
  },
  {
    name: 'dropping an alias is a name change',
    base: `${P3}enum E { option allow_alias = true; A = 0; B = 1; C = 1; }\n`,
    head: `${P3}enum E { option allow_alias = true; A = 0; B = 1; }\n`,
    expect: ['3:48 Enum value "1" on enum "E" changed name from "B", "C" to "B".'],
  },
  {
    name: 'a half-typed enum at head is not compared',
    base: `${P3}enum E {\n  A = 0;\n  B = 1;\n}\n`,
    head: `${P3}enum E {\n  A = 0;\n  C = 1;\n  D =\n}\n`,
    expect: [],
    notChecked: ["example.proto: syntax error at 7:1: expected an enum value number, found '}' — declarations there were not compared"],
  },
]);
