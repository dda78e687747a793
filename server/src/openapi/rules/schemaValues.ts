// The schema value families (enums, types and formats, nullability, const and defaults), visited at every schema site of
// the one walk the checker makes: bodies, their properties, parameters and their properties, response headers.
import { schemaPair } from '../schemaFacts';
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
      const facts = schemaPair(pair.base.set, pair.head.set, site.base, site.head);
      for (const aspect of ASPECTS) aspect.visit(site, facts, report, context);
    };
  },
};
