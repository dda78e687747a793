// The parts of an OpenAPI description the checks compare: operations by path template and method, with their
// parameters, request body and responses, each with the place (file and range) where a finding about it is shown.
// Swagger 2.0 is read into the same shape: a `body` parameter is the request body in each `consumes` media type, a
// response `schema` is its content in each `produces` media type; `definitions` and friends are reached by `$ref` as written.
import { STABILITY_LEVELS } from './stabilityLevels';
import type { Range } from '../engine/range';
import { child, isTrue, pairOf, pairs, items, scalarText, type SpecFile, type SpecNode } from './document';
import type { Pair } from 'yaml';
import type { Located, SpecSet } from './specSet';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A piece of a file's text as written, for a restore: where its first line's content starts (column) and the text. */
export interface SourceBlock {
  text: string;
  column: number;
  /** The file is JSON: its text does not fit into YAML (nor the other way round). */
  json: boolean;
  /** The value as written (what a restore into a JSON file writes out as JSON). */
  value: SpecNode;
}

/** A restore's part of a finding's fixData: the base text for a YAML head (null when the base is JSON), and the value as
 *  JSON for a JSON head (written out in the head's own indentation when the fix is asked for). */
export function restoreText(source: SourceBlock): { text: string | null; json: string; column: number } {
  const plain = (source.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
  return { text: source.json ? null : source.text, json: JSON.stringify(plain), column: source.column };
}

/** The text from `from` to the end of `to` (a key through its value), with the column its first line starts at. */
export function blockOf(file: SpecFile, from: SpecNode, to: SpecNode): SourceBlock {
  const start = from.range?.[0] ?? 0;
  const end = to.range?.[1] ?? start;
  return {
    text: file.text.slice(start, end).replace(/\s+$/, ''),
    column: file.rangeOf(from).start.character,
    json: /^\s*[{[]/.test(file.text),
    value: to,
  };
}

/** Where a finding is shown: a file of the description and a range in it. */
export interface Place {
  file: string;
  range: Range;
}

export interface MediaType {
  name: string;
  place: Place;
  schema: Located | undefined;
}

export interface Parameter {
  in: string;
  /** As written; a header name lower-cased unless header names are case-sensitive (oasdiff shows them so). */
  name: string;
  required: boolean;
  deprecated: boolean;
  sunset: SpecNode | undefined;
  place: Place;
  /** The `deprecated` and `x-sunset` values, where lifecycle findings are shown. */
  lifecycle: Lifecycle;
  /** The `required` value, where "became required" is shown. */
  requiredPlace: Place | undefined;
  /** The parameter as written in its operation or path item (a `$ref` or the object): what a restore copies. */
  source: SourceBlock;
  /** The parameter's `schema`; in Swagger 2.0 the parameter itself, which carries `type`, `format`, `enum` and the
   *  constraints. A parameter described by `content` has none: oasdiff compares its schema checks on `schema` only. */
  schema: Located | undefined;
  /** Declared on the path item, shared by its operations (oasdiff's "default" parameters). */
  pathLevel: boolean;
}

export interface ResponseHeader {
  /** Lower-cased unless header names are case-sensitive, as oasdiff compares and shows them. */
  name: string;
  required: boolean;
  /** The header's key. */
  place: Place;
  /** Its schema (Swagger 2.0: the header object itself). */
  schema: Located | undefined;
  source: SourceBlock;
}

export interface RequestBody {
  required: boolean;
  place: Place;
  requiredPlace: Place | undefined;
  content: Map<string, MediaType>;
  contentPlace: Place;
}

export interface Response {
  status: string;
  place: Place;
  content: Map<string, MediaType>;
  contentPlace: Place;
  /** By lower-cased name. */
  headers: Map<string, ResponseHeader>;
  /** The `headers` key, else the status key. */
  headersPlace: Place;
}

export interface Lifecycle {
  deprecatedPlace: Place | undefined;
  sunsetPlace: Place | undefined;
}

function lifecycleOf(at: Located): Lifecycle {
  const deprecated = pairOf(at.node, 'deprecated');
  const sunset = pairOf(at.node, 'x-sunset');
  return {
    deprecatedPlace: deprecated ? placeOf(at.file, deprecated.value as SpecNode) : undefined,
    sunsetPlace: sunset ? placeOf(at.file, sunset.value as SpecNode) : undefined,
  };
}

export interface Operation {
  /** Upper case, as oasdiff names it: GET. */
  method: string;
  /** The path template as written at this side. */
  path: string;
  /** The method key: where findings about the whole operation are shown. */
  place: Place;
  deprecated: boolean;
  sunset: SpecNode | undefined;
  stability: string | undefined;
  lifecycle: Lifecycle;
  parameters: Map<string, Parameter>;
  /** The operation's `parameters` key, else its method key. */
  parametersPlace: Place;
  requestBody: RequestBody | undefined;
  responses: Map<string, Response>;
  responsesPlace: Place;
  /** The operation as written (its method key through its value), for a restore. */
  source: SourceBlock;
  pathItem: PathItem;
}

export interface PathItem {
  /** As written; a webhook's is `webhook:<name>`, as oasdiff names it. */
  template: string;
  place: Place;
  operations: Map<string, Operation>;
  /** The parameters declared on the path item itself (oasdiff's "default" parameters), by parameterKey. */
  parameters: Map<string, Parameter>;
  /** The path item mapping (resolved), and the file it is in. */
  source: Located;
}

export interface ApiModel {
  set: SpecSet;
  swagger2: boolean;
  /** Path items by template with parameter names blanked (`/pets/{}`): oasdiff matches paths ignoring those names. */
  paths: Map<string, PathItem>;
  /** The `paths` key (or the top of the root file): where a removed path is shown. */
  pathsPlace: Place;
  /** OpenAPI 3.1 webhooks by name; their operations are compared as operations of the path `webhook:<name>`. */
  webhooks: Map<string, PathItem>;
  /** The `webhooks` key (or the top of the root file): where a removed webhook is shown. */
  webhooksPlace: Place;
}

/** How the description is read, from oasdiff's options. */
export interface ModelOptions {
  /** Paths match by their template as written, parameter names included (oasdiff's --include-path-params). */
  includePathParams: boolean;
  /** Header parameter and response header names are lower-cased (oasdiff's --case-insensitive-headers, on by default). */
  caseInsensitiveHeaders: boolean;
}

const DEFAULT_MODEL_OPTIONS: ModelOptions = { includePathParams: false, caseInsensitiveHeaders: true };

export function placeOf(file: SpecFile, node: Parameters<SpecFile['rangeOf']>[0]): Place {
  return { file: file.path, range: file.rangeOf(node) };
}

/** `/pets/{petId}` → `/pets/{}`. */
export function normalizeTemplate(template: string): string {
  return template.replace(/\{[^}]*\}/g, '{}');
}

/** A parameter's identity within an operation: location and name, path parameters by position. */
export function parameterKey(parameter: Pick<Parameter, 'in' | 'name'>, template: string): string {
  if (parameter.in === 'path') {
    const names = [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
    const position = names.indexOf(parameter.name);
    return position >= 0 ? `path:#${position}` : `path:${parameter.name}`;
  }
  // Header names are lower-cased when the model is read (oasdiff's --case-insensitive-headers, on by default).
  return `${parameter.in}:${parameter.name}`;
}

export function buildModel(set: SpecSet, options: ModelOptions = DEFAULT_MODEL_OPTIONS): ApiModel {
  const root = set.root;
  const pathsPair = pairOf(root.root, 'paths');
  const webhooksPair = pairOf(root.root, 'webhooks');
  const swagger2 = child(root.root, 'swagger') !== undefined;
  const top = { file: root.path, range: root.rangeOf(null) };
  const model: ApiModel = {
    set,
    swagger2,
    paths: new Map(),
    pathsPlace: pathsPair ? placeOf(root, pathsPair.key as SpecNode) : top,
    webhooks: new Map(),
    webhooksPlace: webhooksPair ? placeOf(root, webhooksPair.key as SpecNode) : top,
  };
  for (const pathPair of pairs(pathsPair?.value as SpecNode)) {
    const template = scalarText(pathPair.key as SpecNode);
    if (template === undefined) continue;
    const item = pathItemOf(set, pathPair, template, swagger2, options);
    if (item) model.paths.set(options.includePathParams ? template : normalizeTemplate(template), item);
  }
  for (const webhookPair of pairs(webhooksPair?.value as SpecNode)) {
    const name = scalarText(webhookPair.key as SpecNode);
    if (name === undefined) continue;
    const item = pathItemOf(set, webhookPair, `webhook:${name}`, swagger2, options);
    if (item) model.webhooks.set(name, item);
  }
  return model;
}

function pathItemOf(set: SpecSet, pathPair: Pair<unknown, unknown>, template: string, swagger2: boolean, options: ModelOptions): PathItem | undefined {
  const root = set.root;
  {
    const resolved = set.resolve({ file: root, node: pathPair.value as SpecNode });
    if (!resolved) return undefined;
    const shared = parametersOf(set, resolved, template, true, options);
    const item: PathItem = { template, place: placeOf(root, pathPair.key as SpecNode), operations: new Map(), parameters: shared, source: resolved };
    const sharedBody = swagger2 ? bodyParameterOf(set, resolved) : undefined;
    for (const method of METHODS) {
      const operationPair = pairOf(resolved.node, method);
      if (!operationPair) continue;
      const operation = set.resolve({ file: resolved.file, node: operationPair.value as SpecNode });
      if (!operation) continue;
      const source = blockOf(resolved.file, operationPair.key as SpecNode, operationPair.value as SpecNode);
      const media = swagger2 ? swaggerMediaTypes(root, operation) : undefined;
      item.operations.set(
        method.toUpperCase(),
        buildOperation(set, item, method, placeOf(resolved.file, operationPair.key as SpecNode), operation, shared, source, options, media, sharedBody),
      );
    }
    return item;
  }
}

/** Swagger 2.0's `consumes` and `produces` of an operation, else of the document, else JSON. */
interface SwaggerMediaTypes {
  consumes: string[];
  produces: string[];
}

function swaggerMediaTypes(root: SpecFile, operation: Located): SwaggerMediaTypes {
  const list = (key: string) => {
    const own = items(child(operation.node, key)).map((item) => scalarText(item));
    const global = items(child(root.root, key)).map((item) => scalarText(item));
    const chosen = (child(operation.node, key) !== undefined ? own : global).filter((value): value is string => value !== undefined);
    return chosen.length > 0 ? chosen : ['application/json'];
  };
  return { consumes: list('consumes'), produces: list('produces') };
}

/** A Swagger 2.0 `in: body` parameter, written or behind a `$ref`, with where it is written. */
function bodyParameterOf(set: SpecSet, at: Located): { written: SpecNode; body: Located } | undefined {
  for (const written of items(child(at.node, 'parameters'))) {
    const resolved = set.resolve({ file: at.file, node: written });
    if (resolved && scalarText(child(resolved.node, 'in')) === 'body') return { written, body: resolved };
  }
  return undefined;
}

function buildOperation(
  set: SpecSet,
  pathItem: PathItem,
  method: string,
  place: Place,
  at: Located,
  shared: Map<string, Parameter>,
  source: SourceBlock,
  options: ModelOptions,
  swagger?: SwaggerMediaTypes,
  sharedBody?: { written: SpecNode; body: Located },
): Operation {
  const { file, node } = at;
  const own = parametersOf(set, at, pathItem.template, false, options);
  const parametersPair = pairOf(node, 'parameters');
  const responsesPair = pairOf(node, 'responses');
  return {
    method: method.toUpperCase(),
    path: pathItem.template,
    place,
    deprecated: isTrue(child(node, 'deprecated')),
    sunset: child(node, 'x-sunset'),
    stability: scalarText(child(node, 'x-stability-level')),
    lifecycle: lifecycleOf(at),
    // An operation's own parameter overrides the path item's of the same location and name.
    parameters: new Map([...shared, ...own]),
    parametersPlace: parametersPair ? placeOf(file, parametersPair.key as SpecNode) : place,
    requestBody: swagger ? swaggerRequestBodyOf(set, at, swagger, sharedBody) : requestBodyOf(set, at),
    responses: responsesOf(set, at, options, swagger),
    responsesPlace: responsesPair ? placeOf(file, responsesPair.key as SpecNode) : place,
    source,
    pathItem,
  };
}

function parametersOf(set: SpecSet, at: Located, template: string, pathLevel: boolean, options: ModelOptions): Map<string, Parameter> {
  const result = new Map<string, Parameter>();
  for (const written of items(child(at.node, 'parameters'))) {
    const resolved = set.resolve({ file: at.file, node: written });
    if (!resolved) continue;
    const location = scalarText(child(resolved.node, 'in'));
    const asWritten = scalarText(child(resolved.node, 'name'));
    const name = location === 'header' && options.caseInsensitiveHeaders ? asWritten?.toLowerCase() : asWritten;
    // Swagger 2.0's body parameter is the request body, not a parameter.
    if (location === undefined || name === undefined || location === 'body') continue;
    const requiredPair = pairOf(resolved.node, 'required');
    const parameter: Parameter = {
      in: location,
      name,
      required: isTrue(requiredPair?.value as SpecNode) || location === 'path',
      deprecated: isTrue(child(resolved.node, 'deprecated')),
      sunset: child(resolved.node, 'x-sunset'),
      place: placeOf(at.file, written),
      lifecycle: lifecycleOf(resolved),
      requiredPlace: requiredPair ? placeOf(resolved.file, requiredPair.value as SpecNode) : undefined,
      source: blockOf(at.file, written, written),
      schema: parameterSchemaOf(resolved),
      pathLevel,
    };
    result.set(parameterKey(parameter, template), parameter);
  }
  return result;
}

function parameterSchemaOf(parameter: Located): Located | undefined {
  const schema = child(parameter.node, 'schema');
  if (schema) return { file: parameter.file, node: schema };
  return child(parameter.node, 'type') !== undefined ? parameter : undefined;
}

function headersOf(set: SpecSet, response: Located, swagger: boolean, options: ModelOptions): Pick<Response, 'headers' | 'headersPlace'> | undefined {
  const headersPair = pairOf(response.node, 'headers');
  if (!headersPair) return undefined;
  const headers = new Map<string, ResponseHeader>();
  for (const pair of pairs(headersPair.value as SpecNode)) {
    const written = scalarText(pair.key as SpecNode);
    const name = options.caseInsensitiveHeaders ? written?.toLowerCase() : written;
    const header = name === undefined ? undefined : set.resolve({ file: response.file, node: pair.value as SpecNode });
    if (name === undefined || !header) continue;
    headers.set(name, {
      name,
      required: isTrue(child(header.node, 'required')),
      place: placeOf(response.file, pair.key as SpecNode),
      schema: swagger ? header : parameterSchemaOf(header),
      source: blockOf(response.file, pair.key as SpecNode, pair.value as SpecNode),
    });
  }
  return { headers, headersPlace: placeOf(response.file, headersPair.key as SpecNode) };
}

function requestBodyOf(set: SpecSet, operation: Located): RequestBody | undefined {
  const pair = pairOf(operation.node, 'requestBody');
  if (!pair) return undefined;
  const body = set.resolve({ file: operation.file, node: pair.value as SpecNode });
  if (!body) return undefined;
  const requiredPair = pairOf(body.node, 'required');
  const contentPair = pairOf(body.node, 'content');
  return {
    required: isTrue(requiredPair?.value as SpecNode),
    place: placeOf(operation.file, pair.key as SpecNode),
    requiredPlace: requiredPair ? placeOf(body.file, requiredPair.value as SpecNode) : undefined,
    content: mediaTypesOf(set, body.file, contentPair?.value as SpecNode),
    contentPlace: contentPair ? placeOf(body.file, contentPair.key as SpecNode) : placeOf(operation.file, pair.key as SpecNode),
  };
}

function swaggerRequestBodyOf(
  set: SpecSet,
  operation: Located,
  swagger: SwaggerMediaTypes,
  shared?: { written: SpecNode; body: Located },
): RequestBody | undefined {
  const found = bodyParameterOf(set, operation) ?? shared;
  if (!found) return undefined;
  const { written, body } = found;
  const file = operation.file;
  const requiredPair = pairOf(body.node, 'required');
  const schema = child(body.node, 'schema');
  const place = placeOf(file, written);
  const content = new Map<string, MediaType>(
    swagger.consumes.map((name) => [name, { name, place, schema: schema ? { file: body.file, node: schema } : undefined }]),
  );
  return {
    required: isTrue(requiredPair?.value as SpecNode),
    place,
    requiredPlace: requiredPair ? placeOf(body.file, requiredPair.value as SpecNode) : undefined,
    content,
    contentPlace: place,
  };
}

function responsesOf(set: SpecSet, operation: Located, options: ModelOptions, swagger?: SwaggerMediaTypes): Map<string, Response> {
  const result = new Map<string, Response>();
  for (const pair of pairs(child(operation.node, 'responses'))) {
    const status = scalarText(pair.key as SpecNode);
    if (status === undefined) continue;
    const response = set.resolve({ file: operation.file, node: pair.value as SpecNode });
    if (!response) continue;
    const place = placeOf(operation.file, pair.key as SpecNode);
    if (swagger) {
      const schema = child(response.node, 'schema');
      const content = new Map<string, MediaType>(
        schema ? swagger.produces.map((name) => [name, { name, place, schema: { file: response.file, node: schema } }]) : [],
      );
      result.set(status.toUpperCase(), {
        status,
        place,
        content,
        contentPlace: place,
        ...(headersOf(set, response, true, options) ?? { headers: new Map(), headersPlace: place }),
      });
      continue;
    }
    const contentPair = pairOf(response.node, 'content');
    result.set(status.toUpperCase(), {
      status,
      place,
      content: mediaTypesOf(set, response.file, contentPair?.value as SpecNode),
      contentPlace: contentPair ? placeOf(response.file, contentPair.key as SpecNode) : place,
      ...(headersOf(set, response, false, options) ?? { headers: new Map(), headersPlace: place }),
    });
  }
  return result;
}

function mediaTypesOf(set: SpecSet, file: SpecFile, content: SpecNode | undefined): Map<string, MediaType> {
  const result = new Map<string, MediaType>();
  for (const pair of pairs(content)) {
    const name = scalarText(pair.key as SpecNode);
    if (name === undefined) continue;
    const mediaType = set.resolve({ file, node: pair.value as SpecNode });
    const schema = mediaType && child(mediaType.node, 'schema');
    result.set(name, { name, place: placeOf(file, pair.key as SpecNode), schema: schema && mediaType ? { file: mediaType.file, node: schema } : undefined });
  }
  return result;
}

export { STABILITY_LEVELS };

/** A stability level's rank: draft 0 … stable 3; none, or one that is not a level, counts as stable (as in oasdiff). */
export function stabilityRank(level: string | undefined): number {
  const rank = (STABILITY_LEVELS as readonly string[]).indexOf(level ?? 'stable');
  return rank < 0 ? STABILITY_LEVELS.length - 1 : rank;
}

/** Operations below the stability threshold (by default beta: draft and alpha) are out of scope, as in oasdiff. */
export function isInStabilityScope(operation: Pick<Operation, 'stability'>, threshold: string = 'beta'): boolean {
  return stabilityRank(operation.stability) >= stabilityRank(threshold);
}

/** A 2xx status, or the `2XX` range. */
export function isSuccessStatus(status: string): boolean {
  return /^2/.test(status);
}
