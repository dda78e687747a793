// Table tests for rules of any kind: each case runs one rule on in-memory base and head trees, compares rendered findings
// ('line:col message', 1-based; prefixed with 'file:' outside the kind's default file), and checks the fix.
// What differs by kind (its checker, default file name, and the files that make one rule run alone) is its harness.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import type { Comparison, KindChecker } from '../../server/src/engine/comparison';
import { defaultConfig } from '../../server/src/engine/config';
import { applyTextEdits } from '../../server/src/engine/edit';
import type { CheckResult, Finding } from '../../server/src/engine/finding';
import { LineIndex } from '../../server/src/engine/range';
import { MemoryTree } from '../../server/src/engine/tree';
import { KIND_HARNESSES } from './kindHarnesses';

export interface KindHarness {
  checker: KindChecker;
  /** The file a case's base and head text stand for when given as a string. */
  defaultFile: string;
  /** Files on both sides that make the kind run this rule alone (protobuf: a buf.yaml that uses only it). */
  filesFor(ruleId: string): Record<string, string>;
  /** How the doc pages' examples are written (test/ruleDocs.test.ts runs them). */
  docs: {
    /** The info string of the example code blocks: ```<fence> base / ```<fence> head. */
    fence: string;
    /** How the Suppress section writes the comment. */
    commentPrefix: string;
    /** The IDs a rule reports under: [] for a deprecated ID that reports nothing; itself when undefined. */
    reportedAs?(ruleId: string): readonly string[] | undefined;
    /** Files the examples run with, instead of `filesFor`'s (e.g. the kind's default configuration). */
    files?(ruleId: string): Record<string, string> | undefined;
  };
}

export interface RuleCase {
  name: string;
  /** The base's default file, or several files by path. */
  base: string | Record<string, string>;
  /** The head's default file (null: deleted), or several files by path. */
  head: string | null | Record<string, string>;
  expect: string[];
  /** notChecked entries as 'file: reason'; when absent, none are allowed. */
  notChecked?: string[];
  /** The head file after applying the rule's first own fix of the first finding. */
  fixed?: string;
  /** The titles of the rule's own fixes for the first finding, in order ([] when none is offered). */
  fixTitles?: string[];
  /** Files present on both sides (they replace the harness's files of the same name). */
  files?: Record<string, string>;
  /** Head path → base path. */
  renames?: Record<string, string>;
  /** The kind's own `.graycheck.yaml` options (e.g. OpenAPI's deprecation days). */
  options?: Record<string, unknown>;
}

export function harnessOf(ruleId: string): KindHarness {
  const harness = KIND_HARNESSES.find((candidate) => candidate.checker.rules.some((rule) => rule.id === ruleId));
  assert.ok(harness, `no kind harness has a rule ${ruleId}`);
  return harness;
}

function asFiles(harness: KindHarness, side: string | null | Record<string, string>): Record<string, string> {
  if (side === null) return {};
  return typeof side === 'string' ? { [harness.defaultFile]: side } : side;
}

export async function runRule(
  ruleId: string,
  testCase: Pick<RuleCase, 'base' | 'head' | 'files' | 'renames' | 'options'>,
  headOverride?: Record<string, string>,
  harness = harnessOf(ruleId),
): Promise<CheckResult> {
  const shared = { ...harness.filesFor(ruleId), ...testCase.files };
  const comparison: Comparison = {
    base: new MemoryTree({ ...shared, ...asFiles(harness, testCase.base) }, 'base'),
    head: new MemoryTree({ ...shared, ...(headOverride ?? asFiles(harness, testCase.head)) }, 'head'),
    renames: new Map(Object.entries(testCase.renames ?? {})),
    config: defaultConfig([harness.checker]),
  };
  Object.assign(comparison.config.kinds[harness.checker.kind].options, testCase.options);
  const result = await runCheck(comparison, [harness.checker]);
  return { ...result, findings: result.findings.filter((finding) => finding.rule === ruleId) };
}

export function render(result: CheckResult, defaultFile: string): string[] {
  return result.findings.map((finding) => {
    const at = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    return `${finding.file === defaultFile ? '' : finding.file + ':'}${at} ${finding.message}`;
  });
}

/** The kind's own fixes of a finding (not "Suppress"), on the head files given. */
export async function kindFixes(harness: KindHarness, finding: Finding, headFiles: Record<string, string>) {
  return harness.checker.fixes(finding, { text: headFiles[finding.file] ?? '', tree: new MemoryTree(headFiles, 'head') });
}

export function ruleCases(ruleId: string, cases: RuleCase[], harness = harnessOf(ruleId)): void {
  for (const testCase of cases) {
    test(`${ruleId}: ${testCase.name}`, async () => {
      const result = await runRule(ruleId, testCase, undefined, harness);
      const rendered = render(result, harness.defaultFile);
      assert.deepEqual(rendered, testCase.expect);
      assert.deepEqual(
        result.notChecked.map((entry) => `${entry.file}: ${entry.reason}`),
        testCase.notChecked ?? [],
      );
      const headFiles = asFiles(harness, testCase.head);
      if (testCase.fixTitles !== undefined) {
        const [first] = result.findings;
        assert.ok(first, 'a finding whose fixes to list');
        assert.deepEqual(
          (await kindFixes(harness, first, headFiles)).map((fix) => fix.title),
          testCase.fixTitles,
        );
      }
      if (testCase.fixed === undefined) return;
      const [finding] = result.findings;
      assert.ok(finding, 'a finding to fix');
      const text = headFiles[finding.file];
      assert.ok(text !== undefined, `head text of ${finding.file}`);
      const [fix] = await kindFixes(harness, finding, headFiles);
      assert.ok(fix, `a ${ruleId} fix`);
      const fixedFiles = { ...headFiles };
      for (const change of fix.changes) {
        const before = fixedFiles[change.file] ?? '';
        const lines = new LineIndex(before);
        fixedFiles[change.file] = applyTextEdits(before, change.edits, (position) => lines.offsetAt(position));
      }
      assert.equal(fixedFiles[finding.file], testCase.fixed);
      const after = await runRule(ruleId, testCase, fixedFiles, harness);
      assert.deepEqual(
        render(after, harness.defaultFile).filter((line) => line === rendered[0]),
        [],
        'the fixed finding is gone',
      );
    });
  }
}
