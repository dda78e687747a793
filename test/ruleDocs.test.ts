// Every rule's doc page, for every kind: first line is its summary, the sections are there, and its examples do what they
// say when run through the kind's harness (test/support/kindHarnesses.ts). A page whose examples need a kind's options (OpenAPI's
// deprecation days) says so in a ```yaml .graycheck.yaml block under "## Example that breaks"; both examples run with it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseGraycheckConfig } from '../server/src/engine/config';
import { docPath } from '../server/src/engine/rule';
import { CHECKERS } from '../server/src/registry';
import { KIND_HARNESSES } from './support/kindHarnesses';
import { runRule, type KindHarness } from './support/ruleCases';

const ROOT = path.resolve(__dirname, '..');

/** The base and head files of an example: one ```<fence> base and one ```<fence> head block, or several, each after its path. */
function examples(section: string, harness: KindHarness): { base: Record<string, string>; head: Record<string, string> } {
  const blocks = [...section.matchAll(new RegExp('```(?:' + harness.docs.fence + ') (base|head)(?: (\\S+))?\\n([\\s\\S]*?)```', 'g'))];
  const side = (name: string) => Object.fromEntries(blocks.filter((block) => block[1] === name).map((block) => [block[2] ?? harness.defaultFile, block[3]]));
  const [base, head] = [side('base'), side('head')];
  assert.ok(Object.keys(base).length >= 1 && Object.keys(head).length >= 1, `\`\`\`${harness.docs.fence} base and head example blocks`);
  assert.equal(blocks[0][1], 'base', 'the base comes first');
  return { base, head };
}

/** The kind's options from the page's ```yaml .graycheck.yaml block, read as `.graycheck.yaml` is; undefined when it has none. */
function exampleOptions(examplesText: string, harness: KindHarness): Record<string, unknown> | undefined {
  const blocks = [...examplesText.matchAll(/```yaml \.graycheck\.yaml\n([\s\S]*?)```/g)];
  assert.ok(blocks.length <= 1, 'at most one ```yaml .graycheck.yaml block for the examples');
  if (blocks.length === 0) return undefined;
  const { config, problems } = parseGraycheckConfig(blocks[0][1], [harness.checker]);
  assert.deepEqual(
    problems.map((problem) => problem.message),
    [],
    "the examples' .graycheck.yaml is valid",
  );
  return config.kinds[harness.checker.kind].options;
}

test('every registered kind has a rule-test harness', () => {
  assert.deepEqual(
    CHECKERS.map((checker) => checker.kind),
    KIND_HARNESSES.map((harness) => harness.checker.kind),
  );
});

for (const harness of KIND_HARNESSES) {
  for (const rule of harness.checker.rules) {
    test(`the ${rule.id} page opens with its summary and its examples break and do not break`, async () => {
      const text = fs.readFileSync(path.join(ROOT, docPath(rule)), 'utf8');
      assert.equal(text.split('\n')[0], rule.summary);
      for (const heading of ['## What breaks', '## Example that breaks', '## Example that does not break', '## Fix', '## Suppress']) {
        assert.ok(text.includes(`\n${heading}\n`), heading);
      }
      assert.ok(text.includes(`${harness.docs.commentPrefix} graycheck:ignore ${rule.id} `));
      assert.ok(text.includes(`severity: { ${rule.id}: off }`));
      const breaking = examples(text.split('## Example that breaks')[1].split('## Example that does not break')[0], harness);
      const fine = examples(text.split('## Example that does not break')[1].split('## Fix')[0], harness);
      const reportedAs = harness.docs.reportedAs?.(rule.id) ?? [rule.id];
      if (reportedAs.length === 0 || reportedAs[0] !== rule.id)
        assert.match(text.split('\n')[0], /^Deprecated/, 'a rule reported under other IDs says so in its summary');
      if (reportedAs.length === 0) return;
      const files = harness.docs.files?.(rule.id);
      const options = exampleOptions(text.split('## Example that breaks')[1].split('## Fix')[0], harness);
      const findingsOf = async (example: typeof breaking) =>
        (
          await Promise.all(
            reportedAs.map((id) => runRule(id, { ...example, ...(files ? { files } : {}), ...(options ? { options } : {}) }, undefined, harness)),
          )
        ).flatMap((result) => result.findings);
      assert.ok((await findingsOf(breaking)).length >= 1, 'the breaking example breaks');
      assert.deepEqual(await findingsOf(fine), [], 'the other example does not break');
    });
  }
}
