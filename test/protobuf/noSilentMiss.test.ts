// No silent miss (issue 11): every way the parser can skip text, and every kind of type reference that may not resolve,
// leaves a notChecked reason for the file. The parser's messages are read from its source, so a new recovery path
// without a case here fails the first test.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree } from '../../server/src/engine/tree';
import { protobufChecker } from '../../server/src/protobuf/checker';
import { parseProto } from '../../server/src/protobuf/parser';

const P2 = 'syntax = "proto2";\npackage p;\n';
const P3 = 'syntax = "proto3";\npackage p;\n';
const DEEP = `${P3}${'message A {'.repeat(70)}${'}'.repeat(70)}\n`;
/** The shallowest nesting buf refuses ("message nesting depth must be less than 32"). */
const DEEP_AS_BUF_REFUSES = `${P3}${'message A {'.repeat(32)}${'}'.repeat(32)}\n`;

/** One broken head per recovery site of parser.ts and lexer.ts, named after what the parser says there. */
const BROKEN: { site: string; text: string }[] = [
  { site: "a missing ';'", text: `${P3}message M { int32 a = 1 }\n` },
  { site: 'an identifier after a dot in a type name', text: `${P3}message M { p.; }\n` },
  { site: 'a stray token at the top level', text: `${P3}= 1;\nmessage M {}\n` },
  { site: 'an unknown word at the top level', text: `${P3}messsage M {}\n` },
  { site: 'a visibility word before a service', text: 'edition = "2024";\npackage p;\nexport service S {}\n' },
  { site: "'=' after syntax", text: 'syntax "proto3";\nmessage M {}\n' },
  { site: 'a string after syntax =', text: 'syntax = proto3;\nmessage M {}\n' },
  { site: 'an unknown syntax', text: 'syntax = "proto4";\nmessage M {}\n' },
  { site: 'an unknown edition', text: 'edition = "2025";\nmessage M {}\n' },
  { site: 'a misspelt syntax statement', text: 'syntx = "proto3";\nmessage M { int32 a = 1; }\n' },
  { site: 'a proto2 field without a label', text: `${P2}message M { int32 a = 1; }\n` },
  { site: 'a field without a label and no syntax statement', text: 'package p;\nmessage M { int32 a = 1; }\n' },
  { site: 'a package name', text: 'syntax = "proto3";\npackage ;\nmessage M {}\n' },
  { site: 'an import path', text: `${P3}import foo;\nmessage M {}\n` },
  { site: 'an unclosed aggregate option value', text: `${P3}option (x) = { a: 1 ` },
  { site: 'an option name', text: `${P3}option = 1;\nmessage M {}\n` },
  { site: "'=' after an option name", text: `${P3}option java_package "x";\nmessage M {}\n` },
  { site: 'an option value', text: `${P3}option java_package = ;\nmessage M {}\n` },
  { site: 'a compact option', text: `${P3}message M { int32 a = 1 [= 1]; }\n` },
  { site: 'a compact option value', text: `${P3}message M { int32 a = 1 [deprecated = ]; }\n` },
  { site: "',' or ']' between compact options", text: `${P3}message M { int32 a = 1 [deprecated = true json_name = "x"]; }\n` },
  { site: 'a message name', text: `${P3}message {}\nmessage N {}\n` },
  { site: "'{' after a message name", text: `${P3}message M ;\nmessage N {}\n` },
  { site: 'messages nested too deep', text: DEEP },
  { site: 'messages nested as deep as buf refuses', text: DEEP_AS_BUF_REFUSES },
  { site: 'an unclosed message', text: `${P3}message M {\n  int32 a = 1;\n` },
  { site: 'a stray symbol in a message', text: `${P3}message M { = ; int32 a = 1; }\n` },
  { site: 'a nested message name', text: `${P3}message M { message { } int32 a = 1; }\n` },
  { site: "'{' after a nested message name", text: `${P3}message M { message N ; int32 a = 1; }\n` },
  { site: 'a field type', text: `${P3}message M { repeated = 1; }\n` },
  { site: 'a field name', text: `${P3}message M { int32 = 1; }\n` },
  { site: "'=' after a field name", text: `${P3}message M { int32 a 1; }\n` },
  { site: 'a field number', text: `${P3}message M { int32 a = ; }\n` },
  { site: 'a map key type', text: `${P3}message M { map<string> a = 1; }\n` },
  { site: 'a map value type', text: `${P3}message M { map<string, int32 a = 1; }\n` },
  { site: "'=' after a group name", text: `${P2}message M { optional group G 1 { } }\n` },
  { site: 'a group number', text: `${P2}message M { optional group G = { } }\n` },
  { site: "'{' after a group number", text: `${P2}message M { optional group G = 1; }\n` },
  { site: 'a oneof name', text: `${P3}message M { oneof { int32 a = 1; } }\n` },
  { site: 'an unclosed oneof', text: `${P3}message M { oneof o { int32 a = 1;\n` },
  { site: 'a stray symbol in a oneof', text: `${P3}message M { oneof o { = ; int32 a = 1; } }\n` },
  { site: 'a reserved name', text: `${P3}message M { reserved "a", ; }\n` },
  { site: 'a reserved number', text: `${P3}message M { reserved 1, ; }\n` },
  { site: "a number or 'max'", text: `${P3}message M { reserved 1 to ; }\n` },
  { site: 'the extended message name', text: `${P2}extend { optional int32 a = 1; }\nmessage M {}\n` },
  { site: 'an unclosed extend block', text: `${P2}message M { extensions 1 to 9; }\nextend M { optional int32 a = 1;\n` },
  { site: 'a stray symbol in an extend block', text: `${P2}message M { extensions 1 to 9; }\nextend M { = ; optional int32 a = 1; }\n` },
  { site: 'an enum name', text: `${P3}enum { A = 0; }\nmessage M {}\n` },
  { site: 'an unclosed enum', text: `${P3}enum E { E_ZERO = 0;\n` },
  { site: 'a stray symbol in an enum', text: `${P3}enum E { = ; E_ZERO = 0; }\n` },
  { site: "'=' after an enum value name", text: `${P3}enum E { E_ZERO 0; }\n` },
  { site: 'an enum value number', text: `${P3}enum E { E_ZERO = ; }\n` },
  { site: 'a service name', text: `${P3}service { }\nmessage M {}\n` },
  { site: 'an unclosed service', text: `${P3}message M {}\nservice S { rpc A(M) returns (M);\n` },
  { site: 'a stray symbol in a service', text: `${P3}message M {}\nservice S { = ; rpc A(M) returns (M); }\n` },
  { site: 'an rpc name', text: `${P3}message M {}\nservice S { rpc (M) returns (M); }\n` },
  { site: "'returns'", text: `${P3}message M {}\nservice S { rpc A(M) (M); }\n` },
  { site: 'the request type', text: `${P3}message M {}\nservice S { rpc A returns (M); }\n` },
  { site: 'the response type', text: `${P3}message M {}\nservice S { rpc A(M) returns M; }\n` },
  { site: 'an unclosed rpc body', text: `${P3}message M {}\nservice S { rpc A(M) returns (M) {\n` },
  { site: 'a stray symbol in an rpc body', text: `${P3}message M {}\nservice S { rpc A(M) returns (M) { = ; } }\n` },
  { site: 'an unterminated string', text: `${P3}option java_package = "x;\nmessage M {}\n` },
  { site: 'an unterminated comment', text: `${P3}message M {}\n/* open\nmessage N {}\n` },
  { site: 'an unexpected token no statement consumes', text: `${P3}}\nmessage M {}\n` },
];

/** The messages parser.ts and lexer.ts can record, as patterns: `expected(...)` arguments, `error(...)` templates, lexer problems. */
function recoveryMessages(): RegExp[] {
  const dir = path.resolve(__dirname, '../../server/src/protobuf');
  const parser = fs.readFileSync(path.join(dir, 'parser.ts'), 'utf8');
  const lexer = fs.readFileSync(path.join(dir, 'lexer.ts'), 'utf8');
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns: RegExp[] = [];
  for (const [, argument] of parser.matchAll(/this\.expected\((.*)\);/g)) {
    for (const [, , literal] of argument.matchAll(/(['"])((?:\\.|(?!\1).)*)\1/g)) {
      patterns.push(new RegExp(`^expected ${escape(literal.replace(/\\'/g, "'"))}, found `));
    }
  }
  for (const [, , body] of parser.matchAll(/this\.error\((`|")((?:(?!\1).)*)\1/g)) {
    if (body.startsWith('expected ${what}')) continue;
    patterns.push(
      new RegExp(
        `^${body
          .split(/\$\{[^}]*\}/)
          .map(escape)
          .join('.*')}$`,
      ),
    );
  }
  for (const [, , body] of parser.matchAll(/this\.fileError\(\s*(`|')((?:(?!\1).)*)\1/g)) {
    patterns.push(
      new RegExp(
        `^${body
          .split(/\$\{[^}]*\}/)
          .map(escape)
          .join('.*')}$`,
      ),
    );
  }
  for (const [, what] of parser.matchAll(/this\.unclosed\('(\w+)'/g)) patterns.push(new RegExp(`^${what} ".*" is missing its closing '\\}'$`));
  // An unterminated comment swallows the rest of the text: the parser reports it as the comment that is never closed.
  for (const [, problem] of lexer.matchAll(/problem = '([^']*)'/g)) if (problem !== 'unterminated comment') patterns.push(new RegExp(`^${escape(problem)}$`));
  return patterns;
}

test('every message the parser records at a recovery site is produced by a case here', () => {
  const patterns = recoveryMessages();
  assert.ok(patterns.length >= 40, `found the parser's recovery messages (${patterns.length})`);
  const produced = BROKEN.flatMap(({ text }) => parseProto(text).problems.map((problem) => problem.message));
  const uncovered = patterns.filter((pattern) => !produced.some((message) => pattern.test(message)));
  assert.deepEqual(uncovered.map(String), [], 'recovery messages no case produces');
});

async function notCheckedOf(base: Record<string, string>, head: Record<string, string>) {
  const result = await runCheck({ base: new MemoryTree(base), head: new MemoryTree(head), renames: new Map(), config: defaultConfig() }, [protobufChecker]);
  return result.notChecked.map((entry) => `${entry.file}: ${entry.reason}`);
}

for (const { site, text } of BROKEN) {
  test(`skipped text is a notChecked reason: ${site}`, async () => {
    const { problems, fileProblem } = parseProto(text);
    assert.ok(problems.length > 0, 'the case is broken');
    // A problem that spoils the whole file (its syntax unknown, the rest swallowed by a comment, nesting buf refuses) says so.
    const [first, consequence] = fileProblem ? [fileProblem, 'nothing in the file was compared'] : [problems[0], 'declarations there were not compared'];
    const reason = `a.proto: syntax error at ${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message} — ${consequence}`;
    // The base is the same text: nothing changed, so no rule had a finding to hide, and the file must still be named.
    assert.deepEqual(await notCheckedOf({ 'a.proto': text }, { 'a.proto': text }), [reason]);
  });
}

const TYPES = `${P2}message Known {}\nmessage M {\n  extensions 100 to 200;\n}\n`;
const UNRESOLVED: { reference: string; head: string; reason: string }[] = [
  { reference: 'a relative field type', head: `${TYPES}message F { optional Mon a = 1; }\n`, reason: 'field "a" on message "F" refers to "Mon"' },
  {
    reference: 'a leading-dot field type',
    head: `${TYPES}message F { optional .p.Missing a = 1; }\n`,
    reason: 'field "a" on message "F" refers to ".p.Missing"',
  },
  { reference: 'a map value type', head: `${TYPES}message F { map<string, Gone> tags = 1; }\n`, reason: 'map field "tags" on message "F" refers to "Gone"' },
  { reference: 'an extendee', head: `${TYPES}extend Nowhere { optional int32 x = 100; }\n`, reason: 'extend block refers to "Nowhere"' },
  { reference: 'an extension type', head: `${TYPES}extend M { optional Gone x = 100; }\n`, reason: 'extension "x" refers to "Gone"' },
  {
    reference: 'an rpc request type',
    head: `${TYPES}service S { rpc A(Req) returns (Known); }\n`,
    reason: 'the request of rpc "A" on service "S" refers to "Req"',
  },
  {
    reference: 'an rpc response type',
    head: `${TYPES}service S { rpc A(Known) returns (.p.Res); }\n`,
    reason: 'the response of rpc "A" on service "S" refers to ".p.Res"',
  },
];

for (const { reference, head, reason } of UNRESOLVED) {
  test(`an unresolved reference is a notChecked reason at head: ${reference}`, async () => {
    assert.deepEqual(await notCheckedOf({ 'a.proto': TYPES }, { 'a.proto': head }), [
      `a.proto: ${reason}, which is not declared at head — ${reason.startsWith('the ') ? 'the rpc was' : reason.startsWith('extend ') ? 'its extensions were' : reason.startsWith('extension') ? 'the extension was' : 'the field was'} not compared`,
    ]);
  });
  test(`an unresolved reference is a notChecked reason at the base: ${reference}`, async () => {
    const [entry] = await notCheckedOf({ 'a.proto': head }, { 'a.proto': TYPES });
    assert.ok(entry?.startsWith(`a.proto: ${reason}, which is not declared at base`), entry);
  });
}

test('a reference that does not resolve because its import is missing is told once, by the import', async () => {
  assert.deepEqual(
    await notCheckedOf(
      { 'a.proto': TYPES },
      { 'a.proto': `${TYPES.replace('package p;\n', 'package p;\nimport "gone.proto";\n')}message F { optional gone.T a = 1; }\n` },
    ),
    ['a.proto: import "gone.proto" not found at head'],
  );
});

test('issue 11: a file whose messages the parser skipped is named even when nothing changed', async () => {
  // What an edition 2024 file was before the parser knew `export`: skipped, with no finding to hide and no reason given.
  const text = `${P3}exported message M {\n  int32 a = 1;\n}\n`;
  assert.deepEqual(await notCheckedOf({ 'a.proto': text }, { 'a.proto': text.replace('int32', 'int64') }), [
    "a.proto: syntax error at 3:1: unexpected 'exported' at the top level — declarations there were not compared",
  ]);
});
