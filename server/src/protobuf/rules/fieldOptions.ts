// Field options that change generated code without changing the wire: how JavaScript sees 64-bit integers (jstype),
// how C++ stores strings (ctype or the (pb.cpp).string_type feature), whether Java validates UTF-8. buf compares
// effective values, so features inherited from the message or file count, and an explicit default equals none.
import type { Range } from '../../engine/range';
import type { FieldDecl } from '../ast';
import { fieldDescription } from '../fieldKind';
import type { ProtoField, ProtoFile, ProtoMessage } from '../model';
import { compactOption, effectiveFileOption, fileOptionDecl, inheritedFeature, utf8ValidationOf } from '../options';
import { eachFieldPair, enclosingMessage, isExtension, type ImagePairs } from '../pairs';
import { revertFieldOptionFix } from '../fixes/revert';
import { breakingRule, type RuleReport } from './rule';

/** One side of a compared field, as the option rules read it: a message field (map entry fields included) or an extension. */
interface FieldSide {
  file: ProtoFile;
  /** The message the field is declared in (for an extension, the one enclosing its `extend` block, if any). */
  message: ProtoMessage | undefined;
  decl: FieldDecl | undefined;
  /** Scalar name, or a fully qualified name with a leading dot. */
  type: string;
  number: number;
  /** buf's words for it: `Field "1" with name "a" on message "M"`. */
  description: string;
  /** The field's span (the map field's type for a map entry's key and value). */
  range: Range;
  messageFullName: string | undefined;
  extensionName: string | undefined;
}

function sideOf(field: ProtoField, message: ProtoMessage): FieldSide {
  const extension = isExtension(field);
  return {
    file: message.file,
    message: enclosingMessage(field, message),
    decl: field.decl,
    type: field.type,
    number: field.number,
    description: fieldDescription(field, message),
    range: field.decl?.range ?? mapFieldTypeRange(message) ?? message.range,
    messageFullName: extension ? undefined : message.fullName,
    extensionName: extension ? field.decl?.name : undefined,
  };
}

/** buf locates a map entry's key and value at the map field's `map<K, V>` type. */
function mapFieldTypeRange(entry: ProtoMessage): Range | undefined {
  return mapFieldDecl(entry)?.typeRange;
}

/**
 * Message fields and extensions paired as buf pairs them, each side as the option rules read it. Options and features
 * can be inherited from the top of the file, so a syntax error there could hide them too.
 */
function eachOptionPair(pairs: ImagePairs, report: RuleReport, visit: (pair: { base: FieldSide; head: FieldSide }, report: RuleReport) => void): void {
  eachFieldPair(pairs, report, (pair, report) => visit({ base: sideOf(pair.base, pair.baseMessage), head: sideOf(pair.head, pair.headMessage) }, report), {
    extensions: true,
    reach: 'file',
  });
}

/** How the revert finds the field again: by number in its message, or by number and name among the extensions. */
function fixTarget(side: FieldSide): { number: number; message: string } | { number: number; extension: string } {
  return side.extensionName !== undefined
    ? { number: side.number, extension: side.extensionName }
    : { number: side.number, message: side.messageFullName ?? '' };
}

const INT64_TYPES = new Set(['int64', 'sint64', 'uint64', 'fixed64', 'sfixed64']);

export const fieldSameJstype = breakingRule({
  id: 'FIELD_SAME_JSTYPE',
  summary: 'A 64-bit integer field has a different jstype at head',
  check(pairs, report) {
    eachOptionPair(pairs, report, ({ base, head }, report) => {
      if (!INT64_TYPES.has(base.type) || !INT64_TYPES.has(head.type)) return;
      const baseOption = base.decl ? compactOption(base.decl.options, 'jstype') : undefined;
      const headOption = head.decl ? compactOption(head.decl.options, 'jstype') : undefined;
      const before = baseOption?.value ?? 'JS_NORMAL';
      const after = headOption?.value ?? 'JS_NORMAL';
      if (before === after) return;
      report.finding({
        file: head.file,
        range: headOption?.range ?? head.range,
        message: `${head.description} changed option "jstype" from "${before}" to "${after}".`,
        base: { file: base.file.path, range: baseOption?.range ?? base.range },
        fixData: { fix: 'changedFieldOption', option: 'jstype', baseValue: baseOption?.value ?? null, ...fixTarget(head) },
      });
    });
  },
  fixes: revertFieldOptionFix,
});

const CPP_FEATURE = '(pb.cpp).string_type';

/** buf's reading: ctype (before edition 2024) wins over the feature; STRING_PIECE is STRING marked as a piece. */
function cppStringType(side: FieldSide): { type: string; isPiece: boolean; option: string | undefined } {
  const syntax = side.file.ast.syntax;
  const isEdition2024 = syntax.syntax === 'editions' && syntax.edition !== undefined && syntax.edition >= '2024';
  const ctype = side.decl && !isEdition2024 ? compactOption(side.decl.options, 'ctype') : undefined;
  if (ctype?.value === 'CORD') return { type: 'CORD', isPiece: false, option: 'ctype' };
  if (ctype?.value === 'STRING_PIECE') return { type: 'STRING', isPiece: true, option: 'ctype' };
  // A map entry's key and value (no declaration of their own) keep STRING in every edition, as buf reads them.
  if (ctype?.value === 'STRING' || syntax.syntax !== 'editions' || !side.decl) return { type: 'STRING', isPiece: false, option: ctype ? 'ctype' : undefined };
  const own = side.decl ? compactOption(side.decl.options, `features.${CPP_FEATURE}`) : undefined;
  const inherited = side.decl ? inheritedFeature(side.file, side.message, side.decl, CPP_FEATURE) : undefined;
  return { type: inherited ?? (isEdition2024 ? 'VIEW' : 'STRING'), isPiece: false, option: own ? `features.${CPP_FEATURE}` : undefined };
}

const STRING_TYPES = new Set(['string', 'bytes']);

export const fieldSameCppStringType = breakingRule({
  id: 'FIELD_SAME_CPP_STRING_TYPE',
  summary: 'A string or bytes field has a different C++ string type at head (ctype or (pb.cpp).string_type)',
  check(pairs, report) {
    eachOptionPair(pairs, report, ({ base, head }, report) => {
      if (!STRING_TYPES.has(base.type) || !STRING_TYPES.has(head.type)) return;
      const before = cppStringType(base);
      const after = cppStringType(head);
      const changed = before.type !== after.type || before.isPiece !== after.isPiece;
      // buf: moving from STRING_PIECE to STRING is not breaking.
      if (!changed || (before.isPiece && after.type === 'STRING' && !after.isPiece)) return;
      const name = (value: typeof before) => (value.isPiece ? 'STRING_PIECE' : value.type);
      const headOption = head.decl ? locatedOption(head.decl, ['ctype', `features.${CPP_FEATURE}`]) : undefined;
      const baseOption = base.decl ? locatedOption(base.decl, ['ctype', `features.${CPP_FEATURE}`]) : undefined;
      // A revert is one field option: offered when the base value was written on the field itself.
      const option = before.option ?? (after.option && baseOption === undefined ? after.option : undefined);
      const fixable = option !== undefined && (before.option !== undefined || !inheritedElsewhere(base));
      report.finding({
        file: head.file,
        range: headOption?.range ?? head.range,
        message: `${head.description} changed C++ string type from "${name(before)}" to "${name(after)}".`,
        base: { file: base.file.path, range: baseOption?.range ?? base.range },
        fixData: fixable
          ? { fix: 'changedFieldOption', option, baseValue: base.decl ? (compactOption(base.decl.options, option)?.value ?? null) : null, ...fixTarget(head) }
          : undefined,
      });
    });
  },
  fixes: revertFieldOptionFix,
});

function locatedOption(decl: FieldDecl, names: readonly string[]) {
  for (const name of names) {
    const option = compactOption(decl.options, name);
    if (option) return option;
  }
  return undefined;
}

function inheritedElsewhere(side: FieldSide): boolean {
  if (!side.decl || side.file.ast.syntax.syntax !== 'editions') return false;
  const withoutOwn = { ...side.decl, options: side.decl.options.filter((option) => option.name !== `features.${CPP_FEATURE}`) };
  return inheritedFeature(side.file, side.message, withoutOwn, CPP_FEATURE) !== undefined;
}

const JAVA_FEATURE = '(pb.java).utf8_validation';

/** buf's reading: java_string_check_utf8 decides outside editions or when written; otherwise the (pb.java) feature. */
function javaUtf8Validation(side: FieldSide): string {
  // A map entry's key and value take their features from the map field (and what encloses it).
  const mapField = side.decl ? undefined : mapFieldDecl(side.message);
  const decl = side.decl ?? mapField;
  const scope = side.decl ? side.message : side.message?.parent;
  const fallback = decl ? utf8ValidationOf(side.file, scope, decl) : side.file.ast.syntax.syntax === 'proto2' ? 'NONE' : 'VERIFY';
  if (side.file.ast.syntax.syntax !== 'editions' || fileOptionDecl(side.file, 'java_string_check_utf8')) {
    return effectiveFileOption(side.file, 'java_string_check_utf8') === 'true' ? 'VERIFY' : fallback;
  }
  const feature = decl ? inheritedFeature(side.file, scope, decl, JAVA_FEATURE) : undefined;
  return feature === 'VERIFY' ? 'VERIFY' : fallback;
}

function mapFieldDecl(entry: ProtoMessage | undefined): FieldDecl | undefined {
  if (!entry?.isMapEntry) return undefined;
  return entry.mapField?.decl;
}

export const fieldSameJavaUtf8Validation = breakingRule({
  id: 'FIELD_SAME_JAVA_UTF8_VALIDATION',
  summary: 'A string field is validated as UTF-8 differently by Java at head (java_string_check_utf8 or (pb.java).utf8_validation)',
  check(pairs, report) {
    eachOptionPair(pairs, report, ({ base, head }, report) => {
      if (base.type !== 'string' || head.type !== 'string') return;
      const before = javaUtf8Validation(base);
      const after = javaUtf8Validation(head);
      if (before === after) return;
      const headFileOption = fileOptionDecl(head.file, 'java_string_check_utf8');
      const headFeature = head.decl ? compactOption(head.decl.options, `features.${JAVA_FEATURE}`) : undefined;
      const baseFileOption = fileOptionDecl(base.file, 'java_string_check_utf8');
      const baseFeature = base.decl ? compactOption(base.decl.options, `features.${JAVA_FEATURE}`) : undefined;
      report.finding({
        file: head.file,
        range: headFileOption?.range ?? headFeature?.range ?? head.range,
        message: `${head.description} changed Java string UTF8 validation from "${before}" to "${after}".`,
        base: { file: base.file.path, range: baseFileOption?.range ?? baseFeature?.range ?? base.range },
      });
    });
  },
});

// Deprecated: buf accepts it in v1 `use`/`except` and runs FIELD_SAME_CPP_STRING_TYPE instead (protobuf/categories.ts).
export const fieldSameCtype = breakingRule({
  id: 'FIELD_SAME_CTYPE',
  summary: 'Deprecated: buf runs FIELD_SAME_CPP_STRING_TYPE for this ID',
  check: () => undefined,
});
