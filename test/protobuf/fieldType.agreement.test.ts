// The field type rules against the real buf. (Type changes of every kind are also in fieldChanges.agreement's scenarios.)
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

test('buf agrees on a renamed group: the type-change rules point at the group keyword', () =>
  agreement({
    name: 'group renamed',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, WIRE_JSON, WIRE]\n',
    base: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage Product {\n  repeated group Variant = 11 {\n    optional string sku = 1;\n  }\n}\n' },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage Product {\n  repeated group Option = 11 {\n    optional string sku = 1;\n  }\n}\n' },
  }));
