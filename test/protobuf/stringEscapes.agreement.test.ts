// String literals against the real buf: escapes decode to the same text as literal characters wherever a rule compares
// strings (file options, reserved names, json_name).
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';

test('string escapes: octal, hex and unicode escapes decode to the same text as literal characters', () =>
  agreement({
    name: 'string escapes',
    bufYaml: 'version: v2\nbreaking:\n  use: [FILE, WIRE_JSON]\n',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\noption go_package = "a\\001\\303\\251";\noption java_package = "b\\x41\\u00e9";\nmessage M {\n  reserved "\\x41B", "C";\n  string h = 8 [json_name = "h\\x41"];\n}\n',
    },
    head: {
      'a.proto':
        'syntax = "proto3";\npackage p;\noption go_package = "a\\002é";\noption java_package = "bAé";\nmessage M {\n  reserved "AB", "\\103";\n  string h = 8 [json_name = "hA"];\n}\n',
    },
  }));
