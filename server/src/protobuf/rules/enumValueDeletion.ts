// A deleted enum value breaks readers that still send or receive its number (wire) or its name (JSON).
// buf compares values by number, so an alias keeping the number keeps the value; the _UNLESS_ variants accept
// a `reserved` statement for the number, or for every name the number had.
import { enumReservedNames, enumReservedRanges, enumValuesByNumber } from '../declarations';
import { reserveEnumValueFix } from '../fixes/reserve';
import { restoreEnumValueFix } from '../fixes/restore';
import { declarationText } from './messageDeletion';
import { breakingRule, type RuleReport } from './rule';
import { eachEnumPair, type ImagePairs } from '../pairs';

type Excuse = 'nothing' | 'reservedNumber' | 'reservedName';

export const enumValueNoDelete = breakingRule({
  id: 'ENUM_VALUE_NO_DELETE',
  summary: 'An enum value number present at the base is missing from its enum at head',
  check: (pairs, report) => reportDeletedValues(pairs, report, 'nothing'),
  fixes: (context) => [...restoreEnumValueFix(context), ...reserveEnumValueFix(context, true, 'any')],
});

export const enumValueNoDeleteUnlessNumberReserved = breakingRule({
  id: 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED',
  summary: 'An enum value number present at the base is missing at head and not reserved',
  check: (pairs, report) => reportDeletedValues(pairs, report, 'reservedNumber'),
  fixes: (context) => [...reserveEnumValueFix(context, false, 'number'), ...restoreEnumValueFix(context)],
});

export const enumValueNoDeleteUnlessNameReserved = breakingRule({
  id: 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED',
  summary: 'An enum value present at the base is missing at head and its names are not reserved',
  check: (pairs, report) => reportDeletedValues(pairs, report, 'reservedName'),
  fixes: (context) => [...reserveEnumValueFix(context, false, 'name'), ...restoreEnumValueFix(context)],
});

function reportDeletedValues(pairs: ImagePairs, report: RuleReport, excuse: Excuse): void {
  eachEnumPair(pairs, report, ({ base, head }, report) => {
    const headNumbers = enumValuesByNumber(head.decl);
    const reservedRanges = enumReservedRanges(head.decl);
    const reservedNames = enumReservedNames(head.decl);
    for (const [number, names] of enumValuesByNumber(base.decl)) {
      if (headNumbers.has(number)) continue;
      if (excuse === 'reservedNumber' && reservedRanges.some((range) => range.start <= number && number <= range.end)) continue;
      if (excuse === 'reservedName' && names.every((name) => reservedNames.has(name))) continue;
      const sorted = [...names].sort();
      const suffix =
        excuse === 'reservedNumber'
          ? ` without reserving the number "${number}"`
          : excuse === 'reservedName'
            ? ` without reserving the name${names.length > 1 ? 's' : ''} ${sorted.map((name) => `"${name}"`).join(', ')}`
            : '';
      const values = base.decl.values.filter((value) => value.number === number);
      const first = values[0];
      const index = base.decl.values.indexOf(first);
      const isNumberReserved = reservedRanges.some((range) => range.start <= number && number <= range.end);
      // Restoring a value whose number or a name is reserved, or whose name another value took, does not compile.
      const isRestorable = !isNumberReserved && names.every((name) => !reservedNames.has(name) && !head.decl.values.some((value) => value.name === name));
      report.finding({
        file: head.file,
        // buf reports on the enum's span, not on the vanished value.
        range: head.decl.range,
        message: `Previously present enum value "${number}" on enum "${head.decl.name}" was deleted${suffix}.`,
        base: { file: base.file.path, range: first.range },
        fixData: {
          fix: 'deletedEnumValue',
          enum: head.fullName,
          number,
          names: sorted.join(','),
          after: index > 0 ? base.decl.values[index - 1].name : null,
          isFirst: index === 0,
          isNumberReserved,
          areNamesReserved: names.every((name) => reservedNames.has(name)),
          text: isRestorable ? values.map((value) => declarationText(base.file.text, value.leadingOffset, value.endOffset)).join('\n') : null,
        },
      });
    }
  });
}
