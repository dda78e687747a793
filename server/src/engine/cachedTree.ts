// The working tree as the server's head, remembered between checks: the listing and each file's fingerprint are read
// from disk once and kept until a watcher event, a save, a close or a workspace scan says the disk changed. Only small
// texts are kept (a googleapis-sized workspace would hold its whole source): checks keep models of the files they
// compare by fingerprint, and the small files every check reads (buf.yaml, buf.work.yaml) are then not read from disk
// at every keystroke either.
import { textFingerprint, type Tree } from './tree';

/** How much text a one-run tree keeps, and the server's (UTF-16 code units). */
const ONE_RUN_KEPT_TEXT_UNITS = 16 * 1024 * 1024;
const SERVER_KEPT_TEXT_UNITS = 256 * 1024;
/** The longest text the server's tree keeps. */
const SERVER_KEPT_TEXT_MAX_UNITS = 16 * 1024;

export class CachedTree implements Tree {
  private listing: Promise<readonly string[]> | undefined;
  private readonly fingerprints = new Map<string, Promise<string | undefined>>();
  /** The fingerprints above once read; null for a path that is not a file. */
  private readonly known = new Map<string, string | null>();
  /** The texts read last, most recent last, with their lengths once read: the server keeps only small ones (see the constructor). */
  private readonly texts = new Map<string, { text: Promise<string | undefined>; units: number }>();
  private keptUnits = 0;
  /** Counts the changes to what `knownFingerprint` answers. */
  private generation = 0;

  /** `oneRun`: the owner checks once and is gone (the CLI), so the disk is taken as it was when first read, and the
   *  texts read last are kept whatever their size: a check reads a file to learn its kind, to parse it and to place its
   *  findings. Otherwise (the server) only texts of at most 16 K characters are, 256 K in all. */
  constructor(
    private readonly disk: Tree,
    private readonly oneRun = false,
  ) {
    this.keptTextUnits = oneRun ? ONE_RUN_KEPT_TEXT_UNITS : SERVER_KEPT_TEXT_UNITS;
    this.keptTextMaxUnits = oneRun ? ONE_RUN_KEPT_TEXT_UNITS : SERVER_KEPT_TEXT_MAX_UNITS;
  }

  private readonly keptTextUnits: number;
  private readonly keptTextMaxUnits: number;

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

  /** Found by the walk that lists the files, so it is as fresh as the listing. */
  async unavailable(): Promise<ReadonlyMap<string, string>> {
    await this.list();
    return (await this.disk.unavailable?.()) ?? new Map();
  }

  read(path: string): Promise<string | undefined> {
    const kept = this.texts.get(path);
    if (kept) return kept.text;
    const reading = this.disk.read(path);
    // One run takes a fingerprint only when asked for one (see fingerprint): it has no next check to recognize texts in.
    if (!this.oneRun && !this.fingerprints.has(path)) this.remember(path, reading);
    this.keep(path, reading);
    return reading;
  }

  fingerprint(path: string): Promise<string | undefined> {
    return this.fingerprints.get(path) ?? this.remember(path, this.oneRun ? this.read(path) : this.disk.read(path));
  }

  knownFingerprint(path: string): string | undefined {
    return this.known.get(path) ?? undefined;
  }

  fingerprintGeneration(): number {
    return this.generation;
  }

  /** The file changed on disk; `created` or deleted also changes the listing. */
  forgetFile(path: string, listingChanged: boolean): void {
    this.generation++;
    this.fingerprints.delete(path);
    this.known.delete(path);
    this.forgetText(path);
    if (listingChanged) this.listing = undefined;
  }

  forgetAll(): void {
    this.generation++;
    this.listing = undefined;
    this.fingerprints.clear();
    this.known.clear();
    this.texts.clear();
    this.keptUnits = 0;
  }

  private keep(path: string, reading: Promise<string | undefined>): void {
    const entry = { text: reading, units: 0 };
    this.texts.set(path, entry);
    reading.then(
      (text) => {
        if (this.texts.get(path) !== entry) return;
        if ((text?.length ?? 0) > this.keptTextMaxUnits) {
          this.texts.delete(path);
          return;
        }
        entry.units = text?.length ?? 0;
        this.keptUnits += entry.units;
        // The oldest go first; a text longer than the whole allowance is not kept at all.
        for (const [oldest] of this.texts) {
          if (this.keptUnits <= this.keptTextUnits) break;
          this.forgetText(oldest);
        }
      },
      () => this.forgetText(path),
    );
  }

  private forgetText(path: string): void {
    const entry = this.texts.get(path);
    if (!entry) return;
    this.texts.delete(path);
    this.keptUnits -= entry.units;
  }

  private remember(path: string, reading: Promise<string | undefined>): Promise<string | undefined> {
    const fingerprint = reading.then((text) => {
      const value = text === undefined ? undefined : textFingerprint(text);
      if (this.fingerprints.get(path) === fingerprint) {
        this.known.set(path, value ?? null);
        this.generation++;
      }
      return value;
    });
    this.fingerprints.set(path, fingerprint);
    fingerprint.catch(() => {
      if (this.fingerprints.get(path) === fingerprint) this.fingerprints.delete(path);
    });
    return fingerprint;
  }
}
