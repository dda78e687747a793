// FILE_SAME_PACKAGE and FILE_SAME_SYNTAX (rules/fileIdentity.ts): buf's texts and locations, half-typed heads, and the
// revert fixes.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage acme.v1;\n';

ruleCases('FILE_SAME_PACKAGE', [
  {
    name: 'a changed package is reported on the statement and reverted',
    base: `${P3}message M {}\n`,
    head: 'syntax = "proto3";\npackage acme.v2;\nmessage M {}\n',
    expect: ['2:1 File package changed from "acme.v1" to "acme.v2".'],
    fixed: `${P3}message M {}\n`,
  },
  {
    name: 'a removed package is reported at 1:1 and restored',
    base: `${P3}message M {}\n`,
    head: 'syntax = "proto3";\nmessage M {}\n',
    expect: ['1:1 File package changed from "acme.v1" to "".'],
    fixed: `${P3}message M {}\n`,
  },
  {
    name: 'a half-typed package is not compared',
    base: `${P3}message M {}\n`,
    head: 'syntax = "proto3";\npackage acme.\nmessage M {}\n',
    expect: [],
    notChecked: ["example.proto: syntax error at 3:9: expected ';', found 'M' — declarations there were not compared"],
  },
]);

ruleCases('FILE_SAME_SYNTAX', [
  { name: 'proto3 to editions', base: P3, head: 'edition = "2023";\npackage acme.v1;\n', expect: ['1:1 File syntax changed from "proto3" to "editions".'] },
  { name: 'no syntax statement is proto2', base: 'package acme.v1;\n', head: 'syntax = "proto2";\npackage acme.v1;\n', expect: [] },
  { name: 'edition 2023 to 2024 is still editions', base: 'edition = "2023";\npackage p;\n', head: 'edition = "2024";\npackage p;\n', expect: [] },
]);
