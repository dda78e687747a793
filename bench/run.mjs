// All three performance figures of SPEC §8 from one run: the full check against buf, on-type latency over LSP (in a
// repository of typical size and in the whole googleapis workspace), and the server's memory on the whole googleapis workspace. Prints one JSON object; see bench/README.md.
// Usage: node --import tsx bench/run.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

const runs = process.argv[process.argv.indexOf('--runs') + 1] && process.argv.includes('--runs') ? process.argv[process.argv.indexOf('--runs') + 1] : '3';
const script = (args) => JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] }));

const started = new Date().toISOString();
const breaking = script(['bench/protobufBreaking.mjs', '--runs', runs]);
const latency = script(['--import', 'tsx', 'bench/lspLatency.mjs']);
const wholeLatency = script(['--import', 'tsx', 'bench/lspLatency.mjs', '--whole']);
const memory = script(['--import', 'tsx', 'bench/serverMemory.mjs']);
console.log(
  JSON.stringify(
    {
      started,
      finished: new Date().toISOString(),
      machine: `${cpus().length} cores, node ${process.version}`,
      fullCheck: {
        graycheckMedianMs: breaking.graycheckMedianMs,
        bufMedianMs: breaking.bufMedianMs,
        ratio: breaking.ratio,
        runs: breaking.runs,
        files: breaking.files,
        sameFindings: JSON.stringify(breaking.graycheckFindings.sort()) === JSON.stringify(breaking.bufFindings.sort()),
      },
      onTypeLatency: latency,
      onTypeLatencyWholeGoogleapis: wholeLatency,
      serverMemory: memory,
    },
    null,
    2,
  ),
);
