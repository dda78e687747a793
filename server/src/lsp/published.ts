// The diagnostics the client currently shows, by URI, with the findings behind them: the breaking count of the status bar,
// the findings code actions start from, and the files a later check must clear.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../engine/finding';
import type { RepositoryState } from './workspaceState';

export interface PublishedFile {
  uri: string;
  repository: RepositoryState;
  /** Repository-relative. */
  file: string;
  /** The document version the findings belong to; absent for files that are not open. */
  version?: number;
  findings: Finding[];
  /** What the client shows; the first findings.length entries are the findings', in the same order. */
  diagnostics: Diagnostic[];
}

export class PublishedDiagnostics {
  private readonly files = new Map<string, PublishedFile>();

  constructor(private readonly connection: Connection) {}

  publish(entry: Omit<PublishedFile, 'diagnostics'>, diagnostics: Diagnostic[]): void {
    if (diagnostics.length > 0) this.files.set(entry.uri, { ...entry, diagnostics });
    else this.files.delete(entry.uri);
    this.connection.sendDiagnostics({ uri: entry.uri, ...(entry.version !== undefined ? { version: entry.version } : {}), diagnostics });
  }

  /** Empties a file's diagnostics; version, when given, is the document version the emptiness belongs to. */
  clear(uri: string, version?: number): void {
    const had = this.files.delete(uri);
    if (had || version !== undefined) this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: [] });
  }

  clearAll(): void {
    for (const uri of [...this.files.keys()]) this.clear(uri);
  }

  get(uri: string): PublishedFile | undefined {
    return this.files.get(uri);
  }

  all(): PublishedFile[] {
    return [...this.files.values()];
  }

  counts(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const entry of this.files.values()) {
      for (const finding of entry.findings) {
        if (finding.severity === 'error') errors++;
        else if (finding.severity === 'warning') warnings++;
      }
    }
    return { errors, warnings };
  }
}
