// Grafana dashboards (JSON, also wrapped as `{"dashboard": {...}}`): the metric and label references of each panel
// target's `expr` and of each query variable, placed at their real line and column inside the JSON strings. A small JSON
// reader keeps each string's offset; it is linear in the file size.
import type { Location } from '../../engine/finding';
import { LineIndex, type Position } from '../../engine/range';
import type { QueryContext } from '../model';
import { queryRefs } from './queries';
import type { QueryFileReading } from './ruleFiles';
import { jsonStringOffsets } from './stringOffsets';
import { looksLikeDashboard } from '../recognize';

export { looksLikeDashboard };

type JsonNode =
  | { kind: 'object'; members: Map<string, JsonNode> }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string; /** The offset of the opening quote. */ start: number }
  | { kind: 'scalar'; value: number | boolean | null };
type JsonObject = Extract<JsonNode, { kind: 'object' }>;
type JsonString = Extract<JsonNode, { kind: 'string' }>;

/** The references of a Grafana dashboard; undefined when the JSON is not a dashboard. */
export function extractDashboard(path: string, text: string): QueryFileReading | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    // The native parser validates the whole file quickly; the reader below then builds only the parts queries live in.
    JSON.parse(bom ? text.slice(1) : text);
  } catch (error) {
    if (!looksLikeDashboard(text)) return undefined;
    // Node's messages give a position for some errors only.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : new LineIndex(text).positionAt(Number(position) + bom).line + 1;
    return { refs: [], unreadable: [{ file: path, reason: `not valid JSON${line === undefined ? '' : ` (line ${line})`}; its queries are not read` }] };
  }
  const root = new JsonReader(text, bom).document();
  const dashboard = dashboardOf(root);
  if (!dashboard) return undefined;
  const reading: QueryFileReading = { refs: [], unreadable: [] };
  const lines = new ForwardLines(text);
  const read = (source: JsonString, context: QueryContext, from = 0, to = source.value.length, labelAfter?: LabelArgument) => {
    let offsets: number[] | undefined;
    const place = (offset: number): Location => {
      if (!offsets) {
        offsets = jsonStringOffsets(text, source.start);
        lines.mark(source.start);
      }
      const position = lines.positionAt(offsets[Math.min(from + offset, offsets.length - 1)]);
      return { file: path, range: { start: position, end: position } };
    };
    const { refs, problem } = queryRefs(source.value.slice(from, to), context, place);
    if (problem) {
      reading.unreadable.push({ file: path, reason: `${context.kind} "${context.name}": ${problem}` });
      return;
    }
    if (labelAfter) {
      const start = place(labelAfter.from - from).range.start;
      const end = place(labelAfter.to - from).range.start;
      for (const ref of refs) ref.labels.push({ name: labelAfter.name, role: 'function', location: { file: path, range: { start, end } } });
    }
    reading.refs.push(...refs);
  };

  const readPanels = (panels: JsonNode | undefined, inherited?: string) => {
    if (panels?.kind !== 'array') return;
    for (const panel of panels.items) {
      if (panel.kind !== 'object') continue;
      const title = stringAt(panel, 'title')?.value.trim();
      const id = panel.members.get('id');
      const name = title || (id?.kind === 'scalar' || id?.kind === 'string' ? `panel ${String(id.value)}` : 'panel');
      const panelSource = datasourceType(panel) ?? inherited;
      const targets = panel.members.get('targets');
      if (targets?.kind === 'array') {
        for (const target of targets.items) {
          if (target.kind !== 'object' || !isPrometheus(datasourceType(target) ?? panelSource)) continue;
          const expr = stringAt(target, 'expr');
          if (expr && expr.value.trim() !== '') read(expr, { kind: 'panel', name });
        }
      }
      readPanels(panel.members.get('panels'), panelSource);
    }
  };
  readPanels(dashboard.members.get('panels'));
  const rows = dashboard.members.get('rows');
  if (rows?.kind === 'array') for (const row of rows.items) if (row.kind === 'object') readPanels(row.members.get('panels'));

  const templating = dashboard.members.get('templating');
  const variables = templating?.kind === 'object' ? templating.members.get('list') : undefined;
  if (variables?.kind === 'array') {
    for (const variable of variables.items) {
      if (variable.kind !== 'object') continue;
      const type = stringAt(variable, 'type')?.value;
      if ((type !== undefined && type !== 'query') || !isPrometheus(datasourceType(variable))) continue;
      const query = variable.members.get('query');
      const source = query?.kind === 'string' ? query : query?.kind === 'object' ? stringAt(query, 'query') : undefined;
      if (!source) continue;
      const context: QueryContext = { kind: 'variable', name: stringAt(variable, 'name')?.value ?? '' };
      readVariableQuery(source, context, read);
    }
  }
  return reading;
}

interface LabelArgument {
  name: string;
  from: number;
  to: number;
}

type Read = (source: JsonString, context: QueryContext, from?: number, to?: number, labelAfter?: LabelArgument) => void;

/** Grafana's Prometheus variable queries: `label_values(selector, label)` and `query_result(query)` name metrics;
 *  `label_values(label)`, `label_names()` and `metrics(regex)` name none. */
function readVariableQuery(source: JsonString, context: QueryContext, read: Read): void {
  const call = /^\s*(label_values|query_result)\s*\(/.exec(source.value);
  const close = source.value.lastIndexOf(')');
  if (!call || close < call[0].length || source.value.slice(close + 1).trim() !== '') return;
  const from = call[0].length;
  if (call[1] === 'query_result') {
    read(source, context, from, close);
    return;
  }
  const comma = lastTopLevelComma(source.value, from, close);
  if (comma < 0) return;
  const written = source.value.slice(comma + 1, close);
  const name = written.trim();
  const labelFrom = comma + 1 + written.indexOf(name);
  const label = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? { name, from: labelFrom, to: labelFrom + name.length } : undefined;
  read(source, context, from, comma, label);
}

/** The last comma outside strings, braces, brackets and parentheses; -1 when there is none. */
function lastTopLevelComma(text: string, from: number, to: number): number {
  let depth = 0;
  let quote = '';
  let last = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) last = i;
  }
  return last;
}

function stringAt(object: JsonObject, key: string): JsonString | undefined {
  const value = object.members.get(key);
  return value?.kind === 'string' ? value : undefined;
}

/** The dashboard object: the root, or the root's `dashboard` (the HTTP API's and some exports' wrapping). */
function dashboardOf(root: JsonNode): JsonObject | undefined {
  if (root.kind !== 'object') return undefined;
  const wrapped = root.members.get('dashboard');
  const dashboard = wrapped?.kind === 'object' && !root.members.has('panels') ? wrapped : root;
  const hasPanels = ['panels', 'rows'].some((key) => dashboard.members.get(key)?.kind === 'array');
  const isGrafana = ['title', 'schemaVersion', 'templating', 'uid'].some((key) => dashboard.members.has(key));
  return hasPanels && isGrafana ? dashboard : undefined;
}

/** The `datasource.type` of a panel, target or variable, when it says one. */
function datasourceType(object: JsonObject): string | undefined {
  const datasource = object.members.get('datasource');
  return datasource?.kind === 'object' ? stringAt(datasource, 'type')?.value : undefined;
}

/** Whether queries of that data source type are PromQL: Prometheus and compatible stores, a mixed panel (its targets say
 *  more), or an unknown type (old dashboards name the data source only). */
function isPrometheus(type: string | undefined): boolean {
  return type === undefined || type === 'datasource' || /prometheus|thanos|cortex|mimir|victoriametrics/i.test(type);
}

/** Line and column of offsets asked for mostly in increasing order, without an index of every line of a large file:
 *  it counts forward from the last answer, or from the last mark (the start of the string being read) when asked for an
 *  earlier offset. */
class ForwardLines {
  private offset = 0;
  private line = 0;
  private lineStart = 0;
  private marked = { offset: 0, line: 0, lineStart: 0 };

  constructor(private readonly text: string) {}

  mark(offset: number): void {
    this.positionAt(offset);
    this.marked = { offset: this.offset, line: this.line, lineStart: this.lineStart };
  }

  positionAt(offset: number): Position {
    if (offset < this.offset)
      ({ offset: this.offset, line: this.line, lineStart: this.lineStart } = offset >= this.marked.offset ? this.marked : { offset: 0, line: 0, lineStart: 0 });
    const text = this.text;
    for (let at = this.offset; at < offset; at++) {
      const code = text.charCodeAt(at);
      if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) {
        this.line++;
        this.lineStart = at + 1;
      }
    }
    this.offset = offset;
    return { line: this.line, character: offset - this.lineStart };
  }
}

/** Keys on the way to queries; the values of every other key are skipped without being built. */
const KEPT_KEYS = new Set([
  'dashboard',
  'panels',
  'rows',
  'targets',
  'expr',
  'title',
  'id',
  'uid',
  'schemaVersion',
  'datasource',
  'type',
  'templating',
  'list',
  'query',
  'name',
]);
const NUMBER_OR_WORD = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** A reader for JSON already known to be valid, keeping the offset of every string it builds. */
class JsonReader {
  private at: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.at = start;
  }

  document(): JsonNode {
    return this.value();
  }

  private skipSpace(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 32 || code === 10 || code === 13 || code === 9) at++;
      else break;
    }
    this.at = at;
  }

  private value(): JsonNode {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    NUMBER_OR_WORD.lastIndex = this.at;
    const written = NUMBER_OR_WORD.exec(this.text)?.[0] ?? '';
    this.at += Math.max(1, written.length);
    return { kind: 'scalar', value: written === 'true' ? true : written === 'false' ? false : written === 'null' ? null : Number(written) };
  }

  /** Moves past one value without building it. */
  private skipValue(): void {
    this.skipSpace();
    const text = this.text;
    let depth = 0;
    let at = this.at;
    do {
      const code = text.charCodeAt(at);
      if (code === 34) {
        at++;
        for (let c = text.charCodeAt(at); c !== 34; c = text.charCodeAt(at)) at += c === 92 ? 2 : 1;
        at++;
      } else if (code === 123 || code === 91) {
        depth++;
        at++;
      } else if (code === 125 || code === 93) {
        depth--;
        at++;
      } else if (depth === 0) {
        NUMBER_OR_WORD.lastIndex = at;
        at += Math.max(1, NUMBER_OR_WORD.exec(text)?.[0].length ?? 0);
      } else at++;
    } while (depth > 0 && at < text.length);
    this.at = at;
  }

  private object(): JsonNode {
    const members = new Map<string, JsonNode>();
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === '}') break;
      const key = this.string().value;
      this.skipSpace();
      this.at++; // the colon
      if (KEPT_KEYS.has(key)) members.set(key, this.value());
      else this.skipValue();
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
    }
    this.at++;
    return { kind: 'object', members };
  }

  private array(): JsonNode {
    const items: JsonNode[] = [];
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === ']') break;
      items.push(this.value());
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
    }
    this.at++;
    return { kind: 'array', items };
  }

  private string(): JsonString {
    const text = this.text;
    const start = this.at;
    let at = start + 1;
    let escaped = false;
    for (let code = text.charCodeAt(at); code !== 34; code = text.charCodeAt(at)) {
      if (code === 92) {
        escaped = true;
        at += 2;
      } else at++;
    }
    this.at = at + 1;
    const value = escaped ? (JSON.parse(text.slice(start, at + 1)) as string) : text.slice(start + 1, at);
    return { kind: 'string', value, start };
  }
}
