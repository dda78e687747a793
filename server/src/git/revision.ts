// Revision names the user typed are checked before git sees them, so a name can never turn into an option or a path.
import { GitError } from './types';

/** Throws GitError 'invalid-revision' unless `name` can only be read as one revision. */
export function validateRevision(name: string): void {
  const reason = invalidBecause(name);
  if (reason) throw new GitError('invalid-revision', `invalid revision ${JSON.stringify(name)}: ${reason}; name a branch, tag or commit`);
}

function invalidBecause(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 1024) return 'it is too long';
  if (name.startsWith('-')) return 'it starts with "-"';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it contains a control character';
  if (/\s/u.test(name)) return 'it contains whitespace';
  if (name.includes('..')) return 'ranges ("a..b") are not a single revision';
  if (name.includes(':')) return 'the "rev:path" syntax names a file, not a revision';
  return undefined;
}

export function isFullObjectId(text: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text);
}

export function shortId(commit: string): string {
  return commit.slice(0, 7);
}
