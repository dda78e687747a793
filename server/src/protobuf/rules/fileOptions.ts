// A changed file option changes the code generated from the file (package names, class names, generated services).
// buf compares effective values: an option written with its default equals an option left out.
import { START_OF_FILE } from '../../engine/range';
import { effectiveFileOption, fileOptionDecl, goQuote } from '../options';
import { optionStatementText, revertFileOptionFix } from '../fixes/revert';
import { eachFilePair } from '../pairs';
import { breakingRule, type ProtobufRule } from './rule';

function fileSameOption(id: string, option: string, summary: string): ProtobufRule {
  return breakingRule({
    id,
    summary,
    check(pairs, report) {
      // A syntax error could hide the statement that sets this option at head.
      eachFilePair(pairs, report, ({ base, head }, report) => {
        const before = effectiveFileOption(base, option);
        const after = effectiveFileOption(head, option);
        if (before === after) return;
        const decl = fileOptionDecl(head, option);
        const baseDecl = fileOptionDecl(base, option);
        report.finding({
          file: head,
          // buf points at the option statement, or at 1:1 when the option is no longer written.
          range: decl ? decl.range : START_OF_FILE,
          message: `File option "${option}" changed from ${goQuote(before)} to ${goQuote(after)}.`,
          base: { file: base.path, range: baseDecl ? baseDecl.range : START_OF_FILE },
          fixData: { fix: 'changedFileOption', option, baseText: baseDecl ? optionStatementText(base.text, baseDecl) : null },
        });
      });
    },
    fixes: revertFileOptionFix,
  });
}

export const fileSameCcEnableArenas = fileSameOption(
  'FILE_SAME_CC_ENABLE_ARENAS',
  'cc_enable_arenas',
  'The file option cc_enable_arenas has a different value at head',
);
export const fileSameCcGenericServices = fileSameOption(
  'FILE_SAME_CC_GENERIC_SERVICES',
  'cc_generic_services',
  'The file option cc_generic_services has a different value at head',
);
export const fileSameCsharpNamespace = fileSameOption(
  'FILE_SAME_CSHARP_NAMESPACE',
  'csharp_namespace',
  'The file option csharp_namespace has a different value at head',
);
export const fileSameGoPackage = fileSameOption('FILE_SAME_GO_PACKAGE', 'go_package', 'The file option go_package has a different value at head');
export const fileSameJavaGenericServices = fileSameOption(
  'FILE_SAME_JAVA_GENERIC_SERVICES',
  'java_generic_services',
  'The file option java_generic_services has a different value at head',
);
export const fileSameJavaMultipleFiles = fileSameOption(
  'FILE_SAME_JAVA_MULTIPLE_FILES',
  'java_multiple_files',
  'The file option java_multiple_files has a different value at head',
);
export const fileSameJavaOuterClassname = fileSameOption(
  'FILE_SAME_JAVA_OUTER_CLASSNAME',
  'java_outer_classname',
  'The file option java_outer_classname has a different value at head',
);
export const fileSameJavaPackage = fileSameOption('FILE_SAME_JAVA_PACKAGE', 'java_package', 'The file option java_package has a different value at head');
export const fileSameObjcClassPrefix = fileSameOption(
  'FILE_SAME_OBJC_CLASS_PREFIX',
  'objc_class_prefix',
  'The file option objc_class_prefix has a different value at head',
);
export const fileSameOptimizeFor = fileSameOption('FILE_SAME_OPTIMIZE_FOR', 'optimize_for', 'The file option optimize_for has a different value at head');
export const fileSamePhpClassPrefix = fileSameOption(
  'FILE_SAME_PHP_CLASS_PREFIX',
  'php_class_prefix',
  'The file option php_class_prefix has a different value at head',
);
export const fileSamePhpMetadataNamespace = fileSameOption(
  'FILE_SAME_PHP_METADATA_NAMESPACE',
  'php_metadata_namespace',
  'The file option php_metadata_namespace has a different value at head',
);
export const fileSamePhpNamespace = fileSameOption('FILE_SAME_PHP_NAMESPACE', 'php_namespace', 'The file option php_namespace has a different value at head');
export const fileSamePyGenericServices = fileSameOption(
  'FILE_SAME_PY_GENERIC_SERVICES',
  'py_generic_services',
  'The file option py_generic_services has a different value at head',
);
export const fileSameRubyPackage = fileSameOption('FILE_SAME_RUBY_PACKAGE', 'ruby_package', 'The file option ruby_package has a different value at head');
export const fileSameSwiftPrefix = fileSameOption('FILE_SAME_SWIFT_PREFIX', 'swift_prefix', 'The file option swift_prefix has a different value at head');

// Deprecated IDs: buf accepts them in v1 `use`/`except` and runs their replacements instead (protobuf/categories.ts),
// so they never report under their own ID. They are listed so that `graycheck rules` names every ID buf knows.
export const fileSameJavaStringCheckUtf8 = breakingRule({
  id: 'FILE_SAME_JAVA_STRING_CHECK_UTF8',
  summary: 'Deprecated: buf runs FIELD_SAME_JAVA_UTF8_VALIDATION for this ID',
  check: () => undefined,
});

export const fileSamePhpGenericServices = breakingRule({
  id: 'FILE_SAME_PHP_GENERIC_SERVICES',
  summary: 'Deprecated: buf runs no rule for this ID, as php_generic_services no longer exists',
  check: () => undefined,
});

export const FILE_OPTION_RULES: readonly ProtobufRule[] = [
  fileSameCcEnableArenas,
  fileSameCcGenericServices,
  fileSameCsharpNamespace,
  fileSameGoPackage,
  fileSameJavaGenericServices,
  fileSameJavaMultipleFiles,
  fileSameJavaOuterClassname,
  fileSameJavaPackage,
  fileSameObjcClassPrefix,
  fileSameOptimizeFor,
  fileSamePhpClassPrefix,
  fileSamePhpMetadataNamespace,
  fileSamePhpNamespace,
  fileSamePyGenericServices,
  fileSameRubyPackage,
  fileSameSwiftPrefix,
  fileSameJavaStringCheckUtf8,
  fileSamePhpGenericServices,
];
