// Entry of dist/server.js, the bundle the VS Code client starts. `graycheck lsp --stdio` requires the same bundle (the
// command's own bundle leaves the language server out, so that every `check` reads a third less) and calls `serve`.
import type { KindChecker } from '../engine/comparison';
import { CHECKERS } from '../registry';
import { startLanguageServer } from './server';

/** Serves the Language Server Protocol over stdio, with the registered kinds unless given others. */
export function serve(checkers: readonly KindChecker[] = CHECKERS): void {
  startLanguageServer(checkers);
}

if (require.main === module) serve();
