// A real LSP client for tests: spawns the built `graycheck lsp --stdio` in a directory and speaks JSON-RPC over its stdio.
// Every wait is on a message from the server, with a timeout that names what it waited for.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  Diagnostic,
  InitializeParams,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS, STATUS_NOTIFICATION, type GraycheckSettings, type InitializationOptions, type StatusParams } from '../../server/src/protocol';

const WAIT_MS = 15_000;
const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

export interface SessionOptions {
  initializationOptions?: InitializationOptions;
  /** What the client answers to workspace/configuration for section 'graycheck'. */
  settings?: Partial<GraycheckSettings> & Record<string, unknown>;
  /** Declares window.workDoneProgress, so the server may create progress tokens. */
  workDoneProgress?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Node arguments that start the server instead of the built CLI (e.g. an entry with a test kind, through tsx). */
  command?: readonly string[];
  /** Node flags before the server's entry (SERVER_NODE_FLAGS: as the VS Code client starts it). */
  nodeFlags?: readonly string[];
}

export interface ProgressEvent {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

export class LspSession {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly createdProgressTokens: (string | number)[] = [];
  readonly logs: string[] = [];
  /** The capabilities the server registered (client/registerCapability), e.g. its file watchers. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly dir: string,
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    private readonly options: SessionOptions,
  ) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        this.exitCode = code;
        this.notify();
        resolve(code);
      });
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  /** Starts the server in dir, initializes it and waits for its first graycheck/status (the server has settled its base). */
  static async start(t: Pick<TestContext, 'after'>, dir: string, options: SessionOptions = {}): Promise<LspSession> {
    const override = process.env.GRAYCHECK_LSP_SERVER;
    const args = options.command ? [...options.command, 'lsp', '--stdio'] : override ? [override, '--stdio'] : [CLI, 'lsp', '--stdio'];
    if (!options.command && !override && !fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build first with node scripts/build.mjs`);
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...args], { cwd: dir, env: options.env ?? process.env, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(dir, child, connection, options);
    t.after(() => session.dispose());
    session.listen();
    connection.listen();

    const rootUri = pathToFileURL(dir).href;
    const params: InitializeParams = {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(dir) }],
      initializationOptions: options.initializationOptions ?? {},
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true, isPreferredSupport: true },
        },
        window: { workDoneProgress: options.workDoneProgress === true },
      },
    };
    await session.within('the initialize response', connection.sendRequest('initialize', params));
    await connection.sendNotification('initialized', {});
    await session.waitFor('the first graycheck/status notification', () => session.statuses[0]);
    return session;
  }

  private listen(): void {
    const { connection } = this;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.record(this.published, params));
    connection.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => this.record(this.statuses, params));
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => this.record(this.messages, params));
    connection.onNotification('window/logMessage', (params: { message: string }) => this.record(this.logs, params.message));
    connection.onNotification('$/progress', (params: ProgressEvent) => this.record(this.progress, params));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'graycheck' ? { ...DEFAULT_SETTINGS, ...this.options.settings } : null)),
    );
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.record(this.createdProgressTokens, params.token);
      return null;
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      for (const registration of params.registrations) this.record(this.registrations, registration);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
  }

  private record<T>(list: T[], item: T): void {
    list.push(item);
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves with the first truthy value of find(), checked now and after every message from the server. */
  waitFor<T>(description: string, find: () => T | undefined | false | null, timeoutMs = WAIT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let found: T | undefined | false | null;
        try {
          found = find();
        } catch (error) {
          finish();
          reject(error);
          return;
        }
        if (found) {
          finish();
          resolve(found);
        } else if (this.exitCode !== undefined) {
          finish();
          reject(new Error(`the server exited (code ${this.exitCode}) while waiting for ${description}${this.tail()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}${this.tail()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** A request or other promise, with a timeout that names it. */
  async within<T>(description: string, promise: Promise<T>, timeoutMs = WAIT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}${this.tail()}`)), timeoutMs);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.within(`the response to ${method}`, this.connection.sendRequest<R>(method, params));
  }

  command<R>(command: string, ...args: unknown[]): Promise<R> {
    return this.request<R>('workspace/executeCommand', { command, arguments: args });
  }

  /** Tells the server a file changed on disk (write it first), as an editor's file watcher does: 1 created, 2 changed, 3 deleted. */
  async fileChanged(relative: string, type: 1 | 2 | 3 = 2): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: this.uriOf(relative), type }] });
  }

  /** Changes what workspace/configuration answers and tells the server, as an editor does when the user edits settings. */
  async changeSettings(settings: Partial<GraycheckSettings> & Record<string, unknown>): Promise<void> {
    this.options.settings = { ...this.options.settings, ...settings };
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { graycheck: this.options.settings } });
  }

  /** A request the server answers without work (no refactorings are offered): everything sent before it has been read once it returns. */
  async roundTrip(document: LspDocument): Promise<void> {
    const start = { line: 0, character: 0 };
    await this.request('textDocument/codeAction', {
      textDocument: { uri: document.uri },
      range: { start, end: start },
      context: { diagnostics: [], only: ['refactor'] },
    });
  }

  uriOf(relative: string): string {
    return pathToFileURL(path.join(this.dir, ...relative.split('/'))).href;
  }

  /** Every publishDiagnostics received for a repository-relative path, oldest first. */
  publishedFor(relative: string): PublishDiagnosticsParams[] {
    const uri = this.uriOf(relative);
    return this.published.filter((params) => params.uri === uri);
  }

  async open(relative: string, text: string, languageId = 'proto'): Promise<LspDocument> {
    const document = new LspDocument(this, relative, this.uriOf(relative), text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: document.uri, languageId, version: document.version, text } });
    return document;
  }

  /** The edit of the first quick fix for the diagnostic whose title starts with titlePrefix; fails listing the titles offered. */
  async quickFix(document: LspDocument, diagnostic: Diagnostic, titlePrefix: string): Promise<WorkspaceEdit> {
    const actions = await this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: document.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const action = actions.find((candidate) => candidate.title.startsWith(titlePrefix));
    if (!action?.edit)
      throw new Error(
        `no quick fix starting with "${titlePrefix}"; offered: ${actions.map((candidate) => JSON.stringify(candidate.title)).join(', ') || 'none'}`,
      );
    return action.edit;
  }

  /** shutdown, then exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.connection.sendNotification('exit');
    return this.within('the server process to exit', this.exited);
  }

  private tail(): string {
    const logs = this.logs.slice(-5).join('\n');
    const stderr = this.stderr.slice(-2000);
    return logs || stderr ? `\n--- server log ---\n${logs}\n${stderr}` : '';
  }

  private dispose(): void {
    this.connection.dispose();
    if (this.exitCode === undefined) this.child.kill();
  }
}

export class LspDocument {
  version = 1;

  constructor(
    private readonly session: LspSession,
    readonly path: string,
    readonly uri: string,
    public text: string,
  ) {}

  /** didChange with the whole new text; the file on disk is not touched. */
  async edit(text: string): Promise<void> {
    this.version++;
    this.text = text;
    await this.session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ text }],
    });
  }

  /** The diagnostics published for the current version (the latest such publish), waiting for one if none came yet. */
  diagnostics(): Promise<Diagnostic[]> {
    const version = this.version;
    return this.session.waitFor(`publishDiagnostics for ${this.path} version ${version}`, () => {
      const matching = this.session.published.filter((params) => params.uri === this.uri && params.version === version);
      return matching.at(-1)?.diagnostics;
    });
  }

  /** The next publish for this document at its then-current version, after this call (e.g. after a base change). */
  nextDiagnostics(): Promise<Diagnostic[]> {
    const seen = this.session.published.length;
    return this.session.waitFor(
      `a new publishDiagnostics for ${this.path}`,
      () => this.session.published.slice(seen).find((params) => params.uri === this.uri && params.version === this.version)?.diagnostics,
    );
  }

  /** Applies a WorkspaceEdit's changes for this document to the buffer (as an editor would), sent as one didChange. */
  async apply(edit: WorkspaceEdit): Promise<void> {
    let edits: TextEdit[] = [];
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change) || change.textDocument.uri !== this.uri) continue;
      if (change.textDocument.version !== null && change.textDocument.version !== this.version) {
        throw new Error(`the edit is for version ${change.textDocument.version} of ${this.path}, the buffer is at ${this.version}`);
      }
      edits = edits.concat(change.edits as TextEdit[]);
    }
    edits = edits.concat(edit.changes?.[this.uri] ?? []);
    if (edits.length === 0) throw new Error(`the edit does not touch ${this.path}: ${JSON.stringify(edit)}`);
    await this.edit(TextDocument.applyEdits(TextDocument.create(this.uri, 'proto', this.version, this.text), edits));
  }

  /** Writes the buffer to disk and tells the server, as saving in an editor does. */
  async save(): Promise<void> {
    fs.writeFileSync(path.join(this.session.dir, ...this.path.split('/')), this.text);
    await this.session.connection.sendNotification('textDocument/didSave', { textDocument: { uri: this.uri } });
  }
}
