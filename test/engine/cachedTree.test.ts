// The server's working tree remembers what it read until it is told the disk changed: small texts (the buf.yaml every
// keystroke's check reads) are not read from disk again, large ones are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CachedTree } from '../../server/src/engine/cachedTree';
import type { Tree } from '../../server/src/engine/tree';

class CountingDisk implements Tree {
  readonly label = 'disk';
  readonly reads = new Map<string, number>();
  constructor(readonly files: Map<string, string>) {}
  async list(): Promise<readonly string[]> {
    return [...this.files.keys()].sort();
  }
  async read(path: string): Promise<string | undefined> {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return this.files.get(path);
  }
}

test('a small text, and a missing file, are read from disk once until the file is said to change', async () => {
  const disk = new CountingDisk(new Map([['buf.yaml', 'version: v2\n']]));
  const tree = new CachedTree(disk);
  for (let i = 0; i < 3; i++) {
    assert.equal(await tree.read('buf.yaml'), 'version: v2\n');
    assert.equal(await tree.read('buf.work.yaml'), undefined);
  }
  assert.deepEqual(Object.fromEntries(disk.reads), { 'buf.yaml': 1, 'buf.work.yaml': 1 });
  disk.files.set('buf.yaml', 'version: v1\n');
  disk.files.set('buf.work.yaml', 'version: v1\ndirectories: [proto]\n');
  tree.forgetFile('buf.yaml', false);
  tree.forgetFile('buf.work.yaml', true);
  assert.equal(await tree.read('buf.yaml'), 'version: v1\n');
  assert.equal(await tree.read('buf.work.yaml'), 'version: v1\ndirectories: [proto]\n');
  tree.forgetAll();
  await tree.read('buf.yaml');
  assert.deepEqual(Object.fromEntries(disk.reads), { 'buf.yaml': 3, 'buf.work.yaml': 2 });
});

test('the server does not keep a large text', async () => {
  const large = `syntax = "proto3";\n${'// padding\n'.repeat(4096)}`;
  const disk = new CountingDisk(new Map([['large.proto', large]]));
  const tree = new CachedTree(disk);
  await tree.read('large.proto');
  await tree.read('large.proto');
  assert.equal(disk.reads.get('large.proto'), 2);
  const oneRun = new CachedTree(disk, true);
  await oneRun.read('large.proto');
  await oneRun.read('large.proto');
  assert.equal(disk.reads.get('large.proto'), 3, 'a one-run tree keeps it');
});
