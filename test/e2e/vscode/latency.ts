// On-type latency in the real workbench: from the keystroke that deletes a field line to the first sign of the diagnostic
// (an error squiggle, or the status bar's problem counter changing), both timed inside the page on the same clock.
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Workbench } from './workbench';

/** Deletes the field at `line`, returns the milliseconds until its finding shows, then undoes and waits for the clean state. */
export async function measureEditLatency(bench: Workbench, line: number, what: string): Promise<{ ms: number; via: string }> {
  const page = bench.page;
  await bench.goToLine(line);
  const cleanLabel = (await page.evaluate('window.graycheckProbes.installLatencyProbe()')) as string;
  await page.keyboard.press('Control+Shift+K');
  try {
    await page.waitForFunction('window.graycheckProbes.latency.shownAt !== undefined', undefined, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`timed out after 30 s waiting for the finding of a field deleted from ${what} (line ${line})`, { cause: error });
  }
  const probe = (await page.evaluate('window.graycheckProbes.latency')) as { keyAt?: number; shownAt: number; via: string };
  if (probe.keyAt === undefined) throw new Error(`the page did not see the keystroke that deleted line ${line}`);
  await page.keyboard.press('Control+Z');
  try {
    await page.waitForFunction(
      (label) => {
        const probes = (globalThis as unknown as { graycheckProbes: { squiggleCount(): number; problemsLabel(): string } }).graycheckProbes;
        return probes.squiggleCount() === 0 && probes.problemsLabel() === label;
      },
      cleanLabel,
      { timeout: 30_000 },
    );
  } catch (error) {
    throw new Error(`timed out after 30 s waiting for the finding in ${what} to clear after undo`, { cause: error });
  }
  return { ms: probe.shownAt - probe.keyAt, via: probe.via };
}

/** Nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const RESULTS_HEADING = '## On-type latency in VS Code (code-server)';

/** Writes (or replaces) our section of bench/RESULTS.md, leaving every other section as it is. */
export function writeLatencyResults(file: string, result: { samples: readonly number[]; p50: number; p95: number; lines: number; debounceMs: number }): void {
  const section = [
    RESULTS_HEADING,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run test:e2e\` (test/e2e/vscode/vscode.e2e.ts): the packaged .vsix in code-server 4.100.3`,
    `(VS Code 1.100.3) in headless Chromium, on this machine (${osSummary()}).`,
    `In a ${result.lines}-line proto, ${result.samples.length} times: Ctrl+Shift+K deletes a field line of an unsaved buffer, and the time runs`,
    'from that keydown to the first error squiggle or change of the Problems counter, both timed in the page.',
    `It includes the extension's debounce (\`graycheck.debounceMs\`, ${result.debounceMs} ms), the LSP round trip and VS Code's rendering;`,
    'the last column subtracts the debounce, for comparison with SPEC §8 ("within 50 ms (p95) of the debounce").',
    '',
    '| edits | p50 | p95 | min | max | p95 after the debounce |',
    '|---|---|---|---|---|---|',
    `| ${result.samples.length} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(Math.min(...result.samples))} | ${ms(Math.max(...result.samples))} | ${ms(result.p95 - result.debounceMs)} |`,
    '',
  ].join('\n');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Graycheck benchmark results\n';
  const start = existing.indexOf(RESULTS_HEADING);
  let updated: string;
  if (start < 0) updated = `${existing.trimEnd()}\n\n${section}`;
  else {
    const next = existing.indexOf('\n## ', start + RESULTS_HEADING.length);
    updated = `${existing.slice(0, start)}${section}${next < 0 ? '' : `\n${existing.slice(next + 1)}`}`;
  }
  fs.writeFileSync(file, updated.endsWith('\n') ? updated : `${updated}\n`);
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function osSummary(): string {
  return `${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
}
