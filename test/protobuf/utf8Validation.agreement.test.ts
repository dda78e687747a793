// FIELD_SAME_UTF8_VALIDATION against the real buf. (Syntax conversions are in editions.agreement.)
import { bufAgrees, EDITION, file, MINE, PROTO2, PROTO3 } from './agreementCases';

const EXTENSIONS_PROTO3 = `syntax = "proto3";
package p;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions {
  string tag = 50001;
  repeated string tags = 50002;
  bytes raw = 50004;
}
message M {
  extend google.protobuf.MessageOptions { string mtag = 50003; }
}
`;

bufAgrees([
  {
    name: 'string extensions stop validating UTF-8 from proto3 to proto2',
    bufYaml: MINE,
    base: file(EXTENSIONS_PROTO3),
    head: file(
      EXTENSIONS_PROTO3.replace('proto3', 'proto2')
        .replace('  string tag', '  optional string tag9')
        .replace('{ string mtag', '{ optional string mtag')
        .replace('  bytes raw', '  optional bytes raw'),
    ),
  },
  {
    name: 'a string field that becomes bytes is not a UTF-8 change',
    base: file(PROTO3),
    head: file(PROTO2.replace('optional string s = 1', 'optional bytes s = 1')),
  },
  {
    name: 'a map field with UTF-8 validation off in an edition',
    bufYaml: MINE,
    base: file(EDITION.replace('string s = 1;', 'map<string, string> m = 2;')),
    head: file(EDITION.replace('string s = 1;', 'map<string, string> m = 2 [features.utf8_validation = NONE];')),
  },
  {
    name: 'a field-level utf8_validation added to an existing option list',
    base: file(EDITION.replace('string s = 1;', 'string s = 1 [deprecated = true];')),
    head: file(EDITION.replace('string s = 1;', 'string s = 1 [deprecated = true, features.utf8_validation = NONE];')),
  },
]);

// Found by the mutation generator (seed 20513, protobuf's unittest.proto): a file-level `option features = { … }`
// aggregate sets utf8_validation for Java's reading too, so a field moved to a proto3 file changes both.
const UTF8_RULES = 'version: v2\nbreaking:\n  use: [FIELD_SAME_JAVA_UTF8_VALIDATION, FIELD_SAME_UTF8_VALIDATION]\n';
const AGGREGATE_NONE = 'edition = "2023";\npackage p;\noption features = {\n  enum_type: CLOSED\n  utf8_validation: NONE\n};\n';

bufAgrees([
  {
    name: 'a string field under a features aggregate with utf8_validation NONE moves to a proto3 file',
    bufYaml: UTF8_RULES,
    base: { 'a.proto': `${AGGREGATE_NONE}message M {\n  string c = 3 [ctype = CORD];\n}\n`, 'b.proto': 'syntax = "proto3";\npackage p;\n' },
    head: { 'a.proto': AGGREGATE_NONE, 'b.proto': 'syntax = "proto3";\npackage p;\nmessage M {\n  string c = 3 [ctype = CORD];\n}\n' },
  },
  {
    name: 'a file under a features aggregate with utf8_validation NONE becomes proto3',
    bufYaml: UTF8_RULES,
    base: { 'a.proto': `${AGGREGATE_NONE}message M {\n  string c = 3;\n}\n` },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {\n  string c = 3;\n}\n' },
  },
]);
