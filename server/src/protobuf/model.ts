// The meaning of parsed files: fully qualified names, resolved field types, JSON names, oneofs (incl. proto3 `optional`),
// reserved numbers and names, map entry and group messages as protoc synthesises them. Parses are cached by text hash.
import type { Range } from '../engine/range';
import { textFingerprint } from '../engine/tree';
import type { EnumDecl, FieldDecl, MessageDecl, ProtoFileAst, ServiceDecl } from './ast';
import { indexOf, summarize, type SymbolTable } from './moduleIndex';
import { parseProto, parseProtoSteps } from './parser';
import { NO_ITEMS, NO_NAMES, settleLists } from './lists';
import { runSteps, type Steps } from '../engine/slices';

export interface ProtoFile {
  /** Repository-relative path. */
  path: string;
  /** Path relative to its module root: what imports and buf's messages name. */
  modulePath: string;
  text: string;
  ast: ProtoFileAst;
  packageName: string;
  messages: ProtoMessage[];
  enums: ProtoEnum[];
  services: ServiceDecl[];
  /** Import paths as written. */
  imports: string[];
  /** Whether declarations here can be trusted to be complete (no junk, no top-level syntax error). */
  isReadable: boolean;
}

export interface ProtoMessage {
  fullName: string;
  /** The name within the package: `User.Inner`. buf names messages this way in its texts. */
  nestedName: string;
  name: string;
  file: ProtoFile;
  parent: ProtoMessage | undefined;
  /** The declaration; a map entry has none and borrows its field's. */
  decl: MessageDecl | undefined;
  /** Where buf points for this message: its span, or the map field for a map entry. */
  range: Range;
  isMapEntry: boolean;
  fields: ProtoField[];
  reservedRanges: { start: number; end: number }[];
  reservedNames: ReadonlySet<string>;
  extensionRanges: { start: number; end: number }[];
  oneofs: { name: string; isSynthetic: boolean }[];
  /** A syntax error in this body or an enclosing one could be hiding members. */
  isDamaged: boolean;
  /** For a map entry: the map field that made it. */
  mapField?: ProtoField;
}

export type Cardinality = 'optional' | 'required' | 'repeated' | 'implicit';

export interface ProtoField {
  name: string;
  number: number;
  decl: FieldDecl | undefined;
  cardinality: Cardinality;
  /** A scalar name (`int32`) or a fully qualified message/enum name with a leading dot; unresolved names keep their text. */
  type: string;
  isTypeResolved: boolean;
  jsonName: string;
  hasExplicitJsonName: boolean;
  oneof: string | undefined;
}

export interface ProtoEnum {
  fullName: string;
  nestedName: string;
  decl: EnumDecl;
  file: ProtoFile;
  /** The message the enum is declared in; undefined at the top level. */
  parent: ProtoMessage | undefined;
}

export const SCALAR_TYPES = new Set([
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
]);

// ---- parse cache ----

// Bounded by source size rather than file count. The checker keeps its own models (protobuf/modelCache.ts); this only
// spares a re-parse of texts seen a moment ago (a code action on the text just checked).
const PARSE_CACHE_LIMIT_CHARS = 2_000_000;
const parseCache = new Map<string, { ast: ProtoFileAst; size: number }>();
let parseCacheChars = 0;

/** Parses a text once: the same text (by hash) reuses the same tree, so typing re-parses only the edited file. */
export function parseCached(text: string): ProtoFileAst {
  return runSteps(parseCachedSteps(text));
}

function* parseCachedSteps(text: string): Steps<ProtoFileAst> {
  const key = textFingerprint(text);
  const hit = parseCache.get(key);
  if (hit) {
    parseCache.delete(key);
    parseCache.set(key, hit);
    return hit.ast;
  }
  const ast = yield* parseProtoSteps(text);
  parseCache.set(key, { ast, size: text.length });
  parseCacheChars += text.length;
  for (const [oldest, entry] of parseCache) {
    if (parseCacheChars <= PARSE_CACHE_LIMIT_CHARS || oldest === key) break;
    parseCache.delete(oldest);
    parseCacheChars -= entry.size;
  }
  return ast;
}

/** Text that is not UTF-8 (decoded with replacement characters) or holds NUL bytes is not a .proto we can read. */
export function unreadableReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'binary content (NUL bytes): not a .proto text file, so it was not compared';
  if (text.includes('\uFFFD')) return 'not valid UTF-8 text, so it was not compared';
  return undefined;
}

/** Why nothing in a built file can be compared: its text (binary, not UTF-8) or a problem that spoils the whole parse. */
export function fileUnreadableReason(file: ProtoFile): string | undefined {
  const problem = file.ast.fileProblem;
  if (!problem) return unreadableReason(file.text);
  return `syntax error at ${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message} — nothing in the file was compared`;
}

/**
 * buf reads a UTF-8 byte-order mark at the start of a file as nothing (Windows editors write one): it is dropped before
 * parsing, so that columns on the first line are buf's.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---- building files ----

/** `parsed` is a tree already made from this very text (the base's, for a file unchanged at head). */
export function buildFile(path: string, modulePath: string, rawText: string, parsed?: ProtoFileAst): ProtoFile {
  return runSteps(buildFileSteps(path, modulePath, rawText, parsed));
}

/** Top-level messages modelled between two yields of `buildFileSteps`. */
const MESSAGES_PER_STEP = 64;

/** `buildFile` in steps: it yields while parsing and every few dozen top-level messages. */
export function* buildFileSteps(path: string, modulePath: string, rawText: string, parsed?: ProtoFileAst): Steps<ProtoFile> {
  const text = withoutByteOrderMark(rawText);
  const unreadable = unreadableReason(text) !== undefined;
  const ast = unreadable ? parseProto('') : (parsed ?? (yield* parseCachedSteps(text)));
  const file: ProtoFile = {
    path,
    modulePath,
    text,
    ast,
    packageName: ast.packageName ?? '',
    messages: [],
    enums: [],
    services: ast.services,
    imports: ast.imports.map((item) => item.path),
    isReadable: !unreadable && !ast.damaged,
  };
  const prefix = file.packageName ? file.packageName + '.' : '';
  const addEnum = (decl: EnumDecl, nestedName: string, parent: ProtoMessage | undefined) =>
    file.enums.push({ fullName: prefix + nestedName, nestedName, decl, file, parent });
  for (const decl of ast.enums) addEnum(decl, decl.name, undefined);
  const visit = (decl: MessageDecl, parent: ProtoMessage | undefined) => {
    const nestedName = parent ? `${parent.nestedName}.${decl.name}` : decl.name;
    const message = newMessage(file, prefix + nestedName, nestedName, decl.name, parent, decl, decl.range);
    message.isDamaged = decl.damaged || (parent?.isDamaged ?? false) || unreadable;
    file.messages.push(message);
    if (decl.reserved.length > 0) {
      message.reservedRanges = decl.reserved.flatMap((reserved) => reserved.ranges);
      const names = decl.reserved.flatMap((reserved) => reserved.names);
      if (names.length > 0) message.reservedNames = new Set(names);
    }
    if (decl.extensionRanges.length > 0) message.extensionRanges = decl.extensionRanges.flatMap((range) => range.ranges);
    for (const oneof of decl.oneofs) message.oneofs.push({ name: oneof.name, isSynthetic: false });
    // Most messages have no oneof: no map to make for them.
    const oneofOf = decl.oneofs.length > 0 ? new Map<FieldDecl, string>() : undefined;
    for (const oneof of decl.oneofs) for (const field of oneof.fields) oneofOf!.set(field, oneof.name);
    let takenNames: Set<string> | undefined;
    for (const fieldDecl of decl.fields) {
      if (fieldDecl.number === undefined) continue;
      const field = fieldFrom(fieldDecl, ast, oneofOf?.get(fieldDecl));
      // proto3 `optional` lives in a synthetic oneof named after the field, as protoc makes it.
      if (ast.syntax.syntax === 'proto3' && fieldDecl.label === 'optional' && !field.oneof) {
        takenNames ??= new Set([...decl.fields.map((f) => f.name), ...decl.oneofs.map((o) => o.name)]);
        let name = `_${fieldDecl.name}`;
        while (takenNames.has(name)) name = 'X' + name;
        message.oneofs.push({ name, isSynthetic: true });
        field.oneof = name;
      }
      message.fields.push(field);
      if (fieldDecl.mapKey !== undefined) {
        const entryName = mapEntryName(fieldDecl.name);
        const entry = newMessage(file, `${message.fullName}.${entryName}`, `${nestedName}.${entryName}`, entryName, message, undefined, fieldDecl.range);
        entry.isMapEntry = true;
        entry.mapField = field;
        entry.isDamaged = message.isDamaged;
        for (const [name, number, type] of [
          ['key', 1, fieldDecl.mapKey],
          ['value', 2, fieldDecl.mapValue ?? ''],
        ] as const) {
          const entryField: ProtoField = {
            name,
            number,
            decl: undefined,
            cardinality: 'optional',
            type,
            isTypeResolved: SCALAR_TYPES.has(type),
            jsonName: name,
            hasExplicitJsonName: false,
            oneof: undefined,
          };
          entry.fields.push(entryField);
        }
        settleLists(entry, 'fields');
        file.messages.push(entry);
        field.type = `${message.fullName}.${entryName}`;
      }
    }
    settleLists(message, 'fields', 'oneofs');
    for (const enumDecl of decl.enums) addEnum(enumDecl, `${nestedName}.${enumDecl.name}`, message);
    for (const nested of decl.messages) visit(nested, message);
  };
  for (let i = 0; i < ast.messages.length; i++) {
    if (i % MESSAGES_PER_STEP === MESSAGES_PER_STEP - 1) yield;
    visit(ast.messages[i], undefined);
  }
  return file;
}

/** Lookups into one file's messages, built once per file: rules and fixes ask for them per declaration and per finding. */
interface MessageLookups {
  byFullName: Map<string, ProtoMessage>;
  byNestedName: Map<string, ProtoMessage>;
  byDecl: Map<MessageDecl, ProtoMessage>;
}

const messageLookups = new WeakMap<ProtoFile, MessageLookups>();

function lookupsOf(file: ProtoFile): MessageLookups {
  let lookups = messageLookups.get(file);
  if (!lookups) {
    lookups = { byFullName: new Map(), byNestedName: new Map(), byDecl: new Map() };
    // The first of equal names wins, as a search in declaration order would find it.
    for (const message of file.messages) {
      if (!lookups.byFullName.has(message.fullName)) lookups.byFullName.set(message.fullName, message);
      if (!lookups.byNestedName.has(message.nestedName)) lookups.byNestedName.set(message.nestedName, message);
      if (message.decl && !lookups.byDecl.has(message.decl)) lookups.byDecl.set(message.decl, message);
    }
    messageLookups.set(file, lookups);
  }
  return lookups;
}

/** The file's first message (map entries included) with this fully qualified name. */
export function messageNamed(file: ProtoFile, fullName: string): ProtoMessage | undefined {
  return lookupsOf(file).byFullName.get(fullName);
}

/** The file's first message with this name within the package (`Outer.Inner`). */
export function messageWithNestedName(file: ProtoFile, nestedName: string): ProtoMessage | undefined {
  return lookupsOf(file).byNestedName.get(nestedName);
}

/** The file's message made from this declaration. */
export function messageOfDecl(file: ProtoFile, decl: MessageDecl): ProtoMessage | undefined {
  return lookupsOf(file).byDecl.get(decl);
}

/** The file's first enum with this fully qualified name. */
export function protoEnumNamed(file: ProtoFile, fullName: string): ProtoEnum | undefined {
  let byName = enumLookups.get(file);
  if (!byName) {
    byName = new Map();
    for (const item of file.enums) if (!byName.has(item.fullName)) byName.set(item.fullName, item);
    enumLookups.set(file, byName);
  }
  return byName.get(fullName);
}

const enumLookups = new WeakMap<ProtoFile, Map<string, ProtoEnum>>();

function newMessage(
  file: ProtoFile,
  fullName: string,
  nestedName: string,
  name: string,
  parent: ProtoMessage | undefined,
  decl: MessageDecl | undefined,
  range: Range,
): ProtoMessage {
  return {
    fullName,
    nestedName,
    name,
    file,
    parent,
    decl,
    range,
    isMapEntry: false,
    fields: [],
    reservedRanges: NO_ITEMS,
    reservedNames: NO_NAMES,
    extensionRanges: NO_ITEMS,
    oneofs: [],
    isDamaged: false,
  };
}

/** Messages of more fields than this get a map from number to field when first asked; smaller ones are searched. */
const FIELDS_SEARCHED = 8;
const fieldNumberIndexes = new WeakMap<ProtoMessage, Map<number, ProtoField>>();

/** The message's first field with this number. */
export function fieldNumbered(message: ProtoMessage, number: number): ProtoField | undefined {
  const { fields } = message;
  if (fields.length <= FIELDS_SEARCHED) return fields.find((field) => field.number === number);
  let index = fieldNumberIndexes.get(message);
  if (!index) {
    index = new Map();
    for (const field of fields) if (!index.has(field.number)) index.set(field.number, field);
    fieldNumberIndexes.set(message, index);
  }
  return index.get(number);
}

function fieldFrom(decl: FieldDecl, ast: ProtoFileAst, oneof: string | undefined): ProtoField {
  const explicitJson = decl.options.find((option) => option.name === 'json_name');
  let cardinality: Cardinality;
  if (decl.mapKey !== undefined || decl.label === 'repeated') cardinality = 'repeated';
  else if (decl.label === 'required') cardinality = 'required';
  else if (decl.label === 'optional' || oneof) cardinality = 'optional';
  else if (ast.syntax.syntax === 'proto3') cardinality = 'implicit';
  else if (ast.syntax.syntax === 'editions') {
    const presence = decl.options.find((option) => option.name === 'features.field_presence')?.value;
    const filePresence = ast.options.find((option) => option.name === 'features.field_presence')?.value;
    const effective = presence ?? filePresence ?? 'EXPLICIT';
    cardinality = effective === 'IMPLICIT' ? 'implicit' : effective === 'LEGACY_REQUIRED' ? 'required' : 'optional';
  } else cardinality = 'optional';
  return {
    name: decl.name,
    number: decl.number ?? 0,
    decl,
    cardinality,
    type: decl.group ? decl.type : decl.type,
    isTypeResolved: SCALAR_TYPES.has(decl.type),
    jsonName: explicitJson?.value ?? defaultJsonName(decl.name),
    hasExplicitJsonName: explicitJson !== undefined,
    oneof,
  };
}

/** protoc's default JSON name: underscores dropped, the letter after each one upper-cased. */
export function defaultJsonName(name: string): string {
  // A run of the name at a time, not a character at a time: this runs for every field of every file a check reads.
  let underscore = name.indexOf('_');
  if (underscore < 0) return name;
  let result = name.slice(0, underscore);
  while (underscore >= 0) {
    let next = underscore + 1;
    while (name.charCodeAt(next) === 95) next++;
    if (next >= name.length) break;
    const end = name.indexOf('_', next + 1);
    result += name[next]!.toUpperCase() + name.slice(next + 1, end < 0 ? name.length : end);
    underscore = end;
  }
  return result;
}

/** protoc names a map field's entry message `FooBarEntry` for a field `foo_bar`. */
export function mapEntryName(fieldName: string): string {
  let result = '';
  let upperNext = true;
  for (const char of fieldName) {
    if (char === '_') upperNext = true;
    else if (upperNext) {
      result += char.toUpperCase();
      upperNext = false;
    } else result += char;
  }
  return result + 'Entry';
}

// ---- modules: name resolution across files ----

/**
 * The files of one group of packages on one side, with names resolved across the whole side through its symbol table.
 * `files` are what rules compare; `referenced` files are only looked into (enums that fields of `files` use).
 */
export class ProtoImage {
  readonly filesByModulePath = new Map<string, ProtoFile>();
  readonly messagesByFullName = new Map<string, ProtoMessage>();
  readonly enumsByFullName = new Map<string, ProtoEnum>();
  private readonly referencedEnums = new Map<string, ProtoEnum>();
  readonly table: SymbolTable;

  /** `resolveLater`: the caller resolves the files' types through `resolveSteps` before using the image. */
  constructor(
    readonly files: readonly ProtoFile[],
    table?: SymbolTable,
    referenced: readonly ProtoFile[] = [],
    resolveLater = false,
  ) {
    this.table = table ?? indexOf(files.map((file) => summarize(file, '', undefined)));
    for (const file of files) {
      if (!this.filesByModulePath.has(file.modulePath)) this.filesByModulePath.set(file.modulePath, file);
      for (const message of file.messages) if (!this.messagesByFullName.has(message.fullName)) this.messagesByFullName.set(message.fullName, message);
      for (const item of file.enums) if (!this.enumsByFullName.has(item.fullName)) this.enumsByFullName.set(item.fullName, item);
    }
    for (const file of referenced) for (const item of file.enums) if (!this.referencedEnums.has(item.fullName)) this.referencedEnums.set(item.fullName, item);
    // Cached models keep the types an earlier image resolved: each image resolves them afresh.
    if (!resolveLater) for (const file of files) runSteps(resolveFileSteps(file, this));
  }

  /** Resolves the files' types, yielding every few hundred messages. */
  *resolveSteps(): Steps<void> {
    for (const file of this.files) yield* resolveFileSteps(file, this);
  }

  /** Whether every file's types are the ones this image resolved (no other image resolved them since). */
  isCurrent(): boolean {
    return this.files.every((file) => resolvedBy.get(file) === this);
  }

  /** An enum by full name, whichever file of the side declares it (if that file was loaded). */
  enumNamed(fullName: string): ProtoEnum | undefined {
    return this.enumsByFullName.get(fullName) ?? this.referencedEnums.get(fullName);
  }

  isEnum(fullName: string): boolean {
    return this.table.kindOf(fullName) === 'enum';
  }

  isMessage(fullName: string): boolean {
    return this.table.kindOf(fullName) === 'message';
  }

  resolve(name: string, scope: string): string | undefined {
    return resolveName(this.table, name, scope);
  }

  /** Resolves again the files another image resolved since (a check that ran while this one yielded). */
  reclaim(): void {
    for (const file of this.files) if (resolvedBy.get(file) !== this) runSteps(resolveFileSteps(file, this));
  }
}

/** The image each model's field types were last resolved for. */
const resolvedBy = new WeakMap<ProtoFile, ProtoImage>();
/** How many resolutions of each model have begun: one that another began during its steps is done again at once. */
const resolutionsBegun = new WeakMap<ProtoFile, number>();

/** Import paths of a file that no module file and no well-known file provides. */
export function missingImports(file: { imports: readonly string[] }, table: SymbolTable): string[] {
  return file.imports.filter((path) => !table.byModulePath(path) && !WELL_KNOWN_FILES.has(path));
}

/** protoc's scoping: the first component is looked up from the innermost scope outwards, the rest must follow from it. */
export function resolveName(table: SymbolTable, name: string, scope: string): string | undefined {
  const has = (fullName: string) => table.kindOf(fullName) !== undefined || WELL_KNOWN_TYPES.has(fullName);
  if (name.startsWith('.')) return has(name.slice(1)) ? name : undefined;
  const first = name.split('.')[0];
  let current = scope;
  for (;;) {
    const candidate = current ? `${current}.${first}` : first;
    if (has(candidate)) {
      const full = current ? `${current}.${name}` : name;
      return has(full) ? '.' + full : undefined;
    }
    if (!current) return undefined;
    const dot = current.lastIndexOf('.');
    current = dot < 0 ? '' : current.slice(0, dot);
  }
}

/**
 * Each field's type as declared, before any image resolved it: models are resolved again for every image they join.
 * Side by side rather than a tuple per field: a large file has a million fields.
 */
const declaredTypes = new WeakMap<ProtoFile, { fields: ProtoField[]; types: string[]; resolved: Uint8Array }>();

/** Messages resolved between two yields of `resolveFileSteps`. */
const RESOLVED_PER_STEP = 256;

function* resolveFileSteps(file: ProtoFile, image: ProtoImage): Steps<void> {
  const begun = (resolutionsBegun.get(file) ?? 0) + 1;
  resolutionsBegun.set(file, begun);
  restoreDeclaredTypes(file);
  for (let i = 0; i < file.messages.length; i++) {
    if (i % RESOLVED_PER_STEP === RESOLVED_PER_STEP - 1) yield;
    resolveFields(file.messages[i], image);
  }
  if (resolutionsBegun.get(file) !== begun) {
    // Another image resolved the same model while this one yielded: some types are its. Done again, without yielding.
    resolutionsBegun.set(file, resolutionsBegun.get(file)! + 1);
    restoreDeclaredTypes(file);
    for (const message of file.messages) resolveFields(message, image);
  }
  resolvedBy.set(file, image);
}

function restoreDeclaredTypes(file: ProtoFile): void {
  const declared = declaredTypes.get(file);
  if (!declared) {
    const fields = file.messages.flatMap((message) => message.fields);
    const resolved = new Uint8Array(fields.length);
    fields.forEach((field, i) => (resolved[i] = field.isTypeResolved ? 1 : 0));
    declaredTypes.set(file, { fields, types: fields.map((field) => field.type), resolved });
  } else {
    const { fields, types, resolved } = declared;
    for (let i = 0; i < fields.length; i++) Object.assign(fields[i], { type: types[i], isTypeResolved: resolved[i] === 1 });
  }
}

function resolveFields(message: ProtoMessage, image: ProtoImage): void {
  for (const field of message.fields) {
    // A leading-dot name is fully qualified but still has to exist on this side (issue 11): resolve it like any other.
    if (field.isTypeResolved) continue;
    if (message.isMapEntry) {
      const resolved = image.resolve(field.type, message.parent!.fullName);
      if (resolved) Object.assign(field, { type: resolved, isTypeResolved: true });
      continue;
    }
    if (field.decl?.mapKey !== undefined) {
      field.type = '.' + field.type;
      field.isTypeResolved = true;
      continue;
    }
    const resolved = field.decl?.group ? `.${message.fullName}.${field.decl.group.name}` : image.resolve(field.type, message.fullName);
    if (resolved) Object.assign(field, { type: resolved, isTypeResolved: true });
  }
}

// buf compiles against its own copy of these; they never need to be in the module.
const WELL_KNOWN_FILES = new Set([
  'google/protobuf/any.proto',
  'google/protobuf/api.proto',
  'google/protobuf/cpp_features.proto',
  'google/protobuf/descriptor.proto',
  'google/protobuf/duration.proto',
  'google/protobuf/empty.proto',
  'google/protobuf/field_mask.proto',
  'google/protobuf/go_features.proto',
  'google/protobuf/java_features.proto',
  'google/protobuf/source_context.proto',
  'google/protobuf/struct.proto',
  'google/protobuf/timestamp.proto',
  'google/protobuf/type.proto',
  'google/protobuf/wrappers.proto',
  'google/protobuf/compiler/plugin.proto',
]);

const WELL_KNOWN_TYPES = new Set([
  'google',
  'google.protobuf',
  'google.protobuf.Any',
  'google.protobuf.Api',
  'google.protobuf.Method',
  'google.protobuf.Mixin',
  'google.protobuf.Duration',
  'google.protobuf.Empty',
  'google.protobuf.FieldMask',
  'google.protobuf.SourceContext',
  'google.protobuf.Struct',
  'google.protobuf.Value',
  'google.protobuf.ListValue',
  'google.protobuf.NullValue',
  'google.protobuf.Timestamp',
  'google.protobuf.Type',
  'google.protobuf.Field',
  'google.protobuf.Enum',
  'google.protobuf.EnumValue',
  'google.protobuf.Option',
  'google.protobuf.Syntax',
  'google.protobuf.DoubleValue',
  'google.protobuf.FloatValue',
  'google.protobuf.Int64Value',
  'google.protobuf.UInt64Value',
  'google.protobuf.Int32Value',
  'google.protobuf.UInt32Value',
  'google.protobuf.BoolValue',
  'google.protobuf.StringValue',
  'google.protobuf.BytesValue',
  'google.protobuf.FileDescriptorSet',
  'google.protobuf.FileDescriptorProto',
  'google.protobuf.DescriptorProto',
  'google.protobuf.FieldDescriptorProto',
  'google.protobuf.EnumDescriptorProto',
  'google.protobuf.ServiceDescriptorProto',
  'google.protobuf.MethodDescriptorProto',
  'google.protobuf.FileOptions',
  'google.protobuf.MessageOptions',
  'google.protobuf.FieldOptions',
  'google.protobuf.OneofOptions',
  'google.protobuf.EnumOptions',
  'google.protobuf.EnumValueOptions',
  'google.protobuf.ServiceOptions',
  'google.protobuf.MethodOptions',
  'google.protobuf.ExtensionRangeOptions',
  'google.protobuf.FeatureSet',
  'google.protobuf.Edition',
]);
