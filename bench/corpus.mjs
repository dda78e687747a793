// The googleapis corpus as a git repository in a temp dir, shared by the benchmarks: one commit, a buf.yaml excluding preview/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const corpusPath = resolve(process.env.GRAYCHECK_CORPUS ?? '../shared/corpora/googleapis-protos.tar.gz');
export const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
};

/** Extracts and commits the corpus; returns the repository. `keep`, when set, is the paths (directories or files) to keep,
 *  or a function from the extracted tree's directory to them. */
export function googleapisRepo(keep) {
  if (!existsSync(corpusPath)) throw new Error(`corpus not found: ${corpusPath} (set GRAYCHECK_CORPUS)`);
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'graycheck-bench-')));
  execFileSync('tar', ['-xzf', corpusPath, '-C', work]);
  const repo = join(work, 'googleapis');
  if (keep) {
    const kept = join(work, 'kept');
    execFileSync('mkdir', ['-p', kept]);
    for (const dir of typeof keep === 'function' ? keep(repo) : keep) execFileSync('cp', ['-r', '--parents', dir, kept], { cwd: repo });
    rmSync(repo, { recursive: true, force: true });
    execFileSync('mv', [kept, repo]);
  }
  // preview/ duplicates google/api and cannot compile in the same module (corpora/README.md).
  writeFileSync(join(repo, 'buf.yaml'), 'version: v2\nmodules:\n  - path: .\n    excludes: [preview]\n');
  const git = (...args) => execFileSync('git', args, { cwd: repo, env: gitEnv, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'googleapis');
  return { repo, git, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}
