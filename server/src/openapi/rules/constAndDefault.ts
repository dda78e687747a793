// `const` and parameter defaults. A const put on (or changed in) a request schema rejects every other value clients
// send; a response const changed or dropped returns values clients did not expect. An optional request parameter's
// default is what the server assumes when it is left out: adding, changing or removing it changes what such a request
// means. Values are written as oasdiff writes them (numbers with two decimals).
import type { Parameter } from '../model';
import { claimedAt, goText, keywordValue, sameValue } from '../schemaFacts';
import { oasdiffRule, quoted } from './family';
import { atKeyword, mediaTypeOf, parameterWords, shortName, statusOf, type SiteAspect } from './valueSites';

const REQUEST = ['request', 'schema', 'values'];
const RESPONSE = ['response', 'schema', 'values'];
const PARAMETERS = ['request', 'parameters', 'values'];

export const constAndDefault: SiteAspect = {
  rules: [
    oasdiffRule('request-body-const-added', 'ERR', [...REQUEST, 'add'], 'A const was put on a request body schema'),
    oasdiffRule('request-body-const-changed', 'ERR', [...REQUEST, 'change'], 'The const of a request body schema changed'),
    oasdiffRule('request-property-const-added', 'ERR', [...REQUEST, 'add'], 'A const was put on a request body property'),
    oasdiffRule('request-property-const-changed', 'ERR', [...REQUEST, 'change'], 'The const of a request body property changed'),
    oasdiffRule('response-body-const-changed', 'ERR', [...RESPONSE, 'change'], 'The const of a response body schema changed'),
    oasdiffRule('response-body-const-removed', 'ERR', [...RESPONSE, 'remove'], 'The const of a response body schema was removed'),
    oasdiffRule('response-property-const-changed', 'ERR', [...RESPONSE, 'change'], 'The const of a response property changed'),
    oasdiffRule('response-property-const-removed', 'ERR', [...RESPONSE, 'remove'], 'The const of a response property was removed'),
    oasdiffRule('request-parameter-default-value-added', 'ERR', [...PARAMETERS, 'add'], 'An optional request parameter got a default value'),
    oasdiffRule('request-parameter-default-value-changed', 'ERR', [...PARAMETERS, 'change'], 'The default value of an optional request parameter changed'),
    oasdiffRule('request-parameter-default-value-removed', 'ERR', [...PARAMETERS, 'remove'], 'An optional request parameter lost its default value'),
  ],
  visit(site, pair, report, context) {
    const before = keywordValue(pair.base, 'const');
    const after = keywordValue(pair.head, 'const');
    if ((before !== undefined || after !== undefined) && !sameValue(before, after) && (site.subject === 'body' || site.subject === 'property')) {
      if (!claimedAt(pair, 'values')) {
        const from = quoted(goText(before));
        const to = quoted(goText(after));
        const body = site.subject === 'body';
        const at = (rule: string, text: string) => report.finding(atKeyword(site, rule, text, 'const', true));
        // oasdiff names a property here by its own name only, not its path.
        const name = quoted(shortName(site));
        if (site.direction === 'request') {
          if (before === undefined) {
            if (body) at('request-body-const-added', `the request body ${mediaTypeOf(site)} const value ${to} was added`);
            else at('request-property-const-added', `the ${name} request property const value ${to} was added`);
          } else if (after !== undefined) {
            if (body) at('request-body-const-changed', `the request body ${mediaTypeOf(site)} const value changed from ${from} to ${to}`);
            else at('request-property-const-changed', `the ${name} request property const value changed from ${from} to ${to}`);
          }
        } else if (before !== undefined) {
          const status = statusOf(site);
          if (after === undefined) {
            if (body) at('response-body-const-removed', `the response body ${mediaTypeOf(site)} const value ${from} was removed for the status ${status}`);
            else at('response-property-const-removed', `the ${name} response property const value ${from} was removed for the status ${status}`);
          } else if (body)
            at('response-body-const-changed', `the response body ${mediaTypeOf(site)} const value changed from ${from} to ${to} for the status ${status}`);
          else at('response-property-const-changed', `the ${name} response property const value changed from ${from} to ${to} for the status ${status}`);
        }
      }
    }
    if (site.subject === 'parameter') parameterDefault(site, pair, report, context);
  },
};

function parameterDefault(...[site, pair, report, context]: Parameters<typeof constAndDefault.visit>): void {
  // Optional on both sides, as written: a path parameter without `required: true` counts as optional here, as in oasdiff.
  const required = (parameter: Parameter | undefined) =>
    !parameter || (parameter.required && (parameter.in !== 'path' || parameter.requiredPlace !== undefined));
  if (required(site.parameter) || required(context.baseParameter(site))) return;
  const before = keywordValue(pair.base, 'default');
  const after = keywordValue(pair.head, 'default');
  if (sameValue(before, after)) return;
  const words = parameterWords(site);
  const named = `for the ${words.in} request parameter ${words.name}`;
  const at = (rule: string, text: string) => report.finding(atKeyword(site, rule, text, 'default', true));
  if (before === undefined) at('request-parameter-default-value-added', `${named}, default value ${quoted(goText(after))} was added`);
  else if (after === undefined) at('request-parameter-default-value-removed', `${named}, default value ${quoted(goText(before))} was removed`);
  else at('request-parameter-default-value-changed', `${named}, default value was changed from ${quoted(goText(before))} to ${quoted(goText(after))}`);
}
