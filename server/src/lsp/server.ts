// The language server: connection, capabilities, and handler registration. Every handler runs inside one guard;
// stdout belongs to JSON-RPC, so console.* goes to the client's log.
import { format } from 'node:util';
import * as path from 'node:path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KindChecker } from '../engine/comparison';
import { CONFIG_FILE } from '../engine/config';
import { changeEffect, watchedGlobs } from '../engine/kind';
import {
  BASE_TEXT_REQUEST,
  COMMANDS,
  LIST_REVISIONS_REQUEST,
  type BaseTextParams,
  type BaseTextResult,
  type InitializationOptions,
  type ListRevisionsParams,
  type ListRevisionsResult,
} from '../protocol';
import { checkDocument } from './checks';
import { preferSmallHeap } from './heap';
import { codeActions } from './codeActions';
import { executeCommand, recheckAll } from './commands';
import type { ClientFlags, ServerContext } from './context';
import { guarded } from './guard';
import { PublishedDiagnostics } from './published';
import { baseText, listRevisions } from './requests';
import { Scheduler } from './scheduler';
import { readSettings } from './settings';
import { isUserFacing, StatusReporter } from './status';
import { relativeTo, uriToPath } from './uris';
import { WorkspaceState, type RepositoryState } from './workspaceState';

const TRANSPORT_ARGUMENT = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

export function startLanguageServer(checkers: readonly KindChecker[]): void {
  preferSmallHeap();
  // `graycheck lsp --stdio` names its transport; without one, stdio is still what an editor means.
  const connection = process.argv.some((argument) => TRANSPORT_ARGUMENT.test(argument))
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  routeConsole(connection);
  const log = (message: string) => connection.console.error(message);
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  process.on('uncaughtException', (error) => log(`uncaught exception: ${error.stack ?? error.message}`));

  const documents = new TextDocuments(TextDocument);
  const workspace = new WorkspaceState(documents, checkers);
  const published = new PublishedDiagnostics(connection);
  const status = new StatusReporter(connection, published, workspace);
  const context: ServerContext = {
    checkers,
    connection,
    documents,
    workspace,
    published,
    status,
    scheduler: new Scheduler(
      (uri, signal) => checkDocument(context, uri, signal),
      () => workspace.settings.debounceMs,
      (uri, error) => log(`check of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    ),
    client: {
      documentChanges: false,
      createFiles: false,
      workDoneProgress: false,
      configuration: false,
      dynamicConfiguration: false,
      dynamicWatchedFiles: false,
      opensBaseUris: false,
      clientRegistersCommands: false,
      workspaceFolders: false,
    },
    trusted: true,
  };

  // Even a failed initialize answers with the document sync the client needs, so that the session can go on.
  const fallback: InitializeResult = { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
  connection.onInitialize(guarded('initialize', log, fallback, (params: InitializeParams) => initialize(context, params)));
  connection.onInitialized(guarded('initialized', log, undefined, () => initialized(context)));
  connection.onShutdown(
    guarded('shutdown', log, undefined, async () => {
      context.scheduler.cancelAll();
      await workspace.dispose();
    }),
  );

  documents.onDidChangeContent(guarded('textDocument/didChange', log, undefined, (event) => documentChanged(context, event.document.uri)));
  documents.onDidSave(guarded('textDocument/didSave', log, undefined, (event) => documentSaved(context, event.document.uri)));
  documents.onDidClose(guarded('textDocument/didClose', log, undefined, (event) => documentClosed(context, event.document.uri)));
  connection.onDidChangeWatchedFiles(
    guarded('workspace/didChangeWatchedFiles', log, undefined, async (params) => {
      for (const change of params.changes) await filesChanged(context, change.uri, change.type);
    }),
  );
  connection.onDidChangeConfiguration(guarded('workspace/didChangeConfiguration', log, undefined, (params) => settingsChanged(context, params.settings)));

  connection.onCodeAction(guarded('textDocument/codeAction', log, [], (params) => codeActions(context, params)));
  connection.onExecuteCommand(guarded('workspace/executeCommand', log, null, (params, token, progress) => executeCommand(context, params, token, progress)));
  connection.onRequest(
    LIST_REVISIONS_REQUEST,
    guarded(LIST_REVISIONS_REQUEST, log, { revisions: [] } as ListRevisionsResult, (params: ListRevisionsParams | undefined) => listRevisions(context, params)),
  );
  connection.onRequest(
    BASE_TEXT_REQUEST,
    guarded(BASE_TEXT_REQUEST, log, { reason: 'Graycheck failed to read the base; see its output for details' } as BaseTextResult, (params: BaseTextParams) =>
      baseText(context, params),
    ),
  );

  documents.listen(connection);
  connection.listen();
}

function initialize(context: ServerContext, params: InitializeParams): InitializeResult {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const capabilities = params.capabilities;
  context.trusted = options.trusted !== false;
  const flags: ClientFlags = {
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    createFiles: capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    configuration: capabilities.workspace?.configuration === true,
    dynamicConfiguration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchedFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    opensBaseUris: options.opensBaseUris === true,
    clientRegistersCommands: options.clientRegistersCommands === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
  };
  context.client = flags;
  const folders = params.workspaceFolders?.map((folder) => uriToPath(folder.uri)) ?? [
    params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined),
  ];
  context.workspace.folders = folders.filter((folder): folder is string => typeof folder === 'string').map((folder) => path.resolve(folder));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
      ...(flags.clientRegistersCommands ? {} : { executeCommandProvider: { commands: Object.values(COMMANDS) } }),
      ...(flags.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'graycheck' },
  };
}

async function initialized(context: ServerContext): Promise<void> {
  const { connection, client } = context;
  if (client.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'graycheck' });
  if (client.dynamicWatchedFiles) {
    const watchers = watchedGlobs(context.checkers).map((globPattern) => ({ globPattern }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }
  if (client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(
      guarded(
        'workspace/didChangeWorkspaceFolders',
        (message) => connection.console.error(message),
        undefined,
        async (event) => {
          const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
          const added = event.added.map((folder) => uriToPath(folder.uri)).filter((folder): folder is string => folder !== undefined);
          context.workspace.folders = [...context.workspace.folders.filter((folder) => !removed.has(folder)), ...added.map((folder) => path.resolve(folder))];
          if (context.trusted && context.workspace.settings.enable) await resolveFolderBases(context);
        },
      ),
    );
  }
  if (!context.trusted) {
    await context.status.send('untrusted');
    return;
  }
  context.workspace.settings = await readClientSettings(context, undefined);
  if (!context.workspace.settings.enable) {
    await context.status.send('disabled');
    return;
  }
  await resolveFolderBases(context);
}

/** Opens each workspace folder's repository and resolves its base up front, so the status bar shows it before the first edit. */
async function resolveFolderBases(context: ServerContext): Promise<void> {
  let failed = false;
  for (const folder of await context.workspace.folderRepositories()) {
    try {
      if (folder.error) throw folder.error;
      await folder.repository!.resolvedBase();
    } catch (error) {
      if (!isUserFacing(error)) throw error;
      failed = true;
      await context.status.reportError(error);
    }
  }
  if (!failed) await context.status.send('ready');
}

async function readClientSettings(context: ServerContext, pushed: unknown): Promise<ReturnType<typeof readSettings>> {
  const kinds = context.checkers.map((checker) => checker.kind);
  if (context.client.configuration) {
    try {
      return readSettings(await context.connection.workspace.getConfiguration('graycheck'), kinds);
    } catch {
      // A client that advertises configuration but cannot answer gets the defaults, like one that never asked.
    }
  }
  const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>).graycheck : undefined;
  return readSettings(section, kinds);
}

async function settingsChanged(context: ServerContext, pushed: unknown): Promise<void> {
  if (!context.trusted) return;
  const { workspace } = context;
  const before = workspace.settings;
  workspace.settings = await readClientSettings(context, pushed);
  if (before.base !== workspace.settings.base) {
    workspace.baseOverride = undefined;
    for (const repository of await workspace.openRepositories()) repository.forgetBase();
  }
  context.status.forgetShownErrors();
  if (!workspace.settings.enable) {
    context.scheduler.cancelAll();
    context.published.clearAll();
    await context.status.send('disabled');
    return;
  }
  await recheckAll(context);
}

async function documentChanged(context: ServerContext, uri: string): Promise<void> {
  if (!context.trusted || !context.workspace.settings.enable) return;
  context.scheduler.schedule(uri);
  const location = await context.workspace.locate(uri).catch(() => undefined);
  if (!location) return;
  if (location.path === CONFIG_FILE) forgetConfig(location.repository);
  // Other open files of the repository may depend on this one (imports, references, a kind's configuration): they are
  // checked again too. A file no kind depends on changes nothing else.
  const effect = changeEffect(context.checkers, location.path);
  if (effect === 'dependents' || effect === 'everything') scheduleOpenDocuments(context, location.repository, uri);
}

async function documentSaved(context: ServerContext, uri: string): Promise<void> {
  if (!context.trusted) return;
  const location = await context.workspace.locate(uri).catch(() => undefined);
  if (!location) return;
  location.repository.forgetRenames();
  location.repository.head.forgetFile(location.path, false);
  if (location.path === CONFIG_FILE) forgetConfig(location.repository);
  if (changeEffect(context.checkers, location.path) === 'everything') await recheckAll(context);
}

async function documentClosed(context: ServerContext, uri: string): Promise<void> {
  context.scheduler.cancel(uri);
  context.published.clear(uri);
  const location = context.workspace.knownLocation(uri);
  context.workspace.forgetDocument(uri);
  if (!context.trusted || !location) return;
  // The buffer may never have been saved, or saved where no watcher saw it: the disk is read again.
  location.repository.head.forgetFile(location.path, true);
  if (location.path === CONFIG_FILE) forgetConfig(location.repository);
  // The closed buffer no longer overlays the working tree.
  scheduleOpenDocuments(context, location.repository);
  await context.status.send('ready');
}

async function filesChanged(context: ServerContext, uri: string, type: FileChangeType): Promise<void> {
  const file = uriToPath(uri);
  if (!context.trusted || !file) return;
  for (const repository of await context.workspace.openRepositories()) {
    const relative = relativeTo(repository.root, file);
    if (relative === undefined) continue;
    repository.forgetRenames();
    repository.head.forgetFile(relative, type !== FileChangeType.Changed);
    if (relative === CONFIG_FILE) forgetConfig(repository);
    const effect = changeEffect(context.checkers, relative);
    // A kind's configuration (or .graycheck.yaml) decides what every file's check means.
    if (effect === 'everything') await recheckAll(context);
    // Open documents may import or reference the changed file; an open one is checked on its own changes.
    else if (effect === 'dependents' && !context.workspace.openUriOf(repository, relative)) scheduleOpenDocuments(context, repository);
  }
}

function forgetConfig(repository: RepositoryState): void {
  repository.forgetConfig();
}

function scheduleOpenDocuments(context: ServerContext, repository: RepositoryState, except?: string): void {
  for (const document of context.documents.all()) {
    if (document.uri === except) continue;
    if (context.workspace.knownLocation(document.uri)?.repository === repository) context.scheduler.schedule(document.uri);
  }
}

function routeConsole(connection: Connection): void {
  const to =
    (send: (message: string) => void) =>
    (...args: unknown[]) =>
      send(format(...args));
  console.log = to((message) => connection.console.log(message));
  console.info = to((message) => connection.console.info(message));
  console.debug = to((message) => connection.console.log(message));
  console.warn = to((message) => connection.console.warn(message));
  console.error = to((message) => connection.console.error(message));
}
