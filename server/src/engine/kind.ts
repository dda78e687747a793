// What a kind says about its files, and what the adapters derive from it: which files to watch, which editor languages
// to open, and what a change to a file means for the checks already shown. The adapters ask here and name no kind.
import { CONFIG_FILE } from './config';
import { matchesAnyGlob } from './glob';

/** What else must be checked again after a file changed, widest last. */
export type ChangeEffect = 'nothing' | 'file' | 'dependents' | 'everything';

export interface KindFiles {
  /** Globs of the files the kind may check, repository-relative ('**\/*.proto'). */
  sources: readonly string[];
  /** The kind's option (a list of globs) that, when set, says where its sources are instead of `sources`. */
  sourcesOption?: string;
  /** For kinds recognised by content (an `openapi:` root key): whether a file matching `sources` is one of theirs. */
  recognizes?(path: string, text: string): boolean;
  /** Files that configure the kind (buf.yaml): a change to one re-checks everything of the repository. */
  configuration: readonly string[];
  /** What a changed source affects besides itself: 'dependents' when other files import or reference it. */
  sourceChange: 'file' | 'dependents';
  /** Editor language IDs of its sources: the VS Code client opens these documents and activates on them. */
  languages: readonly string[];
}

/** The part of a kind that its files concern; KindChecker extends it. */
export interface KindDeclaration {
  kind: string;
  files: KindFiles;
}

const EFFECT_ORDER: readonly ChangeEffect[] = ['nothing', 'file', 'dependents', 'everything'];

/** The widest effect any kind gives a change to this repository-relative path. `.graycheck.yaml` concerns every kind. */
export function changeEffect(kinds: readonly KindDeclaration[], path: string): ChangeEffect {
  if (path === CONFIG_FILE) return 'everything';
  let effect: ChangeEffect = 'nothing';
  for (const { files } of kinds) {
    const own: ChangeEffect = matchesAnyGlob(path, files.configuration) ? 'everything' : matchesAnyGlob(path, files.sources) ? files.sourceChange : 'nothing';
    if (EFFECT_ORDER.indexOf(own) > EFFECT_ORDER.indexOf(effect)) effect = own;
  }
  return effect;
}

/** Every glob a file watcher needs, each once: `.graycheck.yaml`, then each kind's configuration and sources. */
export function watchedGlobs(kinds: readonly KindDeclaration[]): string[] {
  const globs = [`**/${CONFIG_FILE}`, ...kinds.flatMap(({ files }) => [...files.configuration, ...files.sources])];
  return [...new Set(globs.map((glob) => (glob.startsWith('**/') ? glob : `**/${glob}`)))];
}

/** The editor languages whose documents the server should see, each once. */
export function documentLanguages(kinds: readonly KindDeclaration[]): string[] {
  return [...new Set(kinds.flatMap(({ files }) => files.languages))];
}
