// Required fields must always be sent: a reader that requires a field the writer does not know, or a writer that
// omits one the reader requires, fails to parse. Only proto2 `required` counts; buf ignores editions LEGACY_REQUIRED here.
import { isLabelledRequired } from '../fieldKind';
import { fieldNumbered, type ProtoField, type ProtoMessage } from '../model';
import { revertFieldData, revertFix } from '../fixes/revert';
import { eachMessagePair } from '../pairs';
import { breakingRule } from './rule';

const WHY = 'Required fields must always be sent, so if one side does not know about the required field, this will result in a breakage.';

export const messageSameRequiredFields = breakingRule({
  id: 'MESSAGE_SAME_REQUIRED_FIELDS',
  summary: 'A message gained or lost a required field',
  check(pairs, report) {
    eachMessagePair(pairs, report, ({ base, head }, report) => {
      const baseRequired = requiredFields(base);
      const headRequired = requiredFields(head);
      for (const [number, field] of baseRequired) {
        if (headRequired.has(number)) continue;
        const still = fieldNumbered(head, number);
        report.finding({
          file: head.file,
          // The field may be gone, so buf reports on the message.
          range: head.range,
          message: `Message "${base.name}" had required field "${number}" deleted. ${WHY}`,
          base: { file: base.file.path, range: field.decl?.range ?? base.range },
          fixData: still && !still.decl?.label ? undefined : still ? revertFieldData(head, still, 'label', 'required') : undefined,
        });
      }
      for (const [number, field] of headRequired) {
        if (baseRequired.has(number)) continue;
        const before = fieldNumbered(base, number);
        report.finding({
          file: head.file,
          range: field.decl?.range ?? head.range,
          message: `Message "${head.name}" had required field "${number}" added. ${WHY}`,
          ...(before?.decl ? { base: { file: base.file.path, range: before.decl.range } } : {}),
          fixData: revertFieldData(head, field, 'label', before ? (before.decl?.label ?? '') : 'optional'),
        });
      }
    });
  },
  fixes: revertFix,
});

function requiredFields(message: ProtoMessage): Map<number, ProtoField> {
  const result = new Map<number, ProtoField>();
  for (const field of message.fields) if (isLabelledRequired(field) && !result.has(field.number)) result.set(field.number, field);
  return result;
}
