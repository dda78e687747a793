// Runs the buf differential corpus (test/integration/bufCorpus.test.ts) and prints, per buf rule ID, how many corpus cases
// produced it and how many findings buf and graycheck agreed on. `node scripts/agreementReport.mjs [--json]`; the CLI under
// test is dist/cli.js, or GRAYCHECK_CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'graycheck-agreement-'));
const reportPath = join(dir, 'report.json');
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', 'test/integration/bufCorpus.test.ts'], {
  env: { ...process.env, GRAYCHECK_AGREEMENT_REPORT: reportPath },
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  process.stderr.write(`the corpus run wrote no report (exit ${run.status}):\n${run.stdout.slice(-4000)}${run.stderr.slice(-4000)}\n`);
  process.exit(2);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ids = JSON.parse(readFileSync('test/fixtures/buf-breaking-rule-ids.json', 'utf8')).ids;
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const width = Math.max(...ids.map((id) => id.length));
  const lines = [`${'rule'.padEnd(width)}  implemented  cases  buf findings  compared  agreed`];
  let implemented = 0;
  for (const id of ids) {
    const counts = report.rules[id];
    if (counts?.implemented) implemented++;
    const cells = counts
      ? [
          counts.implemented ? 'yes' : 'no',
          counts.cases,
          counts.bufFindings,
          counts.implemented ? counts.compared : '-',
          counts.implemented ? counts.agreed : '-',
        ]
      : ['-', 0, 0, '-', '-'];
    lines.push(
      `${id.padEnd(width)}  ${String(cells[0]).padEnd(11)}  ${String(cells[1]).padStart(5)}  ${String(cells[2]).padStart(12)}  ${String(cells[3]).padStart(8)}  ${String(cells[4]).padStart(6)}`,
    );
  }
  lines.push('', `${implemented} of ${ids.length} rule IDs implemented and compared; ${report.disagreements.length} disagreeing findings.`);
  if (report.disagreements.length > 0) lines.push('', 'Disagreements:', ...report.disagreements.map((line) => `  ${line}`));
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exit(run.status === 0 ? 0 : 1);
