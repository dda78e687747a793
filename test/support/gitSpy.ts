// A git on PATH that records each call and then runs the real git: tests see which git commands a run started, without
// faking git.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

export interface GitSpy {
  /** `baseEnv` with the spy first on PATH. */
  env: NodeJS.ProcessEnv;
  /** Each call's git command (its first word after the safety options: -c key=value pairs and --no-pager), in order. */
  calls(): string[];
}

export function gitSpy(t: Pick<TestContext, 'after'>, baseEnv: NodeJS.ProcessEnv = process.env): GitSpy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-gitspy-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(path.join(dir, 'git'), `#!/bin/sh\necho "$*" >> "${log}"\nexec "${realGit}" "$@"\n`, { mode: 0o755 });
  return {
    env: { ...baseEnv, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` },
    calls: () =>
      (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/^(--no-pager |-c \S+ )*/, '').split(' ')[0]!),
  };
}
