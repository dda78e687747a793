// The deletion rules against the real buf, on whole-file scenarios that delete across several families at once (enums,
// oneofs, reserved and extension ranges, services and rpcs, moves between files, editions, edits that break nothing), under
// v1 and v2 categories. Scenarios about one family are in <family>.agreement.test.ts.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';
import { deletionAgreements, type DeletionScenario } from './agreementCases';

const SCENARIOS: DeletionScenario[] = [
  {
    name: 'top-level and nested enums, oneofs, reserved, services and rpcs deleted',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\n\nenum Color {\n  RED = 0;\n  GREEN = 1;\n}\n\nmessage M {\n  enum Inner {\n    A = 0;\n    B = 1;\n  }\n  oneof choice {\n    string x = 1;\n    string y = 2;\n  }\n  optional int32 z = 3;\n  reserved 10, 20 to 30, 40 to max;\n  reserved "foo", "bar";\n}\n\nservice S {\n  rpc Get(M) returns (M);\n  rpc List(M) returns (M);\n}\nservice T {\n  rpc Get(M) returns (M);\n}\nenum E2 {\n  option allow_alias = true;\n  E2_ZERO = 0;\n  E2_ONE = 1;\n  E2_UNO = 1;\n  reserved 5, 7 to 9;\n  reserved "OLD";\n}\n',
    },
    head: {
      'a.proto':
        'syntax = "proto3";\npackage p;\n\nmessage M {\n  string x = 1;\n  reserved 10, 20 to 29;\n  reserved "foo";\n}\n\nservice S {\n  rpc Get(M) returns (M);\n}\nenum E2 {\n  option allow_alias = true;\n  E2_ZERO = 0;\n  E2_ONE = 1;\n  E2_UNO = 1;\n  reserved 5;\n}\n',
    },
  },
  {
    name: 'reserved and extension ranges shrunk, split and widened',
    base: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M {\n  reserved 1 to 10, 20, 30 to 40;\n  extensions 100 to 200, 300, 400 to max;\n}\nenum E {\n  Z = 0;\n  reserved 1 to 10, -5 to -1, 20 to max;\n}\n',
    },
    head: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M {\n  reserved 1 to 3, 6 to 8, 20;\n  reserved 31 to 39;\n  extensions 100 to 150, 151 to 200, 400 to 1000;\n}\nenum E {\n  Z = 0;\n  reserved 1 to 10, -4 to -1, 20 to 100;\n}\n',
    },
  },
  {
    name: 'moving declarations to another file of the same package is a deletion from the file only',
    base: {
      'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\nenum E { E_Z = 0; }\nservice S {}\n',
      'b.proto': 'syntax = "proto3";\npackage p;\nmessage N {}\n',
    },
    head: {
      'a.proto': 'syntax = "proto3";\npackage p;\n',
      'b.proto': 'syntax = "proto3";\npackage p;\nmessage N {}\nmessage M {}\nenum E { E_Z = 0; }\nservice S {}\n',
    },
  },
  {
    name: 'editions: enum values, reserved identifiers and extensions',
    base: {
      'a.proto':
        'edition = "2023";\npackage p;\nmessage M {\n  extensions 100 to 200;\n  reserved old_name;\n  reserved 9;\n}\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved OLD;\n}\nextend M { int32 ext = 100; }\n',
    },
    head: {
      'a.proto':
        'edition = "2023";\npackage p;\nmessage M {\n  extensions 100 to 150;\n}\nenum E {\n  E_ZERO = 0;\n  reserved 1;\n}\nextend M { int32 ext2 = 101; }\n',
    },
  },
  {
    name: 'nothing: additions, reorders, widened reserved and extension ranges',
    base: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  reserved 5, 6;\n  reserved "X";\n}\nmessage M {\n  oneof o { int32 a = 1; }\n  reserved 10 to 20;\n  extensions 100 to 200;\n}\nservice S { rpc A(M) returns (M); }\nextend M { optional int32 e = 100; }\n',
    },
    head: {
      'a.proto':
        'syntax = "proto2";\npackage p;\n\nservice S {\n  rpc B(M) returns (M);\n  rpc A(M) returns (M);\n}\nmessage M {\n  reserved 5 to 25;\n  oneof o { int32 a = 1; int32 b = 2; }\n  extensions 50 to max;\n}\nenum E {\n  E_ZERO = 0;\n  E_ONE = 1;\n  E_TWO = 2;\n  reserved 5 to 10;\n  reserved "X", "Y";\n}\nextend M { optional int32 e = 100; }\nenum New { NEW_Z = 0; }\n',
    },
  },
];

deletionAgreements(SCENARIOS);

test('a file whose package is renamed deletes no message, enum or service from the file', () =>
  agreement({
    name: 'package renamed',
    base: {
      'a.proto': 'syntax = "proto3";\npackage acme.billing.v1;\nmessage Invoice {}\nenum E { E_ZERO = 0; }\nservice S { rpc G(Invoice) returns (Invoice); }\n',
    },
    head: {
      'a.proto': 'syntax = "proto3";\npackage acme.billing.v2;\nmessage Invoice {}\nenum E { E_ZERO = 0; }\nservice S { rpc G(Invoice) returns (Invoice); }\n',
    },
  }));
