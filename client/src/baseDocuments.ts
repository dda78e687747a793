// Read-only documents holding a file's base text (`graycheck-base:` URIs) for the diff of "Show Base Version".
import * as vscode from 'vscode';
import type { BaseTextResult } from '../../server/src/protocol';

export const BASE_SCHEME = 'graycheck-base';

/** The base URI keeps the document's path, so the diff's left side gets the same language, and carries the document URI in its query. */
export function baseUriFor(documentUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: BASE_SCHEME, path: documentUri.path, query: documentUri.toString() });
}

export class BaseDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();

  constructor(private readonly fetch: (documentUri: string) => Promise<BaseTextResult>) {}

  /** Keeps a text the command already fetched, so opening the diff does not ask the server twice. */
  remember(baseUri: vscode.Uri, text: string): void {
    this.texts.set(baseUri.toString(), text);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    // Two forms: ours (from "Show Base Version") carries the document URI in the query; the server's (the base location of a
    // finding, with opensBaseUris) carries the base commit there, and the server reads that URI itself.
    const result = await this.fetch(/^[0-9a-fA-F]{40,64}$/.test(uri.query) ? uri.toString() : uri.query);
    // A base document reopened after the file was deleted at the base still needs some content; say why it is empty.
    const text = result.text ?? `// No base version: ${result.reason ?? 'the file is new'}.\n`;
    this.texts.set(uri.toString(), text);
    return text;
  }

  /** The base moved (another revision, or new commits upstream): open base documents fetch their text again. */
  refresh(): void {
    const open = [...this.texts.keys()];
    this.texts.clear();
    for (const uri of open) this.changed.fire(vscode.Uri.parse(uri));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
