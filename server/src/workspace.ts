// The one way from a repository to a Comparison, shared by the CLI (one run) and the language server (kept per repository):
// the config, the base tree of each base commit, the head (working tree or index, under unsaved buffers), renames, and the
// kinds' sessions that keep what one check learned for the next.
import * as fs from './files';
import * as path from 'node:path';
import { CachedTree } from './engine/cachedTree';
import { CheckSession, type CheckSessionOptions } from './engine/check';
import type { Comparison, KindChecker } from './engine/comparison';
import { CONFIG_FILE, defaultConfig, parseGraycheckConfig, type ConfigProblem, type GraycheckConfig } from './engine/config';
import { BufferFingerprints, OverlayTree, type Tree } from './engine/tree';
import { describeFileError } from './fileErrors';
import { GitRepository } from './git/repository';
import { GitError, type BaseRevision, type HeadSource } from './git/types';

export interface LoadedConfig {
  config: GraycheckConfig;
  problems: ConfigProblem[];
}

export interface ComparisonOptions {
  config: GraycheckConfig;
  /** Undefined in a repository with no commits yet: nothing to compare with, so only base-free checks run. */
  base: BaseRevision | undefined;
  staged?: boolean;
  /** Unsaved editor buffers by repository-relative path. */
  buffers?: ReadonlyMap<string, string>;
  focus?: ReadonlySet<string>;
  signal?: AbortSignal;
}

export class ConfigFileError extends Error {}

/** `.graycheck.yaml` at the root, or an explicit file (CLI --config; an unreadable one is an operational error). */
export async function loadConfig(root: string, checkers: readonly KindChecker[], explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (!explicitFile && (error as NodeJS.ErrnoException).code === 'ENOENT') return { config: defaultConfig(checkers), problems: [] };
    throw new ConfigFileError(`cannot read config file ${explicitFile ?? CONFIG_FILE}: ${describeFileError(error)}; check the path`);
  }
  const relative = path.relative(root, file).split(path.sep).join('/');
  return parseGraycheckConfig(text, checkers, relative.startsWith('..') ? file : relative);
}

/** One repository's comparisons. Base trees are kept per commit and renames per base and head source, until told the disk changed. */
export class RepositoryComparisons {
  /** The working tree, remembered between checks (see CachedTree); `forgetFile`/`forgetAll` when the disk changes. */
  readonly workingTree: CachedTree;
  /** The kinds' sessions: parsed files and indexes stay here between checks. */
  readonly checks: CheckSession;
  private readonly baseTrees = new Map<string, Tree>();
  private readonly renamesCache = new Map<string, Promise<ReadonlyMap<string, string>>>();
  private readonly bufferFingerprints = new BufferFingerprints();

  constructor(
    readonly repository: GitRepository,
    readonly checkers: readonly KindChecker[],
    options: CheckSessionOptions = {},
  ) {
    this.workingTree = new CachedTree(repository.workingTree(), options.oneShot === true);
    this.checks = new CheckSession(checkers, options);
  }

  get root(): string {
    return this.repository.root;
  }

  loadConfig(explicitFile?: string): Promise<LoadedConfig> {
    return loadConfig(this.repository.root, this.checkers, explicitFile);
  }

  baseTree(base: BaseRevision): Tree {
    let tree = this.baseTrees.get(base.commit);
    if (!tree) {
      tree = this.repository.baseTree(base);
      this.baseTrees.set(base.commit, tree);
    }
    return tree;
  }

  /** `indexTree`: against the index, the comparison's index tree, whose listing the renames then read too. */
  renames(base: BaseRevision, head: HeadSource, indexTree?: Tree): Promise<ReadonlyMap<string, string>> {
    const key = `${base.commit}\0${head}`;
    let renames = this.renamesCache.get(key);
    if (!renames) {
      renames = this.repository.renames(base, head, indexTree);
      const pending = renames;
      pending.catch(() => {
        if (this.renamesCache.get(key) === pending) this.renamesCache.delete(key);
      });
      this.renamesCache.set(key, renames);
    }
    return renames;
  }

  /** Files moved or renamed on disk change what git pairs. */
  forgetRenames(): void {
    this.renamesCache.clear();
  }

  async comparison(options: ComparisonOptions): Promise<Comparison> {
    const headSource: HeadSource = options.staged ? 'index' : 'working-tree';
    const index = options.staged ? this.repository.indexTree() : undefined;
    let head: Tree = index ?? this.workingTree;
    if (options.buffers && options.buffers.size > 0) head = new OverlayTree(head, options.buffers, this.bufferFingerprints);
    return {
      base: options.base ? this.baseTree(options.base) : undefined,
      head,
      renames: options.base ? await this.renames(options.base, headSource, index) : new Map(),
      config: options.config,
      ...(options.focus ? { focus: options.focus } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  dispose(): void {
    this.repository.dispose();
  }
}

export interface CommandLineOptions {
  /** 'auto' or a revision; defaults to the config's `base`, then 'auto'. */
  base?: string;
  staged?: boolean;
  configFile?: string;
  focus?: ReadonlySet<string>;
}

export interface PreparedComparison {
  comparison: Comparison;
  base: BaseRevision | undefined;
  configProblems: ConfigProblem[];
}

/** The command line's comparison: config from the file, base from the option, the config or auto. Throws GitError or ConfigFileError with a one-line message. */
export async function prepareComparison(comparisons: RepositoryComparisons, options: CommandLineOptions): Promise<PreparedComparison> {
  const { config, problems } = await comparisons.loadConfig(options.configFile);
  const base = await resolveBaseIfAny(comparisons.repository, options.base ?? config.base ?? 'auto');
  const comparison = await comparisons.comparison({
    config,
    base,
    ...(options.staged ? { staged: true } : {}),
    ...(options.focus ? { focus: options.focus } : {}),
  });
  return { comparison, base, configProblems: problems };
}

/** The base the user asked for, or undefined when the repository has no commit yet (its first commit has nothing to be
 *  compared with, whatever base was named, so the pre-commit hook lets it through). Other failures throw GitError. */
export async function resolveBaseIfAny(repository: GitRepository, spec: string): Promise<BaseRevision | undefined> {
  try {
    return await repository.resolveBase(spec);
  } catch (error) {
    if (error instanceof GitError && error.code === 'no-commits') return undefined;
    throw error;
  }
}

export { GitError };
