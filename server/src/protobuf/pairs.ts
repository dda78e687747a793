// Which base declaration is which head one: files by module path (a renamed file is remembered, as buf still calls it deleted),
// messages by fully qualified name across the whole image. Rules see these pairs and never search.
import type { ProtoFile, ProtoImage, ProtoMessage } from './model';

export interface FilePair {
  base: ProtoFile;
  /** The head file at the same module path; buf pairs files by path only. */
  head: ProtoFile | undefined;
  /** The head path git's rename detection pairs with a base file that is gone from its path. */
  renamedTo: string | undefined;
}

export interface MessagePair {
  base: ProtoMessage;
  head: ProtoMessage;
}

export interface ImagePairs {
  base: ProtoImage;
  head: ProtoImage;
  files: FilePair[];
  messages: MessagePair[];
}

/** `renames` maps head repository paths to base repository paths. */
export function pairImages(base: ProtoImage, head: ProtoImage, renames: ReadonlyMap<string, string>): ImagePairs {
  const renamedFrom = new Map<string, string>();
  for (const [headPath, basePath] of renames) if (head.table.byPath(headPath)) renamedFrom.set(basePath, headPath);
  const files: FilePair[] = base.files.map((file) => {
    const headFile = head.filesByModulePath.get(file.modulePath);
    return { base: file, head: headFile, renamedTo: headFile ? undefined : renamedFrom.get(file.path) };
  });
  const messages: MessagePair[] = [];
  for (const [fullName, message] of base.messagesByFullName) {
    const other = head.messagesByFullName.get(fullName);
    if (other) messages.push({ base: message, head: other });
  }
  return { base, head, files, messages };
}

/** The head file's messages by full name: what "deleted from file" compares against. */
export function messagesOfFile(file: ProtoFile): Map<string, ProtoMessage> {
  const map = new Map<string, ProtoMessage>();
  for (const message of file.messages) if (!map.has(message.fullName)) map.set(message.fullName, message);
  return map;
}
