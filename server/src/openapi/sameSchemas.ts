// Whether a base schema and a head schema are the same, everything they reference included. The schema walk does not
// enter such a pair: nothing below it changed, just as oasdiff's diff has no entry for it. Without this, every
// operation of a description whose schemas reference each other (Stripe's) walks the same unchanged trees again.
//
// "The same" is decided conservatively: equal values, the same keys (in any order), the same `$ref` texts whose targets
// are the same. Anything in doubt (different `$ref` texts, a reference that does not resolve, too deep, too much work)
// counts as different, which only means that the walk goes in and compares as it always did.
//
// Keywords that no breaking check reads (descriptions, examples, comments, extensions other than the four the checks
// know) are left out, in schemas only: editing a description of a schema that every operation reaches walks nothing.
//
// Each pair is compared once as written, without following its references, which gives whether it is the same apart
// from them and the pairs of targets its references lead to. A pair is the same when every pair it leads to, directly
// or not, is the same as written: a search over those pairs, so reference cycles need no special care.
import { isMap, isScalar, isSeq, NodePairMap, type SpecNode } from './document';
import type { Located, SpecSet } from './specSet';

/** Nesting within one pair past which two nodes count as different. */
const MAX_NESTING = 500;

/** What a node is, which says which of its keys matter: a schema, a map of names to schemas, or data (compared whole). */
type Role = 'schema' | 'names' | 'data';

/** Schema keywords no ERR or WARN check reads. */
const UNREAD = new Set(['description', 'example', 'examples', 'externalDocs', '$comment']);
/** The extensions the checks read; any other `x-` keyword of a schema is not compared. */
const READ_EXTENSIONS = new Set(['x-extensible-enum', 'x-nullable', 'x-stability-level', 'x-sunset']);
/** Keywords whose value maps names to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);
/** Keywords whose value is a schema, or a list of schemas. */
const SUBSCHEMAS = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
]);

function isUnread(key: unknown): boolean {
  return typeof key === 'string' && (UNREAD.has(key) || (key.startsWith('x-') && !READ_EXTENSIONS.has(key)));
}

function roleBelow(role: Role, key: unknown): Role {
  if (role === 'names') return 'schema';
  if (role === 'data' || typeof key !== 'string') return 'data';
  return NAME_MAPS.has(key) ? 'names' : SUBSCHEMAS.has(key) ? 'schema' : 'data';
}

interface Written {
  same: boolean;
  /** The pairs of targets of the pair's `$ref`s (when it is the same as written). */
  leadsTo: [Located, Located][];
}

/** The same-ness of schema pairs of one base and one head description; answers are kept for the pair's lifetime. */
export class SameSchemas {
  private readonly written = new NodePairMap<Written>();
  private readonly answers = new NodePairMap<boolean>();
  /** Nodes compared at most, for the pair of descriptions: shared YAML nodes (an alias bomb) are not compared in full. */
  private budget: number;

  constructor(
    private readonly base: SpecSet,
    private readonly head: SpecSet,
  ) {
    // A few times the nodes of both sides: enough to compare every schema of both once, with room for the walk's questions.
    this.budget = 4 * (base.textLength + head.textLength);
  }

  same(base: Located, head: Located): boolean {
    const known = this.answers.get(base.node, head.node);
    if (known !== undefined) return known;
    const reached: [Located, Located][] = [];
    const seen = new NodePairMap<true>();
    const pending: [Located, Located][] = [[base, head]];
    let same = true;
    while (pending.length > 0) {
      const [b, h] = pending.pop()!;
      const answer = this.answers.get(b.node, h.node);
      if (answer === true) continue;
      if (seen.get(b.node, h.node)) continue;
      seen.set(b.node, h.node, true);
      const written = answer === false ? undefined : this.asWritten(b, h);
      if (!written?.same) {
        same = false;
        break;
      }
      reached.push([b, h]);
      for (const next of written.leadsTo) pending.push(next);
    }
    // Every pair reached leads only to pairs that are the same as written: each of them is the same.
    if (same) for (const [b, h] of reached) this.answers.set(b.node, h.node, true);
    else this.answers.set(base.node, head.node, false);
    return same;
  }

  private asWritten(base: Located, head: Located): Written {
    const known = this.written.get(base.node, head.node);
    if (known) return known;
    const leadsTo: [Located, Located][] = [];
    const same = this.budget > 0 && this.nodes(base, head, leadsTo, 0);
    const written: Written = { same, leadsTo: same ? leadsTo : [] };
    this.written.set(base.node, head.node, written);
    return written;
  }

  private nodes(base: Located, head: Located, leadsTo: [Located, Located][], nesting: number, role: Role = 'schema'): boolean {
    if (--this.budget < 0 || nesting > MAX_NESTING) return false;
    const b = base.node;
    const h = head.node;
    if (b === null || b === undefined || h === null || h === undefined) return b === h;
    if (isScalar(b)) return isScalar(h) && b.value === h.value;
    if (isSeq(b)) {
      if (!isSeq(h) || b.items.length !== h.items.length) return false;
      for (let index = 0; index < b.items.length; index++)
        if (
          !this.nodes({ file: base.file, node: b.items[index] as SpecNode }, { file: head.file, node: h.items[index] as SpecNode }, leadsTo, nesting + 1, role)
        )
          return false;
      return true;
    }
    if (!isMap(b) || !isMap(h)) return false;
    // In a schema, keywords no check reads are left out on both sides.
    const kept = (items: typeof b.items) => (role === 'schema' ? items.filter((pair) => !isUnread(isScalar(pair.key) ? pair.key.value : undefined)) : items);
    const baseItems = kept(b.items);
    const headItems = kept(h.items);
    if (baseItems.length !== headItems.length) return false;
    let byKey: Map<unknown, unknown> | undefined;
    for (let index = 0; index < baseItems.length; index++) {
      const pair = baseItems[index];
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === undefined) return false;
      let value: unknown;
      const inOrder = headItems[index];
      if (isScalar(inOrder.key) && inOrder.key.value === key) value = inOrder.value;
      else {
        if (!byKey) {
          // Out of order: a key-by-key match, which says something only when neither side repeats a key.
          byKey = new Map(headItems.map((item) => [isScalar(item.key) ? item.key.value : undefined, item.value]));
          if (byKey.size !== headItems.length || new Set(baseItems.map((item) => (isScalar(item.key) ? item.key.value : undefined))).size !== baseItems.length)
            return false;
        }
        if (!byKey.has(key)) return false;
        value = byKey.get(key);
      }
      if (key === '$ref' && role === 'schema') {
        if (!isScalar(pair.value) || !isScalar(value) || pair.value.value !== value.value) return false;
        const baseTarget = this.base.resolveQuietly(base);
        const headTarget = this.head.resolveQuietly(head);
        if (!baseTarget || !headTarget) return false;
        leadsTo.push([baseTarget, headTarget]);
      } else if (
        !this.nodes({ file: base.file, node: pair.value as SpecNode }, { file: head.file, node: value as SpecNode }, leadsTo, nesting + 1, roleBelow(role, key))
      )
        return false;
    }
    return true;
  }
}
