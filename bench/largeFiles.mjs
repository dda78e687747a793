// Linear cost on large protos (issue 12, item 5), on generated text: one package of repeated chunks (an enum, messages with
// scalars, maps, a oneof, proto3 optional, a nested message, reserved ranges, options, and a service), each chunk's
// references inside itself, so that the same chunks make one file or many. Every check compares a base commit with a
// working tree that changed one field's type in the middle, so there is exactly one finding.
//   - `graycheck check` of 1, 2 and 4 MB in one file, and of the same 4 MB over 40 files (alternating runs, medians);
//   - 20 MB in one file: wall time and peak RSS;
//   - over LSP, keystrokes in a 1 MB file (didChange → publishDiagnostics of that version, debounce 0);
//   - over LSP, while Check Workspace runs on 4 MB in one file: how long codeAction, executeCommand and shutdown take.
// Usage: node --import tsx bench/largeFiles.mjs [--runs N] [--skip-20mb] [--only scaling,keystrokes,responsiveness,20mb]
//   (CLI: dist/cli.js or GRAYCHECK_CLI; server: GRAYCHECK_LSP_SERVER, as the other benchmarks)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LspSession } from '../test/support/lspSession.ts';
import { gitEnv } from './corpus.mjs';
import { typeAndTime } from './lspLatency.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(',')) : undefined;
const wanted = (part) => !only || only.has(part);
// GRAYCHECK_BENCH_SCALE=0.05 tries the script quickly on small files.
const scale = Number(process.env.GRAYCHECK_BENCH_SCALE) || 1;
const cli = resolve(process.env.GRAYCHECK_CLI ?? 'dist/cli.js');
const HEADER = 'syntax = "proto3";\n\npackage bench.v1;\n';
const EDIT = ['int32 quantity = 2;', 'int64 quantity = 2;'];

function chunk(i) {
  return `
// Chunk ${i}: the status of an order.
enum Status${i} {
  STATUS${i}_UNSPECIFIED = 0;
  STATUS${i}_OPEN = 1;
  STATUS${i}_CLOSED = 2;
}

// An order line.
message Line${i} {
  string sku = 1;
  int32 quantity = 2;
  optional int64 price_micros = 3;
  repeated string tags = 4;
  map<string, string> labels = 5;
  Status${i} status = 6;
}

message Order${i} {
  string id = 1;
  repeated Line${i} lines = 2;
  oneof payer {
    string customer_id = 3;
    string company_id = 4;
  }
  message Note {
    string author = 1;
    string text = 2 [json_name = "body"];
  }
  repeated Note notes = 5;
  Status${i} status = 6 [deprecated = true];
  reserved 7, 9 to 11;
  reserved "legacy";
}

message GetOrder${i}Request { string id = 1; }
message ListOrders${i}Response { repeated Order${i} orders = 1; string next_page_token = 2; }

service Orders${i} {
  rpc GetOrder(GetOrder${i}Request) returns (Order${i});
  rpc ListOrders(GetOrder${i}Request) returns (ListOrders${i}Response) { option idempotency_level = NO_SIDE_EFFECTS; }
}
`;
}

/** A repository of `megabytes` of chunks over `files` files, committed, with the one edit in the working tree. */
function generatedRepo(megabytes, files) {
  const count = Math.ceil((megabytes * scale * 1e6) / chunk(0).length);
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'graycheck-bench-large-')));
  const git = (...args) => execFileSync('git', args, { cwd: dir, env: gitEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'bench/v1'), { recursive: true });
  const perFile = Math.ceil(count / files);
  const texts = [];
  for (let file = 0; file < files; file++) {
    const parts = [HEADER];
    for (let i = file * perFile; i < Math.min(count, (file + 1) * perFile); i++) parts.push(chunk(i));
    texts.push(parts.join(''));
    writeFileSync(join(dir, `bench/v1/part${file}.proto`), texts[file]);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'generated');
  const edited = Math.floor(files / 2);
  const path = `bench/v1/part${edited}.proto`;
  const text = texts[edited];
  const at = text.indexOf(EDIT[0], Math.floor(text.length / 2));
  writeFileSync(join(dir, path), text.slice(0, at) + EDIT[1] + text.slice(at + EDIT[0].length));
  return { dir, path, text, bytes: texts.reduce((sum, part) => sum + part.length, 0), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One `graycheck check`: wall and CPU seconds, peak RSS (GNU time), and the rules found. */
function timedCheck(dir) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cli, 'check', '--base', 'HEAD', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const [wall, user, system, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const findings = JSON.parse(result.stdout).findings.map((finding) => finding.rule);
  return { wallS: wall, cpuS: Math.round((user + system) * 100) / 100, peakMb: Math.round(kb / 1024), findings };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summary(samples) {
  return {
    wallMedianS: median(samples.map((sample) => sample.wallS)),
    cpuMedianS: median(samples.map((sample) => sample.cpuS)),
    peakMb: Math.max(...samples.map((sample) => sample.peakMb)),
    findings: samples[0].findings,
  };
}

/** Alternating runs of the given repositories (by name), medians per name. */
function alternate(repos) {
  const samples = Object.fromEntries(Object.keys(repos).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    const names = Object.keys(repos);
    for (const name of run % 2 === 0 ? names : names.reverse()) samples[name].push(timedCheck(repos[name].dir));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, { megabytes: repos[name].bytes / 1e6, ...summary(list) }]));
}

async function withSession(dir, use) {
  const disposers = [];
  const session = await LspSession.start({ after: (fn) => disposers.push(fn) }, dir, { settings: { debounceMs: 0 } });
  try {
    return await use(session);
  } finally {
    for (const dispose of disposers) await dispose();
  }
}

async function keystrokes(repo) {
  return withSession(repo.dir, async (session) => {
    const document = await session.open(repo.path, repo.text);
    const first = performance.now();
    await session.waitFor('the first publishDiagnostics', () => session.publishedFor(repo.path).find((p) => p.version === document.version), 600_000);
    const firstCheckMs = Math.round(performance.now() - first);
    const anchor = 'message Order';
    const at = repo.text.indexOf(anchor, Math.floor(repo.text.length / 2));
    const at2 = repo.text.indexOf('{\n', at) + 2;
    // GRAYCHECK_BENCH_KEYS=N types only the first N characters (a quick look, or a profile).
    const typed = '  // typed by the benchmark\n  string bench_note = 99;\n'.slice(0, Number(process.env.GRAYCHECK_BENCH_KEYS) || undefined);
    const timing = await typeAndTime(session, document, repo.path, repo.text, at2, typed);
    return { megabytes: repo.bytes / 1e6, firstCheckMs, ...timing };
  });
}

/** Requests answered while Check Workspace runs on a large file: each timed from send to answer. */
async function responsiveness(repo) {
  return withSession(repo.dir, async (session) => {
    const document = await session.open(repo.path, repo.text);
    await session.waitFor('the first publishDiagnostics', () => session.publishedFor(repo.path).find((p) => p.version === document.version), 600_000);
    const timed = async (promise) => {
      const start = performance.now();
      await promise;
      return Math.round((performance.now() - start) * 10) / 10;
    };
    let checkDone = false;
    const checkStart = performance.now();
    const check = session.connection
      .sendRequest('workspace/executeCommand', { command: 'graycheck.checkWorkspace', arguments: [] })
      .finally(() => (checkDone = true));
    const codeActions = [];
    const commands = [];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const range = { start: { line: 10, character: 0 }, end: { line: 10, character: 5 } };
    while (!checkDone && codeActions.length < 40) {
      codeActions.push(
        await timed(session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: document.uri }, range, context: { diagnostics: [] } })),
      );
      commands.push(await timed(session.connection.sendRequest('workspace/executeCommand', { command: 'graycheck.showBase', arguments: [] })));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const during = !checkDone;
    const shutdownMs = await timed(session.connection.sendRequest('shutdown'));
    await check.catch(() => undefined);
    const pick = (list, q) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(q * list.length) - 1)];
    return {
      megabytes: repo.bytes / 1e6,
      checkWorkspaceMs: Math.round(performance.now() - checkStart),
      probes: codeActions.length,
      codeActionP50Ms: pick(codeActions, 0.5),
      codeActionMaxMs: Math.max(...codeActions),
      executeCommandP50Ms: pick(commands, 0.5),
      executeCommandMaxMs: Math.max(...commands),
      shutdownMs,
      shutdownWhileCheckRan: during,
    };
  });
}

const report = { started: new Date().toISOString(), machine: `${cpus().length} cores, node ${process.version}`, cli, runs };
const repos = {};
if (wanted('scaling') || wanted('keystrokes')) repos['1 MB, 1 file'] = generatedRepo(1, 1);
if (wanted('scaling')) repos['2 MB, 1 file'] = generatedRepo(2, 1);
if (wanted('scaling') || wanted('responsiveness')) repos['4 MB, 1 file'] = generatedRepo(4, 1);
if (wanted('scaling')) repos['4 MB, 40 files'] = generatedRepo(4, 40);
try {
  if (wanted('scaling')) {
    report.scaling = alternate(repos);
    const single = report.scaling['4 MB, 1 file'];
    const split = report.scaling['4 MB, 40 files'];
    report.oneFileOverFortyFiles = {
      wall: Math.round((single.wallMedianS / split.wallMedianS) * 100) / 100,
      cpu: Math.round((single.cpuMedianS / split.cpuMedianS) * 100) / 100,
    };
  }
  if (wanted('keystrokes')) report.keystrokes1MB = await keystrokes(repos['1 MB, 1 file']);
  if (wanted('responsiveness')) report.duringCheckWorkspace4MB = await responsiveness(repos['4 MB, 1 file']);
} finally {
  for (const repo of Object.values(repos)) repo.cleanup();
}
if (!process.argv.includes('--skip-20mb') && wanted('20mb')) {
  const big = generatedRepo(20, 1);
  try {
    report.twentyMB = { megabytes: big.bytes / 1e6, ...timedCheck(big.dir) };
  } finally {
    big.cleanup();
  }
}
report.finished = new Date().toISOString();
console.log(JSON.stringify(report, null, 2));
