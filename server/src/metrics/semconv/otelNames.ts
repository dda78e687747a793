// OpenTelemetry instrument and attribute names as a Prometheus exporter exposes them (prometheus/otlptranslator, used
// by the OTel Go exporter; DESIGN §1.4). A unit or instrument change renames the series, so rules compare these names.
// The exporter's `WithoutUnits` drops the unit suffixes (`_ratio` included), `WithoutCounterSuffixes` drops `_total`.
import type { MetricType } from '../model';
import type { OtelToPrometheus } from '../rules/family';

/** The OTel Go Prometheus exporter's defaults. */
export const DEFAULT_OTEL_TO_PROMETHEUS: OtelToPrometheus = { strategy: 'UnderscoreEscapingWithSuffixes', namespace: '', units: true, counterSuffix: true };

const UNITS: Record<string, string> = {
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  TiBy: 'tibibytes',
  KBy: 'kilobytes',
  MBy: 'megabytes',
  GBy: 'gigabytes',
  TBy: 'terabytes',
  m: 'meters',
  V: 'volts',
  A: 'amperes',
  J: 'joules',
  W: 'watts',
  g: 'grams',
  Cel: 'celsius',
  Hz: 'hertz',
  '1': '',
  '%': 'percent',
};

/** The unit after `/`, singular: `By/s` is `bytes_per_second`. */
const PER_UNITS: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', mo: 'month', y: 'year' };

const OUTSIDE_METRIC_CHARACTERS = /[^a-zA-Z0-9:]+/;

function escapes(options: OtelToPrometheus): boolean {
  return options.strategy === 'UnderscoreEscapingWithSuffixes' || options.strategy === 'UnderscoreEscapingWithoutSuffixes';
}

function addsSuffixes(options: OtelToPrometheus): boolean {
  return options.strategy === 'UnderscoreEscapingWithSuffixes' || options.strategy === 'NoUTF8EscapingWithSuffixes';
}

function tokens(name: string): string[] {
  return name.split(OUTSIDE_METRIC_CHARACTERS).filter((token) => token !== '');
}

/** The main and the `per_` suffix of a UCUM unit, before escaping; annotations (`{request}`) give none. */
function unitSuffixes(unit: string | undefined): [string, string] {
  if (!unit) return ['', ''];
  const slash = unit.indexOf('/');
  const main = (slash < 0 ? unit : unit.slice(0, slash)).trim();
  const per = slash < 0 ? '' : unit.slice(slash + 1).trim();
  const mainSuffix = main !== '' && !/[{}]/.test(main) ? (UNITS[main] ?? main) : '';
  const perSuffix = per !== '' && !/[{}]/.test(per) ? (PER_UNITS[per] ?? per) : '';
  return [mainSuffix, perSuffix === '' ? '' : `per_${perSuffix}`];
}

/** A unit suffix made a valid name part: other characters become `_`, runs of `_` one, no leading `_`. */
function cleanUnit(suffix: string): string {
  return suffix
    .replace(/[^a-zA-Z0-9:]/g, '_')
    .replace(/__+/g, '_')
    .replace(/^_/, '');
}

function trimSuffixAndDelimiter(name: string, suffix: string): string {
  return name.endsWith(suffix) && name.length > suffix.length + 1 ? name.slice(0, name.length - suffix.length - 1) : name;
}

export function prometheusName(name: string, type: MetricType, unit: string | undefined, options: OtelToPrometheus): string {
  const withUnits = addsSuffixes(options) && options.units;
  const withTotal = addsSuffixes(options) && options.counterSuffix && type === 'counter';
  const withRatio = withUnits && unit === '1' && type === 'gauge';
  if (!escapes(options)) return utf8Name(name, unit, options.namespace, { withUnits, withTotal, withRatio });
  if (!addsSuffixes(options)) {
    const escaped = tokens(name).join('_');
    if (options.namespace) return `${tokens(options.namespace).join('_')}_${escaped}`;
    return /^[0-9]/.test(escaped) ? `_${escaped}` : escaped;
  }
  let parts = tokens(name);
  if (withUnits) {
    let [main, per] = unitSuffixes(unit).map(cleanUnit);
    // A unit already spelled as a token of the name is not repeated (`process.cpu.seconds` + `s`).
    if (parts.includes(main)) main = '';
    per = per === 'per_' ? '' : per.replace(/_$/, '');
    if (parts.includes(per)) per = '';
    if (per !== '') main = main.replace(/_$/, '');
    if (main !== '') parts.push(main);
    if (per !== '') parts.push(per);
  }
  if (withTotal) parts = [...parts.filter((part) => part !== 'total'), 'total'];
  if (withRatio) parts = [...parts.filter((part) => part !== 'ratio'), 'ratio'];
  // The namespace is put in front as written (otlptranslator does not escape it on this path).
  if (options.namespace) parts.unshift(options.namespace);
  const joined = parts.join('_');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** The strategies that keep UTF-8 names: only the namespace and (with suffixes) the suffixes change the name. */
function utf8Name(name: string, unit: string | undefined, namespace: string, add: { withUnits: boolean; withTotal: boolean; withRatio: boolean }): string {
  let result = namespace ? `${namespace}_${name}` : name;
  const after: string[] = [];
  if (add.withRatio) {
    result = trimSuffixAndDelimiter(result, 'ratio');
    after.unshift('ratio');
  }
  if (add.withTotal) {
    result = trimSuffixAndDelimiter(result, 'total');
    after.unshift('total');
  }
  if (add.withUnits) {
    const [main, per] = unitSuffixes(unit);
    if (per !== '') {
      result = trimSuffixAndDelimiter(result, per);
      after.unshift(per);
    }
    if (main !== '' && !result.endsWith(main)) result = `${result}_${main}`;
  }
  return [result, ...after].join('_');
}

/** An attribute key as a label name: characters outside `[a-zA-Z0-9_]` become `_`; a leading digit gets `key_`, a single
 *  leading `_` gets `key` (a `__` name is left reserved). */
export function prometheusLabel(key: string, options: OtelToPrometheus): string {
  if (!escapes(options) || key === '') return key;
  const sanitized = key.replace(/[^a-zA-Z0-9_]/g, '_');
  if (/^[0-9]/.test(sanitized)) return `key_${sanitized}`;
  if (sanitized.startsWith('_') && !sanitized.startsWith('__')) return `key${sanitized}`;
  return sanitized;
}
