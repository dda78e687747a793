// Walks a base schema and a head schema side by side and names each property as oasdiff does (`a/b`, `items/c`,
// `allOf[#/components/schemas/X]/d`), so the property checks see pairs and never search. Recursive schemas stop at the
// first pair already on the way down.
import { child, isTrue, NodePairMap, pairOf, pairs, items, scalarText, type SpecNode } from './document';
import { blockOf, placeOf, type Place, type SourceBlock } from './model';
import { SameSchemas } from './sameSchemas';
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
/** Paths one comparison follows at most before it visits each pair of schemas once instead (see compareSchemas). */
const MAX_PATHS = 20_000;
/** Distinct schema pairs one comparison visits at most: YAML aliases and shared subschemas can make a small text a huge graph. */
const MAX_DISTINCT_PAIRS = 200_000;
export const TOO_LARGE_REASON = `schemas too large to compare in full (more than ${MAX_DISTINCT_PAIRS.toLocaleString('en-US')} distinct nested schema pairs)`;

export function fullName(path: string, name: string): string {
  return path === '' ? name : `${path}/${name}`;
}

/** A base schema and a head schema met by the walk, with what lies between them, worked out once per pair of descriptions
 *  however many operations and paths reach the pair. */
interface Expansion {
  base: Located;
  head: Located;
  /** Nothing below the pair changed (everything it references included). */
  same: boolean;
  /** What the walk meets below the pair, in the order it reports it; worked out when first needed. */
  steps?: Step[];
  /** How many paths a walk from this pair follows (capped at MAX_PATHS + 1), once asked. */
  paths?: number;
}

type Step =
  | { kind: 'removed'; property: PropertySide; headSide: SchemaSide; baseSide: SchemaSide }
  | { kind: 'added'; property: PropertySide; baseSide: SchemaSide; headSide: SchemaSide }
  /** A property on both sides; `child` is its pair of schemas when both resolve; `unchanged` when the property is the same
   *  as written on both sides (its `$ref` siblings included) and as required. */
  | { kind: 'both'; base: PropertySide; head: PropertySide; child?: Expansion; unchanged: boolean }
  /** `items`, a composition branch, a 2020-12 subschema: named `path/segment` (`segment` alone at the top when `join`). */
  | { kind: 'subschema'; segment: string; join: boolean; child: Expansion };

/** Walks a pair and everything below it. Where a body's schemas reach one another so often that the paths through them
 *  number more than MAX_PATHS (Stripe's, where one changed schema is reached along an exponential number of paths), each
 *  pair is visited once, at the shortest path that reaches it, rather than at every path as oasdiff would: every change is
 *  still reported for each operation, once. Returns false when even that was too large (what was visited is incomplete). */
export function compareSchemas(baseSet: SpecSet, headSet: SpecSet, base: Located | undefined, head: Located | undefined, visitor: PropertyVisitor): boolean {
  const walker = walkerOf(baseSet, headSet);
  const top = walker.expansion(base, head);
  if (!top) return true;
  return walker.pathsFrom(top) <= MAX_PATHS ? walker.everyPath(top, visitor) : walker.eachPairOnce(top, visitor);
}

/** The walk's knowledge about one base and one head description. */
class PairWalker {
  private readonly same: SameSchemas;
  private readonly expansions = new NodePairMap<Expansion>();

  constructor(
    private readonly baseSet: SpecSet,
    private readonly headSet: SpecSet,
  ) {
    this.same = new SameSchemas(baseSet, headSet);
  }

  /** The pair of the two schemas resolved, or undefined when either does not resolve. */
  expansion(baseAt: Located | undefined, headAt: Located | undefined): Expansion | undefined {
    const base = baseAt && this.baseSet.resolve(baseAt);
    const head = headAt && this.headSet.resolve(headAt);
    if (!base || !head) return undefined;
    return this.expansions.get(base.node, head.node) ?? this.expansions.set(base.node, head.node, { base, head, same: this.same.same(base, head) });
  }

  /** How many pairs a walk of every path from `top` visits, counted up to MAX_PATHS + 1. */
  pathsFrom(top: Expansion): number {
    if (top.paths !== undefined) return top.paths;
    const onTheWay = new Set<Expansion>();
    let count = 0;
    const follow = (at: Expansion, depth: number) => {
      if (depth > MAX_DEPTH || ++count > MAX_PATHS || onTheWay.has(at)) return;
      onTheWay.add(at);
      for (const next of this.children(at)) follow(next, depth + 1);
      onTheWay.delete(at);
    };
    follow(top, 0);
    return (top.paths = Math.min(count, MAX_PATHS + 1));
  }

  everyPath(top: Expansion, visitor: PropertyVisitor): boolean {
    const onTheWay = new Set<Expansion>();
    const walk = (at: Expansion, path: string, depth: number, name: string, property?: NestedPair['property'], unchanged = false) => {
      if (depth > MAX_DEPTH || onTheWay.has(at)) return;
      onTheWay.add(at);
      if (depth > 0 && !unchanged) visitor.nested?.({ path, name, base: at.base, head: at.head, property });
      if (!at.same) {
        const own = ownPath(path, name);
        for (const step of this.stepsOf(at)) {
          this.report(step, own, visitor);
          const next = below(step, own);
          if (next) walk(next.at, next.path, depth + 1, next.name, next.property, next.quiet);
        }
      }
      onTheWay.delete(at);
    };
    walk(top, '', 0, '');
    return true;
  }

  eachPairOnce(top: Expansion, visitor: PropertyVisitor): boolean {
    const seen = new Set<Expansion>([top]);
    // Breadth first, so that each pair is named by the shortest path to it.
    let level: { at: Expansion; path: string; name: string; property?: NestedPair['property'] }[] = [{ at: top, path: '', name: '' }];
    const visit = (at: Expansion, path: string, name: string, property?: NestedPair['property']) =>
      visitor.nested?.({ path, name, base: at.base, head: at.head, property });
    for (let depth = 0; level.length > 0; depth++) {
      const next: typeof level = [];
      for (const { at, path, name, property } of level) {
        if (depth > 0) visit(at, path, name, property);
        if (at.same) continue;
        const own = ownPath(path, name);
        for (const step of this.stepsOf(at)) {
          this.report(step, own, visitor);
          const child = below(step, own);
          if (!child) continue;
          // A pair that is the same is not entered: it is visited where it is reached (its property may have changed).
          if (child.at.same) {
            if (!child.quiet) visit(child.at, child.path, child.name, child.property);
            continue;
          }
          if (seen.has(child.at)) continue;
          if (seen.size >= MAX_DISTINCT_PAIRS) return false;
          seen.add(child.at);
          next.push(child);
        }
      }
      level = next;
    }
    return true;
  }

  private report(step: Step, path: string, visitor: PropertyVisitor): void {
    if (step.kind === 'removed') visitor.removed?.(path, step.property, step.headSide, step.baseSide);
    else if (step.kind === 'added') visitor.added?.(path, step.property, step.baseSide, step.headSide);
    else if (step.kind === 'both') visitor.both?.(path, step.base, step.head);
  }

  private *children(at: Expansion): Iterable<Expansion> {
    if (at.same) return;
    for (const step of this.stepsOf(at)) {
      const child = below(step, '');
      if (child) yield child.at;
    }
  }

  private stepsOf(at: Expansion): Step[] {
    if (at.steps) return at.steps;
    const steps: Step[] = (at.steps = []);
    if (at.same) return steps;
    const { baseSet, headSet } = this;
    const baseSchema = at.base;
    const headSchema = at.head;
    const baseProperties = propertiesOf(baseSet, baseSchema);
    const headProperties = propertiesOf(headSet, headSchema);
    const baseSide = sideOf(baseSchema);
    const headSide = sideOf(headSchema);
    for (const [name, property] of baseProperties) {
      const other = headProperties.get(name);
      if (!other) steps.push({ kind: 'removed', property, headSide, baseSide });
      else {
        const unchanged = property.required === other.required && this.same.same(property.schema, other.schema);
        steps.push({ kind: 'both', base: property, head: other, child: this.expansion(property.schema, other.schema), unchanged });
      }
    }
    for (const [name, property] of headProperties) if (!baseProperties.has(name)) steps.push({ kind: 'added', property, baseSide, headSide });
    const subschemaAt = (child: Expansion | undefined, segment: string, join: boolean) => {
      if (child) steps.push({ kind: 'subschema', segment, join, child });
    };
    const subschema = (baseNode: SpecNode, headNode: SpecNode, segment: string, join: boolean) =>
      subschemaAt(this.expansion({ file: baseSchema.file, node: baseNode }, { file: headSchema.file, node: headNode }), segment, join);
    const baseItems = child(baseSchema.node, 'items');
    const headItems = child(headSchema.node, 'items');
    if (baseItems && headItems) subschema(baseItems, headItems, 'items', true);
    const baseAdditional = child(baseSchema.node, 'additionalProperties');
    const headAdditional = child(headSchema.node, 'additionalProperties');
    if (isObjectSchema(baseAdditional) && isObjectSchema(headAdditional)) subschema(baseAdditional!, headAdditional!, 'additionalProperties', true);
    // With --flatten-allof the allOf subschemas' properties are the schema's own (see propertiesOf).
    for (const keyword of baseSet.flattenAllOf ? (['anyOf', 'oneOf'] as const) : (['allOf', 'anyOf', 'oneOf'] as const)) {
      for (const [baseSub, headSub, label] of subschemaPairs(baseSet, headSet, baseSchema, headSchema, keyword))
        subschemaAt(this.expansion(baseSub, headSub), `${keyword}[${label}]`, true);
    }
    // JSON Schema 2020-12 subschemas (OpenAPI 3.1). oasdiff names these `<path>/<keyword>` even at the top ("/if").
    for (const [baseSub, headSub, label] of subschemaPairs(baseSet, headSet, baseSchema, headSchema, 'prefixItems'))
      subschemaAt(this.expansion(baseSub, headSub), `prefixItems[${label}]`, false);
    for (const keyword of SINGLE_SUBSCHEMAS) {
      const baseSub = child(baseSchema.node, keyword);
      const headSub = child(headSchema.node, keyword);
      if (isObjectSchema(baseSub) && isObjectSchema(headSub)) subschema(baseSub!, headSub!, keyword, false);
    }
    for (const keyword of ['patternProperties', 'dependentSchemas'] as const) {
      for (const pair of pairs(child(headSchema.node, keyword))) {
        const entry = scalarText(pair.key as SpecNode);
        const baseSub = entry === undefined ? undefined : child(child(baseSchema.node, keyword), entry);
        if (baseSub !== undefined) subschema(baseSub, pair.value as SpecNode, `${keyword}[${entry}]`, false);
      }
    }
    return steps;
  }
}

/** Where a step leads the walk: the pair below it, named as the walk names it (a property by its name, any other
 *  subschema by its path), and whether it is quiet (the same pair through an unchanged property: nothing there can have
 *  changed, and the families are not asked about it). Undefined for a removal, an addition, an unresolved property. */
function below(step: Step, own: string): { at: Expansion; path: string; name: string; property?: NestedPair['property']; quiet: boolean } | undefined {
  if (step.kind === 'both')
    return (
      step.child && {
        at: step.child,
        path: own,
        name: step.base.name,
        property: { base: step.base, head: step.head },
        quiet: step.child.same && step.unchanged,
      }
    );
  if (step.kind === 'subschema') return { at: step.child, path: subschemaPath(own, step), name: '', quiet: step.child.same };
  return undefined;
}

/** A pair's own path: below a property its name joins the path; below any other subschema the path already names it. */
function ownPath(path: string, name: string): string {
  return name === '' ? path : fullName(path, name);
}

function subschemaPath(path: string, step: { segment: string; join: boolean }): string {
  return step.join ? joinPath(path, step.segment) : `${path}/${step.segment}`;
}

/** One walker per pair of descriptions, shared by every operation and every check family that compares them. */
const WALKERS = new WeakMap<SpecSet, WeakMap<SpecSet, PairWalker>>();

function walkerOf(baseSet: SpecSet, headSet: SpecSet): PairWalker {
  let byHead = WALKERS.get(baseSet);
  if (!byHead) WALKERS.set(baseSet, (byHead = new WeakMap()));
  let walker = byHead.get(headSet);
  if (!walker) byHead.set(headSet, (walker = new PairWalker(baseSet, headSet)));
  return walker;
}

const SINGLE_SUBSCHEMAS = ['contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'if', 'then', 'else', 'not', 'contentSchema'] as const;

function joinPath(path: string, segment: string): string {
  return path === '' ? segment : `${path}/${segment}`;
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
