// How the base revision is resolved: auto (upstream, origin's default branch, HEAD), named revisions, and every way it can fail.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TempRepo } from '../support/tempRepo';
import { cloneOf, gitErrorOf, openRepository, tempDir } from './support';

/** A clone on a branch of its own with no upstream, and no origin/HEAD: auto falls back to origin/main, the commit
 *  `shared` both have. */
function featureWithoutUpstream(t: Parameters<typeof cloneOf>[0]): { shared: string; clone: ReturnType<typeof cloneOf> } {
  const origin = TempRepo.create(t);
  const shared = origin.commit({ 'a.proto': 'one\n' });
  const clone = cloneOf(t, origin.dir);
  clone.git('remote', 'set-head', 'origin', '--delete');
  clone.git('checkout', '-q', '-b', 'feature', '--no-track');
  clone.commit({ 'a.proto': 'two\n' });
  return { shared, clone };
}

test('auto is the merge-base with the upstream of the current branch', async (t) => {
  const origin = TempRepo.create(t);
  const shared = origin.commit({ 'a.proto': 'syntax = "proto3";\n' }, 'shared');
  const clone = cloneOf(t, origin.dir);
  origin.commit({ 'b.proto': 'upstream moved on\n' }, 'upstream work');
  clone.git('fetch', '-q', 'origin');
  clone.commit({ 'c.proto': 'local work\n' }, 'local work');
  const repository = await openRepository(t, clone.dir);
  const base = await repository.resolveBase('auto');
  assert.deepEqual(base, { ref: 'auto', commit: shared, description: 'merge-base with origin/main (upstream of main)', shortName: 'origin/main' });
});

test('auto without an upstream uses origin/HEAD', async (t) => {
  const origin = TempRepo.create(t, { branch: 'trunk' });
  const shared = origin.commit({ 'a.proto': 'one\n' });
  const clone = cloneOf(t, origin.dir);
  clone.git('checkout', '-q', '-b', 'feature', '--no-track');
  clone.commit({ 'a.proto': 'two\n' });
  assert.equal(clone.git('symbolic-ref', 'refs/remotes/origin/HEAD').trim(), 'refs/remotes/origin/trunk');
  const repository = await openRepository(t, clone.dir);
  const base = await repository.resolveBase('auto');
  assert.equal(base.commit, shared);
  assert.equal(base.shortName, 'origin/trunk');
  assert.equal(base.description, "merge-base with origin/trunk (origin's default branch)");
});

test('auto without an upstream or origin/HEAD falls back to origin/main', async (t) => {
  const { shared, clone } = featureWithoutUpstream(t);
  const base = await (await openRepository(t, clone.dir)).resolveBase('auto');
  assert.equal(base.commit, shared);
  assert.equal(base.description, 'merge-base with origin/main');
});

test('auto with no remote is HEAD', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'one\n' });
  const head = repo.commit({ 'a.proto': 'two\n' });
  const base = await (await openRepository(t, repo.dir)).resolveBase('auto');
  assert.deepEqual(base, { ref: 'auto', commit: head, description: 'HEAD (no upstream or origin default branch)', shortName: 'HEAD' });
});

test('auto resolves the same when its refs are asked for while the repository opens (the command line)', async (t) => {
  const origin = TempRepo.create(t);
  origin.commit({ 'a.proto': 'syntax = "proto3";\n' }, 'shared');
  const clone = cloneOf(t, origin.dir);
  origin.commit({ 'b.proto': 'upstream moved on\n' }, 'upstream work');
  clone.git('fetch', '-q', 'origin');
  const local = clone.commit({ 'c.proto': 'local work\n' }, 'local work');
  const resolveBoth = async (dir: string) => {
    const later = await (await openRepository(t, dir)).resolveBase('auto');
    const atOpening = await (await openRepository(t, dir, undefined, { resolvingBase: 'auto' })).resolveBase('auto');
    assert.deepEqual(atOpening, later);
    return atOpening;
  };
  assert.equal((await resolveBoth(clone.dir)).shortName, 'origin/main');
  clone.git('checkout', '-q', '--detach');
  assert.equal((await resolveBoth(clone.dir)).shortName, 'origin/main');
  clone.git('remote', 'remove', 'origin');
  assert.deepEqual(await resolveBoth(clone.dir), { ref: 'auto', commit: local, description: 'HEAD (no upstream or origin default branch)', shortName: 'HEAD' });
  const empty = TempRepo.create(t);
  await gitErrorOf((await openRepository(t, empty.dir, undefined, { resolvingBase: 'auto' })).resolveBase('auto'), 'no-commits');
  await gitErrorOf(openRepository(t, tempDir(t), undefined, { resolvingBase: 'auto' }), 'not-a-repository');
});

test('auto takes the commits of local branches, origin/main and origin/master from the branch listing, not from cat-file', async (t) => {
  const { shared, clone } = featureWithoutUpstream(t);
  const fallback = await openRepository(t, clone.dir, undefined, { resolvingBase: 'auto' });
  assert.equal((await fallback.resolveBase('auto')).description, 'merge-base with origin/main');
  assert.equal(fallback.stats.catFileRequests, 0);

  clone.git('branch', '--set-upstream-to', 'main');
  const local = await openRepository(t, clone.dir, undefined, { resolvingBase: 'auto' });
  assert.deepEqual(await local.resolveBase('auto'), {
    ref: 'auto',
    commit: shared,
    description: 'merge-base with main (upstream of feature)',
    shortName: 'main',
  });
  assert.equal(local.stats.catFileRequests, 0);

  const alone = TempRepo.create(t);
  const head = alone.commit({ 'a.proto': 'one\n' });
  const noRemote = await openRepository(t, alone.dir, undefined, { resolvingBase: 'auto' });
  assert.equal((await noRemote.resolveBase('auto')).commit, head);
  assert.equal(noRemote.stats.catFileRequests, 0, 'the missing origin/main and origin/master are known missing from the listing');
});

test('auto peels a remote branch that names a tag object, and asks git about an upstream the listing does not hold', async (t) => {
  const { shared, clone } = featureWithoutUpstream(t);
  clone.git('tag', '-a', 'pinned', '-m', 'pinned', shared);
  clone.git('update-ref', 'refs/remotes/origin/main', clone.git('rev-parse', 'refs/tags/pinned').trim());
  const tagged = await (await openRepository(t, clone.dir, undefined, { resolvingBase: 'auto' })).resolveBase('auto');
  assert.equal(tagged.commit, shared);
  assert.equal(tagged.description, 'merge-base with origin/main');

  clone.git('update-ref', 'refs/remotes/origin/topic', shared);
  clone.git('config', 'branch.feature.remote', 'origin');
  clone.git('config', 'branch.feature.merge', 'refs/heads/topic');
  const upstream = await openRepository(t, clone.dir, undefined, { resolvingBase: 'auto' });
  assert.equal((await upstream.resolveBase('auto')).description, 'merge-base with origin/topic (upstream of feature)');
  assert.equal(upstream.stats.catFileRequests, 1, 'the upstream outside the listing is asked of cat-file');
});

test('named revisions resolve to commits and say what they are', async (t) => {
  const repo = TempRepo.create(t);
  const first = repo.commit({ 'a.proto': 'one\n' }, 'first');
  repo.git('tag', '-a', 'v1.2.0', '-m', 'release');
  repo.git('branch', 'release');
  const second = repo.commit({ 'a.proto': 'two\n' }, 'second');
  const repository = await openRepository(t, repo.dir);

  assert.deepEqual(await repository.resolveBase('v1.2.0'), { ref: 'v1.2.0', commit: first, description: 'tag v1.2.0', shortName: 'v1.2.0' });
  assert.deepEqual(await repository.resolveBase('release'), { ref: 'release', commit: first, description: 'branch release', shortName: 'release' });
  assert.deepEqual(await repository.resolveBase(first.slice(0, 9)), {
    ref: first.slice(0, 9),
    commit: first,
    description: `commit ${first.slice(0, 7)}`,
    shortName: first.slice(0, 7),
  });
  assert.deepEqual(await repository.resolveBase('HEAD'), { ref: 'HEAD', commit: second, description: 'HEAD', shortName: 'HEAD' });
  assert.equal((await repository.resolveBase('HEAD~1')).commit, first);
});

test('a remote branch is described as a branch', async (t) => {
  const origin = TempRepo.create(t);
  const tip = origin.commit({ 'a.proto': 'one\n' });
  const clone = cloneOf(t, origin.dir);
  clone.commit({ 'a.proto': 'two\n' });
  const base = await (await openRepository(t, clone.dir)).resolveBase('origin/main');
  assert.deepEqual(base, { ref: 'origin/main', commit: tip, description: 'branch origin/main', shortName: 'origin/main' });
});

test('an unknown revision names itself', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'one\n' });
  const message = await gitErrorOf((await openRepository(t, repo.dir)).resolveBase('origin/mian'), 'unknown-revision');
  assert.match(message, /^unknown revision "origin\/mian"; /);
});

test('an option disguised as a revision is refused before git sees it', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'one\n' });
  const repository = await openRepository(t, repo.dir);
  const spawnsBefore = repository.stats.spawns;
  const message = await gitErrorOf(repository.resolveBase('--output=x'), 'invalid-revision');
  assert.match(message, /^invalid revision "--output=x": it starts with "-"/);
  assert.equal(repository.stats.spawns, spawnsBefore);
  assert.equal(fs.existsSync(path.join(repo.dir, 'x')), false);
  for (const bad of ['', 'main..topic', 'HEAD:a.proto', 'a b', 'main\nHEAD', '-rf']) {
    await gitErrorOf(repository.resolveBase(bad), 'invalid-revision');
  }
  await gitErrorOf(repository.readAt('--output=x', 'a.proto'), 'invalid-revision');
});

test('a repository with no commits has no base', async (t) => {
  const repo = TempRepo.create(t);
  repo.write({ 'a.proto': 'one\n' });
  const repository = await openRepository(t, repo.dir);
  const message = await gitErrorOf(repository.resolveBase('auto'), 'no-commits');
  assert.equal(message, `${repo.dir} has no commits yet, so there is no base to compare with; commit once, then run again`);
  await gitErrorOf(repository.resolveBase('main'), 'no-commits');
});

test('a plain directory is not a repository', async (t) => {
  const dir = tempDir(t);
  const message = await gitErrorOf(openRepository(t, dir), 'not-a-repository');
  assert.ok(message.includes(dir), message);
  await gitErrorOf(openRepository(t, path.join(dir, 'does-not-exist')), 'not-a-repository');
});

test('opening from a subdirectory finds the top level', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/v1/a.proto': 'one\n' });
  const repository = await openRepository(t, repo.path('api/v1'));
  assert.equal(repository.root, repo.dir);
});

test('a base commit outside a shallow clone is reported as missing from the shallow clone', async (t) => {
  const origin = TempRepo.create(t);
  const old = origin.commit({ 'a.proto': 'one\n' });
  origin.commit({ 'a.proto': 'two\n' });
  const clone = cloneOf(t, `file://${origin.dir}`, '--depth', '1');
  const repository = await openRepository(t, clone.dir);
  assert.equal(await repository.resolveBase('auto').then((base) => base.shortName), 'origin/main');

  const missing = await gitErrorOf(repository.resolveBase(old), 'shallow-missing');
  assert.equal(missing, `base commit ${old.slice(0, 7)} is missing: this is a shallow clone; run git fetch --deepen=<n> or git fetch --unshallow`);
  await gitErrorOf(repository.resolveBase(old.slice(0, 7)), 'shallow-missing');
  const unknown = await gitErrorOf(repository.resolveBase('HEAD~1'), 'unknown-revision');
  assert.match(unknown, /shallow clone; run git fetch --unshallow$/);
});

test('auto in a shallow clone whose merge-base was not fetched says so', async (t) => {
  const origin = TempRepo.create(t);
  origin.commit({ 'a.proto': 'one\n' });
  origin.commit({ 'a.proto': 'two\n' });
  const clone = cloneOf(t, `file://${origin.dir}`, '--depth', '1');
  clone.commit({ 'b.proto': 'local\n' });
  origin.commit({ 'a.proto': 'three\n' });
  origin.commit({ 'a.proto': 'four\n' });
  clone.git('fetch', '-q', '--depth', '1', 'origin');
  const message = await gitErrorOf((await openRepository(t, clone.dir)).resolveBase('auto'), 'shallow-missing');
  assert.equal(message, 'the merge-base of HEAD and origin/main is missing: this is a shallow clone; run git fetch --deepen=<n> or git fetch --unshallow');
});

test('git missing from PATH is one clear error', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'one\n' });
  const message = await gitErrorOf(openRepository(t, repo.dir, { ...process.env, PATH: '/nonexistent' }), 'git-missing');
  assert.equal(message, 'git is not installed or not on PATH; install git to compare against a base');
});
