// Naming lint: promlint's validations on every head definition it applies to (exposition families, client_golang
// definitions as promlinter builds them, and OpenTelemetry instruments when the workspace asks), with promlint's texts.
import type { MetricDefinition, NamedPlace } from '../model';
import { lintFamily, PROMLINT_VALIDATIONS, type PromlintRule } from '../naming/promlint';
import { metricsRule, type MetricsFamily, type MetricsFamilyReport, type MetricsFinding, type MetricsOptions, type MetricsPair } from './family';
import { exposedName } from './series';

const SUMMARIES: Record<PromlintRule, string> = {
  PROMLINT_HELP: 'A metric has no help text',
  PROMLINT_METRIC_UNITS: 'A metric name uses a unit that is not a base unit',
  PROMLINT_COUNTER: 'A counter lacks the "_total" suffix, or a non-counter has it',
  PROMLINT_HISTOGRAM_SUMMARY_RESERVED: 'A metric that is not a histogram or summary uses their suffixes or labels',
  PROMLINT_TYPE_IN_NAME: 'A metric name includes its own type',
  PROMLINT_RESERVED_CHARS: 'A metric name contains a colon, which is reserved for recording rules',
  PROMLINT_CAMEL_CASE: 'A metric or label name is written in camelCase',
  PROMLINT_UNIT_ABBREVIATIONS: 'A metric name contains an abbreviated unit',
  PROMLINT_DUPLICATE_METRIC: 'Two series of a metric have the same label pairs',
};

export const NAMING_RULES = (Object.keys(PROMLINT_VALIDATIONS) as PromlintRule[]).map((id) =>
  metricsRule(id, ['NAMING'], 'warning', SUMMARIES[id], `promlint:${PROMLINT_VALIDATIONS[id]}`),
);

export const namingFamily: MetricsFamily = {
  rules: NAMING_RULES,
  // Indexed loops, no spreads: a .prom file has thousands of families, and a short check runs this uncompiled, where
  // each step of a for-of and each spread allocates.
  check(pair: MetricsPair, report: MetricsFamilyReport): void {
    const definitions = pair.head.definitions;
    for (let index = 0; index < definitions.length; index++) {
      const definition = definitions[index];
      if (!isLinted(definition, pair)) continue;
      const problems = lintFamily(lintable(definition, pair.options));
      for (let at = 0; at < problems.length; at++) {
        const problem = problems[at];
        // A Go definition whose help could not be read (help undefined, not '') is not judged to have none.
        if (problem.rule === 'PROMLINT_HELP' && definition.source !== 'exposition' && definition.help === undefined) continue;
        const finding: MetricsFinding = { rule: problem.rule, location: definition.location, message: problem.text };
        if (problem.rule === 'PROMLINT_DUPLICATE_METRIC' && definition.duplicateSeries) {
          finding.related = { location: definition.duplicateSeries, message: 'the repeated series' };
        }
        report.finding(finding);
      }
    }
  },
};

function isLinted(definition: MetricDefinition, pair: MetricsPair): boolean {
  // An unnamed metric has no name to lint (METRIC_NAME_INVALID speaks of it when it is registered).
  if (definition.name === '') return false;
  if (definition.source === 'exposition' || definition.source === 'go') return true;
  return definition.source === 'otel-go' && pair.options.lintOtelNames;
}

function nameOf(label: NamedPlace): string {
  return label.name;
}

/** The family promlint would see: promlinter's for Go (variable and constant label names, one series, so never a
 *  duplicate), the parsed family for an exposition file, and an OpenTelemetry instrument under the name the Prometheus
 *  exporter gives it. */
function lintable(definition: MetricDefinition, options: MetricsOptions) {
  const labels = (definition.labels ?? []).map(nameOf);
  for (let index = 0; index < definition.constLabels.length; index++) labels.push(definition.constLabels[index].name);
  return {
    name: definition.source === 'otel-go' ? exposedName(definition, options) : definition.name,
    type: definition.type,
    help: definition.help,
    labels,
    duplicate: definition.source === 'exposition' && definition.duplicateSeries !== undefined,
  };
}
