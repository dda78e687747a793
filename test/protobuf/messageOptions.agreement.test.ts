// buf and Graycheck agree on MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';
import { FIELD_OPTION_RULES as FIELD_RULES } from './agreementCases';

test('message options: no_standard_descriptor_accessor turned on, off, and written as false', () =>
  agreement({
    name: 'descriptor accessor',
    bufYaml: FIELD_RULES,
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nmessage A {}\nmessage B {\n  option no_standard_descriptor_accessor = true;\n}\nmessage C {}\nmessage D {\n  message E {}\n}\n',
    },
    head: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nmessage A {\n  option no_standard_descriptor_accessor = true;\n}\nmessage B {}\nmessage C {\n  option no_standard_descriptor_accessor = false;\n}\nmessage D {\n  message E { option no_standard_descriptor_accessor = true; }\n}\n',
    },
  }));
