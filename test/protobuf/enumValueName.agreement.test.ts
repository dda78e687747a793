// ENUM_VALUE_SAME_NAME against the real buf. (Renamed values and aliases are also in fieldChanges.agreement's scenarios.)
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

test('buf agrees on one of two enum aliases deleted', () =>
  agreement({
    name: 'enum alias deleted',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nenum E2 {\n  option allow_alias = true;\n  E2_ZERO = 0;\n  E2_ONE = 1;\n  E2_UNO = 1;\n}\nmessage M { E2 e = 1; }\n',
    },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nenum E2 {\n  E2_ZERO = 0;\n  E2_UNO = 1;\n}\nmessage M { E2 e = 1; }\n' },
  }));
