// FIELD_SAME_NAME, FIELD_SAME_JSON_NAME and FIELD_SAME_ONEOF (rules/fieldIdentity.ts): renames, JSON names, oneof moves,
// half-typed heads, and the revert fixes.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';
const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('FIELD_SAME_NAME', [
  {
    name: 'a renamed field is reported on its name, and reverting renames it back',
    base: `${P3}message M {\n  int32 foo_bar = 1;\n}\n`,
    head: `${P3}message M {\n  int32 fooBar = 1;\n}\n`,
    expect: ['4:9 Field "1" on message "M" changed name from "foo_bar" to "fooBar".'],
    fixed: `${P3}message M {\n  int32 foo_bar = 1;\n}\n`,
  },
  {
    name: 'a renamed extension is paired by extendee and number and named by full names',
    base: `${P2}message M { extensions 100 to 200; }\nmessage S {\n  extend M { optional int32 old = 100; }\n}\n`,
    head: `${P2}message M { extensions 100 to 200; }\nmessage S {\n  extend M { optional int32 renamed = 100; }\n}\n`,
    expect: ['5:29 Extension "100" on message "p.M" changed name from "p.S.old" to "p.S.renamed".'],
  },
  {
    name: 'a half-typed field in the message is not compared',
    base: `${P3}message M {\n  int32 a = 1;\n}\n`,
    head: `${P3}message M {\n  int32 b = 1;\n  strin\n}\n`,
    expect: [],
    notChecked: ["example.proto: syntax error at 6:1: expected a field name, found '}' — declarations there were not compared"],
  },
]);

ruleCases('FIELD_SAME_JSON_NAME', [
  {
    name: 'renaming keeps the JSON name when its lowerCamel form is the same',
    base: `${P3}message M { int32 foo_bar = 1; }\n`,
    head: `${P3}message M { int32 fooBar = 1; }\n`,
    expect: [],
  },
  {
    name: 'a renamed field changes its default JSON name, reported on the field; reverting pins the base JSON name',
    base: `${P3}message M {\n  int32 f = 1;\n}\n`,
    head: `${P3}message M {\n  int32 g = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "g" on message "M" changed option "json_name" from "f" to "g".'],
    fixed: `${P3}message M {\n  int32 g = 1 [json_name = "f"];\n}\n`,
  },
  {
    name: 'a changed json_name option is reported on the option',
    base: `${P3}message M {\n  int32 h = 1 [json_name = "hh"];\n}\n`,
    head: `${P3}message M {\n  int32 h = 1 [deprecated = true, json_name = "h2"];\n}\n`,
    expect: ['4:35 Field "1" with name "h" on message "M" changed option "json_name" from "hh" to "h2".'],
    fixed: `${P3}message M {\n  int32 h = 1 [deprecated = true, json_name = "hh"];\n}\n`,
  },
  {
    name: 'setting json_name to the default is no change',
    base: `${P3}message M { int32 foo_bar = 1; }\n`,
    head: `${P3}message M { int32 foo_bar = 1 [json_name = "fooBar"]; }\n`,
    expect: [],
  },
]);

ruleCases('FIELD_SAME_ONEOF', [
  {
    name: 'a field moved into a oneof',
    base: `${P3}message M {\n  int32 a = 1;\n}\n`,
    head: `${P3}message M {\n  oneof o { int32 a = 1; }\n}\n`,
    expect: ['4:13 Field "1" with name "a" on message "M" moved from outside to inside a oneof.'],
  },
  {
    name: "a field moved between oneofs, with buf's stray q",
    base: `${P3}message M {\n  oneof o { int32 a = 1; }\n  oneof o2 { int32 b = 2; }\n}\n`,
    head: `${P3}message M {\n  oneof o { int32 b = 2; }\n  oneof o2 { int32 a = 1; }\n}\n`,
    expect: [
      '4:13 Field "2" with name "b" on message "M"q moved from oneof "o2" to oneof "o".',
      '5:14 Field "1" with name "a" on message "M"q moved from oneof "o" to oneof "o2".',
    ],
  },
  {
    name: 'proto3 optional is a synthetic oneof and does not count',
    base: `${P3}message M { int32 a = 1; }\n`,
    head: `${P3}message M { optional int32 a = 1; }\n`,
    expect: [],
  },
]);
