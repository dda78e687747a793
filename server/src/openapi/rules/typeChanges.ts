// Types and formats, judged with oasdiff's compatibility tables: a request must still accept every value it accepted
// (integer to number is fine, string to integer is not; any type reads as a string where the wire is text), a response
// must return only values it could return (integer to number is "generalized", an error). The list-of-types pattern (a
// type against a oneOf/anyOf of plain types) is its own pair of IDs: losing a type in a request, gaining one in a response.
import { child } from '../document';
import {
  claimedAt,
  isStronglyTyped,
  joinTypes,
  listOfTypesDiff,
  sameContract,
  typesOf,
  requestTypeFormatBreaking,
  responseTypeFormatBreaking,
  typeFormatDimension,
  typeFormatValue,
  typeOrFormatBreaking,
  typeSetWidened,
  type SchemaPair,
} from '../schemaFacts';
import type { SchemaSite } from '../schemaSites';
import { oasdiffRule, quoted, type FamilyReport } from './family';
import { atKeyword, headReadOnly, mediaTypeOf, parameterWords, propertyName, statusOf, type SiteAspect } from './valueSites';

const REQUEST_SCHEMA = ['request', 'schema', 'type'];
const REQUEST_PARAMETERS = ['request', 'parameters', 'type'];
const RESPONSE_SCHEMA = ['response', 'schema', 'type'];
const RESPONSE_HEADERS = ['response', 'headers', 'type'];

export const typeChanges: SiteAspect = {
  rules: [
    oasdiffRule('request-body-type-changed', 'ERR', [...REQUEST_SCHEMA, 'change'], 'The type or format of a request body schema changed incompatibly'),
    oasdiffRule('request-property-type-changed', 'ERR', [...REQUEST_SCHEMA, 'change'], 'The type or format of a request body property changed incompatibly'),
    oasdiffRule('request-parameter-type-changed', 'ERR', [...REQUEST_PARAMETERS, 'change'], 'The type or format of a request parameter changed incompatibly'),
    oasdiffRule(
      'request-parameter-property-type-changed',
      'WARN',
      [...REQUEST_PARAMETERS, 'change'],
      'The type or format of a property of an object-typed request parameter changed in a way that breaks some serializations',
    ),
    oasdiffRule(
      'request-parameter-property-type-specialized',
      'ERR',
      [...REQUEST_PARAMETERS, 'specialize'],
      'The type or format of a property of an object-typed request parameter was narrowed',
    ),
    oasdiffRule('response-body-type-changed', 'ERR', [...RESPONSE_SCHEMA, 'change'], 'The type or format of a response body schema changed incompatibly'),
    oasdiffRule('response-body-type-generalized', 'ERR', [...RESPONSE_SCHEMA, 'generalize'], 'The type or format of a response body schema was widened'),
    oasdiffRule('response-property-type-changed', 'ERR', [...RESPONSE_SCHEMA, 'change'], 'The type or format of a response property changed incompatibly'),
    oasdiffRule('response-property-type-generalized', 'ERR', [...RESPONSE_SCHEMA, 'generalize'], 'The type or format of a response property was widened'),
    oasdiffRule('response-header-type-changed', 'ERR', [...RESPONSE_HEADERS, 'change'], 'The type or format of a response header changed incompatibly'),
    oasdiffRule('response-header-type-generalized', 'ERR', [...RESPONSE_HEADERS, 'generalize'], 'The type or format of a response header was widened'),
    oasdiffRule(
      'request-body-list-of-types-narrowed',
      'ERR',
      [...REQUEST_SCHEMA, 'remove'],
      'A type was removed from the list of types a request body accepts',
    ),
    oasdiffRule(
      'request-property-list-of-types-narrowed',
      'ERR',
      [...REQUEST_SCHEMA, 'remove'],
      'A type was removed from the list of types a request body property accepts',
    ),
    oasdiffRule(
      'request-parameter-list-of-types-narrowed',
      'ERR',
      [...REQUEST_PARAMETERS, 'remove'],
      'A type was removed from the list of types a request parameter accepts',
    ),
    oasdiffRule(
      'request-parameter-property-list-of-types-narrowed',
      'ERR',
      [...REQUEST_PARAMETERS, 'remove'],
      'A type was removed from the list of types a property of an object-typed request parameter accepts',
    ),
    oasdiffRule('response-body-list-of-types-widened', 'ERR', [...RESPONSE_SCHEMA, 'add'], 'A type was added to the list of types a response body can be'),
    oasdiffRule(
      'response-property-list-of-types-widened',
      'ERR',
      [...RESPONSE_SCHEMA, 'add'],
      'A type was added to the list of types a response property can be',
    ),
  ],
  visit(site, pair, report) {
    if (pair.typeDiff || pair.formatDiff) typeOrFormat(site, pair, report);
    listOfTypes(site, pair, report);
  },
};

function typeOrFormat(site: SchemaSite, pair: SchemaPair, report: FamilyReport): void {
  if (claimedAt(pair, 'type')) return;
  const dimension = typeFormatDimension(pair);
  const from = quoted(typeFormatValue(pair.baseSet, pair.base, dimension));
  const to = quoted(typeFormatValue(pair.headSet, pair.head, dimension));
  const what = quoted(dimension);
  const keyword = pair.typeDiff ? 'type' : 'format';
  // Reverting one keyword undoes a change of type or of format; a change of both needs two.
  const at = (rule: string, text: string) => report.finding(atKeyword(site, rule, text, keyword, dimension !== 'type/format'));
  const strongly = isStronglyTyped(site.mediaType?.name);
  const parameter = parameterWords(site);
  const name = quoted(propertyName(site));
  switch (site.subject) {
    case 'body':
      if (site.direction === 'request') {
        if (requestTypeFormatBreaking(pair, strongly)) at('request-body-type-changed', `the request's body ${what} changed from ${from} to ${to}`);
      } else if (responseTypeFormatBreaking(pair, strongly)) {
        if (typeSetWidened(pair))
          at('response-body-type-generalized', `the response's body ${what} was widened from ${from} to ${to} for status ${statusOf(site)}`);
        else at('response-body-type-changed', `the response's body ${what} changed from ${from} to ${to} for status ${statusOf(site)}`);
      }
      break;
    case 'property':
      if (site.direction === 'request') {
        if (!headReadOnly(site) && requestTypeFormatBreaking(pair, strongly))
          at('request-property-type-changed', `the ${name} request property ${what} changed from ${from} to ${to}`);
      } else if (responseTypeFormatBreaking(pair, strongly)) {
        if (typeSetWidened(pair))
          at('response-property-type-generalized', `the ${name} response's property ${what} was widened from ${from} to ${to} for status ${statusOf(site)}`);
        else at('response-property-type-changed', `the ${name} response's property ${what} changed from ${from} to ${to} for status ${statusOf(site)}`);
      }
      break;
    case 'parameter':
      // A parameter's value is text on the wire: never strongly typed.
      if (typeOrFormatBreaking(pair.typeDiff, pair.formatDiff, false, pair.headTypes) && !scalarToFormExplodeArray(site, pair))
        at('request-parameter-type-changed', `for the ${parameter.in} request parameter ${parameter.name}, the ${what} was changed from ${from} to ${to}`);
      break;
    case 'parameter-property': {
      // How an object parameter is serialized is unknown: breaking both ways is an error, one way only a warning.
      const strict = typeOrFormatBreaking(pair.typeDiff, pair.formatDiff, true, pair.headTypes);
      const loose = typeOrFormatBreaking(pair.typeDiff, pair.formatDiff, false, pair.headTypes);
      const prefix = `for the ${parameter.in} request parameter ${parameter.name}, the ${what} of property ${name}`;
      if (strict !== loose) at('request-parameter-property-type-changed', `${prefix} was changed from ${from} to ${to}`);
      else if (strict) at('request-parameter-property-type-specialized', `${prefix} was narrowed from ${from} to ${to}`);
      break;
    }
    case 'header': {
      if (!responseTypeFormatBreaking(pair, false)) break;
      const header = quoted(site.header?.name ?? '');
      if (typeSetWidened(pair))
        at('response-header-type-generalized', `the ${header} response header's ${what} was widened from ${from} to ${to} for the status ${statusOf(site)}`);
      else at('response-header-type-changed', `the ${header} response header's ${what} changed from ${from} to ${to} for the status ${statusOf(site)}`);
      break;
    }
  }
}

/** A query or cookie parameter (form style, exploded: their default) that became an array of what it was: a single value
 *  is a one-element array on the wire, so nothing breaks. Only the default style is known here. */
function scalarToFormExplodeArray(site: SchemaSite, pair: SchemaPair): boolean {
  const location = site.parameter?.in;
  if (location !== 'query' && location !== 'cookie') return false;
  const withoutNull = (types: readonly string[]) => types.filter((type) => type !== 'null');
  const added = withoutNull(pair.typeDiff?.added ?? []);
  const baseTypes = withoutNull(pair.baseTypes);
  if (added.length !== 1 || added[0] !== 'array' || baseTypes.length === 0) return false;
  const itemsNode = child(pair.head.node, 'items');
  const itemsSchema = itemsNode && pair.headSet.resolve({ file: pair.head.file, node: itemsNode });
  if (!itemsSchema) return false;
  // The items take every value the scalar took: by type (text on the wire), and no other keyword narrows them.
  const to = withoutNull(typesOf(itemsSchema));
  const typeAccepted =
    (to.length === 1 && baseTypes.length === 1 && (to[0] === baseTypes[0] || (baseTypes[0] === 'integer' && to[0] === 'number'))) ||
    to.length === 0 ||
    (to.length === 1 && to[0] === 'string');
  return typeAccepted && sameContract(pair.baseSet, pair.base, pair.headSet, itemsSchema, ['type', 'nullable', 'x-nullable']);
}

function listOfTypes(site: SchemaSite, pair: SchemaPair, report: FamilyReport): void {
  const change = listOfTypesDiff(pair);
  if (!change || claimedAt(pair, 'type', 'list-of-types')) return;
  const keyword = ['oneOf', 'anyOf', 'type'].find((key) => child(pair.head.node, key) !== undefined) ?? 'type';
  const at = (rule: string, text: string) => report.finding(atKeyword(site, rule, text, keyword));
  const parameter = parameterWords(site);
  if (site.direction === 'request' && change.deleted.length > 0) {
    const types = quoted(joinTypes(change.deleted));
    if (site.subject === 'body')
      at('request-body-list-of-types-narrowed', `request body list-of-types was narrowed by removing types ${types} from media type ${mediaTypeOf(site)}`);
    else if (site.subject === 'property' && !headReadOnly(site))
      at(
        'request-property-list-of-types-narrowed',
        `request property ${quoted(propertyName(site))} list-of-types was narrowed by removing types ${types} from media type ${mediaTypeOf(site)}`,
      );
    else if (site.subject === 'parameter')
      at(
        'request-parameter-list-of-types-narrowed',
        `${parameter.in} request parameter ${parameter.name} list-of-types was narrowed by removing types ${types}`,
      );
    else if (site.subject === 'parameter-property')
      at(
        'request-parameter-property-list-of-types-narrowed',
        `property ${quoted(propertyName(site))} of ${parameter.in} request parameter ${parameter.name} list-of-types was narrowed by removing types ${types}`,
      );
  } else if (site.direction === 'response' && change.added.length > 0) {
    const types = quoted(joinTypes(change.added));
    if (site.subject === 'body')
      at(
        'response-body-list-of-types-widened',
        `response body list-of-types was widened by adding types ${types} to media type ${mediaTypeOf(site)} of response ${statusOf(site)}`,
      );
    else if (site.subject === 'property')
      at(
        'response-property-list-of-types-widened',
        `response property ${quoted(propertyName(site))} list-of-types was widened by adding types ${types} to media type ${mediaTypeOf(site)} of response ${statusOf(site)}`,
      );
  }
}
