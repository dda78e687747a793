// OpenAPI end to end, in real git repositories: the CLI (JSON, exit status) and the language server over stdio on an
// unsaved buffer of a file that the description only references, with the restore fix applied in the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';
import { LspSession } from '../support/lspSession';
import { TempRepo } from '../support/tempRepo';

const ROOT = `openapi: 3.1.0
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema: { type: array, items: { $ref: 'schemas.yaml#/Pet' } }
  /pets/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: one pet
          content:
            application/json:
              schema: { $ref: 'schemas.yaml#/Pet' }
`;
const SCHEMAS = `Pet:
  type: object
  required: [name]
  properties:
    name:
      type: string
    tag:
      type: string
`;
const WITHOUT_TAG = SCHEMAS.replace('    tag:\n      type: string\n', '');
const WITHOUT_NAME = SCHEMAS.replace('  required: [name]\n', '').replace('    name:\n      type: string\n', '');

function repository(t: Parameters<typeof TempRepo.create>[0]): TempRepo {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/openapi.yaml': ROOT, 'api/schemas.yaml': SCHEMAS });
  return repo;
}

test('a property removed in a referenced file is reported on every operation that returns it, in JSON with exit 1', async (t) => {
  const repo = repository(t);
  repo.write({ 'api/schemas.yaml': WITHOUT_NAME });
  const result = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  assert.equal(result.status, 1, result.stderr);
  const { findings } = JSON.parse(result.stdout) as {
    findings: { rule: string; kind: string; severity: string; file: string; range: { start: { line: number } }; message: string; base: { file: string } }[];
  };
  assert.deepEqual(
    findings.map((finding) => [finding.kind, finding.rule, finding.severity, finding.file, finding.range.start.line, finding.message, finding.base.file]),
    [
      [
        'openapi',
        'response-required-property-removed',
        'error',
        'api/schemas.yaml',
        3,
        'in API GET /pets removed the required property `items/name` from the response with the `200` status',
        'api/schemas.yaml',
      ],
      [
        'openapi',
        'response-required-property-removed',
        'error',
        'api/schemas.yaml',
        3,
        'in API GET /pets/{id} removed the required property `name` from the response with the `200` status',
        'api/schemas.yaml',
      ],
    ],
  );
  repo.write({ 'api/schemas.yaml': WITHOUT_TAG });
  const optionalOnly = await runCli(['check', '--base', 'HEAD'], { cwd: repo.dir });
  assert.equal(optionalOnly.status, 0, 'an optional property removed is a warning, which does not fail the default gate');
  assert.match(optionalOnly.stdout, /warning response-optional-property-removed/);
});

test('a breaking edit to an operation fails the gate; a YAML syntax error is not checked and is no finding', async (t) => {
  const repo = repository(t);
  repo.write({ 'api/openapi.yaml': ROOT.replace(/  \/pets\/\{id\}:[\s\S]*$/, '') });
  const removed = await runCli(['check', '--base', 'HEAD'], { cwd: repo.dir });
  assert.equal(removed.status, 1);
  assert.match(
    removed.stdout,
    /^api\/openapi\.yaml:3:1: error api-path-removed-without-deprecation in API GET \/pets\/\{id\} api path removed without deprecation$/m,
  );

  repo.write({ 'api/openapi.yaml': ROOT.replace('  /pets:\n', '  /pets\n') });
  const broken = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  assert.equal(broken.status, 0, broken.stdout);
  const report = JSON.parse(broken.stdout) as { findings: unknown[]; notChecked: { file: string; reason: string }[] };
  assert.deepEqual(report.findings, []);
  assert.deepEqual(
    report.notChecked.map((entry) => entry.file),
    ['api/openapi.yaml'],
  );
  assert.match(report.notChecked[0].reason, /^not valid YAML \(line \d+: /);
});

test('over LSP, deleting a property in the unsaved referenced file is reported there, and "Restore" clears it', async (t) => {
  const repo = repository(t);
  const lsp = await LspSession.start(t, repo.dir);
  const schemas = await lsp.open('api/schemas.yaml', SCHEMAS, 'yaml');
  assert.deepEqual(await schemas.diagnostics(), []);
  await schemas.edit(WITHOUT_TAG);
  const diagnostics = await schemas.diagnostics();
  assert.deepEqual(
    diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.source]),
    [
      ['response-optional-property-removed', 3, 'graycheck'],
      ['response-optional-property-removed', 3, 'graycheck'],
    ],
  );
  assert.match(String(diagnostics[0].codeDescription?.href), /server\/docs\/rules\/openapi\/response-optional-property-removed\.md$/);
  await schemas.apply(await lsp.quickFix(schemas, diagnostics[0], 'Restore property "tag"'));
  assert.equal(schemas.text, SCHEMAS);
  assert.deepEqual(await schemas.diagnostics(), []);
  assert.equal(repo.read('api/schemas.yaml'), SCHEMAS, 'the file on disk was never written');
});

test('over LSP, a half-typed operation gives no phantom finding: every state of typing it is either clean or not checked', async (t) => {
  const repo = repository(t);
  const lsp = await LspSession.start(t, repo.dir);
  const root = await lsp.open('api/openapi.yaml', ROOT, 'yaml');
  assert.deepEqual(await root.diagnostics(), []);
  const addition = "  /owners:\n    get:\n      responses:\n        '200': { description: ok }\n";
  for (let length = 1; length <= addition.length; length += 3) {
    await root.edit(ROOT + addition.slice(0, length));
    const diagnostics = await root.diagnostics();
    const findings = diagnostics.filter((diagnostic) => diagnostic.code !== 'NOT_CHECKED');
    assert.deepEqual(findings, [], `no finding after typing ${JSON.stringify(addition.slice(0, length))}`);
  }
});
