// Nullability, however it is written (`nullable: true`, Swagger 2.0's `x-nullable`, a "null" in a 3.1 type list, or a
// two-branch oneOf with a bare null branch): a request that no longer takes null rejects clients that send it; a
// response that may now be null surprises clients that never expected it. A pure wrap is this one finding, not a type
// change as well (see schemaFacts' claims).
import { nullabilityChange } from '../schemaFacts';
import { oasdiffRule, quoted } from './family';
import { atKeyword, parameterWords, propertyName, statusOf, type SiteAspect } from './valueSites';

export const nullability: SiteAspect = {
  rules: [
    oasdiffRule('request-body-became-not-nullable', 'ERR', ['request', 'schema', 'requiredness', 'change'], 'A request body schema no longer allows null'),
    oasdiffRule(
      'request-property-became-not-nullable',
      'ERR',
      ['request', 'schema', 'requiredness', 'change'],
      'A request body property no longer allows null',
    ),
    oasdiffRule(
      'request-parameter-became-not-nullable',
      'ERR',
      ['request', 'parameters', 'requiredness', 'change'],
      'A request parameter no longer allows null',
    ),
    oasdiffRule(
      'request-parameter-property-became-not-nullable',
      'ERR',
      ['request', 'parameters', 'requiredness', 'change'],
      'A property of an object-typed request parameter no longer allows null',
    ),
    oasdiffRule('response-body-became-nullable', 'ERR', ['response', 'schema', 'requiredness', 'change'], 'A response body schema may now be null'),
    oasdiffRule('response-property-became-nullable', 'ERR', ['response', 'schema', 'requiredness', 'change'], 'A response property may now be null'),
    oasdiffRule('response-header-became-nullable', 'ERR', ['response', 'headers', 'requiredness', 'change'], 'A response header may now be null'),
  ],
  visit(site, pair, report) {
    const change = nullabilityChange(pair);
    if (!change) return;
    const at = (rule: string, text: string) => report.finding(atKeyword(site, rule, text, change.keyword));
    const parameter = parameterWords(site);
    const name = quoted(propertyName(site));
    if (site.direction === 'request' && change.to === 'not-nullable') {
      if (site.subject === 'body') at('request-body-became-not-nullable', "the request's body became not nullable");
      else if (site.subject === 'property') at('request-property-became-not-nullable', `the request property ${name} became not nullable`);
      else if (site.subject === 'parameter')
        at('request-parameter-became-not-nullable', `the ${parameter.in} request parameter ${parameter.name} became not nullable`);
      else if (site.subject === 'parameter-property')
        at(
          'request-parameter-property-became-not-nullable',
          `the ${name} property of the ${parameter.in} request parameter ${parameter.name} became not nullable`,
        );
    } else if (site.direction === 'response' && change.to === 'nullable') {
      if (site.subject === 'body') at('response-body-became-nullable', "the response's body became nullable");
      else if (site.subject === 'property')
        at('response-property-became-nullable', `the response property ${name} became nullable for the status ${statusOf(site)}`);
      else if (site.subject === 'header')
        at('response-header-became-nullable', `the response header ${quoted(site.header?.name ?? '')} became nullable for the status ${statusOf(site)}`);
    }
  },
};
