// The head's definitions among themselves (DESIGN §2.2): names and labels registration refuses, one name defined with two
// label sets, help texts (or units) or types where both can be in one binary, label names that look like one another,
// OpenTelemetry instruments recorded with different attribute sets or without an attribute the semantic conventions require,
// and client_golang vectors exposed under a convention's Prometheus name without a required attribute's label.
import type { FixData, Location } from '../../engine/finding';
import type { LabelCall, MetricDefinition } from '../model';
import { encodePlaces, replaceFix } from '../places';
import { metricsRule, type MetricsFamily, type MetricsFamilyReport, type MetricsPair } from './family';
import { nearness } from './nearNames';
import { prometheusLabel } from '../semconv/otelNames';
import { exposedName, labelNamesOf } from './series';

export const LABEL_RESERVED_NAME = metricsRule(
  'LABEL_RESERVED_NAME',
  ['RUNTIME'],
  'error',
  'A label name registration refuses (le on a histogram, quantile on a summary, __ prefix)',
);
export const METRIC_NAME_INVALID = metricsRule(
  'METRIC_NAME_INVALID',
  ['RUNTIME'],
  'error',
  'A metric name registration refuses (empty, or invalid under the validation scheme)',
);
export const METRIC_LABELS_INCONSISTENT = metricsRule('METRIC_LABELS_INCONSISTENT', ['CONSISTENCY'], 'error', 'One metric name defined with two label sets');
export const METRIC_HELP_INCONSISTENT = metricsRule('METRIC_HELP_INCONSISTENT', ['CONSISTENCY'], 'warning', 'One metric name defined with two help texts');
export const METRIC_TYPE_INCONSISTENT = metricsRule('METRIC_TYPE_INCONSISTENT', ['CONSISTENCY'], 'warning', 'One metric name defined as two types');
export const LABEL_NEAR_DUPLICATE = metricsRule('LABEL_NEAR_DUPLICATE', ['CONSISTENCY'], 'warning', 'Two label names in the workspace that look like one');
export const LABEL_SET_INCONSISTENT = metricsRule(
  'LABEL_SET_INCONSISTENT',
  ['CONSISTENCY'],
  'warning',
  'One OpenTelemetry instrument recorded with different attribute sets',
);
export const LABEL_REQUIRED_MISSING = metricsRule(
  'LABEL_REQUIRED_MISSING',
  ['CONSISTENCY', 'SEMCONV'],
  'warning',
  'A recording lacks an attribute the semantic conventions require for the metric',
);

const TEST_FILE = /_test\.go$/;
const LEGACY_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const OTEL_INSTRUMENT_NAME = /^[A-Za-z][A-Za-z0-9_.\-/]{0,254}$/;

export const definitionConsistency: MetricsFamily = {
  rules: [
    LABEL_RESERVED_NAME,
    METRIC_NAME_INVALID,
    METRIC_LABELS_INCONSISTENT,
    METRIC_HELP_INCONSISTENT,
    METRIC_TYPE_INCONSISTENT,
    LABEL_NEAR_DUPLICATE,
    LABEL_SET_INCONSISTENT,
    LABEL_REQUIRED_MISSING,
  ],
  check(pair, report) {
    const legacy = usesLegacyValidation((pair.head as { clientGolang?: string }).clientGolang);
    for (const definition of pair.head.definitions) {
      if (definition.source === 'go') checkNames(definition, legacy, report);
      if (definition.source === 'otel-go' && !OTEL_INSTRUMENT_NAME.test(definition.name)) {
        report.finding({
          rule: METRIC_NAME_INVALID.id,
          location: definition.location,
          message: `Instrument name "${definition.name}" is not valid; the OpenTelemetry SDK reports "invalid instrument name".`,
          severity: 'warning',
        });
      }
    }
    checkSameNames(pair, report);
    checkNearDuplicates(pair, report);
    checkRecordings(pair, report);
    checkVectorsAgainstConventions(pair, report);
  },
};

/** client_golang before 1.24 validated names with the legacy character set; 1.24 accepts any UTF-8. Unknown: the lenient rule. */
function usesLegacyValidation(version: string | undefined): boolean {
  const match = version && /^v(\d+)\.(\d+)\./.exec(version);
  return !!match && Number(match[1]) === 1 && Number(match[2]) < 24;
}

/** Whether the definition is provably registered (promauto, `MustRegister`): descriptors are validated at registration, and
 *  `promauto.With(nil)` registers nothing. */
function isRegistered(definition: MetricDefinition): boolean {
  return definition.registry !== undefined && !definition.registry.endsWith('#');
}

function checkNames(definition: MetricDefinition, legacy: boolean, report: MetricsFamilyReport): void {
  const { name } = definition;
  const registered = isRegistered(definition);
  if (registered && (name === '' || (legacy && !LEGACY_METRIC_NAME.test(name)))) {
    report.finding({
      rule: METRIC_NAME_INVALID.id,
      location: definition.location,
      message: `Metric name "${name}" is not valid; registration fails with the error ${JSON.stringify(name)} is not a valid metric name.`,
    });
  }
  for (const label of [...(definition.labels ?? []), ...definition.constLabels]) {
    let why: string | undefined;
    // `le` and `quantile` panic in the constructor; the others fail registration.
    if (label.name === 'le' && definition.type === 'histogram') why = `Label "le" is not allowed on histogram "${name}"; the constructor panics.`;
    else if (label.name === 'quantile' && definition.type === 'summary') why = `Label "quantile" is not allowed on summary "${name}"; the constructor panics.`;
    else if (!registered) why = undefined;
    else if (label.name.startsWith('__')) why = `Label "${label.name}" of metric "${name}" starts with "__", which is reserved; registration fails.`;
    else if (label.name === '' || (legacy && !LEGACY_LABEL_NAME.test(label.name)))
      why = `Label "${label.name}" of metric "${name}" is not a valid label name; registration fails.`;
    if (why) report.finding({ rule: LABEL_RESERVED_NAME.id, location: definition.location, message: why });
  }
}

/** Whether two definitions can meet in one registry of one program: not for disjoint operating systems, two `package main`s,
 *  a definition registered nowhere (`promauto.With(nil)`), two different registries, nor in tests, which make a registry each,
 *  unless both are on the default one. */
function canShareBinary(a: MetricDefinition, b: MetricDefinition): boolean {
  if (a.registry?.endsWith('#') || b.registry?.endsWith('#')) return false;
  if (a.registry !== undefined && b.registry !== undefined && a.registry !== b.registry) return false;
  const inTests = TEST_FILE.test(a.location.file) || TEST_FILE.test(b.location.file);
  if (inTests && !(a.registry === 'default' && b.registry === 'default')) return false;
  if (a.build && b.build) {
    if (a.build.isMain && b.build.isMain && a.build.packageDir !== b.build.packageDir) return false;
    if (a.build.goos && b.build.goos && !a.build.goos.some((goos) => b.build!.goos!.includes(goos))) return false;
  }
  return true;
}

function labelSets(definition: MetricDefinition): string {
  return `${[...(definition.labels ?? []).map((label) => label.name)].sort().join(',')}|${definition.constLabels
    .map((label) => label.name)
    .sort()
    .join(',')}`;
}

/** What else two same-named definitions with the same labels disagree on, as registration compares it: the help, then
 *  (client_golang 1.24 compares units as it compares help texts) the unit. Only values both sides spell out count. */
function differingDescription(here: MetricDefinition, other: MetricDefinition): 'help' | 'unit' | undefined {
  if (here.help === undefined || other.help === undefined) return undefined;
  if (here.help !== other.help) return 'help';
  return here.unit !== undefined && other.unit !== undefined && here.unit !== other.unit ? 'unit' : undefined;
}

/** "Use the other help text" (or unit): the literal here rewritten to say what the other definition says. */
function useOtherFix(here: MetricDefinition, other: MetricDefinition, differing: 'help' | 'unit'): { fixData?: FixData } {
  const literal = differing === 'help' ? here.helpLocation : here.unitLocation;
  const [from, to] = [here[differing], other[differing]];
  if (!literal || from === undefined || to === undefined) return {};
  const title = differing === 'help' ? 'Use the other help text' : `Use the other unit "${to}"`;
  return { fixData: { fix: 'revertValue', title, from, to, at: encodePlaces([literal]) } };
}

function describeLabels(definition: MetricDefinition): string {
  return `[${[...(definition.labels ?? []), ...definition.constLabels].map((label) => label.name).join(', ')}]`;
}

function at(location: Location): string {
  return `${location.file}:${location.range.start.line + 1}`;
}

function checkSameNames(pair: MetricsPair, report: MetricsFamilyReport): void {
  const byName = new Map<string, MetricDefinition[]>();
  for (const definition of pair.head.definitions) {
    if ((definition.source !== 'go' && definition.source !== 'otel-go') || definition.name === '') continue;
    const group = byName.get(`${definition.source}\0${definition.name}`);
    if (group) group.push(definition);
    else byName.set(`${definition.source}\0${definition.name}`, [definition]);
  }
  for (const group of byName.values()) {
    for (let j = 1; j < group.length; j++) {
      const here = group[j];
      const other = group.slice(0, j).find((candidate) => canShareBinary(candidate, here));
      if (!other) continue;
      const related = { location: other.location, message: `the other definition of "${other.name}"` };
      if (here.source === 'go' && here.labels && other.labels && labelSets(here) !== labelSets(other)) {
        // Only the default registry is provably one registry: a variable of the same name may hold another in each function.
        const sameRegistry = here.registry === 'default' && other.registry === 'default';
        report.finding({
          rule: METRIC_LABELS_INCONSISTENT.id,
          location: here.location,
          message: `Metric "${here.name}" is defined with labels ${describeLabels(here)} here and ${describeLabels(other)} at ${at(other.location)}; registering both fails with "…has different label names or a different help string".`,
          related,
          severity: sameRegistry ? 'error' : 'warning',
        });
      } else if (here.source === 'go' && labelSets(here) === labelSets(other)) {
        const differing = differingDescription(here, other);
        if (differing)
          report.finding({
            rule: METRIC_HELP_INCONSISTENT.id,
            location: here.location,
            message: `Metric "${here.name}" has ${differing} "${here[differing]}" here but "${other[differing]}" at ${at(other.location)}; the registry treats this as a conflict.`,
            related,
            ...useOtherFix(here, other, differing),
          });
      }
      if (here.type !== other.type) {
        report.finding({
          rule: METRIC_TYPE_INCONSISTENT.id,
          location: here.location,
          message: `Metric "${here.name}" is a ${here.type} here and a ${other.type} at ${at(other.location)}.`,
          related,
        });
      }
    }
  }
}

/** Label names of the head's definitions that look like one another: the less used name is reported, on each definition using it. */
function checkNearDuplicates(pair: MetricsPair, report: MetricsFamilyReport): void {
  const users = new Map<string, MetricDefinition[]>();
  for (const definition of pair.head.definitions) {
    if (definition.source === 'exposition') continue;
    for (const name of labelNamesOf(definition)) {
      const list = users.get(name);
      if (list) list.push(definition);
      else users.set(name, [definition]);
    }
  }
  const names = [...users.keys()].sort();
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const near = nearness(names[i], names[j]);
      if (!near) continue;
      const [a, b] = [users.get(names[i])!, users.get(names[j])!];
      const [rare, common, rareName, commonName] = a.length < b.length ? [a, b, names[i], names[j]] : [b, a, names[j], names[i]];
      const places = [
        ...rare.flatMap((definition) =>
          [...(definition.labels ?? []), ...definition.constLabels].flatMap((label) => (label.name === rareName && label.location ? [label.location] : [])),
        ),
        ...keysOn(pair.head.calls, rare, rareName),
        ...pair.head.queries.flatMap((ref) => ref.labels.flatMap((use) => (use.name === rareName ? [use.location] : []))),
      ];
      for (const definition of rare) {
        report.finding({
          rule: LABEL_NEAR_DUPLICATE.id,
          location: definition.location,
          message: `Label "${rareName}" looks like "${commonName}" (used by ${common.length} metric${common.length === 1 ? '' : 's'}); pick one.`,
          related: { location: common[0].location, message: `a metric with the label "${commonName}"` },
          ...(near === 'synonym' ? { severity: 'info' as const } : {}),
          ...replaceFix(`Rename label "${rareName}" to "${commonName}" in all ${places.length} places`, rareName, commonName, places),
        });
      }
    }
  }
}

function keysOn(calls: readonly LabelCall[], definitions: readonly MetricDefinition[], label: string): Location[] {
  const wanted = new Set(definitions);
  return calls.flatMap((call) =>
    call.definitions.some((definition) => wanted.has(definition))
      ? (call.keys ?? []).flatMap((key) => (key.name === label && key.location ? [key.location] : []))
      : [],
  );
}

/** OpenTelemetry recordings: one instrument recorded with different literal attribute sets, or without a required attribute. */
function checkRecordings(pair: MetricsPair, report: MetricsFamilyReport): void {
  const semconvByName = new Map(
    pair.head.definitions.filter((definition) => definition.source === 'semconv').map((definition) => [definition.name, definition]),
  );
  const firstByInstrument = new Map<MetricDefinition, LabelCall>();
  for (const call of pair.head.calls) {
    if (call.method !== 'Record' || !call.keys || call.definitions.length !== 1) continue;
    const [instrument] = call.definitions;
    const keys = call.keys.map((key) => key.name);
    const first = firstByInstrument.get(instrument);
    if (!first) firstByInstrument.set(instrument, call);
    else if (first.keys && [...new Set(first.keys.map((key) => key.name))].sort().join(',') !== [...new Set(keys)].sort().join(',')) {
      report.finding({
        rule: LABEL_SET_INCONSISTENT.id,
        location: call.location,
        message: `"${instrument.name}" is recorded with {${[...new Set(keys)].sort().join(', ')}} here and {${[...new Set(first.keys.map((key) => key.name))].sort().join(', ')}} at ${at(first.location)}; series with missing attributes are aggregated separately.`,
        related: { location: first.location, message: 'the other recording' },
      });
    }
    const conventions = semconvByName.get(instrument.name);
    for (const attribute of conventions?.attributes ?? []) {
      if (attribute.requirementLevel !== 'required' || keys.includes(attribute.name)) continue;
      report.finding({
        rule: LABEL_REQUIRED_MISSING.id,
        location: call.location,
        message: `Metric "${instrument.name}" requires attribute "${attribute.name}" (semantic conventions), not recorded here.`,
        related: { location: conventions!.location, message: 'the semantic-convention metric' },
        ...(conventions!.stability === 'stable' ? { severity: 'error' as const } : {}),
      });
    }
  }
}

/** client_golang vectors exposed under a semantic-convention metric's Prometheus name: each attribute the conventions
 *  require, under its Prometheus label name, must be among the vector's labels (variable or constant). */
function checkVectorsAgainstConventions(pair: MetricsPair, report: MetricsFamilyReport): void {
  const conventionsByPrometheusName = new Map<string, MetricDefinition>();
  for (const definition of pair.head.definitions) {
    if (definition.source !== 'semconv' || !definition.attributes?.some((attribute) => attribute.requirementLevel === 'required')) continue;
    const name = exposedName(definition, pair.options);
    if (!conventionsByPrometheusName.has(name)) conventionsByPrometheusName.set(name, definition);
  }
  if (conventionsByPrometheusName.size === 0) return;
  for (const definition of pair.head.definitions) {
    if (definition.source !== 'go' || !definition.labels) continue;
    const conventions = conventionsByPrometheusName.get(definition.name);
    if (!conventions) continue;
    const labels = labelNamesOf(definition);
    // Every label name written as a literal: what is missing is known to be missing.
    const literal = [...definition.labels, ...definition.constLabels].every((label) => label.location !== undefined);
    for (const attribute of conventions.attributes ?? []) {
      if (attribute.requirementLevel !== 'required') continue;
      const label = prometheusLabel(attribute.name, pair.options.otelToPrometheus);
      if (labels.has(label)) continue;
      report.finding({
        rule: LABEL_REQUIRED_MISSING.id,
        location: definition.location,
        message: `Metric "${definition.name}" requires attribute "${attribute.name}" (semantic conventions, label "${label}"), not among its labels.`,
        related: { location: conventions.location, message: 'the semantic-convention metric' },
        ...(literal && conventions.stability === 'stable' ? { severity: 'error' as const } : {}),
      });
    }
  }
}
