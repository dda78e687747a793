// The metrics kind's performance promises (issue 14, item 10), side by side in one run, alternating, medians:
//  1. a full `graycheck check` of prometheus/prometheus (its Go files and rule files) against the time tree-sitter-go alone
//     takes to parse its Go files (the floor), in a fresh process each;
//  2. keystroke → publishDiagnostics over LSP in a 2,000-line Go file of that repository (p50/p95);
//  3. `.prom` lint of 50,000 series: `graycheck check` against `promtool check metrics`;
//  4. the language server's memory with that repository open, after Check Workspace.
// The repository comes from the local mirror (/work/.mirror/prometheus+prometheus, or GRAYCHECK_MIRRORS), checked out into a
// temp dir; blobs the mirror lacks are left out of the working tree (skip-worktree), so the tree equals HEAD.
// Usage: node --import tsx bench/metrics.mjs [--runs N] [--only prom]   (CLI: dist/cli.js or GRAYCHECK_CLI; server: GRAYCHECK_LSP_SERVER)
// --only prom: the `.prom` lint against promtool alone (3), without checking out prometheus/prometheus.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LspSession } from '../test/support/lspSession.ts';
import { typeAndTime } from './lspLatency.mjs';
import { memoryOf } from './serverMemory.mjs';

const MIRRORS = process.env.GRAYCHECK_MIRRORS ?? '/work/.mirror';
const CLI = resolve(process.env.GRAYCHECK_CLI ?? 'dist/cli.js');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'prom') throw new Error(`--only takes "prom", not ${JSON.stringify(only)}`);
const TYPED_FILE = 'storage/remote/queue_manager.go';
const ANCHOR = 'func (t *QueueManager) Start() {\n';
const TYPED = '\t// a note typed by the benchmark\n\tt.metrics.failedSamplesTotal.Add(0)\n';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms) => Math.round(ms);

function checkout(name) {
  const dir = mkdtempSync(join(tmpdir(), 'graycheck-bench-metrics-'));
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  execFileSync('git', ['clone', '-q', '--shared', '--no-checkout', join(MIRRORS, name, 'repo'), dir]);
  git('read-tree', 'HEAD');
  const entries = git('ls-files', '-s')
    .toString()
    .trim()
    .split('\n')
    .map((line) => {
      const [meta, path] = line.split('\t');
      return { object: meta.split(' ')[1], path };
    });
  const checked = execFileSync('git', ['cat-file', '--batch-check'], {
    cwd: dir,
    input: entries.map((entry) => entry.object).join('\n') + '\n',
    maxBuffer: 1 << 28,
  })
    .toString()
    .trim()
    .split('\n');
  const missing = entries.filter((_, index) => checked[index].endsWith(' missing')).map((entry) => entry.path);
  const present = entries.filter((_, index) => !checked[index].endsWith(' missing')).map((entry) => entry.path);
  execFileSync('git', ['checkout-index', '--stdin'], { cwd: dir, input: present.join('\n') + '\n' });
  if (missing.length > 0) execFileSync('git', ['update-index', '--skip-worktree', '--stdin'], { cwd: dir, input: missing.join('\n') + '\n' });
  return { dir, missing: missing.length, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function goFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (name === '.git' || name === 'vendor') return [];
    if (statSync(join(dir, relative)).isDirectory()) return goFiles(dir, relative);
    return name.endsWith('.go') ? [relative] : [];
  });
}

/** The floor: a fresh node process that loads tree-sitter-go and parses every Go file of the checkout once. */
const PARSE_SCRIPT = `
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Parser, Language } = require('web-tree-sitter');
(async () => {
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm')));
  const files = JSON.parse(process.argv[2]);
  let bytes = 0;
  for (const file of files) { const text = readFileSync(join(process.argv[1], file), 'utf8'); bytes += text.length; parser.parse(text).delete(); }
  console.log(JSON.stringify({ files: files.length, bytes }));
})();`;

function timed(command, args, options) {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  return { ms: performance.now() - start, result };
}

/** Runs `use` with a code cache directory of its own for the CLI, written by the case's warm-up run as a user's first
 *  check writes theirs: what earlier commands on this machine left in the user's cache directory (other kinds' code)
 *  does not weigh on the figure. */
function withCodeCache(use) {
  const dir = mkdtempSync(join(tmpdir(), 'graycheck-bench-code-cache-'));
  try {
    return use({ ...process.env, GRAYCHECK_CODE_CACHE: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fullCheck(dir) {
  return withCodeCache((env) => fullCheckWith(dir, env));
}

/** No warm-up: the first run writes the code cache, about 40 ms of a 7 s run, and the median leaves it out. */
function fullCheckWith(dir, env) {
  const files = goFiles(dir);
  const listFile = join(tmpdir(), `graycheck-bench-go-files-${process.pid}.json`);
  writeFileSync(listFile, JSON.stringify(files));
  const parse = [];
  const check = [];
  let findings;
  for (let run = 0; run < runs; run++) {
    const floor = timed(process.execPath, ['-e', PARSE_SCRIPT, dir, readFileSync(listFile, 'utf8')], { cwd: resolve('.') });
    if (floor.result.status !== 0) throw new Error(floor.result.stderr);
    parse.push(floor.ms);
    const ours = timed(process.execPath, [CLI, 'check', '--base', 'HEAD', '--format', 'json'], { cwd: dir, env });
    if (ours.result.status === null || ours.result.status > 1) throw new Error(ours.result.stderr);
    check.push(ours.ms);
    const report = JSON.parse(ours.result.stdout);
    findings = { metrics: report.findings.filter((finding) => finding.kind === 'metrics').length, filesChecked: report.filesChecked };
  }
  rmSync(listFile, { force: true });
  return {
    goFiles: files.length,
    parseFloorMs: parse.map(round),
    checkMs: check.map(round),
    medianParseFloorMs: round(median(parse)),
    medianCheckMs: round(median(check)),
    ratio: Math.round((median(check) / median(parse)) * 100) / 100,
    findings,
  };
}

async function keystrokes(dir) {
  const disposers = [];
  const session = await LspSession.start({ after: (fn) => disposers.push(fn) }, dir, { settings: { debounceMs: 0 } });
  try {
    const pid = session['child'].pid;
    const text = readFileSync(join(dir, TYPED_FILE), 'utf8');
    const at = text.indexOf(ANCHOR) + ANCHOR.length;
    if (at < ANCHOR.length) throw new Error(`anchor not found in ${TYPED_FILE}`);
    const document = await session.open(TYPED_FILE, text, 'go');
    const firstStart = performance.now();
    await session.waitFor('the first publishDiagnostics', () => session.publishedFor(TYPED_FILE).find((p) => p.version === document.version), 600_000);
    const firstCheckMs = performance.now() - firstStart;
    const timing = await typeAndTime(session, document, TYPED_FILE, text, at, TYPED);
    const afterTyping = memoryOf(pid);
    const scanStart = performance.now();
    await session.within(
      'graycheck.checkWorkspace',
      session.connection.sendRequest('workspace/executeCommand', { command: 'graycheck.checkWorkspace', arguments: [] }),
      600_000,
    );
    const checkWorkspaceMs = performance.now() - scanStart;
    const afterScan = memoryOf(pid);
    await session.shutdown();
    return {
      file: TYPED_FILE,
      lines: text.split('\n').length,
      firstCheckMs: round(firstCheckMs),
      ...timing,
      memoryAfterTyping: afterTyping,
      checkWorkspaceMs: round(checkWorkspaceMs),
      memoryAfterCheckWorkspace: afterScan,
    };
  } finally {
    for (const dispose of disposers) await dispose();
  }
}

/** 50,000 series in 1,000 families of our own making: counters, gauges, histograms and summaries, some names promlint dislikes. */
function exposition() {
  const lines = [];
  let series = 0;
  for (let family = 0; family < 1000; family++) {
    const type = ['counter', 'gauge', 'histogram', 'summary'][family % 4];
    const name = `bench_${['requests', 'queueLength', 'latency_ms', 'payload'][family % 4]}_${family}${type === 'counter' && family % 8 ? '_total' : ''}`;
    if (family % 10) lines.push(`# HELP ${name} Family ${family} of the benchmark.`);
    lines.push(`# TYPE ${name} ${type}`);
    for (let item = 0; series < (family + 1) * 50; item++) {
      const labels = `instance="host-${item % 7}",path="/api/v${item % 3}/${item}"`;
      if (type === 'histogram') {
        for (const le of ['0.1', '1', '+Inf']) lines.push(`${name}_bucket{${labels},le="${le}"} ${item}`);
        lines.push(`${name}_sum{${labels}} ${item * 1.5}`, `${name}_count{${labels}} ${item}`);
        series += 5;
      } else if (type === 'summary') {
        lines.push(`${name}{${labels},quantile="0.5"} ${item}`, `${name}_sum{${labels}} ${item}`, `${name}_count{${labels}} ${item}`);
        series += 3;
      } else {
        lines.push(`${name}{${labels}} ${item}`);
        series += 1;
      }
    }
  }
  return { text: lines.join('\n') + '\n', series };
}

function promLint() {
  return withCodeCache((codeCacheEnv) => promLintWith(codeCacheEnv));
}

function promLintWith(codeCacheEnv) {
  const dir = mkdtempSync(join(tmpdir(), 'graycheck-bench-prom-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const { text, series } = exposition();
    writeFileSync(join(dir, 'metrics.prom'), text);
    const ours = [];
    const promtool = [];
    let counts;
    const tools = {
      graycheck: () => {
        const graycheck = timed(process.execPath, [CLI, 'check', '--format', 'json', 'metrics.prom'], { cwd: dir, env: codeCacheEnv });
        if (graycheck.result.status === null || graycheck.result.status > 1) throw new Error(graycheck.result.stderr);
        counts = { ...counts, graycheckFindings: JSON.parse(graycheck.result.stdout).findings.length };
        return graycheck.ms;
      },
      promtool: () => {
        const theirs = timed('promtool', ['check', 'metrics'], { cwd: dir, input: text });
        counts = { ...counts, promtoolLines: theirs.result.stderr.trim().split('\n').length, promtoolExit: theirs.result.status };
        return theirs.ms;
      },
    };
    // A warm-up run of each (the file cache; the CLI's code cache, which its first run writes), then alternating runs.
    tools.graycheck();
    tools.promtool();
    for (let run = 0; run < runs; run++) {
      for (const name of run % 2 === 0 ? ['graycheck', 'promtool'] : ['promtool', 'graycheck']) {
        (name === 'graycheck' ? ours : promtool).push(tools[name]());
      }
    }
    return {
      series,
      bytes: text.length,
      graycheckMs: ours.map(round),
      promtoolMs: promtool.map(round),
      medianGraycheckMs: round(median(ours)),
      medianPromtoolMs: round(median(promtool)),
      ratio: Math.round((median(ours) / median(promtool)) * 100) / 100,
      ...counts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
if (only === 'prom') {
  const report = { date: new Date().toISOString(), runs, load: [load()] };
  report.promLint = promLint();
  report.load.push(load());
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}
const { dir, missing, cleanup } = checkout('prometheus+prometheus');
try {
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
  const report = { date: new Date().toISOString(), repository: `prometheus/prometheus@${commit}`, missingBlobs: missing, runs, load: [load()] };
  report.fullCheck = fullCheck(dir);
  report.load.push(load());
  report.promLint = promLint();
  report.load.push(load());
  report.keystrokes = await keystrokes(dir);
  report.load.push(load());
  console.log(JSON.stringify(report, null, 2));
} finally {
  cleanup();
}
