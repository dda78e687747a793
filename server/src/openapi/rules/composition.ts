// allOf, anyOf and oneOf of request and response bodies and their properties, with branches matched as oasdiff matches
// them (subschemas.ts). A new allOf branch is one more rule a request must satisfy; a removed anyOf or oneOf branch is a
// request shape no longer accepted; a new oneOf branch in a response is a shape readers do not know. A removed allOf
// branch is only a warning (the server may still enforce it). Branches that hold only annotations do not count for allOf.
// An object body wrapped into a oneOf of objects is reported once, as wrapped-in-one-of, not as its echoes.
import { placeOf, type Place } from '../model';
import { isAnnotationOnly } from '../schemaEquality';
import { keywordPlace, type SchemaSite } from '../schemaSites';
import { changedLabels, diffSubschemas, type Subschema } from '../subschemas';
import type { CheckFamily, FamilyReport, ModelPair } from './family';
import { quoted } from './family';
import { hasAnyKeyword, idOf, rulesOf, Transitions, whereOf, type Aspect, type Where } from './structureSites';

const KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;
type Keyword = (typeof KEYWORDS)[number];
const SLUG: Record<Keyword, string> = { allOf: 'all-of', anyOf: 'any-of', oneOf: 'one-of' };

const ASPECTS: readonly Aspect[] = [
  {
    suffix: 'all-of-added',
    kind: 'structure',
    action: 'add',
    request: 'ERR',
    summary: (what) => `A subschema was added to the allOf of a ${what}`,
  },
  {
    suffix: 'all-of-removed',
    kind: 'structure',
    action: 'remove',
    request: 'WARN',
    summary: (what) => `A subschema was removed from the allOf of a ${what}`,
  },
  {
    suffix: 'any-of-removed',
    kind: 'structure',
    action: 'remove',
    request: 'ERR',
    summary: (what) => `A subschema was removed from the anyOf of a ${what}`,
  },
  {
    suffix: 'one-of-removed',
    kind: 'structure',
    action: 'remove',
    request: 'ERR',
    summary: (what) => `A subschema was removed from the oneOf of a ${what}`,
  },
  {
    suffix: 'one-of-added',
    kind: 'structure',
    action: 'add',
    response: 'ERR',
    summary: (what) => `A subschema was added to the oneOf of a ${what}`,
  },
  {
    suffix: 'wrapped-in-one-of',
    kind: 'structure',
    action: 'change',
    request: 'ERR',
    response: 'ERR',
    bodyOnly: true,
    summary: (what) => `The ${what.replace(' schema', '')} was restructured into a oneOf of objects`,
  },
];

const RULES = rulesOf(ASPECTS);
const IDS = new Set(RULES.map((rule) => rule.id));

export const composition: CheckFamily = {
  rules: RULES,
  sites(pair, report) {
    return (site) => checkSite(pair, site, report);
  },
};

/** "added `X` to the request body `allOf` list" and its three siblings; `list` is the keyword as the message shows it. */
export function listText(where: Where, verb: 'added' | 'removed', branches: string, list: string): string {
  const start = verb === 'added' ? `added ${quoted(branches)} to the` : `removed ${quoted(branches)} from the`;
  const subject = where.level === 'body' ? `${where.direction} body` : `${quoted(where.property)} ${where.direction} property`;
  const status = where.direction === 'response' ? ` for the response status ${quoted(where.status)}` : '';
  return `${start} ${subject} ${list} list${status}`;
}

/** Where an added or removed branch is shown: on the first added branch (the list in the base as related), or on the
 *  head's list (else the schema) with the first removed branch as related. */
export function branchPlaces(site: SchemaSite, keyword: string, verb: 'added' | 'removed', first: Subschema): { place: Place; base: Place } {
  return verb === 'added'
    ? { place: placeOf(first.at.file, first.at.node), base: keywordPlace(site.base, keyword) }
    : { place: keywordPlace(site.head, keyword), base: placeOf(first.at.file, first.at.node) };
}

const LISTS = new Set<string>(KEYWORDS);

function checkSite(pair: ModelPair, site: SchemaSite, report: FamilyReport): void {
  const where = whereOf(site);
  if (!where || !hasAnyKeyword(site, LISTS)) return;
  const transitions = new Transitions(pair.base.set, pair.head.set, site.base, site.head);
  const operation = site.operation;
  for (const keyword of KEYWORDS) {
    const addedId = idOf(where, `${SLUG[keyword]}-added`);
    const removedId = idOf(where, `${SLUG[keyword]}-removed`);
    if (!IDS.has(addedId) && !IDS.has(removedId)) continue;
    const diff = diffSubschemas(pair.base.set, pair.head.set, site.base, site.head, keyword);
    // allOf branches that only annotate have their own (informational) IDs.
    const added = keyword === 'allOf' ? diff.added.filter((sub) => !isAnnotationOnly(pair.head.set, sub.at)) : diff.added;
    const deleted = keyword === 'allOf' ? diff.deleted.filter((sub) => !isAnnotationOnly(pair.base.set, sub.at)) : diff.deleted;
    for (const [rule, verb, branches] of [
      [addedId, 'added', added],
      [removedId, 'removed', deleted],
    ] as const) {
      if (!IDS.has(rule) || branches.length === 0 || transitions.claims('structure', rule)) continue;
      report.finding({
        rule,
        ...branchPlaces(site, keyword, verb, branches[0]),
        text: listText(where, verb, changedLabels(branches), `\`${keyword}\``),
        operation,
      });
    }
  }
  if (where.level === 'body') {
    const rule = idOf(where, 'wrapped-in-one-of');
    if (transitions.movedIntoOneOf().length > 0 && !transitions.claims('structure', rule))
      report.finding({
        rule,
        place: keywordPlace(site.head, 'oneOf'),
        base: keywordPlace(site.base, 'properties'),
        text:
          where.direction === 'request'
            ? 'the request body was restructured into a oneOf, so a payload that was previously valid may no longer be accepted'
            : 'the response body was restructured into a oneOf, so a field that was previously guaranteed may no longer be present',
        operation,
      });
  }
}
