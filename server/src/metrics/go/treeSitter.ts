// Loads tree-sitter and its Go grammar from WebAssembly, once per process. The bundles ship both .wasm files next to
// themselves (dist/); from sources (tests through tsx) they come from node_modules. No native build, no workspace code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree as SyntaxTree } from 'web-tree-sitter';

const RUNTIME_WASM = 'web-tree-sitter.wasm';
const GO_WASM = 'tree-sitter-go.wasm';

function located(file: string, packagePath: string): string {
  const bundled = join(__dirname, file);
  if (existsSync(bundled)) return bundled;
  return require.resolve(packagePath);
}

let loading: Promise<Language> | undefined;

function loadGo(): Promise<Language> {
  loading ??= (async () => {
    await Parser.init({ locateFile: () => located(RUNTIME_WASM, `web-tree-sitter/${RUNTIME_WASM}`) });
    return Language.load(located(GO_WASM, `tree-sitter-go/${GO_WASM}`));
  })();
  // A failed load (a missing file) is tried again next time rather than remembered.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** A parser for Go; each caller owns its parser (a parser is not re-entrant). */
export async function goParser(): Promise<Parser> {
  const language = await loadGo();
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
