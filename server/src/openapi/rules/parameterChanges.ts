// Request parameters: a new required one (or any new path parameter) breaks callers that do not send it; one that
// became required too. A removed parameter is a warning (some servers reject what they do not expect), an error while
// its x-sunset is ahead.
import { normalizeTemplate, restoreText } from '../model';
import { removalOf } from './sunset';
import { oasdiffRule, quoted, type CheckFamily } from './family';

export const parameterChanges: CheckFamily = {
  rules: [
    oasdiffRule(
      'new-required-request-parameter',
      'ERR',
      ['request', 'parameters', 'existence', 'add'],
      'A required query, header or cookie parameter was added to an operation',
    ),
    oasdiffRule('new-request-path-parameter', 'ERR', ['request', 'parameters', 'existence', 'add'], 'A path parameter was added to an operation'),
    oasdiffRule('request-parameter-became-required', 'ERR', ['request', 'parameters', 'requiredness', 'change'], 'A request parameter became required'),
    oasdiffRule('request-parameter-removed', 'WARN', ['request', 'parameters', 'existence', 'remove'], 'A request parameter was removed'),
    oasdiffRule(
      'request-parameter-removed-before-sunset',
      'ERR',
      ['request', 'parameters', 'existence', 'remove'],
      'A deprecated request parameter was removed before its x-sunset date',
    ),
    oasdiffRule(
      'request-parameter-sunset-parse',
      'ERR',
      ['request', 'parameters', 'lifecycle', 'change'],
      'A removed request parameter has an x-sunset that is not a date',
    ),
  ],
  check(pair, report) {
    for (const { base, head } of pair.operations) {
      const operation = head;
      for (const [key, parameter] of head.parameters) {
        const before = base.parameters.get(key);
        if (!before) {
          if (parameter.in === 'path')
            report.finding({
              rule: 'new-request-path-parameter',
              place: parameter.place,
              text: `added the new path request parameter ${quoted(parameter.name)}`,
              operation,
            });
          else if (parameter.required) {
            report.finding({
              rule: 'new-required-request-parameter',
              place: parameter.place,
              text: `added the new required ${quoted(parameter.in)} request parameter ${quoted(parameter.name)}`,
              operation,
            });
          }
        } else if (parameter.required && !before.required) {
          report.finding({
            rule: 'request-parameter-became-required',
            place: parameter.requiredPlace ?? parameter.place,
            text: `the ${quoted(parameter.in)} request parameter ${quoted(parameter.name)} became required`,
            operation,
            base: before.place,
            fixData: { revert: 'parameterRequired', in: parameter.in, name: parameter.name },
          });
        }
      }
      for (const [key, parameter] of base.parameters) {
        if (head.parameters.has(key)) continue;
        const removal = removalOf(parameter.deprecated, parameter.sunset, pair.today);
        const named = `${quoted(parameter.in)} request parameter ${quoted(parameter.name)}`;
        const fixData = {
          restore: 'parameter',
          in: parameter.in,
          name: parameter.name,
          method: base.method,
          template: normalizeTemplate(base.path),
          ...restoreText(parameter.source),
        };
        const finding = (rule: string, text: string) => report.finding({ rule, place: head.parametersPlace, text, operation, base: parameter.place, fixData });
        if (removal === 'without-deprecation') finding('request-parameter-removed', `deleted the ${named}`);
        else if (typeof removal === 'object' && 'beforeSunset' in removal)
          finding('request-parameter-removed-before-sunset', `deleted the ${named} before the sunset date ${quoted(removal.beforeSunset)}`);
        else if (typeof removal === 'object') {
          finding(
            'request-parameter-sunset-parse',
            `failed to parse sunset date for the ${named}: ${quoted(`"${removal.sunsetInvalid}" is not a date (YYYY-MM-DD or RFC 3339)`)}`,
          );
        }
      }
    }
  },
};
