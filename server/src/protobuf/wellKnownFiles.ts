// The well-known files buf compiles in from its own copy: an import of one (direct or through another) puts it in buf's
// image, so dropping the last import "deletes" it. Only the names of their declarations are needed, listed here.
import type { ProtoFile } from './model';
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
  importer: ProtoFile;
}

/** Well-known files reached from the module files' imports, each with the first file (by path) that reaches it. */
export function wellKnownFilesOf(files: readonly ProtoFile[]): Map<string, ProtoFile> {
  const result = new Map<string, ProtoFile>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const modulePaths = new Set(files.map((file) => file.modulePath));
  for (const file of sorted) {
    const queue = file.ast.imports.map((item) => item.path);
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
export function wellKnownPackages(files: readonly ProtoFile[]): Set<string> {
  return new Set([...wellKnownFilesOf(files).keys()].map((path) => WELL_KNOWN[path].package));
}

/** Declarations of well-known files present for the given files (to count what a package still holds at head). */
export function wellKnownDeclarations(files: readonly ProtoFile[], packageName: string, kind: 'messages' | 'enums' | 'extensions'): string[] {
  return [...wellKnownFilesOf(files).keys()].filter((path) => WELL_KNOWN[path].package === packageName).flatMap((path) => WELL_KNOWN[path][kind]);
}

/**
 * Well-known files the base imports and the head no longer does. Undefined when a head file cannot be read: its
 * imports may be hidden, so nothing can be said.
 */
export function droppedWellKnownFiles(pairs: ImagePairs): DroppedWellKnownFile[] | undefined {
  if (pairs.head.files.some((file) => !file.isReadable)) return undefined;
  const head = wellKnownFilesOf(pairs.head.files);
  const result: DroppedWellKnownFile[] = [];
  for (const [path, importer] of wellKnownFilesOf(pairs.base.files)) {
    if (head.has(path)) continue;
    result.push({ path, ...WELL_KNOWN[path], importer });
  }
  return result;
}
