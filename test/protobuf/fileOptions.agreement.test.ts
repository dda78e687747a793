// buf and Graycheck agree on the file option rules: every option changed, removed and added, explicit defaults, and
// reordering, under every config that selects them.
import { test } from 'node:test';
import { agreement } from '../support/bufOracle';
import { BARE_FILE as BARE, OPTION_CONFIGS as CONFIGS } from './agreementCases';

const ALL_OPTIONS = `syntax = "proto3";
package acme.v1;
option cc_enable_arenas = false;
option cc_generic_services = true;
option csharp_namespace = "Acme.V1";
option go_package = "example.com/acme/v1;acmev1";
option java_generic_services = true;
option java_multiple_files = true;
option java_outer_classname = "AcmeProto";
option java_package = "com.acme.v1";
option objc_class_prefix = "AXX";
option optimize_for = LITE_RUNTIME;
option php_class_prefix = "Acme";
option php_metadata_namespace = "Acme\\\\Meta";
option php_namespace = "Acme\\\\V1";
option py_generic_services = true;
option ruby_package = "Acme::V1";
option swift_prefix = "AC";
message M {}
`;

const CHANGED = ALL_OPTIONS.replace('cc_enable_arenas = false', 'cc_enable_arenas = true')
  .replace('cc_generic_services = true', 'cc_generic_services = false')
  .replace('"Acme.V1"', '"Acme.V2"')
  .replace('acme/v1;acmev1', 'acme/v2;acmev2')
  .replace('java_generic_services = true', 'java_generic_services = false')
  .replace('java_multiple_files = true', 'java_multiple_files = false')
  .replace('"AcmeProto"', '"Acme"')
  .replace('"com.acme.v1"', '"com.acme.v2"')
  .replace('"AXX"', '"AYY"')
  .replace('LITE_RUNTIME', 'CODE_SIZE')
  .replace('php_class_prefix = "Acme"', 'php_class_prefix = "Acm"')
  .replace('Acme\\\\Meta', 'Acme\\\\Meta2')
  .replace('Acme\\\\V1', 'Acme\\\\V2')
  .replace('py_generic_services = true', 'py_generic_services = false')
  .replace('Acme::V1', 'Acme::V2')
  .replace('"AC"', '"AD"');

const EXPLICIT_DEFAULTS = `syntax = "proto3";
package acme.v1;
option cc_enable_arenas = true;
option java_generic_services = false;
option optimize_for = SPEED;
option go_package = "";
message M {}
`;

for (const [label, bufYaml] of CONFIGS) {
  const nothingUnderWire = label.includes('WIRE') || label.includes('CSR') ? 'nothing: ' : '';
  test(`option agreement (${label}): every file option changed`, () =>
    agreement({ name: `${nothingUnderWire}file options changed`, bufYaml, base: { 'a.proto': ALL_OPTIONS }, head: { 'a.proto': CHANGED } }));
  test(`option agreement (${label}): every file option removed`, () =>
    agreement({ name: `${nothingUnderWire}file options removed`, bufYaml, base: { 'a.proto': ALL_OPTIONS }, head: { 'a.proto': BARE } }));
  test(`option agreement (${label}): every file option added`, () =>
    agreement({ name: `${nothingUnderWire}file options added`, bufYaml, base: { 'a.proto': BARE }, head: { 'a.proto': ALL_OPTIONS } }));
}

test('nothing: explicit defaults equal options left out, in both directions', async () => {
  await agreement({ name: 'nothing: defaults written', base: { 'a.proto': BARE }, head: { 'a.proto': EXPLICIT_DEFAULTS } });
  await agreement({ name: 'nothing: defaults removed', base: { 'a.proto': EXPLICIT_DEFAULTS }, head: { 'a.proto': BARE } });
});

test('nothing: reordering, comments and formatting of options', () =>
  agreement({
    name: 'nothing: reordered',
    base: { 'a.proto': ALL_OPTIONS },
    head: {
      'a.proto':
        ALL_OPTIONS.split('\n')
          .reverse()
          .filter((line) => line.startsWith('option'))
          .map((line) => `// keep\n${line.replace(' = ', '   =   ')}`)
          .join('\n')
          .replace(/^/, 'syntax = "proto3";\npackage acme.v1;\n') + '\nmessage M {}\n',
    },
  }));
