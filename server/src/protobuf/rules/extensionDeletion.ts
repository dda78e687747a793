// A deleted extension breaks code that sets or reads it; a shrunk extension range breaks the files that extend
// the message with numbers no longer allowed.
import { START_OF_FILE } from '../../engine/range';
import { couldBeHidden, extensionsOf, messagesByNestedName, survivingAncestor } from '../declarations';
import { restoreExtensionFix, restoreTagRangeFix } from '../fixes/restore';
import { messageOfDecl } from '../model';
import { declarationText } from './messageDeletion';
import { eachFilePair, eachMessagePair, guardedReport } from '../pairs';
import { breakingRule } from './rule';
import { messageOwner, reportMissingRanges } from './reservedDeletion';

export const extensionNoDelete = breakingRule({
  id: 'EXTENSION_NO_DELETE',
  summary: 'An extension present at the base is missing from its file at head',
  check(pairs, report) {
    eachFilePair(pairs, report, ({ base, head }, fileReport) => {
      const names = new Set(extensionsOf(head).map((extension) => extension.nestedName));
      let headMessages: ReturnType<typeof messagesByNestedName> | undefined;
      for (const extension of extensionsOf(base)) {
        if (names.has(extension.nestedName)) continue;
        headMessages ??= messagesByNestedName([head]);
        const report = guardedReport(fileReport, head, () => couldBeHidden(head, extension.nestedName));
        const ancestor = survivingAncestor(headMessages, extension.nestedName);
        const scope = extension.nestedName.includes('.') ? ((extension.scope && messageOfDecl(base, extension.scope)?.fullName) ?? null) : null;
        report.finding({
          file: head,
          range: ancestor ? ancestor.range : START_OF_FILE,
          message: `Previously present extension "${extension.nestedName}" was deleted from file.`,
          base: { file: base.path, range: extension.decl.range },
          // Restoring next to an extension that took the same number of the same message does not compile.
          fixData: extensionsOf(head).some((other) => other.decl.number === extension.decl.number && other.extend.extendee === extension.extend.extendee)
            ? undefined
            : {
                fix: 'deletedExtension',
                name: extension.nestedName,
                scope,
                extendee: extension.extend.extendee,
                text: declarationText(base.text, extension.decl.leadingOffset, extension.decl.endOffset),
              },
        });
      }
    });
  },
  fixes: (context) => restoreExtensionFix(context),
});

export const extensionMessageNoDelete = breakingRule({
  id: 'EXTENSION_MESSAGE_NO_DELETE',
  summary: 'Extension numbers a message accepted at the base are no longer in its extension ranges at head',
  check(pairs, report) {
    eachMessagePair(pairs, report, ({ base, head }, report) => {
      reportMissingRanges(report, 'extension', { ...messageOwner({ base, head }), base: base.extensionRanges, head: head.extensionRanges });
    });
  },
  fixes: (context) => restoreTagRangeFix(context),
});
