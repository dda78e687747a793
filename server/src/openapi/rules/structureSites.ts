// What the structure families (composition, JSON Schema 2020-12 keywords) share: which request/response body or property a
// schema site is, the ID and message wording oasdiff gives each of the four, the rule metadata made from one table, and the
// schema transitions that oasdiff reads as one change (a schema wrapped to become nullable, an object wrapped in a oneOf,
// a type widened into a list of types) whose echoes it does not report.
import type { RuleMeta } from '../../engine/rule';
import { child, isScalar, isSeq, items, pairs, scalarText, type SpecNode } from '../document';
import { constrainingKeys, schemasEqual } from '../schemaEquality';
import type { SchemaSide } from '../schemaPairs';
import type { SchemaSite } from '../schemaSites';
import type { Located, SpecSet } from '../specSet';
import { oasdiffRule, quoted, type ModelPair } from './family';

export type Direction = 'request' | 'response';
export type Level = 'body' | 'property';
/** oasdiff's kind tag: which transitions claim a finding depends on it. */
export type Kind = 'structure' | 'constraints' | 'existence' | 'type';

export interface Where {
  direction: Direction;
  level: Level;
  /** oasdiff's property name (`a/b`, `items/`), '' for a body. */
  property: string;
  /** The response status as written, '' for a request. */
  status: string;
}

/** A body or property site of a request or response; parameters and headers have none of these IDs. */
export function whereOf(site: SchemaSite): Where | undefined {
  if (site.subject !== 'body' && site.subject !== 'property') return undefined;
  return { direction: site.direction, level: site.subject, property: site.propertyName ?? '', status: site.response?.status ?? '' };
}

export function idOf(where: Pick<Where, 'direction' | 'level'>, suffix: string): string {
  return `${where.direction}-${where.level}-${suffix}`;
}

/** "request body" / "the `a` request property" style subjects, as the messages of one aspect word them. */
export const target = {
  /** "… to the request body", "… to the request property `a`", "… to the response body for the status `200`", "… to the `a` response property for the status `200`". */
  trailing(where: Where): string {
    if (where.direction === 'request') return where.level === 'body' ? 'request body' : `request property ${quoted(where.property)}`;
    return where.level === 'body'
      ? `response body for the status ${quoted(where.status)}`
      : `${quoted(where.property)} response property for the status ${quoted(where.status)}`;
  },
  /** "the request body", "the `a` request property", with the response status added by the caller. */
  leading(where: Where): string {
    return where.level === 'body' ? `the ${where.direction} body` : `the ${quoted(where.property)} ${where.direction} property`;
  },
  /** "request body", "`a` request property": the dependent schema and pattern property messages. */
  named(where: Where): string {
    const subject = where.level === 'body' ? `${where.direction} body` : `${quoted(where.property)} ${where.direction} property`;
    return where.direction === 'response' ? `${subject} for the status ${quoted(where.status)}` : subject;
  },
};

/** One aspect of a schema, reported under up to four IDs (request/response × body/property). */
export interface Aspect {
  suffix: string;
  kind: Kind;
  action: string;
  request?: 'ERR' | 'WARN';
  response?: 'ERR' | 'WARN';
  /** Only the body has this ID (wrapped-in-one-of). */
  bodyOnly?: boolean;
  /** oasdiff's area tag for a body ID when it is not `schema`. */
  bodyArea?: Record<Direction, string>;
  /** The summary, given "request body schema", "request body property", "response body schema" or "response body property". */
  summary(what: string): string;
}

export function rulesOf(aspects: readonly Aspect[]): RuleMeta[] {
  const rules: RuleMeta[] = [];
  for (const aspect of aspects) {
    for (const direction of ['request', 'response'] as const) {
      const level = aspect[direction];
      if (!level) continue;
      for (const where of aspect.bodyOnly ? (['body'] as const) : (['body', 'property'] as const)) {
        const area = where === 'body' ? (aspect.bodyArea?.[direction] ?? 'schema') : 'schema';
        const what = `${direction} body ${where === 'body' ? 'schema' : 'property'}`;
        rules.push(oasdiffRule(idOf({ direction, level: where }, aspect.suffix), level, [direction, area, aspect.kind, aspect.action], aspect.summary(what)));
      }
    }
  }
  return rules;
}

export const WRAPPED_IN_ONE_OF_REPORTERS = new Set([
  'request-body-wrapped-in-one-of',
  'response-body-wrapped-in-one-of',
  'request-property-one-of-added',
  'response-property-one-of-added',
]);

/** The transitions found between a base and a head schema, worked out once per site when a finding asks. */
export class Transitions {
  private nullable?: boolean;
  private wrapped?: string[];
  private listOfTypes?: boolean;
  private nullOnly?: boolean;

  constructor(
    private readonly baseSet: SpecSet,
    private readonly headSet: SpecSet,
    private readonly base: Located,
    private readonly head: Located,
  ) {}

  /** oasdiff drops a finding of this kind here: it is an echo of a transition another ID reports. */
  claims(kind: Kind, rule: string): boolean {
    if (this.nullableWrapping()) return true;
    if ((kind === 'type' || kind === 'structure') && this.movedIntoOneOf().length > 0 && !WRAPPED_IN_ONE_OF_REPORTERS.has(rule)) return true;
    if ((kind === 'type' || kind === 'structure') && this.typeListChanged()) return true;
    return kind === 'type' && this.nullOnlyTypeChange();
  }

  /** `X` became `oneOf: [{type: 'null'}, X]`, or the reverse. */
  nullableWrapping(): boolean {
    this.nullable ??=
      isNullableWrap(this.baseSet, this.headSet, this.base, this.head, 'head') || isNullableWrap(this.baseSet, this.headSet, this.base, this.head, 'base');
    return this.nullable;
  }

  /** A concrete object became a oneOf of objects: the base properties found in some alternative (none: no wrapping). */
  movedIntoOneOf(): string[] {
    this.wrapped ??= oneOfWrapping(this.headSet, this.base.node, this.head);
    return this.wrapped;
  }

  private typeListChanged(): boolean {
    if (this.listOfTypes === undefined) {
      const base = typePattern(this.baseSet, this.base);
      const head = typePattern(this.headSet, this.head);
      this.listOfTypes = !!base && !!head && (base.list || head.list) && !sameMembers(base.types, head.types);
    }
    return this.listOfTypes;
  }

  private nullOnlyTypeChange(): boolean {
    if (this.nullOnly === undefined) {
      const base = new Set(typesOf(this.base.node));
      const head = new Set(typesOf(this.head.node));
      const changed = [...[...base].filter((type) => !head.has(type)), ...[...head].filter((type) => !base.has(type))];
      this.nullOnly =
        changed.length > 0 &&
        changed.every((type) => type === 'null') &&
        scalarText(child(this.base.node, 'format')) === scalarText(child(this.head.node, 'format'));
    }
    return this.nullOnly;
  }
}

export function typesOf(node: SpecNode): string[] {
  const type = child(node, 'type');
  if (isSeq(type)) return items(type).flatMap((item) => scalarText(item) ?? []);
  const text = isScalar(type) ? scalarText(type) : undefined;
  return text === undefined ? [] : [text];
}

function listOf(node: SpecNode, keyword: string): SpecNode[] {
  return items(child(node, keyword));
}

function propertyNames(node: SpecNode): string[] {
  return pairs(child(node, 'properties')).flatMap((pair) => scalarText(pair.key as SpecNode) ?? []);
}

/** `wrapped` (on side `wrappedSide`) is exactly `plain` made nullable: a two-branch oneOf of a bare null and a schema that
 *  validates as `plain` does, with nothing else constraining. */
function isNullableWrap(baseSet: SpecSet, headSet: SpecSet, base: Located, head: Located, wrappedSide: 'base' | 'head'): boolean {
  const [plain, wrapped, wrappedSet] = wrappedSide === 'head' ? [base, head, headSet] : [head, base, baseSet];
  if (['oneOf', 'anyOf', 'allOf'].some((keyword) => listOf(plain.node, keyword).length > 0) || child(plain.node, 'not') !== undefined) return false;
  if (scalarText(child(plain.node, 'nullable')) === 'true' || typesOf(plain.node).includes('null')) return false;
  const branches = listOf(wrapped.node, 'oneOf');
  if (branches.length !== 2 || constrainingKeys(wrapped.node).some((key) => key !== 'oneOf')) return false;
  const resolved = branches.map((node) => wrappedSet.resolve({ file: wrapped.file, node }));
  const isNull = (branch: Located | undefined) =>
    !!branch && typesOf(branch.node).length === 1 && typesOf(branch.node)[0] === 'null' && constrainingKeys(branch.node).every((key) => key === 'type');
  const nulls = resolved.filter(isNull).length;
  const payload = branches.find((_, index) => !isNull(resolved[index]));
  if (nulls !== 1 || payload === undefined) return false;
  const payloadAt = { file: wrapped.file, node: payload };
  return wrappedSide === 'head'
    ? schemasEqual(baseSet, headSet, plain, payloadAt, 'validation')
    : schemasEqual(baseSet, headSet, payloadAt, plain, 'validation');
}

function oneOfWrapping(headSet: SpecSet, base: SpecNode, head: Located): string[] {
  const baseProperties = propertyNames(base);
  if (listOf(base, 'oneOf').length > 0 || baseProperties.length === 0) return [];
  const alternatives = listOf(head.node, 'oneOf');
  if (alternatives.length === 0 || propertyNames(head.node).length > 0 || typesOf(head.node).length > 0) return [];
  const inAlternatives = new Set(alternatives.flatMap((node) => propertyNames(headSet.resolve({ file: head.file, node })?.node ?? node)));
  return baseProperties.filter((name) => inAlternatives.has(name)).sort();
}

/** A single type, or a oneOf/anyOf of single-typed simple schemas (oasdiff's "list of types"); undefined otherwise. */
function typePattern(set: SpecSet, at: Located): { types: string[]; list: boolean } | undefined {
  const node = at.node;
  if (child(node, 'not') !== undefined || listOf(node, 'allOf').length > 0 || propertyNames(node).length > 0) return undefined;
  const own = typesOf(node);
  if (own.length > 0) return { types: [own[0]], list: false };
  for (const keyword of ['oneOf', 'anyOf']) {
    const branches = listOf(node, keyword);
    if (branches.length === 0) continue;
    const types: string[] = [];
    let simple = true;
    for (const branch of branches) {
      const resolved = set.resolve({ file: at.file, node: branch });
      const branchTypes = resolved ? typesOf(resolved.node) : [];
      if (
        !resolved ||
        branchTypes.length !== 1 ||
        ['properties', 'oneOf', 'anyOf', 'allOf'].some((key) => pairs(child(resolved.node, key)).length > 0 || items(child(resolved.node, key)).length > 0)
      ) {
        simple = false;
        break;
      }
      types.push(branchTypes[0]);
    }
    if (simple && types.length > 0) return { types, list: true };
  }
  return undefined;
}

function sameMembers(a: string[], b: string[]): boolean {
  const [left, right] = [new Set(a), new Set(b)];
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/** A property that seems added or removed only because its object was wrapped: made nullable through a oneOf (or
 *  unwrapped), or moved into a oneOf's alternatives. oasdiff reports the wrapping, not these. */
export function isWrappingEcho(pair: Pick<ModelPair, 'base' | 'head'>, baseParent: SchemaSide, headParent: SchemaSide, name: string): boolean {
  const transitions = new Transitions(pair.base.set, pair.head.set, baseParent.schema, headParent.schema);
  return transitions.nullableWrapping() || transitions.movedIntoOneOf().includes(name);
}

/** Whether either schema of a site has one of the keywords: most sites have none, and are passed over at once. */
export function hasAnyKeyword(site: Pick<SchemaSite, 'base' | 'head'>, keywords: ReadonlySet<string>): boolean {
  const has = (node: SpecNode) => pairs(node).some((pair) => keywords.has(scalarText(pair.key as SpecNode) ?? ''));
  return has(site.base.node) || has(site.head.node);
}
