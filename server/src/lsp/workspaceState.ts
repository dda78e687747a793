// What the server keeps between checks: one RepositoryComparisons per repository root (so one `cat-file --batch` serves
// every base read, and the kinds' sessions keep what they parsed), the resolved base and config per repository, and the
// settings. Typing never re-reads git: only a base change, a save or a settings change drops what is cached here.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { CachedTree } from '../engine/cachedTree';
import type { Comparison, KindChecker } from '../engine/comparison';
import { CONFIG_FILE, parseGraycheckConfig, type ConfigProblem, type GraycheckConfig } from '../engine/config';
import type { CheckSession } from '../engine/check';
import { GitRepository } from '../git/repository';
import { GitError, type BaseRevision } from '../git/types';
import { DEFAULT_SETTINGS, type GraycheckSettings } from '../protocol';
import { RepositoryComparisons, resolveBaseIfAny, type LoadedConfig } from '../workspace';
import { isAutoBase, isKindEnabledInSettings } from './settings';
import { joinRelative, relativeTo, uriToPath } from './uris';

export interface DocumentLocation {
  repository: RepositoryState;
  /** Repository-relative, with '/'. */
  path: string;
}

export interface PreparedCheck {
  comparison: Comparison;
  /** Undefined while the repository has no commits: nothing to compare with, so nothing breaks. */
  base: BaseRevision | undefined;
  configProblems: ConfigProblem[];
  /** The version of every open document whose buffer is part of the head, by repository-relative path. */
  versions: ReadonlyMap<string, number>;
}

export interface FolderRepository {
  folder: string;
  repository?: RepositoryState;
  /** The folder's path inside the repository ('' for the root, else 'dir/'), as a check focus. */
  focus: string;
  error?: Error;
}

export class RepositoryState {
  private base: Promise<BaseRevision | undefined> | undefined;
  private lastBase: BaseRevision | undefined;
  private configCache: Promise<LoadedConfig> | undefined;
  private configuredBase: { value: string | undefined } | undefined;

  constructor(
    readonly root: string,
    readonly comparisons: RepositoryComparisons,
    private readonly workspace: WorkspaceState,
  ) {}

  get repository(): GitRepository {
    return this.comparisons.repository;
  }

  /** The working tree under the open buffers; typing reads nothing from disk for files it has seen. */
  get head(): CachedTree {
    return this.comparisons.workingTree;
  }

  /** The kinds' sessions of this repository, shared by on-type checks and workspace scans. */
  get checks(): CheckSession {
    return this.comparisons.checks;
  }

  /** setBase's choice, then the `graycheck.base` setting, then `.graycheck.yaml`'s base, then auto. */
  async requestedBase(): Promise<string> {
    if (this.workspace.baseOverride !== undefined) return this.workspace.baseOverride;
    if (!isAutoBase(this.workspace.settings.base)) return this.workspace.settings.base;
    return (await this.loadConfig()).config.base ?? 'auto';
  }

  resolvedBase(): Promise<BaseRevision | undefined> {
    if (!this.base) {
      const pending = this.requestedBase().then((ref) => resolveBaseIfAny(this.repository, ref));
      this.base = pending;
      pending.then(
        (base) => {
          if (this.base !== pending) return;
          this.lastBase = base;
          // No commit yet: asked again next time, so that the first commit is noticed.
          if (!base) this.base = undefined;
        },
        () => undefined,
      );
    }
    return this.base;
  }

  /** The base of the last successful resolution, for the status bar; undefined before the first. */
  get knownBase(): BaseRevision | undefined {
    return this.lastBase;
  }

  useBase(base: BaseRevision): void {
    this.base = Promise.resolve(base);
    this.lastBase = base;
  }

  forgetBase(): void {
    this.base = undefined;
  }

  /** Files moved or renamed on disk change what git pairs; called on save, open, close and before a workspace scan. */
  forgetRenames(): void {
    this.comparisons.forgetRenames();
  }

  /** `.graycheck.yaml`, from its open buffer when there is one (so its problems follow typing), else from disk. */
  loadConfig(): Promise<LoadedConfig> {
    if (!this.configCache) {
      const buffer = this.workspace.bufferOf(joinRelative(this.root, CONFIG_FILE));
      const loading =
        buffer !== undefined ? Promise.resolve(parseGraycheckConfig(buffer, this.comparisons.checkers, CONFIG_FILE)) : this.comparisons.loadConfig();
      this.configCache = loading;
      loading.then(
        ({ config }) => {
          // Only a change of the config's own `base` sends the next check back to git to resolve it again.
          if (this.configuredBase && this.configuredBase.value !== config.base) this.forgetBase();
          this.configuredBase = { value: config.base };
        },
        () => {
          if (this.configCache === loading) this.configCache = undefined;
        },
      );
    }
    return this.configCache;
  }

  forgetConfig(): void {
    this.configCache = undefined;
  }

  /** The comparison for the editor's head: every open buffer of this repository over the working tree, the cached base tree. */
  async prepare(focus: ReadonlySet<string> | undefined, signal: AbortSignal | undefined): Promise<PreparedCheck> {
    const { config, problems } = await this.loadConfig();
    const base = await this.resolvedBase();
    const { buffers, versions } = await this.workspace.buffersIn(this);
    const comparison = await this.comparisons.comparison({
      config: withSettings(config, this.workspace.settings),
      base,
      buffers,
      ...(focus ? { focus } : {}),
      ...(signal ? { signal } : {}),
    });
    return { comparison, base, configProblems: problems, versions };
  }
}

/** A kind switched off in the editor's settings is off, whatever `.graycheck.yaml` says. */
function withSettings(config: GraycheckConfig, settings: GraycheckSettings): GraycheckConfig {
  const kinds = { ...config.kinds };
  for (const kind of Object.keys(settings.kinds)) {
    if (!isKindEnabledInSettings(settings, kind)) kinds[kind] = { ...(kinds[kind] ?? { options: {} }), enabled: false };
  }
  return { ...config, kinds };
}

export class WorkspaceState {
  settings: GraycheckSettings = DEFAULT_SETTINGS;
  /** The revision `graycheck.setBase` chose; it wins over settings and config until the base setting changes. */
  baseOverride: string | undefined;
  folders: string[] = [];
  private readonly repositories = new Map<string, Promise<RepositoryState>>();
  private readonly gitRoots = new Map<string, Promise<string | undefined>>();
  private readonly locations = new Map<string, Promise<DocumentLocation | undefined>>();
  private readonly resolvedLocations = new Map<string, DocumentLocation>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly checkers: readonly KindChecker[],
  ) {}

  /** Where an open or named document lives; undefined outside any repository. Rejects with GitError when its repository cannot be opened. */
  locate(uri: string): Promise<DocumentLocation | undefined> {
    let location = this.locations.get(uri);
    if (!location) {
      location = this.findLocation(uri);
      this.locations.set(uri, location);
      location.then(
        (found) => {
          if (found) this.resolvedLocations.set(uri, found);
        },
        () => undefined,
      );
    }
    return location;
  }

  /** The location of a document already located, without waiting. */
  knownLocation(uri: string): DocumentLocation | undefined {
    return this.resolvedLocations.get(uri);
  }

  /** The URI of an open document at a repository path, if one is open. */
  openUriOf(repository: RepositoryState, file: string): string | undefined {
    for (const document of this.documents.all()) {
      const location = this.resolvedLocations.get(document.uri);
      if (location && location.repository === repository && location.path === file) return document.uri;
    }
    return undefined;
  }

  forgetDocument(uri: string): void {
    this.locations.delete(uri);
    this.resolvedLocations.delete(uri);
  }

  bufferOf(file: string): string | undefined {
    for (const document of this.documents.all()) {
      if (uriToPath(document.uri) === file) return document.getText();
    }
    return undefined;
  }

  async buffersIn(repository: RepositoryState): Promise<{ buffers: Map<string, string>; versions: Map<string, number> }> {
    const buffers = new Map<string, string>();
    const versions = new Map<string, number>();
    const documents = this.documents.all();
    const locations = await Promise.all(documents.map((document) => this.locate(document.uri).catch(() => undefined)));
    documents.forEach((document, index) => {
      const location = locations[index];
      if (location?.repository !== repository) return;
      buffers.set(location.path, document.getText());
      versions.set(location.path, document.version);
    });
    return { buffers, versions };
  }

  /** The repository of each workspace folder, or why there is none. */
  async folderRepositories(): Promise<FolderRepository[]> {
    return Promise.all(
      this.folders.map(async (folder): Promise<FolderRepository> => {
        try {
          const real = await realPath(folder);
          const root = await this.gitRootOf(real);
          // Without a .git above the folder, git itself says why (not a repository, git missing) in its own words.
          const repository = root ? await this.repositoryAt(root) : await this.repositoryAt(real);
          const inside = relativeTo(repository.root, real);
          return { folder, repository, focus: inside ? `${inside}/` : '' };
        } catch (error) {
          return { folder, focus: '', error: error as Error };
        }
      }),
    );
  }

  /** The repository the status bar speaks for: the first workspace folder's, else the first one opened. */
  async primary(): Promise<RepositoryState | undefined> {
    for (const entry of await this.folderRepositories()) if (entry.repository) return entry.repository;
    for (const pending of this.repositories.values()) {
      const repository = await pending.catch(() => undefined);
      if (repository) return repository;
    }
    return undefined;
  }

  /** Every repository opened so far, without opening new ones. */
  async openRepositories(): Promise<RepositoryState[]> {
    const settled = await Promise.all([...this.repositories.values()].map((pending) => pending.catch(() => undefined)));
    return [...new Set(settled.filter((repository): repository is RepositoryState => repository !== undefined))];
  }

  isInsideFolder(file: string): boolean {
    return this.folders.some((folder) => file === folder || relativeTo(folder, file) !== undefined);
  }

  async dispose(): Promise<void> {
    for (const repository of await this.openRepositories()) {
      try {
        await repository.repository.dispose();
      } catch {
        // The git process may already be gone; the server is exiting either way.
      }
    }
  }

  private async findLocation(uri: string): Promise<DocumentLocation | undefined> {
    const file = uriToPath(uri);
    if (!file) return undefined;
    const directory = await realPath(path.dirname(file));
    const root = await this.gitRootOf(directory);
    if (!root) return undefined;
    const repository = await this.repositoryAt(root);
    const relative = relativeTo(repository.root, path.join(directory, path.basename(file)));
    return relative ? { repository, path: relative } : undefined;
  }

  /** Finds the repository root by looking for `.git` upwards, so that locating a document spawns no process. */
  private gitRootOf(directory: string): Promise<string | undefined> {
    let root = this.gitRoots.get(directory);
    if (!root) {
      root = (async () => {
        for (let current = directory; ; current = path.dirname(current)) {
          if (await exists(path.join(current, '.git'))) return current;
          if (path.dirname(current) === current) return undefined;
        }
      })();
      this.gitRoots.set(directory, root);
    }
    return root;
  }

  /** Opened once per root and kept, failures included: a folder that is not a repository is asked once per session, not per keystroke. */
  private repositoryAt(root: string): Promise<RepositoryState> {
    const cached = this.repositories.get(root);
    if (cached) return cached;
    const opening = (async () => {
      const repository = await GitRepository.open(root);
      const realRoot = await realPath(repository.root);
      return new RepositoryState(realRoot, new RepositoryComparisons(repository, this.checkers), this);
    })();
    this.repositories.set(root, opening);
    return opening;
  }
}

async function realPath(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return path.resolve(file);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

export { GitError };
