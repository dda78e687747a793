// The protobuf kind: lists and parses the .proto files of both trees per buf module, pairs them, runs the rules
// buf.yaml selects and binds each finding's categories to that buf.yaml's version.
import type { Comparison, KindChecker, KindReport } from '../engine/comparison';
import { throwIfCancelled } from '../engine/comparison';
import type { Fix } from '../engine/edit';
import type { Finding, NotChecked, RawFinding } from '../engine/finding';
import type { Tree } from '../engine/tree';
import { type BufModule, isUnderAny, isUnstablePackage, loadBufSetup, moduleOf } from './bufConfig';
import { categoriesOf } from './categories';
import { buildFile, ProtoImage, unreadableReason, type ProtoField, type ProtoFile } from './model';
import { plainRange } from './offsetRange';
import { pairImages } from './pairs';
import { PROTOBUF_RULES } from './rules/index';
import type { ProtobufRule } from './rules/rule';

type Report = (finding: RawFinding & { categories?: readonly string[] }) => void;

const READ_BATCH = 64;

export const protobufChecker: KindChecker = {
  kind: 'protobuf',
  rules: PROTOBUF_RULES,
  check: checkProtobuf,
  fixes: fixesFor,
};

async function checkProtobuf(comparison: Comparison, report: Report): Promise<KindReport> {
  const notChecked: NotChecked[] = [];
  const setup = await loadBufSetup(comparison.head);
  notChecked.push(...setup.problems.map((problem) => ({ ...problem, blocksKind: true })));
  if (setup.modules.length === 0) return { notChecked, filesChecked: 0 };
  // The base first: a head file unchanged since the base shares its syntax tree.
  const base = comparison.base ? await loadBase(comparison.base, setup.modules, comparison.signal) : undefined;
  const baseByPath = new Map(base?.files.map((file) => [file.path, file]));
  const head = await loadSide(comparison.head, setup.modules, comparison.signal, (path, modulePath, text) => headModel(path, modulePath, text, baseByPath.get(path)));
  if (!base) return { notChecked, filesChecked: head.files.length };

  for (const file of head.files) {
    const unreadable = unreadableReason(file.text);
    if (unreadable) notChecked.push({ file: file.path, reason: unreadable });
  }
  // Cached head models keep the types the last image resolved; each image resolves them afresh from the declared ones.
  for (const file of head.files) for (const [field, type, isTypeResolved] of declaredTypes.get(file) ?? []) Object.assign(field, { type, isTypeResolved });
  const headImage = new ProtoImage(head.files);
  const baseImage = base.image;
  for (const file of head.files) {
    for (const path of headImage.missingImports(file)) notChecked.push({ file: file.path, reason: `import "${path}" not found at head` });
  }
  const pairs = pairImages(baseImage, headImage, comparison.renames);

  const hiddenFiles = new Set<ProtoFile>();
  for (const rule of PROTOBUF_RULES) {
    throwIfCancelled(comparison.signal);
    if (!setup.modules.some((module) => module.breaking.rules.has(rule.id))) continue;
    rule.check(pairs, {
      finding: (item) => {
        const file = typeof item.file === 'string' ? item.file : item.file.path;
        const module = head.moduleByPath.get(file) ?? base.moduleByPath.get(item.basePath ?? file) ?? base.moduleByPath.get(file);
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
      hidden: (file) => hiddenFiles.add(file),
    });
  }
  for (const file of hiddenFiles) {
    if (unreadableReason(file.text)) continue;
    const problem = file.ast.problems[0];
    const where = problem ? `syntax error at ${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}` : 'syntax error';
    notChecked.push({ file: file.path, reason: `${where} — declarations there were not compared` });
  }
  return { notChecked, filesChecked: head.files.length };
}

function isReported(rule: ProtobufRule, module: BufModule, file: string, basePath: string | undefined, pairs: ReturnType<typeof pairImages>, headFile: ProtoFile | undefined): boolean {
  const { breaking } = module;
  if (!breaking.rules.has(rule.id)) return false;
  const paths = basePath ? [basePath, file] : [file];
  if (paths.some((path) => isUnderAny(path, breaking.ignore))) return false;
  const only = breaking.ignoreOnly.get(rule.id);
  if (only && paths.some((path) => isUnderAny(path, only))) return false;
  if (breaking.ignoreUnstablePackages) {
    const packageName = headFile?.packageName ?? pairs.base.files.find((candidate) => candidate.path === (basePath ?? file))?.packageName ?? '';
    if (isUnstablePackage(packageName)) return false;
  }
  return true;
}

interface Side {
  files: ProtoFile[];
  moduleByPath: Map<string, BufModule>;
}

type BuildModel = (path: string, modulePath: string, text: string) => ProtoFile;

async function loadSide(tree: Tree, modules: readonly BufModule[], signal: AbortSignal | undefined, build: BuildModel = buildFile): Promise<Side> {
  const moduleByPath = new Map<string, BufModule>();
  const wanted: { path: string; modulePath: string }[] = [];
  for (const path of await tree.list()) {
    if (!path.endsWith('.proto')) continue;
    const found = moduleOf(path, modules);
    if (!found) continue;
    moduleByPath.set(path, found.module);
    wanted.push({ path, modulePath: found.modulePath });
  }
  const files: ProtoFile[] = [];
  for (let i = 0; i < wanted.length; i += READ_BATCH) {
    throwIfCancelled(signal);
    const batch = wanted.slice(i, i + READ_BATCH);
    const texts = await Promise.all(batch.map((entry) => tree.read(entry.path)));
    batch.forEach((entry, index) => {
      const text = texts[index];
      if (text !== undefined) files.push(build(entry.path, entry.modulePath, text));
    });
  }
  return { files, moduleByPath };
}

// ---- caches across checks ----

// Head models by repository path, module path and text: typing rebuilds only the edited file's model.
// Bounded by text size; the least recently used go first.
const HEAD_MODEL_CACHE_CHARS = 96_000_000;
const headModels = new Map<string, ProtoFile>();
let headModelChars = 0;
/** Each cached head field's type as declared, before any image resolved it. */
const declaredTypes = new WeakMap<ProtoFile, [ProtoField, string, boolean][]>();

function headModel(path: string, modulePath: string, text: string, baseFile: ProtoFile | undefined): ProtoFile {
  const key = `${path}\0${modulePath}`;
  const hit = headModels.get(key);
  headModels.delete(key);
  if (hit) {
    headModelChars -= hit.text.length;
    if (hit.text === text) {
      headModels.set(key, hit);
      headModelChars += text.length;
      return hit;
    }
  }
  const file = buildFile(path, modulePath, text, baseFile?.text === text && !unreadableReason(text) ? baseFile.ast : undefined);
  const declared: [ProtoField, string, boolean][] = [];
  for (const message of file.messages) for (const field of message.fields) declared.push([field, field.type, field.isTypeResolved]);
  declaredTypes.set(file, declared);
  headModels.set(key, file);
  headModelChars += text.length;
  for (const [oldest, entry] of headModels) {
    if (headModelChars <= HEAD_MODEL_CACHE_CHARS || oldest === key) break;
    headModels.delete(oldest);
    headModelChars -= entry.text.length;
  }
  return file;
}

interface BaseSide extends Side {
  image: ProtoImage;
}

// A base tree's files never change: its image is built once per module layout and kept with the tree object
// (the server keeps one tree per base commit). Checks that start together share one build, which no single
// check's cancellation stops.
const baseImages = new WeakMap<Tree, { layout: string; loading: Promise<{ files: ProtoFile[]; image: ProtoImage }> }>();

async function loadBase(tree: Tree, modules: readonly BufModule[], signal: AbortSignal | undefined): Promise<BaseSide> {
  const layout = JSON.stringify(modules.map((module) => [module.root, module.excludes]));
  let cached = baseImages.get(tree);
  if (cached?.layout !== layout) {
    const loading = loadSide(tree, modules, undefined).then((side) => ({ files: side.files, image: new ProtoImage(side.files) }));
    const entry = { layout, loading };
    baseImages.set(tree, entry);
    loading.catch(() => {
      if (baseImages.get(tree) === entry) baseImages.delete(tree);
    });
    cached = entry;
  }
  const { files, image } = await cached.loading;
  throwIfCancelled(signal);
  // Modules' breaking settings may have changed since (same layout): files are attributed to the current modules.
  const moduleByPath = new Map<string, BufModule>();
  for (const file of files) {
    const found = moduleOf(file.path, modules);
    if (found) moduleByPath.set(file.path, found.module);
  }
  return { files, moduleByPath, image };
}

function fixesFor(finding: Finding, headText: string): Fix[] {
  const rule = PROTOBUF_RULES.find((candidate) => candidate.id === finding.rule);
  if (!rule?.fixes || unreadableReason(headText)) return [];
  const head = buildFile(finding.file, finding.file, headText);
  return rule.fixes({ finding, head }).map((fix) => ({
    ...fix,
    changes: fix.changes.map((change) => ({ ...change, edits: change.edits.map((edit) => ({ ...edit, range: plainRange(edit.range) })) })),
  }));
}
