// An enum value number whose name changed: JSON and text format carry the name, and generated code names the constant.
// With aliases, every base name of a number must still name it at head (adding an alias is fine, dropping one is not).
import type { EnumValueDecl } from '../ast';
import { eachEnumValuePair } from '../pairs';
import { revertEnumValueData, revertFix } from '../fixes/revert';
import { breakingRule } from './rule';

export const enumValueSameName = breakingRule({
  id: 'ENUM_VALUE_SAME_NAME',
  summary: 'An enum value number changed its name',
  check(pairs, report) {
    // Only a syntax error in the enum's own body could hide one of its values' names.
    eachEnumValuePair(
      pairs,
      report,
      ({ base, head, number, baseValues, headValues }, report) => {
        const baseNames = sortedNames(baseValues);
        const headNames = sortedNames(headValues);
        if (baseNames.every((name) => headNames.includes(name))) return;
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
            fixData:
              baseValues.length === 1 && headValues.length === 1 ? revertEnumValueData(head.fullName, value.name, number, baseValues[0].name) : undefined,
          });
        }
      },
      'own',
    );
  },
  fixes: revertFix,
});

function sortedNames(values: readonly EnumValueDecl[]): string[] {
  return [...new Set(values.map((value) => value.name))].sort();
}
