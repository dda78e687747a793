// ENUM_SAME_JSON_FORMAT and MESSAGE_SAME_JSON_FORMAT against the real buf. (Syntax conversions are in editions.agreement.)
import { bufAgrees, EDITION, file, MINE_V1, PROTO2, PROTO3 } from './agreementCases';

bufAgrees([
  {
    name: 'nothing is reported when JSON support is restored to ALLOW',
    base: file(EDITION.replace('package p;\n', 'package p;\noption features.json_format = LEGACY_BEST_EFFORT;\n')),
    head: file(EDITION),
  },
  {
    name: 'message-level json_format reaches nested messages and enums',
    base: file(EDITION),
    head: file(EDITION.replace('message M {\n', 'message M {\n  option features.json_format = LEGACY_BEST_EFFORT;\n')),
  },
  {
    name: 'proto2 to proto3 under v1 WIRE_JSON reports nothing of JSON format (only a downgrade counts)',
    bufYaml: MINE_V1,
    base: file(PROTO2),
    head: file(PROTO3),
  },
]);
