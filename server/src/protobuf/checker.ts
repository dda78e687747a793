// The protobuf kind: summarizes the .proto files of both trees per buf module (kept for the whole module), then loads,
// pairs and compares one group of packages at a time (only the focused files' groups for an on-type check), runs the
// rules buf.yaml selects and binds each finding's categories to that buf.yaml's version.
import type { Comparison, FixHead, KindChecker, KindReport, KindReporter, KindSession } from '../engine/comparison';
import { throwIfCancelled } from '../engine/comparison';
import { isFocused } from '../engine/check';
import type { Fix } from '../engine/edit';
import type { Finding, NotChecked } from '../engine/finding';
import { fingerprintsInBatches, readInBatches, textFingerprint, type Tree } from '../engine/tree';
import { type BufModule, isUnderAny, isUnstablePackage, loadBufSetup, moduleOf } from './bufConfig';
import { categoriesOf } from './categories';
import { extensionsOf } from './declarations';
import { groupFiles } from './groups';
import {
  buildFile,
  buildFileSteps,
  fileUnreadableReason,
  missingImports,
  ProtoImage,
  resolveName,
  unreadableReason,
  withoutByteOrderMark,
  type ProtoFile,
} from './model';
import { ModelCache, type Side } from './modelCache';
import { parseProtoSteps } from './parser';
import { HeadIndex, SideIndex, summarizeSteps, type FileSummary, type SymbolTable } from './moduleIndex';
import { plainRange } from './offsetRange';
import { pairImagesSteps, type ImagePairs } from './pairs';
import { runSteps, Slicer, type Steps } from '../engine/slices';
import { unresolvedReferencesSteps } from './unresolved';
import { PROTOBUF_RULES } from './rules/index';
import { PROTOBUF_KIND } from './kind';
import type { ProtobufRule } from './rules/rule';

export const protobufChecker: KindChecker = {
  ...PROTOBUF_KIND,
  rules: PROTOBUF_RULES,
  startSession: () => new ProtobufSession(),
  fixes: fixesFor,
};

/** What stays between the checks of one owner: base indexes per base tree, head summaries and parsed models. */
class ProtobufSession implements KindSession {
  private readonly models = new ModelCache();
  // A base tree's files never change: its index is built once per module layout and kept with the tree object (the
  // server keeps one tree per base commit). Checks that start together share one build, which no single check's
  // cancellation stops.
  private readonly baseIndexes = new WeakMap<Tree, { layout: string; loading: Promise<SideIndex> }>();
  // Summaries of head files that differ from the base, by path and module path: typing re-summarizes only the edited file.
  private readonly headSummaries = new Map<string, FileSummary>();
  // The head index of the last check and what it was made of: while the tree's fingerprints stay as they were, the next
  // check makes its index from this one by the open buffers' paths, not by a walk over every file of the module.
  private lastHead: LastHead | undefined;
  // A listing that has not changed (typing) is attributed to modules once.
  private readonly moduleFilesCache = new WeakMap<readonly string[], { layout: string; files: ModuleFile[] }>();
  /** The fingerprint each loaded model was loaded for. */
  private readonly modelFingerprints = new WeakMap<ProtoFile, string>();
  // The base image of the last group an editor's check compared: typing checks the same group against the same base again
  // and again, and resolving every base type anew was a good part of each keystroke in a large file.
  private lastBaseImage: { table: SymbolTable; files: readonly ProtoFile[]; image: ProtoImage } | undefined;
  // Models the base index built, kept until the check that loaded the index ends, so that the comparison does not parse
  // them again: all of them when the module's texts add up to INDEXED_MODELS_CHARS or less (a pre-commit check of a small
  // module compares most of its files), else only the last one (a module of one large file is then parsed once).
  private indexedModels = new Map<string, ProtoFile>();

  async check(comparison: Comparison, report: KindReporter): Promise<KindReport> {
    const notChecked: NotChecked[] = [];
    const setup = await loadBufSetup(comparison.head, comparison.base);
    notChecked.push(...setup.problems.map((problem) => ({ ...problem, blocksKind: true })));
    if (setup.modules.length === 0) return { notChecked, filesChecked: 0 };
    const { modules } = setup;
    const headPaths = this.moduleFiles(await comparison.head.list(), modules);
    if (!comparison.base) return { notChecked, filesChecked: headPaths.length };
    const baseIndex = await this.loadBaseIndex(comparison.base, modules, comparison.signal);
    this.models.beginCheck();
    // Parsing, modelling and comparing a large file take seconds: the check lets the server answer other requests (and
    // cancellation) every few milliseconds.
    const slicer = new Slicer(comparison.signal);
    const headIndex = await this.headIndexOf(comparison.head, headPaths, baseIndex, slicer);
    const focus = comparison.focus;
    const focused = focus ? (path: string) => isFocused(path, focus) : () => true;

    const hidden = new Set<string>();
    // Head files buf would refuse to compile together (a name declared twice): not checked, and no finding of theirs is kept.
    const clashing = new Set<string>();
    // A head file the parser could not read whole, or whose imports are missing, has its reason: references that do not
    // resolve there would only repeat it.
    const incomplete = new Set<string>();
    // A focus of files (an open document) names them; a directory needs a walk.
    const focusFiles = focus && [...focus].every((entry) => entry !== '' && !entry.endsWith('/')) ? [...focus].sort() : undefined;
    // Typing checks one file of a module of thousands: its files are looked up, not walked.
    const focusedHeadFiles = focusFiles ? focusFiles.flatMap((path) => headIndex.byPath(path) ?? []) : headIndex.files.filter((file) => focused(file.path));
    for (const file of focusedHeadFiles) {
      if (file.unreadable) notChecked.push({ file: file.path, reason: file.unreadable });
      const clash = file.unreadable ? undefined : await slicer.run(declaredTwice(file, headIndex));
      if (clash) {
        notChecked.push({ file: file.path, reason: clash.reason });
        for (const path of clash.files) clashing.add(path);
      }
      const missing = missingImports(file, headIndex);
      for (const path of missing) notChecked.push({ file: file.path, reason: `import "${path}" not found at head` });
      // No silent miss (issue 11): text the parser skipped may hold declarations, changed or not, so the file is named
      // even when no rule found anything there to hide.
      if (file.syntaxProblem && !file.unreadable) hidden.add(file.path);
      if (file.syntaxProblem || file.unreadable || clash || missing.length > 0) incomplete.add(file.path);
    }
    const moduleFor = (path: string, table: SymbolTable) => (table.byPath(path) ? moduleOf(path, modules)?.module : undefined);
    const groups = groupFiles(
      { base: baseIndex, head: headIndex, renames: comparison.renames, resolveExtendee: resolveName },
      focus ? focused : undefined,
      focusFiles,
    );
    // Models are kept for checks of named files (the editor's); a check of everything, or of a directory, visits each group
    // once, and keeping its models would only age them into garbage.
    const keep = focusFiles !== undefined;
    for (const group of groups) {
      throwIfCancelled(comparison.signal);
      slicer.resumed = undefined;
      const baseFiles = await this.loadModels('base', comparison.base, group.base, keep, slicer);
      const baseByPath = new Map(baseFiles.map((file) => [file.path, file]));
      const headFiles = await this.loadModels('head', comparison.head, group.head, keep, slicer, baseByPath);
      throwIfCancelled(comparison.signal);
      const baseImage = await this.baseImageOf(comparison.base, baseFiles, baseIndex, keep, slicer);
      const headImage = await this.imageWithReferences(comparison.head, 'head', headFiles, headIndex, keep, slicer);
      // Loading the images awaited: another check may have resolved these models for its own images meanwhile, and may
      // again whenever this one lets the event loop in.
      const reclaim = () => {
        baseImage.reclaim();
        headImage.reclaim();
      };
      reclaim();
      slicer.resumed = reclaim;
      for (const [side, image] of [
        ['base', baseImage],
        ['head', headImage],
      ] as const) {
        for (const file of image.files) {
          const headPath = side === 'head' ? file.path : headIndex.byPath(file.path) ? file.path : undefined;
          if (headPath === undefined || !focused(headPath) || incomplete.has(headPath)) continue;
          for (const reason of await unresolvedIn(file, image, side, slicer)) notChecked.push({ file: headPath, reason });
          await slicer.pause();
        }
      }
      const pairs = await slicer.run(pairImagesSteps(baseImage, headImage, comparison.renames));
      for (const rule of PROTOBUF_RULES) {
        if (!modules.some((module) => module.breaking.rules.has(rule.id))) continue;
        // Between rules once they have run for a while; small groups (a keystroke's) run theirs without a turn each.
        await slicer.pause();
        rule.check(pairs, {
          finding: (item) => {
            const file = typeof item.file === 'string' ? item.file : item.file.path;
            // A file that is not checked has no findings: what was read of it may have been read wrongly.
            if (headIndex.byPath(file)?.unreadable || clashing.has(file)) return;
            const module = moduleFor(file, headIndex) ?? moduleFor(item.basePath ?? file, baseIndex) ?? moduleFor(file, baseIndex);
            if (!module || !isReported(rule, module, file, item.basePath, pairs, typeof item.file === 'string' ? undefined : item.file)) return;
            report({
              rule: rule.id,
              file,
              range: plainRange(item.range),
              message: item.message,
              categories: categoriesOf(rule.id, module.breaking.version),
              ...(item.base ? { base: { ...item.base, range: plainRange(item.base.range) } } : {}),
              ...(item.fixData ? { fixData: item.fixData } : {}),
            });
          },
          hidden: (file) => hidden.add(file.path),
        });
      }
    }
    this.indexedModels.clear();
    for (const path of hidden) {
      const file = headIndex.byPath(path);
      if (!file || file.unreadable || clashing.has(path)) continue;
      notChecked.push({ file: path, reason: `${file.syntaxProblem ?? 'syntax error'} — declarations there were not compared` });
    }
    return { notChecked, filesChecked: headIndex.files.length };
  }

  private moduleFiles(paths: readonly string[], modules: readonly BufModule[]): ModuleFile[] {
    const layout = layoutOf(modules);
    const cached = this.moduleFilesCache.get(paths);
    if (cached?.layout === layout) return cached.files;
    const files: ModuleFile[] = [];
    this.moduleFilesCache.set(paths, { layout, files });
    for (const path of paths) {
      if (!path.endsWith('.proto')) continue;
      const found = moduleOf(path, modules);
      if (found) files.push({ path, modulePath: found.modulePath });
    }
    return files;
  }

  private *buildModel(side: Side, path: string, modulePath: string, rawText: string, fingerprint: string, keep: boolean, parsed?: ProtoFile): Steps<ProtoFile> {
    const text = withoutByteOrderMark(rawText);
    const ast = parsed?.ast ?? (unreadableReason(text) ? undefined : yield* parseProtoSteps(text));
    const file = yield* buildFileSteps(path, modulePath, parsed?.text ?? text, ast);
    if (side === 'head') rememberHeadModel(file);
    if (keep) this.models.set(ModelCache.key(side, path, modulePath, fingerprint), file, parsed !== undefined);
    return file;
  }

  private async loadBaseIndex(tree: Tree, modules: readonly BufModule[], signal: AbortSignal | undefined): Promise<SideIndex> {
    const layout = layoutOf(modules);
    let cached = this.baseIndexes.get(tree);
    if (cached?.layout !== layout) {
      const loading = (async () => {
        const summaries: FileSummary[] = [];
        // Shared by the checks that wait for it: none of their cancellations stops it.
        const slicer = new Slicer(undefined);
        const indexed = new Map<string, ProtoFile>();
        let indexedChars = 0;
        await readInBatches(tree, this.moduleFiles(await tree.list(), modules), undefined, async ({ path, modulePath }, text) => {
          // Not put in the model cache: indexing a whole module would only push every model through it and age it into garbage.
          const fingerprint = textFingerprint(text);
          const model = await slicer.run(this.buildModel('base', path, modulePath, text, fingerprint, false));
          indexedChars += text.length;
          if (indexedChars > INDEXED_MODELS_CHARS) indexed.clear();
          indexed.set(ModelCache.key('base', path, modulePath, fingerprint), model);
          summaries.push(await slicer.run(summaryOf(model, fingerprint)));
        });
        this.indexedModels = indexed;
        return new SideIndex(summaries);
      })();
      const entry = { layout, loading };
      this.baseIndexes.set(tree, entry);
      loading.catch(() => {
        if (this.baseIndexes.get(tree) === entry) this.baseIndexes.delete(tree);
      });
      cached = entry;
    }
    const index = await cached.loading;
    throwIfCancelled(signal);
    return index;
  }

  private async headIndexOf(tree: Tree, files: readonly ModuleFile[], base: SideIndex, slicer: Slicer): Promise<HeadIndex> {
    // Read before any fingerprint: a change while this check runs then makes the next one start afresh.
    const generation = tree.fingerprintGeneration?.();
    const volatilePaths = tree.volatilePaths?.() ?? [];
    const last = this.lastHead;
    let previous: { summaries: readonly FileSummary[]; positions: number[] } | undefined;
    if (generation !== undefined && last?.files === files && last.base === base && last.generation === generation) {
      const positionOf = positionsByPath(files);
      const positions = new Set<number>();
      for (const path of [...last.volatilePaths, ...volatilePaths]) {
        const position = positionOf.get(path);
        if (position !== undefined) positions.add(position);
      }
      previous = { summaries: last.summaries, positions: [...positions] };
    }
    const summaries = await this.summarizeHead(tree, files, base, slicer, previous);
    const complete = previous ? previous.positions.every((position) => summaries[position] !== undefined) : !summaries.includes(undefined);
    if (!complete) {
      this.lastHead = undefined;
      return new HeadIndex(
        base,
        summaries.filter((summary): summary is FileSummary => summary !== undefined),
      );
    }
    const made = summaries as FileSummary[];
    const index = previous && last ? new HeadIndex(base, made, { index: last.index, positions: previous.positions }) : new HeadIndex(base, made);
    // An index whose files were sorted anew is not aligned with the listing, so it cannot be the next one's start.
    const aligned = index.files === made;
    if (generation !== undefined && aligned) this.lastHead = { files, base, generation, volatilePaths, summaries: made, index };
    return index;
  }

  /** The head's summaries in listing order (undefined for a file gone since the listing): the base's own for files whose
   *  text is the base's, made (and remembered) for the others. With `previous`, the summaries of the same files, only
   *  those at its positions are made again. */
  private async summarizeHead(
    tree: Tree,
    files: readonly ModuleFile[],
    base: SideIndex,
    slicer: Slicer,
    previous?: { summaries: readonly FileSummary[]; positions: readonly number[] },
  ): Promise<(FileSummary | undefined)[]> {
    const signal = slicer.signal;
    const summaries: (FileSummary | undefined)[] = previous ? [...previous.summaries] : new Array(files.length);
    const changed: (ModuleFile & { index: number })[] = [];
    const take = (file: ModuleFile, index: number, fingerprint: string | undefined) => {
      if (fingerprint === undefined) return;
      const same = base.byPath(file.path);
      if (same?.fingerprint === fingerprint && same.modulePath === file.modulePath) {
        summaries[index] = same;
        return;
      }
      const known = this.headSummaries.get(`${file.path}\0${file.modulePath}`);
      if (known?.fingerprint === fingerprint) summaries[index] = known;
      else changed.push({ ...file, index });
    };
    // Fingerprints the tree already knows cost no waiting: typing in a large module asks for thousands.
    const unknown: number[] = [];
    const visit = (index: number) => {
      const fingerprint = tree.knownFingerprint?.(files[index].path);
      if (fingerprint === undefined) unknown.push(index);
      else take(files[index], index, fingerprint);
    };
    if (previous) {
      for (const index of previous.positions) {
        summaries[index] = undefined;
        visit(index);
      }
    } else for (let index = 0; index < files.length; index++) visit(index);
    const fingerprints = await fingerprintsInBatches(
      tree,
      unknown.map((index) => files[index].path),
      signal,
    );
    unknown.forEach((index, position) => take(files[index], index, fingerprints[position]));
    await readInBatches(tree, changed, signal, async ({ path, modulePath, index }, text) => {
      const fingerprint = textFingerprint(text);
      const model = await slicer.run(this.buildModel('head', path, modulePath, text, fingerprint, true));
      const summary = await slicer.run(summaryOf(model, fingerprint));
      const key = `${path}\0${modulePath}`;
      this.headSummaries.delete(key);
      this.headSummaries.set(key, summary);
      if (this.headSummaries.size > HEAD_SUMMARIES_KEPT) this.headSummaries.delete(this.headSummaries.keys().next().value!);
      summaries[index] = summary;
    });
    return summaries;
  }

  /** The models of a group's files on one side, from the cache or built; a head file unchanged since the base shares the base's tree. */
  private async loadModels(
    side: Side,
    tree: Tree,
    summaries: readonly FileSummary[],
    keep: boolean,
    slicer: Slicer,
    baseByPath?: ReadonlyMap<string, ProtoFile>,
  ): Promise<ProtoFile[]> {
    const found = new Map<FileSummary, ProtoFile>();
    const missing: FileSummary[] = [];
    for (const summary of summaries) {
      const key = ModelCache.key(side, summary.path, summary.modulePath, summary.fingerprint);
      let cached = this.models.get(key);
      const indexed = cached ? undefined : this.indexedModels.get(key);
      if (indexed) {
        cached = indexed;
        this.indexedModels.delete(key);
        if (keep) this.models.set(key, cached);
      }
      const base = baseByPath?.get(summary.path);
      if (cached) found.set(summary, cached);
      else if (base && base.modulePath === summary.modulePath && this.modelFingerprints.get(base) === summary.fingerprint) {
        found.set(summary, await slicer.run(this.buildModel(side, summary.path, summary.modulePath, base.text, summary.fingerprint, keep, base)));
      } else missing.push(summary);
    }
    await readInBatches(tree, missing, undefined, async (summary, text) => {
      found.set(summary, await slicer.run(this.buildModel(side, summary.path, summary.modulePath, text, textFingerprint(text), keep)));
    });
    const result: ProtoFile[] = [];
    for (const summary of summaries) {
      const file = found.get(summary);
      if (!file) continue;
      this.modelFingerprints.set(file, summary.fingerprint);
      result.push(file);
    }
    return result;
  }

  /** The base image of a group: the last one when the group's base models are those it was made of. */
  private async baseImageOf(tree: Tree, files: readonly ProtoFile[], table: SideIndex, keep: boolean, slicer: Slicer): Promise<ProtoImage> {
    const last = this.lastBaseImage;
    if (keep && last?.table === table && last.files.length === files.length && last.files.every((file, index) => file === files[index])) {
      // Another check may have resolved these models for its own image since.
      last.image.reclaim();
      return last.image;
    }
    const image = await this.imageWithReferences(tree, 'base', [...files], table, keep, slicer);
    if (keep) this.lastBaseImage = { table, files, image };
    return image;
  }

  /** The image of a group's files, with the files declaring enums its fields use elsewhere loaded for lookups. */
  private async imageWithReferences(tree: Tree, side: Side, files: ProtoFile[], table: SymbolTable, keep: boolean, slicer: Slicer): Promise<ProtoImage> {
    const image = new ProtoImage(files, table, [], true);
    await slicer.run(image.resolveSteps());
    let declarers = await slicer.run(enumDeclarersElsewhere(image, table));
    if (!image.isCurrent()) {
      // Another check resolved these models for its own image while this one let the event loop in: read them again at once.
      image.reclaim();
      declarers = runSteps(enumDeclarersElsewhere(image, table));
    }
    if (declarers.size === 0) return image;
    const referenced = await this.loadModels(side, tree, [...declarers.values()], keep, slicer);
    // Loading yielded: another check may have resolved these cached models against its own head, so resolve again.
    const withReferences = new ProtoImage(files, table, referenced, true);
    await slicer.run(withReferences.resolveSteps());
    return withReferences;
  }
}

/** The references of a file its image does not resolve, worked out once per image (the base image serves many checks). */
const unresolvedByImage = new WeakMap<ProtoImage, Map<ProtoFile, string[]>>();

async function unresolvedIn(file: ProtoFile, image: ProtoImage, side: Side, slicer: Slicer): Promise<string[]> {
  let byFile = unresolvedByImage.get(image);
  if (!byFile) unresolvedByImage.set(image, (byFile = new Map()));
  let reasons = byFile.get(file);
  if (!reasons) byFile.set(file, (reasons = await slicer.run(unresolvedReferencesSteps(file, image, side))));
  return reasons;
}

/** The files outside the image's own that declare enums its fields (and extensions) use, by path. */
function* enumDeclarersElsewhere(image: ProtoImage, table: SymbolTable): Steps<Map<string, FileSummary>> {
  const inGroup = new Set(image.files.map((file) => file.path));
  const declarers = new Map<string, FileSummary>();
  const note = (type: string) => {
    if (!type.startsWith('.') || !image.isEnum(type.slice(1))) return;
    const declarer = table.declarerOf(type.slice(1));
    if (declarer && !inGroup.has(declarer.path)) declarers.set(declarer.path, declarer);
  };
  let count = 0;
  for (const file of image.files) {
    for (const message of file.messages) {
      if (++count % 512 === 0) yield;
      for (const field of message.fields) note(field.type);
    }
    for (const extension of extensionsOf(file)) {
      const scope = extension.scope ? extensionScopeName(file, extension.nestedName) : file.packageName;
      const resolved = image.resolve(extension.decl.type, scope);
      if (resolved) note(resolved);
    }
  }
  return declarers;
}

function isReported(
  rule: ProtobufRule,
  module: BufModule,
  file: string,
  basePath: string | undefined,
  pairs: ImagePairs,
  headFile: ProtoFile | undefined,
): boolean {
  const { breaking } = module;
  if (!breaking.rules.has(rule.id)) return false;
  const paths = basePath ? [basePath, file] : [file];
  if (paths.some((path) => isUnderAny(path, breaking.ignore))) return false;
  const only = breaking.ignoreOnly.get(rule.id);
  if (only && paths.some((path) => isUnderAny(path, only))) return false;
  if (breaking.ignoreUnstablePackages) {
    const packageName = headFile?.packageName ?? pairs.base.table.byPath(basePath ?? file)?.packageName ?? '';
    if (isUnstablePackage(packageName)) return false;
  }
  return true;
}

/** The first message or enum name of `file` that another declaration of the module (in it or elsewhere) also has. */
function* declaredTwice(file: FileSummary, table: SymbolTable): Steps<{ reason: string; files: string[] } | undefined> {
  const seen = new Set<string>();
  let count = 0;
  for (const name of [...file.messages, ...file.enums]) {
    if (++count % 2048 === 0) yield;
    const simple = name.slice(name.lastIndexOf('.') + 1);
    const refused = `buf refuses to compile the module ("\`${simple}\` declared multiple times"), so nothing in the file was compared`;
    if (seen.has(name)) return { reason: `"${name}" is declared twice in this file: ${refused}`, files: [file.path] };
    seen.add(name);
    const other = table.declarersOf(name).find((declarer) => declarer.path !== file.path);
    if (other) return { reason: `"${name}" is also declared in ${other.path}: ${refused}`, files: [file.path, other.path] };
  }
  return undefined;
}

function layoutOf(modules: readonly BufModule[]): string {
  return JSON.stringify(modules.map((module) => [module.root, module.excludes]));
}

interface ModuleFile {
  path: string;
  modulePath: string;
}

interface LastHead {
  files: readonly ModuleFile[];
  base: SideIndex;
  generation: number;
  volatilePaths: readonly string[];
  /** One for each of `files`, in its order: the index's own files. */
  summaries: readonly FileSummary[];
  index: HeadIndex;
}

const positionsOfFiles = new WeakMap<readonly ModuleFile[], Map<string, number>>();

function positionsByPath(files: readonly ModuleFile[]): Map<string, number> {
  let positions = positionsOfFiles.get(files);
  if (!positions) {
    positions = new Map(files.map((file, index) => [file.path, index]));
    positionsOfFiles.set(files, positions);
  }
  return positions;
}

const HEAD_SUMMARIES_KEPT = 4096;
/** About 5 MB of syntax trees and models. */
const INDEXED_MODELS_CHARS = 1_000_000;

function summaryOf(file: ProtoFile, fingerprint: string): Steps<FileSummary> {
  return summarizeSteps(file, fingerprint, fileUnreadableReason(file));
}

/** The full name of the message an extension is declared in, from its nested name (`Outer.inner` → `pkg.Outer`). */
function extensionScopeName(file: ProtoFile, nestedName: string): string {
  const scope = nestedName.slice(0, nestedName.lastIndexOf('.'));
  return file.packageName ? `${file.packageName}.${scope}` : scope;
}

// Fix titles are worked out for every finding of a check, after the check: the head model the check built for that text
// serves them (a large file is not parsed again), else the file is built once for all its findings, not once per finding.
const recentHeadModels = new Map<string, WeakRef<ProtoFile>>();
const RECENT_HEAD_MODELS = 64;
let lastFixHead: { path: string; text: string; file: WeakRef<ProtoFile> } | undefined;

function rememberHeadModel(file: ProtoFile): void {
  recentHeadModels.delete(file.path);
  recentHeadModels.set(file.path, new WeakRef(file));
  if (recentHeadModels.size > RECENT_HEAD_MODELS) recentHeadModels.delete(recentHeadModels.keys().next().value!);
}

function fixHeadFile(path: string, rawText: string): ProtoFile {
  const last = lastFixHead?.path === path && lastFixHead.text === rawText ? lastFixHead.file.deref() : undefined;
  if (last) return last;
  const text = withoutByteOrderMark(rawText);
  const recent = recentHeadModels.get(path)?.deref();
  // Only the file's own text and declarations are read by fixes, never its module path or resolved types.
  const file = recent?.text === text ? recent : buildFile(path, path, text);
  lastFixHead = { path, text: rawText, file: new WeakRef(file) };
  return file;
}

function fixesFor(finding: Finding, { text }: FixHead): Fix[] {
  const rule = PROTOBUF_RULES.find((candidate) => candidate.id === finding.rule);
  if (!rule?.fixes || unreadableReason(text)) return [];
  const head = fixHeadFile(finding.file, text);
  return rule.fixes({ finding, head }).map((fix) => ({
    ...fix,
    changes: fix.changes.map((change) => ({ ...change, edits: change.edits.map((edit) => ({ ...edit, range: plainRange(edit.range) })) })),
  }));
}
