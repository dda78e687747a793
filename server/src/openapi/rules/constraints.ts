// Numeric, length, item-count and pattern constraints of schemas (oasdiff's "constraints" checks), one table for all:
// a request constraint that narrows (a maximum lowered, a minimum raised, a pattern put on a string) rejects values
// clients send today; one put where there was none is a warning (it is sometimes a needed correction). A response
// constraint that widens (or a maxLength or minItems dropped) lets the server return values readers do not expect.
// Request bodies, their properties and parameter schemas are compared in the request; response bodies and their
// properties in the response. A read-only request property is never sent and a write-only response property never
// returned: oasdiff reports those under INFO IDs, which are not reported here.
import type { RuleMeta } from '../../engine/rule';
import { child, isScalar, isTrue, items, pairs, scalarText, type SpecNode } from '../document';
import type { Place } from '../model';
import { keywordPlace, type SchemaSite } from '../schemaSites';
import type { Located, SpecSet } from '../specSet';
import { oasdiffRule, quoted, type CheckFamily, type FamilyReport } from './family';
import { oneLineValue } from './valueSites';

type Where = 'body' | 'property' | 'parameter';
type Change = 'decreased' | 'increased';
type Value = number | boolean;

interface Constraint {
  keyword: string;
  /** How oasdiff names the keyword in its messages ("max" for `maximum`). */
  label: string;
  /** How oasdiff names it in its IDs ("exclusive-max"). */
  slug: string;
  /** The change that accepts fewer values: a maximum lowered, a minimum raised. */
  narrows: Change;
  /** Written as oasdiff formats the value: a float with two decimals, or a count. 3.0's boolean exclusive bounds are booleans. */
  float: boolean;
  /** oasdiff reads an absent minLength as 0 (its loader keeps it as a plain number): 5 where there was none is "increased from 0". */
  absentIsZero?: boolean;
  /** Where a narrowed request constraint is reported. */
  request: readonly Where[];
  /** The request message of a body or property names the old value too (oasdiff's minLength messages). */
  requestFrom?: boolean;
  /** The `-set` warnings (request) exist for this keyword. */
  set: boolean;
  /** A widened response constraint is reported. */
  response: boolean;
  /** Dropping it from a response is reported (`-unset`). */
  unset: boolean;
  /** Narrowing it on a read-only request property is reported under an INFO ID (not at all here). */
  readOnlyExempt: boolean;
}

const ALL: readonly Where[] = ['body', 'property', 'parameter'];

const CONSTRAINTS: readonly Constraint[] = [
  {
    keyword: 'maximum',
    label: 'max',
    slug: 'max',
    narrows: 'decreased',
    float: true,
    request: ALL,
    set: true,
    response: true,
    unset: false,
    readOnlyExempt: true,
  },
  {
    keyword: 'exclusiveMaximum',
    label: 'exclusiveMaximum',
    slug: 'exclusive-max',
    narrows: 'decreased',
    float: true,
    request: ALL,
    set: true,
    response: true,
    unset: false,
    readOnlyExempt: true,
  },
  {
    keyword: 'minimum',
    label: 'min',
    slug: 'min',
    narrows: 'increased',
    float: true,
    request: ALL,
    set: true,
    response: true,
    unset: false,
    readOnlyExempt: true,
  },
  {
    keyword: 'exclusiveMinimum',
    label: 'exclusiveMinimum',
    slug: 'exclusive-min',
    narrows: 'increased',
    float: true,
    request: ALL,
    set: true,
    response: true,
    unset: false,
    readOnlyExempt: true,
  },
  {
    keyword: 'maxLength',
    label: 'maxLength',
    slug: 'max-length',
    narrows: 'decreased',
    float: false,
    request: ALL,
    set: true,
    response: true,
    unset: true,
    readOnlyExempt: true,
  },
  {
    keyword: 'minLength',
    label: 'minLength',
    slug: 'min-length',
    narrows: 'increased',
    float: false,
    absentIsZero: true,
    request: ALL,
    requestFrom: true,
    set: false,
    response: true,
    unset: false,
    readOnlyExempt: false,
  },
  {
    keyword: 'minItems',
    label: 'minItems',
    slug: 'min-items',
    narrows: 'increased',
    float: false,
    request: ALL,
    set: true,
    response: true,
    unset: true,
    readOnlyExempt: true,
  },
  {
    keyword: 'maxItems',
    label: 'maxItems',
    slug: 'max-items',
    narrows: 'decreased',
    float: false,
    request: ['parameter'],
    set: false,
    response: false,
    unset: false,
    readOnlyExempt: true,
  },
];

const other = (change: Change): Change => (change === 'decreased' ? 'increased' : 'decreased');
const lowered = (change: Change) => (change === 'decreased' ? 'lowered' : 'raised');

const REQUEST_SUBJECT: Record<Where, string> = { body: 'a request body schema', property: 'a request body property', parameter: 'a request parameter' };
const RESPONSE_SUBJECT: Record<'body' | 'property', string> = { body: 'a response body schema', property: 'a response body property' };
const area = (where: Where) => (where === 'parameter' ? 'parameters' : 'schema');
const capital = (text: string) => text[0].toUpperCase() + text.slice(1);
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

function constraintRules(): RuleMeta[] {
  const rules: RuleMeta[] = [];
  for (const c of CONSTRAINTS) {
    for (const where of c.request) {
      rules.push(
        oasdiffRule(
          `request-${where}-${c.slug}-${c.narrows}`,
          'ERR',
          ['request', area(where), 'constraints', c.narrows === 'decreased' ? 'decrease' : 'increase'],
          `The ${c.keyword} of ${REQUEST_SUBJECT[where]} was ${lowered(c.narrows)}`,
        ),
      );
      if (c.set)
        rules.push(
          oasdiffRule(
            `request-${where}-${c.slug}-set`,
            'WARN',
            ['request', area(where), 'constraints', 'set'],
            `${capital(article(c.keyword))} ${c.keyword} was put on ${REQUEST_SUBJECT[where]} that had none`,
          ),
        );
    }
    for (const where of ['body', 'property'] as const) {
      const widens = other(c.narrows);
      if (c.response)
        rules.push(
          oasdiffRule(
            `response-${where}-${c.slug}-${widens}`,
            'ERR',
            ['response', 'schema', 'constraints', widens === 'decreased' ? 'decrease' : 'increase'],
            `The ${c.keyword} of ${RESPONSE_SUBJECT[where]} was ${lowered(widens)}`,
          ),
        );
      if (c.unset)
        rules.push(
          oasdiffRule(
            `response-${where}-${c.slug}-unset`,
            'ERR',
            ['response', 'schema', 'constraints', 'remove'],
            `The ${c.keyword} of ${RESPONSE_SUBJECT[where]} was removed`,
          ),
        );
    }
  }
  for (const where of ['parameter', 'property'] as const) {
    rules.push(
      oasdiffRule(`request-${where}-pattern-added`, 'ERR', ['request', area(where), 'constraints', 'add'], `A pattern was put on ${REQUEST_SUBJECT[where]}`),
      oasdiffRule(
        `request-${where}-pattern-changed`,
        'WARN',
        ['request', area(where), 'constraints', 'change'],
        `The pattern of ${REQUEST_SUBJECT[where]} changed`,
      ),
    );
  }
  return rules;
}

/** A constraint's value as written: a number (or 3.0's boolean exclusive bound); undefined when absent or not a value. */
function valueOf(schema: Located, c: Constraint): Value | undefined {
  const node = child(schema.node, c.keyword);
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number' || (typeof value === 'boolean' && c.keyword.startsWith('exclusive'))) return value;
  return c.absentIsZero ? 0 : undefined;
}

/** As oasdiff prints it: floats (`maximum` and friends) with two decimals, counts as integers, booleans as words. */
function shown(value: Value, c: Constraint): string {
  return quoted(typeof value === 'number' && c.float ? twoDecimals(value) : String(value));
}

/** Go's `%.2f`: all the digits of large numbers, and an exact tie (0.125) rounded to even where `toFixed` rounds up. */
function twoDecimals(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (Math.abs(value) >= 1e21) return `${BigInt(value)}.00`;
  const [whole, fraction] = Math.abs(value).toFixed(100).split('.');
  if (!/^50*$/.test(fraction.slice(2))) return value.toFixed(2);
  const cents = BigInt(whole + fraction.slice(0, 2));
  const even = (cents % 2n === 0n ? cents : cents + 1n).toString().padStart(3, '0');
  return `${value < 0 ? '-' : ''}${even.slice(0, -2)}.${even.slice(-2)}`;
}

/** Whether `from` → `to` is that change; booleans (3.0's exclusive bounds) and a boolean against a number are neither. */
function is(change: Change, from: Value | undefined, to: Value | undefined): boolean {
  if (typeof from !== 'number' || typeof to !== 'number') return false;
  return change === 'decreased' ? to < from : to > from;
}

function patternOf(schema: Located): string {
  return scalarText(child(schema.node, 'pattern')) ?? '';
}

export const constraints: CheckFamily = {
  rules: constraintRules(),
  sites(pair, report) {
    const sets = { base: pair.base.set, head: pair.head.set };
    return (site) => {
      const where: Where | undefined =
        site.subject === 'body' ? 'body' : site.subject === 'property' ? 'property' : site.subject === 'parameter' ? 'parameter' : undefined;
      if (!where) return;
      // oasdiff compares a path item's own parameters apart from its operations' and has no constraint check for them:
      // a constraint of a path-level parameter is not reported, unless flattenParams makes it each operation's own.
      if (!pair.options.flattenParams && (site.parameter?.pathLevel || site.baseParameter?.pathLevel)) return;
      // A schema made nullable by wrapping it (or unwrapped): its constraints only moved into the branch (oasdiff's claim).
      if (isNullableWrap(site.base, site.head, sets.head) || isNullableWrap(site.head, site.base, sets.base)) return;
      if (site.direction === 'request') {
        for (const c of CONSTRAINTS) requestConstraint(site, where, c, sets, report);
        requestPattern(site, where, report);
      } else if (where !== 'parameter') for (const c of CONSTRAINTS) responseConstraint(site, where, c, report);
    };
  },
};

/** What a finding about a keyword of a site carries besides its rule and text. */
function at(site: SchemaSite, keyword: string, head = site.head, base = site.base): { place: Place; base: Place; operation: SchemaSite['operation'] } {
  return { place: keywordPlace(head, keyword), base: keywordPlace(base, keyword), operation: site.operation };
}

/** "Revert to the base value": the base's text of the keyword's value, put in place of the head's. */
function revert(base: Located, keyword: string) {
  const text = oneLineValue(base, keyword);
  return text !== undefined ? { fixData: { revert: 'keyword', keyword, text } } : {};
}

function flag(site: SchemaSite, key: 'readOnly' | 'writeOnly'): boolean {
  return isTrue(child(site.head.node, key)) || site.nested?.property?.head[key] === true;
}

function requestConstraint(site: SchemaSite, where: Where, c: Constraint, sets: { base: SpecSet; head: SpecSet }, report: FamilyReport): void {
  if (!c.request.includes(where)) return;
  let base = site.base;
  let head = site.head;
  let from = valueOf(base, c);
  let to = valueOf(head, c);
  // oasdiff reads a parameter's maxItems from its `items` when the parameter's own is unchanged.
  if (c.keyword === 'maxItems' && from === to) {
    const baseNode = child(base.node, 'items');
    const headNode = child(head.node, 'items');
    const baseItems = baseNode && sets.base.resolve({ file: base.file, node: baseNode });
    const headItems = headNode && sets.head.resolve({ file: head.file, node: headNode });
    if (!baseItems || !headItems) return;
    [base, head] = [baseItems, headItems];
    [from, to] = [valueOf(base, c), valueOf(head, c)];
  }
  const readOnly = where === 'property' && flag(site, 'readOnly');
  const named = where === 'property' ? `the ${quoted(site.propertyName ?? '')} request property's` : "the request's body";
  const parameter = site.parameter && `for the ${quoted(site.parameter.in)} request parameter ${quoted(site.parameter.name)}, the`;
  if (is(c.narrows, from, to) && !(readOnly && c.readOnlyExempt)) {
    const change =
      where === 'parameter' || c.requestFrom ? `was ${c.narrows} from ${shown(from!, c)} to ${shown(to!, c)}` : `was ${c.narrows} to ${shown(to!, c)}`;
    report.finding({
      rule: `request-${where}-${c.slug}-${c.narrows}`,
      text: where === 'parameter' ? `${parameter} ${c.label} ${change}` : `${named} ${c.label} ${change}`,
      ...at(site, c.keyword, head, base),
      ...revert(base, c.keyword),
    });
  }
  if (c.set && from === undefined && to !== undefined && !readOnly) {
    report.finding({
      rule: `request-${where}-${c.slug}-set`,
      text: `${where === 'parameter' ? parameter : named} ${c.label} was set to ${shown(to, c)}`,
      ...at(site, c.keyword),
    });
  }
}

function responseConstraint(site: SchemaSite, where: 'body' | 'property', c: Constraint, report: FamilyReport): void {
  if (where === 'property' && flag(site, 'writeOnly')) return;
  const from = valueOf(site.base, c);
  const to = valueOf(site.head, c);
  const widens = other(c.narrows);
  const named = where === 'property' ? `the ${quoted(site.propertyName ?? '')} response property's` : "the response's body";
  const status = where === 'property' ? ` for the response status ${quoted(site.response?.status ?? '')}` : '';
  if (c.response && is(widens, from, to)) {
    report.finding({
      rule: `response-${where}-${c.slug}-${widens}`,
      text: `${named} ${c.label} was ${widens} from ${shown(from!, c)} to ${shown(to!, c)}${status}`,
      ...at(site, c.keyword),
      ...revert(site.base, c.keyword),
    });
  }
  if (c.unset && from !== undefined && to === undefined) {
    report.finding({
      rule: `response-${where}-${c.slug}-unset`,
      text: `${named} ${c.label} was unset from ${shown(from, c)}${status}`,
      ...at(site, c.keyword),
      // Nothing is left to show: the property's key, else the schema.
      place: site.nested?.property?.head.place ?? keywordPlace(site.head, c.keyword),
    });
  }
}

/** A pattern put on a request property or parameter, or changed into one that is not `.*` (oasdiff's only "more general" pattern). */
function requestPattern(site: SchemaSite, where: Where, report: FamilyReport): void {
  if (where === 'body') return;
  const from = patternOf(site.base);
  const to = patternOf(site.head);
  if (from === to) return;
  const subject =
    where === 'parameter'
      ? `${quoted(site.parameter!.in)} request parameter ${quoted(site.parameter!.name)}`
      : `request property ${quoted(site.propertyName ?? '')}`;
  if (from === '') {
    if (to !== '')
      report.finding({ rule: `request-${where}-pattern-added`, text: `added the pattern ${quoted(to)} to the ${subject}`, ...at(site, 'pattern') });
  } else if (to !== '' && to !== '.*') {
    report.finding({
      rule: `request-${where}-pattern-changed`,
      text: `changed the pattern of the ${subject} from ${quoted(from)} to ${quoted(to)}`,
      ...at(site, 'pattern'),
      ...revert(site.base, 'pattern'),
    });
  }
}

/** Keywords that describe and do not constrain: a wrapper or a null branch may carry them. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', '$comment', 'default', 'deprecated']);
const onlyAnnotations = (schema: Located, besides: string) =>
  pairs(schema.node).every((pair) => {
    const key = scalarText(pair.key as SpecNode) ?? '';
    return key === besides || ANNOTATIONS.has(key) || key.startsWith('x-');
  });

/** oasdiff's nullable wrapping: `plain` (no composition, not nullable) became `oneOf: [{type: 'null'}, plain']` with nothing
 *  else constraining, where plain' has plain's type and constraints. Then a constraint that reads as removed (or, the
 *  other way round, as put on) at the top only moved into the branch, and oasdiff reports the nullability alone. */
function isNullableWrap(plain: Located, wrapped: Located, wrappedSet: SpecSet): boolean {
  const branches = items(child(wrapped.node, 'oneOf'));
  if (branches.length !== 2 || !onlyAnnotations(wrapped, 'oneOf')) return false;
  if (['oneOf', 'anyOf', 'allOf', 'not'].some((key) => child(plain.node, key) !== undefined)) return false;
  if (isTrue(child(plain.node, 'nullable')) || typesOf(plain).includes('null')) return false;
  const resolved = branches.map((node) => wrappedSet.resolve({ file: wrapped.file, node }));
  const isNull = (branch: Located | undefined) => branch !== undefined && typesOf(branch).join() === 'null' && onlyAnnotations(branch, 'type');
  const payload = resolved.find((branch) => !isNull(branch));
  if (resolved.filter(isNull).length !== 1 || !payload) return false;
  const same = (keyword: string) => scalarText(child(plain.node, keyword)) === scalarText(child(payload.node, keyword));
  return typesOf(plain).join() === typesOf(payload).join() && [...CONSTRAINTS.map((c) => c.keyword), 'pattern'].every(same);
}

function typesOf(schema: Located): string[] {
  const type = child(schema.node, 'type');
  const list = items(type).length > 0 ? items(type).map((item) => scalarText(item) ?? '') : [scalarText(type) ?? ''];
  return list.filter((name) => name !== '').sort();
}
