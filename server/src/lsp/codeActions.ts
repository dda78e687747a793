// Quick fixes, rebuilt from the current text and the finding (fixesFor), never from state kept since the check ran.
// Clients send different diagnostics in the context (VS Code: overlapping ones; Neovim 0.7: the cursor line's; eglot: flymake's
// in the region), so the findings of the last check that overlap the range come first and the sent diagnostics only add to them.
import * as fs from 'node:fs/promises';
import {
  CodeActionKind,
  CreateFile,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { fixesFor } from '../engine/check';
import type { Fix } from '../engine/edit';
import type { Finding } from '../engine/finding';
import { rangesOverlap } from '../engine/range';
import { OverlayTree } from '../engine/tree';
import { uriFor } from './checks';
import type { ServerContext } from './context';
import { findingFromDiagnostic, SOURCE } from './diagnostics';
import { joinRelative } from './uris';
import type { RepositoryState } from './workspaceState';

export async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  if (!context.trusted || !offersKind(params.context.only, CodeActionKind.QuickFix)) return [];
  const uri = params.textDocument.uri;
  const location = await context.workspace.locate(uri);
  if (!location) return [];
  const { repository } = location;
  const document = context.documents.get(uri);
  const text = document ? document.getText() : await readFile(joinRelative(repository.root, location.path));
  if (text === undefined) return [];

  const candidates = findingsFor(context, uri, params);
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  // A fix may edit other files of the head (a referenced file, a rule file): they are seen as the editor has them.
  const tree = new OverlayTree(repository.head, (await context.workspace.buffersIn(repository)).buffers);
  for (const { finding, diagnostic } of candidates) {
    const checker = context.checkers.find((candidate) => candidate.kind === finding.kind);
    if (!checker) continue;
    for (const fix of await fixesFor(finding, checker, { text, tree })) {
      const edit = toWorkspaceEdit(context, repository, fix);
      if (!edit) continue;
      const key = `${fix.title}\0${JSON.stringify(edit)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(fix.isPreferred ? { isPreferred: true } : {}) });
    }
  }
  return actions;
}

/** `context.only` filters by kind prefix: 'quickfix' asks for quick fixes, 'refactor' does not, '' asks for everything. */
function offersKind(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => requested === '' || kind === requested || kind.startsWith(`${requested}.`));
}

function findingsFor(context: ServerContext, uri: string, params: CodeActionParams): { finding: Finding; diagnostic: Diagnostic }[] {
  const published = context.published.get(uri);
  const fromCheck = (published?.findings ?? []).filter((finding) => rangesOverlap(finding.range, params.range));
  const sent = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
  const result: { finding: Finding; diagnostic: Diagnostic }[] = [];
  for (const finding of fromCheck) {
    const diagnostic = sent.find((candidate) => sameFinding(finding, candidate)) ?? published!.diagnostics[published!.findings.indexOf(finding)];
    result.push({ finding, diagnostic });
  }
  for (const diagnostic of sent) {
    if (fromCheck.some((finding) => sameFinding(finding, diagnostic))) continue;
    const finding = findingFromDiagnostic(diagnostic);
    if (finding) result.push({ finding, diagnostic });
  }
  return result;
}

function sameFinding(finding: Finding, diagnostic: Diagnostic): boolean {
  return (
    diagnostic.code === finding.rule &&
    diagnostic.message === finding.message &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character
  );
}

/** One WorkspaceEdit per fix, however many files it touches. Open documents are edited at the version the user sees.
 *  A fix that creates a file needs a client that can create files; for others it is left out (undefined). */
function toWorkspaceEdit(context: ServerContext, repository: RepositoryState, fix: Fix): WorkspaceEdit | undefined {
  const files = fix.changes.map((change) => {
    const uri = uriFor(context, repository, change.file);
    const edits: TextEdit[] = change.edits.map((edit) => ({ range: edit.range, newText: edit.newText }));
    return { uri, edits, version: context.documents.get(uri)?.version, create: change.create === true };
  });
  const creates = files.some((file) => file.create);
  if (creates && !(context.client.documentChanges && context.client.createFiles)) return undefined;
  const touchesOpenDocument = files.some((file) => file.version !== undefined);
  if ((touchesOpenDocument || creates) && context.client.documentChanges) {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = files.flatMap((file) => [
      ...(file.create ? [CreateFile.create(file.uri, { ignoreIfExists: true })] : []),
      { textDocument: { uri: file.uri, version: file.version ?? null }, edits: file.edits },
    ]);
    return { documentChanges };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const file of files) changes[file.uri] = [...(changes[file.uri] ?? []), ...file.edits];
  return { changes };
}

async function readFile(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
