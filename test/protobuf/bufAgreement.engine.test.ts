// Differential test: the real buf (node_modules/.bin/buf) and protobufChecker on the same base and head directories
// must report the same findings of the rules we implement: type, path, start and end line/column, message.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { protobufChecker } from '../../server/src/protobuf/checker';

const BUF = path.resolve(__dirname, '../../node_modules/.bin/buf');
const OURS = new Set(protobufChecker.rules.map((rule) => rule.id));

interface AgreementCase {
  name: string;
  bufYaml?: string;
  base: Record<string, string>;
  head: Record<string, string>;
}

interface Row {
  type: string;
  path?: string;
  start_line: number;
  start_column: number;
  end_line: number;
  end_column: number;
  message: string;
}

function runBuf(headDir: string, baseDir: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    execFile(BUF, ['breaking', '.', '--against', baseDir, '--error-format', 'json'], { cwd: headDir }, (error, stdout, stderr) => {
      // Exit code 100 means findings; anything else non-zero is a failure of the setup, not of the code under test.
      if (error && error.code !== 100) return reject(new Error(`buf failed (${String(error.code)}): ${stderr}`));
      const rows = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
      const compileErrors = rows.filter((row) => row.type === 'COMPILE');
      if (compileErrors.length > 0) return reject(new Error(`case does not compile: ${JSON.stringify(compileErrors)}`));
      resolve(rows);
    });
  });
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

function key(row: Row): string {
  return JSON.stringify([row.type, row.path ?? null, row.start_line, row.start_column, row.end_line, row.end_column, row.message]);
}

async function agreement(testCase: AgreementCase): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-buf-'));
  try {
    const shared: Record<string, string> = testCase.bufYaml ? { 'buf.yaml': testCase.bufYaml } : {};
    const base = { ...shared, ...testCase.base };
    const head = { ...shared, ...testCase.head };
    writeTree(path.join(root, 'base'), base);
    writeTree(path.join(root, 'head'), head);
    const bufRows = (await runBuf(path.join(root, 'head'), path.join(root, 'base'))).filter((row) => OURS.has(row.type));
    const result = await runCheck(
      { base: new MemoryTree(base), head: new MemoryTree(head), renames: new Map(), config: defaultConfig() },
      [protobufChecker],
    );
    const ourRows: Row[] = result.findings.map((finding) => ({
      type: finding.rule,
      // buf gives FILE_NO_DELETE no path; we need one for the editor (see rules/fileDeletion.ts).
      ...(finding.rule === 'FILE_NO_DELETE' ? {} : { path: finding.file }),
      start_line: finding.range.start.line + 1,
      start_column: finding.range.start.character + 1,
      end_line: finding.range.end.line + 1,
      end_column: finding.range.end.character + 1,
      message: finding.message,
    }));
    assert.deepEqual(ourRows.map(key).sort(), bufRows.map(key).sort());
    // Under buf's default (FILE) every scenario but the one named for it must break, so that agreement is not agreement on nothing.
    if (!testCase.bufYaml && !testCase.name.startsWith('nothing')) assert.ok(bufRows.length > 0, 'buf reports something for this scenario');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const USER = `syntax = "proto3";
package acme.user.v1;

// A user.
message User {
  string name = 1;
  // Where we write.
  string email = 2;
  map<string, int32> tags = 3;
  oneof contact {
    string phone = 4;
    string fax = 5;
  }
  optional int32 age = 6;
  message Address {
    string street = 1;
    string city = 2;
  }
  Address address = 7;
  reserved 20 to 30;
}

message Team {
  repeated User members = 1;
}
`;

const USER_FIELDS_GONE = `syntax = "proto3";
package acme.user.v1;

// A user.
message User {
  string name = 1;
  reserved 2;
  oneof contact {
    string phone = 4;
  }
  message Address {
    string street = 1;
  }
  Address address = 7;
  reserved "age", "tags";
  reserved 20 to 30;
}

message Team {
  repeated User members = 1;
}
`;

const PROTO2 = `syntax = "proto2";
package legacy;

message Old {
  required string id = 1;
  optional group Result = 2 {
    optional string url = 3;
  }
  extensions 100 to 199;
  message Inner { optional int32 x = 1; }
}
`;

const EDITIONS = `edition = "2023";
package ed.v1;

message E {
  int32 a = 1;
  int32 b = 2 [features.field_presence = IMPLICIT];
  message N { string s = 1; }
}
`;

const CATEGORIES = [
  undefined,
  'version: v1\n',
  'version: v2\nbreaking:\n  use: [WIRE_JSON]\n',
  'version: v2\nbreaking:\n  use: [WIRE]\n',
  'version: v2\nbreaking:\n  use: [PACKAGE]\n',
  'version: v1\nbreaking:\n  use: [WIRE_JSON]\n',
];

const SCENARIOS: Omit<AgreementCase, 'bufYaml'>[] = [
  { name: 'fields deleted, some reserved', base: { 'acme/user.proto': USER }, head: { 'acme/user.proto': USER_FIELDS_GONE } },
  {
    name: 'a file deleted and a message moved within the package',
    base: { 'acme/user.proto': USER, 'acme/extra.proto': 'syntax = "proto3";\npackage acme.user.v1;\nmessage Extra { int32 a = 1; }\n' },
    head: { 'acme/user.proto': USER.replace(/message Team \{[^}]*\}\n/, ''), 'acme/team.proto': 'syntax = "proto3";\npackage acme.user.v1;\nimport "acme/user.proto";\n\nmessage Team {\n}\n' },
  },
  {
    name: 'proto2 group, nested message and required field deleted',
    base: { 'legacy.proto': PROTO2 },
    head: { 'legacy.proto': 'syntax = "proto2";\npackage legacy;\n\nmessage Old {\n  extensions 100 to 199;\n}\n' },
  },
  {
    name: 'editions fields deleted with identifier reservations',
    base: { 'ed.proto': EDITIONS },
    head: { 'ed.proto': 'edition = "2023";\npackage ed.v1;\n\nmessage E {\n  reserved b;\n  message N {\n  }\n}\n' },
  },
  {
    name: 'nested messages deleted with their parent',
    base: { 'n.proto': 'syntax = "proto3";\npackage n;\nmessage A { message B { message C { int32 x = 1; } } int32 y = 1; }\nmessage D {}\n' },
    head: { 'n.proto': 'syntax = "proto3";\npackage n;\nmessage D {}\n' },
  },
  {
    name: 'a single-line message keeps its span',
    base: { 's.proto': 'syntax = "proto3";\npackage s;\nmessage S { int32 a = 1; int32 b = 2; map<string, S> m = 3; }\n' },
    head: { 's.proto': 'syntax = "proto3";\npackage s;\n  message S { int32 a = 1; }  \n' },
  },
  {
    name: 'nothing breaks when fields only move around',
    base: { 'm.proto': 'syntax = "proto3";\npackage m;\nmessage M { int32 a = 1; int32 b = 2; }\n' },
    head: { 'm.proto': 'syntax = "proto3";\npackage m;\n// moved\nmessage M {\n  int32 b = 2;\n  int32 a = 1;\n}\n' },
  },
];

for (const bufYaml of CATEGORIES) {
  for (const scenario of SCENARIOS) {
    const label = bufYaml ? bufYaml.replace(/\n\s*/g, ' ').trim() : 'no buf.yaml';
    test(`agrees with buf: ${scenario.name} (${label})`, { timeout: 60_000 }, async () => {
      await agreement({ ...scenario, bufYaml });
    });
  }
}

test('agrees with buf: a v2 module under proto/ reports repository paths and module-relative names', { timeout: 60_000 }, async () => {
  await agreement({
    name: 'v2 module',
    bufYaml: 'version: v2\nmodules:\n  - path: proto\n',
    base: { 'proto/x/a.proto': 'syntax = "proto3";\npackage x;\nmessage A { int32 a = 1; }\nmessage B {}\n', 'proto/x/b.proto': 'syntax = "proto3";\npackage x;\nmessage C {}\n' },
    head: { 'proto/x/a.proto': 'syntax = "proto3";\npackage x;\nmessage A {}\n' },
  });
});
