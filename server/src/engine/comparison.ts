// The input of every check: base and head trees of one repository, the configuration, and what to report on.
import type { GraycheckConfig } from './config';
import type { Fix } from './edit';
import type { Finding, Kind, NotChecked, RawFinding } from './finding';
import type { RuleMeta } from './rule';
import type { Tree } from './tree';

export interface Comparison {
  /** Absent when there is nothing to compare with (a repository with no commits yet): only base-free checks run. */
  base: Tree | undefined;
  head: Tree;
  /** Head path → base path, for files git's rename detection paired. */
  renames: ReadonlyMap<string, string>;
  config: GraycheckConfig;
  /** Report findings only in these paths (an open document, the CLI's PATH arguments): files, or directories ending in '/'. All paths when absent. */
  focus?: ReadonlySet<string>;
  signal?: AbortSignal;
}

export interface KindReport {
  notChecked: NotChecked[];
  filesChecked: number;
}

/** Everything one kind (protobuf, openapi, metrics) contributes; the engine knows nothing else about it. */
export interface KindChecker {
  kind: Kind;
  rules: readonly RuleMeta[];
  check(comparison: Comparison, report: (finding: RawFinding & { categories?: readonly string[] }) => void): Promise<KindReport>;
  /** The fixes for a finding, computed from the finding (with its fixData) and the current head text of its file. Pure. */
  fixes(finding: Finding, headText: string): Fix[];
}

export class CheckCancelled extends Error {
  constructor() {
    super('check cancelled by a newer change');
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CheckCancelled();
}
