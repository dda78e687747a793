// A field that kept its number but changed what names it or groups it: its name (generated code, text format),
// its JSON name (JSON readers), or the oneof it belongs to (setting one member clears the others).
import type { Range } from '../../engine/range';
import type { CompactOption } from '../ast';
import { declaredOneof, fieldDescription, fieldRange } from '../fieldKind';
import { eachFieldPair } from '../pairs';
import { revertFieldData, revertFix } from '../fixes/revert';
import { breakingRule } from './rule';

export const fieldSameName = breakingRule({
  id: 'FIELD_SAME_NAME',
  summary: 'A field changed its name',
  check(pairs, report) {
    // Extensions too: buf pairs them by extendee and number and names them by full name.
    eachFieldPair(
      pairs,
      report,
      (pair, report) => {
        const { base, head, headMessage } = pair;
        if (base.name === head.name || !head.decl) return;
        report.finding({
          file: headMessage.file,
          range: head.decl.nameRange,
          message: `${fieldDescription(head, headMessage, false)} changed name from "${base.name}" to "${head.name}".`,
          base: { file: pair.baseMessage.file.path, range: base.decl?.nameRange ?? pair.baseMessage.range },
          // A group's field name is its lower-cased message name: renaming it back is a message rename, not ours to offer.
          fixData: base.decl?.group || head.decl.group ? undefined : revertFieldData(headMessage, head, 'name', base.name),
        });
      },
      { extensions: true },
    );
  },
  fixes: revertFix,
});

export const fieldSameJsonName = breakingRule({
  id: 'FIELD_SAME_JSON_NAME',
  summary: 'A field changed its JSON name',
  check(pairs, report) {
    eachFieldPair(pairs, report, (pair, report) => {
      const { base, head, headMessage } = pair;
      if (base.jsonName === head.jsonName) return;
      report.finding({
        file: headMessage.file,
        // buf points at the json_name option when the head field has one, else at the field.
        range: jsonNameRange(head.decl?.options) ?? fieldRange(head, headMessage),
        message: `${fieldDescription(head, headMessage)} changed option "json_name" from "${base.jsonName}" to "${head.jsonName}".`,
        base: { file: pair.baseMessage.file.path, range: jsonNameRange(base.decl?.options) ?? fieldRange(base, pair.baseMessage) },
        fixData: revertFieldData(headMessage, head, 'jsonName', base.jsonName),
      });
    });
  },
  fixes: revertFix,
});

export const fieldSameOneof = breakingRule({
  id: 'FIELD_SAME_ONEOF',
  summary: 'A field moved into, out of, or between oneofs',
  check(pairs, report) {
    eachFieldPair(pairs, report, (pair, report) => {
      const { head, headMessage } = pair;
      const base = declaredOneof(pair.base, pair.baseMessage);
      const current = declaredOneof(head, headMessage);
      if (base === current) return;
      const description = fieldDescription(head, headMessage);
      const message =
        base !== undefined && current !== undefined
          ? // The stray q after the message name is buf's, word for word.
            `${description}q moved from oneof "${base}" to oneof "${current}".`
          : `${description} moved from ${base !== undefined ? 'inside' : 'outside'} to ${current !== undefined ? 'inside' : 'outside'} a oneof.`;
      report.finding({
        file: headMessage.file,
        range: fieldRange(head, headMessage),
        message,
        base: { file: pair.baseMessage.file.path, range: fieldRange(pair.base, pair.baseMessage) },
      });
    });
  },
});

function jsonNameRange(options: readonly CompactOption[] | undefined): Range | undefined {
  return options?.find((option) => option.name === 'json_name')?.range;
}
