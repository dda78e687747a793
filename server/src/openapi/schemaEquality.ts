// Whether two schemas (each through its $refs, possibly in different descriptions) say the same thing, as oasdiff's schema
// diff sees it: `exact` is "the diff is empty" (descriptions and titles count), `validation` ignores the annotations that
// do not change what a payload may be (title, description, default, examples, externalDocs, $comment). Key order, a
// `false` flag written or left out, `type: x` against `type: [x]`, and the order of `required`, `enum` and of composition
// branches do not matter. Two references written the same are the same schema (the walk compares the component itself
// where it reaches it); a reference against an inline schema is followed. Recursive schemas compare coinductively: a pair
// already under comparison is taken as equal.
import { child, isMap, isScalar, isSeq, pairs, items, scalarText, type SpecNode } from './document';
import type { Located, SpecSet } from './specSet';
import { ANNOTATIONS } from './sameness';

export type Equality = 'exact' | 'validation';

/** Boolean keywords whose `false` is their absence. */
const FLAGS = new Set(['nullable', 'readOnly', 'writeOnly', 'deprecated', 'uniqueItems', 'allowEmptyValue', 'exclusiveMinimum', 'exclusiveMaximum']);
/** Keywords whose value is one schema (or a boolean, for the two that allow it). */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'not',
  'additionalProperties',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'contentSchema',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs']);
/** Keywords whose value lists schemas, compared as multisets (oasdiff pairs branches by content, not by position). */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value is a set of scalars. */
const SETS = new Set(['type', 'required', 'enum']);

/** Comparisons one question may make before it gives up and answers "different" (shared subschemas can make a small
 *  text a huge tree). */
const MAX_STEPS = 50_000;

export function schemasEqual(baseSet: SpecSet, headSet: SpecSet, base: Located, head: Located, mode: Equality): boolean {
  return new Comparer(baseSet, headSet, mode).schemas(base, head);
}

/** The schema constrains nothing: it holds only annotations (or nothing), so it accepts every value `{}` accepts. */
export function isAnnotationOnly(set: SpecSet, at: Located): boolean {
  const schema = set.resolve(at);
  if (!schema) return false;
  return pairs(schema.node).every((pair) => {
    const key = scalarText(pair.key as SpecNode) ?? '';
    return ANNOTATIONS.has(key) || (FLAGS.has(key) && !isTrueScalar(pair.value as SpecNode));
  });
}

/** The keys of a resolved schema that constrain anything beyond the ones named (annotations and `false` flags never do). */
export function constrainingKeys(node: SpecNode): string[] {
  return pairs(node)
    .map((pair) => ({ key: scalarText(pair.key as SpecNode) ?? '', value: pair.value as SpecNode }))
    .filter(({ key, value }) => !ANNOTATIONS.has(key) && !(FLAGS.has(key) && !isTrueScalar(value)))
    .map(({ key }) => key);
}

function isTrueScalar(node: SpecNode | null | undefined): boolean {
  return isScalar(node) && node.value === true;
}

function identity(at: Located): string {
  return `${at.file.path}:${at.node?.range?.[0] ?? -1}`;
}

class Comparer {
  private readonly assumed = new Set<string>();
  private steps = 0;

  constructor(
    private readonly baseSet: SpecSet,
    private readonly headSet: SpecSet,
    private readonly mode: Equality,
  ) {}

  schemas(baseAt: Located, headAt: Located): boolean {
    if (++this.steps > MAX_STEPS) return false;
    // The same reference is taken as the same schema: what the component says is compared where the walk reaches it,
    // and a description's components are not compared over and over for each branch that names them.
    const baseRef = scalarText(child(baseAt.node, '$ref'));
    if (baseRef !== undefined && baseRef === scalarText(child(headAt.node, '$ref'))) return true;
    const base = this.baseSet.resolve(baseAt);
    const head = this.headSet.resolve(headAt);
    if (!base || !head) return false;
    // A boolean schema (`additionalProperties: false`) is a value.
    if (!isMap(base.node) || !isMap(head.node)) return values(base.node, head.node);
    const key = `${identity(base)}|${identity(head)}`;
    if (this.assumed.has(key)) return true;
    this.assumed.add(key);
    const equal = this.keywords(base, head);
    if (!equal) this.assumed.delete(key);
    return equal;
  }

  private keywords(base: Located, head: Located): boolean {
    const baseKeys = this.significant(base.node);
    const headKeys = this.significant(head.node);
    if (baseKeys.size !== headKeys.size) return false;
    for (const [key, baseValue] of baseKeys) {
      const headValue = headKeys.get(key);
      if (headValue === undefined) return false;
      const baseChild = { file: base.file, node: baseValue };
      const headChild = { file: head.file, node: headValue };
      if (SCHEMA_KEYWORDS.has(key)) {
        if (!this.schemas(baseChild, headChild)) return false;
      } else if (SCHEMA_MAPS.has(key)) {
        const baseEntries = pairs(baseValue);
        const headEntries = new Map(pairs(headValue).map((pair) => [scalarText(pair.key as SpecNode), pair.value as SpecNode]));
        if (baseEntries.length !== headEntries.size) return false;
        for (const pair of baseEntries) {
          const other = headEntries.get(scalarText(pair.key as SpecNode));
          if (other === undefined || !this.schemas({ file: base.file, node: pair.value as SpecNode }, { file: head.file, node: other })) return false;
        }
      } else if (SCHEMA_LISTS.has(key)) {
        if (!this.schemaLists(base, baseValue, head, headValue)) return false;
      } else if (SETS.has(key)) {
        if (!sameSet(baseValue, headValue)) return false;
      } else if (!values(baseValue, headValue)) return false;
    }
    return true;
  }

  /** Each branch of one side matches a distinct branch of the other. */
  private schemaLists(base: Located, baseList: SpecNode, head: Located, headList: SpecNode): boolean {
    const baseItems = items(baseList);
    const headItems = items(headList);
    if (baseItems.length !== headItems.length) return false;
    const used = new Set<number>();
    return baseItems.every((item, index) => {
      // The same position first: the usual case is an unchanged list.
      const order = [index, ...headItems.keys()].filter((at, position, all) => all.indexOf(at) === position && at < headItems.length);
      const match = order.find((at) => !used.has(at) && this.schemas({ file: base.file, node: item }, { file: head.file, node: headItems[at] }));
      if (match === undefined) return false;
      used.add(match);
      return true;
    });
  }

  private significant(node: SpecNode): Map<string, SpecNode> {
    const result = new Map<string, SpecNode>();
    for (const pair of pairs(node)) {
      const key = scalarText(pair.key as SpecNode);
      if (key === undefined || key === '$ref') continue;
      const value = pair.value as SpecNode;
      if (this.mode === 'validation' && ANNOTATIONS.has(key)) continue;
      if (FLAGS.has(key) && isScalar(value) && value.value === false) continue;
      result.set(key, value);
    }
    return result;
  }
}

/** Scalars, or a list of them, as a set of texts. */
function sameSet(base: SpecNode, head: SpecNode): boolean {
  const texts = (node: SpecNode) =>
    new Set((isSeq(node) ? items(node) : [node]).map((item) => (isScalar(item) ? scalarText(item) : JSON.stringify(plain(item)))));
  const [a, b] = [texts(base), texts(head)];
  return a.size === b.size && [...a].every((value) => b.has(value));
}

/** Plain data compared by value: mappings whatever their key order, numbers by value. */
function values(base: SpecNode | null | undefined, head: SpecNode | null | undefined): boolean {
  return JSON.stringify(plain(base)) === JSON.stringify(plain(head));
}

function plain(node: SpecNode | null | undefined, depth = 0): unknown {
  if (depth > 64) return null;
  if (isMap(node)) {
    const entries = pairs(node).map((pair) => [scalarText(pair.key as SpecNode) ?? '', plain(pair.value as SpecNode, depth + 1)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  if (isSeq(node)) return items(node).map((item) => plain(item, depth + 1));
  if (isScalar(node)) return node.value instanceof Date ? node.value.toISOString() : (node.value ?? null);
  return null;
}
