// Stability and the deprecation of body properties. An operation's or a property's x-stability-level that goes down
// (stable → beta → alpha → draft) takes back what clients were promised, when the level it leaves is within the
// stability threshold; a level that is not one of the four is an error of its own. A request or response property newly
// deprecated under a deprecation policy needs an x-sunset far enough ahead; an x-sunset that is not a date is reported
// whatever the policy.
import type { FixData } from '../../engine/finding';
import { isScalar, pairOf, pairs, scalarText, type SpecNode } from '../document';
import { isInStabilityScope, placeOf, STABILITY_LEVELS, stabilityRank, type Operation, type Place } from '../model';
import { keywordPlace, type SchemaSite } from '../schemaSites';
import { sameResolved } from '../sameness';
import type { Located, SpecSet } from '../specSet';
import { daysUntil, deprecationDays, readSunset } from './sunset';
import { oasdiffRule, quoted, type CheckFamily, type FamilyReport, type ModelPair } from './family';

const REQUEST = ['request', 'schema', 'lifecycle'];
const RESPONSE = ['response', 'schema', 'lifecycle'];

export const lifecycle: CheckFamily = {
  rules: [
    oasdiffRule('api-stability-decreased', 'ERR', ['none', 'paths', 'lifecycle', 'decrease'], "An operation's x-stability-level went down"),
    oasdiffRule(
      'api-invalid-stability-level',
      'ERR',
      ['none', 'paths', 'lifecycle', 'change'],
      'An x-stability-level is not one of draft, alpha, beta or stable',
    ),
    oasdiffRule('request-property-stability-decreased', 'ERR', [...REQUEST, 'decrease'], "A request body property's x-stability-level went down"),
    oasdiffRule('response-property-stability-decreased', 'ERR', [...RESPONSE, 'decrease'], "A response body property's x-stability-level went down"),
    oasdiffRule(
      'request-property-deprecated-sunset-missing',
      'ERR',
      [...REQUEST, 'change'],
      'A request body property was deprecated without an x-sunset date under a deprecation policy',
    ),
    oasdiffRule(
      'request-property-deprecated-sunset-invalid',
      'ERR',
      [...REQUEST, 'change'],
      'A request body property was deprecated with an x-sunset that is not a date',
    ),
    oasdiffRule(
      'request-property-sunset-date-too-small',
      'ERR',
      [...REQUEST, 'change'],
      'A request body property was deprecated with an x-sunset closer than the deprecation policy allows',
    ),
    oasdiffRule(
      'response-property-deprecated-sunset-missing',
      'ERR',
      [...RESPONSE, 'change'],
      'A response body property was deprecated without an x-sunset date under a deprecation policy',
    ),
    oasdiffRule(
      'response-property-deprecated-sunset-invalid',
      'ERR',
      [...RESPONSE, 'change'],
      'A response body property was deprecated with an x-sunset that is not a date',
    ),
    oasdiffRule(
      'response-property-sunset-date-too-small',
      'ERR',
      [...RESPONSE, 'change'],
      'A response body property was deprecated with an x-sunset closer than the deprecation policy allows',
    ),
  ],
  check(pair, report) {
    operationStability(pair, report);
  },
  sites(pair, report) {
    return (site) => {
      if (site.subject !== 'property' || !site.nested) return;
      // oasdiff skips the property checks of an operation whose own stability level cannot be read.
      if ('invalid' in stabilityOfOperation(pair.head.set, site.operation)) return;
      propertyStability(pair, report, site);
      propertyDeprecation(pair, report, site);
    };
  },
};

type Stability = { level: string } | { invalid: string };

/** An x-stability-level as oasdiff reads it: absent (or null) is stable; a string must be one of the four levels. */
export function stabilityOf(node: SpecNode | undefined): Stability {
  if (node === undefined || (isScalar(node) && (node.value === null || node.value === undefined))) return { level: 'stable' };
  if (!isScalar(node) || typeof node.value !== 'string') return { invalid: "x-stability-level isn't a string nor valid json" };
  const value = node.value;
  return (STABILITY_LEVELS as readonly string[]).includes(value)
    ? { level: value }
    : { invalid: `value is not one of ${STABILITY_LEVELS.slice(0, 3).join(', ')} or ${STABILITY_LEVELS[3]}: ${JSON.stringify(value)}` };
}

/** An operation's x-stability-level as oasdiff reads it. */
export function stabilityOfOperation(set: SpecSet, operation: Operation): Stability {
  const at = operationLocated(set, operation);
  return stabilityOf(at && (pairOf(at.node, 'x-stability-level')?.value as SpecNode | undefined));
}

/** The operation object as written at its method key. */
function operationNode(operation: Operation): SpecNode | undefined {
  return pairOf(operation.pathItem.source.node, operation.method.toLowerCase())?.value as SpecNode | undefined;
}

function stabilityPlace(at: Located | undefined, fallback: Place): Place {
  const pair = at && pairOf(at.node, 'x-stability-level');
  return pair && at ? placeOf(at.file, pair.value as SpecNode) : fallback;
}

/** oasdiff leaves out the deprecation checks of an operation whose x-stability-level it cannot read (that level is
 *  api-invalid-stability-level's finding). */
export function stabilityUnreadable(set: SpecSet, operation: Operation): boolean {
  const at = operationLocated(set, operation);
  return 'invalid' in stabilityOf(at && (pairOf(at.node, 'x-stability-level')?.value as SpecNode | undefined));
}

function operationLocated(set: SpecSet, operation: Operation): Located | undefined {
  const node = operationNode(operation);
  return node ? set.resolve({ file: operation.pathItem.source.file, node }) : undefined;
}

function invalidLevel(report: FamilyReport, operation: Pick<Operation, 'method' | 'path'>, place: Place, reason: string, base?: Place): void {
  report.finding({ rule: 'api-invalid-stability-level', place, text: `failed to parse stability level: ${quoted(reason)}`, operation, base });
}

/** Operations on both sides (before the threshold, as oasdiff's stability policy runs), and removed ones. */
function operationStability(pair: ModelPair, report: FamilyReport): void {
  for (const { base, head } of pair.allOperations) {
    const baseAt = operationLocated(pair.base.set, base);
    const headAt = operationLocated(pair.head.set, head);
    const before = stabilityOf(baseAt && (pairOf(baseAt.node, 'x-stability-level')?.value as SpecNode | undefined));
    const after = stabilityOf(headAt && (pairOf(headAt.node, 'x-stability-level')?.value as SpecNode | undefined));
    const headPlace = stabilityPlace(headAt, head.place);
    if ('invalid' in before || 'invalid' in after) {
      // oasdiff reads the levels of changed operations only.
      if (!baseAt || !headAt || sameResolved(pair.base.set, baseAt, pair.head.set, headAt)) continue;
      if ('invalid' in before) invalidLevel(report, head, headPlace, before.invalid, stabilityPlace(baseAt, base.place));
      if ('invalid' in after) invalidLevel(report, head, headPlace, after.invalid, stabilityPlace(baseAt, base.place));
      continue;
    }
    if (stabilityRank(after.level) >= stabilityRank(before.level) || !isInStabilityScope({ stability: before.level }, pair.options.stabilityLevel)) continue;
    report.finding({
      rule: 'api-stability-decreased',
      place: headPlace,
      text: `endpoint stability level decreased from ${quoted(before.level)} to ${quoted(after.level)}`,
      operation: head,
      base: stabilityPlace(baseAt, base.place),
      ...revertLevel(headAt, before.level, after.level),
    });
  }
  // A removed operation whose level cannot be read is reported too, where it was removed.
  const removedFrom = (baseItems: Map<string, Operation['pathItem']>, headItems: Map<string, Operation['pathItem']>, gone: Place) => {
    for (const [key, baseItem] of baseItems) {
      const headItem = headItems.get(key);
      for (const [method, operation] of baseItem.operations) {
        if (headItem?.operations.has(method)) continue;
        const at = operationLocated(pair.base.set, operation);
        const level = stabilityOf(at && (pairOf(at.node, 'x-stability-level')?.value as SpecNode | undefined));
        if ('invalid' in level) invalidLevel(report, operation, headItem?.place ?? gone, level.invalid, stabilityPlace(at, operation.place));
      }
    }
  };
  removedFrom(pair.base.paths, pair.head.paths, pair.head.pathsPlace);
  removedFrom(new Map([...pair.base.webhooks].filter(([name]) => pair.head.webhooks.has(name))), pair.head.webhooks, pair.head.webhooksPlace);
}

function propertyStability(pair: ModelPair, report: FamilyReport, site: SchemaSite): void {
  if (extensionsOf(site.base) === extensionsOf(site.head)) return;
  const before = stabilityOf(pairOf(site.base.node, 'x-stability-level')?.value as SpecNode | undefined);
  const after = stabilityOf(pairOf(site.head.node, 'x-stability-level')?.value as SpecNode | undefined);
  const headPlace = stabilityPlace(site.head, keywordPlace(site.head, 'x-stability-level'));
  const basePlace = stabilityPlace(site.base, keywordPlace(site.base, 'x-stability-level'));
  if ('invalid' in before) return invalidLevel(report, site.operation, headPlace, before.invalid, basePlace);
  if ('invalid' in after) return invalidLevel(report, site.operation, headPlace, after.invalid, basePlace);
  if (stabilityRank(after.level) >= stabilityRank(before.level) || !isInStabilityScope({ stability: before.level }, pair.options.stabilityLevel)) return;
  report.finding({
    rule: `${site.direction}-property-stability-decreased`,
    place: headPlace,
    text: `${site.direction} property ${quoted(site.propertyName ?? '')} stability level decreased from ${quoted(before.level)} to ${quoted(after.level)}`,
    operation: site.operation,
    base: basePlace,
    ...revertLevel(site.head, before.level, after.level),
  });
}

/** "Revert to the base value" when the head writes the lowered level (the finding is on that value). */
function revertLevel(head: Located | undefined, from: string, to: string): { fixData?: FixData } {
  return head && pairOf(head.node, 'x-stability-level') ? { fixData: { revert: 'value', keyword: 'x-stability-level', from: to, to: from } } : {};
}

function propertyDeprecation(pair: ModelPair, report: FamilyReport, site: SchemaSite): void {
  const deprecated = (side: 'base' | 'head') => site.nested?.property?.[side].deprecated ?? isTrueAt(site[side], 'deprecated');
  if (deprecated('base') || !deprecated('head')) return;
  const name = quoted(site.propertyName ?? '');
  const what = `${site.direction} property ${name}`;
  const say = (rule: string, place: Place, text: string) =>
    report.finding({ rule: `${site.direction}-${rule}`, place, text, operation: site.operation, base: keywordPlace(site.base, 'deprecated') });
  const written = site.nested?.property?.head.schema;
  const sunsetNode = (pairOf(site.head.node, 'x-sunset') ?? (written && pairOf(written.node, 'x-sunset')))?.value as SpecNode | undefined;
  const sunsetPlace = keywordPlace(pairOf(site.head.node, 'x-sunset') || !written ? site.head : written, 'x-sunset');
  const days = deprecationDays(pair, site.operation);
  const sunset = readSunset(sunsetNode);
  if (sunset === undefined) {
    if (days > 0) say('property-deprecated-sunset-missing', keywordPlace(site.head, 'deprecated'), `${what} deprecated without sunset date`);
  } else if ('invalid' in sunset) {
    say(
      'property-deprecated-sunset-invalid',
      sunsetPlace,
      `${what} deprecated with invalid sunset date: ${quoted(`"${sunset.invalid}" is not a date (YYYY-MM-DD or RFC 3339)`)}`,
    );
  } else if (daysUntil(pair.today, sunset.date) < days) {
    say(
      'property-sunset-date-too-small',
      sunsetPlace,
      `${what} sunset date ${quoted(sunset.date)} is too small, must be at least ${quoted(days)} days from now`,
    );
  }
}

function isTrueAt(at: Located, key: string): boolean {
  const value = pairOf(at.node, key)?.value;
  return isScalar(value) && value.value === true;
}

/** The x-… keys of a schema and their values, to tell whether its extensions changed. */
function extensionsOf(at: Located): string {
  return pairs(at.node)
    .map((pair) => [scalarText(pair.key as SpecNode) ?? '', pair.value as { toJSON?: () => unknown } | null] as const)
    .filter(([key]) => key.startsWith('x-'))
    .map(([key, value]) => `${key}=${JSON.stringify(value?.toJSON?.() ?? value)}`)
    .sort()
    .join('\n');
}
