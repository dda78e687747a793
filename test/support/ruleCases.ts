// Table tests for protobuf rules: each case runs one rule through protobufChecker on in-memory base and head trees,
// compares rendered findings ('line:col message', 1-based; prefixed with 'file:' outside example.proto), and checks the fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import type { Comparison } from '../../server/src/engine/comparison';
import { defaultConfig } from '../../server/src/engine/config';
import { applyTextEdits } from '../../server/src/engine/edit';
import type { CheckResult } from '../../server/src/engine/finding';
import { LineIndex } from '../../server/src/engine/range';
import { MemoryTree } from '../../server/src/engine/tree';
import { protobufChecker } from '../../server/src/protobuf/checker';

export const DEFAULT_FILE = 'example.proto';

export interface RuleCase {
  name: string;
  /** The base's example.proto, or several files by path. */
  base: string | Record<string, string>;
  /** The head's example.proto (null: deleted), or several files by path. */
  head: string | null | Record<string, string>;
  expect: string[];
  /** notChecked entries as 'file: reason'; when absent, none are allowed. */
  notChecked?: string[];
  /** The head file after applying the rule's first own fix of the first finding. */
  fixed?: string;
  /** The titles of the rule's own fixes for the first finding, in order ([] when none is offered). */
  fixTitles?: string[];
  /** Files present on both sides (a buf.yaml here replaces the one that selects the rule). */
  files?: Record<string, string>;
  /** Head path → base path. */
  renames?: Record<string, string>;
}

function asFiles(side: string | null | Record<string, string>): Record<string, string> {
  if (side === null) return {};
  return typeof side === 'string' ? { [DEFAULT_FILE]: side } : side;
}

export async function runRule(ruleId: string, testCase: Pick<RuleCase, 'base' | 'head' | 'files' | 'renames'>, headOverride?: Record<string, string>): Promise<CheckResult> {
  const shared = { 'buf.yaml': `version: v2\nbreaking:\n  use: [${ruleId}]\n`, ...testCase.files };
  const comparison: Comparison = {
    base: new MemoryTree({ ...shared, ...asFiles(testCase.base) }, 'base'),
    head: new MemoryTree({ ...shared, ...(headOverride ?? asFiles(testCase.head)) }, 'head'),
    renames: new Map(Object.entries(testCase.renames ?? {})),
    config: defaultConfig(),
  };
  const result = await runCheck(comparison, [protobufChecker]);
  return { ...result, findings: result.findings.filter((finding) => finding.rule === ruleId) };
}

export function render(result: CheckResult): string[] {
  return result.findings.map((finding) => {
    const at = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    return `${finding.file === DEFAULT_FILE ? '' : finding.file + ':'}${at} ${finding.message}`;
  });
}

export function ruleCases(ruleId: string, cases: RuleCase[]): void {
  for (const testCase of cases) {
    test(`${ruleId}: ${testCase.name}`, async () => {
      const result = await runRule(ruleId, testCase);
      assert.deepEqual(render(result), testCase.expect);
      assert.deepEqual(result.notChecked.map((entry) => `${entry.file}: ${entry.reason}`), testCase.notChecked ?? []);
      if (testCase.fixTitles !== undefined) {
        const [first] = result.findings;
        assert.ok(first, 'a finding whose fixes to list');
        const text = asFiles(testCase.head)[first.file];
        assert.deepEqual(protobufChecker.fixes(first, text ?? '').map((fix) => fix.title), testCase.fixTitles);
      }
      if (testCase.fixed === undefined) return;
      const [finding] = result.findings;
      assert.ok(finding, 'a finding to fix');
      const headFiles = asFiles(testCase.head);
      const text = headFiles[finding.file];
      assert.ok(text !== undefined, `head text of ${finding.file}`);
      const [fix] = protobufChecker.fixes(finding, text);
      assert.ok(fix, `a ${ruleId} fix`);
      const lines = new LineIndex(text);
      const edits = fix.changes.flatMap((change) => change.edits);
      const fixedText = applyTextEdits(text, edits, (position) => lines.offsetAt(position));
      assert.equal(fixedText, testCase.fixed);
      const after = await runRule(ruleId, testCase, { ...headFiles, [finding.file]: fixedText });
      assert.deepEqual(render(after).filter((line) => line === render(result)[0]), [], 'the fixed finding is gone');
    });
  }
}
