// A fresh code-server (the real VS Code 1.100 workbench and extension host) in a temp dir, with the packaged .vsix installed.
// It runs in its own process group: stopping the group also stops the extension host and Graycheck's language server.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_BIN = path.join(
  process.env.GRAYCHECK_CODE_SERVER_DIR ?? path.join(os.homedir(), '.cache/graycheck', `code-server-${CODE_SERVER_VERSION}`),
  'node_modules/.bin/code-server',
);

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'editor.minimap.enabled': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'files.autoSave': 'off',
  // Text the suite types lands as typed.
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoIndent': 'none',
  'workbench.editor.enablePreview': false,
};

export interface CodeServerOptions {
  vsix: string;
  workspace: string;
  /** Where code-server's log goes (stdout and stderr). */
  logFile: string;
}

export class CodeServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly scratch: string,
    private readonly exited: Promise<void>,
  ) {}

  /** Installs the .vsix into fresh directories, starts code-server on a free port and waits until /healthz answers. */
  static async start(options: CodeServerOptions): Promise<CodeServer> {
    if (!fs.existsSync(CODE_SERVER_BIN)) throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}: run test/editors/install-code-server.sh`);
    const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-code-server-')));
    const dirs = {
      userData: path.join(scratch, 'user-data'),
      extensions: path.join(scratch, 'extensions'),
      config: path.join(scratch, 'config.yaml'),
      xdgConfig: path.join(scratch, 'xdg-config'),
      xdgData: path.join(scratch, 'xdg-data'),
    };
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    fs.mkdirSync(dirs.extensions, { recursive: true });
    fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
    const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config];
    // VSCODE_CLI=1 spares the server a login-shell probe of up to 10 s at every start.
    const env = { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, VSCODE_CLI: '1' };

    await promisify(execFile)(CODE_SERVER_BIN, [...common, '--install-extension', options.vsix, '--force'], { env, timeout: 180_000 });

    const port = await freePort();
    const log = fs.createWriteStream(options.logFile);
    const child = spawn(
      CODE_SERVER_BIN,
      [
        ...common,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--bind-addr',
        `127.0.0.1:${port}`,
        options.workspace,
      ],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const server = new CodeServer(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`, child, scratch, exited);
    try {
      await waitForHealth(port, child, 180_000, options.logFile);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Extensions code-server installed, as `<id>-<version>` directory names. */
  installedExtensions(): string[] {
    return fs.readdirSync(path.join(this.scratch, 'extensions')).filter((name) => !name.startsWith('.') && name !== 'extensions.json');
  }

  /** Stops the whole process group (code-server, extension host, language server) and removes the temp dirs. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 10_000);
      await this.exited;
      clearTimeout(timer);
      // The extension host and the language server may outlive their parent by a moment.
      signalGroup(pid, 'SIGKILL');
    }
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const listener = net.createServer();
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', () => {
      const address = listener.address();
      listener.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Waits for code-server's "HTTP server listening" log line, then confirms with one GET /healthz. */
async function waitForHealth(port: number, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => finish(new Error(`timed out after ${timeoutMs / 1000} s waiting for code-server to listen on port ${port}; see ${logFile}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      if (seen.includes('HTTP server listening')) finish();
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(new Error(`code-server exited (${code ?? signal}) before it listened; see ${logFile}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
  const status = await healthStatus(port);
  if (status !== 200) throw new Error(`code-server listens on port ${port} but /healthz answered ${status ?? 'nothing'}; see ${logFile}`);
}

function healthStatus(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 10_000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(undefined));
  });
}
