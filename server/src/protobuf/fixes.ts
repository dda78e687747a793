// Fixes for deletions, computed from a finding's fixData and the head text as it is now: restore the base declaration
// (with its comments) where it stood, or reserve the deleted number and name. Pure: they return edits, never apply them.
import type { Fix, TextEdit } from '../engine/edit';
import { LineIndex, type Position } from '../engine/range';
import type { MessageDecl, MessageMember } from './ast';
import type { FixContext } from './rules/rule';

export function restoreFieldFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'field' || typeof data.text !== 'string' || typeof data.message !== 'string') return [];
  const message = head.messages.find((candidate) => candidate.fullName === data.message)?.decl;
  if (!message) return [];
  const members = message.members;
  let anchor: number;
  const previous = typeof data.after === 'string' ? message.fields.find((field) => field.name === data.after) : undefined;
  if (previous) anchor = previous.endOffset;
  else if (data.isFirst === true || members.length === 0) anchor = message.bodyStartOffset + 1;
  else anchor = members[members.length - 1].endOffset;
  const edit = insertLines(head.text, message, anchor, data.text);
  return [{ title: `Restore field "${data.name}" = ${data.number} from the base`, changes: [{ file: finding.file, edits: [edit] }], isPreferred: true }];
}

/** Which reservation the finding asks for: a _UNLESS_NAME_ finding is not settled by reserving the number alone. */
export type Reservation = 'number' | 'name' | 'any';

export interface PlannedReservations {
  number: boolean;
  name: boolean;
  text: string;
}

/**
 * The `reserved` statements head can still take (undefined for one it cannot: already reserved, or a name still in use,
 * as either would not compile), or undefined when nothing is left or the one the finding needs is not possible.
 */
export function planReservations(needs: Reservation, numberStatement: string | undefined, nameStatement: string | undefined): PlannedReservations | undefined {
  if ((needs === 'number' && !numberStatement) || (needs === 'name' && !nameStatement)) return undefined;
  if (!numberStatement && !nameStatement) return undefined;
  return { number: numberStatement !== undefined, name: nameStatement !== undefined, text: [numberStatement, nameStatement].filter(Boolean).join('\n') };
}

export function reserveFieldFix({ finding, head }: FixContext, isStillReported: boolean, needs: Reservation): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'field' || typeof data.message !== 'string') return [];
  const message = head.messages.find((candidate) => candidate.fullName === data.message)?.decl;
  if (!message) return [];
  const isEditions = head.ast.syntax.syntax === 'editions';
  const name = isEditions ? String(data.name) : `"${data.name}"`;
  const planned = planReservations(
    needs,
    data.isNumberReserved === true ? undefined : `reserved ${data.number};`,
    data.isNameReserved === true || data.isNameInUse === true ? undefined : `reserved ${name};`,
  );
  if (!planned) return [];
  const anchor = message.members.length > 0 ? lastMember(message.members).endOffset : message.bodyStartOffset + 1;
  const edit = insertLines(head.text, message, anchor, planned.text);
  const title = planned.number && planned.name
    ? `Reserve field number ${data.number} and name "${data.name}"`
    : planned.name ? `Reserve field name "${data.name}"` : `Reserve field number ${data.number}`;
  return [{
    title: isStillReported ? `${title} (buf still reports ${finding.rule} for a deleted field)` : title,
    changes: [{ file: finding.file, edits: [edit] }],
  }];
}

export function restoreMessageFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'message' || typeof data.text !== 'string') return [];
  const prefix = head.packageName ? head.packageName + '.' : '';
  const title = `Restore message "${data.name}" from the base`;
  if (typeof data.parent === 'string') {
    const parent = head.messages.find((candidate) => candidate.fullName === data.parent)?.decl;
    if (!parent) return [];
    const previous = typeof data.after === 'string' ? parent.messages.find((m) => `${data.parent}.${m.name}` === data.after) : undefined;
    const anchor = previous ? previous.endOffset : parent.members.length > 0 ? lastMember(parent.members).endOffset : parent.bodyStartOffset + 1;
    return [{ title, changes: [{ file: finding.file, edits: [insertLines(head.text, parent, anchor, data.text)] }], isPreferred: true }];
  }
  const lines = new LineIndex(head.text);
  const previous = typeof data.after === 'string' ? head.ast.messages.find((m) => prefix + m.name === data.after) : undefined;
  let edit: TextEdit;
  if (previous) {
    const end = lines.positionAt(previous.endOffset);
    const at: Position = { line: end.line, character: lines.lineText(end.line).length };
    edit = { range: { start: at, end: at }, newText: `\n\n${data.text}` };
  } else {
    const end = lines.positionAt(head.text.length);
    const separator = head.text.length === 0 || head.text.endsWith('\n') ? '\n' : '\n\n';
    edit = { range: { start: end, end }, newText: `${separator}${data.text}\n` };
  }
  return [{ title, changes: [{ file: finding.file, edits: [edit] }], isPreferred: true }];
}

function lastMember(members: readonly MessageMember[]): MessageMember {
  return members.reduce((last, member) => (member.endOffset > last.endOffset ? member : last));
}

/** A declaration body to insert into: where its declaration starts, and its members. */
export interface InsertionBody {
  startOffset: number;
  members: readonly { startOffset: number }[];
}

/** Inserts lines after the text at `anchor`, indented like the body's members; at the end of that line when only a comment follows. */
export function insertLines(text: string, body: InsertionBody, anchor: number, snippet: string): TextEdit {
  const lines = new LineIndex(text);
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

function bodyIndent(lines: LineIndex, body: InsertionBody): string {
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
