// A monotonic clock in milliseconds. `performance.now()` reads the same clock, but its first use loads perf_hooks, which
// took 2-3 ms of a pre-commit check's start on the benchmark machine. Each call allocates: not for steps of a loop.
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
