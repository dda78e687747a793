// Which definition a query's metric name means: Prometheus series names per definition (a histogram's `_bucket`, `_sum`
// and `_count`; an OpenTelemetry instrument's translated name), indexed once per side.
import type { MetricDefinition, MetricsIndex } from '../model';
import { prometheusName } from '../semconv/otelNames';
import type { MetricsOptions } from './family';

/** The name Prometheus stores a definition under: OpenTelemetry names go through the exporter's translation. */
export function exposedName(definition: MetricDefinition, options: MetricsOptions): string {
  if (definition.source === 'otel-go' || definition.source === 'semconv')
    return prometheusName(definition.name, definition.type, definition.unit, options.otelToPrometheus);
  return definition.name;
}

/** Every series name a query may use for the definition. */
export function seriesNames(definition: MetricDefinition, options: MetricsOptions): string[] {
  const name = exposedName(definition, options);
  switch (definition.type) {
    case 'histogram':
    case 'gaugehistogram':
      return [name, `${name}_bucket`, `${name}_sum`, `${name}_count`, `${name}_created`];
    case 'summary':
      return [name, `${name}_sum`, `${name}_count`, `${name}_created`];
    case 'counter':
      // OpenMetrics families drop `_total`, their samples keep it.
      return name.endsWith('_total') ? [name, `${name.slice(0, -'_total'.length)}_created`] : [name, `${name}_total`, `${name}_created`];
    default:
      return [name];
  }
}

export class SeriesIndex {
  private readonly byName = new Map<string, MetricDefinition[]>();
  private readonly byDefinitionName = new Map<string, MetricDefinition[]>();

  constructor(index: MetricsIndex, options: MetricsOptions) {
    for (const definition of index.definitions) {
      for (const name of seriesNames(definition, options)) add(this.byName, name, definition);
      add(this.byDefinitionName, definition.name, definition);
    }
  }

  /** The definitions a query's metric name refers to. */
  forSeries(name: string): MetricDefinition[] {
    return this.byName.get(name) ?? [];
  }

  /** The definitions with this exact name, whatever their source. */
  named(name: string): MetricDefinition[] {
    return this.byDefinitionName.get(name) ?? [];
  }
}

const BUILT = new WeakMap<MetricsIndex, { naming: string; series: SeriesIndex }>();

/** The series index of a side, built once per index and naming options: every family of a check asks for the same one,
 *  and a base index (which lives as long as its tree) keeps its series index from keystroke to keystroke. */
export function seriesIndexOf(index: MetricsIndex, options: MetricsOptions): SeriesIndex {
  const naming = JSON.stringify(options.otelToPrometheus);
  const known = BUILT.get(index);
  if (known?.naming === naming) return known.series;
  const series = new SeriesIndex(index, options);
  BUILT.set(index, { naming, series });
  return series;
}

function add(map: Map<string, MetricDefinition[]>, key: string, definition: MetricDefinition): void {
  const list = map.get(key);
  if (list) list.push(definition);
  else map.set(key, [definition]);
}

/** A definition's label names, variable and constant. */
export function labelNamesOf(definition: MetricDefinition): Set<string> {
  return new Set([...(definition.labels ?? []).map((label) => label.name), ...definition.constLabels.map((label) => label.name)]);
}

export function quotedList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
