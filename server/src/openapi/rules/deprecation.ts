// Deprecating an operation or a parameter under a deprecation policy (oasdiff's deprecation days, off by default): it
// must carry an x-sunset at least that many days ahead, keep it while it stays deprecated, and not move it closer
// than the policy allows. An x-sunset that is not a date is reported whatever the policy.
import type { Operation, Place } from '../model';
import { stabilityUnreadable } from './lifecycle';
import { daysUntil, deprecationDays, readSunset } from './sunset';
import { oasdiffRule, quoted, type CheckFamily, type ModelPair } from './family';

const OPERATION = ['none', 'paths', 'lifecycle', 'change'];
const PARAMETER = ['request', 'parameters', 'lifecycle', 'change'];

export const deprecation: CheckFamily = {
  rules: [
    oasdiffRule('api-deprecated-sunset-missing', 'ERR', OPERATION, 'An operation was deprecated without an x-sunset date under a deprecation policy'),
    oasdiffRule('api-deprecated-sunset-parse', 'ERR', OPERATION, 'An operation was deprecated with an x-sunset that is not a date'),
    oasdiffRule('api-sunset-date-too-small', 'ERR', OPERATION, 'An operation was deprecated with an x-sunset closer than the deprecation policy allows'),
    oasdiffRule('sunset-deleted', 'ERR', ['none', 'paths', 'lifecycle', 'remove'], 'The x-sunset of an operation that stays deprecated was removed'),
    oasdiffRule(
      'api-sunset-date-changed-too-small',
      'ERR',
      OPERATION,
      'The x-sunset of a deprecated operation moved closer than the deprecation policy allows',
    ),
    oasdiffRule(
      'request-parameter-deprecated-sunset-missing',
      'ERR',
      PARAMETER,
      'A request parameter was deprecated without an x-sunset date under a deprecation policy',
    ),
    oasdiffRule(
      'request-parameter-sunset-date-too-small',
      'ERR',
      PARAMETER,
      'A request parameter was deprecated with an x-sunset closer than the deprecation policy allows',
    ),
    oasdiffRule('request-parameter-sunset-deleted', 'ERR', PARAMETER, 'The x-sunset of a request parameter that stays deprecated was removed'),
    oasdiffRule(
      'request-parameter-sunset-date-changed-too-small',
      'ERR',
      PARAMETER,
      'The x-sunset of a deprecated request parameter moved closer than the deprecation policy allows',
    ),
  ],
  check(pair, report) {
    for (const { base, head } of pair.operations) {
      // No policy can be read for an operation whose stability level is not one of the four.
      const days = stabilityUnreadable(pair.head.set, head) ? undefined : deprecationDays(pair, head);
      const operation = head;
      const say = (rule: string, place: Place | undefined, text: string) =>
        report.finding({ rule, place: place ?? head.place, text, operation, base: base.place });
      lifecycleChange(pair, base, head, days, {
        sunsetMissing: () => say('api-deprecated-sunset-missing', head.lifecycle.deprecatedPlace, 'sunset date is missing for deprecated API'),
        sunsetInvalid: (value) => say('api-deprecated-sunset-parse', head.lifecycle.sunsetPlace, `failed to parse sunset date: ${invalidDate(value)}`),
        sunsetTooSoon: (date) =>
          say(
            'api-sunset-date-too-small',
            head.lifecycle.sunsetPlace,
            `sunset date ${quoted(date)} is too small, must be at least ${quoted(days ?? 0)} days from now`,
          ),
        sunsetDeleted: () => say('sunset-deleted', head.lifecycle.deprecatedPlace, 'api sunset date deleted, but deprecated=true kept'),
        // A changed sunset that cannot be read is reported under the path's ID, as oasdiff does.
        changedSunsetInvalid: (value) => say('api-path-sunset-parse', head.lifecycle.sunsetPlace, `failed to parse sunset date: ${invalidDate(value)}`),
        sunsetMovedTooSoon: (from, to) =>
          say(
            'api-sunset-date-changed-too-small',
            head.lifecycle.sunsetPlace,
            `api sunset date changed to an earlier date, from ${quoted(from)} to ${quoted(to)}, new sunset date must be not earlier than ${quoted(from)} and at least ${quoted(days ?? 0)} days from now`,
          ),
      });
      for (const [key, parameter] of head.parameters) {
        const before = base.parameters.get(key);
        if (!before) continue;
        const named = `${quoted(parameter.in)} request parameter ${quoted(parameter.name)}`;
        const sayParameter = (rule: string, place: Place | undefined, text: string) =>
          report.finding({ rule, place: place ?? parameter.place, text, operation, base: before.place });
        lifecycleChange(pair, before, parameter, days, {
          sunsetMissing: () =>
            sayParameter('request-parameter-deprecated-sunset-missing', parameter.lifecycle.deprecatedPlace, `${named} was deprecated without sunset date`),
          sunsetInvalid: (value) =>
            sayParameter(
              'request-parameter-sunset-parse',
              parameter.lifecycle.sunsetPlace,
              `failed to parse sunset date for the ${named}: ${invalidDate(value)}`,
            ),
          sunsetTooSoon: (date) =>
            sayParameter(
              'request-parameter-sunset-date-too-small',
              parameter.lifecycle.sunsetPlace,
              `${named} sunset date ${quoted(date)} is too small, must be at least ${quoted(days ?? 0)} days from now`,
            ),
          sunsetDeleted: () =>
            sayParameter('request-parameter-sunset-deleted', parameter.lifecycle.deprecatedPlace, `${named} sunset date deleted, but deprecated=true kept`),
          changedSunsetInvalid: (value) =>
            sayParameter(
              'request-parameter-sunset-parse',
              parameter.lifecycle.sunsetPlace,
              `failed to parse sunset date for the ${named}: ${invalidDate(value)}`,
            ),
          sunsetMovedTooSoon: (from, to) =>
            sayParameter(
              'request-parameter-sunset-date-changed-too-small',
              parameter.lifecycle.sunsetPlace,
              `${named} sunset date changed to an earlier date, from ${quoted(from)} to ${quoted(to)}, new sunset date must be not earlier than ${quoted(from)} and at least ${quoted(days ?? 0)} days from now`,
            ),
        });
      }
    }
  },
};

interface Deprecatable {
  deprecated: boolean;
  sunset: Operation['sunset'];
}

interface LifecycleFindings {
  sunsetMissing(): void;
  sunsetInvalid(value: string): void;
  sunsetTooSoon(date: string): void;
  sunsetDeleted(): void;
  changedSunsetInvalid(value: string): void;
  sunsetMovedTooSoon(from: string, to: string): void;
}

/** What deprecating (or re-dating) one element means, in the order oasdiff decides it. `days` is undefined when the
 *  operation's stability level cannot be read: a new deprecation is then not judged, nor a sunset moved closer. */
function lifecycleChange(pair: ModelPair, base: Deprecatable, head: Deprecatable, days: number | undefined, findings: LifecycleFindings): void {
  if (!head.deprecated) return;
  const headSunset = readSunset(head.sunset);
  if (!base.deprecated) {
    if (days === undefined) return;
    if (headSunset === undefined) {
      if (days > 0) findings.sunsetMissing();
    } else if ('invalid' in headSunset) findings.sunsetInvalid(headSunset.invalid);
    else if (daysUntil(pair.today, headSunset.date) < days) findings.sunsetTooSoon(headSunset.date);
    return;
  }
  const baseSunset = readSunset(base.sunset);
  if (baseSunset !== undefined && headSunset === undefined) {
    findings.sunsetDeleted();
    return;
  }
  if (baseSunset === undefined || headSunset === undefined || sameSunset(base, head)) return;
  if ('invalid' in headSunset) return findings.changedSunsetInvalid(headSunset.invalid);
  if ('invalid' in baseSunset) return findings.changedSunsetInvalid(baseSunset.invalid);
  if (days !== undefined && baseSunset.date > headSunset.date && daysUntil(pair.today, headSunset.date) < days)
    findings.sunsetMovedTooSoon(baseSunset.date, headSunset.date);
}

function sameSunset(base: Deprecatable, head: Deprecatable): boolean {
  return (base.sunset as { value?: unknown } | undefined)?.value === (head.sunset as { value?: unknown } | undefined)?.value;
}

function invalidDate(value: string): string {
  return quoted(`"${value}" is not a date (YYYY-MM-DD or RFC 3339)`);
}
