// Walks a base schema and a head schema side by side and names each property as oasdiff does (`a/b`, `items/c`,
// `allOf[#/components/schemas/X]/d`), so the property checks see pairs and never search. Recursive schemas stop at the
// first pair already on the way down.
import { child, isTrue, pairOf, pairs, items, scalarText, type SpecNode } from './document';
import { blockOf, placeOf, type Place, type SourceBlock } from './model';
import { SameSchemas } from './sameSchemas';
import { ANNOTATIONS, sameResolved } from './sameness';
import type { Located, SpecSet } from './specSet';
import { diffSubschemas } from './subschemas';

export interface PropertySide {
  name: string;
  /** The property's schema, resolved. */
  schema: Located;
  /** The property's key, where findings about it are shown. */
  place: Place;
  required: boolean;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  hasDefault: boolean;
  /** The property as written (key through value), for a restore. */
  source: SourceBlock;
}

export interface SchemaSide {
  schema: Located;
  /** The `properties` key, else the schema itself: where a removed property is shown. */
  propertiesPlace: Place;
}

export interface PropertyVisitor {
  /** `path` is the parent's path ('' at the top); the full name is `fullName(path, name)`. */
  removed?(path: string, base: PropertySide, headParent: SchemaSide, baseParent: SchemaSide): void;
  added?(path: string, head: PropertySide, baseParent: SchemaSide, headParent: SchemaSide): void;
  both?(path: string, base: PropertySide, head: PropertySide): void;
  /** Every pair of schemas below the top one, resolved, named as oasdiff's property walk names them: a property is
   *  (parent path, its name); `items`, `allOf[…]`, `contains` and the other subschemas are (their path, ''). */
  nested?(pair: NestedPair): void;
}

export interface NestedPair {
  path: string;
  name: string;
  base: Located;
  head: Located;
  /** Set when the pair is a property of its parent. */
  property?: { base: PropertySide; head: PropertySide };
}

const MAX_DEPTH = 64;
/** Schema pairs one comparison visits at most: shared subschemas (and YAML aliases) can make a small text a huge tree. */
const MAX_SCHEMA_PAIRS = 20_000;

export function fullName(path: string, name: string): string {
  return path === '' ? name : `${path}/${name}`;
}

/** Returns false when the schemas were too large to compare in full (then what was visited is incomplete). */
export function compareSchemas(baseSet: SpecSet, headSet: SpecSet, base: Located | undefined, head: Located | undefined, visitor: PropertyVisitor): boolean {
  // A pair found too large once is not walked again by the next family: each would spend the whole budget on it.
  const top = base && head ? [baseSet.resolve(base)?.node, headSet.resolve(head)?.node] : [];
  if (top[0] && top[1] && TOO_LARGE.get(top[0])?.has(top[1])) return false;
  const onTheWay = new Set<string>();
  const same = sameSchemasOf(baseSet, headSet);
  let visited = 0;
  const walk = (baseAt: Located | undefined, headAt: Located | undefined, path: string, depth: number, name = '', property?: NestedPair['property']) => {
    const baseSchema = baseAt && baseSet.resolve(baseAt);
    const headSchema = headAt && headSet.resolve(headAt);
    if (!baseSchema || !headSchema || depth > MAX_DEPTH || ++visited > MAX_SCHEMA_PAIRS) return;
    const key = `${identity(baseSchema)}|${identity(headSchema)}`;
    if (onTheWay.has(key)) return;
    onTheWay.add(key);
    if (depth > 0) visitor.nested?.({ path, name, base: baseSchema, head: headSchema, property });
    // Nothing below two schemas that are the same (everything they reference included) has changed.
    if (same.same(baseSchema, headSchema)) {
      onTheWay.delete(key);
      return;
    }
    // Below a property its own name joins the path; below any other subschema the path already names it.
    if (name !== '') path = fullName(path, name);
    const baseProperties = propertiesOf(baseSet, baseSchema);
    const headProperties = propertiesOf(headSet, headSchema);
    const baseSide = sideOf(baseSchema);
    const headSide = sideOf(headSchema);
    for (const [name, property] of baseProperties) {
      const other = headProperties.get(name);
      if (!other) visitor.removed?.(path, property, headSide, baseSide);
      else {
        visitor.both?.(path, property, other);
        walk(property.schema, other.schema, path, depth + 1, name, { base: property, head: other });
      }
    }
    for (const [name, property] of headProperties) if (!baseProperties.has(name)) visitor.added?.(path, property, baseSide, headSide);
    const baseItems = child(baseSchema.node, 'items');
    const headItems = child(headSchema.node, 'items');
    if (baseItems && headItems)
      walk({ file: baseSchema.file, node: baseItems }, { file: headSchema.file, node: headItems }, joinPath(path, 'items'), depth + 1);
    const baseAdditional = child(baseSchema.node, 'additionalProperties');
    const headAdditional = child(headSchema.node, 'additionalProperties');
    if (isObjectSchema(baseAdditional) && isObjectSchema(headAdditional)) {
      walk(
        { file: baseSchema.file, node: baseAdditional! },
        { file: headSchema.file, node: headAdditional! },
        joinPath(path, 'additionalProperties'),
        depth + 1,
      );
    }
    // With --flatten-allof the allOf subschemas' properties are the schema's own (see propertiesOf).
    for (const keyword of baseSet.flattenAllOf ? (['anyOf', 'oneOf'] as const) : (['allOf', 'anyOf', 'oneOf'] as const)) {
      for (const [baseSub, headSub, label] of subschemaPairs(baseSet, headSet, baseSchema, headSchema, keyword)) {
        walk(baseSub, headSub, joinPath(path, `${keyword}[${label}]`), depth + 1);
      }
    }
    // JSON Schema 2020-12 subschemas (OpenAPI 3.1). oasdiff names these `<path>/<keyword>` even at the top ("/if").
    for (const [baseSub, headSub, label] of subschemaPairs(baseSet, headSet, baseSchema, headSchema, 'prefixItems')) {
      walk(baseSub, headSub, `${path}/prefixItems[${label}]`, depth + 1);
    }
    for (const keyword of SINGLE_SUBSCHEMAS) {
      const baseSub = child(baseSchema.node, keyword);
      const headSub = child(headSchema.node, keyword);
      if (isObjectSchema(baseSub) && isObjectSchema(headSub))
        walk({ file: baseSchema.file, node: baseSub! }, { file: headSchema.file, node: headSub! }, `${path}/${keyword}`, depth + 1);
    }
    for (const keyword of ['patternProperties', 'dependentSchemas'] as const) {
      for (const pair of pairs(child(headSchema.node, keyword))) {
        const entry = scalarText(pair.key as SpecNode);
        const baseSub = entry === undefined ? undefined : child(child(baseSchema.node, keyword), entry);
        if (baseSub === undefined) continue;
        walk({ file: baseSchema.file, node: baseSub }, { file: headSchema.file, node: pair.value as SpecNode }, `${path}/${keyword}[${entry}]`, depth + 1);
      }
    }
    onTheWay.delete(key);
  };
  walk(base, head, '', 0);
  if (visited <= MAX_SCHEMA_PAIRS) return true;
  if (top[0] && top[1]) TOO_LARGE.set(top[0], (TOO_LARGE.get(top[0]) ?? new WeakSet()).add(top[1]));
  return false;
}

/** One answer book per pair of descriptions, shared by every operation and every check family that compares them. */
const SAME_SCHEMAS = new WeakMap<SpecSet, WeakMap<SpecSet, SameSchemas>>();

function sameSchemasOf(baseSet: SpecSet, headSet: SpecSet): SameSchemas {
  let byHead = SAME_SCHEMAS.get(baseSet);
  if (!byHead) SAME_SCHEMAS.set(baseSet, (byHead = new WeakMap()));
  let same = byHead.get(headSet);
  if (!same) byHead.set(headSet, (same = new SameSchemas(baseSet, headSet)));
  return same;
}
/** Top schema pairs (base node → head nodes) whose comparison went over MAX_SCHEMA_PAIRS. */
const TOO_LARGE = new WeakMap<SpecNode, WeakSet<SpecNode>>();

const SINGLE_SUBSCHEMAS = ['contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'if', 'then', 'else', 'not', 'contentSchema'] as const;

function joinPath(path: string, segment: string): string {
  return path === '' ? segment : `${path}/${segment}`;
}

function identity(at: Located): string {
  return `${at.file.path}:${at.node.range?.[0] ?? -1}`;
}

function isObjectSchema(node: SpecNode | undefined): boolean {
  return node !== undefined && pairs(node).length > 0;
}

function sideOf(schema: Located): SchemaSide {
  const propertiesPair = pairOf(schema.node, 'properties');
  return { schema, propertiesPlace: placeOf(schema.file, (propertiesPair?.key as SpecNode) ?? schema.node) };
}

function propertiesOf(set: SpecSet, schema: Located, depth = 0): Map<string, PropertySide> {
  const required = new Set(items(child(schema.node, 'required')).map((item) => scalarText(item)));
  const result = new Map<string, PropertySide>();
  // --flatten-allof: the properties of each allOf subschema (and theirs), then the schema's own; `required` of any of them counts.
  if (set.flattenAllOf && depth < 16) {
    for (const sub of items(child(schema.node, 'allOf'))) {
      const resolved = set.resolve({ file: schema.file, node: sub });
      if (!resolved) continue;
      for (const [name, property] of propertiesOf(set, resolved, depth + 1)) result.set(name, property);
      for (const name of items(child(resolved.node, 'required')).map((item) => scalarText(item))) required.add(name);
    }
    for (const [name, property] of result) if (required.has(name)) result.set(name, { ...property, required: true });
  }
  for (const pair of pairs(child(schema.node, 'properties'))) {
    const name = scalarText(pair.key as SpecNode);
    if (name === undefined) continue;
    const written = { file: schema.file, node: pair.value as SpecNode };
    const resolved = set.resolve(written) ?? written;
    const flag = (key: string) => isTrue(child(resolved.node, key)) || isTrue(child(written.node, key));
    result.set(name, {
      name,
      schema: written,
      place: placeOf(schema.file, pair.key as SpecNode),
      required: required.has(name),
      deprecated: flag('deprecated'),
      readOnly: flag('readOnly'),
      writeOnly: flag('writeOnly'),
      hasDefault: child(resolved.node, 'default') !== undefined || child(written.node, 'default') !== undefined,
      source: blockOf(schema.file, pair.key as SpecNode, pair.value as SpecNode),
    });
  }
  return result;
}

/** Subschemas of a composition (or `prefixItems`), paired as oasdiff pairs them (see subschemas.ts) and labelled as it labels them. */
function subschemaPairs(baseSet: SpecSet, headSet: SpecSet, base: Located, head: Located, keyword: string): [Located, Located, string][] {
  return diffSubschemas(baseSet, headSet, base, head, keyword).paired.map(({ base, head, label }) => [base.at, head.at, label]);
}

export interface CompositionBranches {
  /** Base and head subschemas that are the same branch, with oasdiff's label. */
  paired: [Located, Located, string][];
  /** Branches only the base has, and only the head has (written, not resolved). */
  removed: Located[];
  added: Located[];
}

/** The branches of an `allOf`, `anyOf` or `oneOf` paired as the walk pairs them; with `matchInlineRefs` (oasdiff's
 *  --match-inline-refs, on by default) an unpaired inline `anyOf`/`oneOf` branch and an unpaired `$ref` one on the other
 *  side that validate the same (annotations aside) are the same branch, neither removed nor added. */
export function compositionBranches(
  baseSet: SpecSet,
  headSet: SpecSet,
  base: Located,
  head: Located,
  keyword: 'allOf' | 'anyOf' | 'oneOf',
  matchInlineRefs: boolean,
): CompositionBranches {
  const paired = subschemaPairs(baseSet, headSet, base, head, keyword);
  const branches = (at: Located) => items(child(at.node, keyword)).map((node) => ({ file: at.file, node }));
  const removed = branches(base).filter((branch) => !paired.some(([b]) => b.node === branch.node));
  const added = branches(head).filter((branch) => !paired.some(([, h]) => h.node === branch.node));
  if (!matchInlineRefs || keyword === 'allOf') return { paired, removed, added };
  const isRef = (branch: Located) => child(branch.node, '$ref') !== undefined;
  const matchedAdded = new Set<Located>();
  const stillRemoved = removed.filter((gone) => {
    const match = added.find((fresh) => !matchedAdded.has(fresh) && isRef(gone) !== isRef(fresh) && sameResolved(baseSet, gone, headSet, fresh, ANNOTATIONS));
    if (match) matchedAdded.add(match);
    return !match;
  });
  return { paired, removed: stillRemoved, added: added.filter((branch) => !matchedAdded.has(branch)) };
}
