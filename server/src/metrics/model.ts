// What the metrics kind knows about a workspace, whatever the input: metric definitions (Go constructors, exposition
// families, semantic-convention registry entries), the label call sites in Go code, and the metric and label references in
// rule files and dashboards. Each input's extractor produces these per file; the index pairs and resolves them; the rules
// read nothing else.
import type { Location } from '../engine/finding';

/** Prometheus types, OpenMetrics' extra ones, and OpenTelemetry instruments ('updowncounter'). */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped' | 'updowncounter' | 'gaugehistogram' | 'info' | 'stateset';

/** Where a definition was read from: client_golang Go code, OpenTelemetry Go instruments, a `.prom` exposition file, a
 *  semantic-convention registry. */
export type DefinitionSource = 'go' | 'otel-go' | 'exposition' | 'semconv';

export interface NamedPlace {
  name: string;
  /** The literal that spells the name (its quotes included), when the name is written in this file as one literal. */
  location?: Location;
}

export interface Deprecation {
  reason: 'renamed' | 'obsoleted' | 'uncategorized' | string;
  renamedTo?: string;
  note?: string;
}

export interface AttributeUse {
  name: string;
  requirementLevel?: 'required' | 'recommended' | 'opt_in' | 'conditionally_required';
  type?: string;
  stability?: string;
}

export interface MetricDefinition {
  source: DefinitionSource;
  /** The exposed name: client_golang's fully-qualified name, the family name, the OTel instrument name or `metric_name`. */
  name: string;
  /** Where the name came from, for rename fixes (the `Name:` literal). Absent when folded from several parts. */
  nameLocation?: Location;
  type: MetricType;
  /** The literal that spells the type, when a text edit can change it: a semantic-convention `instrument:` value. */
  typeLocation?: Location;
  unit?: string;
  /** The literal that spells the unit (its quotes included): a semantic-convention `unit:` value, a Go `Unit:` string in an
   *  Opts literal, or the string inside `WithUnit(…)`. */
  unitLocation?: Location;
  help?: string;
  /** The literal that spells the help text (its quotes included), when one literal does. */
  helpLocation?: Location;
  /** Variable labels in positional order; undefined when the list cannot be read (a parameter, a spread). */
  labels: NamedPlace[] | undefined;
  constLabels: NamedPlace[];
  /** The line where the constructor call (or registry entry, or `# TYPE` line) begins; findings about the definition sit here. */
  location: Location;
  /** Pairs base and head definitions: Go `file#binding#rank`, semconv group id, exposition `file#family`. */
  identity: string;
  /** A looser pairing key when `identity` finds no partner: Go `file#constructor`, nearest line wins. */
  fallbackIdentity?: string;
  /** The registry expression the definition registers on ('default' for promauto); undefined when unknown. */
  registry?: string;
  /** Build facts that decide whether two definitions can be in one binary. */
  build?: { packageDir: string; isMain: boolean; goos?: readonly string[] };
  stability?: string;
  /** The literal that spells the stability: a semantic-convention `stability:` value. */
  stabilityLocation?: Location;
  deprecated?: Deprecation;
  /** Semantic conventions: the attributes a metric lists. */
  attributes?: AttributeUse[];
  /** The declaration that defines it, as written (`var x = promauto.New…(…)`), when it can be put back whole. */
  restoreText?: string;
  /** Exposition files: the first series that repeats another's label pairs (promlint's `metric not unique`). */
  duplicateSeries?: Location;
}

/** A semantic-convention registry attribute (`registry.*` groups, or definition/2 `attributes:`). */
export interface RegistryAttribute {
  name: string;
  type: string;
  stability?: string;
  deprecated?: Deprecation;
  location: Location;
}

/** How a Go call site passes label values. */
export type LabelCallMethod =
  | 'WithLabelValues'
  | 'GetMetricWithLabelValues'
  | 'DeleteLabelValues'
  | 'With'
  | 'GetMetricWith'
  | 'Delete'
  | 'DeletePartialMatch'
  | 'CurryWith'
  | 'MustCurryWith'
  | 'ConstMetric'
  /** OpenTelemetry recording (`Add`, `Record`, observer callbacks): `keys` are the attribute keys, when all are literal. */
  | 'Record';

export interface LabelCall {
  method: LabelCallMethod;
  /** The constructor name for const metrics (`MustNewConstMetric`), else the method. */
  callee: string;
  /** The call expression, from its first character to its last. */
  location: Location;
  /** The definitions the receiver resolves to; empty with `unresolved` set when it cannot be resolved. */
  definitions: MetricDefinition[];
  unresolved?: string;
  /** Labels already curried on the receiver (subtracted from what a call must pass). */
  curried: string[];
  /** Positional calls: the value arguments (after the fixed ones), each with its location. */
  values?: Location[];
  /** A trailing `xs...`: the count is not known. */
  spread?: boolean;
  /** Just after the last argument (before the closing parenthesis): where an added value goes. */
  argumentsEnd?: Location;
  /** Map calls: the keys of a `prometheus.Labels{…}` literal; undefined when the map is not a literal. */
  keys?: NamedPlace[];
}

export type QueryContextKind = 'alert' | 'record' | 'panel' | 'variable';

export interface QueryContext {
  kind: QueryContextKind;
  /** The alert or record name, the panel title, the template variable's name. */
  name: string;
}

export type LabelRole = 'matcher' | 'by' | 'without' | 'on' | 'ignoring' | 'group' | 'function';

/** A metric named in a PromQL query of a rule file or dashboard, with the labels the query uses on it. */
export interface QueryRef {
  context: QueryContext;
  /** As written: `http_requests_total`, or a histogram's `x_bucket`. */
  metric: string;
  /** The metric name inside the query text: the real line and column in the file. */
  location: Location;
  labels: { name: string; role: LabelRole; location: Location }[];
}

/** Something in a file that could not be read or resolved: a `notChecked` entry, never a silent skip. */
export interface Unreadable {
  file: string;
  reason: string;
  /** Only a part of the file went unread (a registry's `imports:`): what was read is checked, and its findings stand. */
  partial?: boolean;
}

/** Everything one side (base or head) of the workspace holds, after resolution. */
export interface MetricsIndex {
  definitions: MetricDefinition[];
  calls: LabelCall[];
  queries: QueryRef[];
  attributes: RegistryAttribute[];
  /** Per file: whether it took part (for `filesChecked`) and what could not be read. */
  files: string[];
  unreadable: Unreadable[];
}
