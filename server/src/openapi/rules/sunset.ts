// `x-sunset` dates, as oasdiff reads them: a full date or an RFC 3339 date-time (its date part), compared with today.
import { scalarText, type SpecNode } from '../document';
import type { Operation } from '../model';
import type { ModelPair } from './family';

export type Sunset = { date: string } | { invalid: string } | undefined;

export function readSunset(node: SpecNode | undefined): Sunset {
  if (node === undefined) return undefined;
  const text = scalarText(node);
  const match = text === undefined ? null : /^(\d{4}-\d{2}-\d{2})(?:$|[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})$)/.exec(text.trim());
  if (!match || Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`))) return { invalid: text ?? '(not a string)' };
  return { date: match[1] };
}

/** What removing a deprecated-or-not element means, as oasdiff decides it for operations and parameters. */
export type Removal = 'without-deprecation' | 'with-deprecation' | { beforeSunset: string } | { sunsetInvalid: string } | 'after-sunset';

export function removalOf(deprecated: boolean, sunsetNode: SpecNode | undefined, today: string): Removal {
  if (!deprecated) return 'without-deprecation';
  const sunset = readSunset(sunsetNode);
  if (sunset === undefined) return 'with-deprecation';
  if ('invalid' in sunset) return { sunsetInvalid: sunset.invalid };
  return today < sunset.date ? { beforeSunset: sunset.date } : 'after-sunset';
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Beta operations use the beta days; stable ones and those without a level the stable days; draft and alpha none. */
export function deprecationDays(pair: ModelPair, operation: Operation): number {
  if (operation.stability === 'beta') return pair.options.deprecationDaysBeta;
  if (operation.stability === 'draft' || operation.stability === 'alpha') return 0;
  return pair.options.deprecationDaysStable;
}

export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
