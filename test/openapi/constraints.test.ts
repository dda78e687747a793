// Numeric, length, item-count and pattern constraints on request bodies, their properties and parameters, and on response
// bodies and their properties: one description whose constrained places sit at fixed lines, each case changing one of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render, ruleCases, runRule } from '../support/ruleCases';
import { object, twoMediaTypes } from './valueSpecs';

/** The keywords written at each place (flow-mapping entries, or one block entry for the bodies); absent when undefined. */
interface Parts {
  version?: string;
  /** The query parameter `limit`'s schema (9:21). */
  param?: string;
  /** The request body schema (15:15). */
  body?: string;
  /** Its property `name` (17:25). */
  prop?: string;
  /** The 200 response's body schema (25:17). */
  rbody?: string;
  /** Its property `name` (27:27). */
  rprop?: string;
}

/** Two operations sharing a path item parameter `tags`, an array of at most `max` strings. */
const sharedTagsSpec = (max: number) =>
  `openapi: 3.0.3\ninfo: { title: Boxes, version: '1' }\npaths:\n  /boxes:\n    parameters:\n      - { name: tags, in: query, schema: { type: array, maxItems: ${max}, items: { type: string } } }\n    get:\n      responses: { '200': { description: ok } }\n    put:\n      responses: { '204': { description: stored } }\n`;

const spec = (p: Parts) => `openapi: ${p.version ?? '3.0.3'}
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      parameters:
        - name: limit
          in: query
          schema: { ${p.param ?? 'type: integer'} }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              ${p.body ?? 'description: a pet'}
              properties:
                name: { ${p.prop ?? 'type: string'} }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                ${p.rbody ?? 'description: a pet'}
                properties:
                  name: { ${p.rprop ?? 'type: string'} }
`;

/** The same API in Swagger 2.0: the query parameter carries its constraints itself, the body is an `in: body` parameter. */
const swagger = (p: Parts) => `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      parameters:
        - { name: limit, in: query, type: integer${p.param ? `, ${p.param}` : ''} }
        - name: pet
          in: body
          schema:
            type: object
            ${p.body ?? 'description: a pet'}
            properties:
              name: { ${p.prop ?? 'type: string'} }
      responses:
        200:
          description: ok
          schema:
            type: object
            ${p.rbody ?? 'description: a pet'}
            properties:
              name: { ${p.rprop ?? 'type: string'} }
`;

const jsonSpec = (maxLength: number) => ({
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1' },
  paths: {
    '/pets': { post: { parameters: [{ name: 'limit', in: 'query', schema: { maxLength, type: 'string' } }], responses: { '200': { description: 'ok' } } } },
  },
});

const change = (name: string, base: Parts, head: Parts, expect: string[] = []) => ({ name, base: spec(base), head: spec(head), expect });
const v31 = { version: '3.1.0' };
const op = 'in API POST /pets';

// maximum

ruleCases('request-body-max-decreased', [
  change('a lower maximum on the request body', { body: 'maximum: 10' }, { body: 'maximum: 5' }, [
    `15:15 ${op} the request's body max was decreased to \`5.00\``,
  ]),
  change('a higher maximum accepts more', { body: 'maximum: 5' }, { body: 'maximum: 10' }),
  change('a maximum dropped accepts more', { body: 'maximum: 5' }, {}),
]);

ruleCases('request-property-max-decreased', [
  {
    ...change('a lower maximum on a request property, reverted by its fix', { prop: 'maximum: 10' }, { prop: 'maximum: 5' }, [
      `17:25 ${op} the \`name\` request property's max was decreased to \`5.00\``,
    ]),
    fixTitles: ['Revert to the base value: maximum: 10'],
    fixed: spec({ prop: 'maximum: 10' }),
  },
  change('a read-only property is not sent (oasdiff: INFO)', { prop: 'maximum: 10, readOnly: true' }, { prop: 'maximum: 5, readOnly: true' }),
  {
    name: 'a property inside array items is named `items/…`',
    base: spec({}).replace('type: object\n              description: a pet', 'type: array\n              items: { properties: { size: { maximum: 9 } } }'),
    head: spec({}).replace('type: object\n              description: a pet', 'type: array\n              items: { properties: { size: { maximum: 3 } } }'),
    expect: [`15:46 ${op} the \`items/size\` request property's max was decreased to \`3.00\``],
  },
]);

ruleCases('request-parameter-max-decreased', [
  change('a lower maximum on a query parameter', { param: 'maximum: 100' }, { param: 'maximum: 50' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the max was decreased from \`100.00\` to \`50.00\``,
  ]),
  change('a higher maximum accepts more', { param: 'maximum: 50' }, { param: 'maximum: 100' }),
  {
    name: "a path item's own parameter: oasdiff compares it apart from the operations (without --flatten-params) and has no check for it",
    base: spec({}).replace(
      '    post:\n      parameters:',
      '    parameters:\n      - { name: offset, in: query, schema: { maximum: 100 } }\n    post:\n      parameters:',
    ),
    head: spec({}).replace(
      '    post:\n      parameters:',
      '    parameters:\n      - { name: offset, in: query, schema: { maximum: 50 } }\n    post:\n      parameters:',
    ),
    expect: [],
  },
]);

ruleCases('request-body-max-set', [
  change('a maximum where there was none', {}, { body: 'maximum: 10' }, [`15:15 ${op} the request's body max was set to \`10.00\``]),
  change('a maximum put on the response is not a request restriction', {}, { rbody: 'maximum: 10' }),
]);

ruleCases('request-property-max-set', [
  change('a maximum where there was none', {}, { prop: 'maximum: 10' }, [`17:25 ${op} the \`name\` request property's max was set to \`10.00\``]),
  change('a read-only property is not sent', { prop: 'readOnly: true' }, { prop: 'maximum: 10, readOnly: true' }),
]);

ruleCases('request-parameter-max-set', [
  change('a maximum where there was none', {}, { param: 'maximum: 10' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the max was set to \`10.00\``,
  ]),
  change('a maximum that was already there and is only changed is not "set"', { param: 'maximum: 20' }, { param: 'maximum: 10' }),
]);

ruleCases('response-body-max-increased', [
  change('a higher maximum in the response', { rbody: 'maximum: 5' }, { rbody: 'maximum: 10' }, [
    `25:17 ${op} the response's body max was increased from \`5.00\` to \`10.00\``,
  ]),
  change('a lower maximum returns less: nothing breaks', { rbody: 'maximum: 10' }, { rbody: 'maximum: 5' }),
  change('the same change in the request is not a response change', { body: 'maximum: 5' }, { body: 'maximum: 10' }),
]);

ruleCases('response-property-max-increased', [
  change('a higher maximum on a response property', { rprop: 'maximum: 5' }, { rprop: 'maximum: 10' }, [
    `27:27 ${op} the \`name\` response property's max was increased from \`5.00\` to \`10.00\` for the response status \`200\``,
  ]),
  change('a write-only property is never returned', { rprop: 'maximum: 5, writeOnly: true' }, { rprop: 'maximum: 10, writeOnly: true' }),
  {
    name: 'a schema in another file: shown in that file',
    base: {
      'openapi.yaml': spec({ rprop: "$ref: 'schemas.yaml#/Size'" }),
      'schemas.yaml': 'Size:\n  type: integer\n  maximum: 5\n',
    },
    head: {
      'openapi.yaml': spec({ rprop: "$ref: 'schemas.yaml#/Size'" }),
      'schemas.yaml': 'Size:\n  type: integer\n  maximum: 10\n',
    },
    expect: [`schemas.yaml:3:3 ${op} the \`name\` response property's max was increased from \`5.00\` to \`10.00\` for the response status \`200\``],

    fixed: 'Size:\n  type: integer\n  maximum: 5\n',
  },
]);

// exclusiveMaximum: a number in 3.1, a boolean beside `maximum` in 3.0 (a boolean change is never "lower" or "higher")

ruleCases('request-body-exclusive-max-decreased', [
  change('3.1: a lower exclusiveMaximum on the request body', { ...v31, body: 'exclusiveMaximum: 100' }, { ...v31, body: 'exclusiveMaximum: 50' }, [
    `15:15 ${op} the request's body exclusiveMaximum was decreased to \`50.00\``,
  ]),
  change('3.1: a higher one accepts more', { ...v31, body: 'exclusiveMaximum: 50' }, { ...v31, body: 'exclusiveMaximum: 100' }),
]);

ruleCases('request-property-exclusive-max-decreased', [
  change('3.1: a lower exclusiveMaximum on a request property', { ...v31, prop: 'exclusiveMaximum: 100' }, { ...v31, prop: 'exclusiveMaximum: 50' }, [
    `17:25 ${op} the \`name\` request property's exclusiveMaximum was decreased to \`50.00\``,
  ]),
  change(
    '3.0: exclusiveMaximum false → true is not a lower bound in oasdiff',
    { prop: 'exclusiveMaximum: false, maximum: 10' },
    { prop: 'exclusiveMaximum: true, maximum: 10' },
  ),
  change(
    'a read-only property is not sent',
    { ...v31, prop: 'exclusiveMaximum: 100, readOnly: true' },
    { ...v31, prop: 'exclusiveMaximum: 50, readOnly: true' },
  ),
]);

ruleCases('request-parameter-exclusive-max-decreased', [
  change('3.1: a lower exclusiveMaximum on a parameter', { ...v31, param: 'exclusiveMaximum: 100' }, { ...v31, param: 'exclusiveMaximum: 50' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the exclusiveMaximum was decreased from \`100.00\` to \`50.00\``,
  ]),
  change('3.1: a higher one accepts more', { ...v31, param: 'exclusiveMaximum: 50' }, { ...v31, param: 'exclusiveMaximum: 100' }),
]);

ruleCases('request-body-exclusive-max-set', [
  change('3.1: an exclusiveMaximum where there was none', v31, { ...v31, body: 'exclusiveMaximum: 100' }, [
    `15:15 ${op} the request's body exclusiveMaximum was set to \`100.00\``,
  ]),
  change('3.1: one that was already there', { ...v31, body: 'exclusiveMaximum: 100' }, { ...v31, body: 'exclusiveMaximum: 100' }),
]);

ruleCases('request-property-exclusive-max-set', [
  change('3.0: exclusiveMaximum: true put beside a maximum', { prop: 'maximum: 10' }, { prop: 'exclusiveMaximum: true, maximum: 10' }, [
    `17:25 ${op} the \`name\` request property's exclusiveMaximum was set to \`true\``,
  ]),
  change('a read-only property is not sent', { prop: 'readOnly: true' }, { prop: 'exclusiveMaximum: true, maximum: 10, readOnly: true' }),
]);

ruleCases('request-parameter-exclusive-max-set', [
  change('3.1: an exclusiveMaximum where there was none', v31, { ...v31, param: 'exclusiveMaximum: 100' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the exclusiveMaximum was set to \`100.00\``,
  ]),
  change('3.0: false → true changes a value that was there', { param: 'exclusiveMaximum: false, maximum: 9' }, { param: 'exclusiveMaximum: true, maximum: 9' }),
]);

ruleCases('response-body-exclusive-max-increased', [
  change('3.1: a higher exclusiveMaximum in the response', { ...v31, rbody: 'exclusiveMaximum: 50' }, { ...v31, rbody: 'exclusiveMaximum: 100' }, [
    `25:17 ${op} the response's body exclusiveMaximum was increased from \`50.00\` to \`100.00\``,
  ]),
  change('3.0: exclusiveMaximum true → false is not a number change', { rbody: 'exclusiveMaximum: true' }, { rbody: 'exclusiveMaximum: false' }),
]);

ruleCases('response-property-exclusive-max-increased', [
  change('3.1: a higher exclusiveMaximum on a response property', { ...v31, rprop: 'exclusiveMaximum: 50' }, { ...v31, rprop: 'exclusiveMaximum: 100' }, [
    `27:27 ${op} the \`name\` response property's exclusiveMaximum was increased from \`50.00\` to \`100.00\` for the response status \`200\``,
  ]),
  change(
    'a write-only property is never returned',
    { ...v31, rprop: 'exclusiveMaximum: 50, writeOnly: true' },
    { ...v31, rprop: 'exclusiveMaximum: 100, writeOnly: true' },
  ),
]);

// minimum

ruleCases('request-body-min-increased', [
  change('a higher minimum on the request body', { body: 'minimum: 1' }, { body: 'minimum: 2.5' }, [
    `15:15 ${op} the request's body min was increased to \`2.50\``,
  ]),
  change('a lower minimum accepts more', { body: 'minimum: 2' }, { body: 'minimum: 1' }),
]);

ruleCases('request-property-min-increased', [
  change('a higher minimum on a request property', { prop: 'minimum: 0' }, { prop: 'minimum: 1' }, [
    `17:25 ${op} the \`name\` request property's min was increased to \`1.00\``,
  ]),
  change('a read-only property is not sent', { prop: 'minimum: 0, readOnly: true' }, { prop: 'minimum: 1, readOnly: true' }),
]);

ruleCases('request-parameter-min-increased', [
  change('a higher minimum on a parameter', { param: 'minimum: -1' }, { param: 'minimum: 0' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the min was increased from \`-1.00\` to \`0.00\``,
  ]),
  change('a lower minimum accepts more', { param: 'minimum: 1' }, { param: 'minimum: 0' }),
]);

ruleCases('request-body-min-set', [
  change('a minimum where there was none', {}, { body: 'minimum: 1' }, [`15:15 ${op} the request's body min was set to \`1.00\``]),
  change('a minimum removed', { body: 'minimum: 1' }, {}),
  change('numbers are written as oasdiff writes them (Go: two decimals, an exact tie rounded to even)', {}, { body: 'minimum: 0.125' }, [
    `15:15 ${op} the request's body min was set to \`0.12\``,
  ]),
]);

ruleCases('request-property-min-set', [
  change('a minimum where there was none', {}, { prop: 'minimum: 1' }, [`17:25 ${op} the \`name\` request property's min was set to \`1.00\``]),
  change('a read-only property is not sent', { prop: 'readOnly: true' }, { prop: 'minimum: 1, readOnly: true' }),
]);

ruleCases('request-parameter-min-set', [
  change('a minimum where there was none', {}, { param: 'minimum: 1' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the min was set to \`1.00\``,
  ]),
  change('a minimum put on a response property is not a parameter change', {}, { rprop: 'minimum: 1' }),
]);

ruleCases('response-body-min-decreased', [
  change('a lower minimum in the response', { rbody: 'minimum: 1' }, { rbody: 'minimum: 0' }, [
    `25:17 ${op} the response's body min was decreased from \`1.00\` to \`0.00\``,
  ]),
  change('a higher minimum returns less', { rbody: 'minimum: 0' }, { rbody: 'minimum: 1' }),
]);

ruleCases('response-property-min-decreased', [
  change('a lower minimum on a response property', { rprop: 'minimum: 1' }, { rprop: 'minimum: 0' }, [
    `27:27 ${op} the \`name\` response property's min was decreased from \`1.00\` to \`0.00\` for the response status \`200\``,
  ]),
  change('a write-only property is never returned', { rprop: 'minimum: 1, writeOnly: true' }, { rprop: 'minimum: 0, writeOnly: true' }),
]);

// exclusiveMinimum

ruleCases('request-body-exclusive-min-increased', [
  change('3.1: a higher exclusiveMinimum on the request body', { ...v31, body: 'exclusiveMinimum: 0' }, { ...v31, body: 'exclusiveMinimum: 10' }, [
    `15:15 ${op} the request's body exclusiveMinimum was increased to \`10.00\``,
  ]),
  change('3.1: a lower one accepts more', { ...v31, body: 'exclusiveMinimum: 10' }, { ...v31, body: 'exclusiveMinimum: 0' }),
]);

ruleCases('request-property-exclusive-min-increased', [
  change('3.1: a higher exclusiveMinimum on a request property', { ...v31, prop: 'exclusiveMinimum: 0' }, { ...v31, prop: 'exclusiveMinimum: 10' }, [
    `17:25 ${op} the \`name\` request property's exclusiveMinimum was increased to \`10.00\``,
  ]),
  change('a read-only property is not sent', { ...v31, prop: 'exclusiveMinimum: 0, readOnly: true' }, { ...v31, prop: 'exclusiveMinimum: 10, readOnly: true' }),
  change('3.0: false → true is not a number change', { prop: 'exclusiveMinimum: false, minimum: 0' }, { prop: 'exclusiveMinimum: true, minimum: 0' }),
]);

ruleCases('request-parameter-exclusive-min-increased', [
  change('3.1: a higher exclusiveMinimum on a parameter', { ...v31, param: 'exclusiveMinimum: 0' }, { ...v31, param: 'exclusiveMinimum: 10' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the exclusiveMinimum was increased from \`0.00\` to \`10.00\``,
  ]),
  change('3.1: a lower one accepts more', { ...v31, param: 'exclusiveMinimum: 10' }, { ...v31, param: 'exclusiveMinimum: 0' }),
]);

ruleCases('request-body-exclusive-min-set', [
  change('3.1: an exclusiveMinimum where there was none', v31, { ...v31, body: 'exclusiveMinimum: 0' }, [
    `15:15 ${op} the request's body exclusiveMinimum was set to \`0.00\``,
  ]),
  change('3.1: one removed', { ...v31, body: 'exclusiveMinimum: 0' }, v31),
]);

ruleCases('request-property-exclusive-min-set', [
  change('3.0: exclusiveMinimum: true put beside a minimum', { prop: 'minimum: 0' }, { prop: 'exclusiveMinimum: true, minimum: 0' }, [
    `17:25 ${op} the \`name\` request property's exclusiveMinimum was set to \`true\``,
  ]),
  change('a read-only property is not sent', { prop: 'readOnly: true' }, { prop: 'exclusiveMinimum: true, readOnly: true' }),
]);

ruleCases('request-parameter-exclusive-min-set', [
  change('3.1: an exclusiveMinimum where there was none', v31, { ...v31, param: 'exclusiveMinimum: 0' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the exclusiveMinimum was set to \`0.00\``,
  ]),
  change('3.1: one that was already there', { ...v31, param: 'exclusiveMinimum: 1' }, { ...v31, param: 'exclusiveMinimum: 0' }),
]);

ruleCases('response-body-exclusive-min-decreased', [
  change('3.1: a lower exclusiveMinimum in the response', { ...v31, rbody: 'exclusiveMinimum: 10' }, { ...v31, rbody: 'exclusiveMinimum: 0' }, [
    `25:17 ${op} the response's body exclusiveMinimum was decreased from \`10.00\` to \`0.00\``,
  ]),
  change('3.1: a higher one returns less', { ...v31, rbody: 'exclusiveMinimum: 0' }, { ...v31, rbody: 'exclusiveMinimum: 10' }),
]);

ruleCases('response-property-exclusive-min-decreased', [
  change('3.1: a lower exclusiveMinimum on a response property', { ...v31, rprop: 'exclusiveMinimum: 10' }, { ...v31, rprop: 'exclusiveMinimum: 0' }, [
    `27:27 ${op} the \`name\` response property's exclusiveMinimum was decreased from \`10.00\` to \`0.00\` for the response status \`200\``,
  ]),
  change(
    'a write-only property is never returned',
    { ...v31, rprop: 'exclusiveMinimum: 10, writeOnly: true' },
    { ...v31, rprop: 'exclusiveMinimum: 0, writeOnly: true' },
  ),
]);

// maxLength

ruleCases('request-body-max-length-decreased', [
  change('a lower maxLength on the request body', { body: 'maxLength: 10' }, { body: 'maxLength: 5' }, [
    `15:15 ${op} the request's body maxLength was decreased to \`5\``,
  ]),
  change('a higher maxLength accepts more', { body: 'maxLength: 5' }, { body: 'maxLength: 10' }),
]);

ruleCases('request-property-max-length-decreased', [
  change('a lower maxLength on a request property', { prop: 'maxLength: 10' }, { prop: 'maxLength: 5' }, [
    `17:25 ${op} the \`name\` request property's maxLength was decreased to \`5\``,
  ]),
  change('a read-only property is not sent', { prop: 'maxLength: 10, readOnly: true' }, { prop: 'maxLength: 5, readOnly: true' }),
  {
    name: 'a property of a component reached through allOf is named after the component',
    base: `${spec({ body: "allOf: [{ $ref: '#/components/schemas/Named' }]" })}components:\n  schemas:\n    Named:\n      properties:\n        nick: { maxLength: 10 }\n`,
    head: `${spec({ body: "allOf: [{ $ref: '#/components/schemas/Named' }]" })}components:\n  schemas:\n    Named:\n      properties:\n        nick: { maxLength: 8 }\n`,
    expect: [`32:17 ${op} the \`allOf[#/components/schemas/Named]/nick\` request property's maxLength was decreased to \`8\``],
  },
]);

ruleCases('request-parameter-max-length-decreased', [
  {
    name: 'in a JSON description: shown on the key, with no revert fix (JSON text gets none)',
    base: { 'openapi.json': JSON.stringify(jsonSpec(10), null, 2) },
    head: { 'openapi.json': JSON.stringify(jsonSpec(5), null, 2) },
    expect: [`openapi.json:15:15 ${op} for the \`query\` request parameter \`limit\`, the maxLength was decreased from \`10\` to \`5\``],
    fixTitles: [],
  },
  change('a lower maxLength on a parameter', { param: 'maxLength: 10' }, { param: 'maxLength: 5' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the maxLength was decreased from \`10\` to \`5\``,
  ]),
  change('a higher maxLength accepts more', { param: 'maxLength: 5' }, { param: 'maxLength: 10' }),
]);

ruleCases('request-body-max-length-set', [
  change('a maxLength where there was none', {}, { body: 'maxLength: 10' }, [`15:15 ${op} the request's body maxLength was set to \`10\``]),
  change('a maxLength removed', { body: 'maxLength: 10' }, {}),
]);

ruleCases('request-property-max-length-set', [
  change('a maxLength where there was none', {}, { prop: 'maxLength: 10' }, [`17:25 ${op} the \`name\` request property's maxLength was set to \`10\``]),
  change('a read-only property is not sent', { prop: 'readOnly: true' }, { prop: 'maxLength: 10, readOnly: true' }),
]);

ruleCases('request-parameter-max-length-set', [
  change('a maxLength where there was none', {}, { param: 'maxLength: 10' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the maxLength was set to \`10\``,
  ]),
  change('a maxLength that was already there', { param: 'maxLength: 20' }, { param: 'maxLength: 20' }),
]);

ruleCases('response-body-max-length-increased', [
  change('a higher maxLength in the response', { rbody: 'maxLength: 5' }, { rbody: 'maxLength: 10' }, [
    `25:17 ${op} the response's body maxLength was increased from \`5\` to \`10\``,
  ]),
  change('a lower maxLength returns less', { rbody: 'maxLength: 10' }, { rbody: 'maxLength: 5' }),
]);

ruleCases('response-property-max-length-increased', [
  change('a higher maxLength on a response property', { rprop: 'maxLength: 5' }, { rprop: 'maxLength: 10' }, [
    `27:27 ${op} the \`name\` response property's maxLength was increased from \`5\` to \`10\` for the response status \`200\``,
  ]),
  change('a write-only property is never returned', { rprop: 'maxLength: 5, writeOnly: true' }, { rprop: 'maxLength: 10, writeOnly: true' }),
]);

ruleCases('response-body-max-length-unset', [
  change('the maxLength dropped from the response body: shown on its schema', { rbody: 'maxLength: 10' }, {}, [
    `24:17 ${op} the response's body maxLength was unset from \`10\``,
  ]),
  change('a maxLength put on the response body', {}, { rbody: 'maxLength: 10' }),
]);

ruleCases('response-property-max-length-unset', [
  change(
    "3.1: made nullable by wrapping in oneOf with a null branch: the maxLength only moved into the branch (oasdiff's nullable transition)",
    { ...v31, rprop: 'type: string, maxLength: 10' },
    { ...v31, rprop: "oneOf: [{ type: 'null' }, { type: string, maxLength: 10 }]" },
  ),
  change(
    '3.1: a wrap whose branch drops the maxLength is not a pure nullability change',
    { ...v31, rprop: 'type: string, maxLength: 10' },
    { ...v31, rprop: "oneOf: [{ type: 'null' }, { type: string }]" },
    [`27:19 ${op} the \`name\` response property's maxLength was unset from \`10\` for the response status \`200\``],
  ),
  change('the maxLength dropped from a response property: shown on the property', { rprop: 'maxLength: 10' }, {}, [
    `27:19 ${op} the \`name\` response property's maxLength was unset from \`10\` for the response status \`200\``,
  ]),
  change('a write-only property is never returned', { rprop: 'maxLength: 10, writeOnly: true' }, { rprop: 'writeOnly: true' }),
]);

// minLength: oasdiff reads an absent minLength as 0, so putting one on is "increased from 0"

ruleCases('request-body-min-length-increased', [
  change('a higher minLength on the request body', { body: 'minLength: 1' }, { body: 'minLength: 3' }, [
    `15:15 ${op} the request's body minLength was increased from \`1\` to \`3\``,
  ]),
  change('a minLength where there was none is raised from 0', {}, { body: 'minLength: 3' }, [
    `15:15 ${op} the request's body minLength was increased from \`0\` to \`3\``,
  ]),
  change('minLength: 0 where there was none changes nothing', {}, { body: 'minLength: 0' }),
]);

ruleCases('request-property-min-length-increased', [
  change('a higher minLength on a request property', { prop: 'minLength: 1' }, { prop: 'minLength: 2' }, [
    `17:25 ${op} the \`name\` request property's minLength was increased from \`1\` to \`2\``,
  ]),
  change('oasdiff makes no read-only exception for minLength', { prop: 'minLength: 1, readOnly: true' }, { prop: 'minLength: 2, readOnly: true' }, [
    `17:25 ${op} the \`name\` request property's minLength was increased from \`1\` to \`2\``,
  ]),
  change('a lower minLength accepts more', { prop: 'minLength: 2' }, { prop: 'minLength: 1' }),
]);

ruleCases('request-parameter-min-length-increased', [
  change('a minLength put on a parameter', {}, { param: 'minLength: 3' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the minLength was increased from \`0\` to \`3\``,
  ]),
  change('a minLength dropped accepts more', { param: 'minLength: 3' }, {}),
]);

ruleCases('response-body-min-length-decreased', [
  change('a lower minLength in the response', { rbody: 'minLength: 3' }, { rbody: 'minLength: 1' }, [
    `25:17 ${op} the response's body minLength was decreased from \`3\` to \`1\``,
  ]),
  {
    ...change('a minLength dropped is lowered to 0: shown on the schema, with no revert (there is no value to replace)', { rbody: 'minLength: 3' }, {}, [
      `24:17 ${op} the response's body minLength was decreased from \`3\` to \`0\``,
    ]),
    fixTitles: [],
  },
  change('a higher minLength returns less', { rbody: 'minLength: 1' }, { rbody: 'minLength: 3' }),
]);

ruleCases('response-property-min-length-decreased', [
  change('a lower minLength on a response property', { rprop: 'minLength: 3' }, { rprop: 'minLength: 1' }, [
    `27:27 ${op} the \`name\` response property's minLength was decreased from \`3\` to \`1\` for the response status \`200\``,
  ]),
  change('a write-only property is never returned', { rprop: 'minLength: 3, writeOnly: true' }, { rprop: 'minLength: 1, writeOnly: true' }),
]);

// minItems

ruleCases('request-body-min-items-increased', [
  change('a higher minItems on the request body', { body: 'minItems: 1' }, { body: 'minItems: 3' }, [
    `15:15 ${op} the request's body minItems was increased to \`3\``,
  ]),
  change('a minItems where there was none is "set", not "increased"', {}, { body: 'minItems: 3' }),
]);

ruleCases('request-property-min-items-increased', [
  change('a higher minItems on a request property', { prop: 'minItems: 1' }, { prop: 'minItems: 3' }, [
    `17:25 ${op} the \`name\` request property's minItems was increased to \`3\``,
  ]),
  change('a read-only property is not sent', { prop: 'minItems: 1, readOnly: true' }, { prop: 'minItems: 3, readOnly: true' }),
]);

ruleCases('request-parameter-min-items-increased', [
  change('a higher minItems on a parameter', { param: 'minItems: 1' }, { param: 'minItems: 2' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the minItems was increased from \`1\` to \`2\``,
  ]),
  change('a lower minItems accepts more', { param: 'minItems: 2' }, { param: 'minItems: 1' }),
]);

ruleCases('request-body-min-items-set', [
  change('a minItems where there was none', {}, { body: 'minItems: 2' }, [`15:15 ${op} the request's body minItems was set to \`2\``]),
  change('a minItems removed', { body: 'minItems: 2' }, {}),
]);

ruleCases('request-property-min-items-set', [
  change('a minItems where there was none', {}, { prop: 'minItems: 2' }, [`17:25 ${op} the \`name\` request property's minItems was set to \`2\``]),
  change('a read-only property is not sent', { prop: 'readOnly: true' }, { prop: 'minItems: 2, readOnly: true' }),
]);

ruleCases('request-parameter-min-items-set', [
  change('a minItems where there was none', {}, { param: 'minItems: 2' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the minItems was set to \`2\``,
  ]),
  change('a minItems that was already there', { param: 'minItems: 2' }, { param: 'minItems: 2' }),
]);

ruleCases('response-body-min-items-decreased', [
  change('a lower minItems in the response', { rbody: 'minItems: 3' }, { rbody: 'minItems: 1' }, [
    `25:17 ${op} the response's body minItems was decreased from \`3\` to \`1\``,
  ]),
  change('a higher minItems returns more items', { rbody: 'minItems: 1' }, { rbody: 'minItems: 3' }),
]);

ruleCases('response-property-min-items-decreased', [
  change('a lower minItems on a response property', { rprop: 'minItems: 3' }, { rprop: 'minItems: 1' }, [
    `27:27 ${op} the \`name\` response property's minItems was decreased from \`3\` to \`1\` for the response status \`200\``,
  ]),
  change('a write-only property is never returned', { rprop: 'minItems: 3, writeOnly: true' }, { rprop: 'minItems: 1, writeOnly: true' }),
]);

ruleCases('response-body-min-items-unset', [
  change('the minItems dropped from the response body', { rbody: 'minItems: 1' }, {}, [`24:17 ${op} the response's body minItems was unset from \`1\``]),
  change('a minItems lowered is "decreased", not "unset"', { rbody: 'minItems: 2' }, { rbody: 'minItems: 1' }),
]);

ruleCases('response-property-min-items-unset', [
  change('the minItems dropped from a response property', { rprop: 'minItems: 1' }, {}, [
    `27:19 ${op} the \`name\` response property's minItems was unset from \`1\` for the response status \`200\``,
  ]),
  change('a write-only property is never returned', { rprop: 'minItems: 1, writeOnly: true' }, { rprop: 'writeOnly: true' }),
]);

// maxItems (parameters only)

ruleCases('request-parameter-max-items-decreased', [
  change('a lower maxItems on an array parameter', { param: 'maxItems: 10' }, { param: 'maxItems: 5' }, [
    `9:21 ${op} for the \`query\` request parameter \`limit\`, the maxItems was decreased from \`10\` to \`5\``,
  ]),
  change(
    'oasdiff falls back to the maxItems of `items` when the parameter’s own is unchanged',
    { param: 'items: { maxItems: 10 }' },
    { param: 'items: { maxItems: 5 }' },
    [`9:30 ${op} for the \`query\` request parameter \`limit\`, the maxItems was decreased from \`10\` to \`5\``],
  ),
  change('a higher maxItems accepts more', { param: 'maxItems: 5' }, { param: 'maxItems: 10' }),
  {
    name: "a path item's own parameter: not compared (oasdiff has no check for those), unless flattenParams makes it each operation's",
    base: sharedTagsSpec(8),
    head: sharedTagsSpec(3),
    expect: [],
  },
  {
    name: 'a path item parameter with flattenParams: reported on each operation that inherits it',
    base: sharedTagsSpec(8),
    head: sharedTagsSpec(3),
    options: { flattenParams: true },
    expect: [
      '6:57 in API GET /boxes for the `query` request parameter `tags`, the maxItems was decreased from `8` to `3`',
      '6:57 in API PUT /boxes for the `query` request parameter `tags`, the maxItems was decreased from `8` to `3`',
    ],
  },
]);

// pattern

ruleCases('request-parameter-pattern-added', [
  change('a pattern put on a parameter', {}, { param: "pattern: '^[a-z]+$'" }, [
    `9:21 ${op} added the pattern \`^[a-z]+$\` to the \`query\` request parameter \`limit\``,
  ]),
  change('a pattern dropped accepts more', { param: "pattern: '^[a-z]+$'" }, {}),
]);

ruleCases('request-parameter-pattern-changed', [
  {
    ...change('another pattern on a parameter, reverted by its fix', { param: "pattern: '^[a-z]+$'" }, { param: "pattern: '^[a-z0-9]+$'" }, [
      `9:21 ${op} changed the pattern of the \`query\` request parameter \`limit\` from \`^[a-z]+$\` to \`^[a-z0-9]+$\``,
    ]),
    fixed: spec({ param: "pattern: '^[a-z]+$'" }),
  },
  change('`.*` is recognisably more general (oasdiff: INFO)', { param: "pattern: '^[a-z]+$'" }, { param: "pattern: '.*'" }),
]);

ruleCases('request-property-pattern-added', [
  change(
    '3.1: unwrapping a nullable oneOf puts no new pattern on the property, it was in the branch',
    { ...v31, prop: "oneOf: [{ type: 'null' }, { type: string, pattern: '^[a-z]+$' }]" },
    { ...v31, prop: "type: string, pattern: '^[a-z]+$'" },
  ),
  change('a pattern put on a request property', {}, { prop: "pattern: '^[a-z]+$'" }, [
    `17:25 ${op} added the pattern \`^[a-z]+$\` to the request property \`name\``,
  ]),
  change('a pattern on the response property is not a request change', {}, { rprop: "pattern: '^[a-z]+$'" }),
]);

ruleCases('request-property-pattern-changed', [
  change('another pattern on a request property', { prop: "pattern: '^[a-z]+$'" }, { prop: "pattern: '^[a-z]{2,}$'" }, [
    `17:25 ${op} changed the pattern of the request property \`name\` from \`^[a-z]+$\` to \`^[a-z]{2,}$\``,
  ]),
  change('`.*` is recognisably more general (oasdiff: INFO)', { prop: "pattern: '^[a-z]+$'" }, { prop: "pattern: '.*'" }),
  change('the same pattern reformatted is no change', { prop: "pattern: '^[a-z]+$'" }, { prop: 'pattern: "^[a-z]+$"' }),
]);

// Swagger 2.0: the same changes give the same IDs and messages as in 3.0, placed in the 2.0 text.

const SWAGGER_CHANGES: { id: string; base: Parts; head: Parts }[] = [
  { id: 'request-parameter-max-decreased', base: { param: 'maximum: 100' }, head: { param: 'maximum: 50' } },
  { id: 'request-parameter-exclusive-max-set', base: { param: 'maximum: 100' }, head: { param: 'maximum: 100, exclusiveMaximum: true' } },
  { id: 'request-parameter-min-length-increased', base: {}, head: { param: 'minLength: 2' } },
  { id: 'request-parameter-max-items-decreased', base: { param: 'maxItems: 10' }, head: { param: 'maxItems: 5' } },
  { id: 'request-parameter-pattern-added', base: {}, head: { param: "pattern: '^[0-9]+$'" } },
  { id: 'request-body-max-length-set', base: {}, head: { body: 'maxLength: 10' } },
  { id: 'request-property-min-increased', base: { prop: 'minimum: 0' }, head: { prop: 'minimum: 1' } },
  { id: 'request-property-pattern-changed', base: { prop: "pattern: '^a'" }, head: { prop: "pattern: '^b'" } },
  { id: 'response-body-min-items-unset', base: { rbody: 'minItems: 1' }, head: {} },
  { id: 'response-property-max-length-increased', base: { rprop: 'maxLength: 5' }, head: { rprop: 'maxLength: 10' } },
];

for (const { id, base, head } of SWAGGER_CHANGES) {
  test(`Swagger 2.0 and OpenAPI 3.0 agree: ${id}`, async () => {
    const messages = async (write: (p: Parts) => string) =>
      render(await runRule(id, { base: write(base), head: write(head) }), 'openapi.yaml').map((line) => line.slice(line.indexOf(' ') + 1));
    const three = await messages(spec);
    assert.equal(three.length, 1, `${id} fires once in 3.0`);
    assert.deepEqual(await messages(swagger), three);
  });
}

test('Swagger 2.0: a constraint of a query parameter is shown on the keyword in the 2.0 text', async () => {
  const result = await runRule('request-parameter-max-length-decreased', {
    base: swagger({ param: 'maxLength: 10' }),
    head: swagger({ param: 'maxLength: 4' }),
  });
  assert.deepEqual(render(result, 'openapi.yaml'), [
    `7:52 ${op} for the \`query\` request parameter \`limit\`, the maxLength was decreased from \`10\` to \`4\``,
  ]);
});

ruleCases('request-property-max-decreased', [
  {
    name: 'when two media types of the body changed, each finding names its media type (oasdiff details)',
    base: twoMediaTypes(object('size: { type: integer, maximum: 10 }')),
    head: twoMediaTypes(object('size: { type: integer, maximum: 5 }')),
    expect: [
      "9:74 in API POST /pets the `size` request property's max was decreased to `5.00` (media type: application/json)",
      "11:74 in API POST /pets the `size` request property's max was decreased to `5.00` (media type: application/xml)",
    ],
  },
]);
