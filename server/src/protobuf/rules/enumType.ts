// An enum that turns from open to closed (or back) changes what readers do with unknown values: a closed enum moves
// them to unknown fields. proto3 enums are open, proto2 enums closed, editions choose with `features.enum_type`.
import { featureFixData, featureRange, revertFeatureFix } from '../fixes/feature';
import { resolvedEnumFeatures } from '../features';
import { eachEnumPair } from '../pairs';
import { breakingRule } from './rule';

export const enumSameType = breakingRule({
  id: 'ENUM_SAME_TYPE',
  summary: 'An enum changed between open and closed',
  check(pairs, report) {
    // A syntax error at the top level could hide an enum_type feature the enum inherits.
    eachEnumPair(
      pairs,
      report,
      ({ base, head }, report) => {
        const before = resolvedEnumFeatures(base).enumType;
        const after = resolvedEnumFeatures(head).enumType;
        if (before.value === after.value || before.isUnknown || after.isUnknown) return;
        report.finding({
          file: head.file,
          range: featureRange(after, 'enum', head.decl.range, 'enumType', head.file.text),
          message: `Enum "${head.decl.name}" changed from ${before.value.toLowerCase()} to ${after.value.toLowerCase()}.`,
          base: { file: base.file.path, range: base.decl.range },
          fixData: featureFixData('enumType', before.value, { targetKind: 'enum', fullName: head.fullName }, base.file),
        });
      },
      'file',
    );
  },
  fixes: revertFeatureFix,
});
