// What every OpenAPI check family sees: the base and head models with their operations paired, and one way to report.
// A family is several oasdiff IDs decided in one pass (which ID a removal gets depends on deprecation and sunset).
import type { FixData } from '../../engine/finding';
import type { RuleMeta } from '../../engine/rule';
import type { ApiModel, Operation, Place } from '../model';
import type { SchemaSite } from '../schemaSites';

export interface OperationPair {
  base: Operation;
  head: Operation;
}

export interface ModelPair {
  base: ApiModel;
  head: ApiModel;
  /** Operations present on both sides (webhook operations too), in scope of the stability threshold. */
  operations: OperationPair[];
  /** Every operation present on both sides, whatever its stability: the stability checks run before the threshold. */
  allOperations: OperationPair[];
  /** Today's date (YYYY-MM-DD), to which sunset dates are compared as oasdiff does. */
  today: string;
  options: OpenapiOptions;
}

/** oasdiff's options, from `.graycheck.yaml`'s `openapi:` section, with oasdiff's defaults. */
export interface OpenapiOptions {
  /** The least number of days between deprecating a beta operation (or its parameter) and its sunset; 0: no policy. */
  deprecationDaysBeta: number;
  /** The same for stable operations (and those without a stability level). */
  deprecationDaysStable: number;
  /** oasdiff's --stability-level: operations below it (by default draft and alpha) are not compared. */
  stabilityLevel: StabilityLevel;
  /** oasdiff's --flatten-allof: the subschemas of an allOf are merged into one schema before comparing. */
  flattenAllOf: boolean;
  /** oasdiff's --flatten-params: path-level parameters count as parameters of each operation of the path. */
  flattenParams: boolean;
  /** oasdiff's --include-path-params: paths match by their template with its parameter names. */
  includePathParams: boolean;
  /** oasdiff's --match-inline-refs: an inline anyOf/oneOf branch and an equivalent $ref branch are the same branch. */
  matchInlineRefs: boolean;
  /** oasdiff's --case-insensitive-headers: header names compare (and are shown) lower-cased. */
  caseInsensitiveHeaders: boolean;
}

export type StabilityLevel = 'draft' | 'alpha' | 'beta' | 'stable';

export const DEFAULT_OPENAPI_OPTIONS: OpenapiOptions = {
  deprecationDaysBeta: 0,
  deprecationDaysStable: 0,
  stabilityLevel: 'beta',
  flattenAllOf: false,
  flattenParams: false,
  includePathParams: false,
  matchInlineRefs: true,
  caseInsensitiveHeaders: true,
};

export interface OpenapiFinding {
  rule: string;
  /** At head: the element that changed, or the nearest one that still exists. */
  place: Place;
  /** oasdiff's text, after "in API <METHOD> <path>". */
  text: string;
  /** The operation the finding is about; a components finding (a removed webhook) names its component instead. */
  operation?: Pick<Operation, 'method' | 'path'>;
  /** oasdiff's component (`webhooks`): the message starts "in components/<component>". */
  component?: string;
  base?: Place;
  fixData?: FixData;
  /** A schema finding oasdiff words without the " (media type: X)" its other body and property findings end with. */
  withoutMediaType?: boolean;
}

/** `incomplete` says that part of the description could not be compared, and why. */
export interface FamilyReport {
  finding(finding: OpenapiFinding): void;
  incomplete(reason: string): void;
}

/** A family decides its IDs in `check`, or per schema site in the visitor `sites` returns: every site-based family
 *  shares one walk over the schemas of the paired operations. */
export interface CheckFamily {
  rules: readonly RuleMeta[];
  check?(pair: ModelPair, report: FamilyReport): void;
  sites?(pair: ModelPair, report: FamilyReport): (site: SchemaSite) => void;
}

/** oasdiff's rule metadata: ERR is an error, WARN a warning; its tags (direction, area, kind, action) are the categories. */
export function oasdiffRule(id: string, level: 'ERR' | 'WARN', tags: readonly string[], summary: string): RuleMeta {
  return { id, kind: 'openapi', categories: tags, defaultSeverity: level === 'ERR' ? 'error' : 'warning', summary, sameAs: `oasdiff:${id}` };
}

/** An argument as oasdiff writes it into a message: in backquotes. */
export function quoted(value: string | number): string {
  return `\`${value}\``;
}
