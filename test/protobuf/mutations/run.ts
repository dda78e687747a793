// `npm run agreement -- --trials N --seed S [--only PREFIX]`: seeded mutation trials on googleapis against the real buf,
// with per-rule precision and recall. Exits 1 when a compiling trial is not exact.
import { report, runTrials, isExact } from './agreement';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const trials = Number(option('trials', '100'));
  const seed = Number(option('seed', '1'));
  const only = option('only', '');
  let done = 0;
  const results = await runTrials(seed, trials, only ? only.split(',') : undefined, (trial) => {
    done++;
    if (process.stderr.isTTY) process.stderr.write(`\r${done}/${trials}${trial.compiles && !isExact(trial) ? ` (seed ${trial.seed} differs)` : ''}   `);
  });
  process.stdout.write(`${report(results)}\n`);
  process.exitCode = results.every((trial) => !trial.compiles || isExact(trial)) ? 0 : 1;
}

void main();
