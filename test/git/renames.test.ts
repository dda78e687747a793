// Renames between the base and the head: git's own detection for tracked files, content ids for untracked ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TempRepo } from '../support/tempRepo';
import { openRepository } from './support';

const USER = 'syntax = "proto3";\npackage acme.user.v1;\nmessage User {\n  string name = 1;\n  string email = 2;\n  int64 id = 3;\n}\n';
const ORDER = 'syntax = "proto3";\npackage acme.order.v1;\nmessage Order {\n  string id = 1;\n}\n';

test('a committed file moved with git mv is a rename in the index and in the working tree', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': USER, 'api/order.proto': ORDER });
  repo.git('mv', 'api/user.proto', 'api/user-v1.proto');
  const repository = await openRepository(t, repo.dir);
  const base = await repository.resolveBase('HEAD');
  assert.deepEqual(await repository.renames(base, 'index'), new Map([['api/user-v1.proto', 'api/user.proto']]));
  assert.deepEqual(await repository.renames(base, 'working-tree'), new Map([['api/user-v1.proto', 'api/user.proto']]));
});

test('a file staged where an intent-to-add entry replaced its base path is still a rename of the index', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': USER });
  // `git diff --cached` does not see the intent-to-add entry, so the base file is deleted there, and the copy pairs with it.
  repo.git('rm', '-q', '--cached', 'api/user.proto');
  repo.git('add', '-N', 'api/user.proto');
  repo.write({ 'api/account.proto': USER });
  repo.git('add', 'api/account.proto');
  const repository = await openRepository(t, repo.dir);
  assert.deepEqual(await repository.renames(await repository.resolveBase('HEAD'), 'index'), new Map([['api/account.proto', 'api/user.proto']]));
});

test('a staged commit that adds or deletes no path starts no diff to look for renames', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': USER, 'api/order.proto': ORDER });
  repo.write({ 'api/user.proto': USER.replace('int64 id = 3;', ''), 'api/new.proto': ORDER });
  repo.git('add', 'api/user.proto');
  const repository = await openRepository(t, repo.dir);
  const base = await repository.resolveBase('HEAD');
  const index = repository.indexTree();
  await Promise.all([index.read('api/user.proto'), repository.baseTree(base).list()]);
  const spawnsBefore = repository.stats.spawns;
  assert.deepEqual(await repository.renames(base, 'index', index), new Map());
  assert.equal(repository.stats.spawns, spawnsBefore);
  repo.git('rm', '-q', '--cached', 'api/order.proto');
  repo.git('add', 'api/new.proto');
  assert.deepEqual(await repository.renames(base, 'index', repository.indexTree()), new Map([['api/new.proto', 'api/order.proto']]));
});

test('a moved and slightly edited file is still paired by git', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': USER });
  repo.git('mv', 'api/user.proto', 'api/account.proto');
  repo.write({ 'api/account.proto': USER.replace('int64 id = 3;', 'int64 id = 4;') });
  const repository = await openRepository(t, repo.dir);
  const renames = await repository.renames(await repository.resolveBase('HEAD'), 'working-tree');
  assert.deepEqual(renames, new Map([['api/account.proto', 'api/user.proto']]));
});

test('an untracked copy of a deleted file is a rename of the working tree, not of the index', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': USER, 'api/order.proto': ORDER, 'api/copy-of-order.proto': ORDER });
  repo.write({ 'api/user.proto': null, 'moved/user.proto': USER, 'unrelated.proto': ORDER });
  const repository = await openRepository(t, repo.dir);
  const base = await repository.resolveBase('HEAD');
  assert.deepEqual(await repository.renames(base, 'working-tree'), new Map([['moved/user.proto', 'api/user.proto']]));
  assert.deepEqual(await repository.renames(base, 'index'), new Map());
});

test('several deleted files with the same content pair with untracked files of the same name first', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a/one.proto': ORDER, 'a/two.proto': ORDER });
  repo.write({ 'a/one.proto': null, 'a/two.proto': null, 'b/two.proto': ORDER, 'b/one.proto': ORDER });
  const repository = await openRepository(t, repo.dir);
  const renames = await repository.renames(await repository.resolveBase('HEAD'), 'working-tree');
  assert.deepEqual(
    renames,
    new Map([
      ['b/one.proto', 'a/one.proto'],
      ['b/two.proto', 'a/two.proto'],
    ]),
  );
});

test('an untracked file that differs from the deleted one is not a rename', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': USER });
  repo.write({ 'api/user.proto': null, 'moved/user.proto': USER.replace('email', 'mail_') });
  const repository = await openRepository(t, repo.dir);
  assert.deepEqual(await repository.renames(await repository.resolveBase('HEAD'), 'working-tree'), new Map());
});

test('renames are relative to the base, across several commits', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': USER });
  const repository = await openRepository(t, repo.dir);
  const base = await repository.resolveBase('HEAD');
  repo.git('mv', 'api/user.proto', 'api/people.proto');
  repo.commit({}, 'rename');
  repo.git('mv', 'api/people.proto', 'api/persons.proto');
  assert.deepEqual(await repository.renames(base, 'index'), new Map([['api/persons.proto', 'api/user.proto']]));
});
