// "Restore … from the base" for a deleted declaration: its base text (with its comments) goes back where it stood,
// after its base predecessor when that is still there. Rebuilt from the finding's fix data and the current head text.
import type { Fix } from '../../engine/edit';
import { extensionsOf } from '../declarations';
import type { FixContext } from '../rules/rule';
import { fixDataOf } from './data';
import { bodyOf, enumBody, enumNamed, insertAfter, insertLast, insertLines, insertTopLevel, lastEnd, messageBody, singleEditFix, type Body } from './edits';
import { messageNamed } from '../model';

export function restoreFieldFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedField');
  if (!data || data.text === null) return [];
  const message = messageNamed(head, data.message)?.decl;
  if (!message) return [];
  const previous = data.after !== null ? message.fields.find((field) => field.name === data.after) : undefined;
  const edit = insertAfter(head.text, messageBody(message), previous, data.isFirst, data.text);
  return singleEditFix(`Restore field "${data.name}" = ${data.number} from the base`, finding.file, edit);
}

export function restoreMessageFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedMessage');
  if (!data) return [];
  const title = `Restore message "${data.name}" from the base`;
  if (data.parent !== null) {
    const parent = messageNamed(head, data.parent)?.decl;
    if (!parent) return [];
    const previous = data.after !== null ? parent.messages.find((message) => `${data.parent}.${message.name}` === data.after) : undefined;
    return singleEditFix(title, finding.file, insertAfter(head.text, messageBody(parent), previous, false, data.text));
  }
  const prefix = head.packageName ? head.packageName + '.' : '';
  const previous = data.after !== null ? head.ast.messages.find((message) => prefix + message.name === data.after) : undefined;
  return singleEditFix(title, finding.file, insertTopLevel(head.text, previous, data.text));
}

export function restoreEnumFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedEnum');
  if (!data?.text) return [];
  const title = `Restore enum "${data.name}" from the base`;
  const simpleName = data.name.split('.').pop();
  if (data.parent) {
    const parent = messageNamed(head, data.parent)?.decl;
    if (!parent) return [];
    const previous = data.after ? parent.enums.find((item) => item.name === data.after) : undefined;
    if (parent.enums.some((item) => item.name === simpleName)) return [];
    return singleEditFix(title, finding.file, insertAfter(head.text, messageBody(parent), previous, false, data.text));
  }
  const previous = data.after ? head.ast.enums.find((item) => item.name === data.after) : undefined;
  return singleEditFix(title, finding.file, insertTopLevel(head.text, previous, data.text));
}

export function restoreServiceFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedService');
  if (!data?.text) return [];
  const previous = data.after ? head.services.find((item) => item.name === data.after) : undefined;
  return singleEditFix(`Restore service "${data.name}" from the base`, finding.file, insertTopLevel(head.text, previous, data.text));
}

export function restoreRpcFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedRpc');
  if (!data?.text) return [];
  const prefix = head.packageName ? head.packageName + '.' : '';
  const service = head.services.find((item) => prefix + item.name === data.service);
  if (!service) return [];
  const previous = data.after ? service.rpcs.find((rpc) => rpc.name === data.after) : undefined;
  const body = bodyOf(head, service, [...service.rpcs, ...service.options]);
  return singleEditFix(`Restore rpc "${data.name}" from the base`, finding.file, insertAfter(head.text, body, previous, data.isFirst, data.text));
}

export function restoreExtensionFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedExtension');
  if (!data?.text || !data.extendee) return [];
  const { text, extendee } = data;
  const title = `Restore extension "${data.name}" from the base`;
  const scope = data.scope ? messageNamed(head, data.scope)?.decl : undefined;
  if (data.scope && !scope) return [];
  // Into an `extend` block of the same extendee in the same scope when there is one, else a new block.
  const existing = extensionsOf(head).find((extension) => extension.scope === scope && extension.extend.extendee === extendee)?.extend;
  if (existing) {
    const body: Body = { startOffset: existing.startOffset, openOffset: head.text.indexOf('{', existing.startOffset), members: existing.fields };
    return singleEditFix(title, finding.file, insertLines(head.text, body, lastEnd(existing.fields) ?? body.openOffset + 1, text));
  }
  const block = `extend ${extendee} {\n${text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : '  ' + line))
    .join('\n')}\n}`;
  if (scope) return singleEditFix(title, finding.file, insertLast(head.text, messageBody(scope), block));
  return singleEditFix(title, finding.file, insertTopLevel(head.text, undefined, block));
}

export function restoreOneofFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedOneof');
  if (!data?.text) return [];
  const message = messageNamed(head, data.message)?.decl;
  if (!message) return [];
  const previous = data.after ? message.fields.find((field) => field.name === data.after) : undefined;
  return singleEditFix(
    `Restore oneof "${data.name}" from the base`,
    finding.file,
    insertAfter(head.text, messageBody(message), previous, data.isFirst, data.text),
  );
}

export function restoreEnumValueFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedEnumValue');
  if (!data?.text) return [];
  const item = enumNamed(head, data.enum);
  const body = enumBody(head, data.enum);
  if (!item || !body) return [];
  const previous = data.after ? item.values.find((value) => value.name === data.after) : undefined;
  const names = data.names.split(',');
  return singleEditFix(
    `Restore enum value "${names[0]}" = ${data.number} from the base`,
    finding.file,
    insertAfter(head.text, body, previous, data.isFirst, data.text),
  );
}

export function restoreTagRangeFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedTagRange');
  if (!data?.missing) return [];
  const body = ownerBody(head, data.owner, data.ownerName);
  if (!body) return [];
  const noun = data.keyword === 'reserved' ? 'reserved range' : 'extension range';
  return singleEditFix(`Restore ${noun} "${data.label}" from the base`, finding.file, insertLast(head.text, body, `${data.keyword} ${data.missing};`));
}

export function restoreReservedNameFix({ finding, head }: FixContext): Fix[] {
  const data = fixDataOf(finding, 'deletedReservedName');
  if (!data?.name) return [];
  const body = ownerBody(head, data.owner, data.ownerName);
  if (!body) return [];
  const written = head.ast.syntax.syntax === 'editions' ? data.name : `"${data.name}"`;
  return singleEditFix(`Restore reserved name "${data.name}" from the base`, finding.file, insertLast(head.text, body, `reserved ${written};`));
}

function ownerBody(head: FixContext['head'], owner: 'message' | 'enum', fullName: string): Body | undefined {
  if (owner === 'enum') return enumBody(head, fullName);
  const message = messageNamed(head, fullName)?.decl;
  return message ? messageBody(message) : undefined;
}
