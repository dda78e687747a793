// Exit statuses of every command (SPEC §4) and the one error type that carries a status and a one-line message to main.ts.

export const EXIT_OK = 0;
/** Findings at or above --fail-on. */
export const EXIT_FINDINGS = 1;
/** Usage or operational error: one line on stderr. */
export const EXIT_ERROR = 2;

/** An error the user can act on: main.ts prints `graycheck: <message>` and exits with `status`, without a stack trace unless --debug. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status: number = EXIT_ERROR,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A mistake in the command line itself; the message ends by pointing at --help. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(`${message} (see "graycheck --help")`);
    this.name = 'UsageError';
  }
}
