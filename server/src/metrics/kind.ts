// The metrics kind as the registry describes it, without loading its parsers or rules (checker.ts adds those).
import { globsOption, type KindOption } from '../engine/config';
import type { KindDescription } from '../engine/kindOnDemand';
import type { OtelToPrometheus } from './rules/family';
import { recognizesMetricsInput, SOURCES } from './recognize';
import { DEFAULT_OTEL_TO_PROMETHEUS } from './semconv/otelNames';

export const METRICS_KIND: KindDescription = {
  kind: 'metrics',
  title: 'Metrics',
  files: {
    sources: SOURCES,
    sourcesOption: 'files',
    recognizes: recognizesMetricsInput,
    configuration: [],
    // A definition's labels decide what its call sites, rules and dashboards may use, wherever they are.
    sourceChange: 'dependents',
    languages: ['go', 'yaml', 'json', 'prometheus'],
  },
  // `files`: globs that narrow (or widen, for unusual names) where metric inputs are looked for; `otelToPrometheus`: how
  // the OpenTelemetry exporter names series (DESIGN §1.4), so that rules and dashboards match OTel instruments.
  options: [
    globsOption('files'),
    otelOption(),
    { key: 'lintOtelNames', default: false, read: (value) => (typeof value === 'boolean' ? { value } : { mustBe: 'true or false' }) },
  ],
};

const STRATEGIES: readonly OtelToPrometheus['strategy'][] = [
  'UnderscoreEscapingWithSuffixes',
  'UnderscoreEscapingWithoutSuffixes',
  'NoUTF8EscapingWithSuffixes',
  'NoTranslation',
];

function otelOption(): KindOption {
  return {
    key: 'otelToPrometheus',
    default: DEFAULT_OTEL_TO_PROMETHEUS,
    read: (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { mustBe: 'a map with strategy, namespace, units and counterSuffix' };
      const given = value as Record<string, unknown>;
      const merged = { ...DEFAULT_OTEL_TO_PROMETHEUS, ...given };
      if (!STRATEGIES.includes(merged.strategy)) return { mustBe: `a map whose strategy is one of ${STRATEGIES.join(', ')}` };
      if (typeof merged.namespace !== 'string') return { mustBe: 'a map whose namespace is a string' };
      if (typeof merged.units !== 'boolean' || typeof merged.counterSuffix !== 'boolean')
        return { mustBe: 'a map whose units and counterSuffix are true or false' };
      const unknown = Object.keys(given).filter((key) => !(key in DEFAULT_OTEL_TO_PROMETHEUS));
      if (unknown.length > 0) return { mustBe: `a map with only strategy, namespace, units and counterSuffix (not ${unknown.join(', ')})` };
      return { value: merged };
    },
  };
}
