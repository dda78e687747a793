// MESSAGE_NO_DELETE for messages deleted with their parent (issue 11): each on the nearest surviving ancestor.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';

ruleCases('MESSAGE_NO_DELETE', [
  {
    name: 'issue 11: messages deleted with their nested parent are reported on the nearest surviving ancestor',
    base: `${P3}message A {\n  int32 x = 1;\n  message N {\n    message D {\n      message E {}\n    }\n  }\n}\n`,
    head: `${P3}message A {\n  int32 x = 1;\n}\n`,
    expect: [
      '3:1 Previously present message "A.N" was deleted from file.',
      '3:1 Previously present message "A.N.D" was deleted from file.',
      '3:1 Previously present message "A.N.D.E" was deleted from file.',
    ],
  },
  {
    name: 'a surviving grandparent is the nearest ancestor when the parent is gone too',
    base: `${P3}message A {\n  message B {\n    message C {\n      message D {}\n    }\n    message K {}\n  }\n}\n`,
    head: `${P3}message A {\n  message B {\n    message K {}\n  }\n}\n`,
    expect: ['4:3 Previously present message "A.B.C" was deleted from file.', '4:3 Previously present message "A.B.C.D" was deleted from file.'],
  },
]);
