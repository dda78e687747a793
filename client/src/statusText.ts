// What the status bar item says for a server status: pure, so it is tested without VS Code.
// The text after `client.start()` resolves is never "starting": end-to-end tests wait on that change.
import type { BaseInfo, StatusParams } from '../../server/src/protocol';

/** The client's own view of the server process, which the server cannot report itself. */
export type ClientPhase = 'starting' | 'running' | 'restarting' | 'stopped';

export interface StatusView {
  text: string;
  tooltip: string;
  /** True when the item should draw attention (error background). */
  isProblem: boolean;
  /** True when clicking should show the output rather than run a check, because there is nothing to run. */
  opensOutput: boolean;
}

const CLICK_TO_CHECK = 'Click to check the workspace.';

export function describeStatus(phase: ClientPhase, status: StatusParams | undefined): StatusView {
  if (phase === 'starting') return view('$(sync~spin) graycheck: starting', 'The Graycheck language server is starting.');
  if (phase === 'restarting') return view('$(sync~spin) graycheck: restarting', 'The Graycheck language server stopped and is being restarted.');
  if (phase === 'stopped') {
    return {
      ...view('$(error) graycheck: stopped', 'The Graycheck language server is not running. Click to show its output.'),
      isProblem: true,
      opensOutput: true,
    };
  }
  if (!status) return view('graycheck: ready', `The Graycheck language server is running.\n${CLICK_TO_CHECK}`);
  switch (status.state) {
    case 'starting':
      return view('$(sync~spin) graycheck: starting', 'The Graycheck language server is starting.');
    case 'error':
      return {
        ...view('$(error) graycheck: error', `${status.message ?? 'Graycheck could not check this workspace.'}\nClick to show the output.`),
        isProblem: true,
        opensOutput: true,
      };
    case 'disabled':
      return view('$(circle-slash) graycheck: off', 'Graycheck is turned off by the setting graycheck.enable.');
    case 'untrusted':
      return view(
        '$(shield) graycheck: untrusted',
        'Restricted Mode: in an untrusted workspace Graycheck runs no git, so there is no base to compare with. Trust the workspace to check it.',
      );
    case 'checking':
    case 'ready': {
      const isChecking = status.state === 'checking';
      if (!status.base)
        return view(isChecking ? '$(sync~spin) graycheck: checking' : 'graycheck: ready', `Graycheck has not resolved a base yet.\n${CLICK_TO_CHECK}`);
      const icon = isChecking ? '$(sync~spin)' : status.breakingCount > 0 ? '$(error)' : '$(check)';
      const count = status.breakingCount > 0 ? ` · ${status.breakingCount}` : '';
      return view(`${icon} graycheck: vs ${status.base.shortName}${count}`, baseTooltip(status.base, status, isChecking));
    }
  }
}

function baseTooltip(base: BaseInfo, status: StatusParams, isChecking: boolean): string {
  const lines = [
    `Graycheck compares with ${base.shortName}`,
    `${base.description} (${base.commit.slice(0, 12)})`,
    base.ref === 'auto' || base.ref === '' ? 'Base chosen automatically (graycheck.base is "auto").' : `Base set to "${base.ref}".`,
    `${plural(status.breakingCount, 'breaking finding')}, ${plural(status.warningCount, 'warning')}${isChecking ? ' (checking…)' : ''}`,
    CLICK_TO_CHECK,
  ];
  return lines.join('\n');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function view(text: string, tooltip: string): StatusView {
  return { text, tooltip, isProblem: false, opensOutput: false };
}
