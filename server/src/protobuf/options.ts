// Option values as protoc sees them: the value written, else the descriptor default, so that writing an option's
// default explicitly compares equal to leaving it out. Also the editions features the option rules depend on.
import type { CompactOption, FieldDecl, OptionDecl } from './ast';
import type { ProtoFile, ProtoMessage } from './model';

export type FileOptionKind = 'bool' | 'string' | 'enum';

/** The file options buf's FILE_SAME_* rules compare, with the defaults of descriptor.proto. */
export const FILE_OPTION_DEFAULTS: Readonly<Record<string, { kind: FileOptionKind; default: string }>> = {
  cc_enable_arenas: { kind: 'bool', default: 'true' },
  cc_generic_services: { kind: 'bool', default: 'false' },
  csharp_namespace: { kind: 'string', default: '' },
  go_package: { kind: 'string', default: '' },
  java_generic_services: { kind: 'bool', default: 'false' },
  java_multiple_files: { kind: 'bool', default: 'false' },
  java_outer_classname: { kind: 'string', default: '' },
  java_package: { kind: 'string', default: '' },
  java_string_check_utf8: { kind: 'bool', default: 'false' },
  objc_class_prefix: { kind: 'string', default: '' },
  optimize_for: { kind: 'enum', default: 'SPEED' },
  php_class_prefix: { kind: 'string', default: '' },
  php_metadata_namespace: { kind: 'string', default: '' },
  php_namespace: { kind: 'string', default: '' },
  py_generic_services: { kind: 'bool', default: 'false' },
  ruby_package: { kind: 'string', default: '' },
  swift_prefix: { kind: 'string', default: '' },
};

/** The statement that sets a file option; protoc rejects duplicates, so the last one written wins while typing. */
export function fileOptionDecl(file: ProtoFile, name: string): OptionDecl | undefined {
  let found: OptionDecl | undefined;
  for (const option of file.ast.options) if (option.name === name) found = option;
  return found;
}

export function effectiveFileOption(file: ProtoFile, name: string): string {
  return fileOptionDecl(file, name)?.value ?? FILE_OPTION_DEFAULTS[name]?.default ?? '';
}

export function compactOption(options: readonly CompactOption[], name: string): CompactOption | undefined {
  let found: CompactOption | undefined;
  for (const option of options) if (option.name === name) found = option;
  return found;
}

export function statementOption(options: readonly OptionDecl[], name: string): OptionDecl | undefined {
  let found: OptionDecl | undefined;
  for (const option of options) if (option.name === name) found = option;
  return found;
}

/**
 * An editions feature as the field inherits it: set on the field, else on the nearest enclosing message, else on the file.
 * `feature` is the name after `features.`, e.g. `utf8_validation` or `(pb.cpp).string_type`. Undefined: not set anywhere.
 */
export function inheritedFeature(file: ProtoFile, message: ProtoMessage | undefined, field: FieldDecl, feature: string): string | undefined {
  const own = featureSetIn(field.options, feature);
  if (own !== undefined) return own;
  for (let scope = message; scope; scope = scope.parent) {
    const set = scope.decl ? featureSetIn(scope.decl.options, feature) : undefined;
    if (set !== undefined) return set;
  }
  return featureSetIn(file.ast.options, feature);
}

/** The value a list of options gives a feature, written `features.x = V` or, for a core feature, `features = { x: V }`; the last wins. */
function featureSetIn(options: readonly (CompactOption | OptionDecl)[], feature: string): string | undefined {
  const name = `features.${feature}`;
  const inAggregate = feature.startsWith('(') ? undefined : new RegExp(`(?:^|[\\s{,;])${feature}\\s*:\\s*([A-Z_0-9]+)`);
  let found: string | undefined;
  for (const option of options) {
    if (option.name === name) found = option.value;
    else if (inAggregate && option.name === 'features' && option.valueKind === 'aggregate') found = inAggregate.exec(option.value)?.[1] ?? found;
  }
  return found;
}

/** The edition's own default of the core `utf8_validation` feature: proto2 does not validate, proto3 and editions do. */
export function utf8ValidationOf(file: ProtoFile, message: ProtoMessage | undefined, field: FieldDecl): string {
  const syntax = file.ast.syntax.syntax;
  if (syntax === 'proto2') return 'NONE';
  if (syntax === 'proto3') return 'VERIFY';
  return inheritedFeature(file, message, field, 'utf8_validation') ?? 'VERIFY';
}

/** Go's %q for the strings buf prints: backslash, quote and control characters escaped. */
export function goQuote(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += '\\' + char;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out + '"';
}
