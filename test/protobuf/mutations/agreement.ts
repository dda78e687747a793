// Runs mutation trials through the real buf and Graycheck and scores them: a trial is exact when both report the same
// findings (rule, file, line, column, message) and Graycheck leaves no file unchecked; per rule, precision and recall.
// Each seed picks a buf.yaml, an input tree and where the change is: in the working tree (the engine on the trees, buf on
// the directory) or staged in a git repository (`graycheck check --staged`'s command, buf on the index exported with
// `git checkout-index` against HEAD exported with `git archive`), with other edits left unstaged beside it.
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkCommand } from '../../../server/src/cli/checkCommand';
import { CHECKERS } from '../../../server/src/registry';
import { graycheckRows, isCompared, key, rowOf, runBuf, writeTree, type Row } from '../../support/bufOracle';
import { GIT_ENV } from '../../support/tempRepo';
import { loadTree, TREE_NAMES, type TreeName } from './corpus';
import { mutate, Random, type Tree } from './mutate';

const BUF = path.resolve(__dirname, '../../../node_modules/.bin/buf');

/** buf.yaml variants a trial runs under, chosen by its seed: the default and each category in both versions. */
export const CONFIGURATIONS: readonly [string, string | undefined][] = [
  ['default', undefined],
  ['v1 FILE', 'version: v1\nbreaking:\n  use: [FILE]\n'],
  ['v1 WIRE_JSON', 'version: v1\nbreaking:\n  use: [WIRE_JSON]\n'],
  ['v2 PACKAGE', 'version: v2\nbreaking:\n  use: [PACKAGE]\n'],
  ['v2 WIRE', 'version: v2\nbreaking:\n  use: [WIRE]\n'],
  ['v2 every category', 'version: v2\nbreaking:\n  use: [FILE, PACKAGE, WIRE_JSON, WIRE]\n'],
];

/** Where a trial's change is: the working tree, or staged (with unstaged edits beside it). */
export const MODES = ['working tree', 'staged'] as const;
export type Mode = (typeof MODES)[number];

/** What a seed sets up besides its mutations (drawn apart from them, so the mutations of a seed stay what they were). */
export function setupOf(seed: number): { configuration: string; bufYaml: string | undefined; tree: TreeName; mode: Mode; unstaged: 'base' | 'more changes' } {
  const [configuration, bufYaml] = CONFIGURATIONS[seed % CONFIGURATIONS.length];
  const random = new Random((seed ^ 0x2545f491) >>> 0);
  const tree = TREE_NAMES[random.below(TREE_NAMES.length)];
  const mode = MODES[random.below(MODES.length)];
  const unstaged = random.below(2) === 0 ? 'base' : 'more changes';
  return { configuration, bufYaml, tree, mode, unstaged };
}

export interface TrialOptions {
  first: number;
  count: number;
  /** Only files whose path starts with one of these are changed (every file when undefined). */
  only?: readonly string[];
  /** Only seeds that draw one of these trees / modes run (all when undefined). */
  trees?: readonly TreeName[];
  modes?: readonly Mode[];
  /** Seeds not to run (already done). */
  skip?: ReadonlySet<number>;
  /**
   * What buf compares against: `image` (default), buf's own image of the unchanged base, built once per tree (`buf
   * build`; a third less of buf's time per trial, and the same findings), or `directory`, the base written out for each
   * trial (staged: HEAD exported with `git archive`).
   */
  against?: 'image' | 'directory';
  /** Trials run at once (each runs buf in its own process); 1 unless told. */
  concurrency?: number;
}

export interface Trial {
  seed: number;
  configuration: string;
  tree: TreeName;
  mode: Mode;
  changes: string[];
  /** The mutations applied, by name. */
  kinds: string[];
  /** buf did not compile the head: not counted. */
  compiles: boolean;
  buf: Row[];
  ours: Row[];
  notChecked: string[];
}

export function isExact(trial: Trial): boolean {
  const theirs = trial.buf.map(key).sort();
  const ours = trial.ours.map(key).sort();
  return trial.notChecked.length === 0 && theirs.length === ours.length && theirs.every((row, index) => row === ours[index]);
}

/** Runs seeds `first` … `first + count - 1`, skipping those that draw a tree or mode not asked for; trials come back in seed order. */
export async function runTrials(options: TrialOptions, onTrial?: (trial: Trial) => void): Promise<Trial[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-mutations-'));
  const trials: Trial[] = [];
  const seeds = Array.from({ length: options.count }, (_, index) => options.first + index).filter((seed) => {
    const setup = setupOf(seed);
    if (options.skip?.has(seed)) return false;
    return (!options.trees || options.trees.includes(setup.tree)) && (!options.modes || options.modes.includes(setup.mode));
  });
  let next = 0;
  const images = new Map<string, Promise<string>>();
  const worker = async (): Promise<void> => {
    while (next < seeds.length) {
      const trial = await runTrial(seeds[next++], root, options, images);
      trials.push(trial);
      onTrial?.(trial);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return trials.sort((a, b) => a.seed - b.seed);
}

async function runTrial(seed: number, root: string, options: TrialOptions, images: Map<string, Promise<string>>): Promise<Trial> {
  const only = options.only;
  const setup = setupOf(seed);
  const corpus = loadTree(setup.tree);
  const editable = Object.keys(corpus)
    .filter((file) => !only || only.some((prefix) => file.startsWith(prefix)))
    .sort();
  const shared: Tree = setup.bufYaml ? { 'buf.yaml': setup.bufYaml } : {};
  const base = { ...shared, ...corpus };
  const { tree, changes, kinds } = mutate(corpus, seed, editable);
  const head = { ...shared, ...tree };
  const dir = path.join(root, String(seed));
  const described = { seed, configuration: setup.configuration, tree: setup.tree, mode: setup.mode, changes, kinds };
  const imageKey = setup.tree;
  let image = images.get(imageKey);
  if (!image && options.against !== 'directory') {
    image = buildImage(path.join(root, `image-${setup.tree}`), corpus);
    images.set(imageKey, image);
  }
  const against = image ? await image : undefined;
  try {
    const compared =
      setup.mode === 'staged'
        ? await stagedTrial(dir, base, head, setup.unstaged === 'base' ? base : { ...shared, ...mutate(tree, seed + 0x10000, editable).tree }, against)
        : await workingTreeTrial(dir, base, head, against);
    return { ...described, compiles: true, ...compared };
  } catch (error) {
    if (!/does not compile/.test(String(error))) throw error;
    return { ...described, compiles: false, buf: [], ours: [], notChecked: [] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Compared = Pick<Trial, 'buf' | 'ours' | 'notChecked'>;

/** buf's image of the unchanged tree, as a file buf takes for --against (the rules and their configuration come from the
 *  input's buf.yaml, so one image serves every configuration). */
async function buildImage(dir: string, base: Tree): Promise<string> {
  writeTree(path.join(dir, 'base'), base);
  const image = path.join(dir, 'base.binpb');
  await new Promise<void>((resolve, reject) =>
    execFile(BUF, ['build', '-o', image], { cwd: path.join(dir, 'base') }, (error, _stdout, stderr) =>
      error ? reject(new Error(`buf build of the base failed: ${stderr}`)) : resolve(),
    ),
  );
  return image;
}

/** buf on the head directory against the base (its image, or the directory); the engine on the same trees. */
async function workingTreeTrial(dir: string, base: Tree, head: Tree, image: string | undefined): Promise<Compared> {
  if (!image) writeTree(path.join(dir, 'base'), base);
  writeTree(path.join(dir, 'head'), head);
  const buf = (await runBuf(path.join(dir, 'head'), image ?? path.join(dir, 'base'))).filter(isCompared);
  const { result, rows } = await graycheckRows(base, head);
  return { buf, ours: rows, notChecked: result.notChecked.map((entry) => `${entry.file}: ${entry.reason}`) };
}

/** A file in the working tree that does not compile and is not staged: neither side may read it. */
const UNTRACKED = { 'scratch/wip.proto': 'syntax = "proto3";\nmessage Unfinished {\n  string name = \n' };

/**
 * `base` committed, `head` staged, `unstaged` left in the working tree with an untracked file that does not compile. buf
 * compares the index, exported with `git checkout-index`, with HEAD (buf reads directories, never the index): HEAD's
 * image, or HEAD exported with `git archive`; Graycheck runs as the pre-commit hook does, `graycheck check --staged` (its command, in process).
 */
async function stagedTrial(dir: string, base: Tree, head: Tree, unstaged: Tree, image: string | undefined): Promise<Compared> {
  const repo = path.join(dir, 'repo');
  const git = (args: readonly string[], input?: Buffer): Buffer =>
    execFileSync('git', args, { cwd: repo, env: GIT_ENV, input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  fs.mkdirSync(repo, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'commit.gpgsign', 'false']);
  writeTree(repo, base);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'base']);
  const putWorkingTree = (files: Tree): void => {
    for (const file of Object.keys(base)) if (!(file in files)) fs.rmSync(path.join(repo, file), { force: true });
    for (const file of Object.keys(head)) if (!(file in files)) fs.rmSync(path.join(repo, file), { force: true });
    writeTree(repo, files);
  };
  putWorkingTree(head);
  git(['add', '-A']);
  putWorkingTree(unstaged);
  writeTree(repo, UNTRACKED);
  const indexDir = path.join(dir, 'index');
  git(['checkout-index', '-a', `--prefix=${indexDir}/`]);
  let against = image;
  if (!against) {
    against = path.join(dir, 'base');
    fs.mkdirSync(against, { recursive: true });
    execFileSync('tar', ['-x', '-C', against], { input: git(['archive', '--format=tar', 'HEAD']) });
  }
  const buf = (await runBuf(indexDir, against)).filter(isCompared);
  // The check command itself, in this process (a process per trial would double the fixed set's time in npm test).
  let stdout = '';
  const status = await checkCommand(['--staged', '--base', 'HEAD', '--format', 'json'], {
    cwd: repo,
    checkers: CHECKERS,
    write: (text) => {
      stdout += text;
      return Promise.resolve();
    },
  });
  if (status !== 0 && status !== 1) throw new Error(`graycheck check --staged exited with ${status}`);
  const output = JSON.parse(stdout) as {
    findings: (JsonPlace & { rule: string; kind: string; file: string; message: string; base?: unknown })[];
    notChecked: { file: string; reason: string }[];
  };
  const ours = output.findings
    .filter((finding) => finding.kind === 'protobuf')
    .map((finding) => rowOf(finding, { start: finding.range.start, end: finding.range.end, head }));
  return { buf, ours, notChecked: output.notChecked.map((entry) => `${entry.file}: ${entry.reason}`) };
}

interface JsonPlace {
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface RuleScore {
  rule: string;
  both: number;
  onlyBuf: number;
  onlyOurs: number;
}

/** Per rule: findings both reported, buf alone (misses) and Graycheck alone (false alarms), over compiling trials. */
export function scoreByRule(trials: readonly Trial[]): RuleScore[] {
  const scores = new Map<string, RuleScore>();
  const score = (rule: string) => scores.get(rule) ?? scores.set(rule, { rule, both: 0, onlyBuf: 0, onlyOurs: 0 }).get(rule)!;
  for (const trial of trials) {
    if (!trial.compiles) continue;
    const ours = new Map<string, number>();
    for (const row of trial.ours) ours.set(key(row), (ours.get(key(row)) ?? 0) + 1);
    for (const row of trial.buf) {
      const count = ours.get(key(row)) ?? 0;
      if (count > 0) {
        ours.set(key(row), count - 1);
        score(row.type).both++;
      } else score(row.type).onlyBuf++;
    }
    for (const row of trial.ours) {
      const count = ours.get(key(row)) ?? 0;
      if (count > 0) {
        ours.set(key(row), count - 1);
        score(row.type).onlyOurs++;
      }
    }
  }
  return [...scores.values()].sort((a, b) => (a.rule < b.rule ? -1 : 1));
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

export function report(trials: readonly Trial[]): string {
  const compiling = trials.filter((trial) => trial.compiles);
  const exact = compiling.filter(isExact);
  const lines = [
    `${trials.length} trials, ${compiling.length} compile for buf; ${exact.length} exact (${percent(exact.length, compiling.length)}); ` +
      `${compiling.filter((trial) => trial.notChecked.length > 0).length} left a file unchecked`,
  ];
  for (const [label, group] of [
    ...TREE_NAMES.map((name) => [name, compiling.filter((trial) => trial.tree === name)] as const),
    ...MODES.map((mode) => [mode, compiling.filter((trial) => trial.mode === mode)] as const),
  ]) {
    const silent = group.filter((trial) => trial.ours.length === 0 && trial.notChecked.length === 0 && trial.buf.length > 0).length;
    lines.push(
      `  ${label.padEnd(13)} ${String(group.filter(isExact).length).padStart(5)} of ${String(group.length).padStart(5)} exact (${percent(group.filter(isExact).length, group.length)}); ${silent} silent misses`,
    );
  }
  lines.push('rule                                              both  buf-only ours-only precision recall');
  for (const { rule, both, onlyBuf, onlyOurs } of scoreByRule(trials)) {
    lines.push(
      `${rule.padEnd(48)} ${String(both).padStart(6)} ${String(onlyBuf).padStart(8)} ${String(onlyOurs).padStart(9)} ${percent(both, both + onlyOurs).padStart(9)} ${percent(both, both + onlyBuf).padStart(6)}`,
    );
  }
  const kinds = new Map<string, { used: number; compiled: number }>();
  for (const trial of trials) {
    for (const kind of new Set(trial.kinds)) {
      const count = kinds.get(kind) ?? { used: 0, compiled: 0 };
      count.used++;
      if (trial.compiles) count.compiled++;
      kinds.set(kind, count);
    }
  }
  lines.push('', 'mutation                                                           trials  compiled');
  for (const [kind, { used, compiled }] of [...kinds].sort()) lines.push(`${kind.padEnd(66)} ${String(used).padStart(6)} ${String(compiled).padStart(9)}`);
  for (const trial of compiling.filter((item) => !isExact(item))) {
    const theirs = new Set(trial.buf.map(key));
    const ours = new Set(trial.ours.map(key));
    lines.push(`\nseed ${trial.seed} (${trial.tree}, ${trial.mode}, ${trial.configuration}): ${trial.changes.join('; ')}`);
    for (const row of trial.buf) if (!ours.has(key(row))) lines.push(`  buf only:  ${key(row)}`);
    for (const row of trial.ours) if (!theirs.has(key(row))) lines.push(`  ours only: ${key(row)}`);
    for (const entry of trial.notChecked) lines.push(`  not checked: ${entry}`);
  }
  return lines.join('\n');
}
