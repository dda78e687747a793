// EXTENSION_NO_DELETE against the real buf: extensions deleted at top level and inside a message.
import { deletionAgreements } from './agreementCases';

deletionAgreements([
  {
    name: 'extensions deleted at top level and inside a message',
    quietByDefault: true,
    base: {
      'a.proto':
        'syntax = "proto2";\npackage p;\nmessage M {\n  extensions 100 to 200;\n  extend M {\n    optional int32 inner = 101;\n  }\n}\nextend M {\n  optional string top = 100;\n  repeated int32 nums = 102;\n}\n',
    },
    head: { 'a.proto': 'syntax = "proto2";\npackage p;\nmessage M {\n  extensions 100 to 200;\n}\nextend M {\n  optional string top = 100;\n}\n' },
  },
]);
