// Replays typing (and deleting) character by character through the protobuf checker, every rule enabled, base = the original:
// no intermediate text may report a finding about a declaration outside the edited region, and broken text yields only notChecked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import type { CheckResult } from '../../server/src/engine/finding';
import { LineIndex } from '../../server/src/engine/range';
import { MemoryTree } from '../../server/src/engine/tree';
import { isKnownId } from '../../server/src/protobuf/categories';
import { protobufChecker } from '../../server/src/protobuf/checker';
import { parseProto } from '../../server/src/protobuf/parser';
import { PROTOBUF_RULES } from '../../server/src/protobuf/rules/index';

const FILE = 'acme/library/v1/library.proto';
const COMMON = 'acme/library/v1/common.proto';

const COMMON_TEXT = `syntax = "proto3";

package acme.library.v1;

// Where a book is shelved.
message Location {
  string building = 1;
  int32 floor = 2;
  string shelf = 3;
}

enum Format {
  FORMAT_UNSPECIFIED = 0;
  FORMAT_HARDCOVER = 1;
  FORMAT_PAPERBACK = 2;
  FORMAT_EBOOK = 3;
}
`;

const ORIGINAL = `syntax = "proto3";

package acme.library.v1;

import "acme/library/v1/common.proto";
import "google/protobuf/timestamp.proto";

option go_package = "example.com/acme/library/v1;libraryv1";
option java_multiple_files = true;

// The library's catalogue.
service LibraryService {
  // Looks a book up by its name.
  rpc GetBook(GetBookRequest) returns (Book);
  // Lists the books of a shelf, a page at a time.
  rpc ListBooks(ListBooksRequest) returns (ListBooksResponse);
  // Adds a book.
  rpc CreateBook(CreateBookRequest) returns (Book) {
    option deprecated = false;
  }
}

// A book in the catalogue.
message Book {
  // The resource name: shelves/{shelf}/books/{book}.
  string name = 1;
  string title = 2;
  repeated string authors = 3;
  Format format = 4;
  Location location = 5;
  map<string, string> labels = 6;
  google.protobuf.Timestamp create_time = 7;
  optional int32 page_count = 8;

  oneof identifier {
    string isbn = 9;
    string internal_id = 10;
  }

  // A review left by a reader.
  message Review {
    string reader = 1;
    int32 stars = 2;
    string text = 3 [json_name = "body"];
  }
  repeated Review reviews = 11;

  reserved 12, 15 to 20;
  reserved "legacy_code";
}

message GetBookRequest {
  string name = 1;
}

message ListBooksRequest {
  string parent = 1;
  int32 page_size = 2;
  string page_token = 3;
}

message ListBooksResponse {
  repeated Book books = 1;
  string next_page_token = 2;
}

message CreateBookRequest {
  string parent = 1;
  Book book = 2;
}

// Kept for an old client; nothing refers to it.
message ArchivedShelf {
  string name = 1;
  repeated string book_names = 2;
  Location location = 3;
  map<string, int32> counts = 4;
}
`;

// Every rule a v2 buf.yaml accepts, so that a rule added later is replayed too.
const BUF_YAML = `version: v2\nbreaking:\n  use:\n${PROTOBUF_RULES.filter((rule) => isKnownId(rule.id, 'v2'))
  .map((rule) => `    - ${rule.id}\n`)
  .join('')}`;

async function check(headText: string): Promise<CheckResult> {
  const shared = { 'buf.yaml': BUF_YAML, [COMMON]: COMMON_TEXT };
  return runCheck(
    {
      base: new MemoryTree({ ...shared, [FILE]: ORIGINAL }, 'base'),
      head: new MemoryTree({ ...shared, [FILE]: headText }, 'head'),
      renames: new Map(),
      config: defaultConfig(),
    },
    [protobufChecker],
  );
}

/** Every finding must lie inside [regionStart, regionEnd] of the head text (offsets), in the edited file. */
function assertOnlyInside(result: CheckResult, headText: string, regionStart: number, regionEnd: number, step: string): void {
  const lines = new LineIndex(headText);
  for (const finding of result.findings) {
    const where = `${finding.rule} at ${finding.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1} "${finding.message}"`;
    assert.equal(finding.file, FILE, `${step}: a finding in another file: ${where}`);
    const start = lines.offsetAt(finding.range.start);
    const end = lines.offsetAt(finding.range.end);
    assert.ok(start >= regionStart && end <= regionEnd, `${step}: a finding outside the edited region ${regionStart}-${regionEnd}: ${where}`);
  }
}

function assertBrokenGivesOnlyNotChecked(result: CheckResult, step: string): void {
  assert.deepEqual(
    result.findings.map((finding) => `${finding.rule} ${finding.message}`),
    [],
    `${step}: findings while the text is broken`,
  );
  for (const entry of result.notChecked) assert.equal(entry.file, FILE, `${step}: a notChecked entry for another file: ${entry.reason}`);
}

function isBroken(text: string): boolean {
  return parseProto(text).problems.length > 0;
}

/** Types `typed` at the offset just after `anchor`, one character per check. Returns how many states were broken. */
async function replayTyping(anchor: string, typed: string): Promise<number> {
  const at = ORIGINAL.indexOf(anchor);
  assert.ok(at >= 0, `anchor not found: ${anchor}`);
  const insertAt = at + anchor.length;
  let broken = 0;
  for (let count = 1; count <= typed.length; count++) {
    const head = ORIGINAL.slice(0, insertAt) + typed.slice(0, count) + ORIGINAL.slice(insertAt);
    const step = `after typing ${JSON.stringify(typed.slice(0, count))}`;
    const result = await check(head);
    if (isBroken(head)) {
      broken++;
      assertBrokenGivesOnlyNotChecked(result, step);
    } else {
      assertOnlyInside(result, head, insertAt, insertAt + count, step);
    }
  }
  return broken;
}

test('the unchanged file reports nothing (every rule enabled)', async () => {
  const result = await check(ORIGINAL);
  assert.deepEqual(result.findings, []);
  assert.deepEqual(result.notChecked, []);
});

test('typing a new field with a comment inside a message: nothing outside the new text, ever', async () => {
  const broken = await replayTyping(
    '  repeated Review reviews = 11;\n',
    '\n  // The edition, when there are several.\n  string edition_label = 21 [json_name = "editionLabel"];\n',
  );
  assert.ok(broken > 10, 'the replay went through broken states');
  const final = await check(
    ORIGINAL.replace(
      '  repeated Review reviews = 11;\n',
      '  repeated Review reviews = 11;\n\n  // The edition, when there are several.\n  string edition_label = 21 [json_name = "editionLabel"];\n',
    ),
  );
  assert.deepEqual(final.findings, [], 'adding a field breaks nothing');
});

test('typing a new nested message: nothing outside the new text, ever', async () => {
  const broken = await replayTyping(
    '  repeated Review reviews = 11;\n',
    '\n  // A loan of this book.\n  message Loan {\n    string borrower = 1;\n    google.protobuf.Timestamp due_time = 2;\n    Location return_to = 3;\n  }\n',
  );
  assert.ok(broken > 10, 'the replay went through broken states');
});

test('typing a new rpc in a service: nothing outside the new text, ever', async () => {
  const broken = await replayTyping(
    '  rpc ListBooks(ListBooksRequest) returns (ListBooksResponse);\n',
    '  // Streams every book of a shelf.\n  rpc StreamBooks(ListBooksRequest) returns (stream Book) {\n    option deprecated = true;\n  }\n',
  );
  assert.ok(broken > 10, 'the replay went through broken states');
});

test('deleting a whole message character by character from its end: only the deletion itself is ever reported', async () => {
  const start = ORIGINAL.indexOf('// Kept for an old client');
  const end = ORIGINAL.indexOf('}\n', ORIGINAL.indexOf('message ArchivedShelf')) + 2;
  let brokenStates = 0;
  for (let cut = end - 1; cut >= start; cut--) {
    const head = ORIGINAL.slice(0, cut) + ORIGINAL.slice(end);
    const step = `with ${JSON.stringify(ORIGINAL.slice(cut, end).slice(0, 40))}… deleted`;
    const result = await check(head);
    if (isBroken(head)) {
      brokenStates++;
      assertBrokenGivesOnlyNotChecked(result, step);
      continue;
    }
    // A whole-text state: only the message being deleted (or its members) may be named, wherever buf points for a deletion.
    for (const finding of result.findings) {
      assert.equal(finding.file, FILE, `${step}: a finding in another file: ${finding.rule} ${finding.message}`);
      assert.match(
        finding.message,
        /ArchivedShelf|CountsEntry|book_names|location|counts|"name"|"[1-4]"/,
        `${step}: a finding about another declaration: ${finding.rule} ${finding.message}`,
      );
    }
  }
  assert.ok(brokenStates > 50, 'the replay went through broken states');
  const gone = await check(ORIGINAL.slice(0, start) + ORIGINAL.slice(end));
  // The map entry is a message of its own, so it is reported as deleted too.
  assert.deepEqual(
    gone.findings.map((finding) => finding.rule).sort(),
    ['MESSAGE_NO_DELETE', 'MESSAGE_NO_DELETE', 'PACKAGE_MESSAGE_NO_DELETE', 'PACKAGE_MESSAGE_NO_DELETE'],
    'the finished deletion is reported, and nothing else',
  );
  for (const finding of gone.findings) assert.match(finding.message, /"ArchivedShelf(\.CountsEntry)?"/);
});

test('typing the syntax statement, every prefix of it: the file is never read as proto2, and gives no finding', async () => {
  const statement = 'syntax = "proto3";';
  assert.ok(ORIGINAL.startsWith(statement));
  const rest = ORIGINAL.slice(statement.length);
  for (let count = 0; count < statement.length; count++) {
    const head = statement.slice(0, count) + rest;
    const step = `with the syntax statement typed as far as ${JSON.stringify(statement.slice(0, count))}`;
    const result = await check(head);
    assertBrokenGivesOnlyNotChecked(result, step);
    assert.equal(result.notChecked.length, 1, `${step}: ${JSON.stringify(result.notChecked)}`);
    // Until the value is complete the syntax is unknown and nothing is compared; with only the ';' missing it is read.
    if (count < statement.length - 1) assert.match(result.notChecked[0]!.reason, /nothing in the file was compared$/, step);
  }
  assert.deepEqual((await check(ORIGINAL)).notChecked, []);
});

test('typing a block comment above a message: "/*" swallows the rest of the file and is not checked, never a deletion', async () => {
  const broken = await replayTyping('// A book in the catalogue.\n', '/* Kept apart. */\n');
  assert.ok(broken >= 16, 'the replay went through the open comment');
  const opened = await check(ORIGINAL.replace('// A book in the catalogue.\n', '// A book in the catalogue.\n/*'));
  assert.deepEqual(opened.findings, []);
  assert.deepEqual(
    opened.notChecked.map((entry) => entry.reason),
    ['syntax error at 24:1: a comment opened at 24:1 is never closed: it swallows the rest of the file — nothing in the file was compared'],
  );
});
