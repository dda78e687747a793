// Reads a Prometheus text-format (0.0.4) exposition file into metric families, the way expfmt's text parser (what
// `promtool check metrics` reads with) groups and rejects lines, so that naming findings agree with promtool. OpenMetrics
// files (a `# UNIT` line or a final `# EOF`) are read with OpenMetrics' extra types and sample suffixes.
// Invariant: a file with one unreadable line yields no families at all, never a half-read set.
import type { Location } from '../../engine/finding';
import type { MetricDefinition, MetricType, NamedPlace, Unreadable } from '../model';
import { looksLikeExposition } from '../recognize';

export { looksLikeExposition };

export interface ExpositionFile {
  families: MetricDefinition[];
  unreadable: Unreadable[];
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
  /** Its place in first-seen order, which SeriesRecords know it by. */
  index: number;
  type?: MetricType;
  help?: string;
  unit?: string;
  /** The line the family is placed at, kept as numbers (a Location is made for the definition alone): its TYPE line,
   *  else its HELP line, else its first sample (the rank, -1 before any), with the columns of the line's text and of the
   *  name in it. */
  placeRank: number;
  placeLine: number;
  placeStart: number;
  placeEnd: number;
  placeNameStart: number;
  placeNameEnd: number;
  /** Every label name of its series, structural ones excepted, in first-seen order. */
  labels: NamedPlace[];
  /** Every label name its samples used so far, structural ones (`le`, `quantile`) included, in first-seen order, and
   *  whether each is structural: what a sample line must hold to be read by `readPlainSample`. A label's structure
   *  never changes, since the family's type is set by its first sample; so the unstructural ones are those in `labels`. */
  known: string[];
  structural: boolean[];
  duplicateSeries?: Location;
  samples: number;
}

const PLACED_BY_SAMPLE = 0;
const PLACED_BY_HELP = 1;
const PLACED_BY_TYPE = 2;

/** How a sample line is written: its name and the labels it holds, in order. */
interface SampleLayout {
  family: Family;
  name: string;
  /** The name and the character after it (`name{`, or `name ` without labels). */
  prefix: string;
  /** The labels in order, `#` after each whose value must be a float, after `{` (or a blank without labels). */
  written: string;
  /** The rest of the line, from after the prefix to its line feed. */
  rest: RegExp;
  /** Whether the family's repeated series are looked for (see readSample), with labels to key them by or without. */
  keyed: boolean;
  keyedWithoutLabels: boolean;
  /** Whether the name is the family's own (not a suffixed one), which a series' key then leaves out. */
  ownName: boolean;
}

/** How many layouts readLaidOutSamples compares a line with: a histogram's lines have three (`_bucket`, `_sum`, `_count`). */
const LAYOUTS_KEPT = 6;
/** Floats as most values are written, which isFloatIn takes too (fewer than 300 characters, no exponent): others are
 *  read by readPlainSample. */
const PLAIN_FLOAT = '(?:[+-]?(?:[0-9]{1,150}(?:\\.[0-9]{0,100})?|\\.[0-9]{1,150})|[+-]?Inf)';

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

// Sticky, and asked with test(): matched at the column in native code, no match array made.
const METRIC_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const UNTIL_BLANK = /[^ \t\n]*/y;

const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const EQUALS = 61;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
/** How many sample names (with their families) `readPlainSample` recognises without a lookup: a histogram's lines
 *  take three (`_bucket`, `_sum`, `_count`). */
const RECENT_NAMES = 4;

// The hot loop of a 50,000-series file: the parser walks the whole text between a line's bounds without cutting it into
// lines, finds names, values and quotes with native searches (a short process runs its JavaScript loops uncompiled for a
// long while), and slices only what it keeps; a line's text is cut out only for a message or a rare construct.
class ExpositionParser {
  private readonly families = new Map<string, Family>();
  /** Sample names found to belong to a declared histogram's or summary's family (`x_bucket` → `x`): a family's type, once
   *  set, never changes, so the answer holds for the rest of the file. */
  private readonly suffixedNames = new Map<string, Family>();
  private readonly openMetrics: boolean;
  private readonly suffixTypes: [string, MetricType[]][];
  /** The text with a leading byte-order mark read as a blank, so that columns stay where they are. */
  private readonly text: string;
  private lineNumber = 0;
  /** The current line is text[lineStart, lineEnd); `column` is an offset into the whole text. */
  private lineStart = 0;
  private lineEnd = 0;
  private column = 0;
  /** The label names of the current series, for the duplicate test. */
  private readonly seriesLabels: string[] = [];
  /** The current series' name and label pairs in written order, when its family's repeated series are looked for. */
  private seriesKey = '';
  /** Where the next backslash is at or after the column last asked (2^32 - 1: none): found once, not per value. */
  private nextBackslash = -1;
  /** The sample names read last and their families, most recent first; a name always belongs to the family it first
   *  did (familyFor), so these stay right for the rest of the file. */
  private readonly recentNames: string[] = [];
  private readonly recentFamilies: Family[] = [];
  /** The labels of the line readPlainSample reads that its family has not used before, in the order of the line: the
   *  first so many entries of each as it found (arrays kept, not emptied: emptying one gives its storage up, to be made again). */
  private readonly freshNames: string[] = [];
  private readonly freshStarts: number[] = [];
  private readonly freshStructural: boolean[] = [];
  /** The labels of the line readPlainSample reads, as indexes into its family's `known`, in the order of the line: the
   *  first `lineLabelCount`. */
  private readonly lineLabels: number[] = [];
  private lineLabelCount = 0;
  /** The layouts of sample lines readPlainSample read lately, the latest first (see readLaidOutSamples). */
  private readonly layouts: SampleLayout[] = [];
  /** The regular expression of each layout's rest (see SampleLayout), shared by the names laid out alike. */
  private readonly restPatterns = new Map<string, RegExp>();
  /** The series of keyed families, looked through for repeats once the whole file is read. */
  private readonly series = new SeriesRecords();

  constructor(
    private readonly path: string,
    text: string,
  ) {
    this.openMetrics = /^#[ \t]*UNIT[ \t]/m.test(text) || /^#[ \t]*EOF[ \t]*\n?$/m.test(text);
    this.suffixTypes = this.suffixes();
    this.text = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  }

  parse(): MetricDefinition[] {
    const text = this.text;
    let sawEnd = false;
    let start = 0;
    for (let end: number; start < text.length; start = end + 1) {
      if (!sawEnd) {
        start = this.readLaidOutSamples(start);
        if (start >= text.length) break;
      }
      end = text.indexOf('\n', start);
      if (end < 0) break;
      this.lineNumber++;
      if (!sawEnd && text.charCodeAt(start) !== HASH && this.readPlainSample(start, end)) continue;
      this.lineStart = start;
      this.lineEnd = end;
      this.column = start;
      if (sawEnd && this.lineText().trim() !== '') this.fail('a line after "# EOF"');
      if (this.openMetrics && text.charCodeAt(start) === HASH && /^#[ \t]*EOF[ \t]*$/.test(this.lineText())) {
        sawEnd = true;
        continue;
      }
      if (!this.openMetrics && text.charCodeAt(start) === HASH && this.readPlainComment(start, end)) continue;
      this.readLine();
    }
    // The format's last line must end with a line feed; expfmt reports "unexpected end of input stream" otherwise.
    if (start < text.length) {
      this.lineNumber++;
      this.fail('unexpected end of input stream (the last line must end with a line feed)');
    }
    const families = [...this.families.values()];
    this.findRepeatedSeries(families);
    return families.filter((family) => family.samples > 0).map((family) => this.definition(family));
  }

  /** Each family's first series that repeats an earlier one (promlint's "metric not unique"), from the records the parse
   *  left: family by family in file order, each family's keys in a set of its own that is dropped after it. */
  private findRepeatedSeries(families: readonly Family[]): void {
    const { data, count } = this.series;
    if (count < 2) return;
    const order = this.byFamily(families.length);
    const repeats: { family: Family; sampleStart: number }[] = [];
    for (let from = 0; from < count;) {
      const family = data[order[from]! * RECORD_FIELDS]!;
      let to = from + 1;
      while (to < count && data[order[to]! * RECORD_FIELDS] === family) to++;
      const repeat = to - from < 2 ? -1 : this.firstRepeat(order, from, to);
      if (repeat >= 0) repeats.push({ family: families[family]!, sampleStart: data[repeat * RECORD_FIELDS + 3]! });
      from = to;
    }
    this.placeRepeats(repeats);
  }

  /** The records sorted by family, each family's in file order (a counting sort). */
  private byFamily(familyCount: number): Int32Array {
    const { data, count } = this.series;
    const firsts = new Int32Array(familyCount + 1);
    for (let record = 0; record < count; record++) firsts[data[record * RECORD_FIELDS]! + 1]++;
    for (let index = 0; index < familyCount; index++) firsts[index + 1] += firsts[index]!;
    const order = new Int32Array(count);
    for (let record = 0; record < count; record++) order[firsts[data[record * RECORD_FIELDS]!]++] = record;
    return order;
  }

  /** The first record of order[from, to) (one family's) whose key an earlier one has, or -1. */
  private firstRepeat(order: Int32Array, from: number, to: number): number {
    const seen = new Set<string>();
    for (let at = from; at < to; at++) {
      const record = order[at]!;
      const size = seen.size;
      if (seen.add(this.seriesKeyOf(record * RECORD_FIELDS)).size === size) return record;
    }
    return -1;
  }

  /** Each repeat's family gets its place: the sample's line, from its start to the line feed. The lines are counted in
   *  one pass over the text for them all. */
  private placeRepeats(repeats: { family: Family; sampleStart: number }[]): void {
    const text = this.text;
    repeats.sort((a, b) => a.sampleStart - b.sampleStart);
    let line = 0;
    let counted = 0;
    for (const { family, sampleStart } of repeats) {
      for (let feed = text.indexOf('\n', counted); feed >= 0 && feed < sampleStart; feed = text.indexOf('\n', feed + 1)) {
        line++;
        counted = feed + 1;
      }
      const lineStart = text.lastIndexOf('\n', sampleStart - 1) + 1;
      family.duplicateSeries = this.location(line, sampleStart - lineStart, text.indexOf('\n', sampleStart) - lineStart);
    }
  }

  /** A record's key: the label pairs in written order as `name="escaped value"` joined by commas, after the sample's name
   *  and a NUL when it is not the family's. */
  private seriesKeyOf(field: number): string {
    const data = this.series.data;
    const keyStart = data[field + 1]!;
    if (keyStart < 0) return this.series.builtKeys[-1 - keyStart]!;
    const pairs = this.text.slice(keyStart, data[field + 2]);
    const nameLength = data[field + 4]!;
    if (nameLength === 0) return pairs;
    const nameStart = data[field + 3]!;
    return `${this.text.slice(nameStart, nameStart + nameLength)}\u0000${pairs}`;
  }

  private definition(family: Family): MetricDefinition {
    const type = family.type ?? 'untyped';
    // An OpenMetrics counter family `x` is exposed as the series `x_total`, which is the name the text format and
    // Prometheus know it by; naming it so keeps both formats of one metric paired and linted alike.
    const name = this.openMetrics && type === 'counter' && !family.name.endsWith('_total') ? `${family.name}_total` : family.name;
    const location = this.location(family.placeLine, family.placeStart, family.placeEnd);
    const nameLocation = this.location(family.placeLine, family.placeNameStart, family.placeNameEnd);
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

  private lineText(): string {
    return this.text.slice(this.lineStart, this.lineEnd);
  }

  /** A range of the current line, from text offsets. */
  private at(start: number, end: number): Location {
    return this.location(this.lineNumber - 1, start - this.lineStart, end - this.lineStart);
  }

  private location(line: number, start: number, end: number): Location {
    return { file: this.path, range: { start: { line, character: start }, end: { line, character: end } } };
  }

  /** Places the family at a range of the current line (text offsets) with its name there, unless a line that places it
   *  first (see Family) already does. */
  private place(family: Family, rank: number, start: number, end: number, nameStart: number, nameEnd: number): void {
    if (family.placeRank >= rank) return;
    family.placeRank = rank;
    family.placeLine = this.lineNumber - 1;
    family.placeStart = start - this.lineStart;
    family.placeEnd = end - this.lineStart;
    family.placeNameStart = nameStart - this.lineStart;
    family.placeNameEnd = nameEnd - this.lineStart;
  }

  /** The start of the current line's text after its blanks. */
  private textStart(): number {
    let start = this.lineStart;
    while (start < this.lineEnd && (this.text.charCodeAt(start) === SPACE || this.text.charCodeAt(start) === TAB)) start++;
    return start;
  }

  /** The character code at the column, or -1 at the line's end. */
  private code(): number {
    return this.column < this.lineEnd ? this.text.charCodeAt(this.column) : -1;
  }

  private peek(): string {
    return this.column < this.lineEnd ? this.text[this.column] : '';
  }

  private skipBlanks(): void {
    const text = this.text;
    while (this.column < this.lineEnd) {
      const code = text.charCodeAt(this.column);
      if (code !== SPACE && code !== TAB) return;
      this.column++;
    }
  }

  private atEnd(): boolean {
    return this.column >= this.lineEnd;
  }

  /** [a-zA-Z_:][a-zA-Z0-9_:]* for metric names, [a-zA-Z_][a-zA-Z0-9_]* for label names; '' when none starts here. */
  private readName(colons: boolean): string {
    const pattern = colons ? METRIC_NAME : LABEL_NAME;
    const start = this.column;
    pattern.lastIndex = start;
    if (start >= this.lineEnd || !pattern.test(this.text)) return '';
    this.column = pattern.lastIndex;
    return this.text.slice(start, this.column);
  }

  /** Skips to the next blank or the line's end; returns where it started. */
  private skipUntilBlank(): number {
    const start = this.column;
    UNTIL_BLANK.lastIndex = start;
    UNTIL_BLANK.test(this.text);
    this.column = Math.min(UNTIL_BLANK.lastIndex, this.lineEnd);
    return start;
  }

  private readUntilBlank(): string {
    const start = this.skipUntilBlank();
    return this.text.slice(start, this.column);
  }

  private readLine(): void {
    this.skipBlanks();
    if (this.atEnd()) return;
    if (this.code() === HASH) {
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
    const name = this.readName(true);
    if (this.atEnd()) return;
    if (name === '' || (this.code() !== SPACE && this.code() !== TAB)) this.fail('invalid metric name in comment');
    const nameEnd = this.column;
    const family = this.familyFor(name);
    this.skipBlanks();
    if (this.atEnd()) return;
    const rest = this.text.slice(this.column, this.lineEnd);
    if (keyword === 'HELP') {
      if (family.help !== undefined) this.fail(`second HELP line for metric name "${family.name}"`);
      family.help = this.unescape(rest, '\\n"');
      this.place(family, PLACED_BY_HELP, this.textStart(), this.lineEnd, nameStart, nameEnd);
    } else if (keyword === 'TYPE') {
      if (family.type !== undefined) this.fail(`second TYPE line for metric name "${family.name}", or TYPE reported after samples`);
      const type = (this.openMetrics ? OPENMETRICS_TYPES : TEXT_TYPES)[rest.toUpperCase()];
      if (!type) this.fail(`unknown metric type "${rest}"`);
      family.type = type;
      this.place(family, PLACED_BY_TYPE, this.textStart(), this.lineEnd, nameStart, nameEnd);
    } else {
      family.unit = rest;
    }
  }

  /** The common HELP or TYPE line of the text format, `# HELP name text` with single spaces, read as readComment reads it
   *  with fewer steps; false, having changed nothing but what readComment changes first (the name's family, found or
   *  made), for any other line, which readLine then reads. The current line is set. */
  private readPlainComment(start: number, end: number): boolean {
    const text = this.text;
    const help = text.startsWith('# HELP ', start);
    if (!help && !text.startsWith('# TYPE ', start)) return false;
    const nameStart = start + 7;
    METRIC_NAME.lastIndex = nameStart;
    if (!METRIC_NAME.test(text)) return false;
    const nameEnd = METRIC_NAME.lastIndex;
    const restStart = nameEnd + 1;
    if (restStart >= end || text.charCodeAt(nameEnd) !== SPACE) return false;
    const first = text.charCodeAt(restStart);
    if (first === SPACE || first === TAB) return false;
    const family = this.familyFor(text.slice(nameStart, nameEnd));
    const rest = text.slice(restStart, end);
    if (help) {
      if (family.help !== undefined) return false;
      family.help = this.unescape(rest, '\\n"');
      this.place(family, PLACED_BY_HELP, start, end, nameStart, nameEnd);
    } else {
      const type = TEXT_TYPES[rest.toUpperCase()];
      if (family.type !== undefined || !type) return false;
      family.type = type;
      this.place(family, PLACED_BY_TYPE, start, end, nameStart, nameEnd);
    }
    return true;
  }

  /** The family a name belongs to: its own, or a histogram's or summary's (OpenMetrics: also a counter's, …) when the
   *  name is that family's sample suffix and the family was declared before, as expfmt decides. */
  private familyFor(name: string): Family {
    const own = this.families.get(name) ?? this.suffixedNames.get(name);
    if (own) return own;
    for (let index = 0; index < this.suffixTypes.length; index++) {
      // Indexed, not destructured: destructuring runs the iterator protocol, which allocates in uncompiled code.
      const suffix = this.suffixTypes[index][0];
      const types = this.suffixTypes[index][1];
      if (name.length <= suffix.length || !name.endsWith(suffix)) continue;
      const family = this.families.get(name.slice(0, -suffix.length));
      if (family?.type && types.includes(family.type)) {
        this.suffixedNames.set(name, family);
        return family;
      }
    }
    const created: Family = {
      name,
      index: this.families.size,
      placeRank: -1,
      placeLine: 0,
      placeStart: 0,
      placeEnd: 0,
      placeNameStart: 0,
      placeNameEnd: 0,
      labels: [],
      known: [],
      structural: [],
      samples: 0,
    };
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
    const sampleStart = this.column;
    const name = this.readName(true);
    // Quoted (UTF-8) names, `{"name"}`, are newer than the text format promtool reads; they are not read either.
    if (name === '') this.fail('invalid metric name');
    const nameEnd = this.column;
    const family = this.familyFor(name);
    this.remember(name, family);
    family.type ??= 'untyped';
    // expfmt merges a histogram's or summary's lines by label set, so promlint can only see repeated series of the
    // other types; it compares label pairs in their written order (reflect.DeepEqual), and so does this key.
    const keyed = isKeyed(family);
    this.seriesKey = keyed && name !== family.name ? `${name}\u0000` : '';
    this.skipBlanks();
    if (this.code() === 123 /* { */) {
      this.column++;
      this.readLabels(family, keyed);
    }
    this.readValue();
    if (family.samples === 0) this.place(family, PLACED_BY_SAMPLE, sampleStart, this.lineEnd, sampleStart, nameEnd);
    family.samples++;
    if (keyed) {
      const builtKeys = this.series.builtKeys;
      builtKeys.push(this.seriesKey);
      this.series.add(family.index, -builtKeys.length, 0, sampleStart, 0);
    }
  }

  private remember(name: string, family: Family): void {
    const names = this.recentNames;
    if (names[0] === name) return;
    const at = names.indexOf(name);
    if (at >= 0) {
      names.splice(at, 1);
      this.recentFamilies.splice(at, 1);
    } else if (names.length === RECENT_NAMES) {
      names.pop();
      this.recentFamilies.pop();
    }
    names.unshift(name);
    this.recentFamilies.unshift(family);
  }

  /**
   * The common sample line, `name{label="value",…} value`, read in one pass with nothing allocated but the series key
   * (and a family's first names and locations): no blank but the one before the value, no escape, no timestamp. A name
   * read on a recent line and labels the family used before are recognised without a lookup. Returns false for any
   * other line, which readLine then reads (and fails where it must), having changed nothing but what readSample changes
   * first at that line (the name's family, found or made); what this takes it takes exactly as readSample would.
   */
  private readPlainSample(start: number, end: number): boolean {
    const text = this.text;
    const names = this.recentNames;
    let family: Family | undefined;
    let name = '';
    let at = start;
    for (let index = 0; index < names.length; index++) {
      name = names[index];
      const next = text.charCodeAt(start + name.length);
      if ((next === OPEN_BRACE || next === SPACE) && text.startsWith(name, start)) {
        family = this.recentFamilies[index];
        at = start + name.length;
        break;
      }
    }
    if (family === undefined) {
      // Another name (a histogram's `_sum` after its buckets): found as readSample would find it, at the same line.
      METRIC_NAME.lastIndex = start;
      if (!METRIC_NAME.test(text)) return false;
      at = METRIC_NAME.lastIndex;
      const next = text.charCodeAt(at);
      if (next !== OPEN_BRACE && next !== SPACE) return false;
      name = text.slice(start, at);
      family = this.familyFor(name);
      this.remember(name, family);
    }
    const nameEnd = at;
    // The family's type as readSample sets it before reading labels (untyped unless declared or sampled).
    const keyed = isKeyed(family);
    const freshNames = this.freshNames;
    let freshCount = 0;
    const lineLabels = this.lineLabels;
    let lineLabelCount = 0;
    // Where the series' key is (see SeriesRecords): empty without labels.
    let seriesStart = at;
    let seriesEnd = at;
    const braces = text.charCodeAt(at) === OPEN_BRACE;
    if (braces) {
      const open = at + 1;
      at = open;
      const known = family.known;
      let seen = 0;
      let guess = 0;
      if (text.charCodeAt(at) !== CLOSE_BRACE) {
        for (;;) {
          // The label: the one that followed the last one in some earlier line, or any other the family used.
          let label = -1;
          for (let tried = 0; tried < known.length; tried++) {
            const candidate = (guess + tried) % known.length;
            const labelName = known[candidate];
            if (text.charCodeAt(at + labelName.length) === EQUALS && text.startsWith(labelName, at)) {
              label = candidate;
              break;
            }
          }
          let labelLength: number;
          let structural: boolean;
          if (label >= 0) {
            labelLength = known[label].length;
            structural = family.structural[label];
            guess = label + 1;
          } else {
            // A label the family has not used yet (its first sample's, say), read as readLabels reads a name; it joins
            // the family's labels only once the whole line has been read. Its index follows the known ones.
            LABEL_NAME.lastIndex = at;
            if (!LABEL_NAME.test(text) || text.charCodeAt(LABEL_NAME.lastIndex) !== EQUALS) return false;
            const labelName = text.slice(at, LABEL_NAME.lastIndex);
            if (labelName === '__name__') return false;
            labelLength = labelName.length;
            structural = isStructural(labelName, family);
            let index = 0;
            while (index < freshCount && freshNames[index] !== labelName) index++;
            if (index === freshCount) {
              freshNames[index] = labelName;
              this.freshStarts[index] = at;
              this.freshStructural[index] = structural;
              freshCount++;
            }
            label = known.length + index;
          }
          if (label > 30) return false;
          if (!structural && (seen & (1 << label)) !== 0) return false;
          seen |= 1 << label;
          lineLabels[lineLabelCount++] = label;
          at += labelLength + 1;
          if (text.charCodeAt(at) !== QUOTE) return false;
          const valueStart = at + 1;
          const close = text.indexOf('"', valueStart);
          if (close < 0 || close >= end) return false;
          if (this.nextBackslash < valueStart) this.nextBackslash = text.indexOf('\\', valueStart) >>> 0;
          if (this.nextBackslash < close) return false;
          if (structural && !isFloatIn(text, valueStart, close)) return false;
          at = close + 1;
          const after = text.charCodeAt(at);
          if (after === CLOSE_BRACE) break;
          if (after !== COMMA) return false;
          at++;
        }
      }
      // Written with no blank, no escape and no trailing comma, the pairs are their own key (see readLabels).
      seriesStart = open;
      seriesEnd = at;
      at++;
      if (text.charCodeAt(at) !== SPACE) return false;
    }
    if (!isFloatIn(text, at + 1, end)) return false;
    this.lineLabelCount = lineLabelCount;
    if (family.samples === 0 || freshCount > 0) {
      this.lineStart = start;
      this.lineEnd = end;
      for (let index = 0; index < freshCount; index++) {
        const label = freshNames[index];
        const structural = this.freshStructural[index];
        family.known.push(label);
        family.structural.push(structural);
        if (!structural) family.labels.push({ name: label, location: this.at(this.freshStarts[index], this.freshStarts[index] + label.length) });
      }
      if (family.samples === 0) {
        family.type ??= 'untyped';
        this.place(family, PLACED_BY_SAMPLE, start, end, start, nameEnd);
      }
    }
    family.samples++;
    if (keyed) {
      this.series.add(family.index, seriesStart, seriesEnd, start, name === family.name ? 0 : nameEnd - start);
    }
    this.learnLayout(name, family, braces, keyed);
    return true;
  }

  /** The layout of the line readPlainSample has just read, unless one of the latest already is it. */
  private learnLayout(name: string, family: Family, braces: boolean, keyed: boolean): void {
    const labels = this.lineLabels;
    const count = this.lineLabelCount;
    let written = braces ? '{' : ' ';
    for (let index = 0; index < count; index++) {
      written += `${index === 0 ? '' : ','}${family.known[labels[index]]}${family.structural[labels[index]] ? '#' : ''}`;
    }
    const prefix = `${name}${braces ? '{' : ' '}`;
    const layouts = this.layouts;
    for (let index = 0; index < layouts.length; index++) if (layouts[index].prefix === prefix && layouts[index].written === written) return;
    let rest = this.restPatterns.get(written);
    if (!rest) {
      const values = labels.slice(0, count).map((label) => `${family.known[label]}="${family.structural[label] ? PLAIN_FLOAT : '[^"\\\\\\n]*'}"`);
      rest = new RegExp(braces ? `${values.join(',')}\\} ${PLAIN_FLOAT}\\n` : `${PLAIN_FLOAT}\\n`, 'y');
      this.restPatterns.set(written, rest);
    }
    layouts.unshift({
      family,
      name,
      prefix,
      written,
      rest,
      keyed: keyed && count > 0,
      keyedWithoutLabels: keyed && count === 0,
      ownName: name === family.name,
    });
    if (layouts.length > LAYOUTS_KEPT) layouts.pop();
  }

  /**
   * The sample lines from `start` on that are laid out as one readPlainSample read lately (the same name, the same labels
   * in the same order, no blank but the one before the value, no escape, no timestamp, a value written plainly): a
   * line's name is compared, and the rest matched by one regular expression, which reads its values in native code.
   * Returns where the first other line starts, having read nothing of it. What this takes, readPlainSample would take
   * alike, with the same effects: the layout's family has read a sample already, so only the line, the count and the
   * series' key are added. A small loop of its own: the bulk of a file runs here, compiled early.
   */
  private readLaidOutSamples(from: number): number {
    const text = this.text;
    const layouts = this.layouts;
    let start = from;
    lines: for (;;) {
      for (let tried = 0; tried < layouts.length; tried++) {
        const layout = layouts[tried];
        if (!text.startsWith(layout.prefix, start)) continue;
        const rest = layout.rest;
        rest.lastIndex = start + layout.prefix.length;
        if (!rest.test(text)) return start;
        const next = rest.lastIndex;
        this.lineNumber++;
        const family = layout.family;
        family.samples++;
        if (layout.keyed || layout.keyedWithoutLabels) {
          // The pairs run from the brace to the last quote: the value after them holds none.
          const seriesStart = start + layout.prefix.length;
          const seriesEnd = layout.keyed ? text.lastIndexOf('"', next) + 1 : seriesStart;
          this.series.add(family.index, seriesStart, seriesEnd, start, layout.ownName ? 0 : layout.name.length);
        }
        start = next;
        continue lines;
      }
      return start;
    }
  }

  private readLabels(family: Family, keyed: boolean): void {
    const names = this.seriesLabels;
    names.length = 0;
    let pairs = 0;
    for (;;) {
      this.skipBlanks();
      if (this.code() === 125 /* } */) {
        this.column++;
        this.skipBlanks();
        return;
      }
      const nameStart = this.column;
      const label = this.readName(false);
      if (label === '') this.fail(`invalid label name for metric "${family.name}"`);
      const labelEnd = this.column;
      this.skipBlanks();
      if (this.code() !== 61 /* = */) this.fail(`expected '=' after label name, found ${this.shown()}`);
      this.column++;
      if (label === '__name__') this.fail('label name "__name__" is reserved');
      const structural = isStructural(label, family);
      // As in expfmt, a repeated `le` on a histogram (or `quantile` on a summary) is not a repeated label name.
      if (!structural && names.includes(label)) this.fail(`duplicate label names for metric "${family.name}"`);
      names.push(label);
      this.skipBlanks();
      if (this.code() !== QUOTE) this.fail(`expected '"' at start of label value, found ${this.shown()}`);
      this.column++;
      const value = this.readLabelValue();
      if (structural && !isFloat(value)) this.fail(`expected float as value for '${label}' label, got "${value}"`);
      const fresh = !family.known.includes(label);
      if (fresh) {
        family.known.push(label);
        family.structural.push(structural);
      }
      if (!structural) {
        if (keyed) this.seriesKey += `${pairs++ === 0 ? '' : ','}${label}="${escapeLabelValue(value)}"`;
        if (fresh) family.labels.push({ name: label, location: this.at(nameStart, labelEnd) });
      }
      this.skipBlanks();
      if (this.code() === 44 /* , */) {
        this.column++;
        continue;
      }
      if (this.code() !== 125 /* } */) this.fail(`unexpected end of label value "${value}"`);
    }
  }

  private readLabelValue(): string {
    // Most values hold no escape: up to the closing quote in one slice.
    const text = this.text;
    const start = this.column;
    const close = text.indexOf('"', start);
    if (this.nextBackslash < start) this.nextBackslash = text.indexOf('\\', start) >>> 0;
    if (close >= 0 && close < this.lineEnd && close < this.nextBackslash) {
      this.column = close + 1;
      return text.slice(start, close);
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
    const start = this.skipUntilBlank();
    if (!isFloatIn(this.text, start, this.column)) this.fail(`expected float as value, got "${this.text.slice(start, this.column)}"`);
    if (this.atEnd()) return;
    this.skipBlanks();
    if (this.openMetrics && this.code() === HASH) return;
    const timestamp = this.readUntilBlank();
    // OpenMetrics timestamps are seconds and may have a fraction; the text format's are integer milliseconds.
    const valid = this.openMetrics ? isFloat(timestamp) : /^[+-]?[0-9]+$/.test(timestamp);
    if (!valid) this.fail(`expected integer as timestamp, got "${timestamp}"`);
    const rest = this.text.slice(this.column, this.lineEnd);
    if (this.openMetrics && /^[ \t]+#/.test(rest)) return;
    if (!this.atEnd()) this.fail(`spurious string after timestamp: "${rest}"`);
  }

  private shown(): string {
    return this.atEnd() ? 'the end of the line' : `'${this.peek()}'`;
  }

  private unescape(text: string, allowed: string): string {
    if (!text.includes('\\')) return text;
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

function isKeyed(family: Family): boolean {
  return family.type !== 'histogram' && family.type !== 'gaugehistogram' && family.type !== 'summary';
}

/** `le` of a histogram and `quantile` of a summary: part of the sample, not of the series. */
function isStructural(label: string, family: Family): boolean {
  return (label === 'quantile' && family.type === 'summary') || (label === 'le' && (family.type === 'histogram' || family.type === 'gaugehistogram'));
}

/** A label value as the text format writes it, so that a key built from read values equals the written pairs. */
function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value) ? value.replace(/[\\"\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`)) : value;
}

function isFloat(text: string): boolean {
  return isFloatIn(text, 0, text.length);
}

/** Whether text[start, end) is a float as Go's strconv.ParseFloat reads it when expfmt calls it: decimal
 *  (`[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?`) or an Inf/NaN spelling; no hex, no `_`; out of range is not. */
function isFloatIn(text: string, start: number, end: number): boolean {
  let index = start;
  const sign = index < end ? text.charCodeAt(index) : -1;
  if (sign === 43 /* + */ || sign === 45 /* - */) index++;
  const digitsStart = index;
  while (index < end && isDigit(text.charCodeAt(index))) index++;
  const integerDigits = index - digitsStart;
  let fractionDigits = 0;
  if (index < end && text.charCodeAt(index) === 46 /* . */) {
    index++;
    const fractionStart = index;
    while (index < end && isDigit(text.charCodeAt(index))) index++;
    fractionDigits = index - fractionStart;
  }
  if (integerDigits === 0 && fractionDigits === 0) return isSpecialFloat(text.slice(start, end));
  let exponent = false;
  if (index < end && (text.charCodeAt(index) | 0x20) === 101 /* e */) {
    exponent = true;
    index++;
    if (index < end && (text.charCodeAt(index) === 43 || text.charCodeAt(index) === 45)) index++;
    const exponentStart = index;
    while (index < end && isDigit(text.charCodeAt(index))) index++;
    if (index === exponentStart) return false;
  }
  if (index !== end) return false;
  // Fewer than 300 digits and no exponent cannot leave the range of a double.
  return (!exponent && end - start < 300) || Number.isFinite(Number(text.slice(start, end)));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Inf and Infinity with an optional sign, NaN without one: Go's ParseFloat takes a sign before the infinities only. */
function isSpecialFloat(text: string): boolean {
  return /^(?:[+-]?(?:inf|infinity)|nan)$/i.test(text);
}

/** Numbers per record of SeriesRecords: the family's index; where the key's pairs are in the text, or -1 - the index of a
 *  key readSample built, and 0; where the sample starts (its name, a repeat's place); the length of its name when it is
 *  not the family's own (0 otherwise). A repeat's line is counted only once it is found (placeRepeats). */
const RECORD_FIELDS = 5;

/** The series of keyed families in file order, kept as numbers outside the JavaScript heap: no key string or set lives
 *  through the parse, where each would be copied by every collection until promoted (25,000 of them in a 50,000-series
 *  file). */
class SeriesRecords {
  data = new Int32Array(RECORD_FIELDS * 1024);
  count = 0;
  /** The keys readSample built for lines it had to read piece by piece (blanks, escapes). */
  readonly builtKeys: string[] = [];

  add(family: number, keyStart: number, keyEnd: number, sampleStart: number, nameLength: number): void {
    let data = this.data;
    let field = this.count * RECORD_FIELDS;
    if (field === data.length) {
      data = new Int32Array(data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    data[field++] = family;
    data[field++] = keyStart;
    data[field++] = keyEnd;
    data[field++] = sampleStart;
    data[field] = nameLength;
    this.count++;
  }
}
