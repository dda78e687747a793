// Deprecated IDs: buf.yaml v2 rejects them, and v1 runs their replacements, so they never report under their own ID.
// Each family's unit tests call this for its deprecated IDs.
import { ruleCases } from '../support/ruleCases';

const P2 = 'syntax = "proto2";\npackage p;\n';

export function deprecatedIdNeverReports(id: string): void {
  ruleCases(id, [
    {
      name: 'the deprecated ID never reports under its own name',
      files: { 'buf.yaml': `version: v1\nbreaking:\n  use: [${id}]\n` },
      base: `${P2}option java_string_check_utf8 = true;\nmessage M { optional string s = 1 [ctype = CORD]; }\n`,
      head: `${P2}message M { optional string s = 1; }\n`,
      expect: [],
    },
  ]);
}
