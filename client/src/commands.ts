// The palette commands. Registered at activation, they always answer: when the server is not running they say so.
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  WorkDoneProgress,
  type LanguageClient,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import { COMMANDS, type BaseInfo, type CheckWorkspaceResult } from '../../server/src/protocol';
import { baseUriFor, type BaseDocuments } from './baseDocuments';
import { SHOW_OUTPUT, errorText, showFailure } from './failures';
import { baseTextRequest, listRevisionsRequest, type LanguageServer } from './languageServer';
import { revisionInputProblem, revisionPicks, type RevisionPick } from './revisionPicks';
import type { SessionBase } from './settings';
import { plural } from './statusText';

export interface CommandContext {
  server: LanguageServer;
  output: vscode.OutputChannel;
  sessionBase: SessionBase;
  baseDocuments: BaseDocuments;
}

const SHOW_PROBLEMS = 'Show Problems';

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('graycheck.showOutput', () => context.output.show()),
    vscode.commands.registerCommand('graycheck.checkWorkspace', () => checkWorkspace(context)),
    vscode.commands.registerCommand('graycheck.compareWith', () => compareWith(context)),
    vscode.commands.registerCommand('graycheck.showBaseVersion', (uri?: unknown) => showBaseVersion(context, uri instanceof vscode.Uri ? uri : undefined)),
  ];
}

function runningClient({ server, output }: CommandContext, action: string): LanguageClient | undefined {
  const client = server.running;
  if (client) return client;
  const state = server.phase === 'starting' || server.phase === 'restarting' ? 'is still starting; try again in a moment' : 'is not running';
  void vscode.window.showWarningMessage(`Graycheck cannot ${action}: its language server ${state}.`, SHOW_OUTPUT).then((choice) => {
    if (choice === SHOW_OUTPUT) output.show();
  });
  return undefined;
}

async function checkWorkspace(context: CommandContext): Promise<void> {
  const client = runningClient(context, 'check the workspace');
  if (!client) return;
  let result: CheckWorkspaceResult | undefined;
  try {
    // We pass our own workDoneToken: a server that honours it reports into this notification instead of
    // creating a second progress of its own, so the user sees one progress, in the notification area.
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Graycheck: checking the workspace', cancellable: true },
      async (progress, token) => {
        const workDoneToken = randomUUID();
        let lastPercentage = 0;
        const subscription = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const step = value as WorkDoneProgressBegin | WorkDoneProgressReport;
          const increment = step.percentage !== undefined ? Math.max(0, step.percentage - lastPercentage) : undefined;
          if (step.percentage !== undefined) lastPercentage = step.percentage;
          progress.report({ ...(step.message !== undefined ? { message: step.message } : {}), ...(increment !== undefined ? { increment } : {}) });
        });
        try {
          const answer: unknown = await client.sendRequest(
            ExecuteCommandRequest.type,
            { command: COMMANDS.checkWorkspace, arguments: [], workDoneToken },
            token,
          );
          return token.isCancellationRequested ? undefined : (answer as CheckWorkspaceResult | undefined);
        } catch (error) {
          if (token.isCancellationRequested) return undefined;
          throw error;
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    showFailure(`Graycheck could not check the workspace: ${errorText(error)}`, context.output);
    return;
  }
  if (!result) return;
  const base = context.server.lastStatus?.base?.shortName;
  const summary = `Graycheck checked ${plural(result.filesChecked, 'file')}${base ? ` against ${base}` : ''}: ${plural(result.errors, 'breaking finding')}, ${plural(result.warnings, 'warning')}.`;
  const notChecked = result.notChecked > 0 ? ` ${plural(result.notChecked, 'file')} could not be checked (see the Problems view).` : '';
  const choice = await vscode.window.showInformationMessage(
    summary + notChecked,
    ...(result.errors + result.warnings + result.notChecked > 0 ? [SHOW_PROBLEMS] : []),
  );
  if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

interface RevisionItem extends vscode.QuickPickItem {
  pick: RevisionPick;
}

async function compareWith(context: CommandContext): Promise<void> {
  const client = runningClient(context, 'list revisions');
  if (!client) return;
  const current = context.sessionBase.effective();
  const documentUri = vscode.window.activeTextEditor?.document.uri;
  let items: RevisionItem[];
  try {
    const { revisions } = await client.sendRequest(listRevisionsRequest, documentUri?.scheme === 'file' ? { uri: documentUri.toString() } : {});
    items = revisionPicks(revisions, current).map((pick) =>
      pick.isSeparator
        ? { label: pick.label, kind: vscode.QuickPickItemKind.Separator, pick }
        : { label: pick.label, ...(pick.description !== undefined ? { description: pick.description } : {}), pick },
    );
  } catch (error) {
    showFailure(`Graycheck could not list the revisions to compare with: ${errorText(error)}`, context.output);
    return;
  }
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'Graycheck: Compare With…',
    placeHolder: `The base to compare with (now ${current})`,
    matchOnDescription: true,
  });
  if (!chosen) return;
  let revision = chosen.pick.revision;
  if (chosen.pick.asksForRevision) {
    revision = await vscode.window.showInputBox({
      title: 'Graycheck: Compare With…',
      prompt: 'A branch, tag or commit (anything `git rev-parse` accepts, such as origin/main~3)',
      value: current === 'auto' ? '' : current,
      validateInput: revisionInputProblem,
    });
  }
  revision = revision?.trim();
  if (!revision) return;
  let base: BaseInfo | undefined;
  try {
    base = (await client.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.setBase, arguments: [revision] })) as BaseInfo | undefined;
  } catch (error) {
    showFailure(`Graycheck cannot compare with "${revision}": ${errorText(error)}`, context.output);
    return;
  }
  await context.sessionBase.set(revision);
  context.baseDocuments.refresh();
  vscode.window.setStatusBarMessage(`Graycheck now compares with ${base?.shortName ?? revision}`, 4000);
}

async function showBaseVersion(context: CommandContext, uri: vscode.Uri | undefined): Promise<void> {
  const documentUri = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!documentUri) {
    void vscode.window.showInformationMessage('Open a file to see its base version.');
    return;
  }
  const name = path.posix.basename(documentUri.path);
  if (documentUri.scheme !== 'file') {
    void vscode.window.showInformationMessage(`Graycheck shows base versions of files on disk only, and ${name} is not one.`);
    return;
  }
  const client = runningClient(context, 'show the base version');
  if (!client) return;
  try {
    const result = await client.sendRequest(baseTextRequest, { uri: documentUri.toString() });
    if (result.text === undefined) {
      void vscode.window.showInformationMessage(`${name} has no base version: ${result.reason ?? `it is new since ${result.base?.shortName ?? 'the base'}`}.`);
      return;
    }
    const baseUri = baseUriFor(documentUri);
    context.baseDocuments.remember(baseUri, result.text);
    await vscode.commands.executeCommand('vscode.diff', baseUri, documentUri, `${name} (${result.base?.shortName ?? 'base'} ↔ working tree)`);
  } catch (error) {
    showFailure(`Graycheck could not read the base version of ${name}: ${errorText(error)}`, context.output);
  }
}
