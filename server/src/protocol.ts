// Custom LSP requests, notifications and command names shared by the server and the VS Code client.
// Declared once here so that a field one side expects and the other never sends fails to compile.
import type { RevisionChoice } from './git/types';

export interface BaseInfo {
  ref: string; // what was asked for: 'auto' or a revision
  commit: string;
  description: string; // "merge-base with origin/main"
  shortName: string; // "origin/main"
}

/** Node flags the VS Code client starts the server with: a young generation of at most 4 MB per semi-space (V8 grows it
 *  to 16 MB) keeps the server's peak about 30 MB lower on a googleapis-sized workspace, with no measured cost in latency. */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

export type ServerState = 'starting' | 'ready' | 'checking' | 'error' | 'disabled' | 'untrusted';

/** Server → client after every check and whenever the base or state changes: what the status bar shows. */
export const STATUS_NOTIFICATION = 'graycheck/status';
export interface StatusParams {
  state: ServerState;
  base?: BaseInfo;
  /** Findings at severity error across all files with published diagnostics. */
  breakingCount: number;
  warningCount: number;
  /** One clear line when state is 'error' (not a git repository, unknown revision…). */
  message?: string;
}

/** Client → server: revisions to offer in "Compare With…", newest first within each kind. */
export const LIST_REVISIONS_REQUEST = 'graycheck/listRevisions';
export interface ListRevisionsParams {
  uri?: string; // a document whose repository is meant; the first workspace folder's otherwise
}
export type { RevisionChoice } from './git/types';
export interface ListRevisionsResult {
  revisions: RevisionChoice[];
}

/** Client → server: the base text of a document, for "Show Base Version". */
export const BASE_TEXT_REQUEST = 'graycheck/baseText';
export interface BaseTextParams {
  uri: string;
}
export interface BaseTextResult {
  base?: BaseInfo;
  /** Repository-relative path at the base (follows renames); absent when the file is new. */
  path?: string;
  text?: string;
  /** Why there is no text: "new file, not in origin/main", "not a git repository". */
  reason?: string;
}

/** `workspace/executeCommand` names the server handles. The client sends them with sendRequest rather than
 *  letting vscode-languageclient register them, because the extension registers its own palette commands of the same name at activation. */
export const COMMANDS = {
  checkWorkspace: 'graycheck.checkWorkspace', // no arguments → CheckWorkspaceResult
  setBase: 'graycheck.setBase', // [revision: string] → BaseInfo
  showBase: 'graycheck.showBase', // no arguments → BaseInfo
} as const;

export interface CheckWorkspaceResult {
  filesChecked: number;
  filesWithFindings: number;
  errors: number;
  warnings: number;
  notChecked: number;
}

/** initializationOptions the server understands; every field optional, for editors that send nothing. */
export interface InitializationOptions {
  /** false in an untrusted VS Code workspace: the server then runs no git at all. */
  trusted?: boolean;
  /** true when the client registers the palette commands itself (VS Code): the server then does not advertise them. */
  clientRegistersCommands?: boolean;
  /** true when the client can open `graycheck-base:` URIs (by asking graycheck/baseText): relatedInformation then points into
   *  the base version of the file. Otherwise it points at the working-tree file, with the base line named in its message. */
  opensBaseUris?: boolean;
}

/** `graycheck-base:///abs/path/file.proto?<commit>`: a file's text at a base commit, served by graycheck/baseText. */
export const BASE_URI_SCHEME = 'graycheck-base';

export function toBaseUri(fileUri: string, commit: string): string {
  return `${BASE_URI_SCHEME}${fileUri.replace(/^file/, '').replace(/[?#].*$/, '')}?${commit}`;
}

/** The file URI and commit a `graycheck-base:` URI names, or undefined for any other URI. */
export function parseBaseUri(uri: string): { fileUri: string; commit: string } | undefined {
  const match = /^graycheck-base(:[^?#]*)\?([0-9a-fA-F]{40,64})$/.exec(uri);
  return match ? { fileUri: `file${match[1]}`, commit: match[2].toLowerCase() } : undefined;
}

/** Settings read through workspace/configuration, section 'graycheck'. Each kind adds `graycheck.<kind>.enable`. */
export interface GraycheckSettings {
  enable: boolean;
  base: string; // '' or 'auto' means auto
  debounceMs: number;
  /** By kind name; a kind missing here is enabled. */
  kinds: Record<string, { enable: boolean }>;
}

export const DEFAULT_SETTINGS: GraycheckSettings = {
  enable: true,
  base: 'auto',
  debounceMs: 150,
  kinds: {},
};

/** The default of every `graycheck.<kind>.enable`. */
export const DEFAULT_KIND_ENABLE = true;
