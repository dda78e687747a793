// `npm run package`: production bundles, then `graycheck-<version>.vsix` at the root, built by vsce from a staging copy.
// package.json's `files` (the npm package of the CLI) and .vscodeignore (the vsix) cannot coexist for vsce, so the staging copy drops `files`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEFT_OUT = new Set(['node_modules', '.git', 'test-artifacts', '.vscode-test', 'out']);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`package: \`${[path.basename(command), ...args].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    process.exit(1);
  }
}

if (!process.argv.includes('--skip-build')) run(process.execPath, ['scripts/build.mjs', '--production'], root);
for (const bundle of ['dist/extension.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(root, bundle))) {
    console.error(`package: ${bundle} is missing after the build`);
    process.exit(1);
  }
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsixPath = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-package-'));
try {
  // Everything but what is never shipped; .vscodeignore then decides, exactly as it would at the root.
  fs.cpSync(root, staging, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(root, source);
      if (relative === '') return true;
      const first = relative.split(path.sep)[0];
      return !LEFT_OUT.has(first) && !(relative === first && first.endsWith('.vsix'));
    },
  });
  const { files: _npmFiles, ...vsixManifest } = manifest;
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(vsixManifest, null, 2)}\n`);
  fs.rmSync(vsixPath, { force: true });
  run(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsixPath], staging);
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
console.log(`package: ${path.relative(root, vsixPath)} (${fs.statSync(vsixPath).size} bytes)`);
