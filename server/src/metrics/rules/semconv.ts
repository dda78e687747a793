// What only a semantic-convention registry can say about a change: a stable metric made unstable, a metric newly
// deprecated, and registry attributes removed or (when stable) retyped or made unstable — Weaver's compatibility policy, with its texts
// where it has one. Metric removal, renames, unit, instrument and label changes are every source's, and decided elsewhere.
import type { Location } from '../../engine/finding';
import { START_OF_FILE } from '../../engine/range';
import type { MetricDefinition, QueryRef, RegistryAttribute } from '../model';
import { encodePlaces, replaceFix } from '../places';
import { metricsRule, type MetricsFamily, type MetricsFamilyReport, type MetricsPair } from './family';
import { exposedName, seriesIndexOf, seriesNames, type SeriesIndex } from './series';

export const SEMCONV_RULES = [
  metricsRule(
    'METRIC_STABILITY_DOWNGRADED',
    ['BREAKING', 'SEMCONV'],
    'error',
    'A semantic-convention metric that was stable at the base is not stable at head',
    'weaver:compatibility_metric_changed_stability',
  ),
  metricsRule('METRIC_DEPRECATED', ['BREAKING', 'SEMCONV'], 'info', 'A semantic-convention metric is deprecated at head and was not at the base'),
  metricsRule(
    'ATTRIBUTE_REMOVED',
    ['BREAKING', 'SEMCONV'],
    'error',
    'An attribute of the semantic-convention registry at the base is missing at head',
    'weaver:compatibility_removed_attribute',
  ),
  metricsRule(
    'ATTRIBUTE_TYPE_CHANGED',
    ['BREAKING', 'SEMCONV'],
    'error',
    'A registry attribute that was stable at the base has another type at head',
    'weaver:compatibility_stable_attribute_changed_type',
  ),
  metricsRule(
    'ATTRIBUTE_STABILITY_DOWNGRADED',
    ['BREAKING', 'SEMCONV'],
    'error',
    'A registry attribute that was stable at the base has another stability at head',
    'weaver:compatibility_stable_attribute_now_unstable',
  ),
] as const;

export const semconvFamily: MetricsFamily = {
  rules: SEMCONV_RULES,
  check(pair, report) {
    let headSeries: SeriesIndex | undefined;
    for (const { base, head } of pair.pairs) {
      if (base.source !== 'semconv' || head.source !== 'semconv') continue;
      checkStability(base, head, report);
      if (checkDeprecation(base, head, report)) checkDeprecatedUses(head, pair, (headSeries ??= seriesIndexOf(pair.head, pair.options)), report);
    }
    checkAttributes(pair, report);
  },
};

function checkStability(base: MetricDefinition, head: MetricDefinition, report: MetricsFamilyReport): void {
  if (base.stability !== 'stable' || head.stability === 'stable') return;
  report.finding({
    rule: 'METRIC_STABILITY_DOWNGRADED',
    location: head.location,
    message: `Metric "${head.name}" cannot change from stable (now ${head.stability ?? 'unset'}).`,
    base: base.location,
    // Only a written `stability:` value is one literal to change back; a removed one would need a line put in.
    ...(head.stabilityLocation && head.stability !== undefined
      ? {
          fixData: {
            fix: 'revertValue',
            title: 'Revert to the base value: stability stable',
            from: head.stability,
            to: 'stable',
            at: encodePlaces([head.stabilityLocation]),
          },
        }
      : {}),
  });
}

/** Whether the metric is newly deprecated (and reported so). */
function checkDeprecation(base: MetricDefinition, head: MetricDefinition, report: MetricsFamilyReport): boolean {
  if (!head.deprecated || base.deprecated) return false;
  report.finding({
    rule: 'METRIC_DEPRECATED',
    location: head.location,
    message: `Metric "${head.name}" is deprecated (${deprecationText(head)}).`,
    base: base.location,
    ...(head.deprecated.renamedTo ? { fixData: { renamedTo: head.deprecated.renamedTo } } : {}),
  });
  return true;
}

function deprecationText(definition: MetricDefinition): string {
  const { reason, renamedTo } = definition.deprecated!;
  return `${reason}${renamedTo ? `, renamed to "${renamedTo}"` : ''}`;
}

/** Each rule or dashboard query at head of a newly deprecated metric's Prometheus series: a warning on the selector, with
 *  the rename to the replacement's series when `renamed_to` names a metric the head defines. */
function checkDeprecatedUses(head: MetricDefinition, pair: MetricsPair, headSeries: SeriesIndex, report: MetricsFamilyReport): void {
  const renamedTo = head.deprecated?.renamedTo;
  const replacement = renamedTo
    ? (headSeries.named(renamedTo).find((definition) => definition.source === 'semconv') ?? headSeries.named(renamedTo)[0])
    : undefined;
  for (const ref of pair.head.queries) {
    if (!headSeries.forSeries(ref.metric).includes(head)) continue;
    const newSeries = replacement && replacementSeries(ref, head, replacement, pair);
    report.finding({
      rule: 'METRIC_DEPRECATED',
      location: ref.location,
      message: `${ref.context.kind} "${ref.context.name}" uses "${ref.metric}", whose metric "${head.name}" is deprecated (${deprecationText(head)}).`,
      related: { location: head.location, message: `the deprecated metric "${head.name}"` },
      severity: 'warning',
      ...(newSeries ? replaceFix(`Rename uses to "${newSeries}"`, ref.metric, newSeries, [ref.location]) : {}),
    });
  }
}

/** The replacement's series for the one the query names (`_bucket` stays `_bucket`), when the replacement has such a series. */
function replacementSeries(ref: QueryRef, deprecated: MetricDefinition, replacement: MetricDefinition, pair: MetricsPair): string | undefined {
  const oldName = exposedName(deprecated, pair.options);
  if (!ref.metric.startsWith(oldName)) return undefined;
  const candidate = exposedName(replacement, pair.options) + ref.metric.slice(oldName.length);
  return candidate !== ref.metric && seriesNames(replacement, pair.options).includes(candidate) ? candidate : undefined;
}

function checkAttributes(pair: MetricsPair, report: MetricsFamilyReport): void {
  if (!pair.base) return;
  const headAttributes = firstByName(pair.head.attributes);
  const headFiles = new Set(pair.head.files);
  for (const base of firstByName(pair.base.attributes).values()) {
    const head = headAttributes.get(base.name);
    if (!head) {
      report.finding({
        rule: 'ATTRIBUTE_REMOVED',
        location: removalLocation(base.location, headFiles),
        message: `Attribute '${base.name}' no longer exists in the attribute registry`,
        base: base.location,
        fixData: { attribute: base.name },
      });
      continue;
    }
    if (base.stability !== 'stable') continue;
    // Once stable, an attribute stays stable (it may be deprecated, which is not a stability).
    if (head.stability !== 'stable') {
      report.finding({
        rule: 'ATTRIBUTE_STABILITY_DOWNGRADED',
        location: head.location,
        message: `Attribute '${base.name}' was stable, but has new stability marker`,
        base: base.location,
      });
    }
    // Weaver compares types of attributes stable at the base only; an enum whose members change stays an enum (its
    // members have rules of their own), and a type we could not read is not compared.
    if (base.type === head.type || base.type === '' || head.type === '') continue;
    if (base.type === 'enum' && head.type === 'enum') continue;
    report.finding({
      rule: 'ATTRIBUTE_TYPE_CHANGED',
      location: head.location,
      message:
        base.type === 'enum'
          ? `Attribute '${base.name}' was enum, but has new type '${head.type}'`
          : `Attribute '${base.name}' was '${base.type}', but has new type '${head.type}'`,
      base: base.location,
      fixData: { type: base.type },
    });
  }
}

/** A removed attribute has no place at head: the finding goes at the top of the file that defined it, when that file is
 *  still there; when it is gone too, at the base place (with `base` pointing there as well), so that nothing is lost. */
function removalLocation(base: Location, headFiles: ReadonlySet<string>): Location {
  return headFiles.has(base.file) ? { file: base.file, range: START_OF_FILE } : base;
}

function firstByName(attributes: readonly RegistryAttribute[]): Map<string, RegistryAttribute> {
  const byName = new Map<string, RegistryAttribute>();
  for (const attribute of attributes) if (!byName.has(attribute.name)) byName.set(attribute.name, attribute);
  return byName;
}
