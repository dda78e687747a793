// Reads a Prometheus text-format (0.0.4) exposition file into metric families, the way expfmt's text parser (what
// `promtool check metrics` reads with) groups and rejects lines, so that naming findings agree with promtool. OpenMetrics
// files (a `# UNIT` line or a final `# EOF`) are read with OpenMetrics' extra types and sample suffixes.
// Invariant: a file with one unreadable line yields no families at all, never a half-read set.
import type { Location } from '../../engine/finding';
import type { MetricDefinition, MetricType, NamedPlace, Unreadable } from '../model';

export interface ExpositionFile {
  families: MetricDefinition[];
  unreadable: Unreadable[];
}

// Sticky: matched at the parser's column without slicing the line (the hot loop of a 50,000-series file).
const METRIC_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const DECLARATION = /^#[ \t]*(HELP|TYPE)[ \t]+[a-zA-Z_:]/;

/** `*.prom` files, and any text whose first non-blank line is a `# HELP` or `# TYPE` line. */
export function looksLikeExposition(path: string, text: string): boolean {
  if (path.endsWith('.prom')) return true;
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    if (line.trim() === '') continue;
    return DECLARATION.test(line.replace(/^[ \t]+/, ''));
  }
  return false;
}

/** The text format's types (expfmt tolerates any case, and `gaugehistogram` as OpenMetrics spells it). */
const TEXT_TYPES: Record<string, MetricType> = {
  COUNTER: 'counter',
  GAUGE: 'gauge',
  SUMMARY: 'summary',
  UNTYPED: 'untyped',
  HISTOGRAM: 'histogram',
  GAUGE_HISTOGRAM: 'gaugehistogram',
  GAUGEHISTOGRAM: 'gaugehistogram',
};
const OPENMETRICS_TYPES: Record<string, MetricType> = { ...TEXT_TYPES, UNKNOWN: 'untyped', INFO: 'info', STATESET: 'stateset' };

interface Family {
  name: string;
  type?: MetricType;
  help?: string;
  unit?: string;
  typeLine?: Location;
  helpLine?: Location;
  nameInType?: Location;
  nameInHelp?: Location;
  firstSample?: Location;
  nameInFirstSample?: Location;
  labels: NamedPlace[];
  seriesSeen: Set<string>;
  duplicateSeries?: Location;
  samples: number;
}

class ParseError extends Error {}

/** Families keyed by name, in first-seen order (a Map keeps insertion order). */
export function parseExposition(path: string, text: string): ExpositionFile {
  try {
    return { families: new ExpositionParser(path, text).parse(), unreadable: [] };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { families: [], unreadable: [{ file: path, reason: error.message }] };
  }
}

class ExpositionParser {
  private readonly families = new Map<string, Family>();
  private readonly openMetrics: boolean;
  private readonly suffixTypes: [string, MetricType[]][];
  private lineNumber = 0;
  private line = '';
  private column = 0;

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {
    this.openMetrics = /^#[ \t]*UNIT[ \t]/m.test(text) || /^#[ \t]*EOF[ \t]*\n?$/m.test(text);
    this.suffixTypes = this.suffixes();
  }

  parse(): MetricDefinition[] {
    const lines = this.text.split('\n');
    // The format's last line must end with a line feed; expfmt reports "unexpected end of input stream" otherwise.
    const last = lines.pop() ?? '';
    let sawEnd = false;
    for (let index = 0; index < lines.length; index++) {
      this.lineNumber = index + 1;
      this.line = index === 0 ? lines[0].replace(/^\uFEFF/, ' ') : lines[index];
      this.column = 0;
      if (sawEnd && this.line.trim() !== '') this.fail('a line after "# EOF"');
      if (this.openMetrics && /^#[ \t]*EOF[ \t]*$/.test(this.line)) {
        sawEnd = true;
        continue;
      }
      this.readLine();
    }
    if (last !== '') {
      this.lineNumber = lines.length + 1;
      this.fail('unexpected end of input stream (the last line must end with a line feed)');
    }
    return [...this.families.values()].filter((family) => family.samples > 0).map((family) => this.definition(family));
  }

  private definition(family: Family): MetricDefinition {
    const type = family.type ?? 'untyped';
    // An OpenMetrics counter family `x` is exposed as the series `x_total`, which is the name the text format and
    // Prometheus know it by; naming it so keeps both formats of one metric paired and linted alike.
    const name = this.openMetrics && type === 'counter' && !family.name.endsWith('_total') ? `${family.name}_total` : family.name;
    const location = family.typeLine ?? family.helpLine ?? family.firstSample!;
    const nameLocation = family.typeLine ? family.nameInType : family.helpLine ? family.nameInHelp : family.nameInFirstSample;
    return {
      source: 'exposition',
      name,
      ...(nameLocation ? { nameLocation } : {}),
      type,
      ...(family.unit !== undefined ? { unit: family.unit } : {}),
      ...(family.help !== undefined ? { help: family.help } : {}),
      labels: family.labels,
      constLabels: [],
      location,
      identity: `${this.path}#${name}`,
      ...(family.duplicateSeries ? { duplicateSeries: family.duplicateSeries } : {}),
    };
  }

  private fail(message: string): never {
    throw new ParseError(`line ${this.lineNumber}: ${message}`);
  }

  private at(start: number, end: number): Location {
    const line = this.lineNumber - 1;
    return { file: this.path, range: { start: { line, character: start }, end: { line, character: end } } };
  }

  private peek(): string {
    return this.line[this.column] ?? '';
  }

  private skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.column++;
  }

  private atEnd(): boolean {
    return this.column >= this.line.length;
  }

  private readPattern(pattern: RegExp): string {
    pattern.lastIndex = this.column;
    const match = pattern.exec(this.line);
    const token = match ? match[0] : '';
    this.column += token.length;
    return token;
  }

  private readUntilBlank(): string {
    const start = this.column;
    while (!this.atEnd() && this.peek() !== ' ' && this.peek() !== '\t') this.column++;
    return this.line.slice(start, this.column);
  }

  private lineRange(): Location {
    const start = this.line.length - this.line.replace(/^[ \t]+/, '').length;
    return this.at(start, this.line.length);
  }

  private readLine(): void {
    this.skipBlanks();
    if (this.atEnd()) return;
    if (this.peek() === '#') {
      this.column++;
      this.readComment();
      return;
    }
    this.readSample();
  }

  private readComment(): void {
    this.skipBlanks();
    if (this.atEnd()) return;
    const keyword = this.readUntilBlank();
    if (this.atEnd()) return;
    const unit = this.openMetrics && keyword === 'UNIT';
    if (keyword !== 'HELP' && keyword !== 'TYPE' && !unit) return;
    this.skipBlanks();
    const nameStart = this.column;
    const name = this.readPattern(METRIC_NAME);
    if (this.atEnd()) return;
    if (name === '' || (this.peek() !== ' ' && this.peek() !== '\t')) this.fail('invalid metric name in comment');
    const nameLocation = this.at(nameStart, this.column);
    const family = this.familyFor(name);
    this.skipBlanks();
    if (this.atEnd()) return;
    const rest = this.line.slice(this.column);
    if (keyword === 'HELP') {
      if (family.help !== undefined) this.fail(`second HELP line for metric name "${family.name}"`);
      family.help = this.unescape(rest, '\\n"');
      family.helpLine = this.lineRange();
      family.nameInHelp = nameLocation;
    } else if (keyword === 'TYPE') {
      if (family.type !== undefined) this.fail(`second TYPE line for metric name "${family.name}", or TYPE reported after samples`);
      const type = (this.openMetrics ? OPENMETRICS_TYPES : TEXT_TYPES)[rest.toUpperCase()];
      if (!type) this.fail(`unknown metric type "${rest}"`);
      family.type = type;
      family.typeLine = this.lineRange();
      family.nameInType = nameLocation;
    } else {
      family.unit = rest;
    }
  }

  /** The family a name belongs to: its own, or a histogram's or summary's (OpenMetrics: also a counter's, …) when the
   *  name is that family's sample suffix and the family was declared before, as expfmt decides. */
  private familyFor(name: string): Family {
    const own = this.families.get(name);
    if (own) return own;
    for (const [suffix, types] of this.suffixTypes) {
      if (name.length <= suffix.length || !name.endsWith(suffix)) continue;
      const family = this.families.get(name.slice(0, -suffix.length));
      if (family?.type && types.includes(family.type)) return family;
    }
    const created: Family = { name, labels: [], seriesSeen: new Set(), samples: 0 };
    this.families.set(name, created);
    return created;
  }

  private suffixes(): [string, MetricType[]][] {
    const base: [string, MetricType[]][] = [
      ['_count', ['summary', 'histogram', 'gaugehistogram']],
      ['_sum', ['summary', 'histogram', 'gaugehistogram']],
      ['_bucket', ['histogram', 'gaugehistogram']],
    ];
    if (!this.openMetrics) return base;
    return [
      ...base,
      ['_total', ['counter']],
      ['_created', ['counter', 'summary', 'histogram']],
      ['_gcount', ['gaugehistogram']],
      ['_gsum', ['gaugehistogram']],
      ['_info', ['info']],
    ];
  }

  private readSample(): void {
    const lineStart = this.column;
    const name = this.readPattern(METRIC_NAME);
    // Quoted (UTF-8) names, `{"name"}`, are newer than the text format promtool reads; they are not read either.
    if (name === '') this.fail('invalid metric name');
    const nameEnd = this.column;
    const family = this.familyFor(name);
    family.type ??= 'untyped';
    this.skipBlanks();
    const pairs: string[] = [];
    if (this.peek() === '{') {
      this.column++;
      this.readLabels(family, pairs);
    }
    this.readValue();
    if (family.samples === 0) {
      family.firstSample = this.at(lineStart, this.line.length);
      family.nameInFirstSample = this.at(lineStart, nameEnd);
    }
    family.samples++;
    // expfmt merges a histogram's or summary's lines by label set, so promlint can only see repeated series of the
    // other types; it compares label pairs in their written order (reflect.DeepEqual), and so does this key.
    if (family.type !== 'histogram' && family.type !== 'gaugehistogram' && family.type !== 'summary') {
      const key = `${name}\u0000${pairs.join('\u0000')}`;
      if (family.seriesSeen.has(key)) family.duplicateSeries ??= this.at(lineStart, this.line.length);
      family.seriesSeen.add(key);
    }
  }

  private readLabels(family: Family, pairs: string[]): void {
    const names = new Set<string>();
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '}') {
        this.column++;
        this.skipBlanks();
        return;
      }
      const nameStart = this.column;
      const label = this.readPattern(LABEL_NAME);
      if (label === '') this.fail(`invalid label name for metric "${family.name}"`);
      const labelEnd = this.column;
      this.skipBlanks();
      if (this.peek() !== '=') this.fail(`expected '=' after label name, found ${this.shown()}`);
      this.column++;
      if (label === '__name__') this.fail('label name "__name__" is reserved');
      const structural =
        (label === 'quantile' && family.type === 'summary') || (label === 'le' && (family.type === 'histogram' || family.type === 'gaugehistogram'));
      // As in expfmt, a repeated `le` on a histogram (or `quantile` on a summary) is not a repeated label name.
      if (!structural && names.has(label)) this.fail(`duplicate label names for metric "${family.name}"`);
      names.add(label);
      this.skipBlanks();
      if (this.peek() !== '"') this.fail(`expected '"' at start of label value, found ${this.shown()}`);
      this.column++;
      const value = this.readLabelValue();
      if (structural && parseFloatValue(value) === undefined) this.fail(`expected float as value for '${label}' label, got "${value}"`);
      if (!structural) {
        pairs.push(label, value);
        if (!family.labels.some((known) => known.name === label)) family.labels.push({ name: label, location: this.at(nameStart, labelEnd) });
      }
      this.skipBlanks();
      if (this.peek() === ',') {
        this.column++;
        continue;
      }
      if (this.peek() !== '}') this.fail(`unexpected end of label value "${value}"`);
    }
  }

  private readLabelValue(): string {
    // Most values hold no escape: up to the closing quote in one slice.
    const close = this.line.indexOf('"', this.column);
    const escape = this.line.indexOf('\\', this.column);
    if (close >= 0 && (escape < 0 || escape > close)) {
      const plain = this.line.slice(this.column, close);
      this.column = close + 1;
      return plain;
    }
    let value = '';
    for (;;) {
      if (this.atEnd()) this.fail(`label value "${value}" contains unescaped new-line`);
      const character = this.peek();
      this.column++;
      if (character === '"') return value;
      if (character !== '\\') {
        value += character;
        continue;
      }
      const escaped = this.peek();
      this.column++;
      if (escaped === 'n') value += '\n';
      else if (escaped === '"' || escaped === '\\') value += escaped;
      else this.fail(`invalid escape sequence '\\${escaped}'`);
    }
  }

  /** The value, then an optional integer timestamp (and, in OpenMetrics, an optional exemplar), then the line's end. */
  private readValue(): void {
    const value = this.readUntilBlank();
    if (parseFloatValue(value) === undefined) this.fail(`expected float as value, got "${value}"`);
    if (this.atEnd()) return;
    this.skipBlanks();
    if (this.openMetrics && this.peek() === '#') return;
    const timestamp = this.readUntilBlank();
    // OpenMetrics timestamps are seconds and may have a fraction; the text format's are integer milliseconds.
    const valid = this.openMetrics ? parseFloatValue(timestamp) !== undefined : /^[+-]?[0-9]+$/.test(timestamp);
    if (!valid) this.fail(`expected integer as timestamp, got "${timestamp}"`);
    if (this.openMetrics && /^[ \t]+#/.test(this.line.slice(this.column))) return;
    if (!this.atEnd()) this.fail(`spurious string after timestamp: "${this.line.slice(this.column)}"`);
  }

  private shown(): string {
    return this.atEnd() ? 'the end of the line' : `'${this.peek()}'`;
  }

  private unescape(text: string, allowed: string): string {
    let result = '';
    for (let index = 0; index < text.length; index++) {
      const character = text[index];
      if (character !== '\\') {
        result += character;
        continue;
      }
      const escaped = text[index + 1] ?? '';
      if (!allowed.includes(escaped) || escaped === '') this.fail(`invalid escape sequence '\\${escaped}'`);
      result += escaped === 'n' ? '\n' : escaped;
      index++;
    }
    return result;
  }
}

/** Go's strconv.ParseFloat as expfmt calls it: decimal or Inf/NaN spellings; no hex, no `_`; out of range is an error. */
function parseFloatValue(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(text)) return NaN;
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
