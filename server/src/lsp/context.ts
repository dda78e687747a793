// The pieces every handler shares, created once per server; the client's flags are filled in by `initialize`.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KindChecker } from '../engine/comparison';
import type { PublishedDiagnostics } from './published';
import type { Scheduler } from './scheduler';
import type { StatusReporter } from './status';
import type { WorkspaceState } from './workspaceState';

export interface ClientFlags {
  documentChanges: boolean;
  /** The client applies CreateFile operations in a WorkspaceEdit. */
  createFiles: boolean;
  workDoneProgress: boolean;
  configuration: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchedFiles: boolean;
  opensBaseUris: boolean;
  clientRegistersCommands: boolean;
  workspaceFolders: boolean;
}

export interface ServerContext {
  /** The kinds the server checks (registry.ts's list); the server knows them only through this. */
  checkers: readonly KindChecker[];
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: WorkspaceState;
  published: PublishedDiagnostics;
  status: StatusReporter;
  scheduler: Scheduler;
  client: ClientFlags;
  /** false in an untrusted workspace: then no git runs and nothing is published. */
  trusted: boolean;
}
