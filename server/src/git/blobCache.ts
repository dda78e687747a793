// Blob texts by object id. Blobs are immutable, so entries are never invalidated, only evicted (least recently used first).

export interface Blob {
  text: string;
  sizeBytes: number;
}

// Kinds keep their own models of what they compared (protobuf/modelCache.ts); this spares git round trips for files read again soon.
export const DEFAULT_BLOB_CACHE_BYTES = 8 * 1024 * 1024;

export class BlobCache {
  private readonly entries = new Map<string, Blob>();
  private totalBytes = 0;

  constructor(private readonly limitBytes = DEFAULT_BLOB_CACHE_BYTES) {}

  get(id: string): Blob | undefined {
    const blob = this.entries.get(id);
    if (blob) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.entries.delete(id);
      this.entries.set(id, blob);
    }
    return blob;
  }

  set(id: string, blob: Blob): void {
    const old = this.entries.get(id);
    if (old) {
      this.entries.delete(id);
      this.totalBytes -= cost(old);
    }
    // A blob bigger than the whole cache is served but not kept.
    if (cost(blob) > this.limitBytes) return;
    this.entries.set(id, blob);
    this.totalBytes += cost(blob);
    for (const [oldest, entry] of this.entries) {
      if (this.totalBytes <= this.limitBytes) break;
      this.entries.delete(oldest);
      this.totalBytes -= cost(entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }
}

/** JavaScript strings take two bytes per UTF-16 unit. */
function cost(blob: Blob): number {
  return blob.text.length * 2 + 64;
}

/** A blob with a NUL byte in its first 8 KB is binary, as git itself decides. The text is still returned; the kind decides what to do. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}
