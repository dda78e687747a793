// The input of every check: base and head trees of one repository, the configuration, and what to report on.
import type { GraycheckConfig, KindSettings } from './config';
import type { Fix } from './edit';
import type { Finding, NotChecked, RawFinding } from './finding';
import type { KindDeclaration } from './kind';
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

export type KindReporter = (finding: RawFinding & { categories?: readonly string[] }) => void;

export interface SessionOptions {
  oneShot?: boolean;
}

/** One kind's checks with the state it keeps between them (parsed files, indexes), owned by whoever runs the checks:
 *  a CLI run, or one repository in the language server. */
export interface KindSession {
  check(comparison: Comparison, report: KindReporter): Promise<KindReport>;
}

/** The head as a fix sees it: the finding's file text, and the whole head tree for fixes that edit other files too. */
export interface FixHead {
  text: string;
  tree: Tree;
}

/** Everything one kind (protobuf, openapi, metrics) contributes; the engine and the adapters know nothing else about it. */
export interface KindChecker extends KindDeclaration, KindSettings {
  /** For people: "Protocol Buffers". */
  title: string;
  rules: readonly RuleMeta[];
  /** `oneShot`: the session serves one check and no more (the CLI), so keeping anything for a next check is wasted. */
  startSession(options?: SessionOptions): KindSession;
  /** The fixes for a finding, computed from the finding (with its fixData) and the current head. Never applied by us. */
  fixes(finding: Finding, head: FixHead): Fix[] | Promise<Fix[]>;
}

export function rulesOf(checkers: readonly KindChecker[]): RuleMeta[] {
  return checkers.flatMap((checker) => checker.rules);
}

export class CheckCancelled extends Error {
  constructor() {
    super('check cancelled by a newer change');
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CheckCancelled();
}
