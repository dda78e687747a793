// Shared by the schema value families (enums, types, nullability, const and default): one walk over every schema pair of
// the paired operations (forEachSchemaSite), each family an aspect that looks at a pair and reports; and the names
// oasdiff's messages use for a site.
import type { RuleMeta } from '../../engine/rule';
import type { Parameter } from '../model';
import type { SchemaPair } from '../schemaFacts';
import { keywordPlace, type SchemaSite } from '../schemaSites';
import { child, isTrue, pairOf, type SpecNode } from '../document';
import type { Located } from '../specSet';
import { quoted, type FamilyReport, type OpenapiFinding } from './family';

export interface SiteAspect {
  rules: readonly RuleMeta[];
  visit(site: SchemaSite, pair: SchemaPair, report: FamilyReport, context: SiteContext): void;
}

export interface SiteContext {
  /** The base side's parameter of a parameter site. */
  baseParameter(site: SchemaSite): Parameter | undefined;
}

/** oasdiff's full property name (`a/b`, `items/`); '' at a body, parameter or header. */
export function propertyName(site: SchemaSite): string {
  return site.propertyName ?? '';
}

/** The property's own name, without its path ('' below `items` and other subschemas): some oasdiff messages use only this. */
export function shortName(site: SchemaSite): string {
  return site.nested?.name ?? '';
}

/** `query` request parameter `limit`, quoted as oasdiff quotes it. */
export function parameterWords(site: SchemaSite): { in: string; name: string } {
  return { in: quoted(site.parameter?.in ?? ''), name: quoted(site.parameter?.name ?? '') };
}

export function statusOf(site: SchemaSite): string {
  return quoted(site.response?.status ?? '');
}

export function mediaTypeOf(site: SchemaSite): string {
  return quoted(site.mediaType?.name ?? '');
}

export function headReadOnly(site: SchemaSite): boolean {
  return isTrue(child(site.head.node, 'readOnly')) || site.nested?.property?.head.readOnly === true;
}

export function headWriteOnly(site: SchemaSite): boolean {
  return isTrue(child(site.head.node, 'writeOnly')) || site.nested?.property?.head.writeOnly === true;
}

/** oasdiff appends ` (media type: …)` to a body or body property finding when more than one media type of that request
 *  body or response changed, except for these IDs (reported without the detail). */
const WITHOUT_DETAILS = new Set([
  'request-body-enum-value-removed',
  'request-body-list-of-types-narrowed',
  'request-property-list-of-types-narrowed',
  'response-body-list-of-types-widened',
  'response-property-list-of-types-widened',
]);

/** A finding on a keyword of the head schema (or the schema, when the keyword is gone), with the base's as related.
 *  With `revert`, a keyword written on one line on both sides offers "Revert to the base value" (the base's text). */
export function atKeyword(site: SchemaSite, rule: string, text: string, keyword: string, revert = false): OpenapiFinding {
  const finding: OpenapiFinding = { rule, text, place: keywordPlace(site.head, keyword), base: keywordPlace(site.base, keyword), operation: site.operation };
  if (WITHOUT_DETAILS.has(rule)) finding.withoutMediaType = true;
  const baseText = revert ? oneLineValue(site.base, keyword) : undefined;
  if (baseText !== undefined && oneLineValue(site.head, keyword) !== undefined) finding.fixData = { revert: 'keyword', keyword, text: baseText };
  return finding;
}

/** A keyword's value as written, when it is on one line (a scalar or a flow collection). */
export function oneLineValue(schema: Located, keyword: string): string | undefined {
  const value = pairOf(schema.node, keyword)?.value as SpecNode | undefined;
  const range = value?.range;
  if (!range) return undefined;
  const written = schema.file.text.slice(range[0], range[1]).trimEnd();
  return written === '' || written.includes('\n') ? undefined : written;
}
