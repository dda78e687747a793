// Deleting a reserved range or name lets a later edit reuse a number or name that old readers still interpret
// the old way. buf compares each base range with the union of head ranges and names the values that went missing.
import type { Range } from '../../engine/range';
import { ENUM_MAX, enumReservedNames, enumReservedRanges, MESSAGE_MAX, missingValues, tagRangeSource, tagRangeText, type TagRange } from '../declarations';
import { restoreReservedNameFix, restoreTagRangeFix } from '../fixes/restore';
import type { ProtoFile } from '../model';
import { eachEnumPair, eachMessagePair, type MessagePair } from '../pairs';
import { breakingRule, type RuleReport } from './rule';

export const reservedMessageNoDelete = breakingRule({
  id: 'RESERVED_MESSAGE_NO_DELETE',
  summary: 'A reserved range or name of a message at the base is missing at head',
  check(pairs, report) {
    eachMessagePair(pairs, report, ({ base, head }, report) => {
      const owner = messageOwner({ base, head });
      reportMissingRanges(report, 'reserved', { ...owner, base: base.reservedRanges, head: head.reservedRanges });
      reportMissingNames(report, owner, base.reservedNames, head.reservedNames, new Set(head.fields.map((field) => field.name)));
    });
  },
  fixes: (context) => [...restoreTagRangeFix(context), ...restoreReservedNameFix(context)],
});

export const reservedEnumNoDelete = breakingRule({
  id: 'RESERVED_ENUM_NO_DELETE',
  summary: 'A reserved range or name of an enum at the base is missing at head',
  check(pairs, report) {
    eachEnumPair(pairs, report, ({ base, head }, report) => {
      const owner: Owner = {
        owner: 'enum',
        ownerName: head.decl.name,
        ownerFullName: head.fullName,
        file: head.file,
        range: head.decl.range,
        baseFile: base.file.path,
        baseRange: base.decl.range,
        max: ENUM_MAX,
        usedNumbers: head.decl.values.flatMap((value) => (value.number === undefined ? [] : [value.number])),
      };
      reportMissingRanges(report, 'reserved', { ...owner, base: enumReservedRanges(base.decl), head: enumReservedRanges(head.decl) });
      reportMissingNames(report, owner, enumReservedNames(base.decl), enumReservedNames(head.decl), new Set(head.decl.values.map((value) => value.name)));
    });
  },
  fixes: (context) => [...restoreTagRangeFix(context), ...restoreReservedNameFix(context)],
});

/** The message a range belongs to, as the range checks of reserved and extension ranges report it. */
export function messageOwner({ base, head }: MessagePair): Owner {
  return {
    owner: 'message',
    ownerName: head.name,
    ownerFullName: head.fullName,
    file: head.file,
    range: head.range,
    baseFile: base.file.path,
    baseRange: base.range,
    max: MESSAGE_MAX,
    usedNumbers: [...new Set(head.fields.map((field) => field.number))],
  };
}

interface Owner {
  owner: 'message' | 'enum';
  /** The simple name, as buf names the owner in its texts. */
  ownerName: string;
  ownerFullName: string;
  file: ProtoFile;
  range: Range;
  baseFile: string;
  baseRange: Range;
  max: number;
  /** Numbers head declarations use: a fix that reserves one of them would not compile. */
  usedNumbers: number[];
}

/** `report` is guarded for the owner (pairs.ts): a syntax error in its body could hide a range. */
export function reportMissingRanges(
  report: RuleReport,
  kind: 'reserved' | 'extension',
  input: Owner & { base: readonly TagRange[]; head: readonly TagRange[] },
): void {
  for (const range of input.base) {
    const missing = missingValues(range, input.head);
    if (missing.length === 0) continue;
    const conflicts = input.usedNumbers.some((number) => missing.some((gap) => gap.start <= number && number <= gap.end));
    report.finding({
      file: input.file,
      range: input.range,
      message: `Previously present ${kind} range "${tagRangeText(range, input.max)}" on ${input.owner} "${input.ownerName}" is missing values: ${missing.map((gap) => tagRangeText(gap, input.max)).join(', ')} were removed.`,
      base: { file: input.baseFile, range: input.baseRange },
      fixData: conflicts
        ? undefined
        : {
            fix: 'deletedTagRange',
            keyword: kind === 'reserved' ? 'reserved' : 'extensions',
            owner: input.owner,
            ownerName: input.ownerFullName,
            label: tagRangeText(range, input.max),
            missing: missing.map((gap) => tagRangeSource(gap, input.max)).join(', '),
          },
    });
  }
}

function reportMissingNames(report: RuleReport, input: Owner, base: ReadonlySet<string>, head: ReadonlySet<string>, usedNames: ReadonlySet<string>): void {
  for (const name of base) {
    if (head.has(name)) continue;
    report.finding({
      file: input.file,
      range: input.range,
      message: `Previously present reserved name "${name}" on ${input.owner} "${input.ownerName}" was deleted.`,
      base: { file: input.baseFile, range: input.baseRange },
      fixData: usedNames.has(name) ? undefined : { fix: 'deletedReservedName', owner: input.owner, ownerName: input.ownerFullName, name },
    });
  }
}
