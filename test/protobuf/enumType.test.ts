// ENUM_SAME_TYPE (rules/enumType.ts): open and closed enums by syntax and editions features — where buf reports them,
// what it says, "Revert to the base value", and half-typed heads.
import { ruleCases } from '../support/ruleCases';

const ED = 'edition = "2023";\npackage p;\n';

ruleCases('ENUM_SAME_TYPE', [
  {
    name: 'proto3 to proto2 closes an enum, reported on the enum; the fix puts the syntax line back',
    base: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    head: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    expect: ['3:1 Enum "E" changed from open to closed.'],
    fixed: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
  },
  {
    name: 'an enum closed by its own option is reported at the option, and the fix sets it back',
    base: ED + 'enum E {\n  E_UNSPECIFIED = 0;\n}\n',
    head: ED + 'enum E {\n  option features.enum_type = CLOSED;\n  E_UNSPECIFIED = 0;\n}\n',
    expect: ['4:3 Enum "E" changed from open to closed.'],
    fixed: ED + 'enum E {\n  option features.enum_type = OPEN;\n  E_UNSPECIFIED = 0;\n}\n',
  },
  {
    name: 'a file-level option closes a nested enum, reported on the enum; the fix sets the base value on it',
    base: ED + 'message M {\n  enum F { F_UNSPECIFIED = 0; }\n}\n',
    head: ED + 'option features.enum_type = CLOSED;\nmessage M {\n  enum F { F_UNSPECIFIED = 0; }\n}\n',
    expect: ['5:3 Enum "F" changed from open to closed.'],
    fixed: ED + 'option features.enum_type = CLOSED;\nmessage M {\n  enum F {\n    option features.enum_type = OPEN; F_UNSPECIFIED = 0; }\n}\n',
  },
  {
    name: 'proto2 to proto3 opens an enum',
    base: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    head: 'syntax = "proto3";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
    expect: ['3:1 Enum "E" changed from closed to open.'],
    fixed: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\n',
  },
  {
    name: 'an aggregate features option is reported at its enum_type entry',
    base: ED + 'enum E { E_UNSPECIFIED = 0; }\n',
    head: ED + 'enum E { option features = { enum_type: CLOSED }; E_UNSPECIFIED = 0; }\n',
    expect: ['3:30 Enum "E" changed from open to closed.'],
  },
  {
    name: 'setting the default explicitly and converting proto2 to an edition with closed enums report nothing',
    base: 'syntax = "proto2";\npackage p;\nenum E { E_UNSPECIFIED = 0; }\nenum G { G_UNSPECIFIED = 0; }\n',
    head: ED + 'option features.enum_type = CLOSED;\nenum E { E_UNSPECIFIED = 0; }\nenum G { option features.enum_type = CLOSED; G_UNSPECIFIED = 0; }\n',
    expect: [],
  },
  {
    name: 'a half-typed value is not read as a change',
    base: ED + 'enum E { option features.enum_type = CLOSED; E_UNSPECIFIED = 0; }\n',
    head: ED + 'enum E { option features.enum_type = OPE; E_UNSPECIFIED = 0; }\n',
    expect: [],
  },
  {
    name: 'a half-typed option name in the enum says what was not compared instead of reporting',
    base: ED + 'enum E {\n  option features.enum_type = CLOSED;\n  E_UNSPECIFIED = 0;\n}\n',
    head: ED + 'enum E {\n  option features.enum_ty\n  E_UNSPECIFIED = 0;\n}\n',
    expect: [],
    notChecked: ["example.proto: syntax error at 5:3: expected '=', found 'E_UNSPECIFIED' — declarations there were not compared"],
  },
]);
