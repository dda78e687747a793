// Starts and supervises the bundled language server (dist/server.js over stdio) and tracks what it reports.
// Every failure the user sees comes from one place (`reportStopped`), so a crash never shows two messages.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  MessageType,
  NotificationType,
  RequestType,
  RevealOutputChannelOn,
  ShowMessageNotification,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  BASE_TEXT_REQUEST,
  LIST_REVISIONS_REQUEST,
  SERVER_NODE_FLAGS,
  STATUS_NOTIFICATION,
  type BaseTextParams,
  type BaseTextResult,
  type InitializationOptions,
  type ListRevisionsParams,
  type ListRevisionsResult,
  type StatusParams,
} from '../../server/src/protocol';
import { errorText, showFailure } from './failures';
import { DOCUMENT_SELECTOR, SECTION, type SessionBase } from './settings';
import type { ClientPhase } from './statusText';

export const statusNotification = new NotificationType<StatusParams>(STATUS_NOTIFICATION);
export const listRevisionsRequest = new RequestType<ListRevisionsParams, ListRevisionsResult, void>(LIST_REVISIONS_REQUEST);
export const baseTextRequest = new RequestType<BaseTextParams, BaseTextResult, void>(BASE_TEXT_REQUEST);

// As vscode-languageclient's default: give up after the fifth crash within three minutes.
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** vscode-languageclient pops up its own notifications for start failures and crashes; ours say more, so its go to the output only. */
class QuietLanguageClient extends LanguageClient {
  lastError: string | undefined;

  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    this.lastError = data === undefined || data === null ? message : `${message} ${errorText(data)}`;
    super.error(message, data, false);
  }
}

export class LanguageServer implements vscode.Disposable {
  private client: QuietLanguageClient | undefined;
  private phaseValue: ClientPhase = 'starting';
  private status: StatusParams | undefined;
  private isStopRequested = false;
  private crashTimes: number[] = [];
  private gaveUpReason: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private markReady!: () => void;
  private markFailed!: (error: Error) => void;
  /** Settles once: resolves when the client first reaches Running, rejects if the first start fails. */
  readonly ready: Promise<void>;
  /** Fires when the phase or the server's status changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly serverModule: string,
    private readonly output: vscode.OutputChannel,
    private readonly sessionBase: SessionBase,
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.markFailed = reject;
    });
    this.ready.catch(() => undefined); // observed here so a failed start is never an unhandled rejection
  }

  get phase(): ClientPhase {
    return this.phaseValue;
  }

  get lastStatus(): StatusParams | undefined {
    return this.status;
  }

  /** The client when the server is up, for commands; undefined otherwise. */
  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  async start(): Promise<void> {
    this.client ??= this.createClient();
    this.isStopRequested = false;
    this.gaveUpReason = undefined;
    this.client.lastError = undefined;
    this.setPhase('starting');
    try {
      await this.client.start();
    } catch (error) {
      // The state listener has already reported it; this only keeps the rejection from escaping activation.
      this.client.lastError ??= errorText(error);
      if (this.phaseValue !== 'stopped') this.reportStopped();
    }
  }

  /** A fresh server process, e.g. once the workspace is trusted, so that it receives the new initializationOptions. */
  async restart(): Promise<void> {
    await this.stop();
    this.crashTimes = [];
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    if (!client || client.state === State.Stopped) return;
    this.isStopRequested = true;
    try {
      await client.stop();
    } catch (error) {
      this.output.appendLine(`[client] stopping the language server failed: ${errorText(error)}`);
    }
  }

  private createClient(): QuietLanguageClient {
    const serverOptions: ServerOptions = {
      run: { module: this.serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: { module: this.serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      // File watchers come from the server (dynamic registration), which derives them from each kind's files.
      synchronize: { configurationSection: SECTION },
      // A function, so that a restart after the workspace is trusted sends the new value.
      initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, clientRegistersCommands: true, opensBaseUris: true }),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: 'graycheck',
      errorHandler: {
        error: (_error, _message, count) =>
          count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true },
        closed: () => this.onClosed(),
      },
      middleware: {
        workspace: {
          // The base chosen with "Compare With…" wins over the setting for this session, also after a server restart.
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            const sessionBase = this.sessionBase.get();
            if (!Array.isArray(result) || sessionBase === undefined) return result;
            return result.map((value: unknown, index) => {
              const section = params.items[index]?.section;
              if (section === SECTION && typeof value === 'object' && value !== null) return { ...value, base: sessionBase };
              if (section === `${SECTION}.base`) return sessionBase;
              return value;
            });
          },
        },
      },
    };
    // The id 'graycheck' makes vscode-languageclient read the `graycheck.trace.server` setting.
    const client = new QuietLanguageClient('graycheck', 'Graycheck', serverOptions, clientOptions);
    client.onNotification(statusNotification, (params) => {
      this.status = params;
      this.changed.fire();
    });
    // Replaces vscode-languageclient's own handler (registered earlier in start()) so server errors get the output button too.
    client.onNotification(ShowMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) showFailure(message, this.output);
      else if (type === MessageType.Warning) void vscode.window.showWarningMessage(message);
      else void vscode.window.showInformationMessage(message);
    });
    this.disposables.push(client.onDidChangeState((event) => this.onStateChange(event.oldState, event.newState)));
    return client;
  }

  private onClosed(): { action: CloseAction; handled: boolean } {
    if (this.isStopRequested) return { action: CloseAction.DoNotRestart, handled: true };
    const now = Date.now();
    this.crashTimes = [...this.crashTimes.filter((time) => now - time < RESTART_WINDOW_MS), now];
    if (this.crashTimes.length > MAX_RESTARTS) {
      this.gaveUpReason = `it stopped ${this.crashTimes.length} times in 3 minutes and will not be restarted`;
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.appendLine('[client] the language server stopped; restarting it');
    this.setPhase('restarting');
    return { action: CloseAction.Restart, handled: true };
  }

  private onStateChange(oldState: State, newState: State): void {
    if (newState === State.Running) {
      this.setPhase('running');
      this.markReady();
      return;
    }
    if (newState === State.Starting) {
      if (this.phaseValue !== 'restarting') this.setPhase('starting');
      return;
    }
    // Stopped. A crash the client is about to restart passes through here on its way from Running to Starting.
    if (this.phaseValue === 'restarting' && oldState === State.Running && this.gaveUpReason === undefined) return;
    if (this.isStopRequested) {
      this.status = undefined;
      this.setPhase('stopped');
      return;
    }
    this.reportStopped();
  }

  private reportStopped(): void {
    const wasStarting = this.phaseValue === 'starting';
    this.status = undefined;
    this.setPhase('stopped');
    const cause = this.gaveUpReason ?? this.client?.lastError ?? 'no reason was given';
    const message = wasStarting
      ? `Graycheck's language server could not start: ${cause}. Breaking changes are not being checked; the output has the details.`
      : `Graycheck's language server stopped: ${cause}. Breaking changes are not being checked; the output has the details.`;
    this.markFailed(new Error(message));
    showFailure(message, this.output);
  }

  private setPhase(phase: ClientPhase): void {
    if (this.phaseValue === phase) return;
    this.phaseValue = phase;
    this.changed.fire();
  }

  dispose(): void {
    void this.stop();
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
  }
}
