// The differential corpus: realistic projects (projects/<name>/) and the edits made to them. Each case is one edit of
// one project; the suite gives every case its own copy of the project (see materialize) so that many run in one repository.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Project = 'shop' | 'legacy' | 'editions';
type Replace = readonly [from: string | RegExp, to: string];

/** null deletes the file; text writes a new one; replace edits the base text; copy makes a new file from a base file. */
export type FileEdit = null | { text: string } | { replace: readonly Replace[] } | { copy: string; replace: readonly Replace[] };

export interface CorpusCase {
  name: string;
  project: Project;
  edits: Readonly<Record<string, FileEdit>>;
  /** Exactly the rule IDs buf reports for this case with every category selected (buf.yaml v2); [] for edits that break nothing. */
  fires: readonly string[];
}

export const PROJECTS_DIR = path.join(__dirname, 'projects');

export function projectFiles(project: Project): Record<string, string> {
  const root = path.join(PROJECTS_DIR, project);
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.proto')) files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

function applyReplacements(text: string, replacements: readonly Replace[], where: string): string {
  let result = text;
  for (const [from, to] of replacements) {
    const next = result.replace(from, to);
    assert.notEqual(next, result, `${where}: the edit did not apply: ${String(from)}`);
    result = next;
  }
  return result;
}

const IMPORT = /^import\s+(?:public\s+|weak\s+)?"([^"]+)"/gm;

/** The files named, with every project file they import directly or indirectly (on either side). */
function importClosure(start: Iterable<string>, sides: readonly Record<string, string>[]): Set<string> {
  const kept = new Set<string>();
  const pending = [...start];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (kept.has(file)) continue;
    kept.add(file);
    for (const side of sides) for (const match of (side[file] ?? '').matchAll(IMPORT)) if (match[1] in side) pending.push(match[1]);
  }
  return kept;
}

const pick = (files: Record<string, string>, kept: Set<string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).filter(([file]) => kept.has(file)));

/**
 * The case's project at base and at head, as paths relative to the project root: only the files the case edits and the
 * files they import, which keeps the corpus small without changing what each edit means.
 */
export function caseFiles(corpusCase: CorpusCase): { base: Record<string, string>; head: Record<string, string> } {
  const base = projectFiles(corpusCase.project);
  const head = { ...base };
  for (const [file, edit] of Object.entries(corpusCase.edits)) {
    const where = `${corpusCase.name} (${file})`;
    if (edit === null) {
      assert.ok(file in base, `${where}: no such base file to delete`);
      delete head[file];
    } else if ('text' in edit) head[file] = edit.text;
    else if ('copy' in edit) head[file] = applyReplacements(base[edit.copy] ?? assert.fail(`${where}: no base file ${edit.copy}`), edit.replace, where);
    else head[file] = applyReplacements(base[file] ?? assert.fail(`${where}: no base file to edit`), edit.replace, where);
  }
  const kept = importClosure(Object.keys(corpusCase.edits), [base, head]);
  return { base: pick(base, kept), head: pick(head, kept) };
}

/**
 * Moves a case's files under its own directory and package prefix (`<slug>/acme/…`, package `<slug>.acme.…`), so that every
 * case of the corpus can sit in one module without clashing names. Custom options extend descriptor.proto's messages, whose
 * extension numbers are global, so field numbers 50000–50999 (the corpus's custom options) move to a range of the case's own.
 * Both tools see the same moved text.
 */
export function relocate(files: Record<string, string>, slug: string, index: number): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    moved[`${slug}/${file}`] = text
      .replace(/^(import\s+(?:public\s+|weak\s+)?")acme\//gm, `$1${slug}/acme/`)
      .replace(/(?<![\w/"-])acme\./g, `${slug}.acme.`)
      .replace(/= 50(\d{3});/g, (_, low: string) => `= ${100_000 + index * 1000 + Number(low)};`);
  }
  return moved;
}

// Shorthands for the case table.
const del = null;
const rep = (...replace: Replace[]): FileEdit => ({ replace });
const copy = (from: string, ...replace: Replace[]): FileEdit => ({ copy: from, replace });
const text = (body: string): FileEdit => ({ text: body });

// Shop (proto3)
const MONEY = 'acme/common/v1/money.proto';
const ANNOTATIONS = 'acme/common/v1/annotations.proto';
const USER = 'acme/user/v1/user.proto';
const USER_SERVICE = 'acme/user/v1/user_service.proto';
const ORDER = 'acme/order/v1/order.proto';
const INVOICE = 'acme/billing/v1/invoice.proto';
// Legacy (proto2)
const CATALOG = 'acme/catalog/v1/catalog.proto';
const EXTRAS = 'acme/catalog/v1/extras.proto';
// Editions 2023
const STOCK = 'acme/inventory/v1/stock.proto';
const LOCATION = 'acme/inventory/v1/location.proto';

const fileOption = (name: string, from: string, to: string, file = USER, fires = [`FILE_SAME_${name.toUpperCase()}`]): CorpusCase => ({
  name: `file option ${name} changed`,
  project: file === CATALOG || file === EXTRAS ? 'legacy' : 'shop',
  edits: { [file]: rep([`option ${name} = ${from};`, `option ${name} = ${to};`]) },
  fires,
});

export const CASES: readonly CorpusCase[] = [
  // Files and packages
  { name: 'a file deleted', project: 'shop', edits: { [INVOICE]: del }, fires: ['FILE_NO_DELETE', 'PACKAGE_NO_DELETE'] },
  {
    name: 'a file renamed with identical content',
    project: 'shop',
    edits: { [INVOICE]: del, 'acme/billing/v1/invoices.proto': copy(INVOICE) },
    fires: ['FILE_NO_DELETE'],
  },
  {
    name: 'a file of a package deleted while another file of it stays',
    project: 'legacy',
    edits: { [EXTRAS]: del },
    fires: ['FILE_NO_DELETE', 'PACKAGE_EXTENSION_NO_DELETE', 'PACKAGE_MESSAGE_NO_DELETE'],
  },
  { name: 'a whole package deleted', project: 'legacy', edits: { [EXTRAS]: del, [CATALOG]: del }, fires: ['FILE_NO_DELETE', 'PACKAGE_NO_DELETE'] },
  {
    name: 'the package of a file renamed',
    project: 'shop',
    edits: { [INVOICE]: rep(['package acme.billing.v1;', 'package acme.billing.v2;']) },
    fires: ['FILE_SAME_PACKAGE', 'PACKAGE_NO_DELETE'],
  },
  {
    name: 'proto3 file converted to edition 2023 with the same features',
    project: 'shop',
    edits: { [MONEY]: rep(['syntax = "proto3";', 'edition = "2023";\n\noption features.field_presence = IMPLICIT;']) },
    fires: ['FILE_SAME_SYNTAX'],
  },
  {
    name: 'proto3 file converted to proto2',
    project: 'shop',
    edits: { [INVOICE]: rep(['syntax = "proto3";', 'syntax = "proto2";'], [/^  ([\w.]+ \w+ = \d+;)/gm, '  optional $1']) },
    fires: [
      'ENUM_SAME_JSON_FORMAT',
      'ENUM_SAME_TYPE',
      'FIELD_SAME_CARDINALITY',
      'FIELD_SAME_JAVA_UTF8_VALIDATION',
      'FIELD_SAME_UTF8_VALIDATION',
      'FILE_SAME_SYNTAX',
      'MESSAGE_SAME_JSON_FORMAT',
    ],
  },
  {
    name: 'edition 2023 file converted to proto3',
    project: 'editions',
    edits: { [LOCATION]: rep(['edition = "2023";', 'syntax = "proto3";']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FILE_SAME_SYNTAX'],
  },

  // Messages, enums, services deleted or moved
  {
    name: 'a top-level message deleted',
    project: 'shop',
    edits: { [ORDER]: rep([/\n\/\/ Tells shipping what to pick\.\nmessage PickList \{[^}]*\}\n/, '']) },
    fires: ['MESSAGE_NO_DELETE', 'PACKAGE_MESSAGE_NO_DELETE'],
  },
  {
    name: 'a message moved to a new file of the same package',
    project: 'shop',
    edits: {
      [ORDER]: rep([/\n\/\/ Tells shipping what to pick\.\nmessage PickList \{[^}]*\}\n/, '']),
      'acme/order/v1/pick_list.proto': text(
        'syntax = "proto3";\n\npackage acme.order.v1;\n\n// Tells shipping what to pick.\nmessage PickList {\n  string order_id = 1;\n  map<string, int32> quantities_by_sku = 2;\n}\n',
      ),
    },
    fires: ['MESSAGE_NO_DELETE'],
  },
  {
    name: 'a nested message deleted with its field',
    project: 'shop',
    edits: { [USER]: rep([/\n  \/\/ Preferences the user chose\.\n  message Settings \{[^}]*\}\n  Settings settings = 12;/, '']) },
    fires: [
      'FIELD_NO_DELETE',
      'FIELD_NO_DELETE_UNLESS_NAME_RESERVED',
      'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
      'MESSAGE_NO_DELETE',
      'PACKAGE_MESSAGE_NO_DELETE',
    ],
  },
  {
    name: 'a top-level enum deleted',
    project: 'shop',
    edits: { [USER]: rep([/\n\/\/ A user's tier in the loyalty programme\.\nenum LoyaltyTier \{[^}]*\}\n/, '']) },
    fires: ['ENUM_NO_DELETE', 'PACKAGE_ENUM_NO_DELETE'],
  },
  {
    name: 'a nested enum deleted with its field',
    project: 'shop',
    edits: { [USER_SERVICE]: rep([/  enum Kind \{[^}]*\}\n  Kind kind = 2;\n/, '']) },
    fires: ['ENUM_NO_DELETE', 'FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED', 'PACKAGE_ENUM_NO_DELETE'],
  },
  {
    name: 'a service deleted',
    project: 'shop',
    edits: { [USER_SERVICE]: rep([/\/\/ Used only by support tooling\.\nservice UserAdminService \{[^}]*\}\n\n/, '']) },
    fires: ['PACKAGE_SERVICE_NO_DELETE', 'SERVICE_NO_DELETE'],
  },
  { name: 'an rpc deleted', project: 'shop', edits: { [USER_SERVICE]: rep([/  rpc DeleteUser\(DeleteUserRequest\)[^}]*\}\n/, '']) }, fires: ['RPC_NO_DELETE'] },
  {
    name: 'a service deleted in an editions file',
    project: 'editions',
    edits: { [LOCATION]: rep([/\nservice LocationService \{[^}]*\}\n/, '']) },
    fires: ['PACKAGE_SERVICE_NO_DELETE', 'SERVICE_NO_DELETE'],
  },

  // Fields deleted
  {
    name: 'a field deleted',
    project: 'shop',
    edits: { [USER]: rep(['  // Where we send receipts.\n  string email = 3;\n', '']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'a field deleted, its number reserved',
    project: 'shop',
    edits: { [USER]: rep(['  // Where we send receipts.\n  string email = 3;\n', '  reserved 3;\n']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED'],
  },
  {
    name: 'a field deleted, its name reserved',
    project: 'shop',
    edits: { [USER]: rep(['  // Where we send receipts.\n  string email = 3;\n', '  reserved "email";\n']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'a field deleted, number and name reserved',
    project: 'shop',
    edits: { [USER]: rep(['  // Where we send receipts.\n  string email = 3;\n', '  reserved 3;\n  reserved "email";\n']) },
    fires: ['FIELD_NO_DELETE'],
  },
  {
    name: 'a field deleted from a oneof',
    project: 'shop',
    edits: { [USER]: rep(['    string messenger_handle = 11;\n', '']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'a field deleted from a nested message',
    project: 'shop',
    edits: { [USER]: rep(['    string time_zone = 3;\n', '']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'a proto2 group deleted',
    project: 'legacy',
    edits: { [CATALOG]: rep([/\n  repeated group Variant = 11 \{[^}]*\}\n/, '']) },
    fires: [
      'FIELD_NO_DELETE',
      'FIELD_NO_DELETE_UNLESS_NAME_RESERVED',
      'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
      'MESSAGE_NO_DELETE',
      'PACKAGE_MESSAGE_NO_DELETE',
    ],
  },
  {
    name: 'an edition field deleted',
    project: 'editions',
    edits: { [STOCK]: rep(['  string note = 6;\n', '']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'a field number changed',
    project: 'shop',
    edits: { [USER]: rep(['string email = 3;', 'string email = 15;']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },

  // Oneofs
  {
    name: 'a oneof deleted, its fields kept',
    project: 'shop',
    edits: {
      [USER]: rep([
        '  oneof contact {\n    string phone_number = 10;\n    string messenger_handle = 11;\n  }',
        '  string phone_number = 10;\n  string messenger_handle = 11;',
      ]),
    },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_SAME_ONEOF', 'ONEOF_NO_DELETE'],
  },
  {
    name: 'a field moved into a oneof',
    project: 'shop',
    edits: {
      [USER]: rep(
        ['  int64 lifetime_spend_cents = 13;\n', ''],
        ['    string messenger_handle = 11;\n', '    string messenger_handle = 11;\n    int64 lifetime_spend_cents = 13;\n'],
      ),
    },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_SAME_ONEOF'],
  },
  {
    name: 'a oneof renamed',
    project: 'shop',
    edits: { [ORDER]: rep(['oneof payment {', 'oneof payment_method {']) },
    fires: ['FIELD_SAME_ONEOF', 'ONEOF_NO_DELETE'],
  },
  {
    name: 'a proto2 oneof deleted with its fields',
    project: 'legacy',
    edits: { [CATALOG]: rep([/\n  oneof pricing \{[^}]*\}\n/, '']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED', 'ONEOF_NO_DELETE'],
  },

  // Enum values
  {
    name: 'an enum value deleted',
    project: 'shop',
    edits: { [USER]: rep(['    STATUS_DELETED = 3;\n', '']) },
    fires: ['ENUM_VALUE_NO_DELETE', 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED', 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'an enum value deleted, its number reserved',
    project: 'shop',
    edits: { [USER]: rep(['    STATUS_DELETED = 3;\n    reserved 4;', '    reserved 3, 4;']) },
    fires: ['ENUM_VALUE_NO_DELETE', 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED'],
  },
  {
    name: 'an enum value deleted, its name reserved',
    project: 'shop',
    edits: { [USER]: rep(['    STATUS_DELETED = 3;\n', ''], ['reserved "STATUS_BANNED";', 'reserved "STATUS_BANNED", "STATUS_DELETED";']) },
    fires: ['ENUM_VALUE_NO_DELETE', 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'an enum value deleted, number and name reserved',
    project: 'shop',
    edits: {
      [USER]: rep(
        ['    STATUS_DELETED = 3;\n    reserved 4;', '    reserved 3 to 4;'],
        ['reserved "STATUS_BANNED";', 'reserved "STATUS_BANNED", "STATUS_DELETED";'],
      ),
    },
    fires: ['ENUM_VALUE_NO_DELETE'],
  },
  { name: 'an enum value renamed', project: 'shop', edits: { [USER]: rep(['STATUS_SUSPENDED = 2;', 'STATUS_ON_HOLD = 2;']) }, fires: ['ENUM_VALUE_SAME_NAME'] },
  {
    name: 'an enum value number changed',
    project: 'shop',
    edits: { [ORDER]: rep(['STATE_CANCELLED = 4;', 'STATE_CANCELLED = 9;']) },
    fires: ['ENUM_VALUE_NO_DELETE', 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED', 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'an enum alias deleted',
    project: 'shop',
    edits: { [USER]: rep(['  option allow_alias = true;\n', ''], ['  LOYALTY_TIER_TOP = 3;\n', '']) },
    fires: ['ENUM_VALUE_SAME_NAME'],
  },
  {
    name: 'an enum alias added',
    project: 'shop',
    edits: { [USER]: rep(['  LOYALTY_TIER_TOP = 3;\n', '  LOYALTY_TIER_TOP = 3;\n  LOYALTY_TIER_BEST = 3;\n']) },
    fires: [],
  },
  {
    name: 'the primary name of an aliased enum value renamed',
    project: 'shop',
    edits: { [USER]: rep(['LOYALTY_TIER_GOLD = 3;', 'LOYALTY_TIER_AURUM = 3;']) },
    fires: ['ENUM_VALUE_SAME_NAME'],
  },
  {
    name: 'a proto2 enum value deleted',
    project: 'legacy',
    edits: { [CATALOG]: rep(['  COLOR_RED = 2;\n', '']) },
    fires: ['ENUM_VALUE_NO_DELETE', 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED', 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },

  // Reserved ranges and names
  {
    name: 'a reserved range deleted from a message',
    project: 'shop',
    edits: { [USER]: rep(['  reserved 9, 20 to 29;\n', '  reserved 9;\n']) },
    fires: ['RESERVED_MESSAGE_NO_DELETE'],
  },
  {
    name: 'a reserved range shrunk',
    project: 'shop',
    edits: { [USER]: rep(['reserved 9, 20 to 29;', 'reserved 9, 20 to 25;']) },
    fires: ['RESERVED_MESSAGE_NO_DELETE'],
  },
  {
    name: 'a reserved range split the same numbers',
    project: 'shop',
    edits: { [USER]: rep(['reserved 9, 20 to 29;', 'reserved 9, 20 to 24, 25 to 29;']) },
    fires: [],
  },
  {
    name: 'a reserved name deleted from a message',
    project: 'shop',
    edits: { [USER]: rep(['  reserved "legacy_id";\n', '']) },
    fires: ['RESERVED_MESSAGE_NO_DELETE'],
  },
  { name: 'a reserved number deleted from an enum', project: 'shop', edits: { [USER]: rep(['    reserved 4;\n', '']) }, fires: ['RESERVED_ENUM_NO_DELETE'] },
  {
    name: 'a reserved name deleted from an enum',
    project: 'shop',
    edits: { [USER]: rep(['    reserved "STATUS_BANNED";\n', '']) },
    fires: ['RESERVED_ENUM_NO_DELETE'],
  },
  {
    name: 'an enum reserved range to max shrunk',
    project: 'legacy',
    edits: { [CATALOG]: rep(['reserved 10 to max;', 'reserved 10 to 100;']) },
    fires: ['RESERVED_ENUM_NO_DELETE'],
  },
  {
    name: 'a proto2 reserved range deleted',
    project: 'legacy',
    edits: { [CATALOG]: rep(['  reserved 40 to 49;\n', '']) },
    fires: ['RESERVED_MESSAGE_NO_DELETE'],
  },

  // Extensions
  {
    name: 'an extension range deleted',
    project: 'legacy',
    edits: { [CATALOG]: rep(['  extensions 1000 to max;\n', '']) },
    fires: ['EXTENSION_MESSAGE_NO_DELETE'],
  },
  {
    name: 'an extension range shrunk',
    project: 'legacy',
    edits: { [CATALOG]: rep(['extensions 1000 to max;', 'extensions 1000 to 5000;']) },
    fires: ['EXTENSION_MESSAGE_NO_DELETE'],
  },
  {
    name: 'an extension deleted',
    project: 'legacy',
    edits: { [CATALOG]: rep(['  optional string supplier_code = 100;\n', '']) },
    fires: ['EXTENSION_NO_DELETE', 'PACKAGE_EXTENSION_NO_DELETE'],
  },
  {
    name: 'an extension in another file deleted',
    project: 'legacy',
    edits: { [EXTRAS]: rep(['  optional bool marketplace_featured = 151 [default = false];\n', '']) },
    fires: ['EXTENSION_NO_DELETE', 'PACKAGE_EXTENSION_NO_DELETE'],
  },
  {
    name: 'a nested extension deleted',
    project: 'legacy',
    edits: { [EXTRAS]: rep([/\n  extend Product \{[^}]*\}\n/, '\n']) },
    fires: ['EXTENSION_NO_DELETE', 'PACKAGE_EXTENSION_NO_DELETE'],
  },
  {
    name: 'an extension type changed',
    project: 'legacy',
    edits: { [EXTRAS]: rep(['optional int32 marketplace_rank = 150;', 'optional int64 marketplace_rank = 150;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'an extension renamed',
    project: 'legacy',
    edits: { [CATALOG]: rep(['optional string supplier_code = 100;', 'optional string vendor_code = 100;']) },
    fires: ['EXTENSION_NO_DELETE', 'FIELD_SAME_NAME', 'PACKAGE_EXTENSION_NO_DELETE'],
  },

  // Field types
  {
    name: 'int64 field changed to int32',
    project: 'shop',
    edits: { [USER]: rep(['int64 lifetime_spend_cents = 13;', 'int32 lifetime_spend_cents = 13;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'int32 field changed to string',
    project: 'shop',
    edits: { [ORDER]: rep(['int32 quantity = 2;', 'string quantity = 2;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'int32 field changed to uint32',
    project: 'shop',
    edits: { [ORDER]: rep(['int32 quantity = 2;', 'uint32 quantity = 2;']) },
    fires: ['FIELD_SAME_TYPE'],
  },
  {
    name: 'int32 field changed to bool',
    project: 'shop',
    edits: { [ORDER]: rep(['int32 expiry_month = 3;', 'bool expiry_month = 3;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'sint32 field changed to int32',
    project: 'shop',
    edits: { [ORDER]: rep(['sint32 discount_percent = 4;', 'int32 discount_percent = 4;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'fixed64 field changed to uint64',
    project: 'shop',
    edits: { [ORDER]: rep(['fixed64 tracking_hash = 12;', 'uint64 tracking_hash = 12;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'fixed64 field changed to sfixed64',
    project: 'shop',
    edits: { [ORDER]: rep(['fixed64 tracking_hash = 12;', 'sfixed64 tracking_hash = 12;']) },
    fires: ['FIELD_SAME_TYPE'],
  },
  {
    name: 'float field changed to double',
    project: 'shop',
    edits: { [ORDER]: rep(['float weight_kg = 5;', 'double weight_kg = 5;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'string field changed to bytes',
    project: 'shop',
    edits: { [USER]: rep(['string display_name = 2;', 'bytes display_name = 2;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'bytes field changed to string',
    project: 'shop',
    edits: { [ORDER]: rep(['bytes signature = 11;', 'string signature = 11;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'message field changed to another message',
    project: 'shop',
    edits: { [USER]: rep(['acme.common.v1.PostalAddress shipping_address = 4;', 'acme.common.v1.Money shipping_address = 4;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'message field changed to string',
    project: 'shop',
    edits: { [ORDER]: rep(['acme.common.v1.Money total = 4;', 'string total = 4;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'enum field changed to int32',
    project: 'shop',
    edits: { [USER]: rep(['  Status status = 5;', '  int32 status = 5;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'enum field changed to another enum',
    project: 'shop',
    edits: { [USER]: rep(['acme.common.v1.Region home_region = 14;', 'LoyaltyTier home_region = 14;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'well-known type field changed to another well-known type',
    project: 'shop',
    edits: {
      [USER]: rep(
        ['import "google/protobuf/timestamp.proto";', 'import "google/protobuf/duration.proto";\nimport "google/protobuf/timestamp.proto";'],
        ['google.protobuf.Timestamp create_time = 6;', 'google.protobuf.Duration create_time = 6;'],
      ),
    },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'map value type changed',
    project: 'shop',
    edits: { [USER]: rep(['map<string, string> labels = 7;', 'map<string, int64> labels = 7;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'map key type changed',
    project: 'shop',
    edits: { [ORDER]: rep(['map<string, string> metadata = 8;', 'map<int64, string> metadata = 8;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'map changed to a repeated message',
    project: 'shop',
    edits: {
      [ORDER]: rep([
        'map<string, int32> quantities_by_sku = 2;',
        'repeated SkuQuantity quantities_by_sku = 2;\n  message SkuQuantity {\n    string key = 1;\n    int32 value = 2;\n  }',
      ]),
    },
    fires: [
      'FIELD_SAME_CARDINALITY',
      'FIELD_SAME_TYPE',
      'FIELD_WIRE_COMPATIBLE_TYPE',
      'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY',
      'FIELD_WIRE_JSON_COMPATIBLE_TYPE',
      'MESSAGE_NO_DELETE',
      'PACKAGE_MESSAGE_NO_DELETE',
    ],
  },
  {
    name: 'proto2 group changed to a message field',
    project: 'legacy',
    edits: {
      [CATALOG]: rep([
        '  repeated group Variant = 11 {\n    required string variant_sku = 12;\n    optional string size = 13;\n  }',
        '  message Variant {\n    required string variant_sku = 12;\n    optional string size = 13;\n  }\n  repeated Variant variant = 11;',
      ]),
    },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'proto2 enum field changed to int32',
    project: 'legacy',
    edits: { [CATALOG]: rep(['optional Color color = 4 [default = COLOR_BLACK];', 'optional int32 color = 4;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },
  {
    name: 'edition message field changed to delimited encoding',
    project: 'editions',
    edits: { [STOCK]: rep(['Adjustment last_adjustment = 8;', 'Adjustment last_adjustment = 8 [features.message_encoding = DELIMITED];']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE'],
  },

  // Cardinality and presence
  {
    name: 'singular string field made repeated',
    project: 'shop',
    edits: { [USER]: rep(['string display_name = 2;', 'repeated string display_name = 2;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  {
    name: 'singular message field made repeated',
    project: 'shop',
    edits: { [ORDER]: rep(['acme.common.v1.Money total = 4;', 'repeated acme.common.v1.Money total = 4;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  {
    name: 'repeated int32 field made singular',
    project: 'shop',
    edits: { [ORDER]: rep(['repeated int32 coupon_ids = 10;', 'int32 coupon_ids = 10;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  {
    name: 'proto3 field made optional',
    project: 'shop',
    edits: { [USER]: rep(['  string email = 3;', '  optional string email = 3;']) },
    fires: ['FIELD_SAME_CARDINALITY'],
  },
  {
    name: 'proto3 optional field made implicit',
    project: 'shop',
    edits: { [USER]: rep(['optional string nickname = 8;', 'string nickname = 8;']) },
    fires: ['FIELD_SAME_CARDINALITY'],
  },
  {
    name: 'proto2 required field made optional',
    project: 'legacy',
    edits: { [CATALOG]: rep(['required string sku = 1;', 'optional string sku = 1;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY', 'MESSAGE_SAME_REQUIRED_FIELDS'],
  },
  {
    name: 'proto2 optional field made required',
    project: 'legacy',
    edits: { [CATALOG]: rep(['optional string description = 9;', 'required string description = 9;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY', 'MESSAGE_SAME_REQUIRED_FIELDS'],
  },
  {
    name: 'proto2 required field added',
    project: 'legacy',
    edits: { [CATALOG]: rep(['  optional string city = 2;\n', '  optional string city = 2;\n  required string region = 5;\n']) },
    fires: ['MESSAGE_SAME_REQUIRED_FIELDS'],
  },
  {
    name: 'proto2 optional field made repeated',
    project: 'legacy',
    edits: { [CATALOG]: rep(['optional string description = 9;', 'repeated string description = 9;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  {
    name: 'proto2 repeated field made optional',
    project: 'legacy',
    edits: { [CATALOG]: rep(['repeated string tags = 7;', 'optional string tags = 7;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  {
    name: 'proto2 packed option removed',
    project: 'legacy',
    edits: { [CATALOG]: rep(['repeated int32 bin_numbers = 3 [packed = true];', 'repeated int32 bin_numbers = 3;']) },
    fires: [],
  },
  {
    name: 'edition field presence made implicit',
    project: 'editions',
    edits: { [STOCK]: rep(['int32 on_hand = 3;', 'int32 on_hand = 3 [features.field_presence = IMPLICIT];']) },
    fires: ['FIELD_SAME_CARDINALITY'],
  },
  {
    name: 'edition legacy-required field made explicit',
    project: 'editions',
    edits: { [STOCK]: rep(['int32 safety_stock = 9 [features.field_presence = LEGACY_REQUIRED];', 'int32 safety_stock = 9;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  {
    name: 'edition field made legacy-required',
    project: 'editions',
    edits: { [STOCK]: rep(['int64 audit_sequence = 12;', 'int64 audit_sequence = 12 [features.field_presence = LEGACY_REQUIRED];']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  {
    name: 'edition file presence default changed',
    project: 'editions',
    edits: { [STOCK]: rep(['option features.field_presence = EXPLICIT;\n', '']) },
    fires: [],
  },
  {
    name: 'edition repeated field made expanded',
    project: 'editions',
    edits: { [STOCK]: rep(['repeated int32 bin_ids = 5;', 'repeated int32 bin_ids = 5 [features.repeated_field_encoding = EXPANDED];']) },
    fires: [],
  },

  // Names and JSON names
  {
    name: 'a field renamed',
    project: 'shop',
    edits: { [USER]: rep(['string display_name = 2;', 'string full_name = 2;']) },
    fires: ['FIELD_SAME_JSON_NAME', 'FIELD_SAME_NAME'],
  },
  {
    name: 'a field renamed to its lowerCamel form',
    project: 'shop',
    edits: { [USER]: rep(['string display_name = 2;', 'string displayName = 2;']) },
    fires: ['FIELD_SAME_NAME'],
  },
  {
    name: 'a json_name added',
    project: 'shop',
    edits: { [USER]: rep(['string email = 3;', 'string email = 3 [json_name = "emailAddress"];']) },
    fires: ['FIELD_SAME_JSON_NAME'],
  },
  {
    name: 'a json_name equal to the default added',
    project: 'shop',
    edits: { [USER]: rep(['string display_name = 2;', 'string display_name = 2 [json_name = "displayName"];']) },
    fires: [],
  },
  {
    name: 'a proto2 field renamed',
    project: 'legacy',
    edits: { [CATALOG]: rep(['optional string title = 2 [default = "untitled"];', 'optional string name = 2 [default = "untitled"];']) },
    fires: ['FIELD_SAME_JSON_NAME', 'FIELD_SAME_NAME'],
  },
  {
    name: 'a group renamed',
    project: 'legacy',
    edits: { [CATALOG]: rep(['repeated group Variant = 11 {', 'repeated group Option = 11 {']) },
    fires: [
      'FIELD_SAME_JSON_NAME',
      'FIELD_SAME_NAME',
      'FIELD_SAME_TYPE',
      'FIELD_WIRE_COMPATIBLE_TYPE',
      'FIELD_WIRE_JSON_COMPATIBLE_TYPE',
      'MESSAGE_NO_DELETE',
      'PACKAGE_MESSAGE_NO_DELETE',
    ],
  },

  // Field options
  { name: 'jstype changed', project: 'shop', edits: { [ORDER]: rep(['[jstype = JS_NORMAL]', '[jstype = JS_STRING]']) }, fires: ['FIELD_SAME_JSTYPE'] },
  { name: 'jstype set to its default removed', project: 'shop', edits: { [ORDER]: rep([' [jstype = JS_NORMAL]', '']) }, fires: [] },
  { name: 'proto2 jstype removed', project: 'legacy', edits: { [CATALOG]: rep([' [jstype = JS_STRING]', '']) }, fires: ['FIELD_SAME_JSTYPE'] },
  {
    name: 'ctype added',
    project: 'legacy',
    edits: { [CATALOG]: rep(['optional bytes thumbnail = 8;', 'optional bytes thumbnail = 8 [ctype = CORD];']) },
    fires: ['FIELD_SAME_CPP_STRING_TYPE'],
  },
  {
    name: 'ctype STRING added (the default)',
    project: 'legacy',
    edits: { [CATALOG]: rep(['optional string description = 9;', 'optional string description = 9 [ctype = STRING];']) },
    fires: [],
  },
  {
    name: 'edition cpp string_type changed',
    project: 'editions',
    edits: {
      [STOCK]: rep(
        ['import "google/protobuf/timestamp.proto";', 'import "google/protobuf/cpp_features.proto";\nimport "google/protobuf/timestamp.proto";'],
        ['bytes rfid_payload = 11;', 'bytes rfid_payload = 11 [features.(pb.cpp).string_type = CORD];'],
      ),
    },
    fires: ['FIELD_SAME_CPP_STRING_TYPE'],
  },
  { name: 'proto2 default changed', project: 'legacy', edits: { [CATALOG]: rep(['[default = 10]', '[default = 20]']) }, fires: ['FIELD_SAME_DEFAULT'] },
  {
    name: 'proto2 string default changed',
    project: 'legacy',
    edits: { [CATALOG]: rep(['[default = "untitled"]', '[default = "Untitled"]']) },
    fires: ['FIELD_SAME_DEFAULT'],
  },
  {
    name: 'proto2 enum default changed',
    project: 'legacy',
    edits: { [CATALOG]: rep(['[default = COLOR_BLACK]', '[default = COLOR_WHITE]']) },
    fires: ['FIELD_SAME_DEFAULT'],
  },
  { name: 'proto2 default equal to the zero value removed', project: 'legacy', edits: { [CATALOG]: rep([' [default = false]', '']) }, fires: [] },
  { name: 'proto2 default removed', project: 'legacy', edits: { [CATALOG]: rep([' [default = 10]', '']) }, fires: ['FIELD_SAME_DEFAULT'] },
  { name: 'proto2 float default written differently', project: 'legacy', edits: { [CATALOG]: rep(['[default = 9.99]', '[default = 9.990]']) }, fires: [] },
  {
    name: 'proto2 extension default changed',
    project: 'legacy',
    edits: { [EXTRAS]: rep(['[default = false]', '[default = true]']) },
    fires: ['FIELD_SAME_DEFAULT'],
  },
  {
    name: 'edition string field utf8 validation turned off',
    project: 'editions',
    edits: { [STOCK]: rep(['string note = 6;', 'string note = 6 [features.utf8_validation = NONE];']) },
    fires: ['FIELD_SAME_JAVA_UTF8_VALIDATION', 'FIELD_SAME_UTF8_VALIDATION'],
  },
  {
    name: 'edition java utf8 validation turned on',
    project: 'editions',
    edits: {
      [STOCK]: rep(
        ['import "google/protobuf/timestamp.proto";', 'import "google/protobuf/java_features.proto";\nimport "google/protobuf/timestamp.proto";'],
        ['string note = 6;', 'string note = 6 [features.(pb.java).utf8_validation = VERIFY];'],
      ),
    },
    fires: [],
  },

  // File options
  fileOption('go_package', '"github.com/acme/shop/gen/go/acme/user/v1;userv1"', '"github.com/acme/shop/gen/go/user/v1;userv1"'),
  fileOption('java_package', '"com.acme.user.v1"', '"com.acme.users.v1"'),
  fileOption('java_multiple_files', 'true', 'false'),
  fileOption('java_outer_classname', '"UserProto"', '"UserProtos"'),
  fileOption('csharp_namespace', '"Acme.User.V1"', '"Acme.Users.V1"'),
  fileOption('objc_class_prefix', '"AUX"', '"AUS"'),
  fileOption('php_namespace', '"Acme\\\\User\\\\V1"', '"Acme\\\\Users\\\\V1"'),
  fileOption('php_metadata_namespace', '"Acme\\\\User\\\\V1\\\\Metadata"', '"Acme\\\\Users\\\\V1\\\\Metadata"'),
  fileOption('ruby_package', '"Acme::User::V1"', '"Acme::Users::V1"'),
  fileOption('swift_prefix', '"AU"', '"AUS"'),
  fileOption('cc_enable_arenas', 'true', 'false'),
  fileOption('php_class_prefix', '"ABill"', '"ABilling"', INVOICE),
  fileOption('optimize_for', 'SPEED', 'CODE_SIZE', ORDER),
  fileOption('java_generic_services', 'false', 'true', USER_SERVICE),
  fileOption('cc_generic_services', 'true', 'false', CATALOG),
  fileOption('py_generic_services', 'true', 'false', CATALOG),
  fileOption('java_string_check_utf8', 'false', 'true', CATALOG, ['FIELD_SAME_JAVA_UTF8_VALIDATION']),
  {
    name: 'file option go_package removed',
    project: 'shop',
    edits: { [ORDER]: rep(['option go_package = "github.com/acme/shop/gen/go/acme/order/v1;orderv1";\n', '']) },
    fires: ['FILE_SAME_GO_PACKAGE'],
  },
  {
    name: 'file option java_package added',
    project: 'editions',
    edits: { [STOCK]: rep(['option go_package', 'option java_package = "com.acme.inventory.v1";\noption go_package']) },
    fires: ['FILE_SAME_JAVA_PACKAGE'],
  },
  {
    name: 'file option set to its default removed',
    project: 'shop',
    edits: { [USER_SERVICE]: rep(['option java_generic_services = false;\n', '']) },
    fires: [],
  },
  {
    name: 'file option set explicitly to its default',
    project: 'shop',
    edits: { [INVOICE]: rep(['option php_class_prefix', 'option optimize_for = SPEED;\noption cc_enable_arenas = true;\noption php_class_prefix']) },
    fires: [],
  },

  // Message and enum options, editions features
  {
    name: 'no_standard_descriptor_accessor turned on',
    project: 'shop',
    edits: { [INVOICE]: rep(['message Invoice {\n', 'message Invoice {\n  option no_standard_descriptor_accessor = true;\n']) },
    fires: ['MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR'],
  },
  {
    name: 'no_standard_descriptor_accessor set to its default',
    project: 'shop',
    edits: { [INVOICE]: rep(['message Invoice {\n', 'message Invoice {\n  option no_standard_descriptor_accessor = false;\n']) },
    fires: [],
  },
  {
    name: 'edition message JSON format made best-effort',
    project: 'editions',
    edits: { [STOCK]: rep(['message Adjustment {\n', 'message Adjustment {\n  option features.json_format = LEGACY_BEST_EFFORT;\n']) },
    fires: ['MESSAGE_SAME_JSON_FORMAT'],
  },
  {
    name: 'edition enum JSON format made best-effort',
    project: 'editions',
    edits: { [STOCK]: rep(['enum Reason {\n', 'enum Reason {\n  option features.json_format = LEGACY_BEST_EFFORT;\n']) },
    fires: ['ENUM_SAME_JSON_FORMAT'],
  },
  {
    name: 'edition file JSON format made best-effort',
    project: 'editions',
    edits: { [LOCATION]: rep(['option java_package', 'option features.json_format = LEGACY_BEST_EFFORT;\noption java_package']) },
    fires: ['ENUM_SAME_JSON_FORMAT', 'MESSAGE_SAME_JSON_FORMAT'],
  },
  {
    name: 'edition enum made closed',
    project: 'editions',
    edits: { [STOCK]: rep(['enum Reason {\n', 'enum Reason {\n  option features.enum_type = CLOSED;\n']) },
    fires: ['ENUM_SAME_TYPE'],
  },
  {
    name: 'edition closed enum made open',
    project: 'editions',
    edits: { [STOCK]: rep(['  option features.enum_type = CLOSED;\n', '']) },
    fires: ['ENUM_SAME_TYPE'],
  },
  {
    name: 'edition file enums made closed',
    project: 'editions',
    edits: { [LOCATION]: rep(['option java_package', 'option features.enum_type = CLOSED;\noption java_package']) },
    fires: ['ENUM_SAME_TYPE'],
  },
  {
    name: 'edition 2023 file moved to edition 2024',
    project: 'editions',
    edits: { [LOCATION]: rep(['edition = "2023";', 'edition = "2024";']) },
    fires: ['FIELD_SAME_CPP_STRING_TYPE'],
  },

  // RPCs
  {
    name: 'rpc request type changed',
    project: 'shop',
    edits: { [USER_SERVICE]: rep(['rpc GetUser(GetUserRequest)', 'rpc GetUser(DeleteUserRequest)']) },
    fires: ['RPC_SAME_REQUEST_TYPE'],
  },
  {
    name: 'rpc response type changed',
    project: 'shop',
    edits: { [USER_SERVICE]: rep(['rpc UpdateUser(UpdateUserRequest) returns (User);', 'rpc UpdateUser(UpdateUserRequest) returns (UserEvent);']) },
    fires: ['RPC_SAME_RESPONSE_TYPE'],
  },
  {
    name: 'rpc response changed to a well-known type',
    project: 'shop',
    edits: { [USER_SERVICE]: rep(['rpc UpdateUser(UpdateUserRequest) returns (User);', 'rpc UpdateUser(UpdateUserRequest) returns (google.protobuf.Empty);']) },
    fires: ['RPC_SAME_RESPONSE_TYPE'],
  },
  {
    name: 'rpc server streaming removed',
    project: 'shop',
    edits: { [USER_SERVICE]: rep(['returns (stream UserEvent);', 'returns (UserEvent);']) },
    fires: ['RPC_SAME_SERVER_STREAMING'],
  },
  {
    name: 'rpc client streaming removed',
    project: 'shop',
    edits: { [USER_SERVICE]: rep(['rpc ImportUsers(stream User)', 'rpc ImportUsers(User)']) },
    fires: ['RPC_SAME_CLIENT_STREAMING'],
  },
  {
    name: 'rpc made bidirectional streaming',
    project: 'shop',
    edits: { [INVOICE]: rep(['rpc StreamInvoices(StreamInvoicesRequest)', 'rpc StreamInvoices(stream StreamInvoicesRequest)']) },
    fires: ['RPC_SAME_CLIENT_STREAMING'],
  },
  {
    name: 'rpc idempotency level changed',
    project: 'shop',
    edits: { [USER_SERVICE]: rep(['option idempotency_level = IDEMPOTENT;', 'option idempotency_level = NO_SIDE_EFFECTS;']) },
    fires: ['RPC_SAME_IDEMPOTENCY_LEVEL'],
  },
  {
    name: 'rpc idempotency level removed',
    project: 'shop',
    edits: { [INVOICE]: rep([' {\n    option idempotency_level = NO_SIDE_EFFECTS;\n  }', ';']) },
    fires: ['RPC_SAME_IDEMPOTENCY_LEVEL'],
  },
  {
    name: 'rpc idempotency level added',
    project: 'shop',
    edits: {
      [USER_SERVICE]: rep(['returns (User);\n  rpc DeleteUser', 'returns (User) {\n    option idempotency_level = IDEMPOTENT;\n  }\n  rpc DeleteUser']),
    },
    fires: ['RPC_SAME_IDEMPOTENCY_LEVEL'],
  },
  {
    name: 'rpc idempotency level set to its default',
    project: 'shop',
    edits: {
      [USER_SERVICE]: rep([
        'rpc SuspendUser(SuspendUserRequest) returns (User);',
        'rpc SuspendUser(SuspendUserRequest) returns (User) {\n    option idempotency_level = IDEMPOTENCY_UNKNOWN;\n  }',
      ]),
    },
    fires: [],
  },
  {
    name: 'edition rpc client streaming removed',
    project: 'editions',
    edits: { [LOCATION]: rep(['rpc Restock(stream StockLevel)', 'rpc Restock(StockLevel)']) },
    fires: ['RPC_SAME_CLIENT_STREAMING'],
  },

  // Custom options, presence, imports and renames
  {
    name: 'a custom field option changed',
    project: 'shop',
    edits: { [ORDER]: rep(['[(acme.common.v1.sensitive) = true]', '[(acme.common.v1.sensitive) = false]']) },
    fires: [],
  },
  {
    name: 'a custom message option removed',
    project: 'shop',
    edits: { [ORDER]: rep(['  option (acme.common.v1.table_name) = "card_payments";\n', '']) },
    fires: [],
  },
  {
    name: 'a custom option extension deleted',
    project: 'shop',
    edits: { [ANNOTATIONS]: rep(['  string pii_category = 50002;\n', '']), [ORDER]: rep([' [(acme.common.v1.pii_category) = "payment"]', '']) },
    fires: ['EXTENSION_NO_DELETE', 'PACKAGE_EXTENSION_NO_DELETE'],
  },
  {
    name: 'a field marked deprecated',
    project: 'shop',
    edits: { [ORDER]: rep(['string voucher_code = 21;', 'string voucher_code = 21 [deprecated = true];']) },
    fires: [],
  },
  {
    name: 'a proto3 optional field deleted',
    project: 'shop',
    edits: { [USER]: rep(['  optional string nickname = 8;\n', '']) },
    fires: ['FIELD_NO_DELETE', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED'],
  },
  {
    name: 'an import made public',
    project: 'shop',
    edits: { [INVOICE]: rep(['import "acme/common/v1/money.proto";', 'import public "acme/common/v1/money.proto";']) },
    fires: [],
  },
  {
    name: 'a nested message moved to the top level',
    project: 'shop',
    edits: {
      [USER]: rep(
        [/\n  \/\/ Preferences the user chose\.\n  (message Settings \{[^}]*\})\n  Settings settings = 12;/, '\n  UserSettings settings = 12;'],
        [
          "// A user's tier",
          "// Preferences the user chose.\nmessage UserSettings {\n  bool newsletter = 1;\n  string locale = 2;\n  string time_zone = 3;\n  repeated string muted_topics = 4;\n}\n\n// A user's tier",
        ],
      ),
    },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE', 'MESSAGE_NO_DELETE', 'PACKAGE_MESSAGE_NO_DELETE'],
  },
  {
    name: 'a top-level message renamed',
    project: 'shop',
    edits: { [ORDER]: rep(['message BankTransfer {', 'message SepaTransfer {'], ['BankTransfer bank_transfer = 22;', 'SepaTransfer bank_transfer = 22;']) },
    fires: ['FIELD_SAME_TYPE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE', 'MESSAGE_NO_DELETE', 'PACKAGE_MESSAGE_NO_DELETE'],
  },
  {
    name: 'a value added to a proto2 enum',
    project: 'legacy',
    edits: { [CATALOG]: rep(['  COLOR_RED = 2;\n', '  COLOR_RED = 2;\n  COLOR_GREEN = 3;\n']) },
    fires: [],
  },
  {
    name: 'an edition explicit-presence field made repeated',
    project: 'editions',
    edits: { [LOCATION]: rep(['  string name = 2;', '  repeated string name = 2;']) },
    fires: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },

  // Edits that break nothing
  {
    name: 'comments and formatting changed',
    project: 'shop',
    edits: {
      [USER]: rep(
        ['// A registered customer of the shop.', '/* A registered customer of the shop.\n * Created at sign-up. */'],
        ['  string display_name = 2;', '  string   display_name   =   2 ;  // shown in the header'],
        ['    bool newsletter = 1;', '    bool newsletter=1;'],
      ),
      [ORDER]: rep([
        'message BankTransfer {\n  string iban = 1;\n  string reference = 2;\n}',
        'message BankTransfer { string iban = 1; string reference = 2; }',
      ]),
    },
    fires: [],
  },
  {
    name: 'declarations reordered',
    project: 'shop',
    edits: {
      [ORDER]: rep(
        [/(message CardPayment \{[^}]*\}\n)\n(message BankTransfer \{[^}]*\}\n)/, '$2\n$1'],
        ['  string id = 1;\n  string user_id = 2;\n', '  string user_id = 2;\n  string id = 1;\n'],
      ),
      [USER_SERVICE]: rep([
        'import "google/protobuf/empty.proto";\nimport "google/protobuf/field_mask.proto";',
        'import "google/protobuf/field_mask.proto";\nimport "google/protobuf/empty.proto";',
      ]),
    },
    fires: [],
  },
  {
    name: 'fields, values, messages, rpcs and services added',
    project: 'shop',
    edits: {
      [USER]: rep(
        ['  acme.common.v1.Region home_region = 14;\n', '  acme.common.v1.Region home_region = 14;\n  repeated string roles = 15;\n  bool verified = 16;\n'],
        ['    STATUS_DELETED = 3;\n', '    STATUS_DELETED = 3;\n    STATUS_PENDING_REVIEW = 5;\n'],
      ),
      [USER_SERVICE]: rep(
        [
          '  rpc ImportUsers(stream User) returns (ImportUsersResponse);\n',
          '  rpc ImportUsers(stream User) returns (ImportUsersResponse);\n  rpc MergeUsers(MergeUsersRequest) returns (User);\n',
        ],
        [
          'message SuspendUserRequest {',
          'message MergeUsersRequest {\n  string primary_id = 1;\n  string duplicate_id = 2;\n}\n\nmessage SuspendUserRequest {',
        ],
      ),
      'acme/review/v1/review.proto': text(
        'syntax = "proto3";\n\npackage acme.review.v1;\n\nimport "acme/user/v1/user.proto";\n\nmessage Review {\n  string id = 1;\n  acme.user.v1.User author = 2;\n  int32 stars = 3;\n}\n\nservice ReviewService {\n  rpc PostReview(Review) returns (Review);\n}\n',
      ),
    },
    fires: [],
  },
  {
    name: 'type references written another way',
    project: 'shop',
    edits: {
      [USER_SERVICE]: rep(['rpc GetUser(GetUserRequest) returns (User)', 'rpc GetUser(acme.user.v1.GetUserRequest) returns (.acme.user.v1.User)']),
      [INVOICE]: rep(['acme.common.v1.Money amount_due = 3;', '.acme.common.v1.Money amount_due = 3;']),
    },
    fires: [],
  },
  {
    name: 'proto2 extension range, extension and required field added',
    project: 'legacy',
    edits: {
      [CATALOG]: rep(
        ['  extensions 1000 to max;\n', '  extensions 1000 to max;\n  extensions 500 to 599;\n'],
        ['  optional string supplier_code = 100;\n', '  optional string supplier_code = 100;\n  optional int32 shelf_life_days = 102;\n'],
      ),
    },
    fires: [],
  },
  {
    name: 'reserved ranges and names added',
    project: 'shop',
    edits: { [USER]: rep(['reserved "legacy_id";', 'reserved "legacy_id", "old_email";\n  reserved 30 to 39;']) },
    fires: [],
  },
  {
    name: 'edition features set to their defaults',
    project: 'editions',
    edits: {
      [STOCK]: rep(
        ['string note = 6;', 'string note = 6 [features.utf8_validation = VERIFY];'],
        ['enum Reason {\n', 'enum Reason {\n  option features.enum_type = OPEN;\n'],
      ),
    },
    fires: [],
  },
];
