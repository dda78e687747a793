// Runs the built CLI (dist/cli.js, built by `npm test` before the tests) as a subprocess of this node, as users run it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** GRAYCHECK_CLI runs the same tests against another build (a packaged one, or an experiment). */
export const CLI_PATH = process.env.GRAYCHECK_CLI ?? path.resolve(__dirname, '../../dist/cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Node arguments that run instead of the built CLI (e.g. an entry with a test kind, through tsx). */
  command?: readonly string[];
}

export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  if (!options.command && !fs.existsSync(CLI_PATH)) return Promise.reject(new Error(`${CLI_PATH} is missing: run "node scripts/build.mjs" first`));
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.command ?? [CLI_PATH]), ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`graycheck ${args.join(' ')} did not exit within ${timeoutMs} ms (stderr so far: ${stderr.trim()})`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
