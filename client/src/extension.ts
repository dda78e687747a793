// The VS Code extension's entry: starts the bundled language server and wires the status bar, commands and base documents.
// Activation returns a small API; end-to-end tests wait on `ready` and read `statusText()`.
import * as vscode from 'vscode';
import { BASE_SCHEME, BaseDocuments } from './baseDocuments';
import { registerCommands } from './commands';
import { baseTextRequest, LanguageServer } from './languageServer';
import { SessionBase } from './settings';
import { StatusBar } from './statusBar';
import type { StatusParams } from '../../server/src/protocol';

export interface GraycheckApi {
  /** Resolves when the language server is running; rejects with the message the user saw if it could not start. */
  ready: Promise<void>;
  statusText(): string;
  lastStatus(): StatusParams | undefined;
}

let server: LanguageServer | undefined;

export function activate(context: vscode.ExtensionContext): GraycheckApi {
  const output = vscode.window.createOutputChannel('Graycheck');
  const sessionBase = new SessionBase(context.workspaceState);
  const statusBar = new StatusBar();
  const languageServer = new LanguageServer(context.asAbsolutePath('dist/server.js'), output, sessionBase);
  server = languageServer;
  const baseDocuments = new BaseDocuments(async (documentUri) => {
    const client = languageServer.running;
    if (!client) return { reason: "Graycheck's language server is not running" };
    return client.sendRequest(baseTextRequest, { uri: documentUri });
  });

  let lastBaseCommit: string | undefined;
  const onChange = languageServer.onDidChange(() => {
    statusBar.update(languageServer.phase, languageServer.lastStatus);
    const commit = languageServer.lastStatus?.base?.commit;
    if (commit !== undefined && commit !== lastBaseCommit) {
      if (lastBaseCommit !== undefined) baseDocuments.refresh();
      lastBaseCommit = commit;
    }
  });

  context.subscriptions.push(
    output,
    statusBar,
    languageServer,
    onChange,
    baseDocuments,
    vscode.workspace.registerTextDocumentContentProvider(BASE_SCHEME, baseDocuments),
    ...registerCommands({ server: languageServer, output, sessionBase, baseDocuments }),
    // In Restricted Mode the server runs no git; once trusted it needs a fresh start with trusted: true.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageServer.restart()),
  );

  void languageServer.start();
  return {
    ready: languageServer.ready,
    statusText: () => statusBar.text,
    lastStatus: () => languageServer.lastStatus,
  };
}

export function deactivate(): Thenable<void> | undefined {
  return server?.stop();
}
