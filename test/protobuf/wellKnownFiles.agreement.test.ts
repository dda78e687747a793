// Well-known imports against the real buf (protobuf/wellKnownFiles.ts): dropping the last import deletes a file, and
// dropping every one deletes the google.protobuf package.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

// buf's image holds the well-known files the module imports (and what they import); ours reports them on the importer.
test('well-known imports: dropping the last import of timestamp.proto deletes it from the image, adding empty.proto is fine', () =>
  agreement({
    name: 'well-known imports: dropping the last import of timestamp.proto deletes it from the image, adding empty.proto is fine',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE]\n',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/duration.proto";\nmessage M { google.protobuf.Timestamp t = 1; google.protobuf.Duration d = 2; }\n',
    },
    head: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nimport "google/protobuf/duration.proto";\nimport "google/protobuf/empty.proto";\nmessage M { google.protobuf.Duration d = 2; google.protobuf.Empty e = 3; }\n',
    },
  }));
test('well-known imports: dropping every google.protobuf file deletes the package, with transitive imports', () =>
  agreement({
    name: 'well-known imports: dropping every google.protobuf file deletes the package, with transitive imports',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE]\n',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nimport "google/protobuf/struct.proto";\nimport "google/protobuf/api.proto";\nimport "google/protobuf/java_features.proto";\nmessage M { google.protobuf.Struct t = 1; }\n',
    },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M { reserved 1; }\n' },
  }));
test('well-known imports: features files in package pb, plugin.proto and what type.proto imports', () =>
  agreement({
    name: 'well-known imports: features files in package pb, plugin.proto and what type.proto imports',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, PACKAGE]\n',
    base: {
      'b.proto': 'syntax = "proto3";\npackage q;\nimport "google/protobuf/type.proto";\n',
      'x/a.proto':
        'edition = "2023";\npackage p;\nimport "google/protobuf/java_features.proto";\nimport "google/protobuf/cpp_features.proto";\nimport "google/protobuf/compiler/plugin.proto";\nmessage M {}\n',
    },
    head: {
      'b.proto': 'syntax = "proto3";\npackage q;\nimport "google/protobuf/any.proto";\n',
      'x/a.proto': 'edition = "2023";\npackage p;\nimport "google/protobuf/cpp_features.proto";\nmessage M {}\n',
    },
  }));
test('well-known imports: without a buf.yaml the dropped file is FILE_NO_DELETE alone', () =>
  agreement({
    name: 'well-known import dropped under the default',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nimport "google/protobuf/timestamp.proto";\nimport "google/protobuf/duration.proto";\nmessage M { google.protobuf.Timestamp t = 1; google.protobuf.Duration d = 2; }\n',
    },
    head: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nimport "google/protobuf/duration.proto";\nimport "google/protobuf/empty.proto";\nmessage M { google.protobuf.Duration d = 2; google.protobuf.Empty e = 3; }\n',
    },
  }));
