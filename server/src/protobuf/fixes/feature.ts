// Where a changed feature is reported and how it is reverted: at the option when the element itself set the feature
// (buf points there), else at the element; the fix sets the base value back on the element, or restores the syntax line.
import type { Fix, TextEdit } from '../../engine/edit';
import { containsPosition, lineIndexOf, type Range } from '../../engine/range';
import type { CompactOption, FieldDecl, OptionDecl } from '../ast';
import { FEATURE_OPTION, type FeatureLevel, type FeatureName, type Resolved } from '../features';
import { fieldNumbered, messageNamed, protoEnumNamed, type ProtoFile, type ProtoMessage } from '../model';
import type { FixContext } from '../rules/rule';
import { fixDataOf, type FeatureFixData } from './data';
import { revertFixOf } from './edits';

/**
 * The head range buf reports a changed feature at: the option when it is the element's own (inside an aggregate
 * `features = { … }`, just its `key: VALUE`), else the element.
 */
export function featureRange(resolved: Resolved<string>, ownLevel: FeatureLevel, elementRange: Range, feature?: FeatureName, text?: string): Range {
  const setBy = resolved.setBy;
  if (resolved.level !== ownLevel || !setBy || !containsPosition(elementRange, setBy.start)) return elementRange;
  if (feature === undefined || text === undefined) return setBy;
  const lines = lineIndexOf(text);
  const start = lines.offsetAt(setBy.start);
  const written = text.slice(start, lines.offsetAt(setBy.end));
  if (!/^(?:option\s+)?features\s*=/.test(written)) return setBy;
  const match = new RegExp(`\\b${FEATURE_OPTION[feature]}\\s*:\\s*[A-Z_0-9]+`).exec(written);
  if (!match) return setBy;
  return { start: lines.positionAt(start + match.index), end: lines.positionAt(start + match.index + match[0].length) };
}

/** buf reports a map entry (and its key and value) at the map field's `map<K, V>` type. */
export function mapEntryRange(entry: ProtoMessage): Range {
  const field = entry.parent?.decl?.fields.find((candidate) => candidate.range === entry.range && candidate.mapKey !== undefined);
  return field?.typeRange ?? entry.range;
}

/** The element whose feature changed: a message or enum by full name, or a field by message and number. */
export type FeatureTarget = { targetKind: 'message' | 'enum'; fullName: string } | { targetKind: 'field'; message: string; number: number };

/** The fix data that `revertFeatureFix` works from. */
export function featureFixData(feature: FeatureName, baseValue: string, target: FeatureTarget, base: ProtoFile): FeatureFixData {
  const syntax = base.ast.syntax;
  const syntaxText = syntax.range ? base.text.slice(offsetOf(base.text, syntax.range.start), offsetOf(base.text, syntax.range.end)) : null;
  return { ...target, fix: 'changedFeature', feature, value: baseValue, baseSyntax: syntax.syntax, baseSyntaxText: syntaxText };
}

/**
 * "Revert to the base value": in an editions head, set the feature on the element to its base value (replacing the
 * element's own option when it has one); in a proto2/proto3 head whose syntax changed, put the base's syntax line back.
 */
export function revertFeatureFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'changedFeature');
  if (!data) return [];
  const key = `features.${FEATURE_OPTION[data.feature] ?? ''}`;
  const headSyntax = head.ast.syntax;
  if (headSyntax.syntax !== 'editions') {
    if (data.baseSyntax === headSyntax.syntax || data.baseSyntaxText === null || data.baseSyntax === 'editions' || !headSyntax.range) return [];
    return revertFixOf(finding.file, [{ range: headSyntax.range, newText: data.baseSyntaxText }]);
  }
  const edit = data.targetKind === 'field' ? fieldEdit(head, data, key, data.value) : bodyEdit(head, data, key, data.value);
  return edit ? revertFixOf(finding.file, [edit]) : [];
}

function bodyEdit(head: ProtoFile, data: Extract<FeatureFixData, { targetKind: 'message' | 'enum' }>, key: string, value: string): TextEdit | undefined {
  const decl =
    data.targetKind === 'enum'
      ? protoEnumNamed(head, data.fullName)?.decl
      : head.messages.find((item) => item.fullName === data.fullName && !item.isMapEntry)?.decl;
  if (!decl) return undefined;
  const own = decl.options.find((option: OptionDecl) => option.name === key);
  if (own) return { range: own.range, newText: `option ${key} = ${value};` };
  if (decl.options.some((option) => option.name === 'features')) return undefined;
  const lines = lineIndexOf(head.text);
  const open = decl.bodyRange.start;
  const indent = (/^[ \t]*/.exec(lines.lineText(decl.range.start.line))?.[0] ?? '') + '  ';
  const at = { line: open.line, character: open.character + 1 };
  return { range: { start: at, end: at }, newText: `\n${indent}option ${key} = ${value};` };
}

function fieldEdit(head: ProtoFile, data: Extract<FeatureFixData, { targetKind: 'field' }>, key: string, value: string): TextEdit | undefined {
  const message = messageNamed(head, data.message);
  const decl: FieldDecl | undefined = message && fieldNumbered(message, data.number)?.decl;
  if (!decl) return undefined;
  const own = decl.options.find((option: CompactOption) => option.name === key);
  if (own) return { range: own.range, newText: `${key} = ${value}` };
  if (decl.options.some((option) => option.name === 'features')) return undefined;
  const lines = lineIndexOf(head.text);
  const last = decl.options[decl.options.length - 1];
  if (last) return { range: { start: last.range.end, end: last.range.end }, newText: `, ${key} = ${value}` };
  if (head.text[decl.endOffset - 1] !== ';') return undefined;
  const at = lines.positionAt(decl.endOffset - 1);
  return { range: { start: at, end: at }, newText: ` [${key} = ${value}]` };
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  return lineIndexOf(text).offsetAt(position);
}
