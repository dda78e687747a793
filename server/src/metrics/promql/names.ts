// Which metric definitions a series name in a query may come from: a histogram is queried as `x_bucket`, `x_sum` and
// `x_count`, an OpenMetrics counter `x` is exposed as `x_total` (and `x_created`), an info metric `x` as `x_info`.
import type { MetricType } from '../model';

export interface SeriesCandidate {
  /** A definition name the series may belong to. */
  name: string;
  /** The suffix taken off the series name to get `name` ('' for the series name itself). */
  strippedSuffix: string;
  /** The definition types that expose a series with that suffix; undefined when any type does (no suffix taken). */
  types?: readonly MetricType[];
}

const SUFFIXES: readonly { suffix: string; types: readonly MetricType[] }[] = [
  { suffix: '_bucket', types: ['histogram', 'gaugehistogram'] },
  { suffix: '_sum', types: ['histogram', 'summary'] },
  { suffix: '_count', types: ['histogram', 'summary'] },
  { suffix: '_gsum', types: ['gaugehistogram'] },
  { suffix: '_gcount', types: ['gaugehistogram'] },
  { suffix: '_total', types: ['counter'] },
  { suffix: '_created', types: ['counter', 'histogram', 'summary'] },
  { suffix: '_info', types: ['info'] },
];

/** The series name itself, then each name it may be a suffixed series of, with the suffix and the types that allow it. */
export function seriesCandidatesWithSuffix(metric: string): SeriesCandidate[] {
  const candidates: SeriesCandidate[] = [{ name: metric, strippedSuffix: '' }];
  for (const { suffix, types } of SUFFIXES) {
    if (metric.length <= suffix.length || !metric.endsWith(suffix)) continue;
    const name = metric.slice(0, -suffix.length);
    candidates.push({ name, strippedSuffix: suffix, types });
    // client_golang names a counter `x_total` itself; its OpenMetrics created series is still `x_created`.
    if (suffix === '_created') candidates.push({ name: `${name}_total`, strippedSuffix: suffix, types: ['counter'] });
  }
  return candidates;
}

/** The definition names a query's series name may refer to, itself first, without repeats. */
export function seriesCandidates(metric: string): string[] {
  return [...new Set(seriesCandidatesWithSuffix(metric).map((candidate) => candidate.name))];
}
