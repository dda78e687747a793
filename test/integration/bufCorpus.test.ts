// The differential corpus (test/protobuf/corpus) run through the real `buf breaking` and the built `graycheck check`: all
// cases in one repository per buf.yaml, so that each tool runs once per configuration, then compared case by case.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandId, type BufConfigVersion } from '../../server/src/protobuf/categories';
import { CASES, type CorpusCase } from '../protobuf/corpus/corpus';
import { byCase, cloneCorpus, comparable, key, runBuf, runGraycheck, seedCorpus, slugOf, twoAtATime, type Row } from '../support/bufCorpusRun';
import { runCli } from '../support/cli';
import { TempRepo } from '../support/tempRepo';

const ALL_IDS: readonly string[] = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/buf-breaking-rule-ids.json'), 'utf8')) as { ids: string[] })
  .ids;

/** IDs buf 1.75 lists but never reports, so the corpus cannot make it fire them. */
const NEVER_FIRED: Readonly<Record<string, string>> = {
  FIELD_SAME_CTYPE: 'deprecated: selecting it runs FIELD_SAME_CPP_STRING_TYPE, which reports under its own ID',
  FIELD_SAME_LABEL: 'deprecated: selecting it runs the three cardinality rules, which report under their own IDs',
  FILE_SAME_JAVA_STRING_CHECK_UTF8: 'deprecated: selecting it runs FIELD_SAME_JAVA_UTF8_VALIDATION, which reports under its own ID',
  FILE_SAME_PHP_GENERIC_SERVICES: 'deprecated with no replacement, and descriptor.proto no longer has php_generic_services',
  MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT: 'deprecated, in no category; buf refuses to build any file using message_set_wire_format',
};

const CONFIGS: Readonly<Record<string, string | null>> = {
  'no buf.yaml': null,
  'v1 FILE': 'version: v1\nbreaking:\n  use:\n    - FILE\n',
  'v1 PACKAGE': 'version: v1\nbreaking:\n  use:\n    - PACKAGE\n',
  'v1 WIRE_JSON': 'version: v1\nbreaking:\n  use:\n    - WIRE_JSON\n',
  'v1 WIRE': 'version: v1\nbreaking:\n  use:\n    - WIRE\n',
  'v1 deprecated IDs':
    'version: v1\nbreaking:\n  use:\n    - FIELD_SAME_CTYPE\n    - FIELD_SAME_LABEL\n    - FILE_SAME_JAVA_STRING_CHECK_UTF8\n    - FILE_SAME_PHP_GENERIC_SERVICES\n',
  'v2 FILE': 'version: v2\nbreaking:\n  use:\n    - FILE\n',
  'v2 PACKAGE': 'version: v2\nbreaking:\n  use:\n    - PACKAGE\n',
  'v2 WIRE_JSON': 'version: v2\nbreaking:\n  use:\n    - WIRE_JSON\n',
  'v2 WIRE': 'version: v2\nbreaking:\n  use:\n    - WIRE\n',
  'v2 CSR': 'version: v2\nbreaking:\n  use:\n    - CSR\n',
  'v2 every category': 'version: v2\nbreaking:\n  use:\n    - FILE\n    - PACKAGE\n    - WIRE_JSON\n    - WIRE\n    - CSR\n',
};
const EVERY_CATEGORY = 'v2 every category';

/**
 * The rules each configuration selects, by buf's published categories. Without a buf.yaml buf 1.75 applies the v1 FILE
 * category: EXTENSION_NO_DELETE and FIELD_SAME_DEFAULT (v2 FILE only) are not reported.
 */
function selected(config: string): Set<string> {
  const bufYaml = CONFIGS[config];
  if (bufYaml === null) return new Set(expandId('FILE', 'v1'));
  const version = /^version: (v\d)/.exec(bufYaml)![1] as BufConfigVersion;
  const ids = [...bufYaml.matchAll(/^    - (\w+)$/gm)].map((match) => match[1]);
  return new Set(ids.flatMap((id) => expandId(id, version)));
}

async function implementedRules(cwd: string): Promise<Set<string>> {
  const result = await runCli(['rules', '--format', 'json'], { cwd });
  assert.equal(result.status, 0, `graycheck rules failed: ${result.stderr}`);
  const listing = JSON.parse(result.stdout) as { id: string; kind: string }[];
  return new Set(listing.filter((rule) => rule.kind === 'protobuf').map((rule) => rule.id));
}

interface ConfigResult {
  buf: Map<string, Row[]>;
  ours: Map<string, Row[]>;
  implemented: Set<string>;
  notChecked: { file: string; reason: string }[];
}

const results = new Map<string, ConfigResult | Error>();
const repositories: TempRepo[] = [];

function prepare(bufYaml: string | null, seed: TempRepo, head: Record<string, string | null>): TempRepo {
  const repo = cloneCorpus(seed, bufYaml, head);
  repositories.push(repo);
  return repo;
}

async function runConfig(name: string, repo: TempRepo): Promise<void> {
  try {
    const [bufRows, ours, implemented] = await Promise.all([runBuf(repo.dir), runGraycheck(repo.dir), implementedRules(repo.dir)]);
    results.set(name, { buf: byCase(bufRows), ours: byCase(ours.rows), implemented, notChecked: ours.notChecked });
  } catch (error) {
    results.set(name, error as Error);
  }
}

function resultOf(config: string): ConfigResult {
  const result = results.get(config);
  if (result === undefined) assert.fail(`the corpus was not run under ${config}`);
  if (result instanceof Error) throw result;
  return result;
}

// Per rule: the case×config pairs it appeared in, the findings compared (from either side), and those both tools reported;
// for rules Graycheck does not implement yet, only buf's findings are counted.
interface Tally {
  implemented: boolean;
  cases: number;
  bufFindings: number;
  compared: number;
  agreed: number;
}
const tally = new Map<string, Tally>();
const disagreements: string[] = [];

function tallyOf(rule: string, implemented: boolean): Tally {
  const counts = tally.get(rule) ?? { implemented, cases: 0, bufFindings: 0, compared: 0, agreed: 0 };
  tally.set(rule, counts);
  return counts;
}

function compareCase(config: string, corpusCase: CorpusCase, slug: string): void {
  const result = resultOf(config);
  const allBufRows = result.buf.get(slug) ?? [];
  const bufRows = allBufRows.filter((row) => result.implemented.has(row.rule));
  const ourRows = (result.ours.get(slug) ?? []).filter((row) => result.implemented.has(row.rule)).map((row) => comparable(row, bufRows));
  const bufKeys = new Set(bufRows.map(key));
  const ourKeys = new Set(ourRows.map(key));
  for (const rule of new Set([...allBufRows, ...ourRows].map((row) => row.rule))) tallyOf(rule, result.implemented.has(rule)).cases++;
  for (const row of allBufRows) tallyOf(row.rule, result.implemented.has(row.rule)).bufFindings++;
  for (const row of bufRows) {
    tally.get(row.rule)!.compared++;
    if (ourKeys.has(key(row))) tally.get(row.rule)!.agreed++;
    else disagreements.push(`${corpusCase.name} [${slug}, ${config}] only buf: ${key(row)}`);
  }
  for (const row of ourRows) {
    if (bufKeys.has(key(row))) continue;
    tally.get(row.rule)!.compared++;
    disagreements.push(`${corpusCase.name} [${slug}, ${config}] only graycheck: ${key(row)}`);
  }
  assert.deepEqual([...ourKeys].sort(), [...bufKeys].sort(), `${corpusCase.name} (${slug}) under ${config}`);
}

describe('the buf corpus', () => {
  before(async () => {
    const { corpus, seed } = seedCorpus();
    repositories.push(seed);
    // Every repository is set up before any tool runs: git runs synchronously here and would stall the tools' output pipes.
    const queue = Object.entries(CONFIGS).map(([name, bufYaml]) => [name, prepare(bufYaml, seed, corpus.head)] as const);
    await twoAtATime(queue, ([name, repo]) => runConfig(name, repo));
  });

  after(() => {
    for (const repo of repositories) repo.remove();
    const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
    const lines = rows.map(([rule, counts]) =>
      counts.implemented
        ? `  ${rule.padEnd(46)} cases ${String(counts.cases).padStart(4)}, compared ${String(counts.compared).padStart(4)}, agreed ${String(counts.agreed).padStart(4)}`
        : `  ${rule.padEnd(46)} cases ${String(counts.cases).padStart(4)}, buf findings ${String(counts.bufFindings).padStart(4)} (not implemented)`,
    );
    console.log(`buf corpus agreement per rule:\n${lines.join('\n') || '  (no findings compared)'}`);
    if (disagreements.length > 0) console.log(`buf corpus disagreements:\n  ${disagreements.join('\n  ')}`);
    const reportPath = process.env.GRAYCHECK_AGREEMENT_REPORT;
    if (reportPath) fs.writeFileSync(reportPath, `${JSON.stringify({ rules: Object.fromEntries(rows), disagreements }, null, 2)}\n`);
  });

  test('every configuration ran, and graycheck checked every file', () => {
    for (const config of Object.keys(CONFIGS)) assert.deepEqual(resultOf(config).notChecked, [], `graycheck left files unchecked under ${config}`);
  });

  test('every finding belongs to a case', () => {
    for (const config of Object.keys(CONFIGS)) {
      const result = resultOf(config);
      assert.deepEqual(result.buf.get('(no case)') ?? [], [], `buf under ${config}`);
      assert.deepEqual(result.ours.get('(no case)') ?? [], [], `graycheck under ${config}`);
    }
  });

  test('the corpus makes buf fire every rule it can fire', () => {
    const fired = new Set<string>();
    for (const config of Object.keys(CONFIGS)) for (const rows of resultOf(config).buf.values()) for (const row of rows) fired.add(row.rule);
    const missing = ALL_IDS.filter((id) => !fired.has(id) && !(id in NEVER_FIRED));
    assert.deepEqual(missing, [], 'rules no case makes buf report');
    const unexpected = Object.keys(NEVER_FIRED).filter((id) => fired.has(id));
    assert.deepEqual(unexpected, [], 'rules listed as never fired that buf did report');
  });

  test('under each configuration buf fires exactly the rules it selects', () => {
    const wrong: Record<string, { notFired: string[]; notSelected: string[] }> = {};
    for (const config of Object.keys(CONFIGS)) {
      const fired = new Set<string>();
      for (const rows of resultOf(config).buf.values()) for (const row of rows) fired.add(row.rule);
      const expected = new Set([...selected(config)].filter((id) => !(id in NEVER_FIRED)));
      const notFired = [...expected].filter((id) => !fired.has(id)).sort();
      const notSelected = [...fired].filter((id) => !expected.has(id)).sort();
      if (notFired.length > 0 || notSelected.length > 0) wrong[config] = { notFired, notSelected };
    }
    assert.deepEqual(wrong, {});
  });

  describe('each case fires exactly the rules it is about', () => {
    CASES.forEach((corpusCase, index) => {
      test(`${corpusCase.name} (${slugOf(index)})`, () => {
        const fired = new Set((resultOf(EVERY_CATEGORY).buf.get(slugOf(index)) ?? []).map((row) => row.rule));
        assert.deepEqual([...fired].sort(), [...corpusCase.fires].sort());
      });
    });
  });

  for (const config of Object.keys(CONFIGS)) {
    describe(`buf and graycheck agree under ${config}`, () => {
      CASES.forEach((corpusCase, index) => {
        test(`${corpusCase.name} (${slugOf(index)})`, () => compareCase(config, corpusCase, slugOf(index)));
      });
    });
  }
});
