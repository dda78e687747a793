// A string field that stops (or starts) validating UTF-8 changes which messages parse: proto3 verifies, proto2 does
// not, editions choose with `features.utf8_validation`. Extensions are paired by extendee and number, as buf does.
import { featureFixData, featureRange, mapEntryRange, revertFeatureFix } from '../fixes/feature';
import { resolvedExtensionFeatures, resolvedFieldFeatures, type ResolvedFeatures } from '../features';
import { fieldDescription } from '../fieldKind';
import type { ProtoField, ProtoImage, ProtoMessage } from '../model';
import { eachFieldPair, isExtension } from '../pairs';
import { breakingRule } from './rule';

export const fieldSameUtf8Validation = breakingRule({
  id: 'FIELD_SAME_UTF8_VALIDATION',
  summary: 'A string field changed whether it validates UTF-8',
  check(pairs, report) {
    // The feature can be inherited from the top of the file, where a syntax error could hide it.
    eachFieldPair(
      pairs,
      report,
      ({ base, head, baseMessage, headMessage }, report) => {
        if (base.type !== 'string' || head.type !== 'string') return;
        const before = featuresOf(base, baseMessage, pairs.base).utf8Validation;
        const after = featuresOf(head, headMessage, pairs.head).utf8Validation;
        if (before.value === after.value || before.isUnknown || after.isUnknown) return;
        report.finding({
          file: headMessage.file,
          range: head.decl ? featureRange(after, 'field', head.decl.range, 'utf8Validation', headMessage.file.text) : mapEntryRange(headMessage),
          message: `${fieldDescription(head, headMessage)} changed UTF8 validation from ${before.value} to ${after.value}.`,
          base: { file: baseMessage.file.path, range: base.decl?.range ?? baseMessage.range },
          // An extension is not found again by message and number, so it gets no fix.
          fixData:
            head.decl && !isExtension(head)
              ? featureFixData('utf8Validation', before.value, { targetKind: 'field', message: headMessage.fullName, number: head.number }, baseMessage.file)
              : undefined,
        });
      },
      { extensions: true, reach: 'file' },
    );
  },
  fixes: revertFeatureFix,
});

/** An extension takes its features from the message its `extend` block stands in, or from the file. */
function featuresOf(field: ProtoField, message: ProtoMessage, image: ProtoImage): ResolvedFeatures {
  return isExtension(field) && field.decl ? resolvedExtensionFeatures(field.decl, message.file, message.parent) : resolvedFieldFeatures(field, message, image);
}
