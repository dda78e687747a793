// Response properties that clients relied on always getting: one that was required and is now optional may be missing,
// and a required one that stops being write-only is now returned where clients never saw it.
import { pairOf } from '../document';
import { pairMediaTypes } from '../mediaTypes';
import { compareSchemas, fullName, TOO_LARGE_REASON } from '../schemaPairs';
import { keywordPlace } from '../schemaSites';
import { oasdiffRule, quoted, type CheckFamily } from './family';

export const responseProperties: CheckFamily = {
  rules: [
    oasdiffRule('response-property-became-optional', 'ERR', ['response', 'schema', 'requiredness', 'change'], 'A required response property became optional'),
    oasdiffRule(
      'response-required-property-became-not-write-only',
      'WARN',
      ['response', 'schema', 'mutability', 'change'],
      'A required response property is no longer write-only',
    ),
  ],
  check(pair, report) {
    for (const { base, head } of pair.operations) {
      const operation = head;
      for (const [status, baseResponse] of base.responses) {
        const headResponse = head.responses.get(status);
        if (!headResponse) continue;
        const forStatus = `for the status ${quoted(baseResponse.status)}`;
        for (const [baseMedia, headMedia] of pairMediaTypes(baseResponse.content, headResponse.content).paired) {
          const complete = compareSchemas(pair.base.set, pair.head.set, baseMedia.schema, headMedia.schema, {
            both(path, before, after) {
              const name = quoted(fullName(path, after.name));
              // A write-only property is never returned: its becoming optional is oasdiff's information-level variant.
              // At the top oasdiff asks whether the head property is write-only, below it the base one.
              const writeOnly = path === '' ? after.writeOnly : before.writeOnly;
              if (before.required && !after.required && !writeOnly)
                report.finding({
                  rule: 'response-property-became-optional',
                  place: after.place,
                  text: `the response property ${name} became optional ${forStatus}`,
                  operation,
                  base: before.place,
                });
              if (before.required && before.writeOnly && !after.writeOnly) {
                // On `writeOnly: false` when the head says so, else on the property.
                const resolved = pair.head.set.resolve(after.schema) ?? after.schema;
                report.finding({
                  rule: 'response-required-property-became-not-write-only',
                  place: pairOf(resolved.node, 'writeOnly') ? keywordPlace(resolved, 'writeOnly') : after.place,
                  text: `the response required property ${name} became not write-only ${forStatus}`,
                  operation,
                  base: before.place,
                });
              }
            },
          });
          if (!complete) report.incomplete(TOO_LARGE_REASON);
        }
      }
    }
  },
};
