// Every place where a base schema and a head schema of one operation meet, so that a check about a schema keyword
// (a constraint, an enum, a type, a 3.1 subschema) is written once and runs on request and response bodies, their
// properties, parameters, the properties of object-typed parameters, and response headers.
import type { Steps } from '../engine/slices';
import type { OperationPair } from './rules/family';
import { pairOf, type SpecNode } from './document';
import { placeOf, type MediaType, type Operation, type Parameter, type Place, type Response, type ResponseHeader } from './model';
import { pairMediaTypes } from './mediaTypes';
import { schemasDiffer } from './schemaFacts';
import { compareSchemas, fullName, type NestedPair } from './schemaPairs';
import type { Located, SpecSet } from './specSet';

export type SchemaSubject =
  /** A request or response media type's schema itself. */
  | 'body'
  /** Anything below a body schema: a property, `items`, a subschema (oasdiff's "property"). */
  | 'property'
  /** A parameter's schema (Swagger 2.0: the parameter). */
  | 'parameter'
  /** Anything below a parameter's schema. */
  | 'parameter-property'
  /** A response header's schema. */
  | 'header';

export interface SchemaSite {
  direction: 'request' | 'response';
  subject: SchemaSubject;
  /** The head operation. */
  operation: Operation;
  /** Resolved schemas: the keywords are read here, and the head one is where a finding is shown. */
  base: Located;
  head: Located;
  /** For 'property' and 'parameter-property': oasdiff's full property name (`a/b`, `items/`, `allOf[…]/c`). */
  propertyName?: string;
  /** The pair as the property walk saw it (path, name, property sides); absent at the top. */
  nested?: NestedPair;
  mediaType?: MediaType;
  /** oasdiff's " (media type: X)", which its body and property messages end with when more than one media type of the
   *  body (or response) changed; '' otherwise. */
  mediaTypeDetails?: string;
  /** The response (status) of a response body, property or header. */
  response?: Response;
  /** The head parameter of a 'parameter' or 'parameter-property' site, and the base one it is paired with. */
  parameter?: Parameter;
  baseParameter?: Parameter;
  header?: ResponseHeader;
}

export interface SchemaSiteSides {
  base: SpecSet;
  head: SpecSet;
}

/** Runs `walk`, which visits every site below the body schema `top` (its properties, items and subschemas), or does what
 *  it did for an earlier body schema pair met in the same circumstances; returns what `walk` returns. */
export type BelowBody = (top: SchemaSite, walk: () => boolean) => boolean;

/** Calls `visit` for every schema pair of the paired operations, yielding after each operation; returns false when some
 *  schema pair was too large to compare in full (the caller reports the operation as incomplete). */
export function* schemaSiteSteps(
  sets: SchemaSiteSides,
  operations: readonly OperationPair[],
  visit: (site: SchemaSite) => void,
  belowBody: BelowBody = (_top, walk) => walk(),
): Steps<boolean> {
  let complete = true;
  const walk = (top: Omit<SchemaSite, 'base' | 'head'>, base: Located | undefined, head: Located | undefined, nestedSubject?: SchemaSubject) => {
    const baseSchema = base && sets.base.resolve(base);
    const headSchema = head && sets.head.resolve(head);
    if (!baseSchema || !headSchema) return;
    const site = { ...top, base: baseSchema, head: headSchema };
    visit(site);
    // oasdiff compares a response header's own schema only.
    if (!nestedSubject) return;
    const walkBelow = () =>
      compareSchemas(sets.base, sets.head, baseSchema, headSchema, {
        nested(pair) {
          visit({ ...top, subject: nestedSubject, base: pair.base, head: pair.head, propertyName: fullName(pair.path, pair.name), nested: pair });
        },
      });
    complete = (top.subject === 'body' ? belowBody(site, walkBelow) : walkBelow()) && complete;
  };
  for (const { base, head } of operations) {
    const requestPairs = pairMediaTypes(base.requestBody?.content, head.requestBody?.content).paired;
    const requestDetails = detailsOf(sets, requestPairs);
    for (const [baseMedia, headMedia] of requestPairs) {
      walk(
        { direction: 'request', subject: 'body', operation: head, mediaType: headMedia, mediaTypeDetails: requestDetails(headMedia.name) },
        baseMedia.schema,
        headMedia.schema,
        'property',
      );
    }
    for (const [key, baseParameter] of base.parameters) {
      const headParameter = head.parameters.get(key);
      if (headParameter)
        walk(
          { direction: 'request', subject: 'parameter', operation: head, parameter: headParameter, baseParameter },
          baseParameter.schema,
          headParameter.schema,
          'parameter-property',
        );
    }
    for (const [status, baseResponse] of base.responses) {
      const headResponse = head.responses.get(status);
      if (!headResponse) continue;
      const responsePairs = pairMediaTypes(baseResponse.content, headResponse.content).paired;
      const responseDetails = detailsOf(sets, responsePairs);
      for (const [baseMedia, headMedia] of responsePairs) {
        walk(
          {
            direction: 'response',
            subject: 'body',
            operation: head,
            mediaType: headMedia,
            response: headResponse,
            mediaTypeDetails: responseDetails(headMedia.name),
          },
          baseMedia.schema,
          headMedia.schema,
          'property',
        );
      }
      for (const [name, baseHeader] of baseResponse.headers) {
        const headHeader = headResponse.headers.get(name);
        if (headHeader)
          walk({ direction: 'response', subject: 'header', operation: head, response: headResponse, header: headHeader }, baseHeader.schema, headHeader.schema);
      }
    }
    yield;
  }
  return complete;
}

/** oasdiff's media type detail for each media type of a body: named when more than one media type present on both sides
 *  has a schema that changed. Worked out only for bodies with more than one media type on both sides. */
function detailsOf(sets: SchemaSiteSides, paired: readonly (readonly [MediaType, MediaType])[]): (media: string) => string {
  if (paired.length < 2) return () => '';
  const changed = paired.filter(([baseMedia, headMedia]) => schemasDiffer(sets.base, baseMedia.schema, sets.head, headMedia.schema)).length;
  return (media) => (changed > 1 ? ` (media type: ${media})` : '');
}

/** Where a finding about a keyword of a schema is shown: on the keyword's key in that schema, else on the schema. */
export function keywordPlace(schema: Located, keyword: string): Place {
  const pair = pairOf(schema.node, keyword);
  return placeOf(schema.file, (pair?.key as SpecNode | undefined) ?? schema.node);
}
