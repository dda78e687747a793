// ONEOF_NO_DELETE against the real buf: oneofs deleted, renamed and dissolved, and synthetic oneofs.
import { deletionAgreements } from './agreementCases';

deletionAgreements([
  {
    name: 'oneofs deleted, renamed, dissolved; synthetic oneofs are not oneofs to buf',
    base: {
      'a.proto':
        'syntax = "proto3";\npackage p;\nmessage M {\n  optional int32 z = 3;\n  oneof o { int32 a = 1; }\n  oneof q { int32 b = 2; }\n}\nmessage G {\n  oneof o { int32 a = 1; }\n}\n',
    },
    head: { 'a.proto': 'syntax = "proto3";\npackage p;\nmessage M {\n  int32 z = 3;\n  oneof o2 { int32 a = 1; }\n  int32 b = 2;\n}\n' },
  },
]);
