// The git layer's public shapes. Only server/src/git spawns git.

export type GitErrorCode =
  | 'git-missing' // the git executable is not on PATH
  | 'not-a-repository'
  | 'no-commits' // the repository has no commit yet, so there is no base
  | 'unknown-revision'
  | 'shallow-missing' // the base commit is not in this shallow clone
  | 'invalid-revision' // the name cannot be a revision (e.g. starts with '-')
  | 'timeout' // a git call ran past its time limit and was stopped
  | 'failed'; // anything else git said, with its message

export class GitError extends Error {
  constructor(
    readonly code: GitErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface BaseRevision {
  /** What the user asked for: 'auto' or a revision name. */
  ref: string;
  commit: string; // 40 hex digits
  /** For people: "merge-base with origin/main", "HEAD", "tag v1.2.0". */
  description: string;
  /** The short name for the status bar: "origin/main", "HEAD". */
  shortName: string;
}

export type HeadSource = 'working-tree' | 'index';

/** A revision "Compare With…" offers. */
export interface RevisionChoice {
  name: string; // what `graycheck.setBase` accepts
  kind: 'auto' | 'branch' | 'remote' | 'tag' | 'commit';
  description?: string; // commit subject, or "upstream"
}
