// MESSAGE_NO_DELETE: top-level deletions at 1:1, nested ones on the enclosing message, map entries and groups, moves between files.
import { ruleCases } from '../support/ruleCases';

ruleCases('MESSAGE_NO_DELETE', [
  {
    name: 'a deleted top-level message is reported at the start of its file and can be restored',
    base: 'syntax = "proto3";\npackage p;\n\nmessage A {}\n\n// Gone soon.\nmessage B {\n  int32 x = 1;\n}\n',
    head: 'syntax = "proto3";\npackage p;\n\nmessage A {}\n',
    expect: ['1:1 Previously present message "B" was deleted from file.'],
    fixed: 'syntax = "proto3";\npackage p;\n\nmessage A {}\n\n// Gone soon.\nmessage B {\n  int32 x = 1;\n}\n',
  },
  {
    name: 'a deleted nested message is reported on its parent and restored inside it',
    base: 'syntax = "proto3";\npackage p;\nmessage A {\n  int32 x = 1;\n  message N {}\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage A {\n  int32 x = 1;\n}\n',
    expect: ['3:1 Previously present message "A.N" was deleted from file.'],
    fixed: 'syntax = "proto3";\npackage p;\nmessage A {\n  int32 x = 1;\n  message N {}\n}\n',
  },
  {
    name: 'a deleted parent takes its nested messages with it, all at 1:1',
    base: 'syntax = "proto3";\npackage p;\nmessage A {\n  message N { message D {} }\n}\nmessage B {}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage B {}\n',
    expect: [
      '1:1 Previously present message "A" was deleted from file.',
      '1:1 Previously present message "A.N" was deleted from file.',
      '1:1 Previously present message "A.N.D" was deleted from file.',
    ],
  },
  {
    name: 'a deleted map field deletes its entry message',
    base: 'syntax = "proto3";\npackage p;\nmessage A {\n  map<string, int32> tag_counts = 1;\n}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage A {\n}\n',
    expect: ['3:1 Previously present message "A.TagCountsEntry" was deleted from file.'],
  },
  {
    name: 'moving a message to another file of the package is a deletion from the file',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\n', 'b.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\n' },
    expect: ['a.proto:1:1 Previously present message "M" was deleted from file.'],
  },
  {
    name: 'the PACKAGE category does not include it',
    files: { 'buf.yaml': 'version: v1\nbreaking:\n  use: [PACKAGE]\n' },
    base: 'syntax = "proto3";\npackage p;\nmessage M {}\n',
    head: 'syntax = "proto3";\npackage p;\n',
    expect: [],
  },
  {
    name: 'a deleted file reports no message deletions',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\n' },
    head: {},
    expect: [],
  },
  {
    name: 'a stray brace at the top level hides deletions',
    base: 'syntax = "proto3";\npackage p;\nmessage A {}\nmessage B {}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage A {}\n}\n',
    expect: [],
    notChecked: ["example.proto: syntax error at 4:1: unexpected '}' — declarations there were not compared"],
  },
  {
    name: 'unbalanced braces in the head never become phantom deletions',
    base: 'syntax = "proto3";\npackage p;\nmessage A { message N {} }\nmessage B {}\n',
    head: 'syntax = "proto3";\npackage p;\nmessage A { message N { }\nmessage B {}\n',
    expect: [],
    notChecked: ['example.proto: syntax error at 5:1: message "A" is missing its closing \'}\' — declarations there were not compared'],
  },
]);

ruleCases('MESSAGE_NO_DELETE', [
  {
    name: 'a file whose package changed keeps its messages: buf matches them by their name inside the package',
    base: 'syntax = "proto3";\npackage acme.v1;\nmessage User { string name = 1; message Address {} }\n',
    head: 'syntax = "proto3";\npackage acme.v2;\nmessage User { string name = 1; message Address {} }\n',
    expect: [],
  },
]);
