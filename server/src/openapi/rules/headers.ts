// Headers: a response header that was removed or stopped being required leaves clients that read it without it (an
// error when it was required, a warning when it was optional); a property of an object-typed request header that was
// added as required, or became required, must now be sent by every client.
import { compareSchemas, fullName, TOO_LARGE_REASON } from '../schemaPairs';
import { oasdiffRule, quoted, type CheckFamily } from './family';

const RESPONSE_HEADERS = ['response', 'headers'];
const REQUEST_HEADER = ['request', 'parameters'];

export const headers: CheckFamily = {
  rules: [
    oasdiffRule('required-response-header-removed', 'ERR', [...RESPONSE_HEADERS, 'existence', 'remove'], 'A required response header was removed'),
    oasdiffRule('optional-response-header-removed', 'WARN', [...RESPONSE_HEADERS, 'existence', 'remove'], 'An optional response header was removed'),
    oasdiffRule('response-header-became-optional', 'ERR', [...RESPONSE_HEADERS, 'requiredness', 'change'], 'A required response header became optional'),
    oasdiffRule(
      'new-required-request-header-property',
      'ERR',
      [...REQUEST_HEADER, 'existence', 'add'],
      'A required property was added to an object-typed request header',
    ),
    oasdiffRule(
      'request-header-property-became-required',
      'ERR',
      [...REQUEST_HEADER, 'requiredness', 'change'],
      'A property of an object-typed request header became required',
    ),
  ],
  check(pair, report) {
    for (const { base, head } of pair.operations) {
      const operation = head;
      for (const [status, baseResponse] of base.responses) {
        const headResponse = head.responses.get(status);
        if (!headResponse) continue;
        for (const [key, header] of baseResponse.headers) {
          const after = headResponse.headers.get(key);
          const named = quoted(header.name);
          if (!after) {
            const [rule, which] = header.required ? ['required-response-header-removed', 'mandatory'] : ['optional-response-header-removed', 'optional'];
            report.finding({
              rule,
              place: headResponse.headersPlace,
              text: `the ${which} response header ${named} removed for the status ${quoted(baseResponse.status)}`,
              operation,
              base: header.place,
            });
          } else if (header.required && !after.required) {
            report.finding({
              rule: 'response-header-became-optional',
              place: after.place,
              text: `the response header ${named} became optional for the status ${quoted(baseResponse.status)}`,
              operation,
              base: header.place,
            });
          }
        }
      }
      for (const [key, before] of base.parameters) {
        const parameter = head.parameters.get(key);
        if (!parameter || parameter.in !== 'header') continue;
        const header = quoted(parameter.name);
        const complete = compareSchemas(pair.base.set, pair.head.set, before.schema, parameter.schema, {
          added(path, property) {
            if (!property.required || property.readOnly) return;
            const name = quoted(fullName(path, property.name));
            report.finding({
              rule: 'new-required-request-header-property',
              place: property.place,
              text: `added the new required ${header} request header's property ${name}`,
              operation,
              base: before.place,
            });
            // Below the top, oasdiff also counts a new required property as one that became required.
            if (path !== '')
              report.finding({
                rule: 'request-header-property-became-required',
                place: property.place,
                text: `the ${header} request header's property ${name} became required`,
                operation,
                base: before.place,
              });
          },
          both(path, was, now) {
            if (!now.required || was.required || now.readOnly) return;
            report.finding({
              rule: 'request-header-property-became-required',
              place: now.place,
              text: `the ${header} request header's property ${quoted(fullName(path, now.name))} became required`,
              operation,
              base: was.place,
            });
          },
        });
        if (!complete) report.incomplete(TOO_LARGE_REASON);
      }
    }
  },
};
