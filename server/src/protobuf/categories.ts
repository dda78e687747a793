// Every buf breaking rule ID with its categories per buf.yaml version, as `buf config ls-breaking-rules
// --version v1|v2 --include-deprecated` lists them for buf 1.75. One table, so no rule carries its own binding.

export type BufConfigVersion = 'v1' | 'v2';

interface RuleCategories {
  /** Absent: the rule does not exist in that version. Empty: deprecated, in no category. */
  v1?: readonly string[];
  v2?: readonly string[];
  /** Deprecated IDs buf still accepts, with the rules it runs instead. */
  replacedBy?: readonly string[];
}

const F = ['FILE'];
const CF = ['CSR', 'FILE'];
const FP = ['FILE', 'PACKAGE'];
const CFP = ['CSR', 'FILE', 'PACKAGE'];
const FPJ = ['FILE', 'PACKAGE', 'WIRE_JSON'];
const CFPJ = ['CSR', 'FILE', 'PACKAGE', 'WIRE_JSON'];
const FPJW = ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'];
const CFPJW = ['CSR', 'FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'];
const P = ['PACKAGE'];
const J = ['WIRE_JSON'];
const CJ = ['CSR', 'WIRE_JSON'];
const JW = ['WIRE_JSON', 'WIRE'];
const CJW = ['CSR', 'WIRE_JSON', 'WIRE'];
const W = ['WIRE'];

export const BREAKING_RULES: Readonly<Record<string, RuleCategories>> = {
  ENUM_NO_DELETE: { v1: F, v2: CF },
  EXTENSION_NO_DELETE: { v2: F },
  FILE_NO_DELETE: { v1: F, v2: CF },
  MESSAGE_NO_DELETE: { v1: F, v2: CF },
  SERVICE_NO_DELETE: { v1: F, v2: F },
  ENUM_SAME_TYPE: { v1: FP, v2: FP },
  ENUM_VALUE_NO_DELETE: { v1: FP, v2: CFP },
  EXTENSION_MESSAGE_NO_DELETE: { v1: FP, v2: CFP },
  FIELD_NO_DELETE: { v1: FP, v2: CFP },
  FIELD_SAME_CARDINALITY: { v1: FP, v2: FP },
  FIELD_SAME_CPP_STRING_TYPE: { v1: FP, v2: FP },
  FIELD_SAME_JAVA_UTF8_VALIDATION: { v1: FP, v2: FP },
  FIELD_SAME_JSTYPE: { v1: FP, v2: FP },
  FIELD_SAME_TYPE: { v1: FP, v2: CFP },
  FIELD_SAME_UTF8_VALIDATION: { v1: FP, v2: FP },
  FILE_SAME_CC_ENABLE_ARENAS: { v1: FP, v2: FP },
  FILE_SAME_CC_GENERIC_SERVICES: { v1: FP, v2: FP },
  FILE_SAME_CSHARP_NAMESPACE: { v1: FP, v2: FP },
  FILE_SAME_GO_PACKAGE: { v1: FP, v2: FP },
  FILE_SAME_JAVA_GENERIC_SERVICES: { v1: FP, v2: FP },
  FILE_SAME_JAVA_MULTIPLE_FILES: { v1: FP, v2: FP },
  FILE_SAME_JAVA_OUTER_CLASSNAME: { v1: FP, v2: FP },
  FILE_SAME_JAVA_PACKAGE: { v1: FP, v2: FP },
  FILE_SAME_OBJC_CLASS_PREFIX: { v1: FP, v2: FP },
  FILE_SAME_OPTIMIZE_FOR: { v1: FP, v2: FP },
  FILE_SAME_PHP_CLASS_PREFIX: { v1: FP, v2: FP },
  FILE_SAME_PHP_METADATA_NAMESPACE: { v1: FP, v2: FP },
  FILE_SAME_PHP_NAMESPACE: { v1: FP, v2: FP },
  FILE_SAME_PY_GENERIC_SERVICES: { v1: FP, v2: FP },
  FILE_SAME_RUBY_PACKAGE: { v1: FP, v2: FP },
  FILE_SAME_SWIFT_PREFIX: { v1: FP, v2: FP },
  FILE_SAME_SYNTAX: { v1: FP, v2: CFP },
  MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR: { v1: FP, v2: CFP },
  ONEOF_NO_DELETE: { v1: FP, v2: CFP },
  RPC_NO_DELETE: { v1: FP, v2: FP },
  ENUM_SAME_JSON_FORMAT: { v1: FPJ, v2: CFPJ },
  ENUM_VALUE_SAME_NAME: { v1: FPJ, v2: CFPJ },
  FIELD_SAME_JSON_NAME: { v1: FPJ, v2: CFPJ },
  FIELD_SAME_NAME: { v1: FPJ, v2: CFPJ },
  MESSAGE_SAME_JSON_FORMAT: { v1: FPJ, v2: CFPJ },
  FIELD_SAME_DEFAULT: { v2: CFPJW },
  FIELD_SAME_ONEOF: { v1: FPJW, v2: CFPJW },
  FILE_SAME_PACKAGE: { v1: FPJW, v2: CFPJW },
  MESSAGE_SAME_REQUIRED_FIELDS: { v1: FPJW, v2: CFPJW },
  RESERVED_ENUM_NO_DELETE: { v1: FPJW, v2: CFPJW },
  RESERVED_MESSAGE_NO_DELETE: { v1: FPJW, v2: CFPJW },
  RPC_SAME_CLIENT_STREAMING: { v1: FPJW, v2: CFPJW },
  RPC_SAME_IDEMPOTENCY_LEVEL: { v1: FPJW, v2: CFPJW },
  RPC_SAME_REQUEST_TYPE: { v1: FPJW, v2: CFPJW },
  RPC_SAME_RESPONSE_TYPE: { v1: FPJW, v2: CFPJW },
  RPC_SAME_SERVER_STREAMING: { v1: FPJW, v2: CFPJW },
  PACKAGE_ENUM_NO_DELETE: { v1: P, v2: P },
  PACKAGE_EXTENSION_NO_DELETE: { v2: P },
  PACKAGE_MESSAGE_NO_DELETE: { v1: P, v2: P },
  PACKAGE_NO_DELETE: { v1: P, v2: P },
  PACKAGE_SERVICE_NO_DELETE: { v1: P, v2: P },
  ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: { v1: J, v2: CJ },
  FIELD_NO_DELETE_UNLESS_NAME_RESERVED: { v1: J, v2: CJ },
  FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY: { v1: J, v2: CJ },
  FIELD_WIRE_JSON_COMPATIBLE_TYPE: { v1: J, v2: CJ },
  ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED: { v1: JW, v2: CJW },
  FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED: { v1: JW, v2: CJW },
  FIELD_WIRE_COMPATIBLE_CARDINALITY: { v1: W, v2: W },
  FIELD_WIRE_COMPATIBLE_TYPE: { v1: W, v2: W },
  FIELD_SAME_CTYPE: { v1: [], replacedBy: ['FIELD_SAME_CPP_STRING_TYPE'] },
  FIELD_SAME_LABEL: {
    v1: [],
    replacedBy: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  FILE_SAME_JAVA_STRING_CHECK_UTF8: { v1: [], replacedBy: ['FIELD_SAME_JAVA_UTF8_VALIDATION'] },
  FILE_SAME_PHP_GENERIC_SERVICES: { v1: [], replacedBy: [] },
  MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT: { v1: [], v2: [], replacedBy: [] },
};

export const CATEGORY_IDS: Readonly<Record<BufConfigVersion, readonly string[]>> = {
  v1: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'],
  v2: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
};

export function categoriesOf(ruleId: string, version: BufConfigVersion): readonly string[] {
  return BREAKING_RULES[ruleId]?.[version] ?? [];
}

/** buf's default selection is exactly the FILE category (no `breaking:` section, or `use` left empty). */
export function isDefaultRule(ruleId: string, version: BufConfigVersion): boolean {
  return categoriesOf(ruleId, version).includes('FILE');
}

export function isKnownId(id: string, version: BufConfigVersion): boolean {
  return CATEGORY_IDS[version].includes(id) || BREAKING_RULES[id]?.[version] !== undefined;
}

/**
 * The rule IDs a `use`/`except` entry names: a category's rules, a rule itself, or for a deprecated rule the rules that replace it.
 * Deprecated IDs are in no category, so a category never selects them.
 */
export function expandId(id: string, version: BufConfigVersion): string[] {
  if (CATEGORY_IDS[version].includes(id)) {
    return Object.keys(BREAKING_RULES).filter((rule) => categoriesOf(rule, version).includes(id));
  }
  const entry = BREAKING_RULES[id];
  if (!entry || entry[version] === undefined) return [];
  if (entry.replacedBy) return [...entry.replacedBy];
  return [id];
}
