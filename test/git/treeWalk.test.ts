// A commit's files read tree by tree through cat-file agree with `git ls-tree -r`, entry for entry, and the walk gives
// way to git ls-tree (undefined) when a tree is missing or there are too many.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CatFileProcess } from '../../server/src/git/catFile';
import { GitRunner } from '../../server/src/git/runner';
import { parseTreeObject, walkTree, type TreeEntry } from '../../server/src/git/treeWalk';
import { GIT_ENV } from '../support/tempRepo';
import { WorkingCopy, openRepository, tempDir } from './support';

function lsTree(dir: string, commit: string): TreeEntry[] {
  return execFileSync('git', ['ls-tree', '-r', '-z', '--full-tree', commit], { cwd: dir, env: GIT_ENV, encoding: 'utf8' })
    .split('\0')
    .filter((record) => record.includes('\t'))
    .map((record) => {
      const [mode = '', type = '', id = ''] = record.slice(0, record.indexOf('\t')).split(' ');
      return { mode, type: type as TreeEntry['type'], id, path: record.slice(record.indexOf('\t') + 1) };
    });
}

function repository(t: Parameters<typeof tempDir>[0], options: { sha256?: boolean } = {}): { repo: WorkingCopy; commit: string } {
  const dir = tempDir(t);
  execFileSync('git', ['init', '-q', '-b', 'main', ...(options.sha256 ? ['--object-format=sha256'] : []), dir], { env: GIT_ENV });
  const repo = new WorkingCopy(dir);
  repo.write({ 'api/v1/a.proto': 'one\n', 'api/v1/deep/er/b.proto': 'two\n', 'caf\u00e9/\u00fc.proto': 'three\n', 'top.proto': '' });
  fs.writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
  fs.symlinkSync('api/v1/a.proto', path.join(dir, 'link.proto'));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'first');
  repo.git('update-index', '--add', '--cacheinfo', `160000,${repo.git('rev-parse', 'HEAD').trim()},vendor/sub`);
  repo.git('commit', '-q', '-m', 'with a submodule');
  return { repo, commit: repo.git('rev-parse', 'HEAD').trim() };
}

async function walk(t: Parameters<typeof tempDir>[0], dir: string, commit: string, maxTrees = 100): Promise<TreeEntry[] | undefined> {
  const catFile = new CatFileProcess(new GitRunner(dir, GIT_ENV));
  t.after(() => catFile.dispose());
  return walkTree((name) => catFile.read(name), commit, commit.length / 2, maxTrees);
}

const byPath = (entries: TreeEntry[] | undefined) => entries && [...entries].sort((a, b) => (a.path < b.path ? -1 : 1));

test('every kind of entry walks as git ls-tree -r lists it, with SHA-1 and SHA-256 ids', async (t) => {
  for (const sha256 of [false, true]) {
    const { repo, commit } = repository(t, { sha256 });
    const listed = lsTree(repo.dir, commit);
    assert.ok(
      listed.some((entry) => entry.type === 'commit') && listed.some((entry) => entry.mode === '120000') && listed.some((entry) => entry.mode === '100755'),
    );
    assert.deepEqual(byPath(await walk(t, repo.dir, commit)), byPath(listed), sha256 ? 'SHA-256' : 'SHA-1');
  }
});

test('a mode git writes no more (100664) is listed as git lists it', async (t) => {
  const { repo } = repository(t);
  const blob = repo.git('rev-parse', 'HEAD:top.proto').trim();
  const entry = Buffer.concat([Buffer.from('100664 old.proto\0'), Buffer.from(blob, 'hex')]);
  const tree = execFileSync('git', ['hash-object', '-t', 'tree', '-w', '--literally', '--stdin'], { cwd: repo.dir, input: entry, encoding: 'utf8' }).trim();
  const commit = repo.git('commit-tree', tree, '-m', 'old mode').trim();
  assert.deepEqual(await walk(t, repo.dir, commit), lsTree(repo.dir, commit));
  assert.equal(lsTree(repo.dir, commit)[0]!.mode, '100644');
});

test('too many trees, a missing tree or a damaged one gives way to git ls-tree', async (t) => {
  const { repo, commit } = repository(t);
  assert.equal(await walk(t, repo.dir, commit, 3), undefined, 'more trees than allowed');
  const deep = repo.git('rev-parse', `${commit}:api/v1/deep`).trim();
  fs.rmSync(path.join(repo.dir, '.git', 'objects', deep.slice(0, 2), deep.slice(2)));
  assert.equal(await walk(t, repo.dir, commit), undefined, 'a tree is missing');
  assert.equal(parseTreeObject(Buffer.from('100644 name-without-id\0abc'), 20), undefined);
  assert.equal(parseTreeObject(Buffer.from('no-space-here'), 20), undefined);
});

test('a small repository lists its base through cat-file, with no git ls-tree', async (t) => {
  const { repo, commit } = repository(t);
  repo.write({ 'api/v1/a.proto': 'changed\n' });
  const opened = await openRepository(t, repo.dir);
  const base = opened.baseTree(await opened.resolveBase(commit));
  const spawnsBefore = opened.stats.spawns;
  const listed = lsTree(repo.dir, commit).filter((entry) => entry.type === 'blob' && entry.mode.startsWith('100'));
  assert.deepEqual(await base.list(), listed.map((entry) => entry.path).sort());
  assert.equal(await base.read('api/v1/a.proto'), 'one\n');
  // The settings (one git config) are asked; no listing process is started.
  assert.ok(opened.stats.spawns - spawnsBefore <= 2, `${opened.stats.spawns - spawnsBefore} processes`);
});
