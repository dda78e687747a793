// Side-by-side benchmark on googleapis: `graycheck check` vs `buf breaking` on the same repository and edit,
// alternating runs, medians and their ratio. This machine is shared and noisy: read the ratio, not the absolute times.
// Usage: node bench/protobufBreaking.mjs [--runs N]   (after `npm run build`, or GRAYCHECK_CLI=<a bundled cli.js>)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, realpathSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const corpus = resolve(process.env.GRAYCHECK_CORPUS ?? '../shared/corpora/googleapis-protos.tar.gz');
const cli = resolve(process.env.GRAYCHECK_CLI ?? 'dist/cli.js');
const buf = resolve('node_modules/.bin/buf');
if (!existsSync(corpus)) throw new Error(`corpus not found: ${corpus} (set GRAYCHECK_CORPUS)`);
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

const work = realpathSync(mkdtempSync(join(tmpdir(), 'graycheck-bench-')));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
};
try {
  execFileSync('tar', ['-xzf', corpus, '-C', work]);
  const repo = join(work, 'googleapis');
  // preview/ duplicates google/api and cannot compile in the same module (corpora/README.md).
  writeFileSync(join(repo, 'buf.yaml'), 'version: v2\nmodules:\n  - path: .\n    excludes: [preview]\n');
  const git = (...args) => execFileSync('git', args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'googleapis');

  // One change: delete a field from a message of a large, much-imported file.
  const target = join(repo, 'google/api/http.proto');
  const before = readFileSync(target, 'utf8');
  const after = before.replace(/\n\s*string selector = 1;\n/, '\n');
  if (after === before) throw new Error('the benchmark edit did not apply');
  writeFileSync(target, after);

  const time = (command, args) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const tools = {
    graycheck: () => time(process.execPath, [cli, 'check', '--base', 'HEAD', '--format', 'json']),
    buf: () => time(buf, ['breaking', '--against', '.git#ref=HEAD', '--error-format', 'json']),
  };
  const samples = { graycheck: [], buf: [] };
  const outputs = {};
  for (const name of Object.keys(tools)) outputs[name] = tools[name](); // warm-up: file cache, buf's module cache
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 === 0 ? ['graycheck', 'buf'] : ['buf', 'graycheck']) samples[name].push(tools[name]().ms);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const graycheckFindings = JSON.parse(outputs.graycheck.stdout).findings.map((f) => `${f.rule} ${f.file}:${f.range.start.line}:${f.range.start.column}`);
  const bufFindings = outputs.buf.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map((f) => `${f.type} ${f.path}:${f.start_line}:${f.start_column}`);
  const report = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores, node ${process.version}`,
    files: Number(git('ls-files', '--', '*.proto').toString().trim().split('\n').length),
    runs,
    graycheckMedianMs: Math.round(median(samples.graycheck)),
    bufMedianMs: Math.round(median(samples.buf)),
    ratio: Number((median(samples.graycheck) / median(samples.buf)).toFixed(3)),
    graycheckFindings,
    bufFindings,
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
