// FILE_NO_DELETE: deleted and renamed files, module-relative names in buf.yaml v1 and v2 layouts.
import { ruleCases } from '../support/ruleCases';

const A = 'syntax = "proto3";\npackage p;\nmessage A {}\n';

ruleCases('FILE_NO_DELETE', [
  {
    name: 'a well-known file whose last import is dropped is reported on the file that imported it, 1:1',
    base: {
      'a.proto': 'syntax = "proto3";\npackage p;\nimport "google/protobuf/api.proto";\n',
      'b.proto': 'syntax = "proto3";\npackage p;\nimport "google/protobuf/type.proto";\n',
    },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\n', 'b.proto': 'syntax = "proto3";\npackage p;\nimport "google/protobuf/type.proto";\n' },
    expect: ['a.proto:1:1 Previously present file "google/protobuf/api.proto" was deleted.'],
  },
  {
    name: 'a half-typed import at head does not delete the well-known file',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nimport "google/protobuf/any.proto";\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nimport "google/protobuf/any.proto\n' },
    expect: [],
    notChecked: ['a.proto: syntax error at 3:8: unterminated string — declarations there were not compared'],
  },
  {
    name: 'a deleted file is reported at its own path, 1:1',
    base: { 'a.proto': A, 'b.proto': 'syntax = "proto3";\npackage p;\n' },
    head: { 'a.proto': A },
    expect: ['b.proto:1:1 Previously present file "b.proto" was deleted.'],
  },
  {
    name: 'a renamed file is still a deletion to buf, reported on the file it became',
    base: { 'old.proto': A },
    head: { 'new.proto': A },
    renames: { 'new.proto': 'old.proto' },
    expect: ['new.proto:1:1 Previously present file "old.proto" was deleted.'],
  },
  {
    name: 'a v2 module names the file relative to its path',
    files: { 'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n' },
    base: { 'proto/x/a.proto': A, 'proto/x/b.proto': 'syntax = "proto3";\npackage x;\n' },
    head: { 'proto/x/a.proto': A },
    expect: ['proto/x/b.proto:1:1 Previously present file "x/b.proto" was deleted.'],
  },
  {
    name: 'a v1 workspace names the file relative to its directory',
    files: { 'buf.work.yaml': 'version: v1\ndirectories: [proto]\n', 'buf.yaml': 'version: v1\n' },
    base: { 'proto/x/a.proto': A, 'proto/x/b.proto': 'syntax = "proto3";\npackage x;\n' },
    head: { 'proto/x/a.proto': A },
    expect: ['proto/x/b.proto:1:1 Previously present file "x/b.proto" was deleted.'],
  },
  {
    name: 'files outside the modules are not compared',
    // The module directory must exist (buf refuses a module path that names nothing; so do we, see strictGate.test.ts).
    files: { 'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n', 'proto/keep.proto': 'syntax = "proto3";\npackage keep;\n' },
    base: { 'other/a.proto': A },
    head: {},
    expect: [],
  },
  {
    name: 'a v2 ignore path relative to buf.yaml exempts the file',
    files: { 'buf.yaml': 'version: v2\nmodules:\n  - path: proto\nbreaking:\n  ignore: [proto/x]\n' },
    base: { 'proto/x/b.proto': A },
    head: {},
    expect: [],
  },
  {
    name: 'a buf.yaml that cannot be parsed is said, not a crash',
    files: { 'buf.yaml': 'version: v2\nbreaking: [\n' },
    base: { 'b.proto': A },
    head: {},
    expect: [],
    notChecked: [
      'buf.yaml: buf.yaml could not be used, so protobuf files were not compared: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ])',
    ],
  },
  {
    name: 'an unknown rule in buf.yaml is said',
    files: { 'buf.yaml': 'version: v2\nbreaking:\n  use: [FOO]\n' },
    base: { 'b.proto': A },
    head: {},
    expect: [],
    notChecked: ['buf.yaml: buf.yaml could not be used, so protobuf files were not compared: "FOO" is not a known rule or category ID'],
  },
]);
