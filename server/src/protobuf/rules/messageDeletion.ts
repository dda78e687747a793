// A message deleted from a file breaks code generated from that file, even when the message moved to another file
// of the same package (buf: MESSAGE_NO_DELETE under FILE, nothing under PACKAGE).
import { START_OF_FILE } from '../../engine/range';
import type { ProtoMessage } from '../model';
import { survivingAncestor } from '../declarations';
import { eachFilePair, guardedReport, messagesOfFile } from '../pairs';
import { restoreMessageFix } from '../fixes/restore';
import { breakingRule } from './rule';

export const messageNoDelete = breakingRule({
  id: 'MESSAGE_NO_DELETE',
  summary: 'A message present at the base is missing from its file at head',
  check(pairs, report) {
    // A deleted file yields FILE_NO_DELETE alone.
    eachFilePair(pairs, report, ({ base, head }, fileReport) => {
      // Within a file buf matches messages by their name inside the package: a changed package is FILE_SAME_PACKAGE's, not a deletion.
      let headMessages: Map<string, ProtoMessage> | undefined;
      for (const message of base.messages) {
        // An unchanged message (pairs.ts) is at head in this file under the same name.
        if (pairs.unchanged.messages.has(message)) continue;
        headMessages ??= new Map([...messagesOfFile(head).values()].map((message) => [message.nestedName, message]));
        if (headMessages.has(message.nestedName)) continue;
        // buf points at the innermost enclosing message still in the file (map entries and groups included), else at
        // 1:1: a message deleted with its parent is reported on the nearest surviving ancestor (issue 11).
        const ancestor = survivingAncestor(headMessages, message.nestedName);
        const report = guardedReport(fileReport, head, () => ancestor?.isDamaged ?? false);
        const previous = previousSibling(message);
        report.finding({
          file: head,
          range: ancestor ? ancestor.range : START_OF_FILE,
          message: `Previously present message "${message.nestedName}" was deleted from file.`,
          base: { file: base.path, range: message.range },
          // A message that moved to another file of the package cannot be restored here: its name would be declared twice.
          fixData:
            message.decl && !message.isMapEntry && !isGroup(message) && pairs.head.table.kindOf(message.fullName) === undefined
              ? {
                  fix: 'deletedMessage',
                  name: message.nestedName,
                  parent: message.parent?.fullName ?? null,
                  after: previous ?? null,
                  text: declarationText(base.text, message.decl.leadingOffset, message.decl.endOffset),
                }
              : undefined,
        });
      }
    });
  },
  fixes: (context) => restoreMessageFix(context),
});

function isGroup(message: ProtoMessage): boolean {
  return message.parent?.decl?.fields.some((field) => field.group === message.decl) ?? false;
}

/** The full name of the message declared just before this one in the same scope at the base. */
function previousSibling(message: ProtoMessage): string | undefined {
  const siblings = message.parent ? message.parent.decl?.messages : message.file.ast.messages;
  if (!siblings || !message.decl) return undefined;
  const index = siblings.indexOf(message.decl);
  if (index <= 0) return undefined;
  const prefix = message.parent ? message.parent.fullName : message.file.packageName;
  return prefix ? `${prefix}.${siblings[index - 1].name}` : siblings[index - 1].name;
}

/** The declaration with its leading comments, each line relative to the declaration's own indentation. */
export function declarationText(text: string, startOffset: number, endOffset: number): string {
  const lineStart = text.lastIndexOf('\n', startOffset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, startOffset))?.[0] ?? '';
  const body = text.slice(startOffset, endOffset);
  return body
    .split(/\r?\n/)
    .map((line, index) => (index > 0 && line.startsWith(indent) ? line.slice(indent.length) : index > 0 ? line.trimStart() : line))
    .join('\n');
}
