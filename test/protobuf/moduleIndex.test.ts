// The module-wide summaries a check keeps instead of syntax trees: the head as an overlay of the base, and the bounded model cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textFingerprint } from '../../server/src/engine/tree';
import { buildFile, resolveName } from '../../server/src/protobuf/model';
import { ModelCache } from '../../server/src/protobuf/modelCache';
import { HeadIndex, SideIndex, summarize, type FileSummary } from '../../server/src/protobuf/moduleIndex';

function summary(path: string, text: string): FileSummary {
  return summarize(buildFile(path, path, text), textFingerprint(text), undefined);
}

const COMMON = 'syntax = "proto3";\npackage acme.common;\nmessage Money { int64 units = 1; }\nenum Currency { CURRENCY_UNSPECIFIED = 0; }\n';
const USER = 'syntax = "proto3";\npackage acme.user;\nimport "acme/common.proto";\nmessage User { map<string, string> labels = 1; }\n';

test('a summary keeps names, package, imports and extend blocks, and no slice of the text', () => {
  const text =
    'syntax = "proto2";\npackage acme.ext;\nimport "acme/common.proto";\nmessage Holder {\n  extensions 10 to 20;\n  extend Holder { optional int32 inner = 11; }\n}\nextend Holder { optional string top = 10; }\n';
  const file = summary('acme/ext.proto', text);
  assert.equal(file.packageName, 'acme.ext');
  assert.deepEqual(file.imports, ['acme/common.proto']);
  assert.deepEqual(file.messages, ['acme.ext.Holder']);
  assert.deepEqual(file.extends, [
    { extendee: 'Holder', scope: 'acme.ext', numbers: [10] },
    { extendee: 'Holder', scope: 'acme.ext.Holder', numbers: [11] },
  ]);
  assert.equal(file.isReadable, true);
  assert.equal(summary('x.proto', 'syntax = "proto3";\nmessage {').syntaxProblem?.startsWith('syntax error at 2:'), true);
});

test('the head index overlays the base: changed, new and deleted files, with names resolved through it', () => {
  const common = summary('acme/common.proto', COMMON);
  const user = summary('acme/user.proto', USER);
  const base = new SideIndex([user, common]);
  assert.deepEqual(
    base.files.map((file) => file.path),
    ['acme/common.proto', 'acme/user.proto'],
  );
  assert.equal(base.kindOf('acme.common.Money'), 'message');
  assert.equal(base.kindOf('acme.common.Currency'), 'enum');
  assert.equal(base.kindOf('acme'), 'package');
  assert.equal(base.kindOf('acme.user.User.LabelsEntry'), 'message');
  assert.equal(resolveName(base, 'common.Money', 'acme.user.User'), '.acme.common.Money');

  // Money moves to a new file; common.proto loses it; user.proto is gone.
  const changedCommon = summary('acme/common.proto', 'syntax = "proto3";\npackage acme.common;\nenum Currency { CURRENCY_UNSPECIFIED = 0; }\n');
  const money = summary('acme/money.proto', 'syntax = "proto3";\npackage acme.money;\nmessage Money { int64 units = 1; }\n');
  const head = new HeadIndex(base, [changedCommon, money]);
  assert.deepEqual([...head.replaced].map((file) => file.path).sort(), ['acme/common.proto', 'acme/user.proto']);
  assert.equal(head.byPath('acme/user.proto'), undefined);
  assert.equal(head.byPath('acme/common.proto'), changedCommon);
  assert.equal(head.kindOf('acme.common.Money'), undefined);
  assert.equal(head.kindOf('acme.money.Money'), 'message');
  assert.equal(head.kindOf('acme.user'), undefined);
  assert.equal(head.hasPackage('acme.user'), false);
  assert.equal(head.hasPackage('acme.money'), true);
  assert.equal(head.declarerOf('acme.common.Currency'), changedCommon);
  assert.deepEqual(head.filesOfPackage('acme.common'), [changedCommon]);
  // The base is untouched by its overlay.
  assert.equal(base.kindOf('acme.common.Money'), 'message');
});

test('an unchanged head shares the base summaries and replaces nothing', () => {
  const common = summary('acme/common.proto', COMMON);
  const user = summary('acme/user.proto', USER);
  const base = new SideIndex([common, user]);
  const head = new HeadIndex(base, [common, user]);
  assert.equal(head.replaced.size, 0);
  assert.equal(head.overlay.files.length, 0);
  assert.equal(head.kindOf('acme.user.User'), 'message');
  assert.equal(head.byModulePath('acme/common.proto'), common);
});

test('a head index made from the last one by the changed positions is the one made afresh', () => {
  const common = summary('acme/common.proto', COMMON);
  const user = summary('acme/user.proto', USER);
  const broken = summary('acme/zz.proto', 'syntax = "proto3";\npackage acme.zz;\nmessage {');
  const base = new SideIndex([common, user, broken]);
  const describe = (index: HeadIndex) => ({
    files: index.files.map((file) => file.fingerprint),
    overlay: index.overlay.files.map((file) => file.fingerprint),
    replaced: [...index.replaced].map((file) => file.fingerprint).sort(),
    unreadable: index.unreadableFiles.map((file) => file.fingerprint),
    kinds: ['acme.user.User', 'acme.user.Account', 'acme.common.Money', 'acme.common.Wallet'].map((name) => index.kindOf(name)),
  });
  const typed = [summary('acme/user.proto', USER.replace('message User', 'message Account')), summary('acme/user.proto', `${USER}message Acc`), user];
  let last = new HeadIndex(base, [common, user, broken]);
  for (const head of typed) {
    const files = [common, head, broken];
    const next = new HeadIndex(base, files, { index: last, positions: [1] });
    assert.deepEqual(describe(next), describe(new HeadIndex(base, files)));
    last = next;
  }
  const edited = summary('acme/common.proto', COMMON.replace('Money', 'Wallet'));
  const files = [edited, typed[0], broken];
  assert.deepEqual(describe(new HeadIndex(base, files, { index: last, positions: [0, 1] })), describe(new HeadIndex(base, files)));
});

test('the model cache keeps two versions of a head file, the latest', () => {
  const model = buildFile('a.proto', 'a.proto', 'syntax = "proto3";\n');
  const cache = new ModelCache();
  const head = (fingerprint: string) => ModelCache.key('head', 'a.proto', 'a.proto', fingerprint);
  for (const fingerprint of ['one', 'two', 'three']) {
    cache.beginCheck();
    cache.set(head(fingerprint), model);
  }
  cache.set(ModelCache.key('base', 'a.proto', 'a.proto', 'one'), model);
  assert.equal(cache.get(head('one')), undefined);
  assert.ok(cache.get(head('two')) && cache.get(head('three')) && cache.get(ModelCache.key('base', 'a.proto', 'a.proto', 'one')));
});

test('the model cache evicts the least recently used, but never what the current check uses', () => {
  const model = (chars: number) => buildFile('a.proto', 'a.proto', `// ${'x'.repeat(chars - 4)}\n`);
  const cache = new ModelCache(100);
  cache.beginCheck();
  cache.set('one', model(60));
  cache.set('two', model(60));
  // Both belong to the running check: kept over the limit.
  assert.ok(cache.get('one') && cache.get('two'));
  cache.beginCheck();
  cache.get('two');
  cache.set('three', model(30));
  assert.equal(cache.get('one'), undefined, 'the entry the new check did not use went first');
  assert.ok(cache.get('two') && cache.get('three'));
});
