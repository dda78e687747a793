// buf's module layout and `breaking:` settings, read from the head tree: buf.yaml v1 (with buf.work.yaml) and v2.
// Without a buf.yaml the repository root is one module with buf's defaults (v2 categories, FILE selected).
import { posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { NotChecked } from '../engine/finding';
import type { Tree } from '../engine/tree';
import { type BufConfigVersion, expandId, isDefaultRule, isKnownId, BREAKING_RULES } from './categories';

export interface BreakingConfig {
  version: BufConfigVersion;
  rules: ReadonlySet<string>;
  /** Repository-relative paths (files or directories) no rule reports on. */
  ignore: readonly string[];
  /** Rule ID → repository-relative paths that rule does not report on. */
  ignoreOnly: ReadonlyMap<string, readonly string[]>;
  ignoreUnstablePackages: boolean;
}

export interface BufModule {
  /** Repository-relative directory without a trailing '/'; '' for the repository root. */
  root: string;
  /** Repository-relative directories left out of the module. */
  excludes: readonly string[];
  breaking: BreakingConfig;
}

export interface BufSetup {
  modules: BufModule[];
  problems: NotChecked[];
}

export function defaultBreaking(version: BufConfigVersion = 'v2'): BreakingConfig {
  return { version, rules: defaultRules(version), ignore: [], ignoreOnly: new Map(), ignoreUnstablePackages: false };
}

function defaultRules(version: BufConfigVersion): Set<string> {
  return new Set(Object.keys(BREAKING_RULES).filter((id) => isDefaultRule(id, version)));
}

class ConfigError extends Error {}

/** The module layout as `tree` (the head) declares it. A module directory must exist in `tree` or in `base`: a module whose
 *  files were all deleted at head is compared (its files reported as deleted), one that exists on neither side is an error. */
export async function loadBufSetup(tree: Tree, base?: Tree): Promise<BufSetup> {
  const problems: NotChecked[] = [];
  const fail = (file: string, error: unknown): BufSetup => {
    problems.push({ file, reason: `${file} could not be used, so protobuf files were not compared: ${(error as Error).message}` });
    return { modules: [], problems };
  };
  const workText = await tree.read('buf.work.yaml');
  const bufText = await tree.read('buf.yaml');
  if (bufText !== undefined) {
    let root: Record<string, unknown>;
    try {
      root = readYaml(bufText);
    } catch (error) {
      return fail('buf.yaml', error);
    }
    if (root.version === 'v2') {
      try {
        return { modules: await existing([tree, base], modulesV2(root)), problems };
      } catch (error) {
        return fail('buf.yaml', error);
      }
    }
    if (workText === undefined) {
      try {
        return { modules: await existing([tree, base], [moduleV1(root, '')]), problems };
      } catch (error) {
        return fail('buf.yaml', error);
      }
    }
  }
  if (workText !== undefined) {
    try {
      const work = readYaml(workText);
      const directories = stringList(work.directories, 'directories');
      if (!directories || directories.length === 0) throw new ConfigError('"directories" must list the module directories');
      const modules: BufModule[] = [];
      for (const directory of directories) {
        const dir = normalizeDirectory(directory);
        const moduleText = await tree.read(`${dir}/buf.yaml`);
        let moduleRoot: Record<string, unknown> = { version: 'v1' };
        if (moduleText !== undefined) {
          try {
            moduleRoot = readYaml(moduleText);
          } catch (error) {
            return fail(`${dir}/buf.yaml`, error);
          }
        }
        modules.push(moduleV1(moduleRoot, dir));
      }
      return { modules: await existing([tree, base], modules), problems };
    } catch (error) {
      return fail('buf.work.yaml', error);
    }
  }
  // Without a buf.yaml buf applies v1's defaults (v2-only rules such as FIELD_SAME_DEFAULT do not run).
  return { modules: [{ root: '', excludes: [], breaking: defaultBreaking('v1') }], problems };
}

/** The modules, when each names a directory of the tree: buf refuses a module path with nothing in it ("had no .proto
 *  files"), and comparing without it would pass every change silently. */
async function existing(trees: readonly (Tree | undefined)[], modules: BufModule[]): Promise<BufModule[]> {
  const roots = modules.map((module) => module.root).filter((root) => root !== '');
  if (roots.length === 0) return modules;
  const sides = await Promise.all(trees.map(async (tree) => (tree ? directoriesOf(await tree.list()) : new Set<string>())));
  const missing = roots.find((root) => !sides.some((directories) => directories.has(root)));
  if (missing !== undefined) throw new ConfigError(`module path "${missing}" matches no directory of the repository; fix the path or create the directory`);
  return modules;
}

// A listing that has not changed (typing) is walked once.
const directoriesCache = new WeakMap<readonly string[], ReadonlySet<string>>();

function directoriesOf(files: readonly string[]): ReadonlySet<string> {
  let directories = directoriesCache.get(files);
  if (!directories) {
    const found = new Set<string>();
    for (const file of files) {
      for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) found.add(file.slice(0, slash));
    }
    directoriesCache.set(files, (directories = found));
  }
  return directories;
}

/** Configuration texts read lately and what they hold: an editor's check reads the same buf.yaml at every keystroke.
 *  The values are only read, never changed. */
const readTexts = new Map<string, Record<string, unknown>>();
const READ_TEXTS_KEPT = 8;

function readYaml(text: string): Record<string, unknown> {
  const known = readTexts.get(text);
  if (known) return known;
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) throw new ConfigError(`not valid YAML (${document.errors[0].message.split('\n')[0]})`);
  const value = document.toJS({ maxAliasCount: 100 }) as unknown;
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError('expected a mapping at the top level');
  readTexts.set(text, value as Record<string, unknown>);
  if (readTexts.size > READ_TEXTS_KEPT) readTexts.delete(readTexts.keys().next().value!);
  return value as Record<string, unknown>;
}

function stringList(value: unknown, key: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new ConfigError(`"${key}" must be a list of strings`);
  return value as string[];
}

function normalizeDirectory(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const normalized = posix.normalize(slashed).replace(/\/+$/, '');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || normalized === '..' || normalized.startsWith('../')) {
    throw new ConfigError(`path "${path}" is outside the repository`);
  }
  return normalized === '.' ? '' : normalized;
}

function join(root: string, path: string): string {
  const normalized = normalizeDirectory(path);
  return root && normalized ? `${root}/${normalized}` : root || normalized;
}

function moduleV1(root: Record<string, unknown>, dir: string): BufModule {
  const version = root.version ?? 'v1';
  if (version !== 'v1' && version !== 'v1beta1') throw new ConfigError(`unknown version ${JSON.stringify(version)} (expected v1 or v2)`);
  const build = (root.build ?? {}) as Record<string, unknown>;
  const excludes = (stringList(build.excludes, 'build.excludes') ?? []).map((path) => join(dir, path));
  // v1 resolves `breaking.ignore` paths relative to the module's own directory.
  const breaking = breakingConfig(root.breaking, 'v1', (path) => join(dir, path));
  const roots = stringList(build.roots, 'build.roots');
  if (roots && roots.length > 0) {
    if (roots.length > 1) throw new ConfigError('build.roots with more than one root is not supported; use buf.work.yaml directories');
    return { root: join(dir, roots[0]), excludes, breaking };
  }
  return { root: dir, excludes, breaking };
}

function modulesV2(root: Record<string, unknown>): BufModule[] {
  // v2 resolves every path, including `ignore`, relative to buf.yaml, that is the repository root.
  const topBreaking = root.breaking;
  const modules = root.modules;
  if (modules === undefined || modules === null) {
    return [{ root: '', excludes: [], breaking: breakingConfig(topBreaking, 'v2', (path) => join('', path)) }];
  }
  if (!Array.isArray(modules)) throw new ConfigError('"modules" must be a list of { path, excludes, breaking }');
  return modules.map((entry: unknown) => {
    const module = (entry ?? {}) as Record<string, unknown>;
    const path = typeof module.path === 'string' ? normalizeDirectory(module.path) : '';
    const excludes = (stringList(module.excludes, 'modules.excludes') ?? []).map((item) => join('', item));
    const breaking = breakingConfig(module.breaking ?? topBreaking, 'v2', (item) => join('', item));
    return { root: path, excludes, breaking };
  });
}

function breakingConfig(value: unknown, version: BufConfigVersion, toRepoPath: (path: string) => string): BreakingConfig {
  if (value === undefined || value === null) return defaultBreaking(version);
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError('"breaking" must be a mapping');
  const breaking = value as Record<string, unknown>;
  const known = ['use', 'except', 'ignore', 'ignore_only', 'ignore_unstable_packages', 'against_git_ref', 'disable_builtin'];
  for (const key of Object.keys(breaking)) if (!known.includes(key)) throw new ConfigError(`unknown key "breaking.${key}"`);
  const expand = (id: string): string[] => {
    if (!isKnownId(id, version)) throw new ConfigError(`"${id}" is not a known rule or category ID`);
    return expandId(id, version);
  };
  const use = stringList(breaking.use, 'breaking.use');
  const rules = use && use.length > 0 ? new Set(use.flatMap(expand)) : defaultRules(version);
  for (const id of stringList(breaking.except, 'breaking.except') ?? []) for (const rule of expand(id)) rules.delete(rule);
  const ignore = (stringList(breaking.ignore, 'breaking.ignore') ?? []).map(toRepoPath);
  const ignoreOnly = new Map<string, string[]>();
  if (breaking.ignore_only !== undefined && breaking.ignore_only !== null) {
    if (typeof breaking.ignore_only !== 'object' || Array.isArray(breaking.ignore_only))
      throw new ConfigError('"breaking.ignore_only" must map rule IDs to paths');
    for (const [id, paths] of Object.entries(breaking.ignore_only as Record<string, unknown>)) {
      const list = (stringList(paths, `breaking.ignore_only.${id}`) ?? []).map(toRepoPath);
      for (const rule of expand(id)) ignoreOnly.set(rule, [...(ignoreOnly.get(rule) ?? []), ...list]);
    }
  }
  const unstable = breaking.ignore_unstable_packages;
  if (unstable !== undefined && typeof unstable !== 'boolean') throw new ConfigError('"breaking.ignore_unstable_packages" must be true or false');
  return { version, rules, ignore, ignoreOnly, ignoreUnstablePackages: unstable === true };
}

/** Whether a repository-relative path is one of the given files or lies under one of the given directories. */
export function isUnderAny(path: string, entries: readonly string[]): boolean {
  return entries.some((entry) => entry === '' || path === entry || path.startsWith(entry + '/'));
}

/** buf's unstable versions: a package component such as v1alpha1, v2beta, v1p2alpha3 or v1test. */
export function isUnstablePackage(packageName: string): boolean {
  return packageName.split('.').some((part) => /^v\d+(?:p\d+)?(?:alpha|beta)\d*$/.test(part) || /^v\d+test\w*$/.test(part));
}

/** The module a repository path belongs to, and its path inside the module. */
export function moduleOf(path: string, modules: readonly BufModule[]): { module: BufModule; modulePath: string } | undefined {
  for (const module of modules) {
    if (module.root && !path.startsWith(module.root + '/')) continue;
    if (isUnderAny(path, module.excludes)) continue;
    return { module, modulePath: module.root ? path.slice(module.root.length + 1) : path };
  }
  return undefined;
}
