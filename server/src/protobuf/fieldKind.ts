// What a field is on the wire, as buf's field rules see it: its kind (scalar, enum, message, group or editions
// delimited message) and its cardinality (map, repeated, required, explicit or implicit presence), with features resolved.
import type { Range } from '../engine/range';
import type { ProtoFileAst } from './ast';
import type { ProtoField, ProtoImage, ProtoMessage } from './model';
import { SCALAR_TYPES } from './model';
import { extendeeOf, isExtension } from './pairs';

export type FieldKind = string; // a scalar type name, or 'enum' | 'message' | 'group'

export type FieldCardinality = 'optional with explicit presence' | 'optional with implicit presence' | 'required' | 'repeated' | 'map';

// Enums that buf compiles in from its own copy of the well-known files.
const WELL_KNOWN_ENUMS = new Set([
  '.google.protobuf.NullValue',
  '.google.protobuf.Syntax',
  '.google.protobuf.Edition',
  '.google.protobuf.Field.Kind',
  '.google.protobuf.Field.Cardinality',
]);

/** The field's kind, or undefined when its type does not resolve (a half-typed name or a missing import). */
export function kindOf(field: ProtoField, message: ProtoMessage, image: ProtoImage): FieldKind | undefined {
  if (SCALAR_TYPES.has(field.type)) return field.type;
  if (!field.isTypeResolved || !field.type.startsWith('.')) return undefined;
  const name = field.type.slice(1);
  if (image.isEnum(name) || WELL_KNOWN_ENUMS.has(field.type)) return 'enum';
  if (field.decl?.group) return 'group';
  // In editions a message field can be encoded like a group; buf (through protoreflect) calls that kind "group".
  if (
    field.decl &&
    message.file.ast.syntax.syntax === 'editions' &&
    featureOf(field, message.file.ast, 'features.message_encoding', 'LENGTH_PREFIXED') === 'DELIMITED'
  ) {
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
  if (syntax === 'proto2' || decl?.label === 'optional' || field.oneof !== undefined || isExtension(field)) {
    return 'optional with explicit presence';
  }
  const kind = kindOf(field, message, image);
  if (kind === undefined) return undefined;
  if (kind === 'message' || kind === 'group') return 'optional with explicit presence';
  if (syntax === 'proto3') return 'optional with implicit presence';
  // A map entry's key and value take the file's presence: they have no options of their own.
  return featureOf(field, ast, 'features.field_presence', 'EXPLICIT') === 'IMPLICIT' ? 'optional with implicit presence' : 'optional with explicit presence';
}

/** Whether the field is a proto2 `required` field (editions LEGACY_REQUIRED does not count for buf's required-field rule). */
export function isLabelledRequired(field: ProtoField): boolean {
  return field.decl?.label === 'required';
}

/** A field feature resolved from the field's own option, then the file's; both fields and files can set these two. */
function featureOf(field: ProtoField, ast: ProtoFileAst, name: string, editionDefault: string): string {
  return field.decl?.options.find((option) => option.name === name)?.value ?? ast.options.find((option) => option.name === name)?.value ?? editionDefault;
}

/** buf's `Field "3" with name "email" on message "User"`; the message is named by its own (short) name. */
export function fieldDescription(field: ProtoField, message: ProtoMessage, withName = true): string {
  const extendee = extendeeOf(field);
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
  return message.mapField?.decl?.typeRange ?? message.range;
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
