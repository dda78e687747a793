// Runs mutation trials through the real buf and Graycheck and scores them: a trial is exact when both report the same
// findings (rule, file, line, column, message) and Graycheck leaves no file unchecked; per rule, precision and recall.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { graycheckRows, isCompared, key, runBuf, writeTree, type Row } from '../../support/bufOracle';
import { loadCorpus } from './corpus';
import { mutate, type Tree } from './mutate';

/** buf.yaml variants a trial runs under, chosen by its seed: the default and each category in both versions. */
export const CONFIGURATIONS: readonly [string, string | undefined][] = [
  ['default', undefined],
  ['v1 FILE', 'version: v1\nbreaking:\n  use: [FILE]\n'],
  ['v1 WIRE_JSON', 'version: v1\nbreaking:\n  use: [WIRE_JSON]\n'],
  ['v2 PACKAGE', 'version: v2\nbreaking:\n  use: [PACKAGE]\n'],
  ['v2 WIRE', 'version: v2\nbreaking:\n  use: [WIRE]\n'],
  ['v2 every category', 'version: v2\nbreaking:\n  use: [FILE, PACKAGE, WIRE_JSON, WIRE]\n'],
];

export interface Trial {
  seed: number;
  configuration: string;
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

/** Runs seeds `first` … `first + count - 1` on the corpus files under `editable` (every file when undefined). */
export async function runTrials(first: number, count: number, editablePrefixes?: readonly string[], onTrial?: (trial: Trial) => void): Promise<Trial[]> {
  const corpus = loadCorpus();
  const editable = Object.keys(corpus)
    .filter((file) => !editablePrefixes || editablePrefixes.some((prefix) => file.startsWith(prefix)))
    .sort();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-mutations-'));
  const trials: Trial[] = [];
  try {
    for (let seed = first; seed < first + count; seed++) {
      const [configuration, bufYaml] = CONFIGURATIONS[seed % CONFIGURATIONS.length];
      const shared: Tree = bufYaml ? { 'buf.yaml': bufYaml } : {};
      const base = { ...shared, ...corpus };
      const { tree, changes, kinds } = mutate(corpus, seed, editable);
      const head = { ...shared, ...tree };
      const dir = path.join(root, String(seed));
      writeTree(path.join(dir, 'base'), base);
      writeTree(path.join(dir, 'head'), head);
      let trial: Trial;
      try {
        const buf = (await runBuf(path.join(dir, 'head'), path.join(dir, 'base'))).filter(isCompared);
        const { result, rows } = await graycheckRows(base, head);
        trial = {
          seed,
          configuration,
          changes,
          kinds,
          compiles: true,
          buf,
          ours: rows,
          notChecked: result.notChecked.map((entry) => `${entry.file}: ${entry.reason}`),
        };
      } catch (error) {
        if (!/does not compile/.test(String(error))) throw error;
        trial = { seed, configuration, changes, kinds, compiles: false, buf: [], ours: [], notChecked: [] };
      }
      fs.rmSync(dir, { recursive: true, force: true });
      trials.push(trial);
      onTrial?.(trial);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return trials;
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
    'rule                                              both  buf-only ours-only precision recall',
  ];
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
    lines.push(`\nseed ${trial.seed} (${trial.configuration}): ${trial.changes.join('; ')}`);
    for (const row of trial.buf) if (!ours.has(key(row))) lines.push(`  buf only:  ${key(row)}`);
    for (const row of trial.ours) if (!theirs.has(key(row))) lines.push(`  ours only: ${key(row)}`);
    for (const entry of trial.notChecked) lines.push(`  not checked: ${entry}`);
  }
  return lines.join('\n');
}
