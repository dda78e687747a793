// The package deletion rules against the real buf: packages deleted and renamed, files deleted while their package lives
// on, declarations moved to another package, and a file without a package.
import { deletionAgreements } from './agreementCases';

deletionAgreements([
  {
    name: 'a file without a package loses declarations; no enum is left, so PACKAGE_ENUM_NO_DELETE says nothing',
    base: { 'a.proto': 'syntax = "proto3";\nmessage M {}\nenum E { E_Z = 0; }\nservice S { rpc R(M) returns (M); }\nmessage W { enum I { I_Z = 0; } }\n' },
    head: { 'a.proto': 'syntax = "proto3";\nmessage N {}\nmessage W {}\n' },
  },
  {
    name: 'a deleted file whose package lives on reports package deletions without a path',
    base: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M { message Q {} extensions 10 to 20; }\nenum E { E_Z = 0; }\nservice S {}\nextend M { optional int32 o = 10; }\n',
      'b.proto': 'syntax = "proto2";\npackage p;\nmessage N {}\nenum F { F_Z = 0; }\n',
    },
    head: { 'b.proto': 'syntax = "proto2";\npackage p;\nmessage N {}\nenum F { F_Z = 0; }\n' },
  },
  {
    name: 'a package deleted or renamed',
    base: {
      'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\n',
      'b.proto': 'syntax = "proto3";\npackage q.v1;\nmessage N {}\n',
      'c.proto': 'syntax = "proto3";\npackage r;\nenum E { E_Z = 0; }\n',
    },
    head: { 'b.proto': 'syntax = "proto3";\npackage q.v1;\nmessage N {}\n', 'c.proto': 'syntax = "proto3";\npackage s;\nenum E { E_Z = 0; }\n' },
  },
  {
    name: 'a message moved to another package, and a nested one whose parent moved to another file',
    base: {
      'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\nmessage K {}\nmessage L { message I { message J {} } }\n',
      'b.proto': 'syntax = "proto3";\npackage q;\nmessage N {}\n',
      'c.proto': 'syntax = "proto3";\npackage p;\nmessage O {}\n',
    },
    head: {
      'a.proto': 'syntax = "proto3";\npackage p;\nmessage K {}\n',
      'b.proto': 'syntax = "proto3";\npackage q;\nmessage N {}\nmessage M {}\n',
      'c.proto': 'syntax = "proto3";\npackage p;\nmessage O {}\nmessage L {\n  message I {}\n}\n',
    },
  },
]);
