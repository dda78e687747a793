// Bundles the CLI, the language server (which `graycheck lsp --stdio` also starts) and the VS Code client with esbuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { rmSync, chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
  // ES modules in the bundle (web-tree-sitter) locate their files through import.meta.url, which CommonJS lacks. Made
  // when first read: node:url and the URL cost every start half a millisecond, and only a Go file needs them.
  define: { 'import.meta.url': 'importMeta.url' },
};
const importMetaUrl = "var importMeta = { get url() { return require('url').pathToFileURL(__filename).href; } };";
// web-tree-sitter's CommonJS build for the command: its ES build binds a local `require` (createRequire after an
// `await import("module")`), which the command's import() calls, made into require() calls, would then run into.
// The command's `lsp` requires the language server's own bundle rather than carrying a copy of it.
const languageServerApart = {
  name: 'language-server-apart',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/lsp\/main$/ }, () => ({ path: './server.js', external: true }));
  },
};
const treeSitterCommonJs = {
  name: 'web-tree-sitter-commonjs',
  setup(builder) {
    builder.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: createRequire(import.meta.url).resolve('web-tree-sitter') }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  // The command's code; dist/cli.js (below) starts it from V8's code cache. No import() is left in it: a script compiled
  // with a code cache has no loader for one. Every run reads the whole file: without its white space and comments it is
  // 30% smaller (names are kept, for --debug's stack traces). It is written as the function Node would wrap a CommonJS
  // module in, so that the launcher compiles the text it read (wrapping it there made a second 1 MB string to compile)
  // and gets the function; run as a module itself (a hook written by an older install-hook names it), it runs it.
  build({
    ...common,
    minifyWhitespace: true,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: `${outdir}/cli-main.js`,
    supported: { 'dynamic-import': false },
    plugins: [treeSitterCommonJs, languageServerApart],
    banner: {
      js:
        '(function (run) { return typeof module === "object" && typeof require === "function" && require.main === module ? ' +
        'run(exports, require, module, __filename, __dirname) : run; })' +
        `(function (exports, require, module, __filename, __dirname) {${importMetaUrl}`,
    },
    footer: { js: '})' },
  }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: `${outdir}/server.js`, banner: { js: importMetaUrl } }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'], banner: { js: importMetaUrl } }),
]);
// The launcher reads an ASCII bundle as Latin-1, which V8 takes without decoding (decoding the 2 MB bundle as UTF-8 took
// 17-30 ms on the benchmark machine, reading it as Latin-1 under 3 ms). esbuild escapes every non-ASCII character of the code; those left are in comments it
// keeps, where an escape reads as well (and in code it would mean the same).
const cliMain = `${outdir}/cli-main.js`;
const cliText = readFileSync(cliMain, 'utf8');
if (/[^\x00-\x7f]/.test(cliText)) {
  writeFileSync(
    cliMain,
    cliText.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}
// The launcher reads it as Latin-1 without looking: it must be ASCII.
if (/[^\x00-\x7f]/.test(readFileSync(cliMain, 'latin1'))) throw new Error(`${cliMain} is not ASCII after escaping`);
// The launcher knows its bundle by a hash of it, so that a cache written for one build is never used for another.
const bundleId = createHash('sha256')
  .update(readFileSync(`${outdir}/cli-main.js`))
  .digest('hex')
  .slice(0, 16);
await build({
  ...common,
  sourcemap: false,
  entryPoints: ['server/src/cli/launcher.ts'],
  outfile: `${outdir}/cli.js`,
  define: { BUNDLE_ID: JSON.stringify(bundleId) },
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(`${outdir}/cli.js`, 0o755);
// The metrics kind parses Go with tree-sitter in WebAssembly: the runtime and the grammar travel beside the bundles.
copyFileSync('node_modules/web-tree-sitter/web-tree-sitter.wasm', `${outdir}/web-tree-sitter.wasm`);
copyFileSync('node_modules/tree-sitter-go/tree-sitter-go.wasm', `${outdir}/tree-sitter-go.wasm`);
