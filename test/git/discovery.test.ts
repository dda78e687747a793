// The repository read from its files (git/discovery.ts) agrees with git wherever it answers, and leaves every case it
// cannot read as git would to git. Each answer is compared with `git rev-parse` in the same place.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { findPlainRepository, type PlainRepository } from '../../server/src/git/discovery';
import { GIT_ENV, TempRepo } from '../support/tempRepo';
import { tempDir } from './support';

/** The environment a user's shell gives a command (TempRepo's GIT_CONFIG_NOSYSTEM is one discovery leaves to git). */
const PLAIN_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));

/** What git says in `dir`: the top level and whether HEAD has a commit. */
function gitAnswer(dir: string): { root: string; headBorn: boolean } {
  const root = fs.realpathSync(execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim());
  let headBorn = true;
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: dir, env: GIT_ENV, stdio: 'ignore' });
  } catch {
    headBorn = false;
  }
  return { root, headBorn };
}

/** Discovery's answer in `dir`, which must agree with git's. */
async function agreedAnswer(dir: string): Promise<PlainRepository> {
  const found = findPlainRepository(fs.realpathSync(dir), PLAIN_ENV);
  assert.ok(found, `no answer in ${dir}`);
  assert.deepEqual({ root: found.root, headBorn: found.headBorn }, gitAnswer(dir));
  return found;
}

test('a new repository: its top level from any directory below it, and a HEAD with no commit yet', async (t) => {
  const repo = TempRepo.create(t);
  fs.mkdirSync(repo.path('a/b'), { recursive: true });
  for (const dir of [repo.dir, repo.path('a/b')]) {
    const found = await agreedAnswer(dir);
    assert.equal(found.headRef, 'refs/heads/main');
    assert.equal(found.headBorn, false);
  }
});

test('a HEAD with a commit, in a loose ref and in packed-refs; a branch with no commit (orphan) has none', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'one\n' });
  assert.equal((await agreedAnswer(repo.dir)).headBorn, true);
  repo.git('pack-refs', '--all', '--prune');
  assert.equal(fs.existsSync(repo.path('.git/refs/heads/main')), false, 'the ref is packed only');
  assert.equal((await agreedAnswer(repo.dir)).headBorn, true);
  repo.git('checkout', '-q', '--orphan', 'fresh/start');
  const orphan = await agreedAnswer(repo.dir);
  assert.equal(orphan.headRef, 'refs/heads/fresh/start');
  assert.equal(orphan.headBorn, false);
});

test('a repository inside another one is its own', async (t) => {
  const outer = TempRepo.create(t);
  outer.commit({ 'a.proto': 'one\n' });
  const inner = path.join(outer.dir, 'vendor', 'inner');
  fs.mkdirSync(inner, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: inner, env: GIT_ENV });
  assert.equal((await agreedAnswer(inner)).root, inner);
});

test('what git must answer is left to it', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'a.proto': 'one\n' });
  const unanswered = async (dir: string, env: NodeJS.ProcessEnv = PLAIN_ENV) => assert.equal(findPlainRepository(fs.realpathSync(dir), env), undefined);

  await t.test('a variable that moves the repository or its configuration', async () => {
    for (const variable of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_CONFIG_NOSYSTEM', 'GIT_NAMESPACE', 'GIT_CONFIG_COUNT']) {
      await unanswered(repo.dir, { ...PLAIN_ENV, [variable]: '1' });
    }
    // What a pre-commit hook is handed leaves it alone.
    const hook = { ...PLAIN_ENV, GIT_INDEX_FILE: '.git/index', GIT_EDITOR: ':', GIT_PREFIX: '', GIT_AUTHOR_NAME: 'A', GIT_EXEC_PATH: '/usr/lib/git-core' };
    assert.ok(findPlainRepository(repo.dir, hook));
  });

  await t.test('a detached HEAD', async () => {
    repo.git('checkout', '-q', '--detach');
    await unanswered(repo.dir);
    repo.git('checkout', '-q', 'main');
  });

  await t.test('a linked worktree, whose .git is a file', async () => {
    const linked = path.join(tempDir(t), 'linked');
    repo.git('worktree', 'add', '-q', linked);
    await unanswered(linked);
    repo.git('worktree', 'remove', '--force', linked);
  });

  await t.test('the inside of the .git directory', async () => {
    await unanswered(repo.path('.git'));
    await unanswered(repo.path('.git/refs'));
  });

  await t.test('configuration git reads differently: an include, core.worktree, core.bare, an extension', async () => {
    const config = repo.path('.git/config');
    const original = fs.readFileSync(config, 'utf8');
    for (const extra of [
      '[include]\n\tpath = other',
      '[core]\n\tworktree = /elsewhere',
      '[core]\n\tbare = true',
      '[core] worktree = /elsewhere',
      '[extensions]\n\tobjectformat = sha1',
    ]) {
      fs.writeFileSync(config, `${original}${extra}\n`);
      await unanswered(repo.dir);
    }
    fs.writeFileSync(config, `${original}[core]\n\tbare = false\n`);
    assert.ok(findPlainRepository(repo.dir, PLAIN_ENV), 'bare = false is the plain case');
    fs.writeFileSync(config, original);
  });

  await t.test(
    'a repository another user owns (git: dubious ownership)',
    { skip: process.getuid?.() !== 0 && 'needs root to give the files away' },
    async () => {
      const theirs = TempRepo.create(t);
      fs.chownSync(theirs.dir, 4242, 4242);
      await unanswered(theirs.dir);
    },
  );

  await t.test('a directory in no repository', async () => {
    await unanswered(tempDir(t));
  });
});
