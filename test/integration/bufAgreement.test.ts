// The differential test against the anchor: each edit, under each buf.yaml, is checked by the real `buf breaking`
// (node_modules/.bin/buf) and by the built `graycheck check`, and both must report the same findings.
// Only the rules Graycheck implements are compared: buf also reports other rules for the same edits (FIELD_SAME_NAME,
// FIELD_SAME_JSON_NAME, PACKAGE_NO_DELETE…), which are filtered out of its output here.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { GIT_ENV, TempRepo } from '../support/tempRepo';

const BUF = path.resolve(__dirname, '../../node_modules/.bin/buf');
const IMPLEMENTED = new Set([
  'FILE_NO_DELETE',
  'MESSAGE_NO_DELETE',
  'FIELD_NO_DELETE',
  'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
  'FIELD_NO_DELETE_UNLESS_NAME_RESERVED',
]);

const USER = `syntax = "proto3";

package acme.user.v1;

import "acme/user/v1/address.proto";

// A registered user.
message User {
  string id = 1;
  string name = 2;
  // Where we send receipts.
  string email = 3;
  Address address = 4;

  // Preferences the user chose.
  message Settings {
    bool newsletter = 1;
    string locale = 2;
    string time_zone = 3;
  }
  Settings settings = 5;
}

message GetUserRequest {
  string id = 1;
}

message GetUserResponse {
  User user = 1;
}
`;

const ADDRESS = `syntax = "proto3";

package acme.user.v1;

message Address {
  string street = 1;
  string city = 2;
  string postal_code = 3;
  Country country = 4;
}

message Country {
  string iso_code = 1;
  string name = 2;
}
`;

const INVOICE = `syntax = "proto3";

package acme.billing.v1;

message Invoice {
  string id = 1;
  int64 amount_cents = 2;
  string currency = 3;

  message Line {
    string sku = 1;
    int32 quantity = 2;
  }
  repeated Line lines = 4;
}

message Refund {
  string invoice_id = 1;
  int64 amount_cents = 2;
}
`;

const BASE_FILES = {
  'acme/user/v1/user.proto': USER,
  'acme/user/v1/address.proto': ADDRESS,
  'acme/billing/v1/invoice.proto': INVOICE,
};

function edit(text: string, ...replacements: [string | RegExp, string][]): string {
  let result = text;
  for (const [from, to] of replacements) {
    const next = result.replace(from, to);
    assert.notEqual(next, result, `the case's edit did not apply: ${String(from)}`);
    result = next;
  }
  return result;
}

interface AgreementCase {
  name: string;
  head: Record<string, string | null>;
}

const CASES: AgreementCase[] = [
  {
    name: 'a field deleted from a top-level message',
    head: { 'acme/user/v1/user.proto': edit(USER, ['  // Where we send receipts.\n  string email = 3;\n', '']) },
  },
  { name: 'a field deleted from a nested message', head: { 'acme/user/v1/user.proto': edit(USER, ['    string locale = 2;\n', '']) } },
  {
    name: 'several fields deleted in two packages at once',
    head: {
      'acme/user/v1/user.proto': edit(USER, ['  string email = 3;\n', ''], ['  Address address = 4;\n', '']),
      'acme/billing/v1/invoice.proto': edit(INVOICE, ['  string currency = 3;\n', '']),
    },
  },
  {
    name: 'top-level messages deleted',
    head: {
      'acme/user/v1/user.proto': edit(USER, ['\nmessage GetUserResponse {\n  User user = 1;\n}\n', '']),
      'acme/billing/v1/invoice.proto': edit(INVOICE, ['\nmessage Refund {\n  string invoice_id = 1;\n  int64 amount_cents = 2;\n}\n', '']),
    },
  },
  {
    name: 'a nested message deleted with the field that used it',
    head: { 'acme/billing/v1/invoice.proto': edit(INVOICE, [/\n  message Line \{[^}]*\}\n  repeated Line lines = 4;\n/, '\n']) },
  },
  { name: 'a file deleted', head: { 'acme/billing/v1/invoice.proto': null } },
  {
    name: 'a message moved to another file of the same package',
    head: {
      'acme/user/v1/user.proto': edit(USER, ['\nmessage GetUserRequest {\n  string id = 1;\n}\n', '']),
      'acme/user/v1/address.proto': `${ADDRESS}\nmessage GetUserRequest {\n  string id = 1;\n}\n`,
    },
  },
  { name: 'a field renamed, keeping its number', head: { 'acme/user/v1/user.proto': edit(USER, ['string email = 3;', 'string email_address = 3;']) } },
  {
    name: 'comments and formatting changed only',
    head: {
      'acme/user/v1/user.proto': edit(
        USER,
        ['// A registered user.', '// A registered user of the shop.\n// Created at sign-up.'],
        ['message GetUserRequest {\n  string id = 1;\n}', 'message GetUserRequest { string id = 1; }'],
        ['  Settings settings = 5;', '\n  Settings   settings   =   5; // chosen at sign-up'],
      ),
    },
  },
];

const CONFIGS: Record<string, string | null> = {
  'no buf.yaml': null,
  'v1 FILE': 'version: v1\nbreaking:\n  use:\n    - FILE\n',
  'v1 WIRE_JSON': 'version: v1\nbreaking:\n  use:\n    - WIRE_JSON\n',
  'v2 WIRE': 'version: v2\nbreaking:\n  use:\n    - WIRE\n',
  'v2 PACKAGE': 'version: v2\nbreaking:\n  use:\n    - PACKAGE\n',
  'v2 FILE except FIELD_NO_DELETE': 'version: v2\nbreaking:\n  use:\n    - FILE\n  except:\n    - FIELD_NO_DELETE\n',
  'v2 FILE ignoring acme/billing': 'version: v2\nbreaking:\n  use:\n    - FILE\n  ignore:\n    - acme/billing\n',
};

const RESERVE_USER = (reserved: string) => edit(USER, ['  // Where we send receipts.\n  string email = 3;\n', reserved === '' ? '' : `  ${reserved}\n`]);
const RESERVE_CASES: AgreementCase[] = [
  { name: 'a deleted field whose number is reserved', head: { 'acme/user/v1/user.proto': RESERVE_USER('reserved 3;') } },
  { name: 'a deleted field whose name is reserved', head: { 'acme/user/v1/user.proto': RESERVE_USER('reserved "email";') } },
  { name: 'a deleted field whose number and name are reserved', head: { 'acme/user/v1/user.proto': RESERVE_USER('reserved 3;\n  reserved "email";') } },
];
const RESERVE_CONFIGS: Record<string, string> = {
  'v2 WIRE_JSON': 'version: v2\nbreaking:\n  use:\n    - WIRE_JSON\n',
  'v2 WIRE': CONFIGS['v2 WIRE']!,
};

interface Compared {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

const tally = new Map<string, { agreed: number; bufOnly: number; graycheckOnly: number }>();

function key(found: Compared): string {
  return `${found.file}:${found.line}:${found.column} ${found.rule} ${found.message}`;
}

function runBuf(cwd: string): Promise<Compared[]> {
  return new Promise((resolve, reject) => {
    execFile(
      BUF,
      ['breaking', '--against', '.git#ref=HEAD', '--error-format', 'json'],
      { cwd, env: GIT_ENV, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        const status = error ? (error as { code?: unknown }).code : 0;
        if (status !== 0 && status !== 100) return reject(new Error(`buf breaking exited with ${String(status)}: ${stderr.trim()}`));
        const lines = stdout.split('\n').filter((line) => line.trim() !== '');
        const parsed = lines.map((line) => JSON.parse(line) as { path?: string; start_line: number; start_column: number; type: string; message: string });
        const compileErrors = parsed.filter((found) => found.type === 'COMPILE');
        if (compileErrors.length > 0) return reject(new Error(`the case does not compile for buf: ${compileErrors[0].message}`));
        resolve(
          parsed
            .filter((found) => IMPLEMENTED.has(found.type))
            .map((found) => ({
              rule: found.type,
              // buf gives FILE_NO_DELETE no path; Graycheck names the deleted file at 1:1 (a documented difference).
              file: found.path ?? /^Previously present file "(.+)" was deleted\.$/.exec(found.message)?.[1] ?? '',
              line: found.start_line,
              column: found.start_column,
              message: found.message,
            })),
        );
      },
    );
  });
}

async function runGraycheck(cwd: string): Promise<Compared[]> {
  const result = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd, env: GIT_ENV });
  if (result.status !== 0 && result.status !== 1) throw new Error(`graycheck exited with ${result.status}: ${result.stderr.trim()}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(`graycheck printed no JSON (status ${result.status}): ${result.stderr.trim() || result.stdout.slice(0, 200)}`);
  }
  const output = parsed as {
    findings: { rule: string; file: string; range: { start: { line: number; column: number } }; message: string }[];
    notChecked: { file: string; reason: string }[];
  };
  assert.deepEqual(output.notChecked, [], 'graycheck checked every file');
  return output.findings
    .filter((found) => IMPLEMENTED.has(found.rule))
    .map((found) => ({ rule: found.rule, file: found.file, line: found.range.start.line, column: found.range.start.column, message: found.message }));
}

function record(bufFound: Compared[], graycheckFound: Compared[]): void {
  const bufKeys = new Map(bufFound.map((found) => [key(found), found]));
  const graycheckKeys = new Map(graycheckFound.map((found) => [key(found), found]));
  const bump = (rule: string, field: 'agreed' | 'bufOnly' | 'graycheckOnly') => {
    const counts = tally.get(rule) ?? { agreed: 0, bufOnly: 0, graycheckOnly: 0 };
    counts[field]++;
    tally.set(rule, counts);
  };
  for (const [id, found] of bufKeys) bump(found.rule, graycheckKeys.has(id) ? 'agreed' : 'bufOnly');
  for (const [id, found] of graycheckKeys) if (!bufKeys.has(id)) bump(found.rule, 'graycheckOnly');
}

async function compare(t: Parameters<typeof TempRepo.create>[0], bufYaml: string | null, head: Record<string, string | null>): Promise<Compared[]> {
  const repo = TempRepo.create(t);
  repo.commit({ ...BASE_FILES, ...(bufYaml === null ? {} : { 'buf.yaml': bufYaml }) }, 'base');
  repo.write(head);
  const [bufFound, graycheckFound] = await Promise.all([runBuf(repo.dir), runGraycheck(repo.dir)]);
  record(bufFound, graycheckFound);
  assert.deepEqual(graycheckFound.map(key).sort(), bufFound.map(key).sort());
  return bufFound;
}

// How many of the compared findings buf itself reports with no buf.yaml (FILE): keeps the comparison from passing vacuously.
const BUF_COUNT_UNDER_FILE: Record<string, number> = {
  'a field deleted from a top-level message': 1,
  'a field deleted from a nested message': 1,
  'several fields deleted in two packages at once': 3,
  'top-level messages deleted': 2,
  'a nested message deleted with the field that used it': 2,
  'a file deleted': 1,
  'a message moved to another file of the same package': 1,
  'a field renamed, keeping its number': 0,
  'comments and formatting changed only': 0,
};

// One flat suite so that several buf runs (each clones the repository) overlap.
describe('buf breaking and graycheck check agree', { concurrency: 4 }, () => {
  for (const agreementCase of CASES) {
    for (const [configName, bufYaml] of Object.entries(CONFIGS)) {
      test(`${agreementCase.name}, under ${configName}`, async (t) => {
        const bufFound = await compare(t, bufYaml, agreementCase.head);
        if (bufYaml === null) assert.equal(bufFound.length, BUF_COUNT_UNDER_FILE[agreementCase.name], 'buf found what the case is about');
      });
    }
  }
  for (const reserveCase of RESERVE_CASES) {
    for (const [configName, bufYaml] of Object.entries(RESERVE_CONFIGS)) {
      test(`${reserveCase.name}, under ${configName}`, async (t) => {
        await compare(t, bufYaml, reserveCase.head);
      });
    }
  }
});

after(() => {
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = rows.map(
    ([rule, counts]) => `  ${rule.padEnd(40)} agreed ${counts.agreed}, only buf ${counts.bufOnly}, only graycheck ${counts.graycheckOnly}`,
  );
  console.log(`buf agreement per rule:\n${lines.join('\n') || '  (no findings compared)'}`);
});
