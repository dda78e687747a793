// The working tree as the server's head, remembered between checks: the listing and each file's text are read from disk
// once and kept until a watcher event, a save, a close or a workspace scan says the disk changed.
import type { Tree } from '../engine/tree';

export class CachedTree implements Tree {
  private listing: Promise<readonly string[]> | undefined;
  private readonly texts = new Map<string, Promise<string | undefined>>();
  /** Texts read before the last invalidation, until read again. */
  private readonly stale = new Map<string, string>();

  constructor(private readonly disk: Tree) {}

  get label(): string {
    return this.disk.label;
  }

  list(): Promise<readonly string[]> {
    if (!this.listing) {
      const listing = this.disk.list();
      this.listing = listing;
      listing.catch(() => {
        if (this.listing === listing) this.listing = undefined;
      });
    }
    return this.listing;
  }

  read(path: string): Promise<string | undefined> {
    let text = this.texts.get(path);
    if (!text) {
      const previous = this.stale.get(path);
      this.stale.delete(path);
      // An unchanged file keeps its earlier string, the one models built from it hold, rather than a second copy.
      const reading = this.disk.read(path).then((read) => (read !== undefined && read === previous ? previous : read));
      this.texts.set(path, reading);
      reading.catch(() => {
        if (this.texts.get(path) === reading) this.texts.delete(path);
      });
      text = reading;
    }
    return text;
  }

  /** The file changed on disk; `created` or deleted also changes the listing. */
  forgetFile(path: string, listingChanged: boolean): void {
    this.forgetText(path);
    if (listingChanged) this.listing = undefined;
  }

  forgetAll(): void {
    this.listing = undefined;
    for (const path of [...this.texts.keys()]) this.forgetText(path);
  }

  private forgetText(path: string): void {
    const text = this.texts.get(path);
    this.texts.delete(path);
    if (!text) return;
    text.then(
      (value) => {
        if (value !== undefined && !this.texts.has(path)) this.stale.set(path, value);
      },
      () => undefined,
    );
  }
}
