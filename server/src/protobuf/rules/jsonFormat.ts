// A message or enum whose JSON support drops from ALLOW to LEGACY_BEST_EFFORT may no longer map to JSON the way its
// readers expect. buf reports only that direction (proto3 → proto2, or `features.json_format` set).
import { eachEnumPair, eachMessagePair } from '../pairs';
import { featureFixData, featureRange, mapEntryRange, revertFeatureFix } from '../fixes/feature';
import { resolvedEnumFeatures, resolvedMessageFeatures, type Resolved } from '../features';
import { breakingRule } from './rule';

export const enumSameJsonFormat = breakingRule({
  id: 'ENUM_SAME_JSON_FORMAT',
  summary: "An enum's JSON format support changed from ALLOW to LEGACY_BEST_EFFORT",
  check(pairs, report) {
    // A syntax error at the top level could hide a json_format feature the enum inherits.
    eachEnumPair(
      pairs,
      report,
      ({ base, head }, report) => {
        const before = resolvedEnumFeatures(base).jsonFormat;
        const after = resolvedEnumFeatures(head).jsonFormat;
        if (!isDowngrade(before, after)) return;
        report.finding({
          file: head.file,
          range: featureRange(after, 'enum', head.decl.range, 'jsonFormat', head.file.text),
          message: `Enum "${head.decl.name}" JSON format support changed from ${before.value} to ${after.value}.`,
          base: { file: base.file.path, range: base.decl.range },
          fixData: featureFixData('jsonFormat', before.value, { targetKind: 'enum', fullName: head.fullName }, base.file),
        });
      },
      'file',
    );
  },
  fixes: revertFeatureFix,
});

export const messageSameJsonFormat = breakingRule({
  id: 'MESSAGE_SAME_JSON_FORMAT',
  summary: "A message's JSON format support changed from ALLOW to LEGACY_BEST_EFFORT",
  check(pairs, report) {
    eachMessagePair(
      pairs,
      report,
      ({ base, head }, report) => {
        const before = resolvedMessageFeatures(base).jsonFormat;
        const after = resolvedMessageFeatures(head).jsonFormat;
        if (!isDowngrade(before, after)) return;
        report.finding({
          file: head.file,
          // A map entry has no option of its own.
          range: head.isMapEntry ? mapEntryRange(head) : featureRange(after, 'message', head.range, 'jsonFormat', head.file.text),
          message: `Message "${head.name}" JSON format support changed from ${before.value} to ${after.value}.`,
          base: { file: base.file.path, range: base.range },
          fixData: head.isMapEntry ? undefined : featureFixData('jsonFormat', before.value, { targetKind: 'message', fullName: head.fullName }, base.file),
        });
      },
      'file',
    );
  },
  fixes: revertFeatureFix,
});

/** ALLOW → LEGACY_BEST_EFFORT; a value buf would not compile compares nothing. */
function isDowngrade(before: Resolved<string>, after: Resolved<string>): boolean {
  return !before.isUnknown && !after.isUnknown && before.value === 'ALLOW' && after.value !== 'ALLOW';
}
