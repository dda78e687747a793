// Fixes for the deletion rules beyond fields and messages: restore an enum, enum value, service, rpc, extension,
// oneof, reserved range or name from the base, or reserve a deleted enum value. Pure: they return edits only.
import type { Fix, TextEdit } from '../engine/edit';
import { LineIndex, type Position } from '../engine/range';
import type { Declaration, MessageDecl } from './ast';
import { extensionsOf } from './declarations';
import type { ProtoFile } from './model';
import type { FixContext } from './rules/rule';
import { insertLines, planReservations, type Reservation } from './fixes';

/** A body to insert into: where its `{` is, and its members' offsets. */
interface Body {
  startOffset: number;
  openOffset: number;
  members: readonly Declaration[];
}

function fix(title: string, file: string, edit: TextEdit, isPreferred = true): Fix[] {
  return [{ title, changes: [{ file, edits: [edit] }], ...(isPreferred ? { isPreferred } : {}) }];
}

function messageBody(decl: MessageDecl): Body {
  return { startOffset: decl.startOffset, openOffset: decl.bodyStartOffset, members: decl.members };
}

function bodyOf(head: ProtoFile, decl: { startOffset: number; bodyRange: { start: Position } }, members: readonly Declaration[]): Body {
  const lines = new LineIndex(head.text);
  return { startOffset: decl.startOffset, openOffset: lines.offsetAt(decl.bodyRange.start), members };
}

function lastEnd(members: readonly Declaration[]): number | undefined {
  return members.length === 0 ? undefined : Math.max(...members.map((member) => member.endOffset));
}


/** Inserts after a preceding member named `after` when it is still there, else first or last in the body. */
function insertAfter(text: string, body: Body, previous: Declaration | undefined, isFirst: boolean, snippet: string): TextEdit {
  const anchor = previous ? previous.endOffset : isFirst ? body.openOffset + 1 : lastEnd(body.members) ?? body.openOffset + 1;
  return insertLines(text, body, anchor, snippet);
}

/** A top-level declaration goes after its base predecessor when that is still there, else at the end of the file. */
function insertTopLevel(text: string, previous: Declaration | undefined, snippet: string): TextEdit {
  const lines = new LineIndex(text);
  if (previous) {
    const end = lines.positionAt(previous.endOffset);
    const at: Position = { line: end.line, character: lines.lineText(end.line).length };
    return { range: { start: at, end: at }, newText: `\n\n${snippet}` };
  }
  const end = lines.positionAt(text.length);
  const separator = text.length === 0 || text.endsWith('\n') ? '\n' : '\n\n';
  return { range: { start: end, end }, newText: `${separator}${snippet}\n` };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function restoreEnumFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const text = str(data?.text);
  if (data?.kind !== 'enum' || !text) return [];
  const title = `Restore enum "${data.name}" from the base`;
  const simple = String(data.name).split('.').pop();
  const after = str(data.after);
  const parentName = str(data.parent);
  if (parentName) {
    const parent = head.messages.find((candidate) => candidate.fullName === parentName)?.decl;
    if (!parent) return [];
    const previous = after ? parent.enums.find((item) => item.name === after) : undefined;
    if (parent.enums.some((item) => item.name === simple)) return [];
    return fix(title, finding.file, insertAfter(head.text, messageBody(parent), previous, false, text));
  }
  const previous = after ? head.ast.enums.find((item) => item.name === after) : undefined;
  return fix(title, finding.file, insertTopLevel(head.text, previous, text));
}

export function restoreServiceFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const text = str(data?.text);
  if (data?.kind !== 'service' || !text) return [];
  const after = str(data.after);
  const previous = after ? head.services.find((item) => item.name === after) : undefined;
  return fix(`Restore service "${data.name}" from the base`, finding.file, insertTopLevel(head.text, previous, text));
}

export function restoreRpcFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const text = str(data?.text);
  if (data?.kind !== 'rpc' || !text) return [];
  const prefix = head.packageName ? head.packageName + '.' : '';
  const service = head.services.find((item) => prefix + item.name === data.service);
  if (!service) return [];
  const after = str(data.after);
  const previous = after ? service.rpcs.find((rpc) => rpc.name === after) : undefined;
  const body = bodyOf(head, service, [...service.rpcs, ...service.options]);
  return fix(`Restore rpc "${data.name}" from the base`, finding.file, insertAfter(head.text, body, previous, data.isFirst === true, text));
}

export function restoreExtensionFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const text = str(data?.text);
  const extendee = str(data?.extendee);
  if (data?.kind !== 'extension' || !text || !extendee) return [];
  const title = `Restore extension "${data.name}" from the base`;
  const scopeName = str(data.scope);
  const scope = scopeName ? head.messages.find((candidate) => candidate.fullName === scopeName)?.decl : undefined;
  if (scopeName && !scope) return [];
  // Into an `extend` block of the same extendee in the same scope when there is one, else a new block.
  const existing = extensionsOf(head).find((extension) => extension.scope === scope && extension.extend.extendee === extendee)?.extend;
  if (existing) {
    const body: Body = { startOffset: existing.startOffset, openOffset: head.text.indexOf('{', existing.startOffset), members: existing.fields };
    return fix(title, finding.file, insertLines(head.text, body, lastEnd(existing.fields) ?? body.openOffset + 1, text));
  }
  const block = `extend ${extendee} {\n${text.split('\n').map((line) => (line.trim() === '' ? '' : '  ' + line)).join('\n')}\n}`;
  if (scope) return fix(title, finding.file, insertLines(head.text, messageBody(scope), lastEnd(scope.members) ?? scope.bodyStartOffset + 1, block));
  return fix(title, finding.file, insertTopLevel(head.text, undefined, block));
}

export function restoreOneofFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const text = str(data?.text);
  if (data?.kind !== 'oneof' || !text) return [];
  const message = head.messages.find((candidate) => candidate.fullName === data.message)?.decl;
  if (!message) return [];
  const after = str(data.after);
  const previous = after ? message.fields.find((field) => field.name === after) : undefined;
  return fix(`Restore oneof "${data.name}" from the base`, finding.file, insertAfter(head.text, messageBody(message), previous, data.isFirst === true, text));
}

export function restoreEnumValueFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const text = str(data?.text);
  if (data?.kind !== 'enumValue' || !text) return [];
  const item = enumNamed(head, data.enum);
  if (!item) return [];
  const after = str(data.after);
  const previous = after ? item.values.find((value) => value.name === after) : undefined;
  const body = bodyOf(head, item, [...item.values, ...item.reserved, ...item.options]);
  const names = String(data.names).split(',');
  return fix(`Restore enum value "${names[0]}" = ${data.number} from the base`, finding.file, insertAfter(head.text, body, previous, data.isFirst === true, text));
}

/** "Reserve enum value number N and name "X"": satisfies the _UNLESS_ twins; buf still reports ENUM_VALUE_NO_DELETE. */
export function reserveEnumValueFix({ finding, head }: FixContext, isStillReported: boolean, needs: Reservation): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'enumValue') return [];
  const item = enumNamed(head, data.enum);
  if (!item) return [];
  const names = String(data.names).split(',');
  if (names.some((name) => item.values.some((value) => value.name === name))) return [];
  const isEditions = head.ast.syntax.syntax === 'editions';
  const written = names.map((name) => (isEditions ? name : `"${name}"`)).join(', ');
  const planned = planReservations(
    needs,
    data.isNumberReserved === true ? undefined : `reserved ${data.number};`,
    data.areNamesReserved === true ? undefined : `reserved ${written};`,
  );
  if (!planned) return [];
  const body = bodyOf(head, item, [...item.values, ...item.reserved, ...item.options]);
  const edit = insertLines(head.text, body, lastEnd(body.members) ?? body.openOffset + 1, planned.text);
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const plural = names.length > 1 ? 's' : '';
  const title = planned.number && planned.name
    ? `Reserve enum value number ${data.number} and name${plural} ${quoted}`
    : planned.number ? `Reserve enum value number ${data.number}` : `Reserve enum value name${plural} ${quoted}`;
  return fix(isStillReported ? `${title} (buf still reports ${finding.rule} for a deleted value)` : title, finding.file, edit, false);
}

export function restoreTagRangeFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const missing = str(data?.missing);
  if (data?.kind !== 'tagRange' || !missing) return [];
  const body = ownerBody(head, data.owner, data.ownerName);
  if (!body) return [];
  const noun = data.keyword === 'reserved' ? 'reserved range' : 'extension range';
  const edit = insertLines(head.text, body, lastEnd(body.members) ?? body.openOffset + 1, `${data.keyword} ${missing};`);
  return fix(`Restore ${noun} "${data.label}" from the base`, finding.file, edit);
}

export function restoreReservedNameFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  const name = str(data?.name);
  if (data?.kind !== 'reservedName' || !name) return [];
  const body = ownerBody(head, data.owner, data.ownerName);
  if (!body) return [];
  const written = head.ast.syntax.syntax === 'editions' ? name : `"${name}"`;
  const edit = insertLines(head.text, body, lastEnd(body.members) ?? body.openOffset + 1, `reserved ${written};`);
  return fix(`Restore reserved name "${name}" from the base`, finding.file, edit);
}

function enumNamed(head: ProtoFile, fullName: unknown) {
  return head.enums.find((candidate) => candidate.fullName === fullName)?.decl;
}

function ownerBody(head: ProtoFile, owner: unknown, fullName: unknown): Body | undefined {
  if (owner === 'enum') {
    const item = enumNamed(head, fullName);
    return item ? bodyOf(head, item, [...item.values, ...item.reserved, ...item.options]) : undefined;
  }
  const message = head.messages.find((candidate) => candidate.fullName === fullName)?.decl;
  return message ? messageBody(message) : undefined;
}
