// Entry of dist/server.js, the bundle the VS Code client starts; `graycheck lsp --stdio` reaches the same server through the CLI.
import { CHECKERS } from '../registry';
import { startLanguageServer } from './server';

startLanguageServer(CHECKERS);
