// Each rule's doc page shows an example that breaks and one that does not; both are run through the rule they document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, checkerFor } from '../server/src/registry';
import { docPath } from '../server/src/engine/rule';
import { runCheck } from '../server/src/engine/check';
import { defaultConfig } from '../server/src/engine/config';
import { MemoryTree } from '../server/src/engine/tree';

const ROOT = path.resolve(__dirname, '..');

interface Example {
  base: Record<string, string>;
  head: Record<string, string>;
}

/** The fenced blocks of one `## Example …` section: info strings `proto base [file]` and `proto head [file]`. */
function exampleUnder(markdown: string, heading: string): Example | undefined {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const next = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const example: Example = { base: {}, head: {} };
  for (const match of section.matchAll(/```proto (base|head)(?: ([^\s`]+))?\n([\s\S]*?)```/g)) {
    example[match[1] as 'base' | 'head'][match[2] ?? 'example.proto'] = match[3];
  }
  return Object.keys(example.base).length > 0 && Object.keys(example.head).length > 0 ? example : undefined;
}

async function findingsOf(ruleId: string, example: Example): Promise<string[]> {
  const checker = checkerFor('protobuf')!;
  const onlyThisRule = `version: v2\nbreaking:\n  use:\n    - ${ruleId}\n`;
  const result = await runCheck(
    {
      base: new MemoryTree({ ...example.base, 'buf.yaml': onlyThisRule }),
      head: new MemoryTree({ ...example.head, 'buf.yaml': onlyThisRule }),
      renames: new Map(),
      config: defaultConfig(),
    },
    [checker],
  );
  return result.findings.filter((finding) => finding.rule === ruleId).map((finding) => finding.message);
}

for (const rule of RULES.filter((r) => r.kind === 'protobuf')) {
  test(`the doc page of ${rule.id} shows a breaking and a safe example, and the rule agrees with both`, async () => {
    const markdown = fs.readFileSync(path.join(ROOT, docPath(rule)), 'utf8');
    for (const heading of ['What breaks', 'Fix', 'Suppress']) assert.ok(markdown.includes(`\n## ${heading}\n`), `${rule.id}: no "## ${heading}" section`);
    const breaking = exampleUnder(markdown, 'Example that breaks');
    const safe = exampleUnder(markdown, 'Example that does not break');
    assert.ok(breaking, `${rule.id}: no base/head example under "## Example that breaks"`);
    assert.ok(safe, `${rule.id}: no base/head example under "## Example that does not break"`);
    assert.notDeepEqual(await findingsOf(rule.id, breaking), [], `${rule.id}: the breaking example reports nothing`);
    assert.deepEqual(await findingsOf(rule.id, safe), [], `${rule.id}: the safe example reports something`);
  });
}
