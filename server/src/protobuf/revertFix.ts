// "Revert to the base value" for a changed field or enum value: rebuilt from a finding's fixData and the head text as it
// is now, by finding the declaration again (message full name and number) and putting the base text back. Pure: edits only.
import type { Fix, TextEdit } from '../engine/edit';
import type { FixData } from '../engine/finding';
import { LineIndex, type Range } from '../engine/range';
import type { FieldDecl } from './ast';
import { isExtension } from './pairs';
import type { ProtoField, ProtoMessage } from './model';
import type { FixContext } from './rules/rule';

export const REVERT_TITLE = 'Revert to the base value';

/** What a revert puts back: the type, the label with the type (a map has no label), name or label as written, a json_name value, a `default = …` option text ('' = none). */
export type RevertPart = 'type' | 'labelAndType' | 'name' | 'label' | 'jsonName' | 'default';

export function revertFieldData(message: ProtoMessage, field: ProtoField, part: RevertPart, text: string): FixData | undefined {
  // Extensions are not found again by message and number, so they get no revert.
  if (!field.decl || isExtension(field)) return undefined;
  return { kind: 'revert', message: message.fullName, number: field.number, part, text };
}

export function revertEnumValueData(enumFullName: string, headName: string, number: number, text: string): FixData {
  return { kind: 'revertEnumValue', enum: enumFullName, name: headName, number, text };
}

export function revertFix({ finding, head }: FixContext): Fix[] {
  const data = finding.fixData;
  if (!data || typeof data.text !== 'string' || typeof data.number !== 'number') return [];
  const lines = new LineIndex(head.text);
  let edit: TextEdit | undefined;
  if (data.kind === 'revertEnumValue') {
    const value = head.enums
      .find((item) => item.fullName === data.enum)
      ?.decl.values.find((candidate) => candidate.name === data.name && candidate.number === data.number);
    if (value) edit = { range: value.nameRange, newText: data.text };
  } else if (data.kind === 'revert') {
    const field = head.messages.find((message) => message.fullName === data.message)?.fieldsByNumber.get(data.number)?.decl;
    if (field) edit = fieldEdit(head.text, lines, field, data.part as RevertPart, data.text);
  }
  if (!edit) return [];
  return [{ title: REVERT_TITLE, changes: [{ file: finding.file, edits: [edit] }], isPreferred: true }];
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
    const range: Range = index === 0
      ? { start: option.range.start, end: options[1].range.start }
      : { start: options[index - 1].range.end, end: option.range.end };
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
