// FIELD_SAME_CARDINALITY, FIELD_WIRE_COMPATIBLE_CARDINALITY and FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY
// (rules/fieldCardinality.ts): labels, presence, maps and editions features, and the revert fixes.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';
const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('FIELD_SAME_CARDINALITY', [
  {
    name: 'proto3 optional added is explicit presence, and reverting removes the label',
    base: `${P3}message M {\n  int32 a = 1;\n}\n`,
    head: `${P3}message M {\n  optional int32 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed cardinality from "optional with implicit presence" to "optional with explicit presence".'],
    fixed: `${P3}message M {\n  int32 a = 1;\n}\n`,
  },
  {
    name: 'repeated to optional in proto2, and reverting puts repeated back',
    base: `${P2}message M {\n  repeated int32 a = 1;\n}\n`,
    head: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed cardinality from "repeated" to "optional with explicit presence".'],
    fixed: `${P2}message M {\n  repeated int32 a = 1;\n}\n`,
  },
  {
    name: 'a proto3 message field always has explicit presence, so optional adds nothing',
    base: `${P3}message N {}\nmessage M { N n = 1; }\n`,
    head: `${P3}message N {}\nmessage M { optional N n = 1; }\n`,
    expect: [],
  },
  {
    name: 'editions LEGACY_REQUIRED is required',
    base: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1 [features.field_presence = LEGACY_REQUIRED]; }\n',
    expect: ['3:13 Field "1" with name "a" on message "M" changed cardinality from "optional with explicit presence" to "required".'],
  },
  {
    name: 'explicit presence set to its editions default is no change',
    base: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1; }\n',
    head: 'edition = "2023";\npackage p;\nmessage M { int32 a = 1 [features.field_presence = EXPLICIT]; }\n',
    expect: [],
  },
  {
    name: 'map to repeated entry message',
    base: `${P3}message M {\n  map<string, int32> k = 1;\n}\n`,
    head: `${P3}message M {\n  repeated KEntry k = 1;\n  message KEntry { string key = 1; int32 value = 2; }\n}\n`,
    expect: ['4:3 Field "1" with name "k" on message "M" changed cardinality from "map" to "repeated".'],
  },
]);

ruleCases('FIELD_WIRE_COMPATIBLE_CARDINALITY', [
  {
    name: 'presence is not on the wire, map to repeated is the same bytes',
    base: `${P3}message M {\n  int32 a = 1;\n  map<string, int32> k = 2;\n}\n`,
    head: `${P3}message M {\n  optional int32 a = 1;\n  repeated KEntry k = 2;\n  message KEntry { string key = 1; int32 value = 2; }\n}\n`,
    expect: [],
  },
  {
    name: 'required to optional breaks the wire',
    base: `${P2}message M {\n  required int32 a = 1;\n}\n`,
    head: `${P2}message M {\n  optional int32 a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed cardinality from "required" to "optional with explicit presence".'],
    fixed: `${P2}message M {\n  required int32 a = 1;\n}\n`,
  },
]);

ruleCases('FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY', [
  {
    name: 'map to repeated changes the JSON',
    base: `${P3}message M {\n  map<string, int32> k = 1;\n}\n`,
    head: `${P3}message M {\n  repeated KEntry k = 1;\n  message KEntry { string key = 1; int32 value = 2; }\n}\n`,
    expect: ['4:3 Field "1" with name "k" on message "M" changed cardinality from "map" to "repeated".'],
  },
  {
    name: 'implicit to explicit presence keeps the JSON',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}message M { optional int32 a = 1; }\n`,
    expect: [],
  },
]);
