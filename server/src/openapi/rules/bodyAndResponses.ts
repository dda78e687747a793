// Request bodies and responses as wholes: a body that was removed, appeared as required or became required; a media
// type a body or a response no longer offers; a success status an operation no longer returns.
import { pairMediaTypes } from '../mediaTypes';
import { isSuccessStatus } from '../model';
import { oasdiffRule, quoted, type CheckFamily } from './family';

export const bodyAndResponses: CheckFamily = {
  rules: [
    oasdiffRule('request-body-removed', 'ERR', ['request', 'schema', 'existence', 'remove'], 'The request body of an operation was removed'),
    oasdiffRule('request-body-added-required', 'ERR', ['request', 'requestBody', 'existence', 'add'], 'An operation that had no request body now requires one'),
    oasdiffRule('request-body-became-required', 'ERR', ['request', 'requestBody', 'requiredness', 'change'], 'The request body became required'),
    oasdiffRule('request-body-media-type-removed', 'ERR', ['request', 'requestBody', 'existence', 'remove'], 'The request body no longer accepts a media type'),
    oasdiffRule(
      'response-success-status-removed',
      'ERR',
      ['response', 'responses', 'existence', 'remove'],
      'A success response status was removed from an operation',
    ),
    oasdiffRule('response-media-type-removed', 'ERR', ['response', 'responses', 'existence', 'remove'], 'A response no longer offers a media type'),
  ],
  check(pair, report) {
    for (const { base, head } of pair.operations) {
      const operation = head;
      if (base.requestBody && !head.requestBody) {
        report.finding({ rule: 'request-body-removed', place: head.place, text: 'removed the request body', operation, base: base.requestBody.place });
      } else if (!base.requestBody && head.requestBody?.required) {
        report.finding({ rule: 'request-body-added-required', place: head.requestBody.place, text: 'added required request body', operation });
      } else if (base.requestBody && head.requestBody) {
        if (head.requestBody.required && !base.requestBody.required) {
          report.finding({
            rule: 'request-body-became-required',
            place: head.requestBody.requiredPlace ?? head.requestBody.place,
            text: 'request body became required',
            operation,
            base: base.requestBody.place,
          });
        }
        // A media type renamed to an equivalent one (application/json to application/problem+json) is not removed.
        for (const mediaType of pairMediaTypes(base.requestBody.content, head.requestBody.content).removed) {
          const name = mediaType.name;
          report.finding({
            rule: 'request-body-media-type-removed',
            place: head.requestBody.contentPlace,
            text: `removed the media type ${quoted(name)} from the request body`,
            operation,
            base: mediaType.place,
          });
        }
      }
      for (const [status, response] of base.responses) {
        const after = head.responses.get(status);
        if (!after) {
          if (isSuccessStatus(status)) {
            report.finding({
              rule: 'response-success-status-removed',
              place: head.responsesPlace,
              text: `removed the success response with the status ${quoted(response.status)}`,
              operation,
              base: response.place,
            });
          }
          continue;
        }
        for (const mediaType of pairMediaTypes(response.content, after.content).removed) {
          const name = mediaType.name;
          report.finding({
            rule: 'response-media-type-removed',
            place: after.contentPlace,
            text: `removed the media type ${quoted(name)} for the response with the status ${quoted(response.status)}`,
            operation,
            base: mediaType.place,
          });
        }
      }
    }
  },
};
