// `npm run package`: graycheck-<version>.vsix at the root, from production bundles, plus the npm package's file list (dry run).
// Everything happens in a staging copy: the shared dist/ is never rebuilt under running tests, and vsce, which refuses
// package.json `files` next to .vscodeignore, sees a manifest without `files` (npm uses it; .vscodeignore rules the vsix).
// Options: --out FILE (where the .vsix goes), --report FILE (JSON with both listings and sizes, for test/e2e/packaging.test.ts).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEVER_COPIED = new Set(['node_modules', '.git', 'dist', 'test-artifacts', '.vscode-test', 'out']);

function option(name) {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : path.resolve(process.argv[index + 1] ?? '');
}

function run(command, args, cwd, capture = false) {
  const result = spawnSync(command, args, { cwd, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    console.error(`package: \`${[path.basename(command), ...args].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    process.exit(1);
  }
  return result.stdout;
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsixPath = option('--out') ?? path.join(root, `${manifest.name}-${manifest.version}.vsix`);
const reportPath = option('--report');
const staging = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-package-')));
try {
  // The sources and everything else; .vscodeignore and `files` then choose, exactly as they would at the root.
  fs.cpSync(root, staging, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(root, source);
      if (relative === '') return true;
      const first = relative.split(path.sep)[0];
      return !NEVER_COPIED.has(first) && !(relative === first && first.endsWith('.vsix'));
    },
  });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(staging, 'node_modules'), 'dir');
  run(process.execPath, ['scripts/build.mjs', '--production'], staging);

  const npmPack = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], staging, true))[0];

  const { files: _npmFiles, ...vsixManifest } = manifest;
  fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(vsixManifest, null, 2)}\n`);
  fs.rmSync(path.join(staging, 'node_modules'));
  fs.mkdirSync(path.dirname(vsixPath), { recursive: true });
  fs.rmSync(vsixPath, { force: true });
  run(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsixPath], staging);

  const vsixBytes = fs.statSync(vsixPath).size;
  console.log(`package: ${path.relative(process.cwd(), vsixPath)}: ${vsixBytes} bytes`);
  console.log(`package: npm package ${npmPack.filename}: ${npmPack.size} bytes packed, ${npmPack.unpackedSize} unpacked, ${npmPack.files.length} files:`);
  for (const file of npmPack.files) console.log(`  ${file.path} (${file.size} bytes)`);
  if (reportPath) {
    const report = {
      vsix: { path: vsixPath, sizeBytes: vsixBytes },
      npm: {
        filename: npmPack.filename,
        sizeBytes: npmPack.size,
        unpackedSizeBytes: npmPack.unpackedSize,
        files: npmPack.files.map(({ path: file, size }) => ({ path: file, sizeBytes: size })),
      },
    };
    fs.writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  }
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
