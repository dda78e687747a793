// The OpenAPI kind as the registry describes it, without loading its loader or rules (checker.ts adds those).
import { globsOption, type KindOption } from '../engine/config';
import type { KindDescription } from '../engine/kindOnDemand';

export const SOURCES = ['**/*.yaml', '**/*.yml', '**/*.json'];

/** A root `openapi:` or `swagger:` key, in YAML or JSON: cheap enough to ask of every YAML and JSON file. The JSON form
 *  wants a string value; a file that matches but has no such root key is dropped once parsed. */
const ROOT_KEY = /^\uFEFF?["']?(?:openapi|swagger)["']?\s*:|"(?:openapi|swagger)"\s*:\s*"/m;

export function looksLikeOpenapi(text: string): boolean {
  return ROOT_KEY.test(text);
}

export const OPENAPI_KIND: KindDescription = {
  kind: 'openapi',
  title: 'OpenAPI',
  files: {
    sources: SOURCES,
    sourcesOption: 'files',
    recognizes: (_path, text) => looksLikeOpenapi(text),
    configuration: [],
    // A file a description references through $ref changes what the description means.
    sourceChange: 'dependents',
    languages: ['yaml', 'json'],
  },
  // `files`: globs that narrow (or, for unusual extensions, widen) where descriptions are looked for; the deprecation
  // days are oasdiff's --deprecation-days-beta and --deprecation-days-stable (0: no deprecation policy).
  options: [globsOption('files'), daysOption('deprecationDaysBeta'), daysOption('deprecationDaysStable')],
};

function daysOption(key: string): KindOption {
  return {
    key,
    default: 0,
    read: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : { mustBe: 'a whole number of days (0 or more)' }),
  };
}
