// On-type latency over LSP: types a new field character by character into a 2,000-line proto of the googleapis workspace
// and times each didChange to the publishDiagnostics for that version. Prints JSON (p50/p95/max in ms).
// By default the workspace is that file's API with its imports (a typical repository); --whole uses all of googleapis.
// Usage: node --import tsx bench/lspLatency.mjs [--debounce MS] [--whole]   (server: dist/cli.js, or GRAYCHECK_LSP_SERVER=<bundled server.js>)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession } from '../test/support/lspSession.ts';
import { googleapisRepo } from './corpus.mjs';

const FILE = 'google/cloud/translate/v3/translation_service.proto';
const ANCHOR = 'message TranslateTextRequest {\n';
const TYPED = '  // A note typed by the benchmark.\n  string bench_note = 987;\n';
const debounceMs = Number(process.argv[process.argv.indexOf('--debounce') + 1]) || 0;
/** What the 2,000-line file imports, directly or not. */
export const LATENCY_WORKSPACE = ['google/cloud/translate', 'google/api', 'google/longrunning', 'google/rpc', 'google/type'];

/** Types `typed` into the open document at offset `at` one character at a time and times each didChange to the
 *  publishDiagnostics of its version, minus the debounce; p50/p95/max in ms. */
export async function typeAndTime(session, document, file, text, at, typed, debounceMs = 0) {
  const samples = [];
  for (let length = 1; length <= typed.length; length++) {
    const start = performance.now();
    await document.edit(text.slice(0, at) + typed.slice(0, length) + text.slice(at));
    const version = document.version;
    await session.waitFor(`publishDiagnostics for version ${version}`, () => session.publishedFor(file).find((p) => p.version === version), 60_000);
    samples.push(performance.now() - start - debounceMs);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (ms) => Math.round(ms * 10) / 10;
  return { edits: samples.length, p50Ms: round(pick(0.5)), p95Ms: round(pick(0.95)), maxMs: round(sorted.at(-1)) };
}

export async function measureLatency(repo) {
  const disposers = [];
  const session = await LspSession.start({ after: (fn) => disposers.push(fn) }, repo, { settings: { debounceMs } });
  try {
    const text = readFileSync(join(repo, FILE), 'utf8');
    const at = text.indexOf(ANCHOR) + ANCHOR.length;
    if (at < ANCHOR.length) throw new Error(`anchor not found in ${FILE}`);
    const document = await session.open(FILE, text);
    const firstStart = performance.now();
    await session.waitFor('the first publishDiagnostics', () => session.publishedFor(FILE).find((p) => p.version === document.version), 600_000);
    const firstCheckMs = performance.now() - firstStart;
    const timing = await typeAndTime(session, document, FILE, text, at, TYPED, debounceMs);
    await session.shutdown();
    return { file: FILE, lines: text.split('\n').length, debounceMs, firstCheckMs: Math.round(firstCheckMs), ...timing };
  } finally {
    for (const dispose of disposers) await dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const whole = process.argv.includes('--whole');
  const { repo, cleanup } = googleapisRepo(whole ? undefined : LATENCY_WORKSPACE);
  try {
    console.log(
      JSON.stringify({ date: new Date().toISOString(), workspace: whole ? 'googleapis' : LATENCY_WORKSPACE, ...(await measureLatency(repo)) }, null, 2),
    );
  } finally {
    cleanup();
  }
}
