// ENUM_NO_DELETE (rules/enumDeletion.ts): top-level enums at 1:1, nested ones on their message, the restore fix, and
// half-typed heads that say what was not compared.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';

ruleCases('ENUM_NO_DELETE', [
  {
    name: 'a top-level enum is reported at 1:1 and restored',
    base: `${P3}\nmessage M {}\n\n// Colors.\nenum C {\n  C_Z = 0;\n}\n`,
    head: `${P3}\nmessage M {}\n`,
    expect: ['1:1 Previously present enum "C" was deleted from file.'],
    fixed: `${P3}\nmessage M {}\n\n// Colors.\nenum C {\n  C_Z = 0;\n}\n`,
  },
  {
    name: 'a nested enum is reported on its message and restored inside it',
    base: `${P3}message M {\n  int32 a = 1;\n  enum K { K_Z = 0; }\n}\n`,
    head: `${P3}message M {\n  int32 a = 1;\n}\n`,
    expect: ['3:1 Previously present enum "M.K" was deleted from file.'],
    fixed: `${P3}message M {\n  int32 a = 1;\n  enum K { K_Z = 0; }\n}\n`,
  },
  {
    name: 'a half-typed head with a syntax error says so instead',
    base: `${P3}enum C { C_Z = 0; }\nmessage M {}\n`,
    head: `${P3}message M {\n  int32 = \n`,
    expect: [],
    notChecked: ["example.proto: syntax error at 4:9: expected a field name, found '=' — declarations there were not compared"],
  },
]);
