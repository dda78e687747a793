// Prometheus rule files (`groups: [{name, rules: [{record|alert, expr}]}]`, also inside a Kubernetes PrometheusRule's
// `spec`): the metric and label references of each rule's `expr`, placed at their real line and column in the file
// whatever the YAML style of the scalar.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import type { Location } from '../../engine/finding';
import { LineIndex } from '../../engine/range';
import type { QueryContext, QueryRef, Unreadable } from '../model';
import { queryRefs } from './queries';
import { yamlScalarOffsets } from './stringOffsets';
import { looksLikeRuleFile } from '../recognize';

export { looksLikeRuleFile };

export interface QueryFileReading {
  refs: QueryRef[];
  unreadable: Unreadable[];
}

/** The references of a rule file; undefined when the YAML is not one (no `groups` whose items have `rules`). */
export function extractRuleFile(path: string, written: string): QueryFileReading | undefined {
  const bom = written.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? written.slice(1) : written;
  const documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  const lines = new LineIndex(written);
  const documentList = Array.isArray(documents) ? documents : [];
  const broken = documentList.find((document) => document.errors.length > 0);
  if (broken) {
    if (!/^\s*-?\s*(?:record|alert)\s*:/m.test(text)) return undefined;
    const error = broken.errors[0];
    const { line } = lines.positionAt(error.pos[0] + bom);
    return { refs: [], unreadable: [{ file: path, reason: `not valid YAML (line ${line + 1}: ${error.message.split('\n')[0]}); its rules are not read` }] };
  }
  const reading: QueryFileReading = { refs: [], unreadable: [] };
  let isRuleFile = false;
  for (const document of documentList) {
    const groups = groupsOf(document);
    if (!groups) continue;
    isRuleFile = true;
    for (const group of groups) {
      const rules = resolved(document, group.get('rules', true));
      if (!isSeq(rules)) continue;
      for (const item of rules.items) {
        const rule = resolved(document, item as YamlNode);
        if (isMap(rule)) readRule(path, text, bom, lines, document, rule, reading);
      }
    }
  }
  return isRuleFile ? reading : undefined;
}

function resolved(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** The group maps of a rule-file document (top-level `groups`, or `spec.groups`); undefined when it is not one. */
function groupsOf(document: Document): YAMLMap[] | undefined {
  const root = document.contents;
  if (!isMap(root)) return undefined;
  let groups = resolved(document, root.get('groups', true));
  if (groups === undefined) {
    const spec = resolved(document, root.get('spec', true));
    if (isMap(spec)) groups = resolved(document, spec.get('groups', true));
  }
  if (!isSeq(groups)) return undefined;
  const maps = groups.items.map((item) => resolved(document, item)).filter((item): item is YAMLMap => isMap(item));
  return maps.some((group) => group.has('rules')) ? maps : undefined;
}

function readRule(path: string, text: string, bom: number, lines: LineIndex, document: Document, rule: YAMLMap, reading: QueryFileReading): void {
  const record = resolved(document, rule.get('record', true));
  const alert = resolved(document, rule.get('alert', true));
  const named = isScalar(record) ? record : isScalar(alert) ? alert : undefined;
  if (!named) return;
  const context: QueryContext = { kind: named === record ? 'record' : 'alert', name: String(named.value) };
  const expr = resolved(document, rule.get('expr', true));
  if (!isScalar(expr) || expr.value === null || expr.value === undefined) {
    reading.unreadable.push({ file: path, reason: `${context.kind} "${context.name}" has no expr` });
    return;
  }
  const query = String(expr.value);
  const offsets = typeof expr.value === 'string' ? yamlScalarOffsets(text, expr as Scalar<string>) : undefined;
  // Values the offsets cannot follow (a number, or a scalar style read differently) are placed at the scalar's start.
  const scalarStart = expr.range?.[0] ?? 0;
  const place = (offset: number): Location => {
    const position = lines.positionAt((offsets ? offsets[Math.min(offset, offsets.length - 1)] : scalarStart) + bom);
    return { file: path, range: { start: position, end: position } };
  };
  const { refs, problem } = queryRefs(query, context, place);
  if (problem) reading.unreadable.push({ file: path, reason: `${context.kind} "${context.name}": ${problem}` });
  reading.refs.push(...refs);
}
