// The metrics kind on real open-source Go repositories that use client_golang and OpenTelemetry, unchanged (base = head =
// their HEAD commit): code that compiles and runs gives no error, and every warning is listed here with its reason. The
// repositories are the mirrors this machine keeps under /work/.mirror (fetched once, read with git, never run); their HEAD
// commits are pinned so that the lists below stay true.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import type { Finding } from '../../server/src/engine/finding';
import { GitRepository } from '../../server/src/git/repository';
import { metricsChecker } from '../../server/src/metrics/checker';

const MIRRORS = process.env.GRAYCHECK_MIRRORS ?? '/work/.mirror';

interface RealRepository {
  name: string;
  commit: string;
  /** `rule file:line` (1-based) → why the warning is right, or why it is a heuristic we accept. */
  warnings: Record<string, string>;
  /** Naming-lint warnings by rule: counted, not listed (promlint's own verdicts, checked against promtool elsewhere). */
  naming: Record<string, number>;
  /** Errors that are true: code that would fail if it ran, with why it does not run. */
  errors?: Record<string, string>;
}

const REPOSITORIES: RealRepository[] = [
  {
    name: 'prometheus+node_exporter',
    commit: 'a7dcc3a01545180d4f2087db70994cbc3abfed13',
    warnings: {
      'METRIC_LABELS_INCONSISTENT collector/cpufreq_common.go:23':
        'cpu_linux.go defines node_cpu_frequency_hertz with [package, core, cpu] for the cpu collector and cpufreq_common.go with [cpu]; both compile on Linux and would conflict if both collectors reported it (collectors are unchecked, so at gather time): a real inconsistency, graded a warning because the registry is a runtime value',
      'METRIC_HELP_INCONSISTENT collector/diskstats_common.go:78':
        'diskstats_common.go (linux, darwin, openbsd, aix) and diskstats_aix.go both define node_disk_read_time_seconds_total with different help texts; on AIX both are built',
      'METRIC_HELP_INCONSISTENT collector/diskstats_common.go:85': 'the same for node_disk_write_time_seconds_total',
    },
    // Mostly the end-to-end fixtures (collector/fixtures/*.txt, exposition text): /proc names kept as the kernel spells them
    // (node_memory_Active_bytes) are camelCase to promlint, and a few fixtures have no HELP; in Go, *_bits and *_kb names.
    naming: { PROMLINT_METRIC_UNITS: 12, PROMLINT_CAMEL_CASE: 146, PROMLINT_HELP: 10, PROMLINT_COUNTER: 3 },
  },
  {
    name: 'prometheus+prometheus',
    commit: 'd15adb9ad7e5d9fbde3a9a8f30200593a5a14d86',
    warnings: {},
    // promtool's and the scraper's test data (*.prom, exposition .txt with repeated series on purpose) and test metrics.
    naming: { PROMLINT_DUPLICATE_METRIC: 7, PROMLINT_HELP: 7, PROMLINT_TYPE_IN_NAME: 10 },
  },
  {
    name: 'kubernetes+kube-state-metrics',
    commit: 'c92fe0c5ce02d3b52abf54490e00db6c706f2ba5',
    warnings: {},
    // Its metrics come from its own generators; one test histogram (pkg/app/server_test.go) has no Help.
    naming: { PROMLINT_HELP: 1 },
  },
  {
    name: 'thanos-io+thanos',
    commit: 'e103a81bd5943697394afcb4fb592b6ffa806c30',
    warnings: {},
    // Counters without `_total`, test metrics named *_counter, and test histograms whose options leave out Help.
    naming: { PROMLINT_HELP: 27, PROMLINT_COUNTER: 24, PROMLINT_TYPE_IN_NAME: 7 },
    errors: {
      'METRIC_NAME_INVALID pkg/store/bucket_test.go:2916':
        'promauto.NewHistogramVec(prometheus.HistogramOpts{}, …) registers an unnamed vector on the default registry, which panics ("" is not a valid metric name); it is in a benchmark (benchmarkBlockSeriesWithConcurrency), which `go test` does not run',
    },
  },
  {
    name: 'open-telemetry+opentelemetry-go-contrib',
    commit: 'b91281aefc3b180afca01b49e7c761b567861b09',
    warnings: {
      'METRIC_TYPE_INCONSISTENT examples/prometheus-compatibility/prometheus_summary.go:9':
        'an example package that defines device_command_duration_seconds as a summary and as a histogram in two files of one package main, each registered on the registry its function is given: a real inconsistency in example code',
    },
    // Example and test metrics named *_counter / *_gauge, and counters without `_total`.
    naming: { PROMLINT_TYPE_IN_NAME: 13, PROMLINT_COUNTER: 5 },
  },
];

async function metricsFindings(repository: RealRepository): Promise<{ findings: Finding[]; notChecked: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-fp-'));
  try {
    execFileSync('git', ['clone', '-q', '--shared', '--no-checkout', path.join(MIRRORS, repository.name, 'repo'), dir], { stdio: 'pipe' });
    const git = await GitRepository.open(dir);
    try {
      const base = await git.resolveBase(repository.commit);
      const config = defaultConfig([metricsChecker]);
      const result = await runCheck({ base: git.baseTree(base), head: git.baseTree(base), renames: new Map(), config }, [metricsChecker]);
      return { findings: result.findings, notChecked: result.notChecked.length };
    } finally {
      git.dispose();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const repository of REPOSITORIES) {
  test(`${repository.name}: no false error, every warning listed with its reason`, { timeout: 300_000 }, async () => {
    assert.ok(fs.existsSync(path.join(MIRRORS, repository.name, 'repo')), `the mirror of ${repository.name} (fetch it into ${MIRRORS})`);
    const { findings } = await metricsFindings(repository);
    const key = (finding: Finding) => `${finding.rule} ${finding.file}:${finding.range.start.line + 1}`;
    const errors = findings.filter((finding) => finding.severity === 'error').map(key);
    assert.deepEqual(errors.sort(), Object.keys(repository.errors ?? {}).sort(), 'errors');
    const warnings = findings.filter((finding) => finding.severity === 'warning' && !finding.rule.startsWith('PROMLINT_')).map(key);
    assert.deepEqual(warnings.sort(), Object.keys(repository.warnings).sort(), 'warnings');
    const naming: Record<string, number> = {};
    for (const finding of findings.filter((candidate) => candidate.rule.startsWith('PROMLINT_'))) naming[finding.rule] = (naming[finding.rule] ?? 0) + 1;
    assert.deepEqual(naming, repository.naming, 'naming-lint warnings by rule');
  });
}
