// Breaking changes of one definition between base and head (DESIGN §2.1): removed, renamed, another type or unit, labels
// removed, renamed or added. A definition is found again at head by its identity (file, binding, rank), so renaming the
// `Name:` literal is a rename and not a removal plus an addition.
import type { FixData, Location } from '../../engine/finding';
import { encodePlaces } from '../places';
import type { LabelCall, MetricDefinition, NamedPlace } from '../model';
import { metricsRule, type DefinitionPair, type MetricsFamily, type MetricsFamilyReport, type MetricsFinding, type MetricsPair } from './family';
import { exposedName, seriesIndexOf, type SeriesIndex } from './series';

const BREAKING = ['BREAKING'];

export const METRIC_REMOVED = metricsRule('METRIC_REMOVED', BREAKING, 'error', 'A metric defined at the base is defined nowhere at head');
export const METRIC_RENAMED = metricsRule('METRIC_RENAMED', BREAKING, 'error', 'A definition has another metric name at head');
export const METRIC_TYPE_CHANGED = metricsRule('METRIC_TYPE_CHANGED', BREAKING, 'error', "A metric's type or instrument changed");
export const METRIC_UNIT_CHANGED = metricsRule('METRIC_UNIT_CHANGED', BREAKING, 'error', "A metric's unit changed");
export const METRIC_LABEL_REMOVED = metricsRule('METRIC_LABEL_REMOVED', BREAKING, 'error', 'A label present at the base is gone from the metric');
export const METRIC_LABEL_RENAMED = metricsRule('METRIC_LABEL_RENAMED', BREAKING, 'error', 'A label was replaced by another at the same position');
export const METRIC_LABEL_ADDED = metricsRule('METRIC_LABEL_ADDED', BREAKING, 'warning', 'A label was added to an existing metric');

export const definitionChanges: MetricsFamily = {
  rules: [METRIC_REMOVED, METRIC_RENAMED, METRIC_TYPE_CHANGED, METRIC_UNIT_CHANGED, METRIC_LABEL_REMOVED, METRIC_LABEL_RENAMED, METRIC_LABEL_ADDED],
  check(pair, report) {
    if (!pair.base) return;
    const headSeries = seriesIndexOf(pair.head, pair.options);
    const uses = new QueryUses(pair);
    for (const definitions of pair.pairs) checkPair(definitions, pair, uses, headSeries, report);
    for (const removed of pair.removed) {
      // What a file that could not be read held is not known to be gone; a name still defined elsewhere is not removed.
      if (pair.unreadable.has(pair.headPathOf(removed.location.file)) || headSeries.named(removed.name).length > 0) continue;
      const used = uses.queriesOfMetric(removed);
      report.finding({
        rule: METRIC_REMOVED.id,
        location: { ...removed.location, file: pair.headPathOf(removed.location.file) },
        message: `Metric "${removed.name}" was removed; it was defined at ${removed.location.file}:${removed.location.range.start.line + 1}.${used > 0 ? ` It is still used by ${used} rules/dashboards.` : ''}`,
        base: removed.location,
        ...(removed.restoreText ? { fixData: { fix: 'restoreDefinition', name: removed.name, text: removed.restoreText } } : {}),
      });
    }
  },
};

function checkPair({ base, head }: DefinitionPair, pair: MetricsPair, uses: QueryUses, headSeries: SeriesIndex, report: MetricsFamilyReport): void {
  if (base.name !== head.name && headSeries.named(base.name).length === 0) {
    report.finding({
      rule: METRIC_RENAMED.id,
      location: head.location,
      message: `Metric "${base.name}" was renamed to "${head.name}".`,
      base: base.location,
      fixData: {
        fix: 'metricRenamed',
        oldName: exposedName(base, pair.options),
        newName: exposedName(head, pair.options),
        restoreName: base.name,
        currentName: head.name,
        places: encodePlaces(uses.placesOfMetric(base)),
        ...(head.nameLocation ? { namePlace: encodePlaces([head.nameLocation]) } : {}),
      },
    });
  }
  if (base.type !== head.type) {
    report.finding({
      rule: METRIC_TYPE_CHANGED.id,
      location: head.location,
      message: `Metric "${head.name}" changed type from ${base.type} to ${head.type}; queries using rate()/histogram_quantile() on it break.`,
      base: base.location,
      // Only an `instrument:` value is one literal; a Go type is its constructor, which a text edit does not safely swap.
      ...(head.typeLocation && head.source === 'semconv' && base.source === 'semconv' && base.type !== 'untyped'
        ? {
            fixData: {
              fix: 'revertValue',
              title: `Revert to the base value: instrument ${base.type}`,
              from: head.type,
              to: base.type,
              at: encodePlaces([head.typeLocation]),
            },
          }
        : {}),
    });
  }
  if ((base.unit ?? '') !== (head.unit ?? '')) {
    const oldName = exposedName(base, pair.options);
    const newName = exposedName(head, pair.options);
    const renamed = oldName !== newName ? ` (Prometheus name ${oldName} → ${newName})` : '';
    const consequential = base.stability === 'stable' || uses.ofMetric(base) > 0;
    report.finding({
      rule: METRIC_UNIT_CHANGED.id,
      location: head.location,
      message: `Metric "${head.name}" changed unit from "${base.unit ?? ''}" to "${head.unit ?? ''}"${renamed}`,
      base: base.location,
      severity: consequential ? 'error' : 'warning',
      ...(head.unitLocation && head.unit !== undefined
        ? {
            fixData: {
              fix: 'revertValue',
              title: `Revert to the base value: unit "${base.unit ?? ''}"`,
              from: head.unit,
              to: base.unit ?? '',
              at: encodePlaces([head.unitLocation]),
            },
          }
        : {}),
    });
  }
  checkLabels(base, head, uses, pair.head.calls, report);
  checkConstLabels(base, head, uses, report);
}

function checkLabels(base: MetricDefinition, head: MetricDefinition, uses: QueryUses, calls: readonly LabelCall[], report: MetricsFamilyReport): void {
  if (!base.labels || !head.labels) return;
  const headNames = new Set(head.labels.map((label) => label.name));
  const baseNames = new Set(base.labels.map((label) => label.name));
  // A variable label that became a constant one (or the reverse) is still on every series: neither removed nor added.
  const headConst = new Set(head.constLabels.map((label) => label.name));
  const baseConst = new Set(base.constLabels.map((label) => label.name));
  const removed = base.labels.filter((label) => !headNames.has(label.name) && !headConst.has(label.name));
  const added = head.labels.filter((label) => !baseNames.has(label.name) && !baseConst.has(label.name));
  // One label out and one in at the same position is the same label under another name.
  const renamed = removed.length === 1 && added.length === 1 && positionOf(base.labels, removed[0]) === positionOf(head.labels, added[0]);
  if (renamed) {
    const [old, now] = [removed[0].name, added[0].name];
    const places = [...uses.placesOfLabel(base, old), ...keysAtCalls(calls, head, old)];
    report.finding({
      rule: METRIC_LABEL_RENAMED.id,
      location: head.location,
      message: `Label "${old}" of metric "${head.name}" was renamed to "${now}".`,
      base: base.location,
      fixData: {
        fix: 'labelRenamed',
        oldLabel: old,
        newLabel: now,
        places: encodePlaces(places),
        ...(added[0].location ? { definitionLabel: encodePlaces([added[0].location]) } : {}),
      },
    });
  } else {
    for (const label of removed) {
      report.finding({ ...labelRemoved(label.name, base, head, uses), ...restoreLabelFix(head.labels, label.name, positionOf(base.labels, label)) });
    }
    for (const label of added) {
      const stableSemconv =
        head.source === 'semconv' &&
        base.stability === 'stable' &&
        head.attributes?.find((attribute) => attribute.name === label.name)?.requirementLevel !== 'opt_in';
      report.finding({
        rule: METRIC_LABEL_ADDED.id,
        location: head.location,
        message: `Label "${label.name}" was added to metric "${head.name}"; existing series change identity and 1:1 vector matches on it may fail.`,
        base: base.location,
        ...(stableSemconv ? { severity: 'error' as const } : {}),
      });
    }
  }
}

function labelRemoved(label: string, base: MetricDefinition, head: MetricDefinition, uses: QueryUses): MetricsFinding {
  const used = uses.ofLabel(base, label);
  return {
    rule: METRIC_LABEL_REMOVED.id,
    location: head.location,
    message: `Label "${label}" was removed from metric "${head.name}".${used > 0 ? ` It is used by ${used} queries.` : ''}`,
    base: base.location,
  };
}

/** Constant labels gone from the metric: read even when a variable label list is not (a parameter, a spread). */
function checkConstLabels(base: MetricDefinition, head: MetricDefinition, uses: QueryUses, report: MetricsFamilyReport): void {
  const headConst = new Set(head.constLabels.map((label) => label.name));
  // Unknown variable labels at head may hold the label: nothing is known to be gone.
  if (!head.labels) return;
  const headNames = new Set(head.labels.map((label) => label.name));
  for (const label of base.constLabels) {
    if (headConst.has(label.name) || headNames.has(label.name)) continue;
    report.finding(labelRemoved(label.name, base, head, uses));
  }
}

function positionOf(labels: readonly NamedPlace[], label: NamedPlace): number {
  return labels.findIndex((candidate) => candidate.name === label.name);
}

/** Where the label goes back: before the label now at its base position, or after the last one. */
function restoreLabelFix(labels: readonly NamedPlace[], label: string, position: number): { fixData?: FixData } {
  const before = labels[position];
  const after = labels[labels.length - 1];
  if (before?.location) return { fixData: { fix: 'restoreLabel', label, before: encodePlaces([before.location]), beforeName: before.name } };
  if (after?.location) return { fixData: { fix: 'restoreLabel', label, after: encodePlaces([after.location]), afterName: after.name } };
  return {};
}

/** The `With` map keys at head that name the label on this definition. */
function keysAtCalls(calls: readonly LabelCall[], definition: MetricDefinition, label: string): Location[] {
  return calls.flatMap((call) =>
    call.definitions.includes(definition) ? (call.keys ?? []).flatMap((key) => (key.name === label && key.location ? [key.location] : [])) : [],
  );
}

/** How many rule and dashboard references at head use a base definition, or one of its labels: counted in one pass. */
export class QueryUses {
  private readonly metrics = new Map<MetricDefinition, Location[]>();
  /** The rules, records, panels and variables (by file and name) that query each definition. */
  private readonly contexts = new Map<MetricDefinition, Set<string>>();
  private readonly labels = new Map<MetricDefinition, Map<string, Location[]>>();

  constructor(pair: MetricsPair) {
    if (!pair.base) return;
    const baseSeries = seriesIndexOf(pair.base, pair.options);
    for (const ref of pair.head.queries) {
      for (const definition of baseSeries.forSeries(ref.metric)) {
        const places = this.metrics.get(definition);
        if (places) places.push(ref.location);
        else this.metrics.set(definition, [ref.location]);
        const context = `${ref.location.file}\0${ref.context.kind}\0${ref.context.name}`;
        const contexts = this.contexts.get(definition);
        if (contexts) contexts.add(context);
        else this.contexts.set(definition, new Set([context]));
        let labels = this.labels.get(definition);
        if (!labels) this.labels.set(definition, (labels = new Map()));
        for (const use of ref.labels) {
          const places = labels.get(use.name);
          if (places) places.push(use.location);
          else labels.set(use.name, [use.location]);
        }
      }
    }
  }

  ofMetric(base: MetricDefinition): number {
    return this.placesOfMetric(base).length;
  }

  /** How many rules and dashboard panels (not selectors) query the definition. */
  queriesOfMetric(base: MetricDefinition): number {
    return this.contexts.get(base)?.size ?? 0;
  }

  placesOfMetric(base: MetricDefinition): Location[] {
    return this.metrics.get(base) ?? [];
  }

  ofLabel(base: MetricDefinition, label: string): number {
    return this.placesOfLabel(base, label).length;
  }

  placesOfLabel(base: MetricDefinition, label: string): Location[] {
    return this.labels.get(base)?.get(label) ?? [];
  }
}
