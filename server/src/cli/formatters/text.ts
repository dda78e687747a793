// `--format text`: one `file:line:column: severity RULE message` line per finding, like a compiler, then a one-line summary.
import { countBySeverity, shortCommit, toOneBased, type CheckReport } from './report';

export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  for (const problem of report.configProblems) {
    const { start } = toOneBased(problem.range);
    lines.push(`${problem.file}:${start.line}:${start.column}: warning CONFIG ${problem.message}`);
  }
  for (const finding of report.result.findings) {
    const { start } = toOneBased(finding.range);
    lines.push(`${finding.file}:${start.line}:${start.column}: ${finding.severity} ${finding.rule} ${finding.message}`);
  }
  for (const entry of report.result.notChecked) lines.push(`${entry.file}: not checked: ${entry.reason}`);
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** Each count says what it counts: the files with findings, the files checked, the files not checked (issue 12). */
export function summaryLine(report: CheckReport): string {
  const { findings, notChecked, filesChecked } = report.result;
  const { errors, warnings, infos } = countBySeverity(findings);
  const base = report.base ? `(base: ${report.base.description}, ${shortCommit(report.base.commit)})` : '(no base: the repository has no commits yet)';
  const skippedFiles = new Set(notChecked.map((entry) => entry.file)).size;
  const checked = `; ${plural(filesChecked, 'file')} checked${skippedFiles > 0 ? `; ${plural(skippedFiles, 'file')} not checked` : ''}`;
  if (errors + warnings + infos === 0) return `no breaking changes or warnings${checked} ${base}`;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos > 0 ? [`${infos} info`] : [])].join(', ');
  const filesWithFindings = new Set(findings.map((finding) => finding.file)).size;
  return `${counts} in ${plural(filesWithFindings, 'file')}${checked} ${base}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
