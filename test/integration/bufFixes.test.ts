// Every quick fix that the differential corpus's findings offer, applied and then judged by the real buf: the finding it
// was offered for is gone (unless its title says buf still reports it), the module still compiles for buf, and buf and
// graycheck still agree on the fixed case. All fixes of one round go into one repository, one fix per case.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits, type Fix } from '../../server/src/engine/edit';
import type { Finding } from '../../server/src/engine/finding';
import { LineIndex } from '../../server/src/engine/range';
import { GitRepository } from '../../server/src/git/repository';
import { protobufChecker } from '../../server/src/protobuf/checker';
import { PROTOBUF_RULES } from '../../server/src/protobuf/rules/index';
import { prepareComparison, RepositoryComparisons } from '../../server/src/workspace';
import { MemoryTree } from '../../server/src/engine/tree';
import { CASES } from '../protobuf/corpus/corpus';
import { byCase, cloneCorpus, comparable, key, runBuf, runGraycheck, seedCorpus, slugOf, SLUG, twoAtATime, type Row } from '../support/bufCorpusRun';
import { TempRepo } from '../support/tempRepo';

// Every category at once: each rule that could still object to a fixed file is selected.
const EVERY_CATEGORY = 'version: v2\nbreaking:\n  use:\n    - FILE\n    - PACKAGE\n    - WIRE_JSON\n    - WIRE\n    - CSR\n';
const STILL_REPORTED = /\(buf still reports (\w+) /;

interface Candidate {
  slug: string;
  fix: Fix;
  /** Each finding that offered these very edits, with the title it offered them under. */
  offeredFor: { finding: Finding; title: string }[];
}

interface RoundResult {
  buf: Map<string, Row[]>;
  ours: Map<string, Row[]>;
}

const repositories: TempRepo[] = [];
const candidatesBySlug = new Map<string, Candidate[]>();
const rounds: (RoundResult | Error)[] = [];
const judged = new Set<string>();

function applyFix(texts: Record<string, string | null>, fix: Fix): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const change of fix.changes) {
    const text = changed[change.file] ?? texts[change.file];
    if (typeof text !== 'string') throw new Error(`the fix "${fix.title}" edits ${change.file}, which head does not have`);
    const lines = new LineIndex(text);
    changed[change.file] = applyTextEdits(text, change.edits, (position) => lines.offsetAt(position));
  }
  return changed;
}

async function findingsOf(repo: TempRepo): Promise<Finding[]> {
  const comparisons = new RepositoryComparisons(await GitRepository.open(repo.dir), [protobufChecker]);
  try {
    const prepared = await prepareComparison(comparisons, { base: 'HEAD' });
    const result = await comparisons.checks.run(prepared.comparison);
    assert.deepEqual(result.notChecked, [], 'graycheck checked every file of the corpus');
    return result.findings;
  } finally {
    comparisons.dispose();
  }
}

async function collectCandidates(findings: readonly Finding[], headText: (file: string) => string | undefined): Promise<void> {
  for (const finding of findings) {
    const slug = SLUG.exec(finding.file)?.[1] ?? SLUG.exec(finding.message)?.[1];
    const text = headText(finding.file);
    if (slug === undefined || text === undefined) continue;
    const candidates = candidatesBySlug.get(slug) ?? [];
    candidatesBySlug.set(slug, candidates);
    for (const fix of await protobufChecker.fixes(finding, { text, tree: new MemoryTree({ [finding.file]: text }) })) {
      const edits = JSON.stringify(fix.changes);
      const same = candidates.find((candidate) => JSON.stringify(candidate.fix.changes) === edits);
      if (same) same.offeredFor.push({ finding, title: fix.title });
      else candidates.push({ slug, fix, offeredFor: [{ finding, title: fix.title }] });
    }
  }
}

function roundOf(slug: string, candidate: Candidate): RoundResult {
  const index = candidatesBySlug.get(slug)!.indexOf(candidate);
  const result = rounds[index];
  if (result === undefined) assert.fail(`round ${index} did not run`);
  if (result instanceof Error) throw result;
  return result;
}

describe('quick fixes judged by buf', () => {
  before(async () => {
    const { corpus, seed } = seedCorpus();
    repositories.push(seed);
    const headTexts: Record<string, string | null> = { ...corpus.base, ...corpus.head };
    const unfixed = cloneCorpus(seed, EVERY_CATEGORY, corpus.head);
    repositories.push(unfixed);
    await collectCandidates(await findingsOf(unfixed), (file) => headTexts[file] ?? undefined);

    const roundCount = Math.max(0, ...[...candidatesBySlug.values()].map((candidates) => candidates.length));
    const prepared: TempRepo[] = [];
    for (let round = 0; round < roundCount; round++) {
      let head = { ...corpus.head };
      for (const candidates of candidatesBySlug.values()) {
        const candidate = candidates[round];
        if (candidate) head = { ...head, ...applyFix(headTexts, candidate.fix) };
      }
      const repo = cloneCorpus(seed, EVERY_CATEGORY, head);
      repositories.push(repo);
      prepared.push(repo);
    }
    await twoAtATime(prepared, async (repo, round) => {
      try {
        const [bufRows, ours] = await Promise.all([runBuf(repo.dir), runGraycheck(repo.dir)]);
        rounds[round] = { buf: byCase(bufRows), ours: byCase(ours.rows) };
      } catch (error) {
        rounds[round] = error as Error;
      }
    });
  });

  after(() => {
    for (const repo of repositories) repo.remove();
    const fixed = [...candidatesBySlug.values()].filter((candidates) => candidates.length > 0);
    const fixCount = fixed.reduce((sum, candidates) => sum + candidates.length, 0);
    console.log(`quick fixes judged by buf: ${fixCount} fixes in ${fixed.length} cases, ${judged.size} rules, ${rounds.length} rounds`);
  });

  test('the corpus offers fixes to judge, restores, reserves and reverts among them', () => {
    const titles = [...candidatesBySlug.values()].flat().flatMap((candidate) => candidate.offeredFor.map((offer) => offer.title));
    for (const kind of [/^Restore /, /^Reserve /, /^Revert to the base value$/]) {
      assert.ok(
        titles.some((title) => kind.test(title)),
        `a fix titled like ${kind}`,
      );
    }
  });

  test('every fix clears its finding for buf, and buf and graycheck agree on the fixed case', () => {
    const wrong: string[] = [];
    CASES.forEach((corpusCase, index) => {
      const slug = slugOf(index);
      for (const candidate of candidatesBySlug.get(slug) ?? []) {
        const result = roundOf(slug, candidate);
        const bufRows = result.buf.get(slug) ?? [];
        const ourRows = (result.ours.get(slug) ?? []).map((row) => comparable(row, bufRows));
        const reportedByBuf = new Set(bufRows.map((row) => JSON.stringify([row.rule, row.message])));
        const at = `${corpusCase.name} (${slug}), "${candidate.fix.title}"`;
        for (const { finding, title } of candidate.offeredFor) {
          const isStillReported = STILL_REPORTED.exec(title)?.[1] === finding.rule;
          judged.add(finding.rule);
          if (reportedByBuf.has(JSON.stringify([finding.rule, finding.message])) !== isStillReported) {
            wrong.push(`${at}: buf ${isStillReported ? 'no longer' : 'still'} reports ${finding.rule} ${finding.message}`);
          }
        }
        const ours = ourRows.map(key).sort();
        const theirs = bufRows.map(key).sort();
        for (const row of theirs) if (!ours.includes(row)) wrong.push(`${at}: only buf reports ${row}`);
        for (const row of ours) if (!theirs.includes(row)) wrong.push(`${at}: only graycheck reports ${row}`);
      }
    });
    assert.deepEqual(wrong, []);
  });

  test('every rule with a fix had its fix judged', () => {
    const withFixes = PROTOBUF_RULES.filter((rule) => rule.fixes !== undefined).map((rule) => rule.id);
    assert.deepEqual(
      withFixes.filter((id) => !judged.has(id)),
      [],
    );
  });
});
