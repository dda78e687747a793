// Field options that change generated code without changing the wire: how JavaScript sees 64-bit integers (jstype),
// how C++ stores strings (ctype or the (pb.cpp).string_type feature), whether Java validates UTF-8. buf compares
// effective values, so features inherited from the message or file count, and an explicit default equals none.
import type { Range } from '../../engine/range';
import type { ExtendDecl, FieldDecl, MessageDecl } from '../ast';
import { mapEntryName, type ProtoField, type ProtoFile, type ProtoImage, type ProtoMessage } from '../model';
import { compactOption, effectiveFileOption, fileOptionDecl, inheritedFeature, utf8ValidationOf } from '../options';
import type { ImagePairs } from '../pairs';
import { revertFieldOptionFix } from '../revertFixes';
import { breakingRule, type RuleReport } from './rule';

/** One side of a compared field: a message field (map entry fields included) or an extension. */
interface FieldSide {
  file: ProtoFile;
  message: ProtoMessage | undefined;
  decl: FieldDecl | undefined;
  /** Scalar name, or a fully qualified name with a leading dot. */
  type: string;
  number: number;
  /** buf's words for it: `Field "1" with name "a" on message "M"`. */
  description: string;
  /** The field's span (the map field for a map entry's key and value). */
  range: Range;
  isDamaged: boolean;
  messageFullName: string | undefined;
  extensionName: string | undefined;
}

interface FieldPair {
  base: FieldSide;
  head: FieldSide;
}

function messageField(message: ProtoMessage, field: ProtoField): FieldSide {
  return {
    file: message.file, message, decl: field.decl, type: field.type, number: field.number,
    description: `Field "${field.number}" with name "${field.name}" on message "${message.name}"`,
    range: field.decl?.range ?? mapFieldTypeRange(message) ?? message.range, isDamaged: message.isDamaged || !message.file.isReadable,
    messageFullName: message.fullName, extensionName: undefined,
  };
}

/** buf locates a map entry's key and value at the map field's `map<K, V>` type. */
function mapFieldTypeRange(entry: ProtoMessage): Range | undefined {
  if (!entry.isMapEntry) return undefined;
  return entry.parent?.decl?.fields.find((field) => field.mapKey !== undefined && entry.fullName.endsWith(`.${mapEntryName(field.name)}`))?.typeRange;
}

const SCALARS = new Set(['double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes']);

/** Extensions by extendee and number, as buf pairs them; the enclosing message gives inherited features. */
function extensionsOf(image: ProtoImage): Map<string, FieldSide> {
  const result = new Map<string, FieldSide>();
  for (const file of image.files) {
    const visit = (extendsList: readonly ExtendDecl[], scope: string, message: ProtoMessage | undefined) => {
      for (const extend of extendsList) {
        const extendee = image.resolve(extend.extendee, scope);
        if (!extendee) continue;
        for (const decl of extend.fields) {
          if (decl.number === undefined) continue;
          const fullName = scope ? `${scope}.${decl.name}` : decl.name;
          const type = SCALARS.has(decl.type) ? decl.type : image.resolve(decl.type, scope) ?? decl.type;
          const key = `${extendee}:${decl.number}`;
          if (result.has(key)) continue;
          result.set(key, {
            file, message, decl, type, number: decl.number,
            description: `Extension "${decl.number}" with name "${fullName}" on message "${extendee.slice(1)}"`,
            range: decl.range, isDamaged: (message?.isDamaged ?? false) || !file.isReadable,
            messageFullName: undefined, extensionName: decl.name,
          });
        }
      }
    };
    visit(file.ast.extends, file.packageName, undefined);
    const walk = (decls: readonly MessageDecl[], prefix: string) => {
      for (const decl of decls) {
        const fullName = prefix ? `${prefix}.${decl.name}` : decl.name;
        const message = file.messages.find((candidate) => candidate.fullName === fullName);
        visit(decl.extends, fullName, message);
        walk(decl.messages, fullName);
      }
    };
    walk(file.ast.messages, file.packageName);
  }
  return result;
}

const fieldPairCache = new WeakMap<ImagePairs, FieldPair[]>();
function fieldPairs(pairs: ImagePairs): FieldPair[] {
  const cached = fieldPairCache.get(pairs);
  if (cached) return cached;
  const result: FieldPair[] = [];
  for (const { base, head } of pairs.messages) {
    for (const field of base.fields) {
      const other = head.fieldsByNumber.get(field.number);
      if (other) result.push({ base: messageField(base, field), head: messageField(head, other) });
    }
  }
  const headExtensions = extensionsOf(pairs.head);
  for (const [key, base] of extensionsOf(pairs.base)) {
    const head = headExtensions.get(key);
    if (head) result.push({ base, head });
  }
  fieldPairCache.set(pairs, result);
  return result;
}

function hidden(side: FieldSide, report: RuleReport): boolean {
  if (!side.isDamaged) return false;
  report.hidden(side.file);
  return true;
}

function fixTarget(side: FieldSide): Record<string, string | number> {
  return side.extensionName !== undefined
    ? { number: side.number, extension: side.extensionName }
    : { number: side.number, message: side.messageFullName ?? '' };
}

const INT64_TYPES = new Set(['int64', 'sint64', 'uint64', 'fixed64', 'sfixed64']);

export const fieldSameJstype = breakingRule({
  id: 'FIELD_SAME_JSTYPE',
  summary: 'A 64-bit integer field has a different jstype at head',
  check(pairs, report) {
    for (const { base, head } of fieldPairs(pairs)) {
      if (!INT64_TYPES.has(base.type) || !INT64_TYPES.has(head.type)) continue;
      const baseOption = base.decl ? compactOption(base.decl.options, 'jstype') : undefined;
      const headOption = head.decl ? compactOption(head.decl.options, 'jstype') : undefined;
      const before = baseOption?.value ?? 'JS_NORMAL';
      const after = headOption?.value ?? 'JS_NORMAL';
      if (before === after || hidden(head, report)) continue;
      report.finding({
        file: head.file,
        range: headOption?.range ?? head.range,
        message: `${head.description} changed option "jstype" from "${before}" to "${after}".`,
        base: { file: base.file.path, range: baseOption?.range ?? base.range },
        fixData: { kind: 'fieldOption', option: 'jstype', baseValue: baseOption?.value ?? null, ...fixTarget(head) },
      });
    }
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
  if (ctype?.value === 'STRING' || syntax.syntax !== 'editions') return { type: 'STRING', isPiece: false, option: ctype ? 'ctype' : undefined };
  const own = side.decl ? compactOption(side.decl.options, `features.${CPP_FEATURE}`) : undefined;
  const inherited = side.decl ? inheritedFeature(side.file, side.message, side.decl, CPP_FEATURE) : undefined;
  return { type: inherited ?? (isEdition2024 ? 'VIEW' : 'STRING'), isPiece: false, option: own ? `features.${CPP_FEATURE}` : undefined };
}

const STRING_TYPES = new Set(['string', 'bytes']);

export const fieldSameCppStringType = breakingRule({
  id: 'FIELD_SAME_CPP_STRING_TYPE',
  summary: 'A string or bytes field has a different C++ string type at head (ctype or (pb.cpp).string_type)',
  check(pairs, report) {
    for (const { base, head } of fieldPairs(pairs)) {
      if (!STRING_TYPES.has(base.type) || !STRING_TYPES.has(head.type)) continue;
      const before = cppStringType(base);
      const after = cppStringType(head);
      const changed = before.type !== after.type || before.isPiece !== after.isPiece;
      // buf: moving from STRING_PIECE to STRING is not breaking.
      if (!changed || (before.isPiece && after.type === 'STRING' && !after.isPiece) || hidden(head, report)) continue;
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
          ? { kind: 'fieldOption', option, baseValue: base.decl ? compactOption(base.decl.options, option)?.value ?? null : null, ...fixTarget(head) }
          : undefined,
      });
    }
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
  return entry.parent?.decl?.fields.find((field) => field.mapKey !== undefined && entry.fullName.endsWith(`.${mapEntryName(field.name)}`));
}

export const fieldSameJavaUtf8Validation = breakingRule({
  id: 'FIELD_SAME_JAVA_UTF8_VALIDATION',
  summary: 'A string field is validated as UTF-8 differently by Java at head (java_string_check_utf8 or (pb.java).utf8_validation)',
  check(pairs, report) {
    for (const { base, head } of fieldPairs(pairs)) {
      if (base.type !== 'string' || head.type !== 'string') continue;
      const before = javaUtf8Validation(base);
      const after = javaUtf8Validation(head);
      if (before === after || hidden(head, report)) continue;
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
    }
  },
});

// Deprecated: buf accepts it in v1 `use`/`except` and runs FIELD_SAME_CPP_STRING_TYPE instead (protobuf/categories.ts).
export const fieldSameCtype = breakingRule({
  id: 'FIELD_SAME_CTYPE',
  summary: 'Deprecated: buf runs FIELD_SAME_CPP_STRING_TYPE for this ID',
  check: () => undefined,
});
