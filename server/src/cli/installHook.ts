// `graycheck install-hook`: writes a pre-commit hook where git looks for hooks (core.hooksPath respected) that runs
// `graycheck check --staged`, but only inside the repository's git directory or work tree: a core.hooksPath elsewhere
// (set by the repository's own config) could make us write anywhere on the machine. Our hook carries a marker line with a checksum of its body: it is updated freely while
// unedited, kept when edited (unless --force-ours), and a hook without the marker is never overwritten.
import * as fs from '../files';
import * as path from 'node:path';
import { flagOption, parseArgs, type OptionSpecs } from './args';
import type { CommandIO } from './checkCommand';
import { CliError, EXIT_OK } from './exitCodes';
import { realpathOfExistingPart } from './checkCommand';
import { digest } from '../engine/digest';
import { describeFileError } from '../fileErrors';
import { GitRepository } from '../git/repository';

export const INSTALL_HOOK_OPTIONS: OptionSpecs = {
  'force-ours': { type: 'flag' },
  debug: { type: 'flag' },
};

const MARKER = /^# graycheck-managed-hook sha256=([0-9a-f]{64})$/m;
const HOOK_COMMAND = 'graycheck check --staged';

export async function installHookCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, INSTALL_HOOK_OPTIONS, 'install-hook');
  const repository = await GitRepository.open(io.cwd);
  let hooksDirectory: string;
  let allowed: string[];
  try {
    const { gitDir, commonDir } = await repository.gitDirectories();
    hooksDirectory = await repository.hooksDirectory();
    allowed = [repository.root, gitDir, commonDir];
  } finally {
    repository.dispose();
  }
  if (!(await isInsideAny(hooksDirectory, allowed))) {
    throw new CliError(
      `core.hooksPath points at ${hooksDirectory}, outside this repository and its git directory, so no hook is written there; ` +
        `unset core.hooksPath or point it inside the repository, or add "${HOOK_COMMAND}" to a hook there yourself`,
    );
  }
  const hookFile = path.join(hooksDirectory, 'pre-commit');
  const existing = await fs.readFile(hookFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new CliError(`cannot read the existing hook ${hookFile}: ${describeFileError(error)}`);
  });
  const shown = path.relative(io.cwd, hookFile) || hookFile;

  if (existing !== undefined) {
    const ownership = hookOwnership(existing);
    if (ownership === 'foreign') {
      throw new CliError(
        `${shown} exists and was not written by graycheck, so it is left alone; add the line "${HOOK_COMMAND}" to it, ` +
          'or run graycheck through the pre-commit framework (hook id "graycheck")',
      );
    }
    if (ownership === 'ours-edited' && !flagOption(args, 'force-ours')) {
      throw new CliError(`${shown} was written by graycheck but has been edited since; rerun with --force-ours to replace it, or edit it by hand`);
    }
  }

  await fs.mkdir(hooksDirectory, { recursive: true });
  await fs.writeFile(hookFile, hookScript(process.execPath, cliPath()), { mode: 0o755 });
  await fs.chmod(hookFile, 0o755);
  await io.write(`${existing === undefined ? 'installed' : 'updated'} the graycheck pre-commit hook at ${shown}\n`);
  return EXIT_OK;
}

/** Whether `target` (which may not exist yet) lies inside one of the directories, symbolic links resolved on both sides. */
async function isInsideAny(target: string, directories: readonly string[]): Promise<boolean> {
  const real = await realpathOfExistingPart(target);
  for (const directory of directories) {
    const relative = path.relative(await realpathOfExistingPart(directory), real);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return true;
  }
  return false;
}

export function hookOwnership(text: string): 'foreign' | 'ours' | 'ours-edited' {
  const match = MARKER.exec(text);
  if (!match) return 'foreign';
  const body = text.slice(match.index + match[0].length + 1);
  return checksum(body) === match[1] ? 'ours' : 'ours-edited';
}

/** A POSIX sh hook: the node and CLI that installed it, else `graycheck` on PATH; says so clearly when neither is there. */
export function hookScript(nodePath: string, cliFile: string): string {
  const body = [
    '# Written by `graycheck install-hook`: blocks commits whose staged changes break compatibility with the base.',
    '# Re-run `graycheck install-hook` to update it; delete this file to remove it.',
    `node=${shellQuote(nodePath)}`,
    `cli=${shellQuote(cliFile)}`,
    'if [ -x "$node" ] && [ -f "$cli" ]; then',
    '  exec "$node" "$cli" check --staged',
    'fi',
    'if command -v graycheck >/dev/null 2>&1; then',
    `  exec ${HOOK_COMMAND}`,
    'fi',
    'echo "graycheck: the pre-commit hook cannot find graycheck ($cli is gone and graycheck is not on PATH); run graycheck install-hook again, or delete $0" >&2',
    'exit 1',
    '',
  ].join('\n');
  return `#!/bin/sh\n# graycheck-managed-hook sha256=${checksum(body)}\n${body}`;
}

function checksum(text: string): string {
  return digest('sha256', [text], 'hex');
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command's start: dist/cli.js, the launcher beside the running bundle (dist/cli-main.js), which starts it from
 *  V8's code cache; under tsx in development this module, which is never a hook target. */
function cliPath(): string {
  const file = path.resolve(__filename);
  return path.basename(file) === 'cli-main.js' ? path.join(path.dirname(file), 'cli.js') : file;
}
