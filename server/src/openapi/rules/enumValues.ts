// Enums: a request schema that had no enum and now has one rejects values it accepted; a value taken out of a request
// enum (or x-extensible-enum) is rejected from now on; a value added to a response property's enum may reach clients
// that do not know it (a warning). One finding per value, on the head's `enum` (or the schema, when it is gone).
import { child, isSeq, items, scalarText } from '../document';
import { claimedAt, goText, keywordValue, sameValue, type SchemaPair } from '../schemaFacts';
import type { SchemaSite } from '../schemaSites';
import { oasdiffRule, quoted, type FamilyReport } from './family';
import { atKeyword, headReadOnly, headWriteOnly, parameterWords, propertyName, statusOf, type SiteAspect } from './valueSites';

const REQUEST_SCHEMA = ['request', 'schema', 'values'];
const REQUEST_PARAMETERS = ['request', 'parameters', 'values'];

export const enumValues: SiteAspect = {
  rules: [
    oasdiffRule('request-body-became-enum', 'ERR', [...REQUEST_SCHEMA, 'change'], 'A request body schema was restricted to an enum'),
    oasdiffRule('request-property-became-enum', 'ERR', [...REQUEST_SCHEMA, 'change'], 'A request body property was restricted to an enum'),
    oasdiffRule('request-parameter-became-enum', 'ERR', [...REQUEST_PARAMETERS, 'change'], 'A request parameter was restricted to an enum'),
    oasdiffRule(
      'request-header-property-became-enum',
      'ERR',
      [...REQUEST_PARAMETERS, 'change'],
      'A request header (or a property of an object-typed one) was restricted to an enum',
    ),
    oasdiffRule('request-body-enum-value-removed', 'ERR', [...REQUEST_SCHEMA, 'remove'], 'A value was removed from the enum of a request body schema'),
    oasdiffRule('request-property-enum-value-removed', 'ERR', [...REQUEST_SCHEMA, 'remove'], 'A value was removed from the enum of a request body property'),
    oasdiffRule('request-parameter-enum-value-removed', 'ERR', [...REQUEST_PARAMETERS, 'remove'], 'A value was removed from the enum of a request parameter'),
    oasdiffRule(
      'request-parameter-property-enum-value-removed',
      'ERR',
      [...REQUEST_PARAMETERS, 'remove'],
      'A value was removed from the enum of a property of an object-typed request parameter',
    ),
    oasdiffRule(
      'request-parameter-x-extensible-enum-value-removed',
      'ERR',
      [...REQUEST_PARAMETERS, 'remove'],
      'A value was removed from the x-extensible-enum of a request parameter',
    ),
    oasdiffRule(
      'request-property-x-extensible-enum-value-removed',
      'ERR',
      [...REQUEST_SCHEMA, 'remove'],
      'A value was removed from the x-extensible-enum of a request body property',
    ),
    oasdiffRule('response-property-enum-value-added', 'WARN', ['response', 'schema', 'values', 'add'], 'A value was added to the enum of a response property'),
  ],
  visit(site, pair, report) {
    const baseEnum = enumOf(pair, 'base');
    const headEnum = enumOf(pair, 'head');
    if (site.direction === 'request') {
      if (baseEnum === undefined && headEnum !== undefined) becameEnum(site, pair, report);
      if (baseEnum !== undefined) {
        const removed = baseEnum.filter((value) => !(headEnum ?? []).some((other) => sameValue(value, other)));
        for (const value of removed) valueRemoved(site, pair, report, value);
      }
      extensibleRemoved(site, pair, report);
    } else if (site.subject === 'property' && headEnum !== undefined && !headWriteOnly(site) && !claimedAt(pair, 'values')) {
      for (const value of headEnum.filter((value) => !(baseEnum ?? []).some((other) => sameValue(value, other)))) {
        report.finding(
          atKeyword(
            site,
            'response-property-enum-value-added',
            `added the new ${quoted(goText(value))} enum value to the ${quoted(propertyName(site))} response property for the response status ${statusOf(site)}`,
            'enum',
          ),
        );
      }
    }
  },
};

function enumOf(pair: SchemaPair, side: 'base' | 'head'): unknown[] | undefined {
  const value = keywordValue(pair[side], 'enum');
  return Array.isArray(value) ? value : undefined;
}

function becameEnum(site: SchemaSite, pair: SchemaPair, report: FamilyReport): void {
  const at = (rule: string, text: string) => report.finding(atKeyword(site, rule, text, 'enum'));
  const parameter = parameterWords(site);
  const header = site.parameter?.in === 'header';
  switch (site.subject) {
    case 'body':
      at('request-body-became-enum', 'request body was restricted to a list of enum values');
      break;
    case 'property':
      if (!claimedAt(pair, 'values'))
        at('request-property-became-enum', `request property ${quoted(propertyName(site))} was restricted to a list of enum values`);
      break;
    case 'parameter':
      if (!claimedAt(pair, 'values'))
        at('request-parameter-became-enum', `the ${parameter.in} request parameter ${parameter.name} was restricted to a list of enum values`);
      // oasdiff reports the header's own schema under the property ID too, with the property argument missing.
      if (header)
        at('request-header-property-became-enum', `the ${parameter.name} request header's property %!s(MISSING) was restricted to a list of enum values`);
      break;
    case 'parameter-property':
      if (header)
        at(
          'request-header-property-became-enum',
          `the ${parameter.name} request header's property ${quoted(propertyName(site))} was restricted to a list of enum values`,
        );
      break;
  }
}

function valueRemoved(site: SchemaSite, pair: SchemaPair, report: FamilyReport, value: unknown): void {
  const shown = quoted(goText(value));
  const parameter = parameterWords(site);
  const at = (rule: string, text: string) => report.finding(atKeyword(site, rule, text, 'enum'));
  switch (site.subject) {
    case 'body':
      at('request-body-enum-value-removed', `request body enum value removed ${shown}`);
      break;
    case 'property':
      // A read-only property's value is oasdiff's own (informational) ID.
      if (!headReadOnly(site) && !claimedAt(pair, 'values'))
        at('request-property-enum-value-removed', `removed the enum value ${shown} of the request property ${quoted(propertyName(site))}`);
      break;
    case 'parameter':
      if (!claimedAt(pair, 'values'))
        at('request-parameter-enum-value-removed', `removed the enum value ${shown} from the ${parameter.in} request parameter ${parameter.name}`);
      break;
    case 'parameter-property':
      if (!claimedAt(pair, 'values'))
        at(
          'request-parameter-property-enum-value-removed',
          `removed the enum value ${shown} from the property ${quoted(propertyName(site))} of the ${parameter.in} request parameter ${parameter.name}`,
        );
      break;
  }
}

/** x-extensible-enum lists of strings on both sides: the values the head no longer lists. */
function extensibleRemoved(site: SchemaSite, pair: SchemaPair, report: FamilyReport): void {
  if (site.subject !== 'parameter' && site.subject !== 'property') return;
  const strings = (side: 'base' | 'head') => {
    const node = child(pair[side].node, 'x-extensible-enum');
    return isSeq(node) ? items(node).map((item) => scalarText(item)) : undefined;
  };
  const before = strings('base');
  const after = strings('head');
  if (!before || !after || before.some((value) => value === undefined)) return;
  const removed = before.filter((value, index) => !after.includes(value) && before.indexOf(value) === index) as string[];
  for (const value of removed) {
    if (site.subject === 'parameter') {
      const parameter = parameterWords(site);
      report.finding(
        atKeyword(
          site,
          'request-parameter-x-extensible-enum-value-removed',
          `removed the x-extensible-enum value ${quoted(value)} from the ${parameter.in} request parameter ${parameter.name}`,
          'x-extensible-enum',
        ),
      );
    } else if (!headReadOnly(site) && !claimedAt(pair, 'values')) {
      report.finding(
        atKeyword(
          site,
          'request-property-x-extensible-enum-value-removed',
          `removed the x-extensible-enum value ${quoted(value)} of the request property ${quoted(propertyName(site))}`,
          'x-extensible-enum',
        ),
      );
    }
  }
}
