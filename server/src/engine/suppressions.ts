// Inline suppressions: `graycheck:ignore RULE[,RULE] reason` on the finding's line or the line above.
// `buf:lint:ignore` is deliberately not honoured: buf does not treat lint comments as breaking suppressions either.
import { CONFIG_FILE } from './config';
import type { Fix } from './edit';
import type { Finding } from './finding';
import { LineIndex, lineIndexOf } from './range';

/** What every suppression comment holds; a text without it suppresses nothing. */
export const SUPPRESSION_MARKER = 'graycheck:ignore';
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

/** JSON files have no comments: their findings are suppressed by an ignore entry (ignoreEntryFix) instead. */
export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

export function suppressTitle(finding: Pick<Finding, 'rule'>): string {
  return `Suppress ${finding.rule} here`;
}

/** "Suppress RULE here": a comment line above the finding, indented like that line. JSON files have no comments, so none is offered there. */
export function suppressFix(finding: Finding, headText: string): Fix | undefined {
  if (isJsonFile(finding.file)) return undefined;
  const lines = lineIndexOf(headText);
  const line = Math.min(finding.range.start.line, lines.lineCount - 1);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  const newText = `${indent}${commentPrefixFor(finding.file)} graycheck:ignore ${finding.rule} reason: \n`;
  return {
    title: suppressTitle(finding),
    changes: [{ file: finding.file, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText }] }],
  };
}

/** JSON holds no comments: "Suppress" there adds an `ignore` entry for the file and rule to `.graycheck.yaml`, creating
 *  the file when there is none. Undefined when the existing `ignore` is not a block list this can extend. */
export function ignoreEntryFix(finding: Finding, configText: string | undefined): Fix | undefined {
  const title = `Suppress ${finding.rule} in ${finding.file} (an ignore entry in ${CONFIG_FILE})`;
  const entry = (indent: string) => `${indent}- { path: ${JSON.stringify(finding.file)}, rules: [${finding.rule}] }\n`;
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  if (configText === undefined) return { title, changes: [{ file: CONFIG_FILE, create: true, edits: [{ range: at(0), newText: `ignore:\n${entry('  ')}` }] }] };
  const lines = new LineIndex(configText);
  const texts = Array.from({ length: lines.lineCount }, (_, line) => lines.lineText(line));
  const ignoreLine = texts.findIndex((text) => /^ignore\s*:/.test(text));
  if (ignoreLine < 0) {
    const last = lines.lineCount - 1;
    const newText = `${texts[last] === '' ? '' : '\n'}ignore:\n${entry('  ')}`;
    return {
      title,
      changes: [
        {
          file: CONFIG_FILE,
          edits: [{ range: { start: { line: last, character: texts[last].length }, end: { line: last, character: texts[last].length } }, newText }],
        },
      ],
    };
  }
  if (!/^ignore\s*:\s*(#.*)?$/.test(texts[ignoreLine])) return undefined;
  let end = ignoreLine + 1;
  while (end < texts.length && (texts[end].trim() === '' || /^\s/.test(texts[end]) || texts[end].startsWith('-'))) end++;
  while (end > ignoreLine + 1 && texts[end - 1].trim() === '') end--;
  const firstItem = texts.slice(ignoreLine + 1, end).find((text) => /^\s*- /.test(text));
  const indent = firstItem ? /^\s*/.exec(firstItem)![0] : '  ';
  if (end >= texts.length)
    return {
      title,
      changes: [
        {
          file: CONFIG_FILE,
          edits: [
            {
              range: { start: { line: end - 1, character: texts[end - 1].length }, end: { line: end - 1, character: texts[end - 1].length } },
              newText: `\n${entry(indent).trimEnd()}`,
            },
          ],
        },
      ],
    };
  return { title, changes: [{ file: CONFIG_FILE, edits: [{ range: at(end), newText: entry(indent) }] }] };
}
