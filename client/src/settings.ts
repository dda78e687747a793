// The client's view of the `graycheck` settings and of the base chosen for this session with "Compare With…".
import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';
import { KIND_LANGUAGES } from './kinds.generated';

export const SECTION = 'graycheck';

/** Files on disk only: untitled buffers have no base, and `graycheck-base:` documents are the base itself.
 *  The files watched on disk the server registers itself. */
export const DOCUMENT_SELECTOR: DocumentSelector = KIND_LANGUAGES.map((language) => ({ scheme: 'file', language }));

export function configuredBase(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>('base', 'auto') || 'auto';
}

/**
 * "Compare With…" keeps its choice in workspaceState rather than writing the `graycheck.base` setting:
 * the setting lives in .vscode/settings.json inside the repository, and a quick look at another base
 * must not leave a change there for the user to commit or revert.
 */
export class SessionBase {
  private static readonly KEY = 'graycheck.sessionBase';

  constructor(private readonly memento: vscode.Memento) {}

  get(): string | undefined {
    return this.memento.get<string>(SessionBase.KEY);
  }

  /** The base in effect: the session's choice, else the setting. */
  effective(): string {
    return this.get() ?? configuredBase();
  }

  set(revision: string | undefined): Thenable<void> {
    return this.memento.update(SessionBase.KEY, revision);
  }
}
