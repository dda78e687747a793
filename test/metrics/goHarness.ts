// Shared by the Go extractor and resolver tests: parse snippets, resolve them together, and render what came out in a
// compact form that assertions can compare whole (positions are 1-based line:column for people, as the CLI prints them).
import type { Location } from '../../server/src/engine/finding';
import type { LabelCall, MetricDefinition } from '../../server/src/metrics/model';
import { extractGoFile, type GoFileFacts } from '../../server/src/metrics/go/extract';
import { resolveGo, type GoModule, type GoResolution } from '../../server/src/metrics/go/resolve';
import { goParser } from '../../server/src/metrics/go/treeSitter';

let parser: ReturnType<typeof goParser> | undefined;

export async function facts(path: string, text: string): Promise<GoFileFacts> {
  parser ??= goParser();
  return extractGoFile(await parser, path, text);
}

export async function resolve(files: Record<string, string>, modules: GoModule[] = []): Promise<GoResolution> {
  const extracted = await Promise.all(Object.entries(files).map(([path, text]) => facts(path, text)));
  return resolveGo(extracted, modules);
}

export function at(location: Location | undefined): string {
  if (!location) return '-';
  return `${location.range.start.line + 1}:${location.range.start.character + 1}`;
}

export function span(location: Location | undefined): string {
  if (!location) return '-';
  const { start, end } = location.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** `name type [labels] {const} @line:col` */
export function definition(d: MetricDefinition): string {
  const labels = d.labels ? `[${d.labels.map((l) => l.name).join(',')}]` : '[?]';
  const constLabels = d.constLabels.length > 0 ? ` {${d.constLabels.map((l) => l.name).join(',')}}` : '';
  return `${d.name} ${d.type} ${labels}${constLabels} @${at(d.location)}`;
}

/** `method@line:col -> name,name (curried) values=n` or `method@line:col unresolved: why` */
export function call(c: LabelCall): string {
  const head = `${c.callee}@${at(c.location)}`;
  if (c.unresolved) return `${head} unresolved: ${c.unresolved}`;
  const parts = [`${head} -> ${c.definitions.map((d) => d.name).join(',')}`];
  if (c.curried.length > 0) parts.push(`curried=${c.curried.join(',')}`);
  if (c.values) parts.push(`values=${c.values.length}${c.spread ? '+...' : ''}`);
  if (c.method !== 'WithLabelValues' && c.method !== 'GetMetricWithLabelValues' && c.method !== 'DeleteLabelValues' && c.method !== 'ConstMetric') {
    parts.push(`keys=${c.keys ? c.keys.map((k) => k.name).join(',') : '?'}`);
  }
  return parts.join(' ');
}

export const PROM = `import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)
`;
