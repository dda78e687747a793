// File paths and `file:` URIs. Clients spell URIs differently (percent-encoding, drive letters), so open documents keep the
// URI the client sent and every other file gets Node's spelling.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The path of `file` below `root` with '/', or undefined when it is not below it. */
export function relativeTo(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

export function joinRelative(root: string, relative: string): string {
  return path.join(root, ...relative.split('/'));
}
