// The choices offered by "Compare With…": auto, branches, remote branches, tags, then recent commits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TempRepo } from '../support/tempRepo';
import { cloneOf, openRepository } from './support';

test('revision choices list auto, local and remote branches, tags and recent commits in that order', async (t) => {
  const origin = TempRepo.create(t);
  origin.commit({ 'a.proto': 'one\n' }, 'first commit');
  origin.git('tag', 'v1.0.0');
  const clone = cloneOf(t, origin.dir);
  clone.git('branch', 'topic');
  clone.commit({ 'a.proto': 'two\n' }, 'second commit');
  const repository = await openRepository(t, clone.dir);
  const choices = await repository.listRevisions();
  const [auto, ...rest] = choices;
  assert.deepEqual(auto, { name: 'auto', kind: 'auto', description: 'merge-base with origin/main (upstream of main)' });
  const named = rest.filter((choice) => choice.kind !== 'commit');
  assert.deepEqual(
    named.map((choice) => choice.kind),
    ['branch', 'branch', 'remote', 'tag'],
  );
  // Branches come newest first; two commits made within one second may tie, so compare them as a set.
  assert.deepEqual(
    [...named].sort((a, b) => a.name.localeCompare(b.name)),
    [
      { name: 'main', kind: 'branch', description: 'second commit' },
      { name: 'origin/main', kind: 'remote', description: 'upstream' },
      { name: 'topic', kind: 'branch', description: 'first commit' },
      { name: 'v1.0.0', kind: 'tag', description: 'first commit' },
    ],
  );
  const commits = rest.filter((choice) => choice.kind === 'commit');
  assert.deepEqual(
    commits.map((choice) => choice.description),
    ['second commit', 'first commit'],
  );
  assert.equal(commits[0]!.name, clone.git('rev-parse', '--short', 'HEAD').trim());
  assert.deepEqual(choices.slice(-2), commits);
  // Every name offered is one resolveBase accepts.
  for (const choice of choices) assert.ok((await repository.resolveBase(choice.name)).commit);
});

test('at most twenty recent commits are offered', async (t) => {
  const repo = TempRepo.create(t);
  for (let i = 0; i < 25; i++) repo.commit({ 'a.proto': `${i}\n` }, `commit ${i}`);
  const choices = await (await openRepository(t, repo.dir)).listRevisions();
  const commits = choices.filter((choice) => choice.kind === 'commit');
  assert.equal(commits.length, 20);
  assert.equal(commits[0]!.description, 'commit 24');
  assert.deepEqual(choices[0], { name: 'auto', kind: 'auto', description: 'HEAD (no upstream or origin default branch)' });
});

test('a repository without commits offers only auto', async (t) => {
  const repo = TempRepo.create(t);
  assert.deepEqual(await (await openRepository(t, repo.dir)).listRevisions(), [{ name: 'auto', kind: 'auto' }]);
});
