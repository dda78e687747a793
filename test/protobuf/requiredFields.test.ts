// MESSAGE_SAME_REQUIRED_FIELDS (rules/requiredFields.ts): required fields added and deleted, editions LEGACY_REQUIRED, and
// the revert fix.
import { ruleCases } from '../support/ruleCases';

const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('MESSAGE_SAME_REQUIRED_FIELDS', [
  {
    name: 'an added required field is reported on it, and reverting makes it optional',
    base: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
    head: `${P2}message M {\n  required int32 a = 1;\n}\n`,
    expect: [
      '4:3 Message "M" had required field "1" added. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.',
    ],
    fixed: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
  },
  {
    name: 'a deleted required field is reported on the message',
    base: `${P2}message M {\n  required int32 a = 1;\n}\n`,
    head: `${P2}message M {\n}\n`,
    expect: [
      '3:1 Message "M" had required field "1" deleted. Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.',
    ],
  },
  {
    name: 'editions LEGACY_REQUIRED does not count',
    base: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1 [features.field_presence = LEGACY_REQUIRED]; }\n',
    expect: [],
  },
]);
