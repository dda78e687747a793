// The well-known files buf compiles in from its own copy: an import of one (direct or through another) puts it in buf's
// image, so dropping the last import "deletes" it. Only the names of their declarations are needed, listed here.
import { HeadIndex, type FileSummary, type SymbolTable } from './moduleIndex';
import type { ImagePairs } from './pairs';

interface WellKnownFile {
  package: string;
  imports: readonly string[];
  /** Nested names within the package (`FieldDescriptorProto.Type` is an enum of `FieldDescriptorProto`). */
  messages: readonly string[];
  enums: readonly string[];
  extensions: readonly string[];
}

// Declarations of buf 1.75's well-known files, by path.
const WELL_KNOWN: Readonly<Record<string, WellKnownFile>> = {
  'google/protobuf/any.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['Any'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/source_context.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['SourceContext'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/type.proto': {
    package: 'google.protobuf',
    imports: ['google/protobuf/any.proto', 'google/protobuf/source_context.proto'],
    messages: ['Type', 'Field', 'Enum', 'EnumValue', 'Option'],
    enums: ['Field.Kind', 'Field.Cardinality', 'Syntax'],
    extensions: [],
  },
  'google/protobuf/api.proto': {
    package: 'google.protobuf',
    imports: ['google/protobuf/source_context.proto', 'google/protobuf/type.proto'],
    messages: ['Api', 'Method', 'Mixin'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/descriptor.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: [
      'FileDescriptorSet',
      'FileDescriptorProto',
      'DescriptorProto',
      'DescriptorProto.ExtensionRange',
      'DescriptorProto.ReservedRange',
      'ExtensionRangeOptions',
      'ExtensionRangeOptions.Declaration',
      'FieldDescriptorProto',
      'OneofDescriptorProto',
      'EnumDescriptorProto',
      'EnumDescriptorProto.EnumReservedRange',
      'EnumValueDescriptorProto',
      'ServiceDescriptorProto',
      'MethodDescriptorProto',
      'FileOptions',
      'MessageOptions',
      'FieldOptions',
      'FieldOptions.EditionDefault',
      'FieldOptions.FeatureSupport',
      'OneofOptions',
      'EnumOptions',
      'EnumValueOptions',
      'ServiceOptions',
      'MethodOptions',
      'UninterpretedOption',
      'UninterpretedOption.NamePart',
      'FeatureSet',
      'FeatureSet.VisibilityFeature',
      'FeatureSet.ProtoLimitsFeature',
      'FeatureSetDefaults',
      'FeatureSetDefaults.FeatureSetEditionDefault',
      'SourceCodeInfo',
      'SourceCodeInfo.Location',
      'GeneratedCodeInfo',
      'GeneratedCodeInfo.Annotation',
    ],
    enums: [
      'ExtensionRangeOptions.VerificationState',
      'FieldDescriptorProto.Type',
      'FieldDescriptorProto.Label',
      'FileOptions.OptimizeMode',
      'FieldOptions.CType',
      'FieldOptions.JSType',
      'FieldOptions.OptionRetention',
      'FieldOptions.OptionTargetType',
      'MethodOptions.IdempotencyLevel',
      'FeatureSet.FieldPresence',
      'FeatureSet.EnumType',
      'FeatureSet.RepeatedFieldEncoding',
      'FeatureSet.Utf8Validation',
      'FeatureSet.MessageEncoding',
      'FeatureSet.JsonFormat',
      'FeatureSet.EnforceNamingStyle',
      'FeatureSet.VisibilityFeature.DefaultSymbolVisibility',
      'FeatureSet.ProtoLimitsFeature.EnforceProtoLimits',
      'GeneratedCodeInfo.Annotation.Semantic',
      'Edition',
      'SymbolVisibility',
    ],
    extensions: [],
  },
  'google/protobuf/cpp_features.proto': {
    package: 'pb',
    imports: ['google/protobuf/descriptor.proto'],
    messages: ['CppFeatures'],
    enums: ['CppFeatures.StringType', 'CppFeatures.RepeatedType'],
    extensions: ['cpp'],
  },
  'google/protobuf/duration.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['Duration'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/empty.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['Empty'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/field_mask.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['FieldMask'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/go_features.proto': {
    package: 'pb',
    imports: ['google/protobuf/descriptor.proto'],
    messages: ['GoFeatures', 'GoFeatures.OptimizeModeFeature'],
    enums: ['GoFeatures.APILevel', 'GoFeatures.StripEnumPrefix', 'GoFeatures.OptimizeModeFeature.OptimizeMode'],
    extensions: ['go'],
  },
  'google/protobuf/java_features.proto': {
    package: 'pb',
    imports: ['google/protobuf/descriptor.proto'],
    messages: ['JavaFeatures', 'JavaFeatures.NestInFileClassFeature'],
    enums: ['JavaFeatures.Utf8Validation', 'JavaFeatures.NestInFileClassFeature.NestInFileClass'],
    extensions: ['java'],
  },
  'google/protobuf/struct.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['Struct', 'Struct.FieldsEntry', 'Value', 'ListValue'],
    enums: ['NullValue'],
    extensions: [],
  },
  'google/protobuf/timestamp.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['Timestamp'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/wrappers.proto': {
    package: 'google.protobuf',
    imports: [],
    messages: ['DoubleValue', 'FloatValue', 'Int64Value', 'UInt64Value', 'Int32Value', 'UInt32Value', 'BoolValue', 'StringValue', 'BytesValue'],
    enums: [],
    extensions: [],
  },
  'google/protobuf/compiler/plugin.proto': {
    package: 'google.protobuf.compiler',
    imports: ['google/protobuf/descriptor.proto'],
    messages: ['Version', 'CodeGeneratorRequest', 'CodeGeneratorResponse', 'CodeGeneratorResponse.File'],
    enums: ['CodeGeneratorResponse.Feature'],
    extensions: [],
  },
};

/** A well-known file in the base image but not in the head image, with the module file that brought it in. */
export interface DroppedWellKnownFile {
  path: string;
  package: string;
  messages: readonly string[];
  enums: readonly string[];
  extensions: readonly string[];
  /** The base file whose imports reached it (first by path); its findings go there, at 1:1. */
  importer: FileSummary;
}

/** The well-known files an import reaches, itself and what it imports in turn (a module file at one of these paths aside). */
function reachOf(file: FileSummary): readonly string[] {
  let reached = reachCache.get(file);
  if (!reached) {
    const found = new Set<string>();
    const queue = file.imports.filter((path) => WELL_KNOWN[path] !== undefined);
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (found.has(path)) continue;
      found.add(path);
      queue.push(...WELL_KNOWN[path].imports);
    }
    reached = [...found];
    reachCache.set(file, reached);
  }
  return reached;
}

// Each side is walked once however many rules and groups ask; a head overlaying its base walks only its own files.
const reachCache = new WeakMap<FileSummary, readonly string[]>();
const importersCache = new WeakMap<SymbolTable, Map<string, FileSummary>>();
const reachersCache = new WeakMap<SymbolTable, Map<string, FileSummary[]>>();
const pathsCache = new WeakMap<SymbolTable, ReadonlySet<string>>();
const droppedCache = new WeakMap<SymbolTable, { base: SymbolTable; dropped: DroppedWellKnownFile[] | undefined }>();

/** Well-known files reached from a side's imports, each with the first file (by path) that reaches it. */
export function wellKnownFilesOf(table: SymbolTable): Map<string, FileSummary> {
  let result = importersCache.get(table);
  if (result) return result;
  result = new Map();
  for (const file of table.files) {
    const queue = [...file.imports];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const known = WELL_KNOWN[path];
      // A module file at a well-known path is the module's own file, compared as such.
      if (!known || table.byModulePath(path) || result.has(path)) continue;
      result.set(path, file);
      queue.push(...known.imports);
    }
  }
  importersCache.set(table, result);
  return result;
}

/** The well-known files a side reaches. */
export function wellKnownPathsOf(table: SymbolTable): ReadonlySet<string> {
  let paths = pathsCache.get(table);
  if (paths) return paths;
  const shadowed = (side: SymbolTable) => Object.keys(WELL_KNOWN).some((path) => side.byModulePath(path));
  if (table instanceof HeadIndex && !shadowed(table) && !shadowed(table.base)) {
    const present = new Set<string>();
    for (const [path, files] of reachersOf(table.base)) if (files.some((file) => table.isUnchanged(file))) present.add(path);
    for (const file of table.overlay.files) for (const path of reachOf(file)) present.add(path);
    paths = present;
  } else {
    paths = new Set(wellKnownFilesOf(table).keys());
  }
  pathsCache.set(table, paths);
  return paths;
}

function reachersOf(table: SymbolTable): Map<string, FileSummary[]> {
  let reachers = reachersCache.get(table);
  if (!reachers) {
    reachers = new Map();
    for (const file of table.files) {
      for (const path of reachOf(file)) {
        const list = reachers.get(path);
        if (list) list.push(file);
        else reachers.set(path, [file]);
      }
    }
    reachersCache.set(table, reachers);
  }
  return reachers;
}

/** The package of every well-known file the side reaches. */
export function wellKnownPackages(table: SymbolTable): Set<string> {
  return new Set([...wellKnownPathsOf(table)].map((path) => WELL_KNOWN[path].package));
}

/** Declarations of well-known files the side reaches (to count what a package still holds at head). */
export function wellKnownDeclarations(table: SymbolTable, packageName: string, kind: 'messages' | 'enums' | 'extensions'): string[] {
  return [...wellKnownPathsOf(table)].filter((path) => WELL_KNOWN[path].package === packageName).flatMap((path) => WELL_KNOWN[path][kind]);
}

/**
 * Well-known files the base imports and the head no longer does. Undefined when a head file cannot be read: its
 * imports may be hidden, so nothing can be said.
 */
export function droppedWellKnownFiles(base: SymbolTable, head: SymbolTable): DroppedWellKnownFile[] | undefined {
  const cached = droppedCache.get(head);
  if (cached?.base === base) return cached.dropped;
  let dropped: DroppedWellKnownFile[] | undefined;
  if (head.unreadableFiles.length === 0) {
    const present = wellKnownPathsOf(head);
    dropped = [];
    for (const [path, importer] of wellKnownFilesOf(base)) if (!present.has(path)) dropped.push({ path, ...WELL_KNOWN[path], importer });
  }
  droppedCache.set(head, { base, dropped });
  return dropped;
}

/** The dropped well-known files whose importer is among the group's base files: each is reported by one group only. */
export function droppedWellKnownFilesOf(pairs: ImagePairs): DroppedWellKnownFile[] | undefined {
  const dropped = droppedWellKnownFiles(pairs.base.table, pairs.head.table);
  return dropped?.filter((item) => pairs.base.files.some((file) => file.path === item.importer.path));
}
