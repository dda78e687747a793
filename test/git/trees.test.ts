// The base, index and working trees: what each lists and reads, how blobs are cached, and awkward paths.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { looksBinary } from '../../server/src/git/blobCache';
import { GitRepository } from '../../server/src/git/repository';
import { GIT_ENV, TempRepo } from '../support/tempRepo';
import { WorkingCopy, openRepository, tempDir } from './support';

test('the index holds the staged edit and the working tree the further unstaged one', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/a.proto': 'base\n', 'api/b.proto': 'b\n' });
  repo.write({ 'api/a.proto': 'staged\n', 'api/c.proto': 'new and staged\n' });
  repo.stage('api/a.proto', 'api/c.proto');
  repo.write({ 'api/a.proto': 'unstaged\n', 'api/b.proto': null });
  const repository = await openRepository(t, repo.dir);
  const base = repository.baseTree(await repository.resolveBase('HEAD'));
  const index = repository.indexTree();
  const working = repository.workingTree();

  assert.deepEqual(await base.list(), ['api/a.proto', 'api/b.proto']);
  assert.deepEqual(await index.list(), ['api/a.proto', 'api/b.proto', 'api/c.proto']);
  assert.deepEqual(await working.list(), ['api/a.proto', 'api/c.proto']);
  assert.equal(await base.read('api/a.proto'), 'base\n');
  assert.equal(await index.read('api/a.proto'), 'staged\n');
  assert.equal(await working.read('api/a.proto'), 'unstaged\n');
  assert.equal(await index.read('api/b.proto'), 'b\n');
  assert.equal(await working.read('api/b.proto'), undefined);
  assert.equal(await base.read('api/c.proto'), undefined);
  assert.equal(index.label, 'index');
  assert.equal(working.label, 'working tree');
  assert.match(base.label, /^[0-9a-f]{7} \(HEAD\)$/);
});

test('the working tree lists untracked and ignored files, skips .git, and sees later changes', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ '.gitignore': 'generated/\n', 'a.proto': 'a\n' });
  repo.write({ 'untracked.proto': 'u\n', 'generated/ignored.proto': 'i\n' });
  const repository = await openRepository(t, repo.dir);
  const working = repository.workingTree();
  assert.deepEqual(await working.list(), ['.gitignore', 'a.proto', 'generated/ignored.proto', 'untracked.proto']);
  assert.equal(await working.read('generated/ignored.proto'), 'i\n');
  assert.equal(await working.read('.git/config'), undefined);
  assert.equal(await working.read('../outside'), undefined);
  assert.equal(await working.read('generated'), undefined);
  repo.write({ 'later.proto': 'l\n', 'untracked.proto': null });
  assert.deepEqual(await working.list(), ['.gitignore', 'a.proto', 'generated/ignored.proto', 'later.proto']);
});

test('a conflicted path is left out of the index tree', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'base\n', 'b.proto': 'b\n' });
  repo.git('checkout', '-q', '-b', 'topic');
  repo.commit({ 'a.proto': 'topic\n' });
  repo.git('checkout', '-q', 'main');
  repo.commit({ 'a.proto': 'main\n' });
  assert.throws(() => repo.git('merge', '-q', 'topic'));
  const index = (await openRepository(t, repo.dir)).indexTree();
  assert.deepEqual(await index.list(), ['b.proto']);
  assert.equal(await index.read('a.proto'), undefined);
});

test('base reads share one cat-file process and a cached blob is never read from git again', async (t) => {
  const repo = TempRepo.create(t);
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`api/f${i}.proto`] = `message M${i} {}\n`;
  files['api/same.proto'] = 'message M0 {}\n';
  repo.commit(files);
  const repository = await openRepository(t, repo.dir);
  const base = repository.baseTree(await repository.resolveBase('HEAD'));
  const paths = await base.list();
  assert.equal(paths.length, 31);

  // A repository this small is listed through the cat-file process itself (test/git/treeWalk.test.ts): count from here.
  const spawnsBefore = repository.stats.spawns;
  const requestsBefore = repository.stats.catFileRequests;
  const texts = await Promise.all(paths.map((file) => base.read(file)));
  assert.equal(texts[0], 'message M0 {}\n');
  assert.ok(repository.stats.spawns - spawnsBefore <= 1, 'one cat-file process for all reads');
  // 31 paths, 30 distinct blobs: same.proto shares f0's blob id.
  assert.equal(repository.stats.catFileRequests - requestsBefore, 30);

  const again = repository.baseTree(await repository.resolveBase('HEAD'));
  const spawnsAfterResolve = repository.stats.spawns;
  assert.deepEqual(await Promise.all(paths.map((file) => again.read(file))), texts);
  assert.equal(repository.stats.catFileRequests - requestsBefore, 30, 'cached blobs are not requested again');
  assert.equal(repository.stats.spawns, spawnsAfterResolve, 'neither ls-tree nor cat-file runs again');
});

test('the cat-file process is started again when it dies', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'a\n', 'b.proto': 'b\n' });
  const repository = await openRepository(t, repo.dir);
  const base = repository.baseTree(await repository.resolveBase('HEAD'));
  assert.equal(await base.read('a.proto'), 'a\n');
  const first = repository.catFileProcessId;
  assert.ok(first);
  process.kill(first, 'SIGKILL');
  // Either the request races the death and is sent again, or it goes to a new process: both must answer.
  assert.equal(await base.read('b.proto'), 'b\n');
  assert.notEqual(repository.catFileProcessId, first);
});

test('readAt reads one file at any commit through the cat-file process', async (t) => {
  const repo = TempRepo.create(t);
  const first = repo.commit({ 'a.proto': 'one\n' });
  repo.commit({ 'a.proto': 'two\n' });
  const repository = await openRepository(t, repo.dir);
  assert.equal(await repository.readAt(first, 'a.proto'), 'one\n');
  assert.equal(await repository.readAt('HEAD', 'a.proto'), 'two\n');
  assert.equal(await repository.readAt(first, 'missing.proto'), undefined);
});

test('paths with spaces, unicode, a leading dash and a newline are read exactly', async (t) => {
  const dir = path.join(tempDir(t), 'my repo ünïcødé');
  fs.mkdirSync(dir);
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: GIT_ENV });
  const copy = new WorkingCopy(dir);
  copy.git('config', 'commit.gpgsign', 'false');
  const awkward = ['-rf.proto', 'line\nbreak.proto', 'sp ace/ü.proto', 'tab\there.proto', '"quoted".proto'];
  copy.commit(Object.fromEntries(awkward.map((file) => [file, `// ${file}\n`])));
  copy.write({ '-rf.proto': 'edited\n' });
  copy.git('add', '--', '-rf.proto');

  const repository = await openRepository(t, path.join(dir, 'sp ace'));
  assert.equal(repository.root, dir);
  const base = repository.baseTree(await repository.resolveBase('auto'));
  const sorted = [...awkward].sort();
  assert.deepEqual(await base.list(), sorted);
  assert.deepEqual(await repository.indexTree().list(), sorted);
  assert.deepEqual(await repository.workingTree().list(), sorted);
  for (const file of awkward) assert.equal(await base.read(file), `// ${file}\n`);
  assert.equal(await repository.indexTree().read('-rf.proto'), 'edited\n');
  assert.equal(await repository.readAt('HEAD', 'line\nbreak.proto'), '// line\nbreak.proto\n');
  assert.equal(fs.existsSync(dir), true);
});

test('binary blobs are returned as text and recognised by looksBinary', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'image.proto': 'PNG\u0000\u0001garbage', 'text.proto': 'syntax = "proto3";\n' });
  const repository = await openRepository(t, repo.dir);
  const base = repository.baseTree(await repository.resolveBase('HEAD'));
  const binary = await base.read('image.proto');
  assert.equal(binary, 'PNG\u0000\u0001garbage');
  assert.equal(looksBinary(binary!), true);
  assert.equal(looksBinary((await base.read('text.proto'))!), false);
});

test('an idle repository does not keep the process alive', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'a\n' });
  const script = [
    `const { GitRepository } = require(${JSON.stringify(path.resolve('server/src/git/repository.ts'))});`,
    `GitRepository.open(${JSON.stringify(repo.dir)}).then(async (r) => {`,
    `  const base = r.baseTree(await r.resolveBase('HEAD'));`,
    `  process.stdout.write(await base.read('a.proto'));`,
    `});`,
  ].join('\n');
  // Without dispose(), the script must still exit once its read is answered.
  const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(output, 'a\n');
});

test('dispose ends the cat-file process', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'a\n' });
  const repository = await GitRepository.open(repo.dir);
  const base = repository.baseTree(await repository.resolveBase('HEAD'));
  await base.read('a.proto');
  const pid = repository.catFileProcessId!;
  repository.dispose();
  assert.equal(repository.catFileProcessId, undefined);
  await waitForExit(pid);
});

async function waitForExit(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for cat-file process ${pid} to exit`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('large and small blobs read at once are each answered whole and in order', async (t) => {
  const repo = TempRepo.create(t);
  const large = Array.from({ length: 40_000 }, (_, i) => `// line ${i} ünïcødé\n`).join('');
  repo.commit({ 'large.proto': large, 'small.proto': 'small\n', 'empty.proto': '' });
  const repository = await openRepository(t, repo.dir);
  const base = repository.baseTree(await repository.resolveBase('HEAD'));
  await base.list();
  const requestsBefore = repository.stats.catFileRequests;
  const [a, b, c, d] = await Promise.all([base.read('small.proto'), base.read('large.proto'), base.read('empty.proto'), base.read('large.proto')]);
  assert.equal(a, 'small\n');
  assert.equal(b, large);
  assert.equal(c, '');
  assert.equal(d, large);
  assert.equal(repository.stats.catFileRequests - requestsBefore, 3, 'concurrent reads of one blob share one request');
});

test('a SHA-256 repository is read and its untracked renames are found', async (t) => {
  const dir = path.join(tempDir(t), 'sha256');
  execFileSync('git', ['init', '-q', '-b', 'main', '--object-format=sha256', dir], { env: GIT_ENV });
  const copy = new WorkingCopy(dir);
  copy.git('config', 'commit.gpgsign', 'false');
  copy.commit({ 'a.proto': 'message A {}\n' });
  copy.write({ 'a.proto': null, 'moved/a.proto': 'message A {}\n' });
  const repository = await openRepository(t, dir);
  const base = await repository.resolveBase('auto');
  assert.equal(base.commit.length, 64);
  assert.equal(await repository.baseTree(base).read('a.proto'), 'message A {}\n');
  assert.deepEqual(await repository.renames(base, 'working-tree'), new Map([['moved/a.proto', 'a.proto']]));
});
