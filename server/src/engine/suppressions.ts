// Inline suppressions: `graycheck:ignore RULE[,RULE] reason` on the finding's line or the line above.
// `buf:lint:ignore` is deliberately not honoured: buf does not treat lint comments as breaking suppressions either.
import type { Fix } from './edit';
import type { Finding } from './finding';
import { LineIndex } from './range';

const MARKER = /graycheck:ignore\s+([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)/;

export function suppressedRules(lineText: string): string[] {
  const match = MARKER.exec(lineText);
  return match ? match[1].split(',').map((id) => id.trim()) : [];
}

export function isSuppressed(finding: Pick<Finding, 'rule' | 'range'>, lines: LineIndex): boolean {
  const line = finding.range.start.line;
  for (const candidate of [line, line - 1]) {
    if (candidate < 0 || candidate >= lines.lineCount) continue;
    if (suppressedRules(lines.lineText(candidate)).includes(finding.rule)) return true;
  }
  return false;
}

export function commentPrefixFor(file: string): string {
  return /\.(ya?ml|prom)$/i.test(file) ? '#' : '//';
}

/** "Suppress RULE here": a comment line above the finding, indented like that line. JSON files have no comments, so none is offered there. */
export function suppressFix(finding: Finding, headText: string): Fix | undefined {
  if (/\.json$/i.test(finding.file)) return undefined;
  const lines = new LineIndex(headText);
  const line = Math.min(finding.range.start.line, lines.lineCount - 1);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  const newText = `${indent}${commentPrefixFor(finding.file)} graycheck:ignore ${finding.rule} reason: \n`;
  return {
    title: `Suppress ${finding.rule} here`,
    changes: [{ file: finding.file, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText }] }],
  };
}
