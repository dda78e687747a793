// Where each character of a string value was written in its file: YAML scalars in every style (plain, quoted with escapes
// and folding, literal and folded blocks with indentation indicators and chomping) and JSON strings with escapes.
// `offsets[i]` is the file offset of value character i; one more entry, for the end of the value, follows the last.
import type { Scalar } from 'yaml';

const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

function skipBreak(source: string, at: number): number {
  return source[at] === '\r' && source[at + 1] === '\n' ? at + 2 : at + 1;
}

function skipBlanks(source: string, at: number, end: number): number {
  while (at < end && isBlank(source[at])) at++;
  return at;
}

/** A value being built beside its offsets. */
class Mapped {
  value = '';
  offsets: number[] = [];
  push(text: string, offset: number): void {
    this.value += text;
    for (let i = 0; i < text.length; i++) this.offsets.push(offset);
  }
  dropLast(count: number): void {
    if (count <= 0) return;
    this.value = this.value.slice(0, -count);
    this.offsets.length -= count;
  }
}

const YAML_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** Offsets of a YAML scalar's string value in `source` (the text the document was parsed from); undefined when the
 *  scalar is not a string or the value cannot be followed back to the source. */
export function yamlScalarOffsets(source: string, scalar: Scalar): number[] | undefined {
  if (typeof scalar.value !== 'string' || !scalar.range) return undefined;
  const [start, valueEnd] = scalar.range;
  let mapped: Mapped | undefined;
  switch (scalar.type) {
    case 'PLAIN':
      mapped = flowScalar(source, start, valueEnd, 'plain');
      break;
    case 'QUOTE_SINGLE':
      mapped = flowScalar(source, start + 1, valueEnd, 'single');
      break;
    case 'QUOTE_DOUBLE':
      mapped = flowScalar(source, start + 1, valueEnd, 'double');
      break;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      mapped = blockScalar(source, start, valueEnd, scalar.type === 'BLOCK_FOLDED', scalar.value);
      break;
  }
  if (!mapped || mapped.value !== scalar.value) return undefined;
  return mapped.offsets;
}

/** Plain and quoted scalars: line breaks fold to a space (or to one newline per empty line), blanks around them go. */
function flowScalar(source: string, from: number, end: number, style: 'plain' | 'single' | 'double'): Mapped {
  const out = new Mapped();
  let trailingBlanks = 0;
  let i = from;
  while (i < end) {
    const c = source[i];
    if (style === 'single' && c === "'") {
      if (source[i + 1] !== "'") break;
      out.push("'", i);
      trailingBlanks = 0;
      i += 2;
      continue;
    }
    if (style === 'double' && c === '"') break;
    if (style === 'double' && c === '\\') {
      const escape = source[i + 1];
      if (isBreak(escape)) {
        i = skipBlanks(source, skipBreak(source, i + 1), end);
        trailingBlanks = 0;
        continue;
      }
      const digits = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
      if (digits) {
        out.push(String.fromCodePoint(parseInt(source.slice(i + 2, i + 2 + digits), 16)), i);
        i += 2 + digits;
      } else {
        out.push(YAML_ESCAPES[escape] ?? escape, i);
        i += 2;
      }
      trailingBlanks = 0;
      continue;
    }
    if (isBreak(c)) {
      out.dropLast(trailingBlanks);
      trailingBlanks = 0;
      const breakAt = i;
      i = skipBlanks(source, skipBreak(source, i), end);
      let emptyLines = 0;
      while (i < end && isBreak(source[i])) {
        emptyLines++;
        i = skipBlanks(source, skipBreak(source, i), end);
      }
      out.push(emptyLines === 0 ? ' ' : '\n'.repeat(emptyLines), breakAt);
      continue;
    }
    out.push(c, i);
    trailingBlanks = isBlank(c) ? trailingBlanks + 1 : 0;
    i++;
  }
  out.offsets.push(i);
  return out;
}

interface BlockLine {
  start: number;
  /** Where the line's break (or the scalar) begins. */
  end: number;
}

/** Literal (`|`) and folded (`>`) blocks: indentation removed, chomping applied, and for `>` single breaks between text
 *  lines folded to spaces (breaks next to more-indented lines are kept). */
function blockScalar(source: string, start: number, end: number, folded: boolean, value: string): Mapped | undefined {
  let headerEnd = start;
  while (headerEnd < end && !isBreak(source[headerEnd])) headerEnd++;
  const header = source.slice(start + 1, headerEnd).replace(/\s+#.*$/, '');
  const chomping = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const lines: BlockLine[] = [];
  for (let at = headerEnd < end ? skipBreak(source, headerEnd) : end; at < end;) {
    let lineEnd = at;
    while (lineEnd < end && !isBreak(source[lineEnd])) lineEnd++;
    lines.push({ start: at, end: lineEnd });
    at = lineEnd < end ? skipBreak(source, lineEnd) : end;
  }
  // The indentation: the first text line's, less the spaces the value keeps (an explicit indicator keeps some).
  const firstText = lines.find((line) => source.slice(line.start, line.end).trim() !== '');
  let indent = 0;
  if (firstText) {
    const written = source.slice(firstText.start, firstText.end);
    const firstValueLine = value.replace(/^\n*/, '');
    indent = written.length - written.trimStart().length - (firstValueLine.length - firstValueLine.trimStart().length);
    if (indent < 0) return undefined;
  }
  const out = new Mapped();
  let emptyBefore: number[] = [];
  let previous: { end: number; moreIndented: boolean } | undefined;
  for (const line of lines) {
    const contentStart = Math.min(line.start + indent, line.end);
    const content = source.slice(contentStart, line.end);
    if (source.slice(line.start, line.end).trim() === '' && source.slice(line.start, line.end).length <= indent) {
      emptyBefore.push(line.start);
      continue;
    }
    const moreIndented = isBlank(content[0]);
    if (previous) {
      if (folded && !previous.moreIndented && !moreIndented && emptyBefore.length === 0) out.push(' ', previous.end);
      else {
        if (!folded || previous.moreIndented || moreIndented) out.push('\n', previous.end);
        for (const at of emptyBefore) out.push('\n', at);
      }
    } else for (const at of emptyBefore) out.push('\n', at);
    for (let i = 0; i < content.length; i++) out.push(content[i], contentStart + i);
    emptyBefore = [];
    previous = { end: line.end, moreIndented };
  }
  if (previous && chomping !== 'strip') {
    out.push('\n', previous.end);
    if (chomping === 'keep') for (const at of emptyBefore) out.push('\n', at);
  }
  out.offsets.push(previous ? previous.end : end);
  return out;
}

/** Offsets of the value of the JSON string whose opening quote is at `quote`; the last entry is its closing quote. */
export function jsonStringOffsets(text: string, quote: number): number[] {
  const offsets: number[] = [];
  let i = quote + 1;
  while (i < text.length && text[i] !== '"') {
    offsets.push(i);
    if (text[i] !== '\\') i++;
    else i += text[i + 1] === 'u' ? 6 : 2;
  }
  offsets.push(i);
  return offsets;
}
