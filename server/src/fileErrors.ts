// System errors in words: a user reads "it is a directory, not a file", never EISDIR (issue 12).

const CAUSES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
  ELOOP: 'too many symbolic links (a link loop)',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EBADF: 'it is closed',
  EPIPE: 'the reader has gone away',
  EIO: 'an input/output error of the device',
  EMFILE: 'too many files are open',
};

/** Why a file operation failed, in words, whatever the error. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && CAUSES[code]) ?? 'the system refused it';
}
