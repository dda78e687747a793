// FIELD_SAME_DEFAULT (rules/fieldDefault.ts): changed, removed and added defaults, values that are equal however they are
// written, and the revert fixes.
import { ruleCases } from '../support/ruleCases';

const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('FIELD_SAME_DEFAULT', [
  {
    name: 'a changed default is reported on the option, and reverting restores it',
    base: `${P2}message M {\n  optional int32 a = 1 [default = 5];\n}\n`,
    head: `${P2}message M {\n  optional int32 a = 1 [default = 6];\n}\n`,
    expect: ['4:25 Field "1" with name "a" on message "M" changed default value from 5 to 6.'],
    fixed: `${P2}message M {\n  optional int32 a = 1 [default = 5];\n}\n`,
  },
  {
    name: 'a removed default is reported on the field, and reverting adds the option back',
    base: `${P2}message M {\n  optional string a = 1 [default = "x\\ny"];\n}\n`,
    head: `${P2}message M {\n  optional string a = 1;\n}\n`,
    expect: ['4:3 Field "1" with name "a" on message "M" changed default value from "x\\ny" to "".'],
    fixed: `${P2}message M {\n  optional string a = 1 [default = "x\\ny"];\n}\n`,
  },
  {
    name: 'an added default is removed by the revert',
    base: `${P2}message M {\n  optional double a = 1;\n}\n`,
    head: `${P2}message M {\n  optional double a = 1 [default = 123456789];\n}\n`,
    expect: ['4:26 Field "1" with name "a" on message "M" changed default value from 0 to 1.23456789e+08.'],
    fixed: `${P2}message M {\n  optional double a = 1;\n}\n`,
  },
  {
    name: 'an explicit zero default, hex for decimal, and float to double of the same value are no change',
    base: `${P2}message M { optional int32 a = 1; optional int32 b = 2 [default = 16]; optional float c = 3 [default = 0.1]; }\n`,
    head: `${P2}message M { optional int32 a = 1 [default = 0]; optional int32 b = 2 [default = 0x10]; optional double c = 3 [default = 0.1]; }\n`,
    expect: [],
  },
  {
    name: 'an enum default is its first value when not set',
    base: `${P2}enum E { A = 1; B = 2; }\nmessage M { optional E e = 1 [default = B]; }\n`,
    head: `${P2}enum E { A = 1; B = 2; }\nmessage M { optional E e = 1; }\n`,
    expect: ['4:13 Field "1" with name "e" on message "M" changed default value from E.B to E.A.'],
  },
  {
    name: 'bytes defaults print as bytes',
    base: `${P2}message M { optional bytes b = 1 [default = "ab\\001"]; }\n`,
    head: `${P2}message M { optional bytes b = 1 [default = "ab"]; }\n`,
    expect: ['3:35 Field "1" with name "b" on message "M" changed default value from [0x61,0x62,0x1] to [0x61,0x62].'],
  },
]);
