// The index read from its file agrees with `git ls-files -s` entry for entry, in every layout it reads, and gives way
// to git (undefined) for every layout it does not: split and sparse indexes, damaged files, unknown versions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { indexFilePath, parseIndexFile, type IndexEntry } from '../../server/src/git/indexFile';
import { GIT_ENV, TempRepo } from '../support/tempRepo';
import { WorkingCopy, openRepository, tempDir } from './support';

function lsFiles(dir: string, env: NodeJS.ProcessEnv = GIT_ENV): IndexEntry[] {
  const output = execFileSync('git', ['ls-files', '-s', '-z'], { cwd: dir, env, encoding: 'utf8' });
  return output
    .split('\0')
    .filter((record) => record.includes('\t'))
    .map((record) => {
      const [mode = '', id = '', stage = ''] = record.slice(0, record.indexOf('\t')).split(' ');
      return { mode, id, stage: Number(stage), path: record.slice(record.indexOf('\t') + 1) };
    });
}

function readIndex(dir: string, idBytes = 20, file = path.join(dir, '.git', 'index')): IndexEntry[] | undefined {
  return parseIndexFile(fs.readFileSync(file), idBytes);
}

/** A repository whose index holds every kind of entry: files, an executable, a symbolic link, a submodule, paths that are
 *  not ASCII or longer than the 12-bit length field, an intent-to-add entry, skip-worktree and assume-unchanged flags,
 *  and a conflict's three stages. */
function everyKindOfEntry(t: Parameters<typeof tempDir>[0], options: { sha256?: boolean } = {}): WorkingCopy & { path(relative: string): string } {
  const dir = tempDir(t);
  execFileSync('git', ['init', '-q', '-b', 'main', ...(options.sha256 ? ['--object-format=sha256'] : []), dir], { env: GIT_ENV });
  const repo = new WorkingCopy(dir);
  repo.git('config', 'commit.gpgsign', 'false');
  repo.write({ 'api/a.proto': 'one\n', 'api/nested/deep/b.proto': 'two\n', 'caf\u00e9/\u00fc.proto': 'three\n', 'conflict.proto': 'base\n' });
  fs.writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
  fs.symlinkSync('api/a.proto', path.join(dir, 'link.proto'));
  repo.commit({}, 'first');
  repo.git('checkout', '-q', '-b', 'side');
  repo.commit({ 'conflict.proto': 'side\n' }, 'side');
  repo.git('checkout', '-q', 'main');
  repo.commit({ 'conflict.proto': 'main\n' }, 'main');
  try {
    repo.git('merge', '-q', 'side');
  } catch {
    // the conflict is what we want
  }
  // Staged only: a submodule with no checkout, and a path no file system takes.
  repo.git('update-index', '--add', '--cacheinfo', `160000,${repo.git('rev-parse', 'HEAD').trim()},vendor/sub`);
  const blob = repo.git('rev-parse', 'HEAD:api/a.proto').trim();
  repo.git('update-index', '--add', '--cacheinfo', `100644,${blob},${'long/'.repeat(900)}end.proto`);
  repo.write({ 'added-later.proto': 'later\n' });
  repo.git('add', '-N', 'added-later.proto');
  repo.git('update-index', '--skip-worktree', 'api/nested/deep/b.proto');
  repo.git('update-index', '--assume-unchanged', 'api/a.proto');
  return Object.assign(repo, { path: (relative: string) => path.join(dir, relative) });
}

test('every kind of entry reads as git ls-files -s lists it, in index versions 2, 3 and 4', (t) => {
  const repo = everyKindOfEntry(t);
  const listed = lsFiles(repo.dir);
  assert.ok(listed.some((entry) => entry.stage === 3));
  assert.ok(
    listed.some((entry) => entry.mode === '160000') && listed.some((entry) => entry.mode === '120000') && listed.some((entry) => entry.mode === '100755'),
  );
  assert.ok(listed.some((entry) => entry.path.length > 0xfff));
  for (const version of ['2', '3', '4']) {
    if (version === '2') repo.git('update-index', '--no-skip-worktree', 'api/nested/deep/b.proto'); // v2 holds no extended flags
    if (version === '3') repo.git('update-index', '--skip-worktree', 'api/nested/deep/b.proto');
    repo.git('update-index', '--index-version', version);
    if (version === '2') {
      // An intent-to-add entry is an extended flag too: version 2 cannot hold it, so git writes version 3.
      repo.git('rm', '-q', '--cached', 'added-later.proto');
    } else if (version === '3') repo.git('add', '-N', 'added-later.proto');
    assert.equal(fs.readFileSync(repo.path('.git/index')).readUInt32BE(4), Number(version));
    assert.deepEqual(readIndex(repo.dir), lsFiles(repo.dir), `index version ${version}`);
  }
});

test('a SHA-256 repository reads with 32-byte object ids', (t) => {
  const repo = everyKindOfEntry(t, { sha256: true });
  assert.deepEqual(readIndex(repo.dir, 32), lsFiles(repo.dir));
  assert.equal(readIndex(repo.dir, 20), undefined, 'the wrong id length does not parse');
});

test('a split index, a sparse index, a damaged file or an unknown version gives way to git', (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a/one.proto': '1\n', 'b/two.proto': '2\n' });
  const index = repo.path('.git/index');
  const plain = fs.readFileSync(index);
  assert.deepEqual(parseIndexFile(plain, 20), lsFiles(repo.dir));
  assert.equal(parseIndexFile(plain.subarray(0, plain.length - 30), 20), undefined, 'truncated');
  const otherVersion = Buffer.from(plain);
  otherVersion.writeUInt32BE(5, 4);
  assert.equal(parseIndexFile(otherVersion, 20), undefined, 'version 5');
  assert.equal(parseIndexFile(Buffer.from('not an index at all, but long enough'), 20), undefined);

  repo.git('update-index', '--split-index');
  assert.equal(readIndex(repo.dir), undefined, 'split index');
  repo.git('update-index', '--no-split-index');
  assert.deepEqual(readIndex(repo.dir), lsFiles(repo.dir));

  repo.git('sparse-checkout', 'init', '--cone', '--sparse-index');
  repo.git('sparse-checkout', 'set', 'a');
  assert.equal(readIndex(repo.dir), undefined, 'sparse index');
});

test('the index file is the one git would read: GIT_INDEX_FILE, a linked worktree, and none to guess under GIT_DIR', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': '1\n' });
  assert.equal(await indexFilePath(repo.dir, {}), path.join(repo.dir, '.git', 'index'));
  assert.equal(await indexFilePath(repo.dir, { GIT_INDEX_FILE: '.git/index.lock' }), path.join(repo.dir, '.git', 'index.lock'));
  assert.equal(await indexFilePath(repo.dir, { GIT_INDEX_FILE: '/elsewhere/index' }), '/elsewhere/index');
  assert.equal(await indexFilePath(repo.dir, { GIT_DIR: path.join(repo.dir, '.git') }), undefined);
  const worktree = path.join(tempDir(t), 'linked');
  repo.git('worktree', 'add', '-q', worktree);
  const file = await indexFilePath(worktree, {});
  assert.equal(file, path.join(fs.realpathSync(repo.dir), '.git', 'worktrees', 'linked', 'index'));
  assert.deepEqual(parseIndexFile(fs.readFileSync(file!), 20), lsFiles(worktree));
});

test('the staged tree comes from the index file with no git ls-files, and from the index a hook is handed', async (t) => {
  const repo = TempRepo.create(t);
  const base = repo.commit({ 'api/a.proto': 'one\n', 'api/b.proto': 'two\n' });
  repo.write({ 'api/a.proto': 'staged\n', 'api/c.proto': 'new\n' });
  repo.git('add', '-A');
  const repository = await openRepository(t, repo.dir);
  const baseRevision = await repository.resolveBase(base);
  const index = repository.indexTree();
  await repository.renames(baseRevision, 'index', index);
  const spawnsBefore = repository.stats.spawns;
  assert.deepEqual(await index.list(), ['api/a.proto', 'api/b.proto', 'api/c.proto']);
  assert.equal(await index.read('api/a.proto'), 'staged\n');
  assert.equal(repository.stats.spawns, spawnsBefore, 'no process was started to list the index');

  // `git commit <paths>` hands its hook a temporary index: that one is the staged tree.
  const hookIndex = path.join(tempDir(t), 'index.hook');
  execFileSync('git', ['read-tree', base], { cwd: repo.dir, env: { ...GIT_ENV, GIT_INDEX_FILE: hookIndex } });
  const hooked = await openRepository(t, repo.dir, { ...process.env, ...GIT_ENV, GIT_INDEX_FILE: hookIndex });
  const hookTree = hooked.indexTree();
  await hooked.renames(await hooked.resolveBase(base), 'index', hookTree);
  assert.deepEqual(await hookTree.list(), ['api/a.proto', 'api/b.proto']);
  assert.equal(await hookTree.read('api/a.proto'), 'one\n');
});
