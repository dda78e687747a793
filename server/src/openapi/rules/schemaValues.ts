// The schema value families (enums, types and formats, nullability, const and defaults) in one walk over every schema
// pair of the paired operations: bodies, their properties, parameters and their properties, response headers.
import { pairs, scalarText, type SpecNode } from '../document';
import { parameterKey, type MediaType, type Operation, type Parameter } from '../model';
import { schemaPair, schemasDiffer } from '../schemaFacts';
import { forEachSchemaSite, type SchemaSite } from '../schemaSites';
import type { Located } from '../specSet';
import { constAndDefault } from './constAndDefault';
import { enumValues } from './enumValues';
import type { CheckFamily } from './family';
import { nullability } from './nullability';
import { typeChanges } from './typeChanges';
import { withMediaTypeDetails, type SiteContext } from './valueSites';

const ASPECTS = [enumValues, typeChanges, nullability, constAndDefault];

export const schemaValues: CheckFamily = {
  rules: ASPECTS.flatMap((aspect) => aspect.rules),
  check(pair, report) {
    const baseOf = new Map<Operation, Operation>(pair.operations.map(({ base, head }) => [head, base]));
    const context: SiteContext = {
      baseParameter(site): Parameter | undefined {
        const head = site.parameter;
        const base = baseOf.get(site.operation);
        return head && base?.parameters.get(parameterKey(head, site.operation.path));
      },
    };
    // How many media types of a request body or response changed, worked out once per body or response that has a finding.
    const changedCounts = new Map<MediaType, number>();
    const details = (site: SchemaSite): string => {
      const media = site.mediaType;
      if (!media || (site.subject !== 'body' && site.subject !== 'property')) return '';
      let count = changedCounts.get(media);
      if (count === undefined) {
        const base = baseOf.get(site.operation);
        const baseContent = site.direction === 'request' ? base?.requestBody?.content : base?.responses.get(site.response?.status.toUpperCase() ?? '')?.content;
        const headContent = site.direction === 'request' ? site.operation.requestBody?.content : site.response?.content;
        count = 0;
        for (const [name, headMedia] of headContent ?? []) {
          const baseMedia = baseContent?.get(name);
          if (baseMedia && schemasDiffer(pair.base.set, baseMedia.schema, pair.head.set, headMedia.schema)) count++;
        }
        for (const headMedia of headContent?.values() ?? []) changedCounts.set(headMedia, count);
      }
      return count > 1 ? ` (media type: ${media.name})` : '';
    };
    let complete = true;
    withMediaTypeDetails(details, () => {
      complete = forEachSchemaSite({ base: pair.base.set, head: pair.head.set }, pair.operations, (site) => {
        if (!mayDiffer(site.base, site.head)) return;
        const facts = schemaPair(pair.base.set, pair.head.set, site.base, site.head);
        for (const aspect of ASPECTS) aspect.visit(site, facts, report, context);
      });
    });
    if (!complete) report.incomplete('schemas too large to compare in full (more than 20,000 nested schemas)');
  },
};

/** The keywords the value checks read from a schema itself; oneOf/anyOf also read the branches they reference. */
const WATCHED = new Set(['type', 'format', 'enum', 'const', 'default', 'nullable', 'x-nullable', 'x-extensible-enum']);

/** A quick filter (every schema pair of every operation comes by): the pair can only give a finding when a watched keyword
 *  is written differently, or when a oneOf/anyOf may lead elsewhere. */
function mayDiffer(base: Located, head: Located): boolean {
  const signature = (schema: Located): string | undefined => {
    let text = '';
    for (const entry of pairs(schema.node)) {
      const key = scalarText(entry.key as SpecNode);
      if (key === 'oneOf' || key === 'anyOf') return undefined;
      const range = (entry.value as SpecNode | null)?.range;
      if (key !== undefined && WATCHED.has(key)) text += `${key}\u0000${range ? schema.file.text.slice(range[0], range[1]) : ''}\u0000`;
    }
    return text;
  };
  const before = signature(base);
  if (before === undefined) return true;
  const after = signature(head);
  return after === undefined || before !== after;
}
