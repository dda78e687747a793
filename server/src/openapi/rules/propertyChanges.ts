// Properties of request and response bodies, through $ref, items and composition: a request property that appeared as
// required or became required breaks callers that do not send it; a removed request property is a warning. A removed
// response property breaks readers that rely on it: an error when it was required (always returned), else a warning.
import { restoreText } from '../model';
import { compareSchemas, fullName, TOO_LARGE_REASON, type PropertySide } from '../schemaPairs';
import { oasdiffRule, quoted, type CheckFamily } from './family';
import { isWrappingEcho } from './structureSites';

const REQUEST = ['request', 'schema'];
const RESPONSE = ['response', 'schema'];

export const propertyChanges: CheckFamily = {
  rules: [
    oasdiffRule('new-required-request-property', 'ERR', [...REQUEST, 'existence', 'add'], 'A required property was added to a request body'),
    oasdiffRule(
      'new-required-request-property-with-default',
      'ERR',
      [...REQUEST, 'existence', 'add'],
      'A required property with a default value was added to a request body',
    ),
    oasdiffRule('request-property-became-required', 'ERR', [...REQUEST, 'requiredness', 'change'], 'A request body property became required'),
    oasdiffRule(
      'request-property-became-required-with-default',
      'ERR',
      [...REQUEST, 'requiredness', 'change'],
      'A request body property with a default value became required',
    ),
    oasdiffRule('request-property-removed', 'WARN', [...REQUEST, 'existence', 'remove'], 'A property was removed from a request body'),
    oasdiffRule('response-required-property-removed', 'ERR', [...RESPONSE, 'existence', 'remove'], 'A required property was removed from a response'),
    oasdiffRule('response-optional-property-removed', 'WARN', [...RESPONSE, 'existence', 'remove'], 'An optional property was removed from a response'),
  ],
  check(pair, report) {
    const incomplete = () => report.incomplete(TOO_LARGE_REASON);
    for (const { base, head } of pair.operations) {
      const operation = head;
      for (const [media, baseMedia] of base.requestBody?.content ?? []) {
        const headMedia = head.requestBody?.content.get(media);
        if (!headMedia) continue;
        const complete = compareSchemas(pair.base.set, pair.head.set, baseMedia.schema, headMedia.schema, {
          removed(path, property, headParent, baseParent) {
            if (property.readOnly || property.deprecated || isWrappingEcho(pair, baseParent, headParent, property.name)) return;
            const name = fullName(path, property.name);
            report.finding({
              rule: 'request-property-removed',
              place: headParent.propertiesPlace,
              text: `removed the request property ${quoted(name)}`,
              operation,
              base: property.place,
              fixData: restoreProperty(property),
            });
          },
          added(path, property, baseParent, headParent) {
            if (!property.required || property.readOnly || isWrappingEcho(pair, baseParent, headParent, property.name)) return;
            const name = quoted(fullName(path, property.name));
            if (property.hasDefault)
              report.finding({
                rule: 'new-required-request-property-with-default',
                place: property.place,
                text: `added the new required request property ${name} with a default value`,
                operation,
              });
            else
              report.finding({
                rule: 'new-required-request-property',
                place: property.place,
                text: `added the new required request property ${name}`,
                operation,
              });
          },
          both(path, before, after) {
            if (!after.required || before.required || after.readOnly) return;
            const name = quoted(fullName(path, after.name));
            if (after.hasDefault) {
              report.finding({
                rule: 'request-property-became-required-with-default',
                place: after.place,
                text: `the request property ${name} with a default value became required`,
                operation,
                base: before.place,
              });
            } else
              report.finding({
                rule: 'request-property-became-required',
                place: after.place,
                text: `the request property ${name} became required`,
                operation,
                base: before.place,
              });
          },
        });
        if (!complete) incomplete();
      }
      for (const [status, baseResponse] of base.responses) {
        const headResponse = head.responses.get(status);
        if (!headResponse) continue;
        for (const [media, baseMedia] of baseResponse.content) {
          const headMedia = headResponse.content.get(media);
          if (!headMedia) continue;
          const complete = compareSchemas(pair.base.set, pair.head.set, baseMedia.schema, headMedia.schema, {
            removed(path, property, headParent, baseParent) {
              if (property.writeOnly || property.deprecated || isWrappingEcho(pair, baseParent, headParent, property.name)) return;
              const name = quoted(fullName(path, property.name));
              const [rule, which] = property.required ? ['response-required-property-removed', 'required'] : ['response-optional-property-removed', 'optional'];
              report.finding({
                rule,
                place: headParent.propertiesPlace,
                text: `removed the ${which} property ${name} from the response with the ${quoted(baseResponse.status)} status`,
                operation,
                base: property.place,
                fixData: restoreProperty(property),
              });
            },
          });
          if (!complete) incomplete();
        }
      }
    }
  },
};

function restoreProperty(property: PropertySide) {
  return {
    restore: 'property',
    name: property.name,
    required: property.required,
    ...restoreText(property.source),
  };
}
