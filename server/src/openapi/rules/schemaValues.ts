// The schema value families (enums, types and formats, nullability, const and defaults) in one walk over every schema
// pair of the paired operations: bodies, their properties, parameters and their properties, response headers.
import { parameterKey, type Operation, type Parameter } from '../model';
import { schemaPair } from '../schemaFacts';
import { forEachSchemaSite } from '../schemaSites';
import { constAndDefault } from './constAndDefault';
import { enumValues } from './enumValues';
import type { CheckFamily } from './family';
import { nullability } from './nullability';
import { typeChanges } from './typeChanges';
import type { SiteContext } from './valueSites';

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
    const complete = forEachSchemaSite({ base: pair.base.set, head: pair.head.set }, pair.operations, (site) => {
      const facts = schemaPair(pair.base.set, pair.head.set, site.base, site.head);
      for (const aspect of ASPECTS) aspect.visit(site, facts, report, context);
    });
    if (!complete) report.incomplete('schemas too large to compare in full (more than 20,000 nested schemas)');
  },
};
