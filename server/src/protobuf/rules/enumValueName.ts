// An enum value number whose name changed: JSON and text format carry the name, and generated code names the constant.
// With aliases, every base name of a number must still name it at head (adding an alias is fine, dropping one is not).
import type { EnumValueDecl } from '../ast';
import type { ProtoEnum } from '../model';
import { revertEnumValueData, revertFix } from '../revertFix';
import { breakingRule } from './rule';

export const enumValueSameName = breakingRule({
  id: 'ENUM_VALUE_SAME_NAME',
  summary: 'An enum value number changed its name',
  check(pairs, report) {
    for (const [fullName, base] of pairs.base.enumsByFullName) {
      const head = pairs.head.enumsByFullName.get(fullName);
      if (!head) continue;
      const baseByNumber = valuesByNumber(base);
      const headByNumber = valuesByNumber(head);
      for (const [number, baseValues] of baseByNumber) {
        const headValues = headByNumber.get(number);
        if (!headValues) continue;
        const baseNames = sortedNames(baseValues);
        const headNames = sortedNames(headValues);
        if (baseNames.every((name) => headNames.includes(name))) continue;
        if (head.decl.damaged) {
          report.hidden(head.file);
          continue;
        }
        const plural = baseNames.length > 1 && headNames.length > 1 ? 's' : '';
        const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
        for (const value of headValues) {
          if (!value.numberRange) continue;
          const sameNamed = baseValues.find((candidate) => candidate.name === value.name);
          report.finding({
            file: head.file,
            // buf points at the value's number.
            range: value.numberRange,
            message: `Enum value "${number}" on enum "${head.decl.name}" changed name${plural} from ${quoted(baseNames)} to ${quoted(headNames)}.`,
            ...(sameNamed?.numberRange ? { base: { file: base.file.path, range: sameNamed.numberRange } } : {}),
            fixData: baseValues.length === 1 && headValues.length === 1 ? revertEnumValueData(fullName, value.name, number, baseValues[0].name) : undefined,
          });
        }
      }
    }
  },
  fixes: revertFix,
});

function valuesByNumber(item: ProtoEnum): Map<number, EnumValueDecl[]> {
  const result = new Map<number, EnumValueDecl[]>();
  for (const value of item.decl.values) {
    if (value.number === undefined) continue;
    const list = result.get(value.number) ?? [];
    list.push(value);
    result.set(value.number, list);
  }
  return result;
}

function sortedNames(values: readonly EnumValueDecl[]): string[] {
  return [...new Set(values.map((value) => value.name))].sort();
}
