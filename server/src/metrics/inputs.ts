// The metrics kind's inputs, each recognised by extension and content: Go code, exposition files, semantic-convention
// registries, rule files and dashboards. A file is read into `FileFacts` once per content; the index is built from facts.
import type { Unreadable } from './model';
import { extractGoFile, looksLikeMetricsGo, type GoFileFacts } from './go/extract';
import { parseGoMod } from './go/resolve';
import type { GoParses, goParser } from './go/treeSitter';
import { parseExposition } from './exposition/parse';
import { readSemconvFile, type SemconvFile } from './semconv/registry';
import { extractRuleFile } from './promql/ruleFiles';
import { extractDashboard } from './promql/dashboards';
import { GO, GO_MOD, JSON_FILE, looksLikeDashboard, looksLikeExposition, looksLikeRuleFile, looksLikeSemconv, YAML } from './recognize';

export { recognizesMetricsInput, SOURCES } from './recognize';
import type { MetricDefinition, QueryRef } from './model';

export type FileFacts =
  | { input: 'go'; go: GoFileFacts; usesMetrics: boolean }
  /** A Go file read before any Go file of its side used a metrics package: parsed once one does. */
  | { input: 'go-skipped' }
  | { input: 'go.mod'; module: string | undefined; clientGolang: string | undefined }
  | { input: 'exposition'; definitions: MetricDefinition[]; unreadable: Unreadable[] }
  | { input: 'semconv'; registry: SemconvFile }
  | { input: 'queries'; refs: QueryRef[]; unreadable: Unreadable[] }
  | { input: 'none' };

export type Parser = Awaited<ReturnType<typeof goParser>>;

/** How Go is parsed: a plain parser, or the session's parses with whether to keep the tree (a file being typed in). */
export type GoParsing = Parser | { parses: GoParses; keep: boolean };

/** What one file holds for the kind. Every Go file is parsed once some Go file of the side uses a metrics package
 *  (`everyGoFile`): another file of a package may assign a vector's variable (which taints it) or hold the constants its
 *  name is built from. Before that, only the files that look like metrics code are. */
export function readFacts(path: string, text: string, parser: () => GoParsing, everyGoFile: boolean): FileFacts {
  if (GO_MOD.test(path)) return { input: 'go.mod', module: parseGoMod(text), clientGolang: clientGolangVersion(text) };
  if (GO.test(path)) {
    const usesMetrics = isMetricsGo(text);
    return usesMetrics || everyGoFile ? { input: 'go', go: extractGoFile(parser(), path, text), usesMetrics } : { input: 'go-skipped' };
  }
  if (YAML.test(path)) {
    if (looksLikeRuleFile(text)) {
      const rules = extractRuleFile(path, text);
      if (rules) return { input: 'queries', ...rules };
    }
    if (looksLikeSemconv(text)) {
      const registry = readSemconvFile(path, text);
      if (registry) return { input: 'semconv', registry };
    }
    return { input: 'none' };
  }
  if (JSON_FILE.test(path)) {
    const dashboard = looksLikeDashboard(text) ? extractDashboard(path, text) : undefined;
    return dashboard ? { input: 'queries', ...dashboard } : { input: 'none' };
  }
  if (!looksLikeExposition(path, text)) return { input: 'none' };
  const { families, unreadable } = parseExposition(path, text);
  return { input: 'exposition', definitions: families, unreadable };
}

/** Label calls on a vector defined in another file of the package need not import client_golang themselves. */
const LABEL_CALL = /\.(?:WithLabelValues|GetMetricWithLabelValues|DeleteLabelValues|GetMetricWith|With|Delete|DeletePartialMatch|CurryWith|MustCurryWith)\(/;

/** Go files worth parsing: those that use a metrics package, and those that call a label method on something. */
function isMetricsGo(text: string): boolean {
  return looksLikeMetricsGo(text) || LABEL_CALL.test(text);
}

/** The client_golang version a go.mod requires (`v1.24.1`), which decides the name validation scheme. */
function clientGolangVersion(text: string): string | undefined {
  return /github\.com\/prometheus\/client_golang\s+(v\d+\.\d+\.\d+)/.exec(text)?.[1];
}
