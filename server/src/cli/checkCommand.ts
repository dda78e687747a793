// `graycheck check [PATH...]`: prepares the comparison (workspace.ts), runs every checker, prints one format, and turns
// the findings into an exit status against --fail-on.
import * as fs from '../files';
import * as path from 'node:path';
import { countAtOrAbove } from '../engine/check';
import { monotonicMs } from '../engine/clock';
import { rulesOf, type Comparison, type KindChecker } from '../engine/comparison';
import type { Severity } from '../engine/finding';
import { describeFileError } from '../fileErrors';
import { GitRepository } from '../git/repository';
import { prepareComparison, RepositoryComparisons } from '../workspace';
import { flagOption, parseArgs, stringOption, type OptionSpecs } from './args';
import { reportCheckedKinds } from './checkedKinds';
import { CliError, EXIT_FINDINGS, EXIT_OK, UsageError } from './exitCodes';
import { formatJson } from './formatters/json';
import type { CheckReport } from './formatters/report';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';

export const CHECK_OPTIONS: OptionSpecs = {
  base: { type: 'value' },
  staged: { type: 'flag' },
  format: { type: 'value', choices: ['text', 'json', 'sarif'] },
  'fail-on': { type: 'value', choices: ['error', 'warning', 'never'] },
  'fail-on-unchecked': { type: 'flag' },
  config: { type: 'value' },
  debug: { type: 'flag' },
};

const FORMATTERS: Record<string, (report: CheckReport) => string> = { text: formatText, json: formatJson, sarif: formatSarif };

export interface CommandIO {
  cwd: string;
  write(text: string): Promise<void>;
  /** The kinds to check: registry.ts's list. */
  checkers: readonly KindChecker[];
}

export async function checkCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const startedMs = monotonicMs();
  const args = parseArgs(argv, CHECK_OPTIONS, 'check');
  const format = stringOption(args, 'format') ?? 'text';
  const failOn = (stringOption(args, 'fail-on') ?? 'error') as Severity | 'never';
  const configFile = stringOption(args, 'config');
  const base = stringOption(args, 'base');
  if (base !== undefined && base.trim() === '') throw new UsageError('option "--base" needs a revision such as HEAD or origin/main');

  if (configFile !== undefined) await assertReadable(path.resolve(io.cwd, configFile), configFile);

  // The base is resolved right after: --base, else (most often) auto, unless .graycheck.yaml names another.
  const repository = await GitRepository.open(io.cwd, { resolvingBase: base ?? 'auto' });
  const comparisons = new RepositoryComparisons(repository, io.checkers, { oneShot: true });
  try {
    const missing: { given: string; entry: string }[] = [];
    const focus = await focusFromPaths(args.positionals, io.cwd, comparisons.root, missing);
    const prepared = await prepareComparison(comparisons, {
      staged: flagOption(args, 'staged'),
      ...(base !== undefined ? { base } : {}),
      ...(configFile !== undefined ? { configFile: path.resolve(io.cwd, configFile) } : {}),
      ...(focus ? { focus } : {}),
    });
    if (flagOption(args, 'fail-on-unchecked')) prepared.comparison.config.failOnUnchecked = true;
    const notYaml = configFile !== undefined ? prepared.configProblems.find((problem) => problem.notYaml) : undefined;
    // Its message names the YAML error and its line, never the file's text (it may be any file, a secret's included).
    if (notYaml)
      throw new CliError(
        `the config file "${configFile}" given with --config ${notYaml.message.replace(/^.*? is not valid YAML/, 'is not valid YAML')} (line ${notYaml.range.start.line + 1}); fix it or name another file`,
      );
    await assertPathsExist(missing, prepared.comparison);
    const result = await comparisons.checks.run(prepared.comparison);
    reportCheckedKinds(comparisons.checks.startedKinds());
    // A kind that could not run at all (its own configuration is unusable) would otherwise pass every change in its files.
    const blocked = result.notChecked.find((entry) => entry.blocksKind);
    if (blocked) throw new CliError(blocked.reason);
    const report: CheckReport = {
      base: prepared.base,
      result,
      configProblems: prepared.configProblems,
      // Asked for by the formats that list every rule (SARIF) only: it loads every kind's rules.
      get rules() {
        return rulesOf(io.checkers);
      },
      durationMs: Math.round(monotonicMs() - startedMs),
    };
    await io.write(FORMATTERS[format](report));
    if (prepared.comparison.config.failOnUnchecked && result.notChecked.length > 0) return EXIT_FINDINGS;
    if (failOn === 'never') return EXIT_OK;
    return countAtOrAbove(result.findings, failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    comparisons.dispose();
  }
}

/** --config is read later by workspace.ts; saying here why it cannot be read gives the user a clearer line than an errno. */
async function assertReadable(file: string, given: string): Promise<void> {
  try {
    await fs.access(file, fs.constants.R_OK);
    if ((await fs.stat(file)).isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw new CliError(`cannot read the config file "${given}" given with --config: ${describeFileError(error)}; check the path`);
  }
}

/** A PATH missing from the working tree must name something at head (the index) or at the base, a file or a directory:
 *  a mistyped path would otherwise check nothing and pass. */
async function assertPathsExist(missing: readonly { given: string; entry: string }[], comparison: Comparison): Promise<void> {
  if (missing.length === 0) return;
  const listed = [...(await comparison.head.list()), ...((await comparison.base?.list()) ?? [])];
  for (const { given, entry } of missing) {
    const directory = entry.endsWith('/') ? entry : `${entry}/`;
    if (!listed.some((file) => file === entry || file.startsWith(directory))) {
      throw new CliError(`path "${given}" exists neither at head nor at the base; check the spelling`);
    }
  }
}

/** PATH arguments (relative to cwd) as repository-relative focus entries: files as they are, directories with a trailing '/'.
 *  Those missing from the working tree are added to `missing`, to be looked for at head and at the base. */
export async function focusFromPaths(
  paths: readonly string[],
  cwd: string,
  root: string,
  missing: { given: string; entry: string }[] = [],
): Promise<Set<string> | undefined> {
  if (paths.length === 0) return undefined;
  const realRoot = await fs.realpath(root);
  const focus = new Set<string>();
  for (const given of paths) {
    const throughFile = await fileOnTheWay(path.resolve(cwd, given));
    if (throughFile) throw new UsageError(`path "${given}" goes through ${path.relative(cwd, throughFile) || throughFile}, which is a file, not a directory`);
    const absolute = await realpathOfExistingPart(path.resolve(cwd, given));
    const relative = path.relative(realRoot, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UsageError(`path "${given}" is outside the repository at ${root}`);
    }
    const posix = relative.split(path.sep).join('/');
    let exists = true;
    const isDirectory = await fs.stat(absolute).then(
      (stats) => stats.isDirectory(),
      // A path missing from the working tree may still name a file deleted at head, which is worth reporting on.
      () => ((exists = false), given.endsWith('/')),
    );
    const entry = isDirectory ? (posix === '' ? '' : `${posix}/`) : posix;
    if (!exists) missing.push({ given, entry });
    focus.add(entry);
  }
  return focus;
}

/** The first proper prefix of `absolute` that is a file rather than a directory, if any ("notes.txt/x" names nothing). */
async function fileOnTheWay(absolute: string): Promise<string | undefined> {
  for (let prefix = path.dirname(absolute); prefix !== path.dirname(prefix); prefix = path.dirname(prefix)) {
    const stats = await fs.stat(prefix).catch(() => undefined);
    if (stats) return stats.isDirectory() ? undefined : prefix;
  }
  return undefined;
}

/** realpath for a path whose tail may not exist (a deleted file): resolves the longest existing prefix and keeps the rest. */
export async function realpathOfExistingPart(absolute: string): Promise<string> {
  try {
    return await fs.realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    if (parent === absolute) return absolute;
    return path.join(await realpathOfExistingPart(parent), path.basename(absolute));
  }
}
