// The OpenAPI kind as the registry describes it, without loading its loader or rules (checker.ts adds those).
import { globsOption, type KindOption } from '../engine/config';
import type { KindDescription } from '../engine/kindOnDemand';
import { STABILITY_LEVELS } from './stabilityLevels';
import { DEFAULT_OPENAPI_OPTIONS, type OpenapiOptions } from './rules/family';

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
  // `files`: globs that narrow (or, for unusual extensions, widen) where descriptions are looked for; the others are
  // oasdiff's options with oasdiff's defaults: --deprecation-days-beta and --deprecation-days-stable (0: no deprecation
  // policy), --stability-level, --flatten-allof, --flatten-params, --include-path-params, --match-inline-refs and
  // --case-insensitive-headers.
  options: [
    globsOption('files'),
    daysOption('deprecationDaysBeta'),
    daysOption('deprecationDaysStable'),
    {
      key: 'stabilityLevel',
      default: DEFAULT_OPENAPI_OPTIONS.stabilityLevel,
      read: (value) =>
        typeof value === 'string' && (STABILITY_LEVELS as readonly string[]).includes(value) ? { value } : { mustBe: `one of ${STABILITY_LEVELS.join(', ')}` },
    },
    booleanOption('flattenAllOf'),
    booleanOption('flattenParams'),
    booleanOption('includePathParams'),
    booleanOption('matchInlineRefs'),
    booleanOption('caseInsensitiveHeaders'),
  ],
};

function booleanOption(key: keyof OpenapiOptions): KindOption {
  return { key, default: DEFAULT_OPENAPI_OPTIONS[key], read: (value) => (typeof value === 'boolean' ? { value } : { mustBe: 'true or false' }) };
}

function daysOption(key: string): KindOption {
  return {
    key,
    default: 0,
    read: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : { mustBe: 'a whole number of days (0 or more)' }),
  };
}
