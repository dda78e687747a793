// The OpenAPI kind's performance promises (issue 13, item 10), in one run, on the real spec pairs of
// ../shared/corpora/openapi-pairs.tar.gz (or GRAYCHECK_OPENAPI_PAIRS), each pair a temp git repository whose commit holds
// base.yaml as openapi.yaml and whose working tree holds head.yaml:
//  1. OpenAI's 1.2 MB pair: `graycheck check` against `optic diff base.yaml head.yaml`, alternating, medians, their ratio;
//  2. Stripe's 4 MB pair: `graycheck check` against a fresh process that only parses both files with the `yaml` package
//     (with the loader's options), alternating, medians; and one `optic diff` on it, stopped after a time limit;
//  3. keystroke → publishDiagnostics over LSP, typing a property into a request schema: in a 2,000-line spec (a part of
//     OpenAI's: the first paths that fit, with every component they reference) and in the 35,805-line OpenAI spec;
//  4. the language server's peak memory with the Stripe spec open, and typing into its `account` schema.
// Usage: node --import tsx bench/openapi.mjs [--runs N] [--only optic,stripe,typing,memory]
//   CLI: dist/cli.js or GRAYCHECK_CLI; server: GRAYCHECK_LSP_SERVER; optic: GRAYCHECK_OPTIC (default `optic` on PATH),
//   its time limits: GRAYCHECK_OPTIC_LIMIT_MS on OpenAI's pair (default 1 200 000: a run over it fails the benchmark),
//   GRAYCHECK_OPTIC_STRIPE_LIMIT_MS on Stripe's (default 300 000: it is then reported as stopped).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { LspSession } from '../test/support/lspSession.ts';
import { gitEnv } from './corpus.mjs';
import { memoryOf } from './serverMemory.mjs';

const PAIRS = resolve(process.env.GRAYCHECK_OPENAPI_PAIRS ?? '../shared/corpora/openapi-pairs.tar.gz');
const CLI = resolve(process.env.GRAYCHECK_CLI ?? 'dist/cli.js');
const OPTIC = process.env.GRAYCHECK_OPTIC ?? 'optic';
const OPTIC_LIMIT_MS = Number(process.env.GRAYCHECK_OPTIC_LIMIT_MS) || 1_200_000;
const OPTIC_STRIPE_LIMIT_MS = Number(process.env.GRAYCHECK_OPTIC_STRIPE_LIMIT_MS) || 300_000;
const argument = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(argument('--runs')) || 3;
const only = argument('--only')?.split(',');
const wanted = (part) => !only || only.includes(part);

/** Typed into `CreateEmbeddingRequest`'s properties, before its first one: an optional request property. */
const ANCHOR = '\n    CreateEmbeddingRequest:\n      type: object\n      additionalProperties: false\n      properties:\n';
const TYPED = '        bench_note:\n          type: string\n          description: A note typed by the benchmark.\n';
/** Typed into Stripe's `account` schema: its keystroke latency, and the memory after typing. */
const STRIPE_ANCHOR = '\n    account:\n';
const STRIPE_TYPED = '      x-bench: typed\n';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms) => Math.round(ms);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function timed(command, args, options) {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  return { ms: performance.now() - start, result };
}

/** A git repository whose commit has `base` as openapi.yaml and whose working tree has `head`. */
function repositoryOf(work, name, base, head) {
  const repo = join(work, `repo-${name}`);
  mkdirSync(repo);
  const git = (...args) => execFileSync('git', args, { cwd: repo, env: gitEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'openapi.yaml'), base);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  writeFileSync(join(repo, 'openapi.yaml'), head);
  return repo;
}

function graycheckCheck(repo) {
  const run = timed(process.execPath, [CLI, 'check', '--format', 'json'], { cwd: repo });
  if (run.result.status === null || run.result.status > 1) throw new Error(`graycheck check failed: ${run.result.stderr}`);
  const report = JSON.parse(run.result.stdout);
  return { ms: run.ms, findings: report.findings.length, notChecked: report.notChecked.map((entry) => entry.reason) };
}

function opticDiff(dir, limitMs) {
  // OpenAI's spec does not pass optic's strict validation (an array schema with `required`), so validation is loose.
  const run = timed(OPTIC, ['diff', 'base.yaml', 'head.yaml', '--validation', 'loose'], { cwd: dir, timeout: limitMs, killSignal: 'SIGKILL' });
  if (run.result.error?.code === 'ENOENT') throw new Error(`optic not found (${OPTIC}); set GRAYCHECK_OPTIC`);
  const finished = run.result.signal === null;
  return { ms: run.ms, finished, exit: run.result.status, breaking: finished ? (run.result.stdout.match(/^\s*x \[/gm) ?? []).length : undefined };
}

/** OpenAI's 1.2 MB pair: graycheck against optic, alternating. */
function againstOptic(pairs, work) {
  const dir = join(pairs, 'openai-1m');
  const repo = repositoryOf(work, 'openai-1m', readFileSync(join(dir, 'base.yaml'), 'utf8'), readFileSync(join(dir, 'head.yaml'), 'utf8'));
  const ours = [];
  const theirs = [];
  let graycheck;
  let optic;
  for (let run = 0; run < runs; run++) {
    graycheck = graycheckCheck(repo);
    ours.push(graycheck.ms);
    optic = opticDiff(dir, OPTIC_LIMIT_MS);
    if (!optic.finished) throw new Error(`optic did not finish the OpenAI pair in ${OPTIC_LIMIT_MS} ms`);
    theirs.push(optic.ms);
  }
  return {
    pair: 'openai-1m',
    graycheckMs: ours.map(round),
    opticMs: theirs.map(round),
    medianGraycheckMs: round(median(ours)),
    medianOpticMs: round(median(theirs)),
    ratio: Math.round((median(ours) / median(theirs)) * 1000) / 1000,
    graycheckFindings: graycheck.findings,
    graycheckNotChecked: graycheck.notChecked,
    opticExit: optic.exit,
    opticBreaking: optic.breaking,
  };
}

/** The floor: a fresh node process that parses both files with the `yaml` package as the loader does (ranges, line counter). */
const PARSE_SCRIPT = `
const { readFileSync } = require('node:fs');
const { LineCounter, parseDocument } = require('yaml');
for (const file of process.argv.slice(1)) {
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0) throw new Error(file + ': ' + document.errors[0].message);
}`;

/** Stripe's 4 MB pair: graycheck against parsing both files, alternating; then optic once, with a time limit. */
function againstParsing(pairs, work) {
  const dir = join(pairs, 'stripe-4m');
  const repo = repositoryOf(work, 'stripe-4m', readFileSync(join(dir, 'base.yaml'), 'utf8'), readFileSync(join(dir, 'head.yaml'), 'utf8'));
  const parse = [];
  const ours = [];
  let graycheck;
  for (let run = 0; run < runs; run++) {
    const floor = timed(process.execPath, ['-e', PARSE_SCRIPT, join(dir, 'base.yaml'), join(dir, 'head.yaml')], { cwd: resolve('.') });
    if (floor.result.status !== 0) throw new Error(floor.result.stderr);
    parse.push(floor.ms);
    graycheck = graycheckCheck(repo);
    ours.push(graycheck.ms);
  }
  const optic = wanted('optic') ? opticDiff(dir, OPTIC_STRIPE_LIMIT_MS) : undefined;
  return {
    pair: 'stripe-4m',
    parseFloorMs: parse.map(round),
    graycheckMs: ours.map(round),
    medianParseFloorMs: round(median(parse)),
    medianGraycheckMs: round(median(ours)),
    ratio: Math.round((median(ours) / median(parse)) * 100) / 100,
    graycheckFindings: graycheck.findings,
    graycheckNotChecked: graycheck.notChecked,
    optic: optic && (optic.finished ? { finished: true, ms: round(optic.ms), exit: optic.exit } : { finished: false, stoppedAfterMs: round(optic.ms) }),
  };
}

/** About 2,000 lines of OpenAI's spec, as written: its header, the first paths (from /embeddings on) that fit with every
 *  component they reference, directly or not. The same selection is cut from base and head. */
function partOf(baseText, headText, lines = 2000) {
  const sides = [baseText, headText].map((text) => {
    const document = parseDocument(text, { uniqueKeys: false });
    const slice = (pair) => {
      const start = text.lastIndexOf('\n', pair.key.range[0]) + 1;
      return text.slice(start, pair.value.range[2]).replace(/\n*$/, '\n');
    };
    const top = document.contents.items;
    const header = top.filter((pair) => !['paths', 'components'].includes(pair.key.value)).map(slice);
    const paths = new Map(top.find((pair) => pair.key.value === 'paths').value.items.map((pair) => [pair.key.value, slice(pair)]));
    const components = new Map();
    for (const section of top.find((pair) => pair.key.value === 'components').value.items)
      for (const pair of section.value.items) components.set(`${section.key.value}/${pair.key.value}`, slice(pair));
    return { header, paths, components };
  });
  const [base, head] = sides;
  const closure = (texts) => {
    const reached = new Set();
    const pending = [...texts];
    while (pending.length > 0) {
      for (const match of pending.pop().matchAll(/#\/components\/([\w.-]+)\/([\w.-]+)/g)) {
        const key = `${match[1]}/${match[2]}`;
        if (reached.has(key) || !head.components.has(key)) continue;
        reached.add(key);
        pending.push(head.components.get(key));
      }
    }
    return reached;
  };
  const count = (text) => text.split('\n').length - 1;
  const headerLines = head.header.reduce((sum, text) => sum + count(text), 0) + 3;
  const chosen = [];
  const names = [...head.paths.keys()];
  for (const path of [...names.slice(names.indexOf('/embeddings')), ...names.slice(0, names.indexOf('/embeddings'))]) {
    if (!base.paths.has(path)) continue;
    const trial = [...chosen, path];
    const reached = closure(trial.map((name) => head.paths.get(name)));
    const total =
      headerLines +
      trial.reduce((sum, name) => sum + count(head.paths.get(name)), 0) +
      [...reached].reduce((sum, key) => sum + count(head.components.get(key)), 0);
    if (total <= lines) chosen.push(path);
  }
  const reached = [...closure(chosen.map((name) => head.paths.get(name)))].sort();
  const write = (side) => {
    const sections = new Map();
    for (const key of reached) {
      const [section] = key.split('/');
      const text = side.components.get(key) ?? head.components.get(key);
      sections.set(section, [...(sections.get(section) ?? []), text]);
    }
    return [
      ...side.header,
      'paths:\n',
      ...chosen.map((path) => side.paths.get(path)),
      'components:\n',
      ...[...sections].flatMap(([section, texts]) => [`  ${section}:\n`, ...texts]),
    ].join('');
  };
  return { base: write(base), head: write(head), paths: chosen.length, components: reached.length };
}

/** Types `typed` at offset `at`, one character per didChange with the range of the insertion (as editors send them), and
 *  times each to the publishDiagnostics of its version; p50/p95/max in ms. */
async function typeIncrementally(session, document, at, typed) {
  const samples = [];
  let offset = at;
  for (const character of typed) {
    const before = document.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const position = { line, character: offset - (before.lastIndexOf('\n') + 1) };
    document.version++;
    document.text = before + character + document.text.slice(offset);
    offset++;
    const version = document.version;
    const start = performance.now();
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: character }],
    });
    await session.waitFor(`publishDiagnostics for version ${version}`, () => session.publishedFor(document.path).find((p) => p.version === version), 600_000);
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const tenth = (ms) => Math.round(ms * 10) / 10;
  return { edits: samples.length, p50Ms: tenth(pick(0.5)), p95Ms: tenth(pick(0.95)), maxMs: tenth(sorted.at(-1)) };
}

/** Opens openapi.yaml in a server started in `repo`, waits for its first diagnostics, types, and reads its memory. */
async function typing(repo, anchor, typed) {
  const disposers = [];
  const session = await LspSession.start({ after: (fn) => disposers.push(fn) }, repo, { settings: { debounceMs: 0 } });
  try {
    const pid = session['child'].pid;
    const text = readFileSync(join(repo, 'openapi.yaml'), 'utf8');
    const at = text.indexOf(anchor) + anchor.length;
    if (at < anchor.length) throw new Error('anchor not found');
    const document = await session.open('openapi.yaml', text, 'yaml');
    const firstStart = performance.now();
    await session.waitFor('the first publishDiagnostics', () => session.publishedFor('openapi.yaml').find((p) => p.version === document.version), 600_000);
    const firstCheckMs = round(performance.now() - firstStart);
    const afterOpen = memoryOf(pid);
    // A keystroke in Stripe's `account` (reached from almost every schema) makes every operation that reaches it walk
    // again: the memory is read with the spec open and again after typing the 21 characters of STRIPE_TYPED.
    const timing = await typeIncrementally(session, document, at, typed);
    const afterTyping = memoryOf(pid);
    const diagnostics = session.publishedFor('openapi.yaml').at(-1).diagnostics.length;
    await session.shutdown();
    return { lines: text.split('\n').length, bytes: text.length, firstCheckMs, ...timing, diagnosticsAtEnd: diagnostics, afterOpen, afterTyping };
  } finally {
    for (const dispose of disposers) await dispose();
  }
}

if (!existsSync(PAIRS)) throw new Error(`spec pairs not found: ${PAIRS} (set GRAYCHECK_OPENAPI_PAIRS)`);
const work = realpathSync(mkdtempSync(join(tmpdir(), 'graycheck-bench-openapi-')));
try {
  execFileSync('tar', ['-xzf', PAIRS, '-C', work]);
  const pairs = join(work, 'openapi-pairs');
  const report = { date: new Date().toISOString(), runs, cli: CLI, server: process.env.GRAYCHECK_LSP_SERVER ?? CLI, load: [load()] };
  if (wanted('optic')) {
    report.openaiAgainstOptic = againstOptic(pairs, work);
    report.load.push(load());
  }
  if (wanted('stripe')) {
    report.stripeAgainstParsing = againstParsing(pairs, work);
    report.load.push(load());
  }
  if (wanted('typing')) {
    const openai = join(pairs, 'openai-1m');
    const part = partOf(readFileSync(join(openai, 'base.yaml'), 'utf8'), readFileSync(join(openai, 'head.yaml'), 'utf8'));
    const small = repositoryOf(work, 'openai-part', part.base, part.head);
    report.typing2000 = { paths: part.paths, components: part.components, ...(await typing(small, ANCHOR, TYPED)) };
    report.load.push(load());
    const whole = repositoryOf(work, 'openai-typing', readFileSync(join(openai, 'base.yaml'), 'utf8'), readFileSync(join(openai, 'head.yaml'), 'utf8'));
    report.typingOpenai = await typing(whole, ANCHOR, TYPED);
    report.load.push(load());
  }
  if (wanted('memory')) {
    const stripe = join(pairs, 'stripe-4m');
    const repo = repositoryOf(work, 'stripe-memory', readFileSync(join(stripe, 'base.yaml'), 'utf8'), readFileSync(join(stripe, 'head.yaml'), 'utf8'));
    report.stripeServer = await typing(repo, STRIPE_ANCHOR, STRIPE_TYPED);
    report.load.push(load());
  }
  console.log(JSON.stringify(report, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
