// The real buf agrees with us on files converted between proto2, proto3 and editions 2023/2024, and on features set at
// file, message, enum and field level: whole-file scenarios for ENUM_SAME_TYPE, ENUM_SAME_JSON_FORMAT, MESSAGE_SAME_JSON_FORMAT
// and FIELD_SAME_UTF8_VALIDATION together. Cases about one of these families are in <family>.agreement.test.ts.
import { bufAgrees, EDITION, file, MINE, MINE_V1, PROTO2, PROTO3 } from './agreementCases';

const EDITION_LIKE_PROTO3 = `edition = "2023";
package p;
option features.field_presence = IMPLICIT;
message M {
  string s = 1;
  E e = 2;
  repeated string rs = 3;
  string os = 4 [features.field_presence = EXPLICIT];
  map<string, string> m = 5;
  oneof o { string a = 6; }
  message N { string t = 1; }
}
enum E { E_UNSPECIFIED = 0; }
`;

const EDITION_LIKE_PROTO2 = `edition = "2023";
package p;
option features.utf8_validation = NONE;
option features.json_format = LEGACY_BEST_EFFORT;
option features.enum_type = CLOSED;
option features.repeated_field_encoding = EXPANDED;
message M {
  string s = 1;
  E e = 2;
  repeated string rs = 3;
  string os = 4;
  map<string, string> m = 5;
  oneof o { string a = 6; }
  message N { string t = 1; }
}
enum E { E_UNSPECIFIED = 0; }
`;

const EDITION_OWN_OPTIONS = `edition = "2023";
package p;
message M {
  option features.json_format = LEGACY_BEST_EFFORT;
  string s = 1 [features.utf8_validation = NONE];
  message N { string t = 1; }
  enum F { option features.enum_type = CLOSED;
    F_UNSPECIFIED = 0; }
}
enum E { option features.json_format = LEGACY_BEST_EFFORT; E_UNSPECIFIED = 0; }
`;

const V1_WIRE_JSON = 'version: v1\nbreaking:\n  use: [WIRE_JSON]\n';
const V2_WIRE_JSON = 'version: v2\nbreaking:\n  use: [WIRE_JSON]\n';
const V1_WIRE = 'version: v1\nbreaking:\n  use: [WIRE]\n';
const V2_WIRE = 'version: v2\nbreaking:\n  use: [WIRE]\n';
const V1_PACKAGE = 'version: v1\nbreaking:\n  use: [PACKAGE]\n';
const V2_PACKAGE = 'version: v2\nbreaking:\n  use: [PACKAGE]\n';
const V1_FILE = 'version: v1\nbreaking:\n  use: [FILE]\n';

bufAgrees([
  { name: 'proto3 to proto2 closes enums, drops JSON support and UTF-8 validation', base: file(PROTO3), head: file(PROTO2) },
  { name: 'proto2 to proto3 opens enums and starts validating UTF-8', base: file(PROTO2), head: file(PROTO3) },
  { name: 'proto3 to proto2 under v1 FILE', bufYaml: V1_FILE, base: file(PROTO3), head: file(PROTO2) },
  { name: 'proto3 to proto2 under v1 PACKAGE', bufYaml: V1_PACKAGE, base: file(PROTO3), head: file(PROTO2) },
  { name: 'proto3 to proto2 under v2 PACKAGE', bufYaml: V2_PACKAGE, base: file(PROTO3), head: file(PROTO2) },
  { name: 'proto3 to proto2 under v1 WIRE_JSON', bufYaml: V1_WIRE_JSON, base: file(PROTO3), head: file(PROTO2) },
  { name: 'proto3 to proto2 under v2 WIRE_JSON', bufYaml: V2_WIRE_JSON, base: file(PROTO3), head: file(PROTO2) },
  { name: 'proto3 to proto2 under v1 WIRE (none of these rules)', bufYaml: V1_WIRE, base: file(PROTO3), head: file(PROTO2) },
  { name: 'proto3 to proto2 under v2 WIRE (none of these rules)', bufYaml: V2_WIRE, base: file(PROTO3), head: file(PROTO2) },
  { name: 'nothing but the syntax changes from proto3 to an equivalent edition 2023', base: file(PROTO3), head: file(EDITION_LIKE_PROTO3) },
  { name: 'nothing but the syntax changes from an equivalent edition 2023 back to proto3', base: file(EDITION_LIKE_PROTO3), head: file(PROTO3) },
  { name: 'nothing but the syntax changes from proto2 to an equivalent edition 2023', bufYaml: MINE, base: file(PROTO2), head: file(EDITION_LIKE_PROTO2) },
  {
    name: 'nothing but the syntax changes from an equivalent edition 2023 back to proto2',
    bufYaml: MINE_V1,
    base: file(EDITION_LIKE_PROTO2),
    head: file(PROTO2),
  },
  { name: 'proto3 to an edition with proto2 features set at file level', bufYaml: MINE, base: file(PROTO3), head: file(EDITION_LIKE_PROTO2) },
  {
    name: 'file-level features are reported on each element',
    base: file(EDITION),
    head: file(
      EDITION.replace(
        'package p;\n',
        'package p;\noption features.utf8_validation = NONE;\noption features.json_format = LEGACY_BEST_EFFORT;\noption features.enum_type = CLOSED;\n',
      ),
    ),
  },
  { name: 'features set on the element itself are reported at the option', base: file(EDITION), head: file(EDITION_OWN_OPTIONS) },
  { name: 'removing the element options reopens the enum and restores UTF-8 validation', base: file(EDITION_OWN_OPTIONS), head: file(EDITION) },
  { name: 'features set on the element under v2 WIRE_JSON', bufYaml: V2_WIRE_JSON, base: file(EDITION), head: file(EDITION_OWN_OPTIONS) },
  {
    name: 'nothing changes when a feature is set explicitly to its default',
    base: file(EDITION),
    head: file(
      EDITION.replace(
        'package p;\n',
        'package p;\noption features.enum_type = OPEN;\noption features.json_format = ALLOW;\noption features.utf8_validation = VERIFY;\n',
      ),
    ),
  },
  {
    name: 'nothing breaks from edition 2023 to edition 2024 with the same features',
    base: file('edition = "2023";\npackage p;\nmessage Msg {\n  string name = 1;\n}\nenum Kind {\n  KIND_UNSPECIFIED = 0;\n}\n'),
    head: file('edition = "2024";\npackage p;\nmessage Msg {\n  string name = 1;\n}\nenum Kind {\n  KIND_UNSPECIFIED = 0;\n}\n'),
  },
  {
    name: 'edition 2024 with proto2 features, from proto3',
    base: file('syntax = "proto3";\npackage p;\nmessage Msg {\n  string name = 1;\n}\nenum Kind {\n  KIND_UNSPECIFIED = 0;\n}\n'),
    head: file(
      'edition = "2024";\npackage p;\noption features.enum_type = CLOSED;\nmessage Msg {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  string name = 1 [features.utf8_validation = NONE];\n}\nenum Kind {\n  KIND_UNSPECIFIED = 0;\n}\n',
    ),
  },
  {
    name: 'a message moved into another file keeps its features compared across files',
    base: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage A { string s = 1; }\n', 'b.proto': 'syntax = "proto2";\npackage p;\n' },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\n', 'b.proto': 'syntax = "proto2";\npackage p;\nmessage A { optional string s = 1; }\n' },
  },
]);
