// A deleted field breaks readers that still use its number (wire) or its name (JSON, generated code).
// buf's three variants differ only in which `reserved` statement excuses the deletion.
import { fieldNumbered, type ProtoField, type ProtoImage, type ProtoMessage } from '../model';
import { isSpelledSameAtHead } from '../fieldKind';
import { eachMessagePair, type ImagePairs, type MessagePair } from '../pairs';
import { reserveFieldFix } from '../fixes/reserve';
import { restoreFieldFix } from '../fixes/restore';
import { declarationText } from './messageDeletion';
import { breakingRule, type RuleReport } from './rule';

type Excuse = 'nothing' | 'reservedNumber' | 'reservedName';

export const fieldNoDelete = breakingRule({
  id: 'FIELD_NO_DELETE',
  summary: 'A field present at the base is missing from its message at head',
  check: (pairs, report) => reportDeletedFields(pairs, report, 'nothing'),
  // SPEC §7 offers reserving here too, although buf still reports the deletion; the title says so.
  fixes: (context) => [...restoreFieldFix(context), ...reserveFieldFix(context, true, 'any')],
});

export const fieldNoDeleteUnlessNumberReserved = breakingRule({
  id: 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
  summary: 'A field present at the base is missing at head and its number is not reserved',
  check: (pairs, report) => reportDeletedFields(pairs, report, 'reservedNumber'),
  fixes: (context) => [...reserveFieldFix(context, false, 'number'), ...restoreFieldFix(context)],
});

export const fieldNoDeleteUnlessNameReserved = breakingRule({
  id: 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED',
  summary: 'A field present at the base is missing at head and its name is not reserved',
  check: (pairs, report) => reportDeletedFields(pairs, report, 'reservedName'),
  fixes: (context) => [...reserveFieldFix(context, false, 'name'), ...restoreFieldFix(context)],
});

function reportDeletedFields(pairs: ImagePairs, report: RuleReport, excuse: Excuse): void {
  eachMessagePair(pairs, report, (pair, report) => reportDeletedFieldsOf(pairs.head, pair, report, excuse));
}

function reportDeletedFieldsOf(headImage: ProtoImage, { base, head }: MessagePair, report: RuleReport, excuse: Excuse): void {
  for (const field of base.fields) {
    if (fieldNumbered(head, field.number)) continue;
    const isNumberReserved = reservesNumber(head, field.number);
    const isNameReserved = head.reservedNames.has(field.name);
    if (excuse === 'reservedNumber' && isNumberReserved) continue;
    if (excuse === 'reservedName' && isNameReserved) continue;
    const suffix =
      excuse === 'reservedNumber'
        ? ` without reserving the number "${field.number}"`
        : excuse === 'reservedName'
          ? ` without reserving the name "${field.name}"`
          : '';
    report.finding({
      file: head.file,
      // buf reports on the enclosing message's span (or the map field, for a map entry), not on the vanished field.
      range: head.range,
      message: `Previously present field "${field.number}" with name "${field.name}" on message "${head.name}" was deleted${suffix}.`,
      base: { file: base.file.path, range: field.decl?.range ?? base.range },
      fixData: {
        fix: 'deletedField',
        message: head.fullName,
        number: field.number,
        name: field.name,
        after: previousFieldName(base, field) ?? null,
        isFirst: base.fields[0] === field,
        isNumberReserved,
        isNameReserved,
        isNameInUse: head.fields.some((other) => other.name === field.name),
        text:
          field.decl && !isNumberReserved && !isNameReserved && fitsAtHead(headImage, head, field)
            ? declarationText(base.file.text, field.decl.leadingOffset, field.decl.endOffset)
            : null,
      },
    });
  }
}

/** Whether the base declaration, inserted as written into a message that reserves neither its number nor its name, would compile: its name and JSON name are free, and its types mean what they meant. */
function fitsAtHead(headImage: ProtoImage, head: ProtoMessage, field: ProtoField): boolean {
  if (!field.decl || field.decl.group) return false;
  // A field of a real oneof is written without a label, which outside its oneof does not compile in proto2.
  if (field.oneof !== undefined && field.decl.label === undefined) return false;
  if (head.fields.some((other) => other.name === field.name || other.jsonName === field.jsonName)) return false;
  return isSpelledSameAtHead(field, headImage, head.fullName);
}

function reservesNumber(message: ProtoMessage, number: number): boolean {
  return message.reservedRanges.some((range) => range.start <= number && number <= range.end);
}

function previousFieldName(message: ProtoMessage, field: ProtoField): string | undefined {
  const index = message.fields.indexOf(field);
  return index > 0 ? message.fields[index - 1].name : undefined;
}
