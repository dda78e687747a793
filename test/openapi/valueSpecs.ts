// One small API for the schema value tests (enums, types, nullability, const, defaults): every schema written inline on
// its own line, so a finding's line says where it is. Line 7: the `kind` query parameter's schema; 11: the request body;
// 16: the X-Rate response header; 19: the 200 response body.
export interface ValueSchemas {
  parameter?: string;
  /** The whole parameter entry, replacing the `kind` query parameter. */
  parameterEntry?: string;
  body?: string;
  header?: string;
  response?: string;
  openapi?: string;
}

export const STRING = '{ type: string }';

export function api(schemas: ValueSchemas): string {
  return [
    `openapi: ${schemas.openapi ?? '3.0.3'}`,
    "info: { title: Pets, version: '1' }",
    'paths:',
    '  /pets:',
    '    post:',
    '      parameters:',
    `        - ${schemas.parameterEntry ?? `{ name: kind, in: query, schema: ${schemas.parameter ?? STRING} }`}`,
    '      requestBody:',
    '        content:',
    '          application/json:',
    `            schema: ${schemas.body ?? STRING}`,
    '      responses:',
    "        '200':",
    '          description: ok',
    '          headers:',
    `            X-Rate: { schema: ${schemas.header ?? STRING} }`,
    '          content:',
    '            application/json:',
    `              schema: ${schemas.response ?? STRING}`,
    '',
  ].join('\n');
}

/** An object schema with the given properties, inline. */
export function object(properties: string, extra = ''): string {
  return `{ type: object${extra ? `, ${extra}` : ''}, properties: { ${properties} } }`;
}

/** A request body in JSON and XML with the same schema: oasdiff then says which media type a finding is about. */
export function twoMediaTypes(schema: string): string {
  return [
    'openapi: 3.0.3',
    "info: { title: Pets, version: '1' }",
    'paths:',
    '  /pets:',
    '    post:',
    '      requestBody:',
    '        content:',
    '          application/json:',
    `            schema: ${schema}`,
    '          application/xml:',
    `            schema: ${schema}`,
    '      responses:',
    "        '200': { description: ok }",
    '',
  ].join('\n');
}
