// The shipped artifacts: what the .vsix and the npm package contain, built the way `npm run package` builds them.
// Sizes are printed so the README's size statement can be checked against a real build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as zlib from 'node:zlib';

const root = path.resolve(__dirname, '../..');

interface Report {
  vsix: { path: string; sizeBytes: number };
  npm: { sizeBytes: number; unpackedSizeBytes: number; files: Array<{ path: string; sizeBytes: number }> };
}

interface ZipEntry {
  name: string;
  sizeBytes: number;
  read(): Buffer;
}

/** The entries of a zip's central directory (a .vsix is a zip), each able to read its contents. */
function zipEntries(file: string): ZipEntry[] {
  const zip = fs.readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, `${file} has no zip end-of-central-directory record`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, `central directory entry ${index} of ${file}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const method = zip.readUInt16LE(offset + 10);
    const compressedBytes = zip.readUInt32LE(offset + 20);
    const localHeader = zip.readUInt32LE(offset + 42);
    const read = (): Buffer => {
      const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(start, start + compressedBytes);
      return method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    };
    entries.push({ name: zip.toString('utf8', offset + 46, offset + 46 + nameLength), sizeBytes: zip.readUInt32LE(offset + 24), read });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

let report: Report;
let vsix: ZipEntry[];
let scratch: string;

before(
  () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-packaging-'));
    const reportFile = path.join(scratch, 'report.json');
    execFileSync(process.execPath, ['scripts/package.mjs', '--out', path.join(scratch, 'graycheck.vsix'), '--report', reportFile], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
    });
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
    vsix = zipEntries(report.vsix.path);
    const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
    console.log(
      `  graycheck .vsix: ${kilobytes(report.vsix.sizeBytes)} (${vsix.length} entries, ${kilobytes(vsix.reduce((sum, entry) => sum + entry.sizeBytes, 0))} unpacked)`,
    );
    console.log(
      `  npm package: ${kilobytes(report.npm.sizeBytes)} packed, ${kilobytes(report.npm.unpackedSizeBytes)} unpacked, ${report.npm.files.length} files`,
    );
  },
  { timeout: 300_000 },
);

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('the .vsix holds the bundled client and server, the grammar, the rule docs and nothing else', () => {
  const names = vsix.map((entry) => entry.name);
  for (const required of [
    'extension.vsixmanifest',
    'extension/package.json',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    'extension/dist/web-tree-sitter.wasm',
    'extension/dist/tree-sitter-go.wasm',
    'extension/syntaxes/proto.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/server/docs/rules/protobuf/FIELD_NO_DELETE.md',
  ]) {
    assert.ok(names.includes(required), `the .vsix has ${required}; it has: ${names.join(', ')}`);
  }
  const allowed = [
    /^\[Content_Types\]\.xml$/,
    /^extension\.vsixmanifest$/,
    /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|language-configuration\.json)$/,
    /^extension\/dist\/(extension|server)\.js$/,
    // The metrics kind parses Go with tree-sitter in WebAssembly: its runtime and grammar, beside the server.
    /^extension\/dist\/(web-tree-sitter|tree-sitter-go)\.wasm$/,
    /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/,
    /^extension\/server\/docs\/rules\/[a-z]+\/[A-Za-z0-9_.-]+\.md$/,
  ];
  const unexpected = names.filter((name) => !allowed.some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, [], 'no sources, tests, maps, scripts or dependencies in the .vsix');
});

test('the .vsix ships production bundles: minified, with no source map reference', () => {
  const extension = vsix.find((entry) => entry.name === 'extension/dist/extension.js');
  const server = vsix.find((entry) => entry.name === 'extension/dist/server.js');
  assert.ok(extension && server);
  assert.ok(extension.read().length === extension.sizeBytes, 'the .vsix entries read back whole');
  const unpacked = server.read().toString('utf8');
  assert.doesNotMatch(unpacked, /sourceMappingURL/);
  const lines = unpacked.split('\n').length;
  assert.ok(unpacked.length / lines > 500, `server.js is minified (${unpacked.length} characters on ${lines} lines)`);
  assert.ok(server.sizeBytes < 2 * 1024 * 1024, `server.js is ${server.sizeBytes} bytes`);
});

test("the .vsix manifest is package.json without npm's `files`, with the repository vsce wants", () => {
  const entry = vsix.find((candidate) => candidate.name === 'extension/package.json');
  assert.ok(entry);
  const manifest = JSON.parse(entry.read().toString('utf8')) as Record<string, unknown>;
  assert.equal(manifest.files, undefined);
  assert.equal(manifest.main, './dist/extension.js');
  assert.deepEqual(manifest.repository, { type: 'git', url: 'https://github.com/graycheck/graycheck' });
});

test('the npm package holds the CLI, the server, the rule docs, the README, the license and the pre-commit hook definition', () => {
  const names = report.npm.files.map((file) => file.path).sort();
  for (const required of [
    'dist/cli.js',
    'dist/cli-main.js',
    'dist/server.js',
    'dist/web-tree-sitter.wasm',
    'dist/tree-sitter-go.wasm',
    'README.md',
    'LICENSE',
    '.pre-commit-hooks.yaml',
    'package.json',
    'server/docs/rules/protobuf/FIELD_NO_DELETE.md',
  ]) {
    assert.ok(names.includes(required), `the npm package has ${required}; it has: ${names.join(', ')}`);
  }
  const allowed =
    /^(dist\/(cli|cli-main|server)\.js|dist\/(web-tree-sitter|tree-sitter-go)\.wasm|README\.md|LICENSE|\.pre-commit-hooks\.yaml|package\.json|server\/docs\/rules\/[a-z]+\/[A-Za-z0-9_.-]+\.md)$/;
  assert.deepEqual(
    names.filter((name) => !allowed.test(name)),
    [],
    'nothing else in the npm package (no extension bundle, sources, maps or tests)',
  );
});
