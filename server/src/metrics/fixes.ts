// Fixes for metrics findings, rebuilt from the places a finding carries: renames over definitions, `With` keys and the
// queries of rule files and dashboards (never positional values), placeholder values at an arity mismatch, a label put
// back. Each place is read again first and left alone when it no longer says what the finding saw.
import type { FixHead } from '../engine/comparison';
import type { FileEdit, Fix, TextEdit } from '../engine/edit';
import type { Finding, Location } from '../engine/finding';
import { LineIndex, lineIndexOf } from '../engine/range';
import { decodePlaces } from './places';

export async function metricsFixes(finding: Finding, head: FixHead): Promise<Fix[]> {
  const data = finding.fixData;
  if (!data) return [];
  const texts = new FileTexts(finding.file, head);
  switch (data.fix) {
    case 'replace':
      return one(String(data.title), await renamed(decodePlaces(data.places), String(data.oldText), String(data.newText), texts));
    case 'labelRenamed': {
      const [oldLabel, newLabel] = [String(data.oldLabel), String(data.newLabel)];
      const places = decodePlaces(data.places);
      return [
        ...one(`Rename label "${oldLabel}" to "${newLabel}" in all ${places.length} places`, await renamed(places, oldLabel, newLabel, texts)),
        ...one(`Restore "${oldLabel}"`, await renamed(decodePlaces(data.definitionLabel), newLabel, oldLabel, texts)),
      ];
    }
    case 'metricRenamed': {
      const [oldName, newName] = [String(data.oldName), String(data.newName)];
      const places = decodePlaces(data.places);
      return [
        ...one(`Update ${places.length} reference${places.length === 1 ? '' : 's'} to "${newName}"`, await renamed(places, oldName, newName, texts, true)),
        ...one(
          `Restore name "${String(data.restoreName)}"`,
          await renamed(decodePlaces(data.namePlace), typeof data.currentName === 'string' ? data.currentName : undefined, String(data.restoreName), texts),
        ),
      ];
    }
    case 'addLabelValues': {
      const [at] = decodePlaces(data.at);
      const missing = String(data.missing).split(',');
      if (!at || !(await atArgumentsEnd(at, data.first === true, texts))) return [];
      const values = missing.map((label) => `"" /* ${label} */`).join(', ');
      const title = `Add missing label value${missing.length === 1 ? '' : 's'} for ${missing.map((label) => `"${label}"`).join(', ')}`;
      return [
        {
          title,
          changes: [
            { file: at.file, edits: [{ range: { start: at.range.start, end: at.range.start }, newText: data.first === true ? values : `, ${values}` }] },
          ],
        },
      ];
    }
    case 'removeLabelValues': {
      const [at] = decodePlaces(data.at);
      if (!at || !(await atArgumentsEnd({ file: at.file, range: { start: at.range.end, end: at.range.end } }, false, texts))) return [];
      return [{ title: 'Remove extra label values', changes: [{ file: at.file, edits: [{ range: at.range, newText: '' }] }] }];
    }
    case 'addLabelKey': {
      const [at] = decodePlaces(data.at);
      const file = at && (await texts.of(at.file));
      if (!at || !file) return [];
      const end = file.lines.offsetAt(at.range.start);
      // The last argument must still be the map literal: its closing brace just before the end of the arguments.
      if (file.text[end - 1] !== '}') return [];
      let before = end - 2;
      while (before >= 0 && /\s/.test(file.text[before])) before--;
      const entry = `${JSON.stringify(String(data.label))}: ""`;
      const previous = file.text[before];
      const newText = previous === '{' ? entry : previous === ',' ? ` ${entry},` : `, ${entry}`;
      const position = file.lines.positionAt(before + 1);
      return [
        {
          title: `Add missing label ${JSON.stringify(String(data.label))}`,
          changes: [{ file: at.file, edits: [{ range: { start: position, end: position }, newText }] }],
        },
      ];
    }
    case 'revertValue': {
      const [at] = decodePlaces(data.at);
      const file = at && (await texts.of(at.file));
      if (!at || !file) return [];
      const current = file.text.slice(file.lines.offsetAt(at.range.start), file.lines.offsetAt(at.range.end));
      const newText = rewritten(current, String(data.from), String(data.to));
      return newText === undefined ? [] : [{ title: String(data.title), changes: [{ file: at.file, edits: [{ range: at.range, newText }] }] }];
    }
    case 'restoreDefinition': {
      // Back at the end of the file, as a package variable: where it was may hold other code by now.
      const lines = lineIndexOf(head.text);
      const end = lines.positionAt(head.text.length);
      const newText = `${head.text.endsWith('\n') || head.text === '' ? '' : '\n'}\n${String(data.text)}\n`;
      return [{ title: `Restore "${String(data.name)}" from the base`, changes: [{ file: finding.file, edits: [{ range: { start: end, end }, newText }] }] }];
    }
    case 'restoreLabel': {
      const label = JSON.stringify(String(data.label));
      const [before] = (await holds(decodePlaces(data.before), data.beforeName, texts)) ? decodePlaces(data.before) : [];
      const [after] = (await holds(decodePlaces(data.after), data.afterName, texts)) ? decodePlaces(data.after) : [];
      const edit: FileEdit | undefined = before
        ? { file: before.file, edits: [{ range: { start: before.range.start, end: before.range.start }, newText: `${label}, ` }] }
        : after
          ? { file: after.file, edits: [{ range: { start: after.range.end, end: after.range.end }, newText: `, ${label}` }] }
          : undefined;
      return edit ? [{ title: `Restore label ${label}`, changes: [edit] }] : [];
    }
    default:
      return [];
  }
}

/** A literal that still says `from` (quoted as Go or YAML quote it, or a plain YAML scalar), written to say `to` in the same
 *  style where that style can hold it, else double-quoted; undefined when the literal says something else by now. */
function rewritten(current: string, from: string, to: string): string | undefined {
  const quoted = /^(["'`])(.*)\1$/s.exec(current);
  if (quoted) {
    const [, quote, inner] = quoted;
    const said = quote === '"' ? parsedDoubleQuoted(current) : quote === "'" ? inner.replace(/''/g, "'") : inner;
    if (said !== from) return undefined;
    if (quote === "'") return `'${to.replace(/'/g, "''")}'`;
    if (quote === '`' && !to.includes('`')) return `\`${to}\``;
    return JSON.stringify(to);
  }
  if (current.trim() !== from) return undefined;
  // A plain YAML scalar stays plain when the new value reads back as the same text (`{…}`, `#`, `:` and the like do not).
  return /^[A-Za-z0-9_][A-Za-z0-9_./%-]*$/.test(to) ? to : JSON.stringify(to);
}

function parsedDoubleQuoted(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/** Whether the place still holds the quoted name (no name recorded: whether it holds anything). */
async function holds(places: readonly Location[], name: unknown, texts: FileTexts): Promise<boolean> {
  const [place] = places;
  const file = place && (await texts.of(place.file));
  if (!file) return false;
  const current = file.text.slice(file.lines.offsetAt(place.range.start), file.lines.offsetAt(place.range.end));
  return typeof name !== 'string' || /^(["`])(.*)\1$/s.exec(current)?.[2] === name;
}

/** Whether `at` is still the end of a call's arguments: the closing parenthesis follows (after an optional trailing comma),
 *  and for a call without values, the opening one precedes. */
async function atArgumentsEnd(at: Location, first: boolean, texts: FileTexts): Promise<boolean> {
  const file = await texts.of(at.file);
  if (!file) return false;
  const offset = file.lines.offsetAt(at.range.start);
  if (!/^\s*(,\s*)?\)/.test(file.text.slice(offset, offset + 200))) return false;
  return !first || /\(\s*$/.test(file.text.slice(Math.max(0, offset - 200), offset));
}

function one(title: string, changes: FileEdit[] | undefined): Fix[] {
  return changes && changes.length > 0 ? [{ title, changes }] : [];
}

/** The head's texts, each read once: the finding's own file is the one the fix was asked on. */
class FileTexts {
  private readonly known = new Map<string, Promise<{ text: string; lines: LineIndex } | undefined>>();
  constructor(
    file: string,
    private readonly head: FixHead,
  ) {
    this.known.set(file, Promise.resolve({ text: head.text, lines: new LineIndex(head.text) }));
  }
  of(file: string): Promise<{ text: string; lines: LineIndex } | undefined> {
    let entry = this.known.get(file);
    if (!entry) {
      entry = this.head.tree.read(file).then((text) => (text === undefined ? undefined : { text, lines: new LineIndex(text) }));
      this.known.set(file, entry);
    }
    return entry;
  }
}

/** Each place renamed from `from` to `to`, quotes kept (`"code"` in Go, `code` in PromQL); with `prefix`, only the start of
 *  the text is the name (`old_bucket` → `new_bucket`). Places that no longer hold `from` are left out; none left, no fix. */
async function renamed(places: readonly Location[], from: string | undefined, to: string, texts: FileTexts, prefix = false): Promise<FileEdit[] | undefined> {
  const byFile = new Map<string, TextEdit[]>();
  for (const place of places) {
    const file = await texts.of(place.file);
    if (!file) continue;
    const current = file.text.slice(file.lines.offsetAt(place.range.start), file.lines.offsetAt(place.range.end));
    const quote = /^(["'`])(.*)\1$/s.exec(current);
    const inner = quote ? quote[2] : current;
    let replacement: string | undefined;
    if (from === undefined || inner === from) replacement = to;
    else if (prefix && inner.startsWith(from)) replacement = to + inner.slice(from.length);
    if (replacement === undefined) continue;
    const newText = quote ? (quote[1] === '"' ? JSON.stringify(replacement) : `${quote[1]}${replacement}${quote[1]}`) : replacement;
    const edits = byFile.get(place.file) ?? [];
    edits.push({ range: place.range, newText });
    byFile.set(place.file, edits);
  }
  return [...byFile].map(([file, edits]) => ({ file, edits }));
}
