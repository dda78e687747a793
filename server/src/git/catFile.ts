// The one long-lived `git cat-file --batch` of a repository: requests are pipelined in order and answered in order.
// If the process dies, it is started again and the unanswered requests are sent once more. If it stops answering for
// longer than the time limit, it is killed and the unanswered requests fail with a 'timeout' error.
import type { ChildProcess } from 'node:child_process';
import { GitError } from './types';
import { GIT_MISSING_MESSAGE, timeoutError, type GitRunner } from './runner';

export interface GitObject {
  /** The object's id, as git names it in its answer (for a request such as `HEAD^{commit}`, the commit's). */
  id: string;
  type: string;
  bytes: Buffer;
}

interface Request {
  name: string;
  attempts: number;
  resolve(object: GitObject | undefined): void;
  reject(error: Error): void;
}

const MAX_ATTEMPTS = 2;

export class CatFileProcess {
  private child: ChildProcess | undefined;
  private inflight: Request[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Set once a header is parsed: the object waits for this many bytes plus its trailing newline. */
  private pending: { id: string; type: string; size: number } | undefined;
  /** Armed while requests are in flight: the oldest must be answered before it fires. */
  private answerTimer: NodeJS.Timeout | undefined;

  constructor(private readonly git: GitRunner) {}

  /** The object named by `name` (an object id), or undefined when the repository does not have it. */
  read(name: string): Promise<GitObject | undefined> {
    if (/[\n\r]/.test(name)) return Promise.reject(new GitError('failed', `cannot read object ${JSON.stringify(name)}: the name contains a line break`));
    return new Promise((resolve, reject) => this.send({ name, attempts: 0, resolve, reject }));
  }

  /** Starts the process before the first read, so that its start overlaps other git work; until a read, it keeps no
   *  run from exiting. */
  startEarly(): void {
    if (!this.child) this.setKeepsProcessAlive(this.start(), false);
  }

  /** The process id while one runs; tests kill it to see it restart. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  dispose(): void {
    const child = this.child;
    this.child = undefined;
    this.disarm();
    this.fail(this.inflight.splice(0), new GitError('failed', 'the repository was closed while reading from git'));
    this.resetParser();
    if (child) {
      child.stdin?.end();
      child.kill();
    }
  }

  private send(request: Request): void {
    const child = this.child ?? this.start();
    request.attempts++;
    this.git.stats.catFileRequests++;
    this.inflight.push(request);
    if (!this.answerTimer) this.arm();
    this.setKeepsProcessAlive(child, true);
    child.stdin!.write(`${request.name}\n`);
  }

  private start(): ChildProcess {
    const child = this.git.spawn(['cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.child = child;
    this.resetParser();
    child.stdout!.on('data', (chunk: Buffer) => {
      if (this.child === child) this.receive(chunk);
    });
    // A write racing the death of the process fails with EPIPE; 'close' below handles the requests.
    child.stdin!.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.disarm();
      const reason =
        error.code === 'ENOENT' ? new GitError('git-missing', GIT_MISSING_MESSAGE) : new GitError('failed', `git cat-file failed: ${error.message}`);
      this.fail(this.inflight.splice(0), reason);
    });
    child.on('close', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.disarm();
      this.resetParser();
      const unanswered = this.inflight.splice(0);
      const retry = unanswered.filter((request) => request.attempts < MAX_ATTEMPTS);
      this.fail(
        unanswered.filter((request) => request.attempts >= MAX_ATTEMPTS),
        new GitError('failed', `git cat-file stopped (${signal ?? `exit status ${code}`}) while reading objects; run again`),
      );
      for (const request of retry) this.send(request);
    });
    return child;
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (!this.pending) {
        const all = this.take();
        const newline = all.indexOf(0x0a);
        if (newline < 0) return;
        const header = all.subarray(0, newline).toString('utf8');
        this.keep(all.subarray(newline + 1));
        const request = this.inflight[0];
        const match = /^(\S+) (\S+) (\d+)$/.exec(header);
        if (match) {
          this.pending = { id: match[1]!, type: match[2]!, size: Number(match[3]) };
          continue;
        }
        this.inflight.shift();
        // `<name> missing` and `<name> ambiguous`: the object is not there to read.
        request?.resolve(undefined);
        this.afterAnswer();
        continue;
      }
      const needed = this.pending.size + 1;
      if (this.buffered < needed) return;
      const all = this.take();
      const bytes = Buffer.from(all.subarray(0, this.pending.size));
      this.keep(all.subarray(needed));
      const { id, type } = this.pending;
      this.pending = undefined;
      this.inflight.shift()?.resolve({ id, type, bytes });
      this.afterAnswer();
    }
  }

  private afterAnswer(): void {
    this.disarm();
    if (this.inflight.length > 0) this.arm();
    else if (this.child) this.setKeepsProcessAlive(this.child, false);
  }

  private arm(): void {
    const timeoutMs = this.git.timeoutMs;
    this.answerTimer = setTimeout(() => {
      this.answerTimer = undefined;
      const child = this.child;
      this.child = undefined;
      this.resetParser();
      child?.kill('SIGKILL');
      this.fail(this.inflight.splice(0), timeoutError('cat-file', timeoutMs));
    }, timeoutMs);
  }

  private disarm(): void {
    if (this.answerTimer) clearTimeout(this.answerTimer);
    this.answerTimer = undefined;
  }

  /** An idle cat-file must not keep a CLI run from exiting; one with requests in flight must. */
  private setKeepsProcessAlive(child: ChildProcess, alive: boolean): void {
    const streams = [child.stdout, child.stdin] as unknown as Array<{ ref?(): void; unref?(): void } | null>;
    if (alive) {
      child.ref();
      for (const stream of streams) stream?.ref?.();
    } else {
      child.unref();
      for (const stream of streams) stream?.unref?.();
    }
  }

  private take(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }

  private resetParser(): void {
    this.chunks = [];
    this.buffered = 0;
    this.pending = undefined;
  }

  private fail(requests: Request[], error: Error): void {
    for (const request of requests) request.reject(error);
  }
}
