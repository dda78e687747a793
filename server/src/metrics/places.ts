// Places carried in a finding's fix data: a rename over many files is worked out when the finding is made (the index is
// at hand then) and rebuilt into edits when the user asks for the fix, after checking each place still says the same.
import type { FixData, Location } from '../engine/finding';

/** `file:line:character:endLine:endCharacter` per place, joined by newlines (paths hold no newline). */
export function encodePlaces(places: readonly Location[]): string {
  return places.map(({ file, range }) => `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}:${file}`).join('\n');
}

export function decodePlaces(encoded: unknown): Location[] {
  if (typeof encoded !== 'string' || encoded === '') return [];
  return encoded.split('\n').flatMap((line) => {
    const match = /^(\d+):(\d+):(\d+):(\d+):(.+)$/.exec(line);
    if (!match) return [];
    const [startLine, startCharacter, endLine, endCharacter] = match.slice(1, 5).map(Number);
    return [{ file: match[5], range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } } }];
  });
}

/** The fix data of "replace `oldText` by `newText` at these places" (a rename in queries, definitions and `With` keys). */
export function replaceFix(title: string, oldText: string, newText: string, places: readonly Location[]): { fixData: FixData } {
  return { fixData: { fix: 'replace', title, oldText, newText, places: encodePlaces(places) } };
}
