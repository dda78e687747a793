// ENUM_NO_DELETE against the real buf, with the other deletion rules and under v1 and v2 categories.
import { deletionAgreements } from './agreementCases';

deletionAgreements([
  {
    name: 'nested enums go with their messages and are reported on the nearest surviving ancestor',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nmessage A {\n  message B {\n    enum C { C_Z = 0; C_ONE = 1; }\n    enum D { D_Z = 0; }\n  }\n  enum X { X_Z = 0; }\n  map<string, int32> m = 1;\n}\nmessage K {\n  enum Y { Y_Z = 0; }\n}\n',
    },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage A {\n}\nmessage K {\n  enum Y { Y_Z = 0; }\n}\n' },
  },
]);
