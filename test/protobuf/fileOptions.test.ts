// The file option rules (rules/fileOptions.ts): buf's texts and locations, effective values, half-typed heads that must
// stay silent, the revert fixes, and the deprecated IDs that never report under their own name.
import { ruleCases } from '../support/ruleCases';
import { deprecatedIdNeverReports } from './deprecatedIdCases';

const P3 = 'syntax = "proto3";\npackage acme.v1;\n';

ruleCases('FILE_SAME_GO_PACKAGE', [
  {
    name: 'a changed value is reported on the option and reverted',
    base: `${P3}option go_package = "a/v1";\n`,
    head: `${P3}option go_package = "a/v2";\n`,
    expect: ['3:1 File option "go_package" changed from "a/v1" to "a/v2".'],
    fixed: `${P3}option go_package = "a/v1";\n`,
  },
  {
    name: 'a removed option is reported at 1:1 and re-inserted after the package',
    base: `${P3}option go_package = "a/v1";\nmessage M {}\n`,
    head: `${P3}message M {}\n`,
    expect: ['1:1 File option "go_package" changed from "a/v1" to "".'],
    fixed: `${P3}option go_package = "a/v1";\nmessage M {}\n`,
  },
  {
    name: 'an added option is removed by the revert',
    base: `${P3}message M {}\n`,
    head: `${P3}option go_package = "a";\nmessage M {}\n`,
    expect: ['3:1 File option "go_package" changed from "" to "a".'],
    fixed: `${P3}message M {}\n`,
  },
  {
    name: 'a half-typed value is not compared',
    base: `${P3}option go_package = "a/v1";\n`,
    head: `${P3}option go_package = "a/v`,
    expect: [],
    notChecked: ['example.proto: syntax error at 3:21: unterminated string — declarations there were not compared'],
  },
]);

ruleCases('FILE_SAME_CC_ENABLE_ARENAS', [
  {
    name: 'removing false is a change to the default true',
    base: `${P3}option cc_enable_arenas = false;\n`,
    head: P3,
    expect: ['1:1 File option "cc_enable_arenas" changed from "false" to "true".'],
    fixed: `${P3}option cc_enable_arenas = false;\n`,
  },
  { name: 'writing the default true changes nothing', base: P3, head: `${P3}option cc_enable_arenas = true;\n`, expect: [] },
]);

ruleCases('FILE_SAME_OPTIMIZE_FOR', [
  { name: 'removing SPEED changes nothing', base: `${P3}option optimize_for = SPEED;\n`, head: P3, expect: [] },
  {
    name: 'LITE_RUNTIME to CODE_SIZE',
    base: `${P3}option optimize_for = LITE_RUNTIME;\n`,
    head: `${P3}option optimize_for = CODE_SIZE;\n`,
    expect: ['3:1 File option "optimize_for" changed from "LITE_RUNTIME" to "CODE_SIZE".'],
  },
]);

ruleCases('FILE_SAME_PHP_NAMESPACE', [
  {
    name: 'backslashes are quoted as buf quotes them',
    base: `${P3}option php_namespace = "A\\\\B";\n`,
    head: `${P3}option php_namespace = "A\\\\C";\n`,
    expect: ['3:1 File option "php_namespace" changed from "A\\\\B" to "A\\\\C".'],
  },
]);

for (const [id, option, value] of [
  ['FILE_SAME_CC_GENERIC_SERVICES', 'cc_generic_services', 'true'],
  ['FILE_SAME_CSHARP_NAMESPACE', 'csharp_namespace', '"X"'],
  ['FILE_SAME_JAVA_GENERIC_SERVICES', 'java_generic_services', 'true'],
  ['FILE_SAME_JAVA_MULTIPLE_FILES', 'java_multiple_files', 'true'],
  ['FILE_SAME_JAVA_OUTER_CLASSNAME', 'java_outer_classname', '"X"'],
  ['FILE_SAME_JAVA_PACKAGE', 'java_package', '"x.y"'],
  ['FILE_SAME_OBJC_CLASS_PREFIX', 'objc_class_prefix', '"XY"'],
  ['FILE_SAME_PHP_CLASS_PREFIX', 'php_class_prefix', '"X"'],
  ['FILE_SAME_PHP_METADATA_NAMESPACE', 'php_metadata_namespace', '"X"'],
  ['FILE_SAME_PY_GENERIC_SERVICES', 'py_generic_services', 'true'],
  ['FILE_SAME_RUBY_PACKAGE', 'ruby_package', '"X"'],
  ['FILE_SAME_SWIFT_PREFIX', 'swift_prefix', '"X"'],
]) {
  const shown = value.replace(/"/g, '');
  const previous = value === 'true' ? 'false' : '';
  ruleCases(id, [
    {
      name: 'an added option is reported on its statement',
      base: P3,
      head: `${P3}option ${option} = ${value};\n`,
      expect: [`3:1 File option "${option}" changed from "${previous}" to "${shown}".`],
      fixed: P3,
    },
  ]);
}

for (const id of ['FILE_SAME_JAVA_STRING_CHECK_UTF8', 'FILE_SAME_PHP_GENERIC_SERVICES']) deprecatedIdNeverReports(id);
