// Leading-dot (fully qualified) type references resolve like any other spelling (issue 11): the type rules and the
// presence rule see the type, and the revert fix writes back the base's spelling.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage pkg;\nenum E1 {\n  E1_ZERO = 0;\n}\nenum E2 {\n  E2_ZERO = 0;\n}\nmessage Inner {}\n';

ruleCases('FIELD_SAME_TYPE', [
  {
    name: 'issue 11: an enum field changed to another enum written with a leading dot is reported',
    base: `${P3}message M { E1 f = 1; }\n`,
    head: `${P3}message M { .pkg.E2 f = 1; }\n`,
    expect: ['10:13 Field "1" with name "f" on message "M" changed type from "pkg.E1" to "pkg.E2".'],
    fixed: `${P3}message M { E1 f = 1; }\n`,
  },
  {
    name: 'a leading-dot reference changed back to a relative one of another type is reported',
    base: `${P3}message M { .pkg.Inner f = 1; }\n`,
    head: `${P3}message M { E1 f = 1; }\n`,
    expect: ['10:13 Field "1" with name "f" on message "M" changed type from "message" to "enum".'],
  },
]);

ruleCases('FIELD_SAME_CARDINALITY', [
  {
    name: 'issue 11: a scalar that becomes a leading-dot message gains presence',
    base: `${P3}message M { int32 f = 1; }\n`,
    head: `${P3}message M { .pkg.Inner f = 1; }\n`,
    expect: ['10:13 Field "1" with name "f" on message "M" changed cardinality from "optional with implicit presence" to "optional with explicit presence".'],
  },
]);

ruleCases('FIELD_WIRE_COMPATIBLE_TYPE', [
  {
    name: 'issue 11: a leading-dot message that becomes a scalar is not wire compatible',
    base: `${P3}message M { .pkg.Inner f = 1; }\n`,
    head: `${P3}message M { int64 f = 1; }\n`,
    expect: [
      '10:13 Field "1" with name "f" on message "M" changed type from "message" to "int64". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.',
    ],
  },
]);
