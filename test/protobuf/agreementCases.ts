// What several *.agreement.test.ts files share: the deletion rules' configs and scenario loop, the option rules' configs,
// and the files and configs that the editions-features rules' agreement tests are built on.
import { test } from 'node:test';
import { agreement, type AgreementCase } from '../support/bufOracle';

// Deletions: deletions, enumDeletion, enumValueDeletion, extensionDeletion, oneofDeletion and packageDeletion.agreement.
export const DELETION_RULES = [
  'ENUM_NO_DELETE',
  'ENUM_VALUE_NO_DELETE',
  'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED',
  'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED',
  'SERVICE_NO_DELETE',
  'RPC_NO_DELETE',
  'EXTENSION_NO_DELETE',
  'EXTENSION_MESSAGE_NO_DELETE',
  'ONEOF_NO_DELETE',
  'RESERVED_ENUM_NO_DELETE',
  'RESERVED_MESSAGE_NO_DELETE',
  'PACKAGE_NO_DELETE',
  'PACKAGE_MESSAGE_NO_DELETE',
  'PACKAGE_ENUM_NO_DELETE',
  'PACKAGE_SERVICE_NO_DELETE',
  'PACKAGE_EXTENSION_NO_DELETE',
];
export const USE_ALL_DELETIONS = `version: v2\nbreaking:\n  use: [${DELETION_RULES.join(', ')}]\n`;
const DELETION_CONFIGS: [string, string | undefined][] = [
  ['default', undefined],
  ['every rule', USE_ALL_DELETIONS],
  ...['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'].map((category): [string, string] => [`v1 ${category}`, `version: v1\nbreaking:\n  use: [${category}]\n`]),
  ...['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'].map((category): [string, string] => [`v2 ${category}`, `version: v2\nbreaking:\n  use: [${category}]\n`]),
];

// quietByDefault: without a buf.yaml buf applies v1's FILE rules, which have no EXTENSION_NO_DELETE.
export type DeletionScenario = Omit<AgreementCase, 'bufYaml'> & { quietByDefault?: boolean };

/** Each scenario under every config: the default, every deletion rule, and buf's v1 and v2 categories. */
export function deletionAgreements(scenarios: DeletionScenario[]): void {
  for (const { quietByDefault, ...scenario } of scenarios) {
    for (const [label, bufYaml] of DELETION_CONFIGS) {
      // "default" runs buf's default FILE category, which must report something unless the scenario is named nothing.
      const name = label === 'default' && !quietByDefault ? scenario.name : `nothing required: ${scenario.name}`;
      test(`deletions agree with buf (${label}): ${scenario.name}`, () => agreement({ ...scenario, name, ...(bufYaml ? { bufYaml } : {}) }));
    }
  }
}

// Options: fileOptions, fileIdentity, fieldOptions and messageOptions.agreement.
/** A file that sets no option. */
export const BARE_FILE = 'syntax = "proto3";\npackage acme.v1;\nmessage M {}\n';
export const OPTION_CONFIGS: [string, string | undefined][] = [
  ['default (FILE)', undefined],
  ['v1 PACKAGE', 'version: v1\nbreaking:\n  use: [PACKAGE]\n'],
  ['v2 PACKAGE', 'version: v2\nbreaking:\n  use: [PACKAGE]\n'],
  ['v1 WIRE_JSON', 'version: v1\nbreaking:\n  use: [WIRE_JSON]\n'],
  ['v2 WIRE', 'version: v2\nbreaking:\n  use: [WIRE]\n'],
  ['v2 CSR', 'version: v2\nbreaking:\n  use: [CSR]\n'],
];
export const FIELD_OPTION_RULES =
  'version: v2\nbreaking:\n  use: [FIELD_SAME_JSTYPE, FIELD_SAME_CPP_STRING_TYPE, FIELD_SAME_JAVA_UTF8_VALIDATION, MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR]\n';

// Editions features: editions, enumType, jsonFormat and utf8Validation.agreement.
export const PROTO3 = `syntax = "proto3";
package p;
message M {
  string s = 1;
  E e = 2;
  repeated string rs = 3;
  optional string os = 4;
  map<string, string> m = 5;
  oneof o { string a = 6; }
  message N { string t = 1; }
}
enum E { E_UNSPECIFIED = 0; }
`;

export const PROTO2 = `syntax = "proto2";
package p;
message M {
  optional string s = 1;
  optional E e = 2;
  repeated string rs = 3;
  optional string os = 4;
  map<string, string> m = 5;
  oneof o { string a = 6; }
  message N { optional string t = 1; }
}
enum E { E_UNSPECIFIED = 0; }
`;

export const EDITION = `edition = "2023";
package p;
message M {
  string s = 1;
  message N { string t = 1; }
  enum F { F_UNSPECIFIED = 0; }
}
enum E { E_UNSPECIFIED = 0; }
`;

// Only the editions-features rules, so that a case about features is not decided by other families' rules.
export const MINE = 'version: v2\nbreaking:\n  use: [ENUM_SAME_TYPE, ENUM_SAME_JSON_FORMAT, MESSAGE_SAME_JSON_FORMAT, FIELD_SAME_UTF8_VALIDATION]\n';
export const MINE_V1 = 'version: v1\nbreaking:\n  use: [ENUM_SAME_TYPE, ENUM_SAME_JSON_FORMAT, MESSAGE_SAME_JSON_FORMAT, FIELD_SAME_UTF8_VALIDATION]\n';

export const file = (text: string) => ({ 'x.proto': text });

/** Each case as its own test, `buf agrees: <name>`. */
export function bufAgrees(cases: AgreementCase[]): void {
  for (const testCase of cases) {
    test(`buf agrees: ${testCase.name}`, () => agreement(testCase));
  }
}
