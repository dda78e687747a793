// Edits the protobuf fixes share: where a restored declaration goes (after its base predecessor, first or last in
// a body, or at the top level), indented like its neighbours, and how a statement line is removed. Pure: edits only.
import type { Fix, TextEdit } from '../../engine/edit';
import { lineIndexOf, type LineIndex, type Position, type Range } from '../../engine/range';
import type { Declaration, MessageDecl } from '../ast';
import { protoEnumNamed, type ProtoFile } from '../model';

export const REVERT_TITLE = 'Revert to the base value';

/** One fix of one edit in the finding's file; restores are preferred, reservations are not (buf may still report). */
export function singleEditFix(title: string, file: string, edit: TextEdit, isPreferred = true): Fix[] {
  return [{ title, changes: [{ file, edits: [edit] }], ...(isPreferred ? { isPreferred } : {}) }];
}

/** "Revert to the base value" with these edits, or no fix when there is nothing to edit. */
export function revertFixOf(file: string, edits: TextEdit[]): Fix[] {
  return edits.length === 0 ? [] : [{ title: REVERT_TITLE, changes: [{ file, edits }], isPreferred: true }];
}

/** A declaration body to insert into: where its declaration starts, where its `{` is, and its members. */
export interface Body {
  startOffset: number;
  openOffset: number;
  members: readonly Declaration[];
}

export function messageBody(decl: MessageDecl): Body {
  return { startOffset: decl.startOffset, openOffset: decl.bodyStartOffset, members: decl.members };
}

export function bodyOf(head: ProtoFile, decl: { startOffset: number; bodyRange: { start: Position } }, members: readonly Declaration[]): Body {
  const lines = lineIndexOf(head.text);
  return { startOffset: decl.startOffset, openOffset: lines.offsetAt(decl.bodyRange.start), members };
}

/** Where the body's last member ends (members are not always listed in source order), or undefined for an empty body. */
export function lastEnd(members: readonly Declaration[]): number | undefined {
  return members.length === 0 ? undefined : Math.max(...members.map((member) => member.endOffset));
}

/** Inserts after a preceding member when it is still there, else first or last in the body. */
export function insertAfter(text: string, body: Body, previous: Declaration | undefined, isFirst: boolean, snippet: string): TextEdit {
  const anchor = previous ? previous.endOffset : isFirst ? body.openOffset + 1 : (lastEnd(body.members) ?? body.openOffset + 1);
  return insertLines(text, body, anchor, snippet);
}

/** Inserts as the body's last member. */
export function insertLast(text: string, body: Body, snippet: string): TextEdit {
  return insertLines(text, body, lastEnd(body.members) ?? body.openOffset + 1, snippet);
}

/** A top-level declaration goes after its base predecessor when that is still there, else at the end of the file. */
export function insertTopLevel(text: string, previous: Declaration | undefined, snippet: string): TextEdit {
  const lines = lineIndexOf(text);
  if (previous) {
    const end = lines.positionAt(previous.endOffset);
    const at: Position = { line: end.line, character: lines.lineText(end.line).length };
    return { range: { start: at, end: at }, newText: `\n\n${snippet}` };
  }
  const end = lines.positionAt(text.length);
  const separator = text.length === 0 || text.endsWith('\n') ? '\n' : '\n\n';
  return { range: { start: end, end }, newText: `${separator}${snippet}\n` };
}

/** Inserts lines after the text at `anchor`, indented like the body's members; at the end of that line when only a comment follows. */
export function insertLines(
  text: string,
  body: { startOffset: number; members: readonly { startOffset: number }[] },
  anchor: number,
  snippet: string,
): TextEdit {
  const lines = lineIndexOf(text);
  const indent = bodyIndent(lines, body);
  const indented = snippet
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : indent + line))
    .join('\n');
  const anchorPosition = lines.positionAt(anchor);
  const lineText = lines.lineText(anchorPosition.line);
  const rest = lineText.slice(anchorPosition.character);
  const at: Position = /^\s*(\/\/.*)?$/.test(rest) ? { line: anchorPosition.line, character: lineText.length } : anchorPosition;
  return { range: { start: at, end: at }, newText: `\n${indented}` };
}

function bodyIndent(lines: LineIndex, body: { startOffset: number; members: readonly { startOffset: number }[] }): string {
  const first = body.members[0];
  if (first) {
    const position = lines.positionAt(first.startOffset);
    const before = lines.lineText(position.line).slice(0, position.character);
    if (/^[ \t]*$/.test(before)) return before;
  }
  const start = lines.positionAt(body.startOffset);
  const outer = /^[ \t]*/.exec(lines.lineText(start.line))?.[0] ?? '';
  return outer + '  ';
}

/** Removes a statement; the whole line when nothing else is on it. */
export function deleteLine(lines: LineIndex, range: Range): TextEdit {
  const before = lines.lineText(range.start.line).slice(0, range.start.character);
  const after = lines.lineText(range.end.line).slice(range.end.character);
  if (/^\s*$/.test(before) && /^\s*$/.test(after) && range.end.line + 1 < lines.lineCount) {
    return { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' };
  }
  return { range, newText: '' };
}

/** The head enum declaration by full name. */
export function enumNamed(head: ProtoFile, fullName: string) {
  return protoEnumNamed(head, fullName)?.decl;
}

/** An enum's body: its values, reserved statements and options are its members. */
export function enumBody(head: ProtoFile, fullName: string): Body | undefined {
  const item = enumNamed(head, fullName);
  return item ? bodyOf(head, item, [...item.values, ...item.reserved, ...item.options]) : undefined;
}
