// Repository configuration must never run code through us, and every git process must use the caller's environment.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { GitRepository } from '../../server/src/git/repository';
import { GIT_ENV, TempRepo } from '../support/tempRepo';
import { openRepository, tempDir } from './support';

/** Runs every public operation once, so that any of them that runs repository code leaves its mark. */
async function exerciseEverything(repository: GitRepository): Promise<void> {
  const auto = await repository.resolveBase('auto');
  const named = await repository.resolveBase('main');
  const base = repository.baseTree(named);
  for (const file of await base.list()) await base.read(file);
  const index = repository.indexTree();
  for (const file of await index.list()) await index.read(file);
  const working = repository.workingTree();
  for (const file of await working.list()) await working.read(file);
  await repository.renames(auto, 'working-tree');
  await repository.renames(auto, 'index');
  await repository.listRevisions();
  await repository.readAt(named.commit, 'api/a.proto');
}

function markerScript(dir: string, marker: string): string {
  const script = path.join(dir, 'leave-a-mark.sh');
  fs.writeFileSync(script, `#!/bin/sh\necho ran >> '${marker}'\ncat\n`, { mode: 0o755 });
  return script;
}

test('a repository whose core.fsmonitor points at a script never gets it run by us', async (t) => {
  const repo = TempRepo.create(t);
  const outside = tempDir(t);
  const marker = path.join(outside, 'fsmonitor-ran');
  repo.commit({ 'api/a.proto': 'one\n', 'api/b.proto': 'b\n' });
  repo.git('config', 'core.fsmonitor', markerScript(outside, marker));
  repo.write({ 'api/a.proto': 'two\n', 'api/b.proto': null, 'api/c.proto': 'b\n' });
  // The trap is real: plain git runs the script.
  repo.git('status', '--short');
  assert.equal(fs.existsSync(marker), true, 'plain git status should have run the fsmonitor script');
  fs.rmSync(marker);

  await exerciseEverything(await openRepository(t, repo.dir));
  assert.equal(fs.existsSync(marker), false, 'an operation of ours ran core.fsmonitor');
});

test('a clean filter configured by the repository never runs through us', async (t) => {
  const repo = TempRepo.create(t);
  const outside = tempDir(t);
  const marker = path.join(outside, 'filter-ran');
  repo.commit({ '.gitattributes': '*.proto filter=trap\n', 'api/a.proto': 'one\n', 'api/b.proto': 'b\n' });
  repo.git('config', 'filter.trap.clean', markerScript(outside, marker));
  repo.write({ 'api/a.proto': 'two\n', 'api/b.proto': null, 'api/c.proto': 'b\n' });
  repo.git('diff', 'HEAD', '--name-status');
  assert.equal(fs.existsSync(marker), true, 'plain git diff should have run the clean filter');
  fs.rmSync(marker);

  const repository = await openRepository(t, repo.dir);
  await exerciseEverything(repository);
  assert.equal(fs.existsSync(marker), false, 'an operation of ours ran a clean filter');
  const renames = await repository.renames(await repository.resolveBase('HEAD'), 'working-tree');
  assert.deepEqual(renames, new Map([['api/c.proto', 'api/b.proto']]));
});

test('every git process is started with the environment given to open', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/a.proto': 'one\n', 'api/b.proto': 'b\n' });
  repo.write({ 'api/a.proto': 'two\n', 'api/b.proto': null, 'api/c.proto': 'b\n' });
  const bin = tempDir(t);
  const log = path.join(bin, 'spawns.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8', env: GIT_ENV }).trim();
  fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho spawn >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });

  const repository = await openRepository(t, repo.dir, { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
  await exerciseEverything(repository);
  const logged = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
  assert.ok(repository.stats.spawns > 5);
  assert.equal(logged, repository.stats.spawns, 'a git process bypassed the given environment');
});
