// "Revert to the base value" for changed options, packages, rpc streaming and rpc types: edits computed from a finding's
// fixData and the head text as it is now. Pure: they return edits, never apply them.
import type { Fix, TextEdit } from '../engine/edit';
import { LineIndex, type Position, type Range } from '../engine/range';
import type { CompactOption, FieldDecl, OptionDecl, RpcDecl } from './ast';
import type { ProtoFile } from './model';
import { compactOption, statementOption } from './options';
import type { FixContext } from './rules/rule';

export const REVERT_TITLE = 'Revert to the base value';

function fixOf(finding: FixContext['finding'], edits: TextEdit[]): Fix[] {
  return edits.length === 0 ? [] : [{ title: REVERT_TITLE, changes: [{ file: finding.file, edits }], isPreferred: true }];
}

/** Replaces the head statement with the base one, deletes it when the base had none, or inserts the base one. */
function revertStatement(head: ProtoFile, current: Range | undefined, baseText: string | null, insertAfter: Range | undefined, indent: string): TextEdit[] {
  const lines = new LineIndex(head.text);
  if (current && baseText !== null) return [{ range: current, newText: baseText }];
  if (current) return [deleteLine(lines, current)];
  if (baseText === null) return [];
  if (insertAfter) {
    const at: Position = { line: insertAfter.end.line, character: lines.lineText(insertAfter.end.line).length };
    return [{ range: { start: at, end: at }, newText: `\n${indent}${baseText}` }];
  }
  const start: Position = { line: 0, character: 0 };
  return [{ range: { start, end: start }, newText: `${baseText}\n` }];
}

/** Removes a statement; the whole line when nothing else is on it. */
function deleteLine(lines: LineIndex, range: Range): TextEdit {
  const before = lines.lineText(range.start.line).slice(0, range.start.character);
  const after = lines.lineText(range.end.line).slice(range.end.character);
  if (/^\s*$/.test(before) && /^\s*$/.test(after) && range.end.line + 1 < lines.lineCount) {
    return { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' };
  }
  return { range, newText: '' };
}

function lastOf<T extends { range: Range }>(items: readonly (T | undefined)[]): Range | undefined {
  let last: Range | undefined;
  for (const item of items) if (item && (!last || item.range.end.line > last.end.line)) last = item.range;
  return last;
}

export function revertFileOptionFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'fileOption' || typeof data.option !== 'string') return [];
  const baseText = typeof data.baseText === 'string' ? data.baseText : null;
  const current = statementOption(head.ast.options, data.option);
  const syntax = head.ast.syntax.range ? { range: head.ast.syntax.range } : undefined;
  const packageDecl = head.ast.packageRange ? { range: head.ast.packageRange } : undefined;
  const anchor = lastOf([syntax, packageDecl, ...head.ast.imports, ...head.ast.options]);
  return fixOf(finding, revertStatement(head, current?.range, baseText, anchor, ''));
}

export function revertPackageFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'package') return [];
  const baseText = typeof data.baseText === 'string' ? data.baseText : null;
  return fixOf(finding, revertStatement(head, head.ast.packageRange, baseText, head.ast.syntax.range, ''));
}

function findRpc(head: ProtoFile, service: unknown, rpc: unknown): RpcDecl | undefined {
  const prefix = head.packageName ? head.packageName + '.' : '';
  const decl = head.services.find((candidate) => prefix + candidate.name === service);
  return decl?.rpcs.find((candidate) => candidate.name === rpc);
}

export function revertRpcFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'rpc') return [];
  const rpc = findRpc(head, data.service, data.rpc);
  if (!rpc) return [];
  const lines = new LineIndex(head.text);
  const isRequest = data.side === 'request';
  const typeRange = isRequest ? rpc.requestTypeRange : rpc.responseTypeRange;
  if (typeof data.type === 'string') return fixOf(finding, [{ range: typeRange, newText: data.type }]);
  if (typeof data.streaming !== 'boolean') return [];
  const isStreaming = isRequest ? rpc.requestStreaming : rpc.responseStreaming;
  if (isStreaming === data.streaming) return [];
  const typeOffset = lines.offsetAt(typeRange.start);
  if (data.streaming) return fixOf(finding, [{ range: { start: typeRange.start, end: typeRange.start }, newText: 'stream ' }]);
  const keyword = /stream\s+$/.exec(head.text.slice(Math.max(0, typeOffset - 64), typeOffset));
  if (!keyword) return [];
  return fixOf(finding, [{ range: { start: lines.positionAt(typeOffset - keyword[0].length), end: typeRange.start }, newText: '' }]);
}

export function revertRpcOptionFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'rpcOption' || typeof data.option !== 'string') return [];
  const rpc = findRpc(head, data.service, data.rpc);
  if (!rpc) return [];
  const baseText = typeof data.baseText === 'string' ? data.baseText : null;
  const current = statementOption(rpc.options, data.option);
  const lines = new LineIndex(head.text);
  if (current || baseText === null) return fixOf(finding, revertStatement(head, current?.range, baseText, undefined, ''));
  const body = head.text.slice(rpc.startOffset, rpc.endOffset);
  if (body.endsWith(';')) {
    const semicolon = lines.positionAt(rpc.endOffset - 1);
    return fixOf(finding, [{ range: { start: semicolon, end: lines.positionAt(rpc.endOffset) }, newText: ` { ${baseText} }` }]);
  }
  const brace = lines.positionAt(rpc.endOffset - 1);
  return fixOf(finding, [{ range: { start: brace, end: brace }, newText: ` ${baseText} ` }]);
}

export function removeMessageOptionFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'messageOption' || typeof data.option !== 'string') return [];
  const message = head.messages.find((candidate) => candidate.fullName === data.message)?.decl;
  const current = message ? statementOption(message.options, data.option) : undefined;
  if (!current) return [];
  return fixOf(finding, [deleteLine(new LineIndex(head.text), current.range)]);
}

function findField(head: ProtoFile, data: Record<string, unknown>): FieldDecl | undefined {
  if (typeof data.extension === 'string') {
    const all = [...head.ast.extends, ...head.ast.messages.flatMap(function nested(m): typeof head.ast.extends { return [...m.extends, ...m.messages.flatMap(nested)]; })];
    return all.flatMap((extend) => extend.fields).find((field) => field.number === data.number && field.name === data.extension);
  }
  const message = head.messages.find((candidate) => candidate.fullName === data.message)?.decl;
  return message?.fields.find((field) => field.number === data.number);
}

/** Sets, replaces or removes one `[name = value]` option of a field so that it reads as at the base. */
export function revertFieldOptionFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (data?.kind !== 'fieldOption' || typeof data.option !== 'string') return [];
  const field = findField(head, data);
  if (!field) return [];
  const baseValue = typeof data.baseValue === 'string' ? data.baseValue : null;
  const current = compactOption(field.options, data.option);
  const lines = new LineIndex(head.text);
  if (current && baseValue !== null) return fixOf(finding, [{ range: current.range, newText: `${data.option} = ${baseValue}` }]);
  if (current) return fixOf(finding, [removeCompactOption(head.text, lines, field, current)]);
  if (baseValue === null) return [];
  const setting = `${data.option} = ${baseValue}`;
  const last = field.options[field.options.length - 1];
  if (last) return fixOf(finding, [{ range: { start: last.range.end, end: last.range.end }, newText: `, ${setting}` }]);
  const semicolon = lines.positionAt(field.endOffset - 1);
  if (head.text[field.endOffset - 1] !== ';') return [];
  return fixOf(finding, [{ range: { start: semicolon, end: semicolon }, newText: ` [${setting}]` }]);
}

function removeCompactOption(text: string, lines: LineIndex, field: FieldDecl, option: CompactOption): TextEdit {
  const index = field.options.indexOf(option);
  if (field.options.length === 1) {
    const start = lines.offsetAt(option.range.start);
    const open = text.lastIndexOf('[', start);
    const close = text.indexOf(']', lines.offsetAt(option.range.end));
    let from = open;
    while (from > 0 && /[ \t]/.test(text[from - 1])) from--;
    return { range: { start: lines.positionAt(from), end: lines.positionAt(close + 1) }, newText: '' };
  }
  if (index > 0) return { range: { start: field.options[index - 1].range.end, end: option.range.end }, newText: '' };
  return { range: { start: option.range.start, end: field.options[1].range.start }, newText: '' };
}

export function optionStatementText(text: string, option: OptionDecl): string {
  return text.slice(option.startOffset, option.endOffset);
}
