// Media types that stay but change: a request media type that had no schema (anything was accepted) now has one; a
// response media type loses its schema (clients lose the contract); a response media type renamed to a more general
// one (application/problem+json to application/json) may now carry what clients do not expect.
import { isMediaTypeContained, pairMediaTypes, sameMediaTypeParameters } from '../mediaTypes';
import { oasdiffRule, quoted, type CheckFamily } from './family';

export const mediaTypeChanges: CheckFamily = {
  rules: [
    oasdiffRule(
      'request-body-media-type-schema-added',
      'ERR',
      ['request', 'requestBody', 'existence', 'add'],
      'A schema was added to a request media type that had none',
    ),
    oasdiffRule(
      'response-body-media-type-schema-removed',
      'WARN',
      ['response', 'responses', 'existence', 'remove'],
      'The schema of a response media type was removed',
    ),
    oasdiffRule(
      'response-media-type-name-generalized',
      'ERR',
      ['response', 'responses', 'type', 'generalize'],
      'A response media type was renamed to a more general one',
    ),
  ],
  check(pair, report) {
    for (const { base, head } of pair.operations) {
      const operation = head;
      for (const [before, after] of pairMediaTypes(base.requestBody?.content, head.requestBody?.content).paired) {
        if (before.schema || !after.schema) continue;
        report.finding({
          rule: 'request-body-media-type-schema-added',
          place: after.place,
          text: `added a schema to the media type ${quoted(after.name)} of the request body`,
          operation,
          base: before.place,
        });
      }
      for (const [status, baseResponse] of base.responses) {
        const headResponse = head.responses.get(status);
        if (!headResponse) continue;
        const forStatus = quoted(baseResponse.status);
        for (const [before, after] of pairMediaTypes(baseResponse.content, headResponse.content).paired) {
          if (before.schema && !after.schema)
            report.finding({
              rule: 'response-body-media-type-schema-removed',
              place: after.place,
              text: `removed the schema from the media type ${quoted(after.name)} for the response with the status ${forStatus}`,
              operation,
              base: before.place,
            });
          // Other parameters make it a changed media type, and a more specific one is fine (oasdiff's information).
          if (before.name === after.name || !sameMediaTypeParameters(before.name, after.name) || isMediaTypeContained(before.name, after.name)) continue;
          report.finding({
            rule: 'response-media-type-name-generalized',
            place: after.place,
            text: `media type ${quoted(before.name)} was changed to a more general media type ${quoted(after.name)} for the response status ${forStatus}`,
            operation,
            base: before.place,
          });
        }
      }
    }
  },
};
