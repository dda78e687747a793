// A file's package names every type in it, and its syntax decides presence, enum openness and UTF-8 validation:
// changing either changes the wire or the generated code of everything the file declares.
import { START_OF_FILE } from '../../engine/range';
import type { ProtoFile } from '../model';
import { goQuote } from '../options';
import { revertPackageFix } from '../fixes/revert';
import { eachFilePair } from '../pairs';
import { breakingRule } from './rule';

export const fileSamePackage = breakingRule({
  id: 'FILE_SAME_PACKAGE',
  summary: 'A file declares a different package at head',
  check(pairs, report) {
    // A half-typed statement (`package acme.`) parses as something else: the guard says it was not compared.
    eachFilePair(pairs, report, ({ base, head }, report) => {
      if (base.packageName === head.packageName) return;
      const baseRange = base.ast.packageRange;
      report.finding({
        file: head,
        range: head.ast.packageRange ?? START_OF_FILE,
        message: `File package changed from ${goQuote(base.packageName)} to ${goQuote(head.packageName)}.`,
        base: { file: base.path, range: baseRange ?? START_OF_FILE },
        fixData: { fix: 'changedPackage', baseText: baseRange ? statementText(base, baseRange) : null },
      });
    });
  },
  fixes: revertPackageFix,
});

export const fileSameSyntax = breakingRule({
  id: 'FILE_SAME_SYNTAX',
  summary: 'A file declares a different syntax at head (proto2, proto3 or editions)',
  check(pairs, report) {
    eachFilePair(pairs, report, ({ base, head }, report) => {
      // No syntax statement means proto2, as protoc reads it; edition 2023 → 2024 is still "editions" to buf.
      if (base.ast.syntax.syntax === head.ast.syntax.syntax) return;
      report.finding({
        file: head,
        range: head.ast.syntax.range ?? START_OF_FILE,
        message: `File syntax changed from ${goQuote(base.ast.syntax.syntax)} to ${goQuote(head.ast.syntax.syntax)}.`,
        base: { file: base.path, range: base.ast.syntax.range ?? START_OF_FILE },
      });
    });
  },
});

function statementText(file: ProtoFile, range: NonNullable<ProtoFile['ast']['packageRange']>): string {
  const lines = file.text.split(/\r?\n|\r/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return `package ${file.packageName};`;
}
