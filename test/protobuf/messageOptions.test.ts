// The message option rules (rules/messageOptions.ts): no_standard_descriptor_accessor and its fix, and the deprecated
// MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT.
import { ruleCases } from '../support/ruleCases';
import { deprecatedIdNeverReports } from './deprecatedIdCases';

const P3 = 'syntax = "proto3";\npackage acme.v1;\n';

ruleCases('MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR', [
  {
    name: 'turning it on is reported on the option and the fix removes it',
    base: `${P3}message M {\n  string s = 1;\n}\n`,
    head: `${P3}message M {\n  option no_standard_descriptor_accessor = true;\n  string s = 1;\n}\n`,
    expect: ['4:3 Message option "no_standard_descriptor_accessor" changed from "false" to "true".'],
    fixed: `${P3}message M {\n  string s = 1;\n}\n`,
  },
  {
    name: 'turning it off or writing false is fine',
    base: `${P3}message M {\n  option no_standard_descriptor_accessor = true;\n}\nmessage N {}\n`,
    head: `${P3}message M {}\nmessage N {\n  option no_standard_descriptor_accessor = false;\n}\n`,
    expect: [],
  },
]);

deprecatedIdNeverReports('MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT');
