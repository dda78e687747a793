// The protobuf kind as the registry describes it, without loading its parser or rules (checker.ts adds those).
import type { KindDescription } from '../engine/kindOnDemand';

export const PROTOBUF_KIND: KindDescription = {
  kind: 'protobuf',
  title: 'Protocol Buffers',
  files: {
    sources: ['**/*.proto'],
    // buf.yaml decides modules and rules for every proto file; buf.work.yaml lists the module directories.
    configuration: ['buf.yaml', 'buf.work.yaml'],
    // Other files import a proto, and declarations move between files of a package.
    sourceChange: 'dependents',
    languages: ['proto'],
  },
};
