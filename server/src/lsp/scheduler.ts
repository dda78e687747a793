// Debounce per document and cancel per document: a newer edit drops the pending timer and aborts the running check,
// so the check of an older version can never publish over a newer one.
import { CheckCancelled } from '../engine/comparison';

interface Pending {
  timer: NodeJS.Timeout | undefined;
  abort: AbortController;
}

export class Scheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly run: (uri: string, signal: AbortSignal) => Promise<void>,
    private readonly debounceMs: () => number,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  schedule(uri: string, delayMs = this.debounceMs()): void {
    this.cancel(uri);
    const entry: Pending = { timer: undefined, abort: new AbortController() };
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.execute(uri, entry);
    }, delayMs);
    this.pending.set(uri, entry);
  }

  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.abort.abort();
    this.pending.delete(uri);
  }

  cancelAll(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private async execute(uri: string, entry: Pending): Promise<void> {
    try {
      await this.run(uri, entry.abort.signal);
    } catch (error) {
      if (!(error instanceof CheckCancelled) && !entry.abort.signal.aborted) this.onError(uri, error);
    } finally {
      if (this.pending.get(uri) === entry) this.pending.delete(uri);
    }
  }
}
