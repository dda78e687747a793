// `npm run agreement -- --trials N --seed S [--only PREFIX,...] [--tree googleapis,protobuf,envoy] [--mode staged|'working tree'] [--jobs 2] [--log FILE] [--against image|directory]`:
// seeded mutation trials on real proto trees against the real buf, with per-rule precision and recall. Exits 1 when a
// compiling trial is not exact. --log appends each trial to FILE as a JSON line as it ends, and a run with the same FILE
// skips the seeds already there and reports on all of them (a long run survives being stopped).
import * as fs from 'node:fs';
import { isExact, MODES, report, runTrials, type Mode, type Trial } from './agreement';
import { TREE_NAMES, type TreeName } from './corpus';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

function list<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
  const value = option(name, '');
  if (!value) return undefined;
  const items = value.split(',');
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`--${name}: ${item} is not one of ${allowed.join(', ')}`);
  return items as T[];
}

async function main(): Promise<void> {
  const count = Number(option('trials', '100'));
  const first = Number(option('seed', '1'));
  const only = option('only', '');
  const trees = list<TreeName>('tree', TREE_NAMES);
  const modes = list<Mode>('mode', MODES);
  const concurrency = Number(option('jobs', '1'));
  const against = list('against', ['image', 'directory'] as const)?.[0];
  const log = option('log', '');
  const logged: Trial[] =
    log && fs.existsSync(log)
      ? fs
          .readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Trial)
      : [];
  const skip = new Set(logged.filter((trial) => trial.seed >= first && trial.seed < first + count).map((trial) => trial.seed));
  let done = skip.size;
  const fresh = await runTrials(
    {
      first,
      count,
      concurrency,
      skip,
      ...(against ? { against } : {}),
      ...(only ? { only: only.split(',') } : {}),
      ...(trees ? { trees } : {}),
      ...(modes ? { modes } : {}),
    },
    (trial) => {
      if (log) fs.appendFileSync(log, `${JSON.stringify(trial)}\n`);
      done++;
      const differs = trial.compiles && !isExact(trial) ? ` (seed ${trial.seed} differs)` : '';
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${count}${differs}   `);
      else if (differs || done % 50 === 0) process.stderr.write(`${done}/${count}${differs}\n`);
    },
  );
  const results = [...logged.filter((trial) => skip.has(trial.seed)), ...fresh].sort((a, b) => a.seed - b.seed);
  process.stdout.write(`${report(results)}\n`);
  process.exitCode = results.every((trial) => !trial.compiles || isExact(trial)) ? 0 : 1;
}

void main();
