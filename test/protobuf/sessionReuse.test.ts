// A protobuf session checks again at every keystroke against the working tree it remembers: what it keeps between
// checks (the head index, made from the last one by the open buffers' paths) must never make a finding go stale.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CachedTree } from '../../server/src/engine/cachedTree';
import { CheckSession } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import { MemoryTree, OverlayTree, type Tree } from '../../server/src/engine/tree';
import { protobufChecker } from '../../server/src/protobuf/checker';

const USER = 'syntax = "proto3";\npackage acme.user;\nimport "acme/money.proto";\nmessage User {\n  string name = 1;\n  acme.money.Money balance = 2;\n}\n';
const MONEY = 'syntax = "proto3";\npackage acme.money;\nmessage Money {\n  int64 units = 1;\n  int32 nanos = 2;\n}\n';
const BASE = new MemoryTree({ 'acme/user.proto': USER, 'acme/money.proto': MONEY }, 'base');

/** The disk under the editor: files change when the test says so. */
class Disk implements Tree {
  readonly label = 'working tree';
  constructor(readonly files = new Map<string, string>(Object.entries({ 'acme/user.proto': USER, 'acme/money.proto': MONEY }))) {}
  async list(): Promise<readonly string[]> {
    return [...this.files.keys()].sort();
  }
  async read(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }
}

test('typing in one file and changing another on disk are both seen, as a fresh session sees them', async () => {
  const disk = new Disk();
  const workingTree = new CachedTree(disk);
  const session = new CheckSession([protobufChecker]);
  const check = async (checkSession: CheckSession, buffers: Record<string, string>) => {
    const result = await checkSession.run({
      base: BASE,
      head: new OverlayTree(workingTree, new Map(Object.entries(buffers))),
      renames: new Map(),
      config: defaultConfig([protobufChecker]),
      focus: new Set(Object.keys(buffers)),
    });
    return result.findings.map((finding) => `${finding.file} ${finding.rule}`);
  };
  const steps: { buffers: Record<string, string>; disk?: Record<string, string>; expect: string[] }[] = [
    { buffers: { 'acme/user.proto': USER }, expect: [] },
    { buffers: { 'acme/user.proto': USER.replace('  string name = 1;\n', '') }, expect: ['acme/user.proto FIELD_NO_DELETE'] },
    { buffers: { 'acme/user.proto': USER.replace('string name = 1', 'string name = 3') }, expect: ['acme/user.proto FIELD_NO_DELETE'] },
    { buffers: { 'acme/user.proto': USER }, expect: [] },
    // Another file saved: the watcher tells the tree, and the next keystroke's check sees the enum the field now names.
    {
      buffers: { 'acme/user.proto': USER },
      disk: { 'acme/money.proto': MONEY.replace('message Money {\n  int64 units = 1;\n  int32 nanos = 2;\n}', 'enum Money {\n  MONEY_UNSPECIFIED = 0;\n}') },
      expect: ['acme/user.proto FIELD_SAME_CARDINALITY', 'acme/user.proto FIELD_SAME_TYPE'],
    },
    { buffers: { 'acme/user.proto': `${USER}// typed\n` }, expect: ['acme/user.proto FIELD_SAME_CARDINALITY', 'acme/user.proto FIELD_SAME_TYPE'] },
    // The buffer of the other file opened, then closed again.
    { buffers: { 'acme/user.proto': USER, 'acme/money.proto': MONEY }, expect: [] },
    { buffers: { 'acme/user.proto': USER }, expect: ['acme/user.proto FIELD_SAME_CARDINALITY', 'acme/user.proto FIELD_SAME_TYPE'] },
  ];
  for (const [index, step] of steps.entries()) {
    for (const [path, text] of Object.entries(step.disk ?? {})) {
      disk.files.set(path, text);
      workingTree.forgetFile(path, false);
    }
    const kept = await check(session, step.buffers);
    assert.deepEqual(kept, await check(new CheckSession([protobufChecker]), step.buffers), `step ${index}: as a fresh session finds`);
    assert.deepEqual(kept.sort(), [...step.expect].sort(), `step ${index}`);
  }
});
