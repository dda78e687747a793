// dist/cli.js starts its bundle from V8's code cache (server/src/cli/launcher.ts): the cache is written once, used by the
// next runs, and a damaged one, or one in a directory other users may write, changes nothing but the time a run takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_PATH, runCli } from '../support/cli';
import { TempRepo } from '../support/tempRepo';

const PROTO = 'syntax = "proto3";\npackage acme.v1;\nmessage User { string name = 1; string email = 2; }\n';
const WITHOUT_EMAIL = 'syntax = "proto3";\npackage acme.v1;\nmessage User { string name = 1; }\n';

function cacheDirectory(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-code-cache-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'cache');
}

const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.cache')) : []);

test('a check writes the code cache once, and the next checks read it and report the same', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': PROTO });
  repo.write({ 'api/user.proto': WITHOUT_EMAIL });
  const dir = cacheDirectory(t);
  const env = { ...process.env, GRAYCHECK_CODE_CACHE: dir };
  const first = await runCli(['check', '--format', 'json'], { cwd: repo.dir, env });
  assert.equal(first.status, 1, first.stderr);
  const [file] = cacheFiles(dir);
  assert.ok(file, 'the first check wrote a cache');
  const written = fs.statSync(path.join(dir, file));
  if (typeof process.getuid === 'function') assert.equal(written.mode & 0o077, 0, 'only its owner may read or write the cache');
  const second = await runCli(['check', '--format', 'json'], { cwd: repo.dir, env });
  assert.equal(second.status, 1, second.stderr);
  const withoutDuration = (stdout: string) => stdout.replace(/"durationMs": \d+/g, '');
  assert.equal(withoutDuration(second.stdout), withoutDuration(first.stdout));
  assert.deepEqual(cacheFiles(dir), [file]);
  assert.equal(fs.statSync(path.join(dir, file)).mtimeMs, written.mtimeMs, 'a cache that was used is not written again');
});

test('a damaged cache is not used and is written again; GRAYCHECK_CODE_CACHE=off writes none', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': PROTO });
  const dir = cacheDirectory(t);
  const env = { ...process.env, GRAYCHECK_CODE_CACHE: dir };
  assert.equal((await runCli(['check'], { cwd: repo.dir, env })).status, 0);
  const [file] = cacheFiles(dir);
  assert.ok(file);
  const full = path.join(dir, file);
  for (const damage of [Buffer.alloc(0), fs.readFileSync(full).subarray(0, 100), Buffer.from('not a code cache at all, but long enough to have a header')]) {
    fs.writeFileSync(full, damage);
    const result = await runCli(['check'], { cwd: repo.dir, env });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.ok(fs.statSync(full).size > 1000, 'the damaged cache was replaced');
  }
  const off = cacheDirectory(t);
  assert.equal((await runCli(['check'], { cwd: repo.dir, env: { ...process.env, GRAYCHECK_CODE_CACHE: 'off', XDG_CACHE_HOME: off } })).status, 0);
  assert.deepEqual(cacheFiles(path.join(off, 'graycheck')), []);
});

test('a cache directory other users may write is neither read nor written', { skip: typeof process.getuid !== 'function' }, async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': PROTO });
  const dir = cacheDirectory(t);
  fs.mkdirSync(dir, { mode: 0o700 });
  fs.chmodSync(dir, 0o777);
  const result = await runCli(['check'], { cwd: repo.dir, env: { ...process.env, GRAYCHECK_CODE_CACHE: dir } });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(cacheFiles(dir), []);
});

test("the caches of three other builds stay beside a build's own; older ones are removed", async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': PROTO });
  const dir = cacheDirectory(t);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const others = ['a', 'b', 'c', 'd', 'e'].map((id, age) => {
    const file = path.join(dir, `cli-main-${id.repeat(16)}-v0.0.0-x64.cache`);
    fs.writeFileSync(file, 'another build', { mode: 0o600 });
    const written = Date.now() / 1000 - 60 * (age + 1);
    fs.utimesSync(file, written, written);
    return path.basename(file);
  });
  const result = await runCli(['check'], { cwd: repo.dir, env: { ...process.env, GRAYCHECK_CODE_CACHE: dir } });
  assert.equal(result.status, 0, result.stderr);
  const left = cacheFiles(dir);
  assert.equal(left.length, 4, left.join(', '));
  assert.deepEqual(
    others.filter((name) => left.includes(name)),
    others.slice(0, 3),
    'the three most recently written others stay',
  );
});

test('the bundle is ASCII, as the launcher reads it (Latin-1, unchecked), and the code writes other characters whole', async (t) => {
  const bundle = fs.readFileSync(path.resolve(__dirname, '../../dist/cli-main.js'), 'latin1');
  assert.equal(/[^\x00-\x7f]/.exec(bundle), null);
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': PROTO });
  repo.write({ 'api/user.proto': 'syntax = "proto3";\nmessage User { string name = 1 }\n' });
  const result = await runCli(['check', '--format', 'json'], { cwd: repo.dir, env: { ...process.env, GRAYCHECK_CODE_CACHE: cacheDirectory(t) } });
  const reasons = (JSON.parse(result.stdout) as { notChecked: { reason: string }[] }).notChecked.map((entry) => entry.reason);
  assert.ok(
    reasons.some((reason) => reason.includes('\u2014 declarations there were not compared')),
    reasons.join('\n'),
  );
});

test('the bundle run as a module itself, as a hook an older install-hook wrote runs it, runs the command', async (t) => {
  const repo = TempRepo.create(t);
  repo.commit({ 'api/user.proto': PROTO });
  repo.write({ 'api/user.proto': WITHOUT_EMAIL });
  const bundle = path.join(path.dirname(CLI_PATH), 'cli-main.js');
  const direct = await runCli(['check', '--format', 'json'], { cwd: repo.dir, command: [bundle] });
  const launched = await runCli(['check', '--format', 'json'], { cwd: repo.dir, env: { ...process.env, GRAYCHECK_CODE_CACHE: cacheDirectory(t) } });
  assert.equal(direct.status, 1, direct.stderr);
  const withoutDuration = (stdout: string) => stdout.replace(/"durationMs": \d+/g, '');
  assert.equal(withoutDuration(direct.stdout), withoutDuration(launched.stdout));
});

test('a check of a kind the cache was not made with writes it again once, with both kinds; checks of either then read it', async (t) => {
  const protos = TempRepo.create(t);
  protos.commit({ 'api/user.proto': PROTO });
  protos.write({ 'api/user.proto': WITHOUT_EMAIL });
  const metrics = TempRepo.create(t);
  metrics.write({ 'metrics.prom': '# TYPE requests counter\nrequests 1\n' });
  const dir = cacheDirectory(t);
  const env = { ...process.env, GRAYCHECK_CODE_CACHE: dir };
  const check = async (repo: TempRepo) => {
    const result = await runCli(['check', '--format', 'json'], { cwd: repo.dir, env });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const [file] = cacheFiles(dir);
    assert.ok(file);
    const bytes = fs.readFileSync(path.join(dir, file));
    return { written: fs.statSync(path.join(dir, file)).mtimeMs, kinds: bytes.toString('latin1', 28, 28 + bytes.readUInt32LE(24)) };
  };
  const first = await check(protos);
  assert.equal(first.kinds, 'protobuf');
  const second = await check(metrics);
  assert.equal(second.kinds, 'protobuf,metrics');
  assert.notEqual(second.written, first.written, 'written again with the metrics code');
  for (const repo of [metrics, protos]) assert.deepEqual(await check(repo), second, 'read, not written again');
});
