// Protobuf's rule-test harness: cases are `example.proto`, and a buf.yaml on both sides makes buf run the rule alone.
import { BREAKING_RULES } from '../../server/src/protobuf/categories';
import { protobufChecker } from '../../server/src/protobuf/checker';
import type { KindHarness } from '../support/ruleCases';

/** Rules in buf's default (FILE) category: their doc examples run under a buf.yaml that selects nothing, as users have it. */
const SELECTED_BY_DEFAULT = new Set(['FILE_NO_DELETE', 'MESSAGE_NO_DELETE', 'FIELD_NO_DELETE']);

export const PROTOBUF_HARNESS: KindHarness = {
  checker: protobufChecker,
  defaultFile: 'example.proto',
  filesFor: (ruleId) => ({ 'buf.yaml': `version: v2\nbreaking:\n  use: [${ruleId}]\n` }),
  docs: {
    fence: 'proto',
    commentPrefix: '//',
    // A deprecated ID reports nothing under its own name: buf runs its replacements, so the examples are theirs.
    reportedAs: (ruleId) => BREAKING_RULES[ruleId]?.replacedBy,
    files: (ruleId) => (SELECTED_BY_DEFAULT.has(ruleId) ? { 'buf.yaml': 'version: v2\n' } : undefined),
  },
};
