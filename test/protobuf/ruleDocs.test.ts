// Each protobuf rule's doc page: first line is its summary, the sections are there, and its examples do what they say.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { docPath } from '../../server/src/engine/rule';
import { protobufChecker } from '../../server/src/protobuf/checker';
import { BREAKING_RULES } from '../../server/src/protobuf/categories';
import { runRule } from '../support/ruleCases';

const ROOT = path.resolve(__dirname, '../..');
const SELECTED_BY_DEFAULT = new Set(['FILE_NO_DELETE', 'MESSAGE_NO_DELETE', 'FIELD_NO_DELETE']);

function examples(section: string): { base: Record<string, string>; head: Record<string, string> } {
  const blocks = [...section.matchAll(/```proto (base|head)(?: (\S+))?\n([\s\S]*?)```/g)];
  assert.equal(blocks.length, 2, 'two example blocks');
  const [base, head] = blocks;
  assert.equal(base[1], 'base');
  assert.equal(head[1], 'head');
  return { base: { [base[2] ?? 'example.proto']: base[3] }, head: { [head[2] ?? 'example.proto']: head[3] } };
}

for (const rule of protobufChecker.rules) {
  test(`the ${rule.id} page opens with its summary and its examples break and do not break`, async () => {
    const text = fs.readFileSync(path.join(ROOT, docPath(rule)), 'utf8');
    assert.equal(text.split('\n')[0], rule.summary);
    for (const heading of ['## What breaks', '## Example that breaks', '## Example that does not break', '## Fix', '## Suppress']) {
      assert.ok(text.includes(`\n${heading}\n`), heading);
    }
    assert.ok(text.includes(`// graycheck:ignore ${rule.id} `));
    assert.ok(text.includes(`severity: { ${rule.id}: off }`));
    const breaking = examples(text.split('## Example that breaks')[1].split('## Example that does not break')[0]);
    const fine = examples(text.split('## Example that does not break')[1].split('## Fix')[0]);
    const files = SELECTED_BY_DEFAULT.has(rule.id) ? { 'buf.yaml': 'version: v2\n' } : undefined;
    // A deprecated ID reports nothing under its own name: buf runs its replacements, so the examples are theirs.
    const replacedBy = BREAKING_RULES[rule.id]?.replacedBy;
    if (replacedBy) {
      assert.match(text.split('\n')[0], /^Deprecated/, 'a deprecated rule says so in its summary');
      if (replacedBy.length === 0) return;
    }
    const reportedAs = replacedBy ?? [rule.id];
    const findingsOf = async (example: typeof breaking) => (await Promise.all(reportedAs.map((id) => runRule(id, { ...example, files })))).flatMap((result) => result.findings);
    assert.ok((await findingsOf(breaking)).length >= 1, 'the breaking example breaks');
    assert.deepEqual(await findingsOf(fine), [], 'the other example does not break');
  });
}
