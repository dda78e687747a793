// Bundles the CLI (which also serves `lsp --stdio`), the language server and the VS Code client with esbuild.
import { build } from 'esbuild';
import { rmSync, chmodSync, copyFileSync } from 'node:fs';

const production = process.argv.includes('--production');
// --outdir DIR: a private build (benchmarks, experiments) that leaves dist/ alone for tests that are running.
const outdir = process.argv.includes('--outdir') ? process.argv[process.argv.indexOf('--outdir') + 1] : 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // ES modules in the bundle (web-tree-sitter) locate their files through import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': 'importMetaUrl' },
};
const importMetaUrl = "var importMetaUrl = require('url').pathToFileURL(__filename).href;";

rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` } }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: `${outdir}/server.js`, banner: { js: importMetaUrl } }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'], banner: { js: importMetaUrl } }),
]);
chmodSync(`${outdir}/cli.js`, 0o755);
// The metrics kind parses Go with tree-sitter in WebAssembly: the runtime and the grammar travel beside the bundles.
copyFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', `${outdir}/web-tree-sitter.wasm`);
copyFileSync('node_modules/tree-sitter-go/tree-sitter-go.wasm', `${outdir}/tree-sitter-go.wasm`);
