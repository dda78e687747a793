// The items of "Compare With…" built from the server's revision list: pure, so it is tested without VS Code.
import type { RevisionChoice } from '../../server/src/protocol';

export interface RevisionPick {
  label: string;
  description?: string;
  /** The value sent with `graycheck.setBase`; absent on separators and on the "Enter a revision…" item. */
  revision?: string;
  isSeparator?: boolean;
  asksForRevision?: boolean;
}

const GROUPS: ReadonlyArray<{ kind: RevisionChoice['kind']; title: string; icon: string }> = [
  { kind: 'auto', title: '', icon: '$(sparkle)' },
  { kind: 'branch', title: 'branches', icon: '$(git-branch)' },
  { kind: 'remote', title: 'remote branches', icon: '$(cloud)' },
  { kind: 'tag', title: 'tags', icon: '$(tag)' },
  { kind: 'commit', title: 'recent commits', icon: '$(git-commit)' },
];

export const ENTER_REVISION_LABEL = '$(edit) Enter a revision…';
const AUTO_DESCRIPTION = 'merge-base with the upstream or default branch';

/** `current` is the base the session uses now ('auto' when none was chosen); its item says so. */
export function revisionPicks(choices: readonly RevisionChoice[], current = 'auto'): RevisionPick[] {
  const picks: RevisionPick[] = [];
  const withAuto = choices.some((choice) => choice.kind === 'auto')
    ? choices
    : [{ name: 'auto', kind: 'auto' as const, description: AUTO_DESCRIPTION }, ...choices];
  for (const group of GROUPS) {
    const members = withAuto.filter((choice) => choice.kind === group.kind);
    if (members.length === 0) continue;
    if (group.title) picks.push({ label: group.title, isSeparator: true });
    for (const choice of members) {
      const label = `${group.icon} ${choice.kind === 'commit' ? shortCommit(choice.name) : choice.name}`;
      const notes = [choice.name === current ? 'current' : '', choice.description ?? ''].filter(Boolean);
      picks.push({ label, revision: choice.name, ...(notes.length > 0 ? { description: notes.join(' · ') } : {}) });
    }
  }
  picks.push({ label: '', isSeparator: true });
  picks.push({ label: ENTER_REVISION_LABEL, description: 'a branch, tag or commit', asksForRevision: true });
  return picks;
}

function shortCommit(name: string): string {
  return /^[0-9a-f]{40}$/i.test(name) || /^[0-9a-f]{64}$/i.test(name) ? name.slice(0, 12) : name;
}

/** The input box's check: undefined when acceptable. The server validates the revision again before git sees it. */
export function revisionInputProblem(text: string): string | undefined {
  const revision = text.trim();
  if (revision === '') return 'Enter a branch, tag or commit, for example origin/main.';
  if (revision.startsWith('-')) return 'A revision cannot start with "-".';
  if (/[\s\x00-\x1f\x7f]/.test(revision)) return 'A revision cannot contain spaces or control characters.';
  return undefined;
}
