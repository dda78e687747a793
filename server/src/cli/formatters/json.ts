// `--format json`: exactly the SPEC §4 object. Configuration problems are listed under `notChecked` (the setting was not applied),
// with the position in the reason, so scripts that only know the SPEC shape still see them.
import type { Finding } from '../../engine/finding';
import { countBySeverity, toOneBased, type CheckReport, type OneBasedRange } from './report';

export interface JsonFinding {
  rule: string;
  kind: string;
  severity: string;
  categories: readonly string[];
  file: string;
  range: OneBasedRange;
  message: string;
  base?: { file: string; range: OneBasedRange };
  /** Other places at head the finding is about (the other definition of a conflicting metric). */
  related?: { file: string; range: OneBasedRange; message: string }[];
  fixes: { title: string }[];
}

export interface JsonReport {
  version: 1;
  /** null in a repository with no commits yet: nothing was compared with a base. */
  base: { ref: string; commit: string; description: string } | null;
  findings: JsonFinding[];
  notChecked: { file: string; reason: string }[];
  summary: { filesChecked: number; errors: number; warnings: number; durationMs: number };
}

export function toJsonFinding(finding: Finding): JsonFinding {
  return {
    rule: finding.rule,
    kind: finding.kind,
    severity: finding.severity,
    categories: finding.categories,
    file: finding.file,
    range: toOneBased(finding.range),
    message: finding.message,
    ...(finding.base ? { base: { file: finding.base.file, range: toOneBased(finding.base.range) } } : {}),
    ...(finding.related ? { related: finding.related.map((place) => ({ file: place.file, range: toOneBased(place.range), message: place.message })) } : {}),
    fixes: finding.fixes.map((fix) => ({ title: fix.title })),
  };
}

export function toJsonReport(report: CheckReport): JsonReport {
  const { errors, warnings } = countBySeverity(report.result.findings);
  const configNotes = report.configProblems.map((problem) => {
    const { start } = toOneBased(problem.range);
    return { file: problem.file, reason: `${start.line}:${start.column}: ${problem.message}` };
  });
  return {
    version: 1,
    base: report.base ? { ref: report.base.ref, commit: report.base.commit, description: report.base.description } : null,
    findings: report.result.findings.map(toJsonFinding),
    notChecked: [...configNotes, ...report.result.notChecked.map(({ file, reason }) => ({ file, reason }))],
    summary: { filesChecked: report.result.filesChecked, errors, warnings, durationMs: report.durationMs },
  };
}

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
