// The language server's memory on the whole googleapis workspace: opens a few files, runs graycheck.checkWorkspace,
// then reads the server process's VmHWM (peak) and VmRSS from /proc. Prints JSON (MB). Linux only. The server is started
// twice: with the Node flags the VS Code client gives it (SERVER_NODE_FLAGS), and without (`graycheck lsp --stdio` as
// another editor starts it).
// Usage: node --import tsx bench/serverMemory.mjs   (server: dist/cli.js, or GRAYCHECK_LSP_SERVER=<bundled server.js>)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/src/protocol.ts';
import { LspSession } from '../test/support/lspSession.ts';
import { googleapisRepo } from './corpus.mjs';

const OPENED = ['google/api/http.proto', 'google/cloud/translate/v3/translation_service.proto', 'google/pubsub/v1/pubsub.proto'];

// A scan that has not finished by then is reported as unfinished, with the memory it had reached.
const SCAN_LIMIT_MS = Number(process.env.GRAYCHECK_SCAN_LIMIT_MS) || 600_000;

export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

export async function measureMemory(repo, nodeFlags = []) {
  const disposers = [];
  const session = await LspSession.start({ after: (fn) => disposers.push(fn) }, repo, { settings: { debounceMs: 0 }, nodeFlags });
  try {
    // The session keeps its process private; the benchmark needs only its pid.
    const pid = session['child'].pid;
    for (const file of OPENED) {
      const document = await session.open(file, readFileSync(join(repo, file), 'utf8'));
      await session.waitFor(`publishDiagnostics for ${file}`, () => session.publishedFor(file).find((p) => p.version === document.version), 600_000);
    }
    const afterOpen = memoryOf(pid);
    const start = performance.now();
    let summary;
    try {
      summary = await session.within(
        'graycheck.checkWorkspace',
        session.connection.sendRequest('workspace/executeCommand', { command: 'graycheck.checkWorkspace', arguments: [] }),
        SCAN_LIMIT_MS,
      );
    } catch (error) {
      summary = { unfinished: String(error.message).split('\n')[0] };
    }
    const checkWorkspaceMs = Math.round(performance.now() - start);
    const afterScan = memoryOf(pid);
    if (!summary.unfinished) await session.shutdown();
    return { openedFiles: OPENED.length, afterOpen, afterCheckWorkspace: afterScan, checkWorkspaceMs, summary };
  } finally {
    for (const dispose of disposers) await dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { repo, cleanup } = googleapisRepo();
  try {
    const date = new Date().toISOString();
    const asVsCodeStartsIt = { nodeFlags: SERVER_NODE_FLAGS, ...(await measureMemory(repo, SERVER_NODE_FLAGS)) };
    const withoutFlags = await measureMemory(repo);
    console.log(JSON.stringify({ date, asVsCodeStartsIt, withoutFlags }, null, 2));
  } finally {
    cleanup();
  }
}
