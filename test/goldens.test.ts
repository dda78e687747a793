// Multi-file cases as golden files: test/fixtures/<kind>/<RULE_ID>/<case>/{base,head}/… and expected.json,
// the `findings` array exactly as `graycheck check --format json` prints it, so the goldens also guard the output contract.
// `UPDATE_GOLDENS=1 npm test` rewrites expected.json; review the diff like code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from './support/cli';
import { TempRepo } from './support/tempRepo';

const FIXTURES = path.join(__dirname, 'fixtures');
const KINDS = ['protobuf', 'openapi', 'metrics'];

function filesUnder(dir: string, prefix = ''): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, filesUnder(path.join(dir, entry.name), relative));
    else files[relative] = fs.readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return files;
}

const cases = KINDS.flatMap((kind) => {
  const kindDir = path.join(FIXTURES, kind);
  if (!fs.existsSync(kindDir)) return [];
  return fs.readdirSync(kindDir).flatMap((rule) => {
    const ruleDir = path.join(kindDir, rule);
    if (!fs.statSync(ruleDir).isDirectory()) return [];
    return fs.readdirSync(ruleDir).map((name) => ({ kind, rule, name, dir: path.join(ruleDir, name) }));
  });
});

test('there are golden cases to run', () => {
  assert.ok(cases.length >= 5, `found ${cases.length} golden cases under ${FIXTURES}`);
});

for (const goldenCase of cases) {
  test(`golden ${goldenCase.rule}/${goldenCase.name}`, async (t) => {
    const repo = TempRepo.create(t);
    const base = filesUnder(path.join(goldenCase.dir, 'base'));
    const head = filesUnder(path.join(goldenCase.dir, 'head'));
    repo.commit(base, 'base');
    repo.write(
      Object.fromEntries(
        Object.keys(base)
          .filter((file) => !(file in head))
          .map((file) => [file, null]),
      ),
    );
    repo.write(head);

    const result = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
    assert.ok(result.status === 0 || result.status === 1, `exit status ${result.status}: ${result.stderr}`);
    const { findings } = JSON.parse(result.stdout) as { findings: { rule: string }[] };
    const expectedFile = path.join(goldenCase.dir, 'expected.json');
    if (process.env.UPDATE_GOLDENS) fs.writeFileSync(expectedFile, `${JSON.stringify(findings, null, 2)}\n`);
    assert.deepEqual(findings, JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    assert.ok(
      findings.some((finding) => finding.rule === goldenCase.rule),
      `the case named for ${goldenCase.rule} reports it`,
    );
  });
}
