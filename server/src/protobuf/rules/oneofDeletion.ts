// A deleted oneof breaks generated code that switches on it and JSON readers that expect at most one of its fields.
// proto3 `optional` makes synthetic oneofs; buf leaves those to the presence rules.
import { restoreOneofFix } from '../fixes/restore';
import { eachMessagePair } from '../pairs';
import { fieldNumbered } from '../model';
import { declarationText } from './messageDeletion';
import { breakingRule } from './rule';

export const oneofNoDelete = breakingRule({
  id: 'ONEOF_NO_DELETE',
  summary: 'A oneof present at the base is missing from its message at head',
  check(pairs, report) {
    eachMessagePair(pairs, report, ({ base, head }, report) => {
      const names = new Set(head.oneofs.map((oneof) => oneof.name));
      for (const oneof of base.oneofs) {
        if (oneof.isSynthetic || names.has(oneof.name)) continue;
        const decl = base.decl?.oneofs.find((candidate) => candidate.name === oneof.name);
        const numbers = decl?.fields.map((field) => field.number) ?? [];
        // Restoring the oneof would clash with its fields if they still stand in the message outside it.
        const clashes = numbers.some((number) => number !== undefined && fieldNumbered(head, number) !== undefined);
        const index = decl && base.decl ? base.decl.members.indexOf(decl) : -1;
        const previous = index > 0 ? base.decl?.members[index - 1] : undefined;
        report.finding({
          file: head.file,
          range: head.range,
          message: `Previously present oneof "${oneof.name}" on message "${head.name}" was deleted.`,
          base: { file: base.file.path, range: decl?.range ?? base.range },
          fixData:
            decl && !clashes
              ? {
                  fix: 'deletedOneof',
                  message: head.fullName,
                  name: oneof.name,
                  after: previous && 'name' in previous && 'number' in previous ? previous.name : null,
                  isFirst: index === 0,
                  text: declarationText(base.file.text, decl.leadingOffset, decl.endOffset),
                }
              : undefined,
        });
      }
    });
  },
  fixes: (context) => restoreOneofFix(context),
});
