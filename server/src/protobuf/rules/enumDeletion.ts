// A deleted enum breaks code generated from its file that names it, even if the enum moved to another file
// of the same package (buf: ENUM_NO_DELETE under FILE).
import { START_OF_FILE } from '../../engine/range';
import { couldBeHidden, enumsByNestedName, messagesByNestedName, survivingAncestor } from '../declarations';
import { restoreEnumFix } from '../fixes/restore';
import { declarationText } from './messageDeletion';
import { eachFilePair, guardedReport } from '../pairs';
import { breakingRule } from './rule';

export const enumNoDelete = breakingRule({
  id: 'ENUM_NO_DELETE',
  summary: 'An enum present at the base is missing from its file at head',
  check(pairs, report) {
    // A deleted file yields FILE_NO_DELETE alone.
    eachFilePair(pairs, report, ({ base, head }, fileReport) => {
      let headEnums: ReturnType<typeof enumsByNestedName> | undefined;
      let headMessages: ReturnType<typeof messagesByNestedName> | undefined;
      for (const item of base.enums) {
        // An unchanged enum (pairs.ts) is at head in this file under the same name.
        if (pairs.unchanged.enums.has(item)) continue;
        headEnums ??= enumsByNestedName(head);
        if (headEnums.has(item.nestedName)) continue;
        headMessages ??= messagesByNestedName([head]);
        const report = guardedReport(fileReport, head, () => couldBeHidden(head, item.nestedName));
        // buf points at the innermost enclosing message still in the file, else at 1:1.
        const ancestor = survivingAncestor(headMessages, item.nestedName);
        const parent = item.parent;
        report.finding({
          file: head,
          range: ancestor ? ancestor.range : START_OF_FILE,
          message: `Previously present enum "${item.nestedName}" was deleted from file.`,
          base: { file: base.path, range: item.decl.range },
          // An enum that moved to another file of the package cannot be restored here: its name would be declared twice.
          fixData:
            pairs.head.table.kindOf(item.fullName) !== undefined
              ? undefined
              : {
                  fix: 'deletedEnum',
                  name: item.nestedName,
                  parent: parent?.fullName ?? null,
                  after: previousSiblingName(parent?.decl?.enums ?? base.ast.enums, item.decl) ?? null,
                  text: declarationText(base.text, item.decl.leadingOffset, item.decl.endOffset),
                },
        });
      }
    });
  },
  fixes: (context) => restoreEnumFix(context),
});

/** The name of the declaration just before `decl` among its siblings, if any. */
export function previousSiblingName<T extends { name: string }>(siblings: readonly T[], decl: T): string | undefined {
  const index = siblings.indexOf(decl);
  return index > 0 ? siblings[index - 1].name : undefined;
}
