// Go call sites against the vector they resolve to (DESIGN §2.2): a positional call passing the wrong number of values, a
// label map naming a label the vector lacks or missing one it has. client_golang panics on each (or returns the error, for
// the `GetMetric…` forms, or deletes nothing, for `Delete…`). A call that does not resolve to one label list is not judged.
import type { Location, Severity } from '../../engine/finding';
import type { Position } from '../../engine/range';
import type { LabelCall, LabelCallMethod } from '../model';
import { encodePlaces, replaceFix } from '../places';
import { metricsRule, type MetricsFamily, type MetricsFamilyReport } from './family';
import { nearestName } from './nearNames';
import { quotedList } from './series';

const RUNTIME = ['RUNTIME'];

export const LABEL_ARITY_MISMATCH = metricsRule(
  'LABEL_ARITY_MISMATCH',
  RUNTIME,
  'error',
  'A positional label call passes another number of values than the vector has variable labels',
);
export const LABEL_NAME_UNKNOWN = metricsRule('LABEL_NAME_UNKNOWN', RUNTIME, 'error', 'A label map names a label the vector does not define');
export const LABEL_NAME_MISSING = metricsRule('LABEL_NAME_MISSING', RUNTIME, 'error', 'A label map lacks one of the vector’s variable labels');

const POSITIONAL: ReadonlySet<LabelCallMethod> = new Set(['WithLabelValues', 'GetMetricWithLabelValues', 'DeleteLabelValues', 'ConstMetric']);
/** Map calls that must name every label; the others (currying, partial deletion) name a subset. */
const COMPLETE_MAP: ReadonlySet<LabelCallMethod> = new Set(['With', 'GetMetricWith', 'Delete']);
const PARTIAL_MAP: ReadonlySet<LabelCallMethod> = new Set(['DeletePartialMatch', 'CurryWith', 'MustCurryWith']);

export const labelCalls: MetricsFamily = {
  rules: [LABEL_ARITY_MISMATCH, LABEL_NAME_UNKNOWN, LABEL_NAME_MISSING],
  check(pair, report) {
    for (const call of pair.head.calls) {
      const labels = labelListOf(call);
      if (!labels) continue;
      if (POSITIONAL.has(call.method)) checkArity(call, labels, report);
      else if (COMPLETE_MAP.has(call.method) || PARTIAL_MAP.has(call.method)) checkKeys(call, labels, report);
    }
  },
};

/** The labels a call must pass: the vector's variable labels less the curried ones, when every definition it may be agrees. */
function labelListOf(call: LabelCall): string[] | undefined {
  if (call.unresolved || call.definitions.length === 0) return undefined;
  const lists = call.definitions.map((definition) => definition.labels?.map((label) => label.name));
  if (lists.some((list) => !list)) return undefined;
  const first = lists[0]!.join('\0');
  if (lists.some((list) => list!.join('\0') !== first)) return undefined;
  const curried = new Set(call.curried);
  return lists[0]!.filter((name) => !curried.has(name));
}

function outcome(call: LabelCall): { severity: Severity; consequence: string } {
  if (call.method === 'DeleteLabelValues' || call.method === 'Delete' || call.method === 'DeletePartialMatch')
    return { severity: 'warning', consequence: 'it deletes nothing' };
  if (
    call.method === 'GetMetricWithLabelValues' ||
    call.method === 'GetMetricWith' ||
    call.method === 'CurryWith' ||
    (call.method === 'ConstMetric' && !call.callee.startsWith('Must'))
  )
    return { severity: 'error', consequence: 'this returns the error "inconsistent label cardinality"' };
  return { severity: 'error', consequence: 'this panics with "inconsistent label cardinality"' };
}

function checkArity(call: LabelCall, labels: readonly string[], report: MetricsFamilyReport): void {
  if (!call.values || call.spread) return;
  const given = call.values.length;
  if (given === labels.length) return;
  const { severity, consequence } = outcome(call);
  const name = call.definitions[0].name;
  const values = `${given} label value${given === 1 ? '' : 's'}`;
  const variable = `${labels.length} variable label${labels.length === 1 ? '' : 's'}${labels.length > 0 ? ` (${quotedList(labels)})` : ''}`;
  report.finding({
    rule: LABEL_ARITY_MISMATCH.id,
    location: call.location,
    message: `${call.callee} passes ${values} but metric "${name}" has ${variable}; ${consequence}.`,
    related: definitionOf(call),
    severity,
    fixData:
      given < labels.length
        ? {
            fix: 'addLabelValues',
            missing: labels.slice(given).join(','),
            first: given === 0 && call.method !== 'ConstMetric',
            ...(call.argumentsEnd ? { at: encodePlaces([call.argumentsEnd]) } : {}),
            // The value the new ones follow: the fix is dropped when it is no longer just before them.
            ...(given > 0 ? { last: encodePlaces([call.values[given - 1]]) } : {}),
          }
        : {
            fix: 'removeLabelValues',
            at: encodePlaces([{ file: call.location.file, range: { start: extraFrom(call.values, labels.length), end: call.values[given - 1].range.end } }]),
          },
  });
}

/** Where the values beyond the expected ones begin: after the last one kept (its comma goes too), or at the first. */
function extraFrom(values: readonly Location[], kept: number): Position {
  return kept === 0 ? values[0].range.start : values[kept - 1].range.end;
}

function definitionOf(call: LabelCall): { location: Location; message: string } {
  return { location: call.definitions[0].location, message: `the definition of "${call.definitions[0].name}"` };
}

function checkKeys(call: LabelCall, labels: readonly string[], report: MetricsFamilyReport): void {
  if (!call.keys) return;
  const { severity } = outcome(call);
  const name = call.definitions[0].name;
  const allowed = new Set(labels);
  const given = new Set(call.keys.map((key) => key.name));
  const missing = labels.filter((label) => !given.has(label));
  for (const key of call.keys) {
    if (allowed.has(key.name)) continue;
    const near = nearestName(key.name, missing.length > 0 ? missing : labels);
    report.finding({
      rule: LABEL_NAME_UNKNOWN.id,
      location: key.location ?? call.location,
      message: `${call.callee} uses label "${key.name}" that metric "${name}" does not define (defined: ${quotedList([...labels].sort())}).`,
      related: definitionOf(call),
      severity,
      ...(near && key.location ? replaceFix(`Change "${key.name}" to "${near}"`, key.name, near, [key.location]) : {}),
    });
  }
  if (!COMPLETE_MAP.has(call.method)) return;
  for (const label of missing) {
    report.finding({
      rule: LABEL_NAME_MISSING.id,
      location: call.location,
      message: `${call.callee} is missing label "${label}" of metric "${name}".`,
      related: definitionOf(call),
      severity,
      // The map literal is the call's last argument: the key goes before its closing brace (the fix reads that it is one).
      ...(call.argumentsEnd ? { fixData: { fix: 'addLabelKey', label, at: encodePlaces([call.argumentsEnd]) } } : {}),
    });
  }
}
