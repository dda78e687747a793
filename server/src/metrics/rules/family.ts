// What every metrics rule family sees: both sides' indexes with their definitions paired, the options, and one way to
// report. A family decides several IDs in one pass over the index.
import type { FixData, Location } from '../../engine/finding';
import type { RuleMeta } from '../../engine/rule';
import type { Severity } from '../../engine/finding';
import type { MetricDefinition, MetricsIndex } from '../model';

/** `.graycheck.yaml` `metrics.otelToPrometheus`: how OpenTelemetry names become Prometheus series names (DESIGN §1.4). */
export interface OtelToPrometheus {
  strategy: 'UnderscoreEscapingWithSuffixes' | 'UnderscoreEscapingWithoutSuffixes' | 'NoUTF8EscapingWithSuffixes' | 'NoTranslation';
  namespace: string;
  units: boolean;
  counterSuffix: boolean;
}

export interface MetricsOptions {
  otelToPrometheus: OtelToPrometheus;
  /** Lint OTel instruments' translated names with promlint too (off: semconv names are legitimate OTel names). */
  lintOtelNames: boolean;
}

export interface DefinitionPair {
  base: MetricDefinition;
  head: MetricDefinition;
}

export interface MetricsPair {
  /** Absent when the repository has no base (first commit): only head rules run. */
  base: MetricsIndex | undefined;
  head: MetricsIndex;
  /** Definitions present on both sides (paired by identity, then fallback identity). */
  pairs: DefinitionPair[];
  /** Base definitions with no partner at head, and head ones with none at base. */
  removed: MetricDefinition[];
  added: MetricDefinition[];
  options: MetricsOptions;
  /** Head files that could not be read in full: what they held at base is not known to be gone. */
  unreadable: ReadonlySet<string>;
  /** Base path → head path, for files git paired as renamed. */
  headPathOf(basePath: string): string;
}

export interface MetricsFinding {
  rule: string;
  location: Location;
  message: string;
  /** Where it was at the base (the base definition). */
  base?: Location;
  /** Another place at head it is about (the definition a call resolves to, the other definition of a name), with what it is. */
  related?: { location: Location; message: string };
  fixData?: FixData;
  /** When the rule's grade depends on the case (a warning for `DeleteLabelValues`, an error for `WithLabelValues`). */
  severity?: Severity;
}

export interface MetricsFamilyReport {
  finding(finding: MetricsFinding): void;
}

export interface MetricsFamily {
  rules: readonly RuleMeta[];
  check(pair: MetricsPair, report: MetricsFamilyReport): void;
}

export function metricsRule(id: string, categories: readonly string[], defaultSeverity: Severity, summary: string, sameAs?: string): RuleMeta {
  return { id, kind: 'metrics', categories, defaultSeverity, summary, ...(sameAs ? { sameAs } : {}) };
}
