// The `graycheck/status` notification (base, counts, state) and the user-facing errors behind state 'error':
// each distinct message is shown once with window/showMessage, not once per keystroke.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import type { BaseRevision } from '../git/types';
import { GitError } from '../git/types';
import { STATUS_NOTIFICATION, type BaseInfo, type ServerState, type StatusParams } from '../protocol';
import { ConfigFileError } from '../workspace';
import type { PublishedDiagnostics } from './published';
import type { WorkspaceState } from './workspaceState';

export function toBaseInfo(base: BaseRevision): BaseInfo {
  return { ref: base.ref, commit: base.commit, description: base.description, shortName: base.shortName };
}

/** Errors a user can act on (git, revisions, config files), as opposed to our own bugs, which are only logged. */
export function isUserFacing(error: unknown): error is Error {
  return error instanceof GitError || error instanceof ConfigFileError;
}

export class StatusReporter {
  private readonly shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly published: PublishedDiagnostics,
    private readonly workspace: WorkspaceState,
  ) {}

  async send(state: ServerState, message?: string): Promise<void> {
    const { errors, warnings } = this.published.counts();
    const params: StatusParams = { state, breakingCount: errors, warningCount: warnings };
    if (state !== 'untrusted') {
      const base = (await this.workspace.primary())?.knownBase;
      if (base) params.base = toBaseInfo(base);
    }
    if (message) params.message = message;
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }

  async reportError(error: Error): Promise<void> {
    const message = error.message.split('\n')[0];
    if (!this.shown.has(message)) {
      this.shown.add(message);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Graycheck: ${message}` });
    }
    this.connection.console.error(`graycheck: ${message}`);
    await this.send('error', message);
  }

  /** After the user changes the base or the settings, an error they hit again deserves to be shown again. */
  forgetShownErrors(): void {
    this.shown.clear();
  }
}
