// A string field that stops (or starts) validating UTF-8 changes which messages parse: proto3 verifies, proto2 does
// not, editions choose with `features.utf8_validation`. Extensions are paired by extendee and number, as buf does.
import type { FieldDecl } from '../ast';
import { featureFixData, featureRange, mapEntryRange, revertFeatureFix } from '../featureFixes';
import { resolvedExtensionFeatures, resolvedFieldFeatures } from '../features';
import type { ProtoFile, ProtoImage, ProtoMessage } from '../model';
import { breakingRule } from './rule';

export const fieldSameUtf8Validation = breakingRule({
  id: 'FIELD_SAME_UTF8_VALIDATION',
  summary: 'A string field changed whether it validates UTF-8',
  check(pairs, report) {
    for (const { base, head } of pairs.messages) {
      for (const baseField of base.fields) {
        const headField = head.fieldsByNumber.get(baseField.number);
        if (!headField || baseField.type !== 'string' || headField.type !== 'string') continue;
        const before = resolvedFieldFeatures(baseField, base, pairs.base).utf8Validation;
        const after = resolvedFieldFeatures(headField, head, pairs.head).utf8Validation;
        if (before.value === after.value || before.isUnknown || after.isUnknown) continue;
        if (head.isDamaged || head.file.ast.damaged) {
          report.hidden(head.file);
          continue;
        }
        report.finding({
          file: head.file,
          range: headField.decl ? featureRange(after, 'field', headField.decl.range, 'utf8Validation', head.file.text) : mapEntryRange(head),
          message: `Field "${headField.number}" with name "${headField.name}" on message "${head.name}" changed UTF8 validation from ${before.value} to ${after.value}.`,
          base: { file: base.file.path, range: baseField.decl?.range ?? base.range },
          fixData: headField.decl ? featureFixData('utf8Validation', before.value, { kind: 'field', message: head.fullName, number: headField.number }, base.file) : undefined,
        });
      }
    }
    const headExtensions = extensionsOf(pairs.head);
    for (const [key, baseExtension] of extensionsOf(pairs.base)) {
      const headExtension = headExtensions.get(key);
      if (!headExtension || baseExtension.decl.type !== 'string' || headExtension.decl.type !== 'string') continue;
      const before = resolvedExtensionFeatures(baseExtension.decl, baseExtension.file, baseExtension.scope).utf8Validation;
      const after = resolvedExtensionFeatures(headExtension.decl, headExtension.file, headExtension.scope).utf8Validation;
      if (before.value === after.value || before.isUnknown || after.isUnknown) continue;
      if (headExtension.file.ast.damaged || headExtension.scope?.isDamaged) {
        report.hidden(headExtension.file);
        continue;
      }
      report.finding({
        file: headExtension.file,
        range: featureRange(after, 'field', headExtension.decl.range, 'utf8Validation', headExtension.file.text),
        message: `Extension "${headExtension.decl.number}" with name "${headExtension.fullName}" on message "${headExtension.extendee}" changed UTF8 validation from ${before.value} to ${after.value}.`,
        base: { file: baseExtension.file.path, range: baseExtension.decl.range },
      });
    }
  },
  fixes: revertFeatureFix,
});

interface Extension {
  fullName: string;
  extendee: string;
  decl: FieldDecl;
  file: ProtoFile;
  scope: ProtoMessage | undefined;
}

/** Every extension of an image by `extendee:number`, the extendee resolved to its full name (no leading dot). */
function extensionsOf(image: ProtoImage): Map<string, Extension> {
  const result = new Map<string, Extension>();
  for (const file of image.files) {
    const scopes: { scope: ProtoMessage | undefined; name: string; blocks: typeof file.ast.extends }[] = [
      { scope: undefined, name: file.packageName, blocks: file.ast.extends },
      ...file.messages.filter((message) => message.decl && message.decl.extends.length > 0)
        .map((message) => ({ scope: message, name: message.fullName, blocks: message.decl!.extends })),
    ];
    for (const { scope, name, blocks } of scopes) {
      for (const block of blocks) {
        const extendee = image.resolve(block.extendee, name)?.slice(1);
        if (!extendee) continue;
        for (const decl of block.fields) {
          if (decl.number === undefined) continue;
          const key = `${extendee}:${decl.number}`;
          if (!result.has(key)) result.set(key, { fullName: name ? `${name}.${decl.name}` : decl.name, extendee, decl, file, scope });
        }
      }
    }
  }
  return result;
}
