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
  /** Operations present on both sides, in scope of the stability threshold. */
  operations: OperationPair[];
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
}

export interface OpenapiFinding {
  rule: string;
  /** At head: the element that changed, or the nearest one that still exists. */
  place: Place;
  /** oasdiff's text, after "in API <METHOD> <path>". */
  text: string;
  operation: Pick<Operation, 'method' | 'path'>;
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
