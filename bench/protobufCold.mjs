// The pre-commit hook's case (issue 11, item 5): a cold `graycheck check --staged` of a small module against `buf breaking`
// on the same repository and edit, alternating runs, medians and their ratio. The module is googleapis' pubsub API
// (pubsub.proto, 2,660 lines, and schema.proto) with every file they import, directly or not; one field of pubsub.proto
// is deleted and staged. Each run is a fresh process, as a hook's is.
// Usage: node bench/protobufCold.mjs [--runs N]   (after `npm run build`, or GRAYCHECK_CLI=<a bundled cli.js>)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { googleapisRepo } from './corpus.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 9;
const cli = resolve(process.env.GRAYCHECK_CLI ?? 'dist/cli.js');
const buf = resolve('node_modules/.bin/buf');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

const EDITED = 'google/pubsub/v1/pubsub.proto';
const API = ['google/pubsub/v1/pubsub.proto', 'google/pubsub/v1/schema.proto'];

/** The files `roots` import, directly or not, that the corpus holds (google/protobuf's are buf's and ours built in). */
function importClosure(dir, roots) {
  const seen = new Set();
  const pending = [...roots];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/^import\s+(?:public\s+|weak\s+)?"([^"]+)";/gm)) pending.push(match[1]);
  }
  return [...seen].sort();
}

const { repo, git, cleanup } = googleapisRepo((dir) => importClosure(dir, API));
// A code cache of the benchmark's own, written by the warm-up run as a user's first check writes theirs: what earlier
// commands on this machine left in the user's cache directory (other kinds' code) does not weigh on the figure.
const codeCache = mkdtempSync(join(tmpdir(), 'graycheck-bench-code-cache-'));
try {
  const target = join(repo, EDITED);
  const before = readFileSync(target, 'utf8');
  const after = before.replace(/\n {2}string kms_key_name = 5 \[[^\]]*\];\n/, '\n');
  if (after === before) throw new Error('the benchmark edit did not apply');
  writeFileSync(target, after);
  git('add', EDITED);

  const time = (command, args) => {
    const start = process.hrtime.bigint();
    const env = { ...process.env, GRAYCHECK_CODE_CACHE: codeCache };
    const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // graycheck exits 1 and buf 100 when they find something.
    if (result.status === null || ![0, 1, 100].includes(result.status)) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
    return { ms, stdout: result.stdout };
  };
  const tools = {
    graycheck: () => time(process.execPath, [cli, 'check', '--staged', '--format', 'json']),
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
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    files: git('ls-files', '--', '*.proto').toString().trim().split('\n').length,
    runs,
    graycheckMs: samples.graycheck.map(Math.round),
    bufMs: samples.buf.map(Math.round),
    graycheckMedianMs: Math.round(median(samples.graycheck)),
    bufMedianMs: Math.round(median(samples.buf)),
    ratio: Number((median(samples.graycheck) / median(samples.buf)).toFixed(3)),
    sameFindings: JSON.stringify([...graycheckFindings].sort()) === JSON.stringify([...bufFindings].sort()),
    graycheckFindings,
    bufFindings,
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  cleanup();
  rmSync(codeCache, { recursive: true, force: true });
}
