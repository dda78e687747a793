// Glue shared by the CLI and the language server: from a directory and options to a Comparison ready for the engine.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Comparison } from './engine/comparison';
import { CONFIG_FILE, defaultConfig, parseGraycheckConfig, type ConfigProblem, type GraycheckConfig } from './engine/config';
import { OverlayTree, type Tree } from './engine/tree';
import { GitRepository } from './git/repository';
import { GitError, type BaseRevision } from './git/types';

export interface WorkspaceOptions {
  /** Any directory inside the repository. */
  cwd: string;
  /** 'auto' or a revision; defaults to the config's `base`, then 'auto'. */
  base?: string;
  staged?: boolean;
  /** An explicit config file (CLI --config); an unreadable one is an operational error. */
  configFile?: string;
  /** Unsaved editor buffers by repository-relative path. */
  buffers?: ReadonlyMap<string, string>;
  focus?: ReadonlySet<string>;
  signal?: AbortSignal;
}

export interface PreparedComparison {
  comparison: Comparison;
  repository: GitRepository;
  base: BaseRevision;
  configProblems: ConfigProblem[];
}

export async function loadConfig(root: string, explicitFile?: string): Promise<{ config: GraycheckConfig; problems: ConfigProblem[] }> {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (!explicitFile && (error as NodeJS.ErrnoException).code === 'ENOENT') return { config: defaultConfig(), problems: [] };
    throw new ConfigFileError(`cannot read config file ${explicitFile ?? CONFIG_FILE}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const relative = path.relative(root, file).split(path.sep).join('/');
  return parseGraycheckConfig(text, relative.startsWith('..') ? file : relative);
}

export class ConfigFileError extends Error {}

/** Opens (or reuses) the repository, resolves the base and builds both trees. Throws GitError or ConfigFileError with a one-line message. */
export async function prepareComparison(options: WorkspaceOptions, repository?: GitRepository): Promise<PreparedComparison> {
  const repo = repository ?? (await GitRepository.open(options.cwd));
  const { config, problems } = await loadConfig(repo.root, options.configFile);
  const base = await repo.resolveBase(options.base ?? config.base ?? 'auto');
  const headSource = options.staged ? 'index' : 'working-tree';
  let head: Tree = options.staged ? repo.indexTree() : repo.workingTree();
  if (options.buffers && options.buffers.size > 0) head = new OverlayTree(head, options.buffers);
  const renames = await repo.renames(base, headSource);
  const comparison: Comparison = {
    base: repo.baseTree(base),
    head,
    renames,
    config,
    ...(options.focus ? { focus: options.focus } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return { comparison, repository: repo, base, configProblems: problems };
}

export { GitError };
