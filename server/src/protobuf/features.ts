// Editions feature resolution, as protoc does it: a feature's value comes from the nearest enclosing level that sets it
// (field ← oneof ← message ← … ← file), else from the edition's defaults; proto2 and proto3 map onto the same features.
import type { Range } from '../engine/range';
import type { CompactOption, FieldDecl, MessageDecl, OneofDecl, OptionDecl, ProtoFileAst } from './ast';
import type { ProtoEnum, ProtoField, ProtoFile, ProtoImage, ProtoMessage } from './model';

export type FieldPresence = 'EXPLICIT' | 'IMPLICIT' | 'LEGACY_REQUIRED';
export type EnumType = 'OPEN' | 'CLOSED';
export type RepeatedFieldEncoding = 'PACKED' | 'EXPANDED';
export type Utf8Validation = 'VERIFY' | 'NONE';
export type MessageEncoding = 'LENGTH_PREFIXED' | 'DELIMITED';
export type JsonFormat = 'ALLOW' | 'LEGACY_BEST_EFFORT';

export interface FeatureValues {
  fieldPresence: FieldPresence;
  enumType: EnumType;
  repeatedFieldEncoding: RepeatedFieldEncoding;
  utf8Validation: Utf8Validation;
  messageEncoding: MessageEncoding;
  jsonFormat: JsonFormat;
}

export type FeatureName = keyof FeatureValues;

/** Where a resolved value came from: the syntax/edition default, or an option at some level (with its range). */
export type FeatureLevel = 'default' | 'file' | 'message' | 'oneof' | 'field' | 'enum';

export interface Resolved<T> {
  value: T;
  level: FeatureLevel;
  /** The option that set the value (at `level`); undefined for defaults and for values implied by proto2/proto3 syntax. */
  setBy: Range | undefined;
  /** The option names a value this feature does not have (often half-typed): compare nothing that depends on it. */
  isUnknown?: true;
}

export type ResolvedFeatures = { [K in FeatureName]: Resolved<FeatureValues[K]> };

/** The option key under `features.` for each feature. */
export const FEATURE_OPTION: Readonly<Record<FeatureName, string>> = {
  fieldPresence: 'field_presence',
  enumType: 'enum_type',
  repeatedFieldEncoding: 'repeated_field_encoding',
  utf8Validation: 'utf8_validation',
  messageEncoding: 'message_encoding',
  jsonFormat: 'json_format',
};

const FEATURE_NAMES = Object.keys(FEATURE_OPTION) as FeatureName[];

const ALLOWED: Readonly<Record<FeatureName, readonly string[]>> = {
  fieldPresence: ['EXPLICIT', 'IMPLICIT', 'LEGACY_REQUIRED'],
  enumType: ['OPEN', 'CLOSED'],
  repeatedFieldEncoding: ['PACKED', 'EXPANDED'],
  utf8Validation: ['VERIFY', 'NONE'],
  messageEncoding: ['LENGTH_PREFIXED', 'DELIMITED'],
  jsonFormat: ['ALLOW', 'LEGACY_BEST_EFFORT'],
};

const PROTO2: FeatureValues = {
  fieldPresence: 'EXPLICIT',
  enumType: 'CLOSED',
  repeatedFieldEncoding: 'EXPANDED',
  utf8Validation: 'NONE',
  messageEncoding: 'LENGTH_PREFIXED',
  jsonFormat: 'LEGACY_BEST_EFFORT',
};
const PROTO3: FeatureValues = {
  fieldPresence: 'IMPLICIT',
  enumType: 'OPEN',
  repeatedFieldEncoding: 'PACKED',
  utf8Validation: 'VERIFY',
  messageEncoding: 'LENGTH_PREFIXED',
  jsonFormat: 'ALLOW',
};
// Editions 2023 and 2024 share these six defaults; 2024 differs only in features no breaking rule reads.
const EDITION_2023: FeatureValues = {
  fieldPresence: 'EXPLICIT',
  enumType: 'OPEN',
  repeatedFieldEncoding: 'PACKED',
  utf8Validation: 'VERIFY',
  messageEncoding: 'LENGTH_PREFIXED',
  jsonFormat: 'ALLOW',
};

/** The defaults of a file's syntax or edition, before any option. */
export function syntaxDefaults(ast: ProtoFileAst): FeatureValues {
  if (ast.syntax.syntax === 'proto3') return PROTO3;
  if (ast.syntax.syntax === 'editions') return EDITION_2023;
  return PROTO2;
}

/** Whether features can be set by options at all (only in editions files). */
export function isEditions(ast: ProtoFileAst): boolean {
  return ast.syntax.syntax === 'editions';
}

type AnyOption = Pick<OptionDecl, 'name' | 'value' | 'valueKind' | 'range'> | CompactOption;

/** The features a list of options sets: `features.x = V` and `features = { x: V }`; unknown values are ignored. */
export function featuresSetBy(options: readonly AnyOption[]): Partial<{ [K in FeatureName]: { value: string; range: Range } }> {
  const result: Partial<{ [K in FeatureName]: { value: string; range: Range } }> = {};
  for (const option of options) {
    if (option.name === 'features' && option.valueKind === 'aggregate') {
      for (const feature of FEATURE_NAMES) {
        const match = new RegExp(`(?:^|[\\s{,;])${FEATURE_OPTION[feature]}\\s*:\\s*([A-Z_0-9]+)`).exec(option.value);
        if (match && ALLOWED[feature].includes(match[1])) result[feature] = { value: match[1], range: option.range };
      }
      continue;
    }
    if (!option.name.startsWith('features.')) continue;
    const key = option.name.slice('features.'.length);
    const feature = FEATURE_NAMES.find((name) => FEATURE_OPTION[name] === key);
    if (feature) result[feature] = { value: option.value, range: option.range };
  }
  return result;
}

function layer(parent: ResolvedFeatures, options: readonly AnyOption[], level: FeatureLevel, ast: ProtoFileAst): ResolvedFeatures {
  if (!isEditions(ast)) return parent;
  const set = featuresSetBy(options);
  let result = parent;
  for (const feature of FEATURE_NAMES) {
    const found = set[feature];
    if (!found) continue;
    if (result === parent) result = { ...parent };
    const resolved: Resolved<string> = { value: found.value, level, setBy: found.range };
    if (!ALLOWED[feature].includes(found.value)) resolved.isUnknown = true;
    (result as Record<FeatureName, Resolved<string>>)[feature] = resolved;
  }
  return result;
}

const fileCache = new WeakMap<ProtoFileAst, ResolvedFeatures>();
const messageCache = new WeakMap<MessageDecl, ResolvedFeatures>();

/** File-level features: the syntax/edition defaults with the file's `option features…` applied. */
export function resolvedFileFeatures(file: ProtoFile | ProtoFileAst): ResolvedFeatures {
  const ast = 'ast' in file ? file.ast : file;
  const cached = fileCache.get(ast);
  if (cached) return cached;
  const defaults = syntaxDefaults(ast);
  const base = Object.fromEntries(
    FEATURE_NAMES.map((name) => [name, { value: defaults[name], level: 'default', setBy: undefined }]),
  ) as unknown as ResolvedFeatures;
  const resolved = layer(base, ast.options, 'file', ast);
  fileCache.set(ast, resolved);
  return resolved;
}

/** A message's features, inherited through its enclosing messages. A map entry has the features of the message holding the map. */
export function resolvedMessageFeatures(message: ProtoMessage): ResolvedFeatures {
  if (!message.decl) return message.parent ? resolvedMessageFeatures(message.parent) : resolvedFileFeatures(message.file);
  const cached = messageCache.get(message.decl);
  if (cached) return cached;
  const parent = message.parent ? resolvedMessageFeatures(message.parent) : resolvedFileFeatures(message.file);
  const resolved = layer(parent, message.decl.options, 'message', message.file.ast);
  messageCache.set(message.decl, resolved);
  return resolved;
}

/** An enum's features, inherited from the file and its enclosing messages. */
export function resolvedEnumFeatures(item: ProtoEnum): ResolvedFeatures {
  const features = item.parent ? resolvedMessageFeatures(item.parent) : resolvedFileFeatures(item.file);
  return layer(features, item.decl.options, 'enum', item.file.ast);
}

/**
 * A field's features, with the proto2/proto3 meanings folded in: `required` is LEGACY_REQUIRED, proto3 `optional`,
 * oneof members and message-typed fields have explicit presence, a group is DELIMITED, `[packed = …]` sets the encoding.
 * Pass the image to tell message-typed fields from enum-typed ones (without it, only groups and maps count as messages).
 */
export function resolvedFieldFeatures(field: ProtoField, message: ProtoMessage, image?: ProtoImage): ResolvedFeatures {
  if (!field.decl) {
    // A map entry's key and value carry the features of the map field that made the entry.
    const mapField = message.isMapEntry ? message.mapField : undefined;
    return mapField && message.parent ? resolvedFieldFeatures(mapField, message.parent, image) : resolvedMessageFeatures(message);
  }
  const oneof = message.decl?.oneofs.find((candidate) => candidate.fields.includes(field.decl!));
  const isMessageType = field.decl.group !== undefined || field.decl.mapKey !== undefined || (image?.isMessage(field.type.replace(/^\./, '')) ?? false);
  return fieldFeatures(field.decl, resolvedMessageFeatures(message), message.file.ast, oneof, isMessageType);
}

/** An extension field's features: those of the scope of its `extend` block (a message, or the file when `scope` is undefined). */
export function resolvedExtensionFeatures(decl: FieldDecl, file: ProtoFile, scope: ProtoMessage | undefined, isMessageType = false): ResolvedFeatures {
  const parent = scope ? resolvedMessageFeatures(scope) : resolvedFileFeatures(file);
  return fieldFeatures(decl, parent, file.ast, undefined, isMessageType || decl.group !== undefined);
}

function fieldFeatures(decl: FieldDecl, parent: ResolvedFeatures, ast: ProtoFileAst, oneof: OneofDecl | undefined, isMessageType: boolean): ResolvedFeatures {
  let features = oneof ? layer(parent, oneof.options, 'oneof', ast) : parent;
  features = layer(features, decl.options, 'field', ast);
  const syntax = ast.syntax.syntax;
  const implied: Partial<FeatureValues> = {};
  if (decl.label === 'required') implied.fieldPresence = 'LEGACY_REQUIRED';
  else if (syntax === 'proto3' && (decl.label === 'optional' || oneof !== undefined || isMessageType)) implied.fieldPresence = 'EXPLICIT';
  else if (syntax === 'editions' && (oneof !== undefined || isMessageType) && features.fieldPresence.value === 'IMPLICIT') implied.fieldPresence = 'EXPLICIT';
  if (syntax !== 'editions') {
    if (decl.group) implied.messageEncoding = 'DELIMITED';
    const packed = decl.options.find((option) => option.name === 'packed')?.value;
    if (packed === 'true') implied.repeatedFieldEncoding = 'PACKED';
    else if (packed === 'false') implied.repeatedFieldEncoding = 'EXPANDED';
  }
  const keys = Object.keys(implied) as FeatureName[];
  if (keys.length === 0) return features;
  const result = { ...features } as Record<FeatureName, Resolved<string>>;
  for (const key of keys) result[key] = { value: implied[key]!, level: 'field', setBy: undefined };
  return result as ResolvedFeatures;
}
