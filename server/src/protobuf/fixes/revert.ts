// "Revert to the base value" for a changed declaration: its type, label, name, json_name or default, an enum value's
// name, a file option or package statement, an rpc's streaming, types or options, a field option. Each fix finds the
// declaration again in the current head text (by full name and number) and puts the base text back. Pure: edits only.
import type { Fix, TextEdit } from '../../engine/edit';
import { lineIndexOf, type LineIndex, type Position, type Range } from '../../engine/range';
import type { CompactOption, FieldDecl, OptionDecl, RpcDecl } from '../ast';
import { fieldNumbered, messageNamed, type ProtoField, type ProtoFile, type ProtoMessage } from '../model';
import { compactOption, statementOption } from '../options';
import { isExtension } from '../pairs';
import type { FixContext } from '../rules/rule';
import { fixDataOf, type RevertFixData, type RevertPart } from './data';
import { deleteLine, revertFixOf } from './edits';

export function revertFieldData(message: ProtoMessage, field: ProtoField, part: RevertPart, text: string): RevertFixData | undefined {
  // Extensions are not found again by message and number, so they get no revert.
  if (!field.decl || isExtension(field)) return undefined;
  return { fix: 'changedField', message: message.fullName, number: field.number, part, text };
}

export function revertEnumValueData(enumFullName: string, headName: string, number: number, text: string): RevertFixData {
  return { fix: 'changedEnumValue', enum: enumFullName, name: headName, number, text };
}

/** Reverts a field part (changedField) or an enum value's name (changedEnumValue). */
export function revertFix({ finding, head }: FixContext): Fix[] {
  const lines = lineIndexOf(head.text);
  let edit: TextEdit | undefined;
  const value = fixDataOf(finding, 'changedEnumValue');
  const field = fixDataOf(finding, 'changedField');
  if (value) {
    const decl = head.enums
      .find((item) => item.fullName === value.enum)
      ?.decl.values.find((candidate) => candidate.name === value.name && candidate.number === value.number);
    if (decl) edit = { range: decl.nameRange, newText: value.text };
  } else if (field) {
    const message = messageNamed(head, field.message);
    const decl = message && fieldNumbered(message, field.number)?.decl;
    if (decl) edit = fieldEdit(head.text, lines, decl, field.part, field.text);
  }
  return edit ? revertFixOf(finding.file, [edit]) : [];
}

function fieldEdit(text: string, lines: LineIndex, field: FieldDecl, part: RevertPart, value: string): TextEdit | undefined {
  switch (part) {
    case 'type':
      return { range: field.typeRange, newText: value };
    case 'labelAndType':
      return { range: { start: lines.positionAt(field.startOffset), end: field.typeRange.end }, newText: value };
    case 'name':
      return { range: field.nameRange, newText: value };
    case 'label': {
      const start = lines.positionAt(field.startOffset);
      if (field.label) {
        const labelEnd = field.startOffset + field.label.length;
        const afterSpace = value === '' ? labelEnd + (/^\s*/.exec(text.slice(labelEnd))?.[0].length ?? 0) : labelEnd;
        return { range: { start, end: lines.positionAt(afterSpace) }, newText: value };
      }
      return value === '' ? undefined : { range: { start, end: start }, newText: `${value} ` };
    }
    case 'jsonName':
      return setOption(text, lines, field, 'json_name', value === '' ? '' : `json_name = ${quote(value)}`);
    case 'default':
      return setOption(text, lines, field, 'default', value);
  }
}

/** Replaces, removes ('' as text) or adds the compact option `name` of a field. */
function setOption(text: string, lines: LineIndex, field: FieldDecl, name: string, optionText: string): TextEdit | undefined {
  const index = field.options.findIndex((option) => option.name === name);
  const options = field.options;
  if (index >= 0) {
    const option = options[index];
    if (optionText !== '') return { range: option.range, newText: optionText };
    if (options.length === 1) {
      const from = lines.offsetAt(field.numberRange?.end ?? option.range.start);
      const close = text.indexOf(']', lines.offsetAt(option.range.end));
      if (close < 0 || close > field.endOffset) return undefined;
      return { range: { start: lines.positionAt(from), end: lines.positionAt(close + 1) }, newText: '' };
    }
    const range: Range =
      index === 0 ? { start: option.range.start, end: options[1].range.start } : { start: options[index - 1].range.end, end: option.range.end };
    return { range, newText: '' };
  }
  if (optionText === '') return undefined;
  if (options.length > 0) return { range: { start: options[0].range.start, end: options[0].range.start }, newText: `${optionText}, ` };
  if (!field.numberRange) return undefined;
  return { range: { start: field.numberRange.end, end: field.numberRange.end }, newText: ` [${optionText}]` };
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Replaces the head statement with the base one, deletes it when the base had none, or inserts the base one. */
function revertStatement(head: ProtoFile, current: Range | undefined, baseText: string | null, insertAfter: Range | undefined, indent: string): TextEdit[] {
  const lines = lineIndexOf(head.text);
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

function lastOf<T extends { range: Range }>(items: readonly (T | undefined)[]): Range | undefined {
  let last: Range | undefined;
  for (const item of items) if (item && (!last || item.range.end.line > last.end.line)) last = item.range;
  return last;
}

export function revertFileOptionFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'changedFileOption');
  if (!data) return [];
  const baseText = data.baseText;
  const current = statementOption(head.ast.options, data.option);
  const syntax = head.ast.syntax.range ? { range: head.ast.syntax.range } : undefined;
  const packageDecl = head.ast.packageRange ? { range: head.ast.packageRange } : undefined;
  const anchor = lastOf([syntax, packageDecl, ...head.ast.imports, ...head.ast.options]);
  return revertFixOf(finding.file, revertStatement(head, current?.range, baseText, anchor, ''));
}

export function revertPackageFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'changedPackage');
  if (!data) return [];
  return revertFixOf(finding.file, revertStatement(head, head.ast.packageRange, data.baseText, head.ast.syntax.range, ''));
}

function findRpc(head: ProtoFile, service: string, rpc: string): RpcDecl | undefined {
  const prefix = head.packageName ? head.packageName + '.' : '';
  const decl = head.services.find((candidate) => prefix + candidate.name === service);
  return decl?.rpcs.find((candidate) => candidate.name === rpc);
}

export function revertRpcFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'changedRpcType') ?? fixDataOf(finding, 'changedRpcStreaming');
  if (!data) return [];
  const rpc = findRpc(head, data.service, data.rpc);
  if (!rpc) return [];
  const lines = lineIndexOf(head.text);
  const isRequest = data.side === 'request';
  const typeRange = isRequest ? rpc.requestTypeRange : rpc.responseTypeRange;
  if (data.fix === 'changedRpcType') return revertFixOf(finding.file, [{ range: typeRange, newText: data.type }]);
  const isStreaming = isRequest ? rpc.requestStreaming : rpc.responseStreaming;
  if (isStreaming === data.streaming) return [];
  const typeOffset = lines.offsetAt(typeRange.start);
  if (data.streaming) return revertFixOf(finding.file, [{ range: { start: typeRange.start, end: typeRange.start }, newText: 'stream ' }]);
  const keyword = /stream\s+$/.exec(head.text.slice(Math.max(0, typeOffset - 64), typeOffset));
  if (!keyword) return [];
  return revertFixOf(finding.file, [{ range: { start: lines.positionAt(typeOffset - keyword[0].length), end: typeRange.start }, newText: '' }]);
}

export function revertRpcOptionFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'changedRpcOption');
  if (!data) return [];
  const rpc = findRpc(head, data.service, data.rpc);
  if (!rpc) return [];
  const baseText = data.baseText;
  const current = statementOption(rpc.options, data.option);
  const lines = lineIndexOf(head.text);
  if (current || baseText === null) return revertFixOf(finding.file, revertStatement(head, current?.range, baseText, undefined, ''));
  const body = head.text.slice(rpc.startOffset, rpc.endOffset);
  if (body.endsWith(';')) {
    const semicolon = lines.positionAt(rpc.endOffset - 1);
    return revertFixOf(finding.file, [{ range: { start: semicolon, end: lines.positionAt(rpc.endOffset) }, newText: ` { ${baseText} }` }]);
  }
  const brace = lines.positionAt(rpc.endOffset - 1);
  return revertFixOf(finding.file, [{ range: { start: brace, end: brace }, newText: ` ${baseText} ` }]);
}

export function removeMessageOptionFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'addedMessageOption');
  if (!data) return [];
  const message = messageNamed(head, data.message)?.decl;
  const current = message ? statementOption(message.options, data.option) : undefined;
  if (!current) return [];
  return revertFixOf(finding.file, [deleteLine(lineIndexOf(head.text), current.range)]);
}

function findField(head: ProtoFile, data: Extract<RevertFixData, { fix: 'changedFieldOption' }>): FieldDecl | undefined {
  if ('extension' in data) {
    const all = [
      ...head.ast.extends,
      ...head.ast.messages.flatMap(function nested(m): typeof head.ast.extends {
        return [...m.extends, ...m.messages.flatMap(nested)];
      }),
    ];
    return all.flatMap((extend) => extend.fields).find((field) => field.number === data.number && field.name === data.extension);
  }
  const message = messageNamed(head, data.message)?.decl;
  return message?.fields.find((field) => field.number === data.number);
}

/** Sets, replaces or removes one `[name = value]` option of a field so that it reads as at the base. */
export function revertFieldOptionFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'changedFieldOption');
  if (!data) return [];
  const field = findField(head, data);
  if (!field) return [];
  const baseValue = data.baseValue;
  const current = compactOption(field.options, data.option);
  const lines = lineIndexOf(head.text);
  if (current && baseValue !== null) return revertFixOf(finding.file, [{ range: current.range, newText: `${data.option} = ${baseValue}` }]);
  if (current) return revertFixOf(finding.file, [removeCompactOption(head.text, lines, field, current)]);
  if (baseValue === null) return [];
  const setting = `${data.option} = ${baseValue}`;
  const last = field.options[field.options.length - 1];
  if (last) return revertFixOf(finding.file, [{ range: { start: last.range.end, end: last.range.end }, newText: `, ${setting}` }]);
  const semicolon = lines.positionAt(field.endOffset - 1);
  if (head.text[field.endOffset - 1] !== ';') return [];
  return revertFixOf(finding.file, [{ range: { start: semicolon, end: semicolon }, newText: ` [${setting}]` }]);
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
