// Real proto trees for the mutation runs. googleapis: a few packages with every file they import, read from the shared
// corpus tarball (unpacked once per machine into the temp directory). protobuf and envoy: small fixed selections vendored
// in `trees/` (sources, commits and licences in trees/README.md), so that no run needs the network. Read-only input:
// mutations work on copies.
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

/** The input trees a trial can draw: each is one buf module. */
export const TREE_NAMES = ['googleapis', 'protobuf', 'envoy'] as const;
export type TreeName = (typeof TREE_NAMES)[number];

const VENDORED = path.resolve(__dirname, 'trees');
const loaded = new Map<TreeName, Record<string, string>>();

/** A tree's proto files by module path, read once per process. */
export function loadTree(name: TreeName): Record<string, string> {
  let files = loaded.get(name);
  if (!files) {
    files = name === 'googleapis' ? loadCorpus() : readProtos(path.join(VENDORED, name));
    loaded.set(name, files);
  }
  return files;
}

function readProtos(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.proto')) files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
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
