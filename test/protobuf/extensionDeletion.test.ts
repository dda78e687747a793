// EXTENSION_NO_DELETE and EXTENSION_MESSAGE_NO_DELETE (rules/extensionDeletion.ts): deleted extensions and shrunk
// extension ranges, and the restore fixes.
import { ruleCases } from '../support/ruleCases';

const P2 = 'syntax = "proto2";\npackage p;\n';

ruleCases('EXTENSION_NO_DELETE', [
  {
    name: 'a deleted extension is restored into its extend block',
    base: `${P2}message M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 a = 10;\n  optional int32 b = 11;\n}\n`,
    head: `${P2}message M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 a = 10;\n}\n`,
    expect: ['1:1 Previously present extension "b" was deleted from file.'],
    fixed: `${P2}message M {\n  extensions 10 to 20;\n}\nextend M {\n  optional int32 a = 10;\n  optional int32 b = 11;\n}\n`,
  },
]);

ruleCases('EXTENSION_MESSAGE_NO_DELETE', [
  {
    name: 'a shrunk range lists what was removed and is restored',
    base: `${P2}message M {\n  extensions 10 to max;\n}\n`,
    head: `${P2}message M {\n  extensions 10 to 20;\n}\n`,
    expect: ['3:1 Previously present extension range "[10,max]" on message "M" is missing values: [21,max] were removed.'],
    fixed: `${P2}message M {\n  extensions 10 to 20;\n  extensions 21 to max;\n}\n`,
  },
]);
