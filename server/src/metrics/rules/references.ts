// Rule files and dashboards against the definitions (DESIGN §2.1): a query that names a metric the workspace defined at the
// base and defines no more, or uses a label the metric had at the base and has no more. Only metrics some workspace source
// defined at the base are judged: most queries name exporters' metrics from elsewhere.
import type { MetricDefinition, QueryRef } from '../model';
import { replaceFix } from '../places';
import { metricsRule, type MetricsFamily, type MetricsPair } from './family';
import { exposedName, labelNamesOf, seriesIndexOf } from './series';

const BREAKING = ['BREAKING'];

export const METRIC_REFERENCED_MISSING = metricsRule(
  'METRIC_REFERENCED_MISSING',
  BREAKING,
  'error',
  'A rule or dashboard queries a metric that was defined at the base and is not any more',
);
export const LABEL_REFERENCED_MISSING = metricsRule(
  'LABEL_REFERENCED_MISSING',
  BREAKING,
  'error',
  'A rule or dashboard uses a label the metric had at the base and no longer has',
);

/** Labels Prometheus adds to series itself, whatever the definition says. */
const STRUCTURAL = new Set(['__name__', 'le', 'quantile']);

export const references: MetricsFamily = {
  rules: [METRIC_REFERENCED_MISSING, LABEL_REFERENCED_MISSING],
  check(pair, report) {
    if (!pair.base) return;
    const baseSeries = seriesIndexOf(pair.base, pair.options);
    const headSeries = seriesIndexOf(pair.head, pair.options);
    const headOf = new Map(pair.pairs.map(({ base, head }) => [base, head]));
    for (const ref of pair.head.queries) {
      const was = baseSeries.forSeries(ref.metric);
      if (was.length === 0) continue;
      // A definition in a file that could not be read at head may still be there.
      if (was.some((definition) => pair.unreadable.has(pair.headPathOf(definition.location.file)))) continue;
      const now = headSeries.forSeries(ref.metric);
      if (now.length === 0) {
        const renamedTo = renamedSeries(ref.metric, was, headOf, pair);
        const at = was[0].location;
        report.finding({
          rule: METRIC_REFERENCED_MISSING.id,
          location: ref.location,
          message: `"${ref.metric}" is used by ${contextOf(ref)} but no metric of that name is defined any more (was ${at.file}:${at.range.start.line + 1}).`,
          base: at,
          ...(renamedTo ? replaceFix(`Rename "${ref.metric}" to "${renamedTo}"`, ref.metric, renamedTo, [ref.location]) : {}),
        });
        continue;
      }
      // A head definition whose labels cannot be read says nothing about which labels are gone.
      if (now.some((definition) => !definition.labels)) continue;
      const headLabels = new Set(now.flatMap((definition) => [...labelNamesOf(definition)]));
      const baseLabels = new Set(was.flatMap((definition) => [...labelNamesOf(definition)]));
      for (const use of ref.labels) {
        if (STRUCTURAL.has(use.name) || !baseLabels.has(use.name) || headLabels.has(use.name)) continue;
        const renamedTo = renamedLabel(use.name, was, headOf);
        report.finding({
          rule: LABEL_REFERENCED_MISSING.id,
          location: use.location,
          message: `${contextOf(ref)} uses label "${use.name}" of "${ref.metric}", which no longer has it.`,
          base: was[0].location,
          ...(renamedTo ? replaceFix(`Change "${use.name}" to "${renamedTo}"`, use.name, renamedTo, [use.location]) : {}),
        });
      }
    }
  },
};

function contextOf(ref: QueryRef): string {
  return `${ref.context.kind} "${ref.context.name}"`;
}

/** The series name the query should use now, when the definition it meant was renamed (suffixes such as `_bucket` kept). */
function renamedSeries(
  metric: string,
  was: readonly MetricDefinition[],
  headOf: ReadonlyMap<MetricDefinition, MetricDefinition>,
  pair: MetricsPair,
): string | undefined {
  for (const definition of was) {
    const head = headOf.get(definition);
    if (!head) continue;
    const oldName = exposedName(definition, pair.options);
    const newName = exposedName(head, pair.options);
    if (oldName !== newName && metric.startsWith(oldName)) return newName + metric.slice(oldName.length);
  }
  return undefined;
}

/** The label's new name, when its definition renamed it in place (one label out, one in, same position). */
function renamedLabel(label: string, was: readonly MetricDefinition[], headOf: ReadonlyMap<MetricDefinition, MetricDefinition>): string | undefined {
  for (const definition of was) {
    const head = headOf.get(definition);
    const position = definition.labels?.findIndex((candidate) => candidate.name === label) ?? -1;
    if (!head?.labels || !definition.labels || position < 0 || head.labels.length !== definition.labels.length) continue;
    const replacement = head.labels[position].name;
    const headNames = new Set(head.labels.map((candidate) => candidate.name));
    const baseNames = new Set(definition.labels.map((candidate) => candidate.name));
    const removed = definition.labels.filter((candidate) => !headNames.has(candidate.name));
    if (removed.length === 1 && !baseNames.has(replacement)) return replacement;
  }
  return undefined;
}
