// What a field is on the wire, as buf's field rules see it: its kind (scalar, enum, message, group or editions
// delimited message) and its cardinality (map, repeated, required, explicit or implicit presence), with features resolved.
import type { Range } from '../engine/range';
import type { ExtendDecl, MessageDecl, ProtoFileAst } from './ast';
import type { ProtoField, ProtoImage, ProtoMessage } from './model';
import { SCALAR_TYPES } from './model';
import type { ImagePairs } from './pairs';

export type FieldKind = string; // a scalar type name, or 'enum' | 'message' | 'group'

export type FieldCardinality =
  | 'optional with explicit presence'
  | 'optional with implicit presence'
  | 'required'
  | 'repeated'
  | 'map';

// Enums that buf compiles in from its own copy of the well-known files.
const WELL_KNOWN_ENUMS = new Set([
  '.google.protobuf.NullValue', '.google.protobuf.Syntax', '.google.protobuf.Edition',
  '.google.protobuf.Field.Kind', '.google.protobuf.Field.Cardinality',
]);

/** The field's kind, or undefined when its type does not resolve (a half-typed name or a missing import). */
export function kindOf(field: ProtoField, message: ProtoMessage, image: ProtoImage): FieldKind | undefined {
  if (SCALAR_TYPES.has(field.type)) return field.type;
  if (!field.isTypeResolved || !field.type.startsWith('.')) return undefined;
  const name = field.type.slice(1);
  if (image.isEnum(name) || WELL_KNOWN_ENUMS.has(field.type)) return 'enum';
  if (field.decl?.group) return 'group';
  // In editions a message field can be encoded like a group; buf (through protoreflect) calls that kind "group".
  if (field.decl && message.file.ast.syntax.syntax === 'editions' && featureOf(field, message.file.ast, 'features.message_encoding', 'LENGTH_PREFIXED') === 'DELIMITED') {
    return 'group';
  }
  return 'message';
}

/** How buf prints a kind in "changed type from … to …". */
export function kindText(kind: FieldKind, message: ProtoMessage): string {
  if (kind === 'group' && message.file.ast.syntax.syntax !== 'proto2') return 'message (delimited encoding)';
  return kind;
}

/** buf's cardinality of a field; undefined when presence cannot be known (an unresolved type in proto3 or editions). */
export function cardinalityOf(field: ProtoField, message: ProtoMessage, image: ProtoImage): FieldCardinality | undefined {
  const decl = field.decl;
  if (decl?.mapKey !== undefined) return 'map';
  if (decl?.label === 'repeated') return 'repeated';
  const ast = message.file.ast;
  const syntax = ast.syntax.syntax;
  if (decl?.label === 'required') return 'required';
  if (syntax === 'editions' && decl && featureOf(field, ast, 'features.field_presence', 'EXPLICIT') === 'LEGACY_REQUIRED') return 'required';
  if (syntax === 'proto2' || decl?.label === 'optional' || field.oneof !== undefined || EXTENDEES.has(field)) {
    return 'optional with explicit presence';
  }
  const kind = kindOf(field, message, image);
  if (kind === undefined) return undefined;
  if (kind === 'message' || kind === 'group') return 'optional with explicit presence';
  if (syntax === 'proto3') return 'optional with implicit presence';
  // A map entry's key and value take the file's presence: they have no options of their own.
  return featureOf(field, ast, 'features.field_presence', 'EXPLICIT') === 'IMPLICIT'
    ? 'optional with implicit presence'
    : 'optional with explicit presence';
}

/** Whether the field is a proto2 `required` field (editions LEGACY_REQUIRED does not count for buf's required-field rule). */
export function isLabelledRequired(field: ProtoField): boolean {
  return field.decl?.label === 'required';
}

/** A field feature resolved from the field's own option, then the file's; both fields and files can set these two. */
function featureOf(field: ProtoField, ast: ProtoFileAst, name: string, editionDefault: string): string {
  return field.decl?.options.find((option) => option.name === name)?.value
    ?? ast.options.find((option) => option.name === name)?.value
    ?? editionDefault;
}

export interface FieldPair {
  base: ProtoField;
  head: ProtoField;
  baseMessage: ProtoMessage;
  headMessage: ProtoMessage;
}

/** Fields paired as buf pairs them: same message full name (map entries and groups included), same number. */
export function fieldPairs(pairs: ImagePairs): FieldPair[] {
  const result: FieldPair[] = [];
  for (const { base, head } of pairs.messages) {
    for (const field of base.fields) {
      const other = head.fieldsByNumber.get(field.number);
      if (other && base.fieldsByNumber.get(field.number) === field) result.push({ base: field, head: other, baseMessage: base, headMessage: head });
    }
  }
  return result;
}

/** Extension fields made by extensionPairs, with the full name of the message they extend. */
const EXTENDEES = new WeakMap<ProtoField, string>();

/**
 * Extensions paired as buf pairs them: same extendee, same number. Each side is a ProtoField named by its full name
 * (buf's texts name extensions so), in a stand-in message for its scope that carries the file and damage.
 */
export function extensionPairs(pairs: ImagePairs): FieldPair[] {
  const result: FieldPair[] = [];
  const head = extensionsOf(pairs.head);
  for (const [key, base] of extensionsOf(pairs.base)) {
    const other = head.get(key);
    if (other) result.push({ base: base.field, head: other.field, baseMessage: base.scope, headMessage: other.scope });
  }
  return result;
}

/** Message fields and extensions, for the field rules buf applies to both. */
export function fieldAndExtensionPairs(pairs: ImagePairs): FieldPair[] {
  return [...fieldPairs(pairs), ...extensionPairs(pairs)];
}

export function isExtension(field: ProtoField): boolean {
  return EXTENDEES.has(field);
}

const extensionCache = new WeakMap<ProtoImage, Map<string, { field: ProtoField; scope: ProtoMessage }>>();
function extensionsOf(image: ProtoImage): Map<string, { field: ProtoField; scope: ProtoMessage }> {
  const cached = extensionCache.get(image);
  if (cached) return cached;
  const result = new Map<string, { field: ProtoField; scope: ProtoMessage }>();
  for (const file of image.files) {
    const visit = (blocks: readonly ExtendDecl[], scopeName: string, enclosing: ProtoMessage | undefined) => {
      for (const block of blocks) {
        const extendee = image.resolve(block.extendee, scopeName);
        if (!extendee) continue;
        for (const decl of block.fields) {
          if (decl.number === undefined) continue;
          const key = `${extendee}:${decl.number}`;
          if (result.has(key)) continue;
          const fullName = scopeName ? `${scopeName}.${decl.name}` : decl.name;
          const resolved = SCALAR_TYPES.has(decl.type) ? decl.type : decl.group ? `.${scopeName ? scopeName + '.' : ''}${decl.group.name}` : image.resolve(decl.type, scopeName);
          const field: ProtoField = {
            name: fullName, number: decl.number, decl,
            cardinality: decl.label === 'repeated' ? 'repeated' : decl.label === 'required' ? 'required' : 'optional',
            type: resolved ?? decl.type, isTypeResolved: resolved !== undefined, jsonName: decl.name, hasExplicitJsonName: false, oneof: undefined,
          };
          EXTENDEES.set(field, extendee.slice(1));
          const scope: ProtoMessage = {
            fullName: scopeName, nestedName: enclosing?.nestedName ?? '', name: enclosing?.name ?? '', file, parent: enclosing, decl: undefined,
            range: decl.range, isMapEntry: false, fields: [field], fieldsByNumber: new Map([[decl.number, field]]),
            reservedRanges: [], reservedNames: new Set(), extensionRanges: [], oneofs: [],
            // A top-level extend block has no damage flag of its own: any syntax error in the file could hide it.
            isDamaged: enclosing ? enclosing.isDamaged : !file.isReadable,
          };
          result.set(key, { field, scope });
        }
      }
    };
    visit(file.ast.extends, file.packageName, undefined);
    const walk = (decls: readonly MessageDecl[], prefix: string) => {
      for (const decl of decls) {
        const fullName = prefix ? `${prefix}.${decl.name}` : decl.name;
        visit(decl.extends, fullName, file.messages.find((candidate) => candidate.fullName === fullName));
        walk(decl.messages, fullName);
      }
    };
    walk(file.ast.messages, file.packageName);
  }
  extensionCache.set(image, result);
  return result;
}

/** buf's `Field "3" with name "email" on message "User"`; the message is named by its own (short) name. */
export function fieldDescription(field: ProtoField, message: ProtoMessage, withName = true): string {
  const extendee = EXTENDEES.get(field);
  if (extendee !== undefined) return `Extension "${field.number}"${withName ? ` with name "${field.name}"` : ''} on message "${extendee}"`;
  return `Field "${field.number}"${withName ? ` with name "${field.name}"` : ''} on message "${message.name}"`;
}

/** Where buf points for "the field": its declaration, or the map field for a map entry's key and value. */
export function fieldRange(field: ProtoField, message: ProtoMessage): Range {
  return field.decl?.range ?? message.range;
}

/** Where buf points for the field's type: the type as written, or the map field's `map<…>` for a map entry's key and value. */
export function fieldTypeRange(field: ProtoField, message: ProtoMessage): Range {
  if (field.decl) return field.decl.typeRange;
  const mapField = message.parent?.fields.find((candidate) => candidate.decl?.mapKey !== undefined && candidate.type === '.' + message.fullName);
  return mapField?.decl?.typeRange ?? message.range;
}

/** The oneof a field is declared in; proto3 `optional` synthetic oneofs do not count (buf ignores them too). */
export function declaredOneof(field: ProtoField, message: ProtoMessage): string | undefined {
  if (field.oneof === undefined) return undefined;
  return message.oneofs.some((oneof) => oneof.name === field.oneof && !oneof.isSynthetic) ? field.oneof : undefined;
}

/** Whether a base field's type, spelled as the base wrote it, still names that type from `scope` at head (a map's value type need only resolve). */
export function isSpelledSameAtHead(field: ProtoField, headImage: ProtoImage, scope: string): boolean {
  const decl = field.decl;
  if (!decl) return false;
  const written = decl.mapValue ?? decl.type;
  if (SCALAR_TYPES.has(written)) return true;
  const resolved = headImage.resolve(written, scope);
  return resolved !== undefined && (decl.mapValue !== undefined || !field.isTypeResolved || resolved === field.type);
}
