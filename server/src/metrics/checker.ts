// The metrics kind: metric definitions in Go code (client_golang, OpenTelemetry), exposition files and semantic-convention
// registries, the label call sites in Go, and the PromQL of rule files and dashboards, indexed per side; rule families
// compare base and head and check the head for what fails at run time. Every file is read and parsed once per content.
import type { Comparison, FixHead, KindChecker, KindReport, KindReporter, KindSession } from '../engine/comparison';
import { throwIfCancelled } from '../engine/comparison';
import { kindOption } from '../engine/config';
import type { Fix } from '../engine/edit';
import type { Finding, NotChecked } from '../engine/finding';
import { matchesAnyGlob } from '../engine/glob';
import { readInBatches, textFingerprint, type Tree } from '../engine/tree';
import { metricsFixes } from './fixes';
import { GoAssignmentIndex } from './go/resolve';
import { GoParses, goParser } from './go/treeSitter';
import { readFacts, SOURCES, type FileFacts } from './inputs';
import { METRICS_KIND } from './kind';
import { GO } from './recognize';
import { METRICS_FAMILIES, METRICS_RULES } from './rules/index';
import type { MetricsOptions, MetricsPair, OtelToPrometheus } from './rules/family';
import { buildIndex, pairDefinitions, type SideIndex } from './workspaceIndex';

export const metricsChecker: KindChecker = {
  ...METRICS_KIND,
  rules: METRICS_RULES,
  startSession: (options) => new MetricsSession(options?.oneShot === true),
  // Most findings (naming ones) carry no fix data: they have no fixes, said without a promise to wait for.
  fixes: (finding: Finding, head: FixHead): Fix[] | Promise<Fix[]> => (finding.fixData ? metricsFixes(finding, head) : []),
};

interface KnownFile {
  /** Undefined when not taken: a one-shot check without a base compares no file with another. */
  fingerprint: string | undefined;
  facts: FileFacts;
  /** The facts as JSON, kept for the file being typed in: the next keystroke compares with it instead of writing it again. */
  written?: string;
}

/** The last check's outcome, with what it was computed from: a keystroke that leaves every file's facts as they were
 *  (typing in a comment, in a string, in a line that does not parse yet) gets the same findings without the work. */
interface LastCheck {
  head: SideIndex;
  base: SideIndex | undefined;
  inputs: string;
  findings: Parameters<KindReporter>[0][];
  report: KindReport;
}

class MetricsSession implements KindSession {
  private parses: GoParses | undefined;
  /** Facts per path at head, kept while the content is the same: typing re-reads only the edited file. */
  private readonly headFiles = new Map<string, KnownFile>();
  /** Base facts by path: a file unchanged between base and head is parsed once for both. */
  private readonly baseFiles = new Map<string, KnownFile>();
  private readonly headAssignments = new GoAssignmentIndex();
  private keepTrees = false;
  /** Whether some Go file at head uses a metrics package, so that every Go file is parsed. */
  private headEveryGoFile = false;
  private readonly baseIndexes = new WeakMap<Tree, { globs: string; index: Promise<SideIndex> }>();
  private last: LastCheck | undefined;
  /** The head index and the facts it was built from: built again only when a file's facts change. */
  private lastHead: { facts: ReadonlyMap<string, FileFacts>; index: SideIndex } | undefined;

  /** `oneShot`: one check and no more (the CLI), where nobody types: no tree or facts are kept for a next keystroke. */
  constructor(private readonly oneShot = false) {}

  async check(comparison: Comparison, report: KindReporter): Promise<KindReport> {
    const globs = kindOption(comparison.config, metricsChecker, 'files') as string[];
    // An on-type check of a file that cannot be a metrics input (a .proto) has nothing to report here.
    const focus = comparison.focus;
    if (focus && ![...focus].some((path) => path === '' || path.endsWith('/') || candidatesIn([path], globs).length > 0))
      return { notChecked: [], filesChecked: 0 };
    const head = await this.headIndex(comparison.head, globs, comparison.signal, comparison.base !== undefined);
    throwIfCancelled(comparison.signal);
    const base = comparison.base ? await this.baseIndex(comparison.base, globs) : undefined;
    throwIfCancelled(comparison.signal);
    const options: MetricsOptions = {
      otelToPrometheus: kindOption(comparison.config, metricsChecker, 'otelToPrometheus') as OtelToPrometheus,
      lintOtelNames: kindOption(comparison.config, metricsChecker, 'lintOtelNames') as boolean,
    };
    const inputs = JSON.stringify([options, [...comparison.renames]]);
    const last = this.last;
    if (last && last.head === head && last.base === base && last.inputs === inputs) {
      last.findings.forEach(report);
      return last.report;
    }
    const findings: Parameters<KindReporter>[0][] = [];
    const paired = base ? pairDefinitions(base.definitions, head.definitions, comparison.renames) : { pairs: [], removed: [], added: head.definitions };
    const unreadable = new Set(head.unreadable.filter((entry) => !entry.partial).map((entry) => entry.file));
    const headPaths = new Map([...comparison.renames].map(([headPath, basePath]) => [basePath, headPath]));
    const pair: MetricsPair = { base, head, ...paired, options, unreadable, headPathOf: (path) => headPaths.get(path) ?? path };
    for (const family of METRICS_FAMILIES) {
      family.check(pair, {
        finding(finding) {
          // A file that could not be read in full has no findings of its own: never a phantom from a damaged part.
          if (unreadable.has(finding.location.file)) return;
          // Built without spreads, which allocate in uncompiled code (a .prom file's lint reports thousands).
          const raw: Parameters<KindReporter>[0] = { rule: finding.rule, file: finding.location.file, range: finding.location.range, message: finding.message };
          if (finding.base) raw.base = finding.base;
          if (finding.related) raw.related = [{ file: finding.related.location.file, range: finding.related.location.range, message: finding.related.message }];
          if (finding.fixData) raw.fixData = finding.fixData;
          if (finding.severity) raw.severity = finding.severity;
          findings.push(raw);
        },
      });
    }
    findings.forEach(report);
    const notChecked: NotChecked[] = head.unreadable.map(({ file, reason }) => ({ file, reason }));
    const result = { notChecked, filesChecked: head.files.length };
    this.last = { head, base, inputs, findings, report: result };
    return result;
  }

  private async headIndex(tree: Tree, globs: readonly string[], signal: AbortSignal | undefined, withBase: boolean): Promise<SideIndex> {
    const paths = candidatesIn(await tree.list(), globs);
    await this.parsesFor(paths);
    const present = new Set(paths);
    for (const path of this.headFiles.keys()) if (!present.has(path)) this.headFiles.delete(path);
    const toRead = paths.filter((path) => {
      const fingerprint = tree.knownFingerprint?.(path);
      return fingerprint === undefined || this.headFiles.get(path)?.fingerprint !== fingerprint;
    });
    const read = (paths: readonly string[], everyGoFile: boolean) =>
      readInBatches(
        tree,
        paths.map((path) => ({ path })),
        signal,
        ({ path }, text) => {
          const fingerprint = this.oneShot && !withBase ? undefined : textFingerprint(text);
          const known = this.headFiles.get(path);
          if (fingerprint !== undefined && known?.fingerprint === fingerprint && (known.facts.input !== 'go-skipped' || !everyGoFile)) return;
          const next = this.known(this.baseFiles, path, fingerprint, text, everyGoFile);
          // Typing that changes no fact (a comment, a string) keeps the facts as they were, so the index need not be rebuilt.
          const written = this.keepTrees ? JSON.stringify(next.facts) : undefined;
          const same = written !== undefined && known !== undefined && (known.written ?? JSON.stringify(known.facts)) === written;
          this.headFiles.set(path, same ? { fingerprint, facts: known.facts, written } : { ...next, written });
        },
      );
    // A few files changed: someone is typing, and their next keystroke reparses from the tree kept now.
    this.keepTrees = !this.oneShot && toRead.length <= 4;
    await read(toRead, this.headEveryGoFile);
    this.keepTrees = false;
    this.headEveryGoFile = usesMetricsGo(this.headFiles.values());
    if (this.headEveryGoFile) await read(skippedGo(this.headFiles), true);
    const facts = new Map([...this.headFiles].map(([path, known]) => [path, known.facts]));
    if (this.lastHead && sameFacts(this.lastHead.facts, facts)) return this.lastHead.index;
    const index = buildIndex(facts, this.headAssignments);
    this.lastHead = { facts, index };
    return index;
  }

  /** A base never changes: its index is built once per tree and `files` globs, and asked again after a failure. */
  private baseIndex(tree: Tree, globs: readonly string[]): Promise<SideIndex> {
    const key = globs.join('\0');
    const cached = this.baseIndexes.get(tree);
    if (cached?.globs === key) return cached.index;
    const entry = { globs: key, index: this.readBase(tree, globs) };
    this.baseIndexes.set(tree, entry);
    entry.index.catch(() => {
      if (this.baseIndexes.get(tree) === entry) this.baseIndexes.delete(tree);
    });
    return entry.index;
  }

  private async readBase(tree: Tree, globs: readonly string[]): Promise<SideIndex> {
    const files = new Map<string, KnownFile>();
    const read = (paths: readonly string[], everyGoFile: boolean) =>
      readInBatches(
        tree,
        paths.map((path) => ({ path })),
        undefined,
        ({ path }, text) => {
          const known = this.known(this.headFiles, path, textFingerprint(text), text, everyGoFile);
          this.baseFiles.set(path, known);
          files.set(path, known);
        },
      );
    const paths = candidatesIn(await tree.list(), globs);
    await this.parsesFor(paths);
    await read(paths, false);
    if (usesMetricsGo(files.values())) await read(skippedGo(files), true);
    return buildIndex(new Map([...files].map(([path, known]) => [path, known.facts])));
  }

  /** Tree-sitter and its Go grammar (WebAssembly) are started only for a side that has Go files. */
  private async parsesFor(paths: readonly string[]): Promise<void> {
    if (!this.parses && paths.some((path) => GO.test(path))) this.parses = new GoParses(await goParser());
  }

  /** The facts of a file's text: the other side's when it holds the same text at the same path (and is read as far), else read now. */
  private known(otherSide: ReadonlyMap<string, KnownFile>, path: string, fingerprint: string | undefined, text: string, everyGoFile: boolean): KnownFile {
    const other = otherSide.get(path);
    if (fingerprint !== undefined && other?.fingerprint === fingerprint && !(everyGoFile && other.facts.input === 'go-skipped')) return other;
    return { fingerprint, facts: readFacts(path, text, () => ({ parses: this.parses!, keep: this.keepTrees }), everyGoFile) };
  }
}

function sameFacts(before: ReadonlyMap<string, FileFacts>, now: ReadonlyMap<string, FileFacts>): boolean {
  if (before.size !== now.size) return false;
  for (const [path, facts] of now) if (before.get(path) !== facts) return false;
  return true;
}

function usesMetricsGo(files: Iterable<KnownFile>): boolean {
  for (const { facts } of files) if (facts.input === 'go' && facts.usesMetrics) return true;
  return false;
}

function skippedGo(files: ReadonlyMap<string, KnownFile>): string[] {
  return [...files].filter(([, known]) => known.facts.input === 'go-skipped').map(([path]) => path);
}

function candidatesIn(paths: readonly string[], globs: readonly string[]): string[] {
  // A glob that names a vendored tree itself (`third_party/semconv/**`) brings it in: a vendored registry is how
  // definition/2 imports resolve without fetching.
  const vendoredGlobs = globs.filter((glob) => isVendored(glob));
  return paths.filter((path) => matchesAnyGlob(path, globs.length > 0 ? globs : SOURCES) && (!isVendored(path) || matchesAnyGlob(path, vendoredGlobs)));
}

/** Vendored and generated dependency trees define other projects' metrics, which this repository does not own. */
function isVendored(path: string): boolean {
  return /(^|\/)(vendor|node_modules|third_party)\//.test(path);
}
