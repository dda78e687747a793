// Real proto trees for the mutation runs: a few googleapis packages with every file they import, read from the shared
// corpus tarball (unpacked once per machine into the temp directory). Read-only input: mutations work on copies.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const TARBALL = path.resolve(__dirname, '../../../../shared/corpora/googleapis-protos.tar.gz');
const FALLBACK_TARBALL = '/work/shared/corpora/googleapis-protos.tar.gz';

/** Entry files: two packages that import each other's neighbours (pubsub, Cloud Tasks) and the small shared types. */
export const ROOTS = [
  'google/pubsub/v1/pubsub.proto',
  'google/pubsub/v1/schema.proto',
  'google/cloud/tasks/v2/cloudtasks.proto',
  'google/type/money.proto',
  'google/type/date.proto',
  'google/type/postal_address.proto',
  'google/type/dayofweek.proto',
];

const DIRECTORIES = ['google/pubsub', 'google/cloud/tasks/v2', 'google/type', 'google/api', 'google/rpc', 'google/iam/v1', 'google/longrunning'];

export function tarballPath(): string {
  return fs.existsSync(TARBALL) ? TARBALL : FALLBACK_TARBALL;
}

function unpacked(): string {
  const dir = path.join(os.tmpdir(), 'graycheck-googleapis-mutations');
  const marker = path.join(dir, '.complete');
  if (!fs.existsSync(marker)) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['xzf', tarballPath(), '-C', dir, ...DIRECTORIES.map((entry) => `googleapis/${entry}`)]);
    fs.writeFileSync(marker, '');
  }
  return path.join(dir, 'googleapis');
}

const IMPORT = /^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm;

/** The roots and everything they import (well-known files excepted: buf has its own), by module path. */
export function loadCorpus(roots: readonly string[] = ROOTS): Record<string, string> {
  const root = unpacked();
  const files: Record<string, string> = {};
  const pending = [...roots];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (file in files || file.startsWith('google/protobuf/')) continue;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    files[file] = text;
    for (const [, imported] of text.matchAll(IMPORT)) pending.push(imported);
  }
  return files;
}
