// The OpenAPI kind: finds the descriptions of each side by content (a root `openapi:` key, whatever the file is called),
// loads each with the files its `$ref`s reach, pairs base and head operations by path template and method, and runs
// the check families. A description that cannot be read in full is listed as not checked, never compared in part.
import type { Comparison, FixHead, KindChecker, KindReport, KindReporter, KindSession } from '../engine/comparison';
import { throwIfCancelled } from '../engine/comparison';
import { isFocused } from '../engine/check';
import { kindOption } from '../engine/config';
import type { Fix } from '../engine/edit';
import type { Finding, NotChecked } from '../engine/finding';
import { matchesAnyGlob } from '../engine/glob';
import { Slicer, type Steps } from '../engine/slices';
import { readInBatches, textFingerprint, type Tree } from '../engine/tree';
import { child, isScalar, NodePairMap, scalarText, type SpecFile } from './document';
import { openapiFixes } from './fixes';
import { buildModel, isInStabilityScope, type ApiModel, type Operation, type PathItem } from './model';
import { OPENAPI_FAMILIES, OPENAPI_RULES } from './rules/index';
import { TOO_LARGE_REASON } from './schemaPairs';
import { schemaSiteSteps, type BelowBody, type SchemaSite } from './schemaSites';
import { stabilityOfOperation } from './rules/lifecycle';
import type { FamilyReport, ModelPair, OpenapiFinding, OpenapiOptions, OperationPair } from './rules/family';
import { todayUtc } from './rules/sunset';
import { SpecSet, type SpecFileCache } from './specSet';
import { looksLikeOpenapi, OPENAPI_KIND, SOURCES } from './kind';

export { looksLikeOpenapi };

export const openapiChecker: KindChecker = {
  ...OPENAPI_KIND,
  rules: OPENAPI_RULES,
  startSession: () => new OpenapiSession(),
  fixes: (finding: Finding, head: FixHead): Promise<Fix[]> => openapiFixes(finding, head),
};

/** The kind's options as the families read them. */
function openapiOptions(comparison: Comparison): OpenapiOptions {
  const read = <K extends keyof OpenapiOptions>(key: K) => kindOption(comparison.config, openapiChecker, key) as OpenapiOptions[K];
  return {
    deprecationDaysBeta: read('deprecationDaysBeta'),
    deprecationDaysStable: read('deprecationDaysStable'),
    stabilityLevel: read('stabilityLevel'),
    flattenAllOf: read('flattenAllOf'),
    flattenParams: read('flattenParams'),
    includePathParams: read('includePathParams'),
    matchInlineRefs: read('matchInlineRefs'),
    caseInsensitiveHeaders: read('caseInsensitiveHeaders'),
  };
}

interface Root {
  path: string;
  text: string;
}

class OpenapiSession implements KindSession {
  private readonly baseFiles: SpecFileCache = new Map();
  private readonly headFiles: SpecFileCache = new Map();
  /** Which files of a base tree are descriptions: a base never changes, so it is asked once per tree and `files` globs. */
  private readonly baseRoots = new WeakMap<Tree, { globs: string; loading: Promise<Root[]> }>();
  /** Whether a head file is a description, by fingerprint: typing reads only the descriptions, not every YAML file again. */
  private readonly recognized = new Map<string, { fingerprint: string; isRoot: boolean }>();

  async check(comparison: Comparison, report: KindReporter): Promise<KindReport> {
    const notChecked: NotChecked[] = [];
    const globs = kindOption(comparison.config, openapiChecker, 'files') as string[];
    const focus = comparison.focus;
    // An on-type check of a file that cannot be part of a description (a .go, a .proto) has nothing to learn here.
    if (focus && ![...focus].some((path) => path === '' || path.endsWith('/') || matchesAnyGlob(path, globs.length > 0 ? globs : SOURCES)))
      return { notChecked, filesChecked: 0 };
    const headRoots = await this.headRoots(comparison.head, globs, comparison.signal);
    let filesChecked = 0;
    if (!comparison.base) return { notChecked, filesChecked: headRoots.length };
    const baseTree = comparison.base;
    const baseByPath = new Map((await this.baseRootsOf(baseTree, globs)).map((root) => [root.path, root]));
    const pairedBase = new Set<string>();
    // Comparing a large description takes seconds: the server answers other requests (and cancellation) between slices.
    const slicer = new Slicer(comparison.signal);
    const today = todayUtc();
    const options = openapiOptions(comparison);

    for (const head of headRoots) {
      throwIfCancelled(comparison.signal);
      const basePath = comparison.renames.get(head.path) ?? head.path;
      const base = baseByPath.get(basePath);
      if (!base) continue;
      pairedBase.add(base.path);
      const headSet = await SpecSet.load(comparison.head, head.path, head.text, this.headFiles);
      const baseSet = await SpecSet.load(baseTree, base.path, base.text, this.baseFiles);
      if (!isDescription(headSet) || !isDescription(baseSet)) continue;
      // An on-type check of another file (a .proto, an unrelated YAML) has nothing to learn from this description.
      if (focus && ![...headSet.paths, ...baseSet.paths].some((path) => isFocused(path, focus))) continue;
      filesChecked += headSet.paths.length;
      headSet.flattenAllOf = baseSet.flattenAllOf = options.flattenAllOf;
      headSet.matchInlineRefs = baseSet.matchInlineRefs = options.matchInlineRefs;
      const unreadable = whyNotComparable(headSet, 'head') ?? whyNotComparable(baseSet, 'base');
      if (unreadable) {
        notChecked.push({ file: head.path, reason: unreadable });
        continue;
      }
      // Findings wait until the comparison is over: a $ref that points nowhere (found while walking) would have read as a
      // removal, so then the description is not checked and reports nothing.
      const found: Parameters<KindReporter>[0][] = [];
      const incomplete: string[] = [];
      await slicer.run(
        compareSteps(
          buildModel(baseSet, options),
          buildModel(headSet, options),
          { today, options },
          (finding) => found.push(finding),
          (reason) => incomplete.push(reason),
        ),
      );
      const unresolved = whyNotComparable(headSet, 'head') ?? whyNotComparable(baseSet, 'base');
      if (unresolved) {
        notChecked.push({ file: head.path, reason: unresolved });
        continue;
      }
      found.forEach(report);
      for (const reason of incomplete) notChecked.push({ file: head.path, reason });
    }
    // A description gone from head (deleted, or no longer OpenAPI): every operation it had is removed.
    for (const base of baseByPath.values()) {
      if (pairedBase.has(base.path) || headRoots.some((head) => head.path === base.path)) continue;
      if (focus && !isFocused(base.path, focus)) continue;
      const baseSet = await SpecSet.load(baseTree, base.path, base.text, this.baseFiles);
      if (!isDescription(baseSet) || whyNotComparable(baseSet, 'base')) continue;
      const baseModel = buildModel(baseSet, options);
      if (whyNotComparable(baseSet, 'base')) continue;
      const emptyHead = await SpecSet.load(comparison.head, base.path, '{}', this.headFiles);
      await slicer.run(
        compareSteps(baseModel, buildModel(emptyHead, options), { today, options }, report, (reason) => notChecked.push({ file: base.path, reason })),
      );
    }
    return { notChecked, filesChecked };
  }

  private baseRootsOf(tree: Tree, globs: readonly string[]): Promise<Root[]> {
    const key = globs.join('\0');
    const cached = this.baseRoots.get(tree);
    if (cached?.globs === key) return cached.loading;
    const entry = { globs: key, loading: findRoots(tree, globs, undefined) };
    this.baseRoots.set(tree, entry);
    // A failed read (git stopped) is asked again next time rather than remembered.
    entry.loading.catch(() => {
      if (this.baseRoots.get(tree) === entry) this.baseRoots.delete(tree);
    });
    return entry.loading;
  }

  private async headRoots(tree: Tree, globs: readonly string[], signal: AbortSignal | undefined): Promise<Root[]> {
    const toRead: { path: string }[] = [];
    for (const path of candidatesIn(await tree.list(), globs)) {
      const fingerprint = tree.knownFingerprint?.(path);
      const known = this.recognized.get(path);
      if (fingerprint === undefined || known?.fingerprint !== fingerprint || known.isRoot) toRead.push({ path });
    }
    const roots: Root[] = [];
    await readInBatches(tree, toRead, signal, ({ path }, text) => {
      const isRoot = looksLikeOpenapi(text);
      this.recognized.set(path, { fingerprint: textFingerprint(text), isRoot });
      if (isRoot) roots.push({ path, text });
    });
    return roots.sort((a, b) => (a.path < b.path ? -1 : 1));
  }
}

function candidatesIn(paths: readonly string[], globs: readonly string[]): string[] {
  return paths.filter((path) => matchesAnyGlob(path, globs.length > 0 ? globs : SOURCES));
}

function whyNotComparable(set: SpecSet, side: 'base' | 'head'): string | undefined {
  const at = side === 'base' ? ' at the base' : '';
  if (set.root.unreadable) return `${set.root.unreadable}${at}`;
  if (set.problems.length > 0) return `${set.problems[0]}${at}; the description was not compared`;
  const swagger = versionText(set.root, 'swagger');
  if (swagger !== undefined) return swagger === '2.0' || swagger === '2' ? undefined : `Swagger version "${swagger}"${at} is not one Graycheck compares (2.0)`;
  const version = versionText(set.root, 'openapi');
  if (!version || !/^3\.[01]\b/.test(version)) return `OpenAPI version "${version ?? ''}"${at} is not one Graycheck compares (2.0, 3.0, 3.1)`;
  return undefined;
}

/** A version as written (`openapi: 3.0` is the number 3 to YAML, and "3.0" to the reader). */
function versionText(file: SpecFile, key: string): string | undefined {
  const node = child(file.root, key);
  const range = node?.range;
  return range
    ? file.text
        .slice(range[0], range[1])
        .trim()
        .replace(/^["']|["']$/g, '')
    : scalarText(node);
}

/** A file the quick test took for a description but whose parsed root has no `openapi` or `swagger` version (a
 *  package.json script named openapi, or `.graycheck.yaml` with its `openapi:` options section) is not one. */
function isDescription(set: SpecSet): boolean {
  const version = (key: string) => {
    const node = child(set.root.root, key);
    return node !== undefined && isScalar(node);
  };
  return set.root.unreadable !== undefined || version('openapi') || version('swagger');
}

/** What the families reported below one body schema. */
interface Recording {
  findings: OpenapiFinding[];
  reasons: string[];
  complete: boolean;
}

/** Runs every family on the paired descriptions, yielding after each family and after each operation's schemas. */
function* compareSteps(
  base: ApiModel,
  head: ApiModel,
  when: Pick<ModelPair, 'today' | 'options'>,
  reporter: KindReporter,
  incomplete: (reason: string) => void,
): Steps<void> {
  const allOperations: OperationPair[] = [];
  // Without --flatten-params oasdiff compares an operation's own parameters only; the path item's are compared apart.
  const own = (operation: Operation): Operation =>
    when.options.flattenParams ? operation : { ...operation, parameters: new Map([...operation.parameters].filter(([, parameter]) => !parameter.pathLevel)) };
  const pathItems: [PathItem, PathItem | undefined][] = [
    ...[...base.paths].map(([template, item]): [PathItem, PathItem | undefined] => [item, head.paths.get(template)]),
    // The operations of a webhook on both sides are compared as those of the path `webhook:<name>`, as oasdiff does.
    ...[...base.webhooks].map(([name, item]): [PathItem, PathItem | undefined] => [item, head.webhooks.get(name)]),
  ];
  // oasdiff keys a changed path by its base template and a changed parameter by its base name, so renaming `{id}` to
  // `{petId}` reports `/pets/{id}` and `id`: findings on a paired operation show the base's path and path parameters.
  const shownPath = new Map<Pick<Operation, 'method' | 'path'>, string>();
  for (const [basePath, headPath] of pathItems) {
    if (!headPath) continue;
    for (const headOperation of headPath.operations.values()) shownPath.set(headOperation, basePath.template);
    for (const [method, baseOperation] of basePath.operations) {
      const headOperation = headPath.operations.get(method);
      if (!headOperation) continue;
      const head = withBaseNames(own(headOperation), baseOperation);
      shownPath.set(head, basePath.template);
      allOperations.push({ base: own(baseOperation), head });
    }
  }
  // oasdiff keeps a changed operation when its head's stability level reaches the threshold.
  const operations = allOperations.filter((operation) => isInStabilityScope(operation.head, when.options.stabilityLevel));
  const pair: ModelPair = { base, head, operations, allOperations, ...when };
  const seen = new Set<string>();
  const reasons = new Set<string>();
  const report: FamilyReport = {
    finding(finding: OpenapiFinding) {
      const message = finding.operation
        ? `in API ${finding.operation.method} ${shownPath.get(finding.operation) ?? finding.operation.path} ${finding.text}`
        : `in components/${finding.component ?? ''} ${finding.text}`;
      // One finding per operation, element and message: a schema shared by two operations' bodies is reached for each.
      const key = `${finding.rule}\0${finding.place.file}\0${finding.place.range.start.line}\0${finding.place.range.start.character}\0${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      reporter({
        rule: finding.rule,
        file: finding.place.file,
        range: finding.place.range,
        message,
        ...(finding.base ? { base: { file: finding.base.file, range: finding.base.range } } : {}),
        ...(finding.fixData ? { fixData: finding.fixData } : {}),
      });
    },
    incomplete(reason) {
      if (!reasons.has(reason)) incomplete(reason);
      reasons.add(reason);
    },
  };
  // Site visitors report through the site they are at: body and property findings end with its media type detail.
  let current: SchemaSite | undefined;
  let recording: Recording | undefined;
  const siteReport: FamilyReport = {
    finding(finding) {
      const details = finding.withoutMediaType ? '' : (current?.mediaTypeDetails ?? '');
      const detailed = details ? { ...finding, text: finding.text + details } : finding;
      recording?.findings.push(detailed);
      report.finding(detailed);
    },
    incomplete(reason) {
      recording?.reasons.push(reason);
      report.incomplete(reason);
    },
  };
  // Many operations share a body schema (every Stripe operation's `default` error response): what the families found
  // below it is worked out for the first one and replayed, with its operation, for the others met in the same circumstances.
  const recordings = new NodePairMap<Map<string, Recording>>();
  const belowBody: BelowBody = (top, walk) => {
    const circumstances = [
      top.direction,
      top.response?.status ?? '',
      top.mediaType?.name ?? '',
      top.mediaTypeDetails ?? '',
      JSON.stringify(stabilityOfOperation(pair.head.set, top.operation)),
    ].join('\0');
    const byCircumstances = recordings.get(top.base.node, top.head.node) ?? recordings.set(top.base.node, top.head.node, new Map());
    const earlier = byCircumstances.get(circumstances);
    if (earlier) {
      for (const finding of earlier.findings) report.finding({ ...finding, operation: top.operation });
      for (const reason of earlier.reasons) report.incomplete(reason);
      return earlier.complete;
    }
    const outer = recording;
    const fresh: Recording = { findings: [], reasons: [], complete: true };
    recording = fresh;
    try {
      fresh.complete = walk();
    } finally {
      recording = outer;
    }
    byCircumstances.set(circumstances, fresh);
    return fresh.complete;
  };
  const visitors: ((site: SchemaSite) => void)[] = [];
  for (const family of OPENAPI_FAMILIES) {
    family.check?.(pair, report);
    const visitor = family.sites?.(pair, siteReport);
    if (visitor) visitors.push(visitor);
    yield;
  }
  const complete = yield* schemaSiteSteps(
    { base: pair.base.set, head: pair.head.set },
    pair.operations,
    (site) => {
      current = site;
      for (const visit of visitors) visit(site);
    },
    belowBody,
  );
  if (!complete) report.incomplete(TOO_LARGE_REASON);
}

/** The head operation with each path parameter named as at the base (they pair by their place in the template). */
function withBaseNames(head: Operation, base: Operation): Operation {
  if (head.path === base.path) return head;
  const parameters = new Map(
    [...head.parameters].map(([key, parameter]) => {
      const before = base.parameters.get(key);
      return [key, parameter.in === 'path' && before && before.name !== parameter.name ? { ...parameter, name: before.name } : parameter];
    }),
  );
  return { ...head, parameters };
}

async function findRoots(tree: Tree, globs: readonly string[], signal: AbortSignal | undefined): Promise<Root[]> {
  const roots: Root[] = [];
  await readInBatches(
    tree,
    candidatesIn(await tree.list(), globs).map((path) => ({ path })),
    signal,
    ({ path }, text) => {
      if (looksLikeOpenapi(text)) roots.push({ path, text });
    },
  );
  return roots;
}
