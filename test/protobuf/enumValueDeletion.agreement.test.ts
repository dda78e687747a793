// The enum value deletion rules against the real buf: values deleted, reserved by number and by name, and aliases.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';
import { deletionAgreements, USE_ALL_DELETIONS as USE_ALL } from './agreementCases';

deletionAgreements([
  {
    name: 'enum values deleted, reserved by number, by name, and aliases',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nenum E {\n  option allow_alias = true;\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_UNO = 1;\n  E_TWO = 2;\n  E_THREE = 3;\n  E_FOUR = 4;\n  E_FIVE = 5;\n}\nmessage K {\n  enum Y { Y_Z = 0; Y_ONE = 1; }\n}\n',
    },
    head: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nenum E {\n  E_ZERO = 0;\n  reserved 2;\n  reserved "E_THREE", "E_UNO";\n  E_FIVE = 5;\n}\nmessage K {\n  enum Y { Y_Z = 0; }\n}\n',
    },
  },
]);

test('ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: every alias reserved excuses the deletion, as buf agrees', () =>
  agreement({
    name: 'nothing when all alias names are reserved',
    bufYaml: USE_ALL.replace(/use: \[.*\]/, 'use: [ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED]'),
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nenum E {\n  option allow_alias = true;\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_UNO = 1;\n}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nenum E {\n  E_ZERO = 0;\n  reserved "E_UNO", "E_ONE";\n}\n' },
  }));
