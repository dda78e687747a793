// The JSON Schema 2020-12 keywords of OpenAPI 3.1 on request and response bodies and their properties: a new rule on what a
// request may be (prefixItems, if/then/else, contains and its bounds, dependentRequired, dependentSchemas,
// patternProperties, propertyNames, unevaluatedItems/Properties, contentSchema) breaks senders when added and readers
// when removed from a response; contentMediaType and contentEncoding change what the string holds, both ways.
// Subschema keywords count when written as a schema (a mapping): `unevaluatedProperties: false` is another oasdiff check.
import { child, isMap, items, pairs, scalarText, type SpecNode } from '../document';
import { placeOf, type Place } from '../model';
import { keywordPlace, type SchemaSite } from '../schemaSites';
import type { Located } from '../specSet';
import { changedLabels, diffSubschemas } from '../subschemas';
import { branchPlaces, listText } from './composition';
import { quoted, type CheckFamily, type FamilyReport, type ModelPair } from './family';
import { hasAnyKeyword, idOf, rulesOf, target, Transitions, whereOf, type Aspect, type Kind, type Where } from './structureSites';

/** Single-schema keywords: how oasdiff names the thing ("'if' subschema", "'contains' constraint"), its ID slug, and which
 *  side breaks (request: added; response: removed). */
const SUBSCHEMAS = [
  { keyword: 'if', slug: 'if', noun: ' subschema', kind: 'structure', summary: 'an if subschema (conditional)' },
  { keyword: 'then', slug: 'then', noun: ' subschema', kind: 'structure', summary: 'a then subschema (conditional)' },
  { keyword: 'else', slug: 'else', noun: ' subschema', kind: 'structure', summary: 'an else subschema (conditional)' },
  { keyword: 'contains', slug: 'contains', noun: ' constraint', kind: 'structure', summary: 'a contains subschema' },
  { keyword: 'propertyNames', slug: 'property-names', noun: ' constraint', kind: 'structure', summary: 'a propertyNames constraint' },
  { keyword: 'unevaluatedItems', slug: 'unevaluated-items', noun: ' constraint', kind: 'structure', summary: 'an unevaluatedItems schema' },
  {
    keyword: 'unevaluatedProperties',
    slug: 'unevaluated-properties',
    noun: ' constraint',
    kind: 'structure',
    summary: 'an unevaluatedProperties schema',
  },
  { keyword: 'contentSchema', slug: 'content-schema', noun: '', kind: 'existence', summary: 'a contentSchema' },
] as const;

/** Bounds: the side that breaks when the bound goes each way. */
const BOUNDS = [
  { keyword: 'minContains', slug: 'min-contains', breaks: { request: 'increased', response: 'decreased' } },
  { keyword: 'maxContains', slug: 'max-contains', breaks: { request: 'decreased', response: 'increased' } },
] as const;

const STRINGS = [
  { keyword: 'contentMediaType', slug: 'content-media-type' },
  { keyword: 'contentEncoding', slug: 'content-encoding' },
] as const;

/** Keyed schemas: a new entry constrains requests, a removed one loosens responses. */
const ENTRIES = [
  { keyword: 'dependentSchemas', slug: 'dependent-schema', kind: 'structure', noun: 'dependent schema', summary: 'a dependentSchemas entry' },
  { keyword: 'patternProperties', slug: 'pattern-property', kind: 'constraints', noun: 'pattern property', summary: 'a patternProperties entry' },
] as const;

const capital = (text: string) => text[0].toUpperCase() + text.slice(1);

const ASPECTS: readonly Aspect[] = [
  {
    suffix: 'prefix-items-removed',
    kind: 'structure',
    action: 'remove',
    request: 'ERR',
    summary: (what) => `Tuple items (prefixItems) were removed from a ${what}`,
  },
  {
    suffix: 'prefix-items-added',
    kind: 'structure',
    action: 'add',
    response: 'ERR',
    summary: (what) => `Tuple items (prefixItems) were added to a ${what}`,
  },
  ...SUBSCHEMAS.flatMap((entry): Aspect[] => [
    { suffix: `${entry.slug}-added`, kind: entry.kind, action: 'add', request: 'ERR', summary: (what) => `${capital(entry.summary)} was added to a ${what}` },
    {
      suffix: `${entry.slug}-removed`,
      kind: entry.kind,
      action: 'remove',
      response: 'ERR',
      summary: (what) => `${capital(entry.summary)} was removed from a ${what}`,
    },
  ]),
  ...BOUNDS.flatMap((bound): Aspect[] =>
    (['increased', 'decreased'] as const).map((change) => ({
      suffix: `${bound.slug}-${change}`,
      kind: 'constraints',
      action: change === 'increased' ? 'increase' : 'decrease',
      ...(bound.breaks.request === change ? { request: 'ERR' as const } : { response: 'ERR' as const }),
      summary: (what: string) => `The ${bound.keyword} of a ${what} was ${change === 'increased' ? 'raised' : 'lowered'}`,
    })),
  ),
  ...STRINGS.map((entry): Aspect => ({
    suffix: `${entry.slug}-changed`,
    kind: 'type',
    action: 'change',
    request: 'ERR',
    response: 'ERR',
    bodyArea: { request: 'requestBody', response: 'responses' },
    summary: (what) => `The ${entry.keyword} of a ${what} changed`,
  })),
  {
    suffix: 'dependent-required-added',
    kind: 'structure',
    action: 'add',
    request: 'ERR',
    summary: (what) => `A dependentRequired rule was added to a ${what}`,
  },
  {
    suffix: 'dependent-required-removed',
    kind: 'structure',
    action: 'remove',
    response: 'ERR',
    summary: (what) => `A dependentRequired rule was removed from a ${what}`,
  },
  {
    suffix: 'dependent-required-changed',
    kind: 'structure',
    action: 'change',
    request: 'ERR',
    response: 'ERR',
    summary: (what) => `The properties a dependentRequired rule of a ${what} demands changed`,
  },
  ...ENTRIES.flatMap((entry): Aspect[] => [
    { suffix: `${entry.slug}-added`, kind: entry.kind, action: 'add', request: 'ERR', summary: (what) => `${capital(entry.summary)} was added to a ${what}` },
    {
      suffix: `${entry.slug}-removed`,
      kind: entry.kind,
      action: 'remove',
      response: 'ERR',
      summary: (what) => `${capital(entry.summary)} was removed from a ${what}`,
    },
  ]),
];

const RULES = rulesOf(ASPECTS);
const IDS = new Set(RULES.map((rule) => rule.id));

export const jsonSchemaKeywords: CheckFamily = {
  rules: RULES,
  sites(pair, report) {
    return (site) => checkSite(pair, site, report);
  },
};

/** The status, where a response message puts it at the end. */
function forStatus(where: Where): string {
  return where.direction === 'response' ? ` for the status ${quoted(where.status)}` : '';
}

const KEYWORDS = new Set<string>([
  'prefixItems',
  ...SUBSCHEMAS.map((entry) => entry.keyword),
  ...BOUNDS.map((bound) => bound.keyword),
  ...STRINGS.map((entry) => entry.keyword),
  'dependentRequired',
  ...ENTRIES.map((entry) => entry.keyword),
]);

function checkSite(pair: ModelPair, site: SchemaSite, report: FamilyReport): void {
  const where = whereOf(site);
  if (!where || !hasAnyKeyword(site, KEYWORDS)) return;
  const transitions = new Transitions(pair.base.set, pair.head.set, site.base, site.head);
  const emit = (suffix: string, kind: Kind, text: string, place: Place, base: Place) => {
    const rule = idOf(where, suffix);
    if (!IDS.has(rule) || transitions.claims(kind, rule)) return;
    report.finding({ rule, place, base, text, operation: site.operation });
  };
  const { base, head } = site;

  // prefixItems, matched as composition branches are.
  const breakingVerb = where.direction === 'request' ? 'removed' : 'added';
  if (child(base.node, 'prefixItems') !== undefined || child(head.node, 'prefixItems') !== undefined) {
    const diff = diffSubschemas(pair.base.set, pair.head.set, base, head, 'prefixItems');
    const branches = breakingVerb === 'removed' ? diff.deleted : diff.added;
    if (branches.length > 0) {
      const places = branchPlaces(site, 'prefixItems', breakingVerb, branches[0]);
      emit(`prefix-items-${breakingVerb}`, 'structure', listText(where, breakingVerb, changedLabels(branches), "'prefixItems'"), places.place, places.base);
    }
  }

  for (const entry of SUBSCHEMAS) {
    const before = isMap(child(base.node, entry.keyword));
    const after = isMap(child(head.node, entry.keyword));
    if (before === after) continue;
    const text = after
      ? `added '${entry.keyword}'${entry.noun} to the ${target.trailing(where)}`
      : `removed '${entry.keyword}'${entry.noun} from the ${target.trailing(where)}`;
    emit(`${entry.slug}-${after ? 'added' : 'removed'}`, entry.kind, text, keywordPlace(head, entry.keyword), keywordPlace(base, entry.keyword));
  }

  for (const bound of BOUNDS) {
    const from = count(child(base.node, bound.keyword));
    const to = count(child(head.node, bound.keyword));
    if (from === undefined || to === undefined || from === to) continue;
    const change = to > from ? 'increased' : 'decreased';
    emit(
      `${bound.slug}-${change}`,
      'constraints',
      `${target.leading(where)} ${bound.keyword} was ${change} from ${quoted(from)} to ${quoted(to)}${forStatus(where)}`,
      keywordPlace(head, bound.keyword),
      keywordPlace(base, bound.keyword),
    );
  }

  for (const entry of STRINGS) {
    const from = scalarText(child(base.node, entry.keyword)) ?? '';
    const to = scalarText(child(head.node, entry.keyword)) ?? '';
    if (from === to) continue;
    emit(
      `${entry.slug}-changed`,
      'type',
      `${target.leading(where)} ${entry.keyword} changed from ${quoted(from)} to ${quoted(to)}${forStatus(where)}`,
      keywordPlace(head, entry.keyword),
      keywordPlace(base, entry.keyword),
    );
  }

  dependentRequired(where, base, head, emit);

  for (const entry of ENTRIES) {
    const baseKeys = entryKeys(base.node, entry.keyword);
    const headKeys = entryKeys(head.node, entry.keyword);
    for (const [key, keyNode] of headKeys) {
      if (!baseKeys.has(key))
        emit(
          `${entry.slug}-added`,
          entry.kind,
          `added the ${entry.noun} ${quoted(key)} to the ${target.named(where)}`,
          placeOf(head.file, keyNode),
          keywordPlace(base, entry.keyword),
        );
    }
    for (const [key, keyNode] of baseKeys) {
      if (!headKeys.has(key))
        emit(
          `${entry.slug}-removed`,
          entry.kind,
          `removed the ${entry.noun} ${quoted(key)} from the ${target.named(where)}`,
          keywordPlace(head, entry.keyword),
          placeOf(base.file, keyNode),
        );
    }
  }
}

type Emit = (suffix: string, kind: Kind, text: string, place: Place, base: Place) => void;

/** dependentRequired, per property that triggers it: added, removed, or its list of demanded properties changed. */
function dependentRequired(where: Where, base: Located, head: Located, emit: Emit): void {
  const before = requirements(base.node);
  const after = requirements(head.node);
  if (before.size === 0 && after.size === 0) return;
  const status = quoted(where.status);
  const subject = target.leading(where);
  for (const [key, entry] of after) {
    const previous = before.get(key);
    const place = placeOf(head.file, entry.key);
    if (!previous) {
      const when = `when ${quoted(key)} is present, ${quoted(entry.values.join(', '))} are required`;
      const text =
        where.direction === 'request'
          ? `${subject} dependentRequired was added: ${when}`
          : `${subject} dependentRequired was added for the status ${status}: ${when}`;
      emit('dependent-required-added', 'structure', text, place, keywordPlace(base, 'dependentRequired'));
      continue;
    }
    const added = [...new Set(entry.values.filter((value) => !previous.values.includes(value)))];
    const removed = [...new Set(previous.values.filter((value) => !entry.values.includes(value)))];
    if (added.length === 0 && removed.length === 0) continue;
    const change = [added.length > 0 ? `${added.join(', ')} added` : '', removed.length > 0 ? `${removed.join(', ')} removed` : ''].filter(Boolean).join(', ');
    const text =
      where.direction === 'request'
        ? `${subject} dependentRequired for ${quoted(key)} was updated: ${quoted(change)}`
        : `${subject} dependentRequired for ${quoted(key)} was updated for the status ${status}: ${quoted(change)}`;
    emit('dependent-required-changed', 'structure', text, place, placeOf(base.file, previous.key));
  }
  for (const [key, entry] of before) {
    if (after.has(key)) continue;
    const when = `when ${quoted(key)} was present, ${quoted(entry.values.join(', '))} were required`;
    const text =
      where.direction === 'request'
        ? `${subject} dependentRequired was removed: ${when}`
        : `${subject} dependentRequired was removed for the status ${status}: ${when}`;
    emit('dependent-required-removed', 'structure', text, keywordPlace(head, 'dependentRequired'), placeOf(base.file, entry.key));
  }
}

function requirements(schema: SpecNode): Map<string, { key: SpecNode; values: string[] }> {
  const result = new Map<string, { key: SpecNode; values: string[] }>();
  for (const pair of pairs(child(schema, 'dependentRequired'))) {
    const key = scalarText(pair.key as SpecNode);
    if (key === undefined) continue;
    const values = items(pair.value as SpecNode).flatMap((item) => scalarText(item) ?? []);
    result.set(key, { key: pair.key as SpecNode, values });
  }
  return result;
}

function entryKeys(schema: SpecNode, keyword: string): Map<string, SpecNode> {
  return new Map(
    pairs(child(schema, keyword)).flatMap((pair) => {
      const key = scalarText(pair.key as SpecNode);
      return key === undefined ? [] : [[key, pair.key as SpecNode] as const];
    }),
  );
}

/** A non-negative integer bound, as oasdiff reads minContains and maxContains. */
function count(node: SpecNode | undefined): number | undefined {
  const text = scalarText(node);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}
