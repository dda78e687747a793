// The blob cache keeps the most recently used texts within its byte budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlobCache } from '../../server/src/git/blobCache';

const blob = (text: string) => ({ text, sizeBytes: text.length });

test('the least recently used blob is evicted first when the budget is exceeded', () => {
  // Each 100-character text costs 264 bytes: the budget holds three.
  const cache = new BlobCache(800);
  cache.set('a', blob('a'.repeat(100)));
  cache.set('b', blob('b'.repeat(100)));
  cache.set('c', blob('c'.repeat(100)));
  assert.ok(cache.get('a'));
  cache.set('d', blob('d'.repeat(100)));
  assert.equal(cache.get('b'), undefined);
  assert.deepEqual(
    ['a', 'c', 'd'].map((id) => cache.get(id)?.text[0]),
    ['a', 'c', 'd'],
  );
  assert.ok(cache.bytes <= 800);
});

test('a blob larger than the whole budget is not kept', () => {
  const cache = new BlobCache(100);
  cache.set('big', blob('x'.repeat(1000)));
  assert.equal(cache.get('big'), undefined);
  assert.equal(cache.size, 0);
});
