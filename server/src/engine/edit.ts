// Fixes are edits the user accepts; the engine computes them and never applies them to disk.
import type { Range } from './range';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface FileEdit {
  file: string; // repository-relative
  edits: TextEdit[];
  /** The file does not exist yet: the edit creates it (clients that cannot create files are not offered the fix). */
  create?: boolean;
}

export interface Fix {
  title: string;
  /** One entry per file touched; a rename over several files is still one fix. */
  changes: FileEdit[];
  isPreferred?: boolean;
}

/** Applies edits (non-overlapping, in any order) to a text. Used by tests and by the demo; the server sends edits instead. */
export function applyTextEdits(text: string, edits: readonly TextEdit[], offsetAt: (p: Range['start']) => number): string {
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  }
  return result;
}
