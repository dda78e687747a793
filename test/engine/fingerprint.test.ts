// Fingerprints are git blob ids: a text read through git comes with its own, and one read from disk gets the same id.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { textFingerprint, textOfBytes } from '../../server/src/engine/tree';

const hashObject = (bytes: Buffer): string => execFileSync('git', ['hash-object', '--stdin'], { input: bytes, encoding: 'utf8' }).trim();

test('a fingerprint is the git blob id of the text, ASCII or not', () => {
  for (const text of ['syntax = "proto3";\nmessage M {}\n', 'option (note) = "caf\u00e9 \u2603 \ud83d\ude00";\n', '']) {
    assert.equal(textFingerprint(`${text}`), hashObject(Buffer.from(text, 'utf8')));
    assert.equal(textFingerprint(textOfBytes(Buffer.from(`// fresh ${text}`, 'utf8'))), hashObject(Buffer.from(`// fresh ${text}`, 'utf8')));
  }
});

test('a text read with its SHA-1 blob id takes that id as its fingerprint, without hashing', () => {
  const said = 'f'.repeat(40);
  assert.equal(textFingerprint(textOfBytes(Buffer.from('message Said { int32 a = 1; }\n'), said)), said);
  const saidToo = 'e'.repeat(40);
  assert.equal(textFingerprint(textOfBytes(Buffer.from('message Said { string \u00e9 = 1; }\n'), saidToo)), saidToo);
});

test('a SHA-256 id is not a fingerprint: the text is hashed as git would with SHA-1', () => {
  const bytes = Buffer.from('message Wide { int64 a = 1; }\n');
  assert.equal(textFingerprint(textOfBytes(bytes, 'a'.repeat(64))), hashObject(bytes));
});

test('bytes that are not UTF-8 keep their blob id, which no other text can have', () => {
  const bytes = Buffer.from([0x6d, 0x20, 0xff, 0xfe, 0x0a]);
  const id = hashObject(bytes);
  const text = textOfBytes(bytes, id);
  assert.equal(textFingerprint(text), id);
  assert.notEqual(textFingerprint('m \ufffd\ufffd\nother'), id);
});
