// The well-known files buf compiles in from its own copy: an import of one (direct or through another) puts it in buf's
// image, so dropping the last import "deletes" it. Only the names of their declarations are needed, listed here.
import type { ImagePairs } from './pairs';

/** What the import walk needs of a module file: a FileSummary or a ProtoFile. */
export interface ImportingFile {
  path: string;
  modulePath: string;
  packageName: string;
  imports: readonly string[];
  isReadable: boolean;
}

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
    messages: ['FileDescriptorSet', 'FileDescriptorProto', 'DescriptorProto', 'DescriptorProto.ExtensionRange', 'DescriptorProto.ReservedRange', 'ExtensionRangeOptions', 'ExtensionRangeOptions.Declaration', 'FieldDescriptorProto', 'OneofDescriptorProto', 'EnumDescriptorProto', 'EnumDescriptorProto.EnumReservedRange', 'EnumValueDescriptorProto', 'ServiceDescriptorProto', 'MethodDescriptorProto', 'FileOptions', 'MessageOptions', 'FieldOptions', 'FieldOptions.EditionDefault', 'FieldOptions.FeatureSupport', 'OneofOptions', 'EnumOptions', 'EnumValueOptions', 'ServiceOptions', 'MethodOptions', 'UninterpretedOption', 'UninterpretedOption.NamePart', 'FeatureSet', 'FeatureSet.VisibilityFeature', 'FeatureSet.ProtoLimitsFeature', 'FeatureSetDefaults', 'FeatureSetDefaults.FeatureSetEditionDefault', 'SourceCodeInfo', 'SourceCodeInfo.Location', 'GeneratedCodeInfo', 'GeneratedCodeInfo.Annotation'],
    enums: ['ExtensionRangeOptions.VerificationState', 'FieldDescriptorProto.Type', 'FieldDescriptorProto.Label', 'FileOptions.OptimizeMode', 'FieldOptions.CType', 'FieldOptions.JSType', 'FieldOptions.OptionRetention', 'FieldOptions.OptionTargetType', 'MethodOptions.IdempotencyLevel', 'FeatureSet.FieldPresence', 'FeatureSet.EnumType', 'FeatureSet.RepeatedFieldEncoding', 'FeatureSet.Utf8Validation', 'FeatureSet.MessageEncoding', 'FeatureSet.JsonFormat', 'FeatureSet.EnforceNamingStyle', 'FeatureSet.VisibilityFeature.DefaultSymbolVisibility', 'FeatureSet.ProtoLimitsFeature.EnforceProtoLimits', 'GeneratedCodeInfo.Annotation.Semantic', 'Edition', 'SymbolVisibility'],
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
  importer: ImportingFile;
}

// A side's file list is walked once however many rules and groups ask.
const reachedCache = new WeakMap<readonly ImportingFile[], Map<string, ImportingFile>>();
const droppedCache = new WeakMap<readonly ImportingFile[], { baseFiles: readonly ImportingFile[]; dropped: DroppedWellKnownFile[] | undefined }>();

/** Well-known files reached from the module files' imports, each with the first file (by path) that reaches it. */
export function wellKnownFilesOf(files: readonly ImportingFile[]): Map<string, ImportingFile> {
  const cached = reachedCache.get(files);
  if (cached) return cached;
  const result = new Map<string, ImportingFile>();
  reachedCache.set(files, result);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const modulePaths = new Set(files.map((file) => file.modulePath));
  for (const file of sorted) {
    const queue = [...file.imports];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const known = WELL_KNOWN[path];
      // A module file at a well-known path is the module's own file, compared as such.
      if (!known || modulePaths.has(path) || result.has(path)) continue;
      result.set(path, file);
      queue.push(...known.imports);
    }
  }
  return result;
}

/** The package of every well-known file in the image. */
export function wellKnownPackages(files: readonly ImportingFile[]): Set<string> {
  return new Set([...wellKnownFilesOf(files).keys()].map((path) => WELL_KNOWN[path].package));
}

/** Declarations of well-known files present for the given files (to count what a package still holds at head). */
export function wellKnownDeclarations(files: readonly ImportingFile[], packageName: string, kind: 'messages' | 'enums' | 'extensions'): string[] {
  return [...wellKnownFilesOf(files).keys()].filter((path) => WELL_KNOWN[path].package === packageName).flatMap((path) => WELL_KNOWN[path][kind]);
}

/**
 * Well-known files the base imports and the head no longer does. Undefined when a head file cannot be read: its
 * imports may be hidden, so nothing can be said.
 */
export function droppedWellKnownFiles(baseFiles: readonly ImportingFile[], headFiles: readonly ImportingFile[]): DroppedWellKnownFile[] | undefined {
  const cached = droppedCache.get(headFiles);
  if (cached?.baseFiles === baseFiles) return cached.dropped;
  const dropped = findDropped(baseFiles, headFiles);
  droppedCache.set(headFiles, { baseFiles, dropped });
  return dropped;
}

function findDropped(baseFiles: readonly ImportingFile[], headFiles: readonly ImportingFile[]): DroppedWellKnownFile[] | undefined {
  if (headFiles.some((file) => !file.isReadable)) return undefined;
  const head = wellKnownFilesOf(headFiles);
  const result: DroppedWellKnownFile[] = [];
  for (const [path, importer] of wellKnownFilesOf(baseFiles)) {
    if (head.has(path)) continue;
    result.push({ path, ...WELL_KNOWN[path], importer });
  }
  return result;
}

/** The dropped well-known files whose importer is among the group's base files: each is reported by one group only. */
export function droppedWellKnownFilesOf(pairs: ImagePairs): DroppedWellKnownFile[] | undefined {
  const dropped = droppedWellKnownFiles(pairs.base.table.files, pairs.head.table.files);
  return dropped?.filter((item) => pairs.base.files.some((file) => file.path === item.importer.path));
}
