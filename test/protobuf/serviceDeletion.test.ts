// SERVICE_NO_DELETE and RPC_NO_DELETE (rules/serviceDeletion.ts): where each finding lands and the restore fixes.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';
const SERVICE = `${P3}message R {}\nservice S {\n  rpc A(R) returns (R);\n  rpc B(R) returns (R);\n}\n`;

ruleCases('SERVICE_NO_DELETE', [
  {
    name: 'a deleted service is reported at 1:1 and restored',
    base: SERVICE,
    head: `${P3}message R {}\n`,
    expect: ['1:1 Previously present service "S" was deleted from file.'],
    fixed: `${P3}message R {}\n\nservice S {\n  rpc A(R) returns (R);\n  rpc B(R) returns (R);\n}\n`,
  },
]);

ruleCases('RPC_NO_DELETE', [
  {
    name: 'a deleted rpc is reported on its service and restored',
    base: SERVICE,
    head: `${P3}message R {}\nservice S {\n  rpc A(R) returns (R);\n}\n`,
    expect: ['4:1 Previously present RPC "B" on service "S" was deleted.'],
    fixed: SERVICE,
  },
  { name: 'rpcs of a deleted service are not reported', base: SERVICE, head: `${P3}message R {}\n`, expect: [] },
]);
