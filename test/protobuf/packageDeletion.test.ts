// The package deletion rules (rules/packageDeletion.ts): a deleted package, and messages, enums, services and extensions
// deleted from a package, wherever in the package's files they were.
import { ruleCases } from '../support/ruleCases';

const P3 = 'syntax = "proto3";\npackage p;\n';
const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('PACKAGE_NO_DELETE', [
  {
    name: 'a renamed package is reported at 1:1 of its first file',
    base: { 'a.proto': `${P3}message M {}\n` },
    head: { 'a.proto': 'syntax = "proto3";\npackage q;\nmessage M {}\n' },
    expect: ['a.proto:1:1 Previously present package "p" was deleted.'],
  },
]);

ruleCases('PACKAGE_MESSAGE_NO_DELETE', [
  {
    name: 'moving to another file of the package is fine',
    base: { 'a.proto': `${P3}message M {}\nmessage N {}\n` },
    head: { 'a.proto': `${P3}message N {}\n`, 'b.proto': `${P3}message M {}\n` },
    expect: [],
  },
  {
    name: 'a nested message is reported on its parent, wherever in the package it now is',
    base: { 'a.proto': `${P3}message M { message I {} }\n` },
    head: { 'a.proto': P3, 'b.proto': `${P3}message M {}\n` },
    expect: ['b.proto:3:1 Previously present message "M.I" was deleted from package "p".'],
  },
]);

ruleCases('PACKAGE_ENUM_NO_DELETE', [
  {
    name: 'no enum left in the package: buf leaves it to the other rules',
    base: { 'a.proto': `${P3}enum E { E_Z = 0; }\n` },
    head: { 'a.proto': P3 },
    expect: [],
  },
  {
    name: 'a deleted file puts it on the deleted path',
    base: { 'a.proto': `${P3}enum E { E_Z = 0; }\n`, 'b.proto': `${P3}enum F { F_Z = 0; }\n` },
    head: { 'b.proto': `${P3}enum F { F_Z = 0; }\n` },
    expect: ['a.proto:1:1 Previously present enum "E" was deleted from package "p".'],
  },
]);

ruleCases('PACKAGE_SERVICE_NO_DELETE', [
  {
    name: 'services are compared whenever the package still has a file',
    base: { 'a.proto': `${P3}service S {}\n` },
    head: { 'a.proto': P3 },
    expect: ['a.proto:1:1 Previously present service "S" was deleted from package "p".'],
  },
]);

ruleCases('PACKAGE_EXTENSION_NO_DELETE', [
  {
    name: 'a nested extension is reported on its message',
    base: { 'a.proto': `${P2}message M {\n  extensions 10 to 20;\n  extend M { optional int32 x = 10; }\n}\nextend M { optional int32 y = 11; }\n` },
    head: { 'a.proto': `${P2}message M {\n  extensions 10 to 20;\n}\nextend M { optional int32 y = 11; }\n` },
    expect: ['a.proto:3:1 Previously present extension "M.x" was deleted from package "p".'],
  },
]);
