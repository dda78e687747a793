// What `graycheck check` hands to a formatter, and the 1-based conversion every formatter shares (the engine is 0-based).
import type { ConfigProblem } from '../../engine/config';
import type { CheckResult, Finding } from '../../engine/finding';
import type { Range } from '../../engine/range';
import type { RuleMeta } from '../../engine/rule';
import type { BaseRevision } from '../../git/types';

export interface CheckReport {
  /** Undefined in a repository with no commits yet: there was nothing to compare with. */
  base: BaseRevision | undefined;
  result: CheckResult;
  configProblems: readonly ConfigProblem[];
  /** Every rule known to this build (SARIF lists them all, so ruleIndex is stable across runs). */
  rules: readonly RuleMeta[];
  durationMs: number;
}

export interface OneBasedRange {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** Lines and columns counted from 1; columns stay UTF-16 code units, the end stays exclusive (as the anchor tools count them). */
export function toOneBased(range: Range): OneBasedRange {
  return {
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
  };
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}
