// The "Compare With…" quick pick items and the revision input check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTER_REVISION_LABEL, revisionInputProblem, revisionPicks } from '../../client/src/revisionPicks';
import type { RevisionChoice } from '../../server/src/protocol';

const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

test('auto comes first, then branches, remotes, tags and commits, then the input item', () => {
  const choices: RevisionChoice[] = [
    { name: COMMIT, kind: 'commit', description: 'Add email to User' },
    { name: 'v1.0.0', kind: 'tag' },
    { name: 'origin/main', kind: 'remote', description: 'upstream' },
    { name: 'main', kind: 'branch' },
    { name: 'feature', kind: 'branch' },
    { name: 'auto', kind: 'auto', description: 'merge-base with origin/main' },
  ];
  const labels = revisionPicks(choices).map((pick) => (pick.isSeparator ? `-- ${pick.label}` : pick.label));
  assert.deepEqual(labels, [
    '$(sparkle) auto',
    '-- branches',
    '$(git-branch) main',
    '$(git-branch) feature',
    '-- remote branches',
    '$(cloud) origin/main',
    '-- tags',
    '$(tag) v1.0.0',
    '-- recent commits',
    '$(git-commit) a1b2c3d4e5f6',
    '-- ',
    ENTER_REVISION_LABEL,
  ]);
});

test('a commit item sends the full commit and shows its subject', () => {
  const pick = revisionPicks([{ name: COMMIT, kind: 'commit', description: 'Add email to User' }]).find((item) => item.label.includes('a1b2c3'));
  assert.equal(pick?.revision, COMMIT);
  assert.equal(pick?.description, 'Add email to User');
});

test('auto is offered even when the server lists none, and the current base is marked', () => {
  const picks = revisionPicks([{ name: 'main', kind: 'branch' }], 'main');
  assert.equal(picks[0]?.revision, 'auto');
  assert.equal(picks.find((pick) => pick.revision === 'main')?.description, 'current');
});

test('the input item carries no revision of its own', () => {
  const last = revisionPicks([]).at(-1);
  assert.equal(last?.asksForRevision, true);
  assert.equal(last?.revision, undefined);
});

test('revision input rejects empty text, options and spaces', () => {
  assert.match(revisionInputProblem('  ') ?? '', /Enter a branch/);
  assert.match(revisionInputProblem('--upload-pack=x') ?? '', /cannot start with "-"/);
  assert.match(revisionInputProblem('main branch') ?? '', /spaces/);
  assert.equal(revisionInputProblem('origin/main~2'), undefined);
});
