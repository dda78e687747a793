// The `graycheck` command (bundled to dist/cli.js): dispatches subcommands and owns the exit status.
// Every expected failure becomes one `graycheck: …` line on stderr and status 2; a stack trace only with --debug.
import type { KindChecker } from '../engine/comparison';
import { CHECKERS } from '../registry';
import { ConfigFileError } from '../workspace';
import { describeFileError } from '../fileErrors';
import { GitError } from '../git/types';
import { checkCommand, type CommandIO } from './checkCommand';
import { CliError, EXIT_ERROR, EXIT_OK, UsageError } from './exitCodes';
import { installHookCommand } from './installHook';
import { rulesCommand } from './rulesCommand';
import { VERSION } from './version';
import { parseArgs } from './args';

export function helpText(checkers: readonly KindChecker[]): string {
  const kinds = checkers.map((checker) => checker.title).join(', ');
  return `graycheck ${VERSION}: breaking changes (${kinds}) against a git base, before you commit

Usage:
  graycheck check [PATH...] [--base REV] [--staged] [--format text|json|sarif]
                  [--fail-on error|warning|never] [--fail-on-unchecked] [--config FILE] [--debug]
  graycheck rules [--format text|json]
  graycheck install-hook [--force-ours]
  graycheck lsp --stdio
  graycheck --help | --version

check         compares the working tree (or the index with --staged) with the base: --base REV, else
              "base" in .graycheck.yaml, else auto (merge-base with the upstream or origin's default branch, else HEAD).
              PATH arguments (files or directories) limit which findings are reported.
              --fail-on-unchecked (or "failOnUnchecked: true" in .graycheck.yaml) also fails when any file could not
              be checked (a syntax error, an import not found), for a strict CI gate.
rules         lists every rule with its kind, categories, default severity and documentation.
install-hook  writes a git pre-commit hook running "graycheck check --staged"; never replaces a hook it did not write
              (--force-ours replaces a graycheck hook that was edited by hand).
lsp           serves the Language Server Protocol over stdio.

Exit status: 0 nothing at or above --fail-on (default error); 1 findings at or above it, or anything not checked with
--fail-on-unchecked; 2 usage or operational error (unreadable or non-YAML --config, a kind's own configuration
file unusable, a PATH that exists neither at head nor at the base).
`;
}

type Command = (argv: readonly string[], io: CommandIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  rules: rulesCommand,
  'install-hook': installHookCommand,
  lsp: lspCommand,
};

export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(helpText(io.checkers));
    return EXIT_ERROR;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    await io.write(helpText(io.checkers));
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    await io.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    throw new UsageError(command.startsWith('-') ? `unknown option "${command}"` : `unknown command "${command}"`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    await io.write(helpText(io.checkers));
    return EXIT_OK;
  }
  return handler(rest, io);
}

function lspCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  parseArgs(argv, { stdio: { type: 'flag' }, debug: { type: 'flag' } }, 'lsp');
  // Loaded on demand, and bundled apart (scripts/build.mjs makes this dist/server.js), so that `check` neither reads nor
  // starts the language server. The server then takes the registry's kinds from its own bundle, since the objects of one
  // bundle cannot work with another's code; a list of other kinds (a test adds one, running from source) is handed over.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require('../lsp/main') as typeof import('../lsp/main');
  serve(io.checkers === CHECKERS ? undefined : io.checkers);
  return new Promise<number>(() => undefined); // the connection ends the process when the client exits
}

/** The one line for an error, or undefined when it is not one we expected (then it is an internal error). */
export function describeError(error: unknown): string | undefined {
  if (error instanceof CliError || error instanceof ConfigFileError || error instanceof GitError) return error.message;
  if (error instanceof Error && error.name === 'GitError') return error.message;
  return undefined;
}

/** The one line for an output that cannot be written (a full disk, a closed stdout); said once, however often it fails. */
class OutputError extends CliError {}
let outputFailureShown = false;

function outputFailure(error: unknown): OutputError {
  return new OutputError(`cannot write the output to stdout: ${describeFileError(error)}`);
}

function showOutputFailure(failure: OutputError): void {
  if (outputFailureShown) return;
  outputFailureShown = true;
  process.stderr.write(`graycheck: ${failure.message}\n`);
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      process.stdout.write(text, (error) => {
        // A reader that stopped early (`graycheck check | head`) is not an error of ours.
        if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(outputFailure(error));
        else resolve();
      });
    } catch (error) {
      reject(outputFailure(error));
    }
  });
}

/** The process entry; tests pass a list with a kind of their own. */
export async function main(checkers: readonly KindChecker[]): Promise<void> {
  const argv = process.argv.slice(2);
  const debug = argv.includes('--debug');
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') showOutputFailure(outputFailure(error));
  });
  let status: number;
  try {
    status = await run(argv, { cwd: process.cwd(), write: writeStdout, checkers });
  } catch (error) {
    if (error instanceof OutputError) {
      showOutputFailure(error);
      process.exit(error.status);
    }
    const expected = describeError(error);
    const line =
      expected ?? `internal error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (run with --debug for the stack trace)'}`;
    process.stderr.write(`graycheck: ${line.split('\n')[0]}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    status = error instanceof CliError ? error.status : EXIT_ERROR;
  }
  // Exit explicitly: a git process the repository kept open must not keep the command alive.
  process.exit(status);
}

if (require.main === module) void main(CHECKERS);
