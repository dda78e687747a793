// Digests of texts and bytes. node:crypto is loaded with the first one: a check that takes none (one file, no base)
// does without the module, whose loading costs a short run more than most of its own work.
import type { BinaryToTextEncoding } from 'node:crypto';

export function digest(algorithm: 'sha1' | 'sha256', parts: readonly (string | Buffer)[], encoding: BinaryToTextEncoding): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest(encoding);
}

/** Git's id of a blob holding `content` (a string counts as its UTF-8). */
export function gitBlobId(content: string | Buffer, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  const length = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  return digest(algorithm, [`blob ${length}\0`, content], 'hex');
}
