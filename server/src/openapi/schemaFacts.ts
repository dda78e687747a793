// What the value and type checks read from a pair of schemas, decided as oasdiff decides it: the type list and format,
// nullability in its three spellings (`nullable`/`x-nullable`, a "null" type, a two-branch oneOf with a bare null
// branch), the "list of types" pattern (a type against a oneOf/anyOf of plain types), keyword values as plain data for
// comparison, and values written into messages as oasdiff's Go formatting writes them.
//
// oasdiff reads some edits as one change that shows up in several keywords (a schema transition): wrapping a schema in a
// nullable oneOf, wrapping an object in a oneOf of objects, a type becoming a list of types, or a type list gaining or
// losing only "null". Findings of the kinds such a transition explains are not reported at the node where it happened
// (`claimedAt`); only the checks that report the transition itself are.
import { child, isMap, isScalar, isSeq, isTrue, items, pairs, scalarText, type SpecNode } from './document';
import type { Located, SpecSet } from './specSet';
import { ANNOTATIONS } from './sameness';

/** The `type` keyword as a list (`type: string` is `[string]`); [] when absent. */
export function typesOf(schema: Located): string[] {
  const node = child(schema.node, 'type');
  if (isSeq(node)) return items(node).flatMap((item) => scalarText(item) ?? []);
  const single = scalarText(node);
  return single === undefined ? [] : [single];
}

/** The `format` keyword; '' when absent. */
export function formatOf(schema: Located): string {
  return scalarText(child(schema.node, 'format')) ?? '';
}

/** The 3.0 `nullable` keyword, or Swagger 2.0's `x-nullable`. */
export function nullableFlag(schema: Located): boolean {
  return isTrue(child(schema.node, 'nullable')) || isTrue(child(schema.node, 'x-nullable'));
}

export function has(schema: Located, keyword: string): boolean {
  return child(schema.node, keyword) !== undefined;
}

/** Types in `b` and not in `a`, in `b`'s order. */
function minus(b: readonly string[], a: readonly string[]): string[] {
  return b.filter((type, index) => !a.includes(type) && b.indexOf(type) === index);
}

export interface TypeDiff {
  added: string[];
  deleted: string[];
}

export interface FormatDiff {
  from: string;
  to: string;
}

/** A pair of schemas with the facts every value check reads, computed once. */
export interface SchemaPair {
  baseSet: SpecSet;
  headSet: SpecSet;
  base: Located;
  head: Located;
  baseTypes: string[];
  headTypes: string[];
  /** Undefined when the type lists hold the same types. */
  typeDiff: TypeDiff | undefined;
  /** Undefined when the format is the same (absent and '' are the same). */
  formatDiff: FormatDiff | undefined;
}

export function schemaPair(baseSet: SpecSet, headSet: SpecSet, base: Located, head: Located): SchemaPair {
  const baseTypes = typesOf(base);
  const headTypes = typesOf(head);
  const added = minus(headTypes, baseTypes);
  const deleted = minus(baseTypes, headTypes);
  const from = formatOf(base);
  const to = formatOf(head);
  return {
    baseSet,
    headSet,
    base,
    head,
    baseTypes,
    headTypes,
    typeDiff: added.length > 0 || deleted.length > 0 ? { added, deleted } : undefined,
    formatDiff: from !== to ? { from, to } : undefined,
  };
}

// ---- Type and format compatibility (oasdiff's tables) ----

function isSubtype(sub: string, sup: string): boolean {
  return sub === sup || (sub === 'integer' && sup === 'number');
}

function isTypeSetSubset(sub: readonly string[], sup: readonly string[]): boolean {
  return sub.length > 0 && sub.every((type) => sup.some((other) => isSubtype(type, other)));
}

export function typeSetWidened(pair: SchemaPair): boolean {
  return pair.typeDiff !== undefined && isTypeSetSubset(pair.baseTypes, pair.headTypes);
}

function typeSetNarrowed(pair: SchemaPair): boolean {
  return pair.typeDiff !== undefined && isTypeSetSubset(pair.headTypes, pair.baseTypes);
}

/** Whether values of the `from` types are still accepted by the `to` types (both the types that differ). */
function isTypeContained(to: readonly string[], from: readonly string[], stronglyTyped: boolean): boolean {
  if (to.length === 1 && from.length === 1 && isSubtype(from[0], to[0])) return true;
  // Anything reads as a string where the wire is text.
  if (!stronglyTyped) return to.length === 0 || (to.length === 1 && to[0] === 'string');
  return false;
}

/** Whether a value of format `from` is still valid in format `to`, for the type `toTypes` has. */
function isFormatContained(toTypes: readonly string[], to: string, from: string): boolean {
  if (to === '') return true;
  if (toTypes.length !== 1) return false;
  switch (toTypes[0]) {
    case 'number':
      return to === 'double' && from === 'float';
    case 'integer':
      return (to === 'int64' && from === 'int32') || (to === 'bigint' && (from === 'int32' || from === 'int64'));
    case 'string':
      return to === 'date-time' && (from === 'date' || from === 'time');
  }
  return false;
}

export function typeOrFormatBreaking(
  typeDiff: TypeDiff | undefined,
  formatDiff: FormatDiff | undefined,
  stronglyTyped: boolean,
  toTypes: readonly string[],
): boolean {
  const typeBreaking = typeDiff !== undefined && !isTypeContained(typeDiff.added, typeDiff.deleted, stronglyTyped);
  const formatBreaking = formatDiff !== undefined && !isFormatContained(toTypes, formatDiff.to, formatDiff.from);
  return typeBreaking || formatBreaking;
}

function typeFormatBreaking(typeDiff: TypeDiff | undefined, formatDiff: FormatDiff | undefined, stronglyTyped: boolean, toTypes: readonly string[]): boolean {
  // No type at all any more accepts every value.
  if (typeDiff !== undefined && toTypes.length === 0) return false;
  return typeOrFormatBreaking(typeDiff, formatDiff, stronglyTyped, toTypes);
}

/** A request accepts what it accepted before: judged toward the head's type; a widened type set is fine on the type axis. */
export function requestTypeFormatBreaking(pair: SchemaPair, stronglyTyped: boolean): boolean {
  const typeDiff = typeSetWidened(pair) ? undefined : pair.typeDiff;
  return typeFormatBreaking(typeDiff, pair.formatDiff, stronglyTyped, pair.headTypes);
}

/** A response returns only what it returned before: the request judgement with base and head swapped. */
export function responseTypeFormatBreaking(pair: SchemaPair, stronglyTyped: boolean): boolean {
  const typeDiff = typeSetNarrowed(pair) || !pair.typeDiff ? undefined : { added: pair.typeDiff.deleted, deleted: pair.typeDiff.added };
  const formatDiff = pair.formatDiff && { from: pair.formatDiff.to, to: pair.formatDiff.from };
  return typeFormatBreaking(typeDiff, formatDiff, stronglyTyped, pair.baseTypes);
}

/** JSON (and `+json`) bodies are strongly typed: there `1` and `"1"` differ. */
export function isStronglyTyped(mediaType: string | undefined): boolean {
  return mediaType !== undefined && (mediaType === 'application/json' || mediaType.endsWith('+json'));
}

/** What changed, as oasdiff names it in its messages: `type`, `format` or `type/format`. */
export function typeFormatDimension(pair: SchemaPair): string {
  if (pair.typeDiff && pair.formatDiff) return 'type/format';
  return pair.typeDiff ? 'type' : pair.formatDiff ? 'format' : '';
}

/** One side's type or format as oasdiff writes it for the dimension that changed. */
export function typeFormatValue(set: SpecSet, schema: Located, dimension: string): string {
  if (dimension === 'format') return formatOf(schema) || 'none';
  if (dimension === 'type') return typeText(set, schema, 0);
  return typeFormatText(set, schema, 0);
}

function typeText(set: SpecSet, schema: Located, depth: number): string {
  const parts = typesOf(schema).map((type) => {
    const itemsNode = child(schema.node, 'items');
    const itemsSchema = type === 'array' && itemsNode !== undefined && depth < 8 ? set.resolve({ file: schema.file, node: itemsNode }) : undefined;
    return itemsSchema ? `array<${typeFormatText(set, itemsSchema, depth + 1)}>` : type;
  });
  return parts.length === 0 ? 'any' : parts.join(', ');
}

function typeFormatText(set: SpecSet, schema: Located, depth: number): string {
  const type = typeText(set, schema, depth);
  const format = formatOf(schema);
  if (format === '') return type;
  return type === 'any' ? format : `${type}/${format}`;
}

// ---- Nullability ----

export type NullabilityChange = { to: 'nullable' | 'not-nullable'; keyword: string } | undefined;

/** A nullability transition in any of its three spellings; the keyword is where it shows at head. */
export function nullabilityChange(pair: SchemaPair): NullabilityChange {
  const { base, head, typeDiff } = pair;
  const baseFlag = nullableFlag(base);
  const headFlag = nullableFlag(head);
  const flagKeyword = has(head, 'x-nullable') || has(base, 'x-nullable') ? 'x-nullable' : 'nullable';
  if (baseFlag !== headFlag) return { to: headFlag ? 'nullable' : 'not-nullable', keyword: flagKeyword };
  // An untyped side accepts null anyway: a type list gaining or losing "null" counts only where the other side is typed.
  if (typeDiff && pair.headTypes.length > 0 && typeDiff.deleted.includes('null')) return { to: 'not-nullable', keyword: 'type' };
  if (typeDiff && pair.baseTypes.length > 0 && typeDiff.added.includes('null')) return { to: 'nullable', keyword: 'type' };
  const wrap = nullableWrapping(pair);
  if (wrap === 'added') return { to: 'nullable', keyword: 'oneOf' };
  if (wrap === 'removed') return { to: 'not-nullable', keyword: 'type' };
  return undefined;
}

/** `X` became `oneOf: [{type: "null"}, X]` ('added'), or the reverse ('removed'). */
export function nullableWrapping(pair: SchemaPair): 'added' | 'removed' | undefined {
  if (isNullableWrap(pair.baseSet, pair.base, pair.headSet, pair.head)) return 'added';
  if (isNullableWrap(pair.headSet, pair.head, pair.baseSet, pair.base)) return 'removed';
  return undefined;
}

function isNullableWrap(plainSet: SpecSet, plain: Located, wrappedSet: SpecSet, wrapped: Located): boolean {
  if (['oneOf', 'anyOf', 'allOf', 'not'].some((keyword) => has(plain, keyword))) return false;
  if (nullableFlag(plain) || typesOf(plain).includes('null')) return false;
  const branches = items(child(wrapped.node, 'oneOf'));
  if (branches.length !== 2) return false;
  // Nothing but the oneOf (and annotations) at the wrapper's top.
  if (Object.keys(validationShape(wrappedSet, wrapped, 0, ['oneOf']) as object).length > 0) return false;
  let payload: Located | undefined;
  let nulls = 0;
  for (const branch of branches) {
    const resolved = wrappedSet.resolve({ file: wrapped.file, node: branch });
    if (!resolved) return false;
    const types = typesOf(resolved);
    if (types.length === 1 && types[0] === 'null' && Object.keys(validationShape(wrappedSet, resolved, 0, ['type']) as object).length === 0) nulls++;
    else payload = resolved;
  }
  if (nulls !== 1 || !payload) return false;
  return sameValue(validationShape(plainSet, plain, 0), validationShape(wrappedSet, payload, 0));
}

// ---- The list-of-types pattern ----

interface TypePattern {
  types: string[];
  list: boolean;
}

function typePattern(set: SpecSet, schema: Located): TypePattern | undefined {
  if (has(schema, 'not') || items(child(schema.node, 'allOf')).length > 0 || pairs(child(schema.node, 'properties')).length > 0) return undefined;
  // oasdiff reads the first of a type list only: a 3.1 type array is one type here.
  const types = typesOf(schema);
  if (types.length > 0) return { types: [types[0]], list: false };
  for (const keyword of ['oneOf', 'anyOf']) {
    const listed = plainTypes(set, schema, keyword);
    if (listed && listed.length > 0) return { types: listed, list: true };
  }
  return undefined;
}

/** The types of a oneOf/anyOf whose every branch is a plain single-type schema; undefined otherwise. */
function plainTypes(set: SpecSet, schema: Located, keyword: string): string[] | undefined {
  const branches = items(child(schema.node, keyword));
  if (branches.length === 0) return undefined;
  const types: string[] = [];
  for (const branch of branches) {
    const resolved = set.resolve({ file: schema.file, node: branch });
    if (!resolved) return undefined;
    const own = typesOf(resolved);
    if (own.length !== 1) return undefined;
    if (pairs(child(resolved.node, 'properties')).length > 0 || ['oneOf', 'anyOf', 'allOf'].some((key) => items(child(resolved.node, key)).length > 0))
      return undefined;
    types.push(own[0]);
  }
  return types;
}

/** Types added to and removed from the list-of-types pattern, when one side at least is a oneOf/anyOf of plain types. */
export function listOfTypesDiff(pair: SchemaPair): TypeDiff | undefined {
  const base = typePattern(pair.baseSet, pair.base);
  const head = typePattern(pair.headSet, pair.head);
  if (!base || !head || (!base.list && !head.list)) return undefined;
  const added = minus(head.types, base.types);
  const deleted = minus(base.types, head.types);
  return added.length > 0 || deleted.length > 0 ? { added, deleted } : undefined;
}

/** oasdiff's list of types in a message: `a`, `a and b`, `a, b and c`. */
export function joinTypes(types: readonly string[]): string {
  return types.length <= 1 ? (types[0] ?? '') : `${types.slice(0, -1).join(', ')} and ${types[types.length - 1]}`;
}

// ---- Transitions and what they claim ----

/** A concrete object schema became a oneOf of alternatives that hold its properties. */
function oneOfWrapping(pair: SchemaPair): boolean {
  const baseProperties = pairs(child(pair.base.node, 'properties')).flatMap((entry) => scalarText(entry.key as SpecNode) ?? []);
  if (has(pair.base, 'oneOf') || baseProperties.length === 0) return false;
  const alternatives = items(child(pair.head.node, 'oneOf'));
  if (alternatives.length === 0 || pairs(child(pair.head.node, 'properties')).length > 0 || pair.headTypes.length > 0) return false;
  return alternatives.some((alternative) => {
    const resolved = pair.headSet.resolve({ file: pair.head.file, node: alternative });
    return resolved !== undefined && baseProperties.some((name) => child(child(resolved.node, 'properties'), name) !== undefined);
  });
}

/** oasdiff's kinds of finding (a rule's third tag) that a transition can explain. */
export type ClaimKind = 'type' | 'values' | 'constraints' | 'structure' | 'existence' | 'requiredness';
export type Reporter = 'nullability' | 'list-of-types' | 'one-of-wrap';

/** Whether a finding of this kind at this schema pair is an echo of a transition there (and so not reported), unless the
 *  rule is one of that transition's reporters. The nullable wrap explains every kind (the wrapped schema moved into a
 *  branch); wrapping an object in a oneOf and the list-of-types pattern explain type and structure; a type list that
 *  only gained or lost "null" explains the type. Other families may use it for their kinds. */
export function claimedAt(pair: SchemaPair, kind: ClaimKind, reporter?: Reporter): boolean {
  if (reporter !== 'nullability' && nullableWrapping(pair) !== undefined) return true;
  if (kind !== 'type' && kind !== 'structure') return false;
  if (reporter !== 'one-of-wrap' && oneOfWrapping(pair)) return true;
  if (reporter !== 'list-of-types' && listOfTypesDiff(pair) !== undefined) return true;
  if (kind !== 'type') return false;
  const typeDiff = pair.typeDiff;
  const onlyNull = typeDiff !== undefined && [...typeDiff.added, ...typeDiff.deleted].every((type) => type === 'null');
  return reporter !== 'nullability' && onlyNull && pair.formatDiff === undefined;
}

// ---- Values ----

/** Whether two schemas validate the same values, leaving out annotations and the keywords named. */
export function sameContract(aSet: SpecSet, a: Located, bSet: SpecSet, b: Located, leaveOut: readonly string[] = []): boolean {
  return sameValue(validationShape(aSet, a, 0, leaveOut), validationShape(bSet, b, 0, leaveOut));
}

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMAS = new Set([
  'items',
  'not',
  'additionalProperties',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);

/** A schema as plain data with references followed and annotations left out, to compare two validation contracts. */
function validationShape(set: SpecSet, schema: Located, depth: number, leaveOut: readonly string[] = []): unknown {
  if (depth > 16) return { $depth: true };
  const result: Record<string, unknown> = {};
  for (const pair of pairs(schema.node)) {
    const key = scalarText(pair.key as SpecNode);
    if (key === undefined || ANNOTATIONS.has(key) || leaveOut.includes(key)) continue;
    const value = pair.value as SpecNode;
    const sub = (node: SpecNode) => {
      const resolved = set.resolve({ file: schema.file, node });
      return resolved ? validationShape(set, resolved, depth + 1) : { $unresolved: true };
    };
    if (SCHEMA_MAPS.has(key) && isMap(value))
      result[key] = Object.fromEntries(pairs(value).map((entry) => [scalarText(entry.key as SpecNode) ?? '', sub(entry.value as SpecNode)]));
    else if (SCHEMA_LISTS.has(key) && isSeq(value)) result[key] = items(value).map(sub);
    else if (SCHEMAS.has(key) && isMap(value)) result[key] = sub(value);
    else result[key] = plainValue(value);
  }
  return result;
}

/** Whether two schemas differ in anything written (annotations too), references followed; a pair too large to compare
 *  in full (more than 20,000 nodes) counts as different. */
export function schemasDiffer(baseSet: SpecSet, base: Located | undefined, headSet: SpecSet, head: Located | undefined): boolean {
  if (!base || !head) return base !== head;
  const budget = { left: 20_000 };
  const a = writtenShape(baseSet, base, 0, budget);
  const b = writtenShape(headSet, head, 0, budget);
  return budget.left < 0 || !sameValue(a, b);
}

function writtenShape(set: SpecSet, at: Located, depth: number, budget: { left: number }, onTheWay = new Set<SpecNode>()): unknown {
  if (--budget.left < 0 || depth > 32) return null;
  const resolved = set.resolve(at) ?? at;
  const node = resolved.node;
  // A recursive schema is compared down to where it repeats, by the reference it repeats through.
  if (onTheWay.has(node)) return { $again: scalarText(child(at.node, '$ref')) ?? '' };
  onTheWay.add(node);
  let shape: unknown;
  if (isMap(node))
    shape = Object.fromEntries(
      pairs(node).map((pair) => [
        scalarText(pair.key as SpecNode) ?? '',
        writtenShape(set, { file: resolved.file, node: pair.value as SpecNode }, depth + 1, budget, onTheWay),
      ]),
    );
  else if (isSeq(node)) shape = items(node).map((item) => writtenShape(set, { file: resolved.file, node: item }, depth + 1, budget, onTheWay));
  else shape = plainValue(node);
  onTheWay.delete(node);
  return shape;
}

/** A YAML/JSON value as plain data (numbers, strings, booleans, null, lists, objects). */
export function plainValue(node: SpecNode | null | undefined, depth = 0): unknown {
  if (node === null || node === undefined || depth > 64) return null;
  if (isScalar(node)) {
    const value = node.value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'bigint' ? Number(value) : (value ?? null);
  }
  if (isSeq(node)) return items(node).map((item) => plainValue(item, depth + 1));
  if (isMap(node))
    return Object.fromEntries(pairs(node).map((pair) => [scalarText(pair.key as SpecNode) ?? '', plainValue(pair.value as SpecNode, depth + 1)]));
  return null;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length && keysA.every((key) => key in b && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return false;
}

/** A keyword's value as plain data; undefined when absent (or null, which oasdiff reads as absent). */
export function keywordValue(schema: Located, keyword: string): unknown {
  const value = plainValue(child(schema.node, keyword));
  return value === null ? undefined : value;
}

/** A value as oasdiff writes it into a message (Go): numbers with two decimals (JSON numbers are floats), `undefined` for
 *  null, lists and objects in Go's `%v` form. */
export function goText(value: unknown): string {
  if (value === null || value === undefined) return 'undefined';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toFixed(2);
  if (typeof value === 'boolean') return String(value);
  return goVerbV(value);
}

function goVerbV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goVerbV).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([key, item]) => `${key}:${goVerbV(item)}`).join(' ')}]`;
  }
  return String(value);
}
