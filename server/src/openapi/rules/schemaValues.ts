// The schema value families (enums, types and formats, nullability, const and defaults), visited at every schema site of
// the one walk the checker makes: bodies, their properties, parameters and their properties, response headers.
import { pairs, scalarText, type SpecNode } from '../document';
import { schemaPair } from '../schemaFacts';
import type { Located } from '../specSet';
import { constAndDefault } from './constAndDefault';
import { enumValues } from './enumValues';
import type { CheckFamily } from './family';
import { nullability } from './nullability';
import { typeChanges } from './typeChanges';
import type { SiteContext } from './valueSites';

const ASPECTS = [enumValues, typeChanges, nullability, constAndDefault];

export const schemaValues: CheckFamily = {
  rules: ASPECTS.flatMap((aspect) => aspect.rules),
  sites(pair, report) {
    const context: SiteContext = { baseParameter: (site) => site.baseParameter };
    return (site) => {
      if (!mayDiffer(site.base, site.head)) return;
      const facts = schemaPair(pair.base.set, pair.head.set, site.base, site.head);
      for (const aspect of ASPECTS) aspect.visit(site, facts, report, context);
    };
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
