// The client's view of the `graycheck` settings and of the base chosen for this session with "Compare With…".
import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';

export const SECTION = 'graycheck';

/** Files on disk only: untitled buffers have no base, and `graycheck-base:` documents are the base itself. */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'proto' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
];

/** Files whose changes on disk the server hears about even when they are not open. */
export const WATCHED_FILES = '**/{*.proto,buf.yaml,buf.work.yaml,.graycheck.yaml}';

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
