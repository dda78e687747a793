// ONEOF_NO_DELETE (rules/oneofDeletion.ts): the restore fix, and proto3 optional's synthetic oneofs, which do not count.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';

ruleCases('ONEOF_NO_DELETE', [
  {
    name: 'a deleted oneof is restored',
    base: `${P3}message M {\n  int32 x = 1;\n  oneof o {\n    int32 a = 2;\n  }\n}\n`,
    head: `${P3}message M {\n  int32 x = 1;\n}\n`,
    expect: ['3:1 Previously present oneof "o" on message "M" was deleted.'],
    fixed: `${P3}message M {\n  int32 x = 1;\n  oneof o {\n    int32 a = 2;\n  }\n}\n`,
  },
  {
    name: 'a proto3 optional field losing its synthetic oneof is not reported',
    base: `${P3}message M {\n  optional int32 x = 1;\n}\n`,
    head: `${P3}message M {\n  int32 x = 1;\n}\n`,
    expect: [],
  },
]);
