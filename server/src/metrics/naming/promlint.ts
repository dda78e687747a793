// promlint's nine validations (client_golang ≥ 1.24, `prometheus/testutil/promlint/validations`), one family at a time,
// with its problem texts word for word and in its default order, so a finding reads exactly as `promtool check metrics`
// prints it. Each problem carries our rule ID; `PROMLINT_VALIDATIONS` maps it to promlint's validation name.
import type { MetricType } from '../model';

export interface LintableFamily {
  name: string;
  type: MetricType;
  /** Undefined when there is no help at all; `''` is linted the same (a `# HELP name` line with no text sets none). */
  help: string | undefined;
  /** The label names the family's series (or its definition) carry, each once. */
  labels: string[];
  /** Two series with the same label pairs (exposition files only). */
  duplicate: boolean;
}

export interface LintProblem {
  rule: string;
  text: string;
}

/** Our rule ID → promlint's validation name, in promlint's default order. */
export const PROMLINT_VALIDATIONS = {
  PROMLINT_HELP: 'LintHelp',
  PROMLINT_METRIC_UNITS: 'LintMetricUnits',
  PROMLINT_COUNTER: 'LintCounter',
  PROMLINT_HISTOGRAM_SUMMARY_RESERVED: 'LintHistogramSummaryReserved',
  PROMLINT_TYPE_IN_NAME: 'LintMetricTypeInName',
  PROMLINT_RESERVED_CHARS: 'LintReservedChars',
  PROMLINT_CAMEL_CASE: 'LintCamelCase',
  PROMLINT_UNIT_ABBREVIATIONS: 'LintUnitAbbreviations',
  PROMLINT_DUPLICATE_METRIC: 'LintDuplicateMetric',
} as const;

export type PromlintRule = keyof typeof PROMLINT_VALIDATIONS;

/** A unit word and the base unit promlint asks for instead (a base unit maps to itself). */
const UNITS: ReadonlyMap<string, string> = new Map([
  ...['amperes', 'bytes', 'celsius', 'grams', 'joules', 'kelvin', 'meters', 'metres', 'seconds', 'volts'].map((unit): [string, string] => [unit, unit]),
  ...['minutes', 'hours', 'days', 'weeks'].map((unit): [string, string] => [unit, 'seconds']),
  ['kelvins', 'kelvin'],
  ['fahrenheit', 'celsius'],
  ['rankine', 'celsius'],
  ...['inches', 'yards', 'miles'].map((unit): [string, string] => [unit, 'meters']),
  ['bits', 'bytes'],
  ['calories', 'joules'],
  ['pounds', 'grams'],
  ['ounces', 'grams'],
]);

const UNIT_PREFIXES = [
  'pico',
  'nano',
  'micro',
  'milli',
  'centi',
  'deci',
  'deca',
  'hecto',
  'kilo',
  'kibi',
  'mega',
  'mibi',
  'giga',
  'gibi',
  'tera',
  'tebi',
  'peta',
  'pebi',
];

const UNIT_ABBREVIATIONS = ['s', 'ms', 'us', 'ns', 'sec', 'b', 'kb', 'mb', 'gb', 'tb', 'pb', 'm', 'h', 'd'];

/** Every name token metricUnit accepts, bare or after one prefix, with its base unit: the first reading in UNITS' and
 *  UNIT_PREFIXES' order, so one lookup per token answers as trying each prefix in turn would. */
const UNIT_TOKENS: ReadonlyMap<string, string> = (() => {
  const tokens = new Map(UNITS);
  for (const prefix of UNIT_PREFIXES) {
    for (const [unit, base] of UNITS) if (!tokens.has(prefix + unit)) tokens.set(prefix + unit, base);
  }
  return tokens;
})();

/** Some abbreviation of UNIT_ABBREVIATIONS as a token after the first one, as hasToken finds it: most names have none,
 *  and one search says so instead of one per abbreviation. */
const ABBREVIATION_TOKEN = new RegExp(`_(?:${UNIT_ABBREVIATIONS.join('|')})(?:_|$)`);

/** `_word_` and `_word` of each word hasToken is asked about, made once. */
const TOKEN_FORMS = new Map<string, [string, string]>();

const CAMEL_CASE = /[a-z][A-Z]/;

/** The type as promlint spells it (the protobuf enum in lower case); OTel and OpenMetrics-only types as Prometheus stores them. */
function promlintType(type: MetricType): string {
  switch (type) {
    case 'gaugehistogram':
      return 'gauge_histogram';
    case 'updowncounter':
    case 'info':
    case 'stateset':
      return 'gauge';
    default:
      return type;
  }
}

/** True when `word` appears in the lower-cased name as a whole `_`-separated token after the first one. */
function hasToken(lowerName: string, word: string): boolean {
  let forms = TOKEN_FORMS.get(word);
  if (!forms) TOKEN_FORMS.set(word, (forms = [`_${word}_`, `_${word}`]));
  return lowerName.includes(forms[0]) || lowerName.endsWith(forms[1]);
}

/** The first token that is a known unit, bare or after one prefix, with its base unit. */
function metricUnit(name: string): { unit: string; base: string } | undefined {
  // Indexed, not for-of (which allocates at each step in uncompiled code); not one regular expression over UNIT_TOKENS
  // either, whose 456 alternatives took 7 ms to compile in every process.
  const tokens = name.split('_');
  for (let index = 0; index < tokens.length; index++) {
    const base = UNIT_TOKENS.get(tokens[index]);
    if (base) return { unit: tokens[index], base };
  }
  return undefined;
}

/** promlint's problems for one family, in promlint's order (validation by validation); promtool sorts them for printing. */
export function lintFamily(family: LintableFamily): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (rule: PromlintRule, text: string): void => void problems.push({ rule, text });
  const { name, labels } = family;
  const type = promlintType(family.type);
  const lowerName = name.toLowerCase();

  if (family.help === undefined || family.help === '') report('PROMLINT_HELP', 'no help text');

  const unit = metricUnit(name);
  if (unit && unit.unit !== unit.base) report('PROMLINT_METRIC_UNITS', `use base unit "${unit.base}" instead of "${unit.unit}"`);

  const hasTotal = name.endsWith('_total');
  if (type === 'counter' && !hasTotal) report('PROMLINT_COUNTER', 'counter metrics should have "_total" suffix');
  else if (type !== 'counter' && type !== 'untyped' && hasTotal) report('PROMLINT_COUNTER', 'non-counter metrics should not have "_total" suffix');

  if (type !== 'untyped') {
    const isHistogram = type === 'histogram';
    const isSummary = type === 'summary';
    const reserved = (text: string): void => report('PROMLINT_HISTOGRAM_SUMMARY_RESERVED', text);
    if (!isHistogram && name.endsWith('_bucket')) reserved('non-histogram metrics should not have "_bucket" suffix');
    if (!isHistogram && !isSummary && name.endsWith('_count')) reserved('non-histogram and non-summary metrics should not have "_count" suffix');
    if (!isHistogram && !isSummary && name.endsWith('_sum')) reserved('non-histogram and non-summary metrics should not have "_sum" suffix');
    for (let index = 0; index < labels.length; index++) {
      const label = labels[index];
      if (!isHistogram && label === 'le') reserved('non-histogram metrics should not have "le" label');
      if (!isSummary && label === 'quantile') reserved('non-summary metrics should not have "quantile" label');
    }
  }

  // Since client_golang v1.20.0 only the family's own type counts, and untyped families are skipped.
  if (type !== 'untyped' && hasToken(lowerName, type)) report('PROMLINT_TYPE_IN_NAME', `metric name should not include type '${type}'`);

  if (name.includes(':')) report('PROMLINT_RESERVED_CHARS', "metric names should not contain ':'");

  if (CAMEL_CASE.test(name)) report('PROMLINT_CAMEL_CASE', "metric names should be written in 'snake_case' not 'camelCase'");
  for (let index = 0; index < labels.length; index++) {
    if (CAMEL_CASE.test(labels[index])) report('PROMLINT_CAMEL_CASE', "label names should be written in 'snake_case' not 'camelCase'");
  }

  // One problem per abbreviation found, as promlint reports them. (Loops here are indexed: a short process runs this
  // uncompiled, where each step of a for-of allocates.)
  if (ABBREVIATION_TOKEN.test(lowerName)) {
    for (let index = 0; index < UNIT_ABBREVIATIONS.length; index++) {
      if (hasToken(lowerName, UNIT_ABBREVIATIONS[index])) report('PROMLINT_UNIT_ABBREVIATIONS', 'metric names should not contain abbreviated units');
    }
  }

  if (family.duplicate) report('PROMLINT_DUPLICATE_METRIC', 'metric not unique');
  return problems;
}
