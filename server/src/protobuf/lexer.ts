// A pull lexer for .proto text: one token at a time, offsets only (positions are computed on demand by the parser).
// It never throws: unknown characters become 'junk' tokens and unterminated strings or comments end at end of line or text.

export type TokenKind = 'ident' | 'int' | 'float' | 'string' | 'symbol' | 'junk' | 'eof';

export class Lexer {
  kind: TokenKind = 'eof';
  start = 0;
  end = 0;
  /** Identifier, symbol or number text; for strings the decoded value. */
  value = '';
  /** Start offset of the comment block attached to this token (no blank line in between), or -1. */
  commentStart = -1;
  /** End offset of the attached comment block, or -1; the parser reads the lines only for declarations. */
  commentEnd = -1;
  /** Whether no other token precedes this one on its line. */
  atLineStart = true;
  /** Set when a string or block comment ran off its end. */
  problem: string | undefined;
  /** Where the comment that ran off the end of the text opened. */
  problemStart: number | undefined;
  private position = 0;

  constructor(readonly text: string) {
    this.next();
  }

  // Read through methods so that TypeScript does not narrow a value that next() changes.
  tokenKind(): TokenKind {
    return this.kind;
  }
  tokenValue(): string {
    return this.value;
  }

  /** The identifier after the current token, without moving: one token of lookahead for contextual keywords. */
  peekIdent(): string | undefined {
    return this.peek('ident');
  }

  /** The symbol after the current token, without moving. */
  peekSymbol(): string | undefined {
    return this.peek('symbol');
  }

  private peek(kind: TokenKind): string | undefined {
    const saved = [
      this.kind,
      this.start,
      this.end,
      this.value,
      this.commentStart,
      this.commentEnd,
      this.atLineStart,
      this.problem,
      this.problemStart,
      this.position,
    ] as const;
    this.next();
    const found = this.kind === kind ? this.value : undefined;
    [this.kind, this.start, this.end, this.value, this.commentStart, this.commentEnd, this.atLineStart, this.problem, this.problemStart, this.position] = saved;
    return found;
  }

  next(): void {
    const text = this.text;
    const length = text.length;
    let i = this.position;
    let lineStart = this.end === 0 && i === 0;
    this.commentStart = -1;
    this.commentEnd = -1;
    this.problem = undefined;
    this.problemStart = undefined;
    let blankSinceComment = false;
    let newlines = 0;
    for (;;) {
      if (i >= length) break;
      const c = text.charCodeAt(i);
      if (c === 10) {
        lineStart = true;
        newlines++;
        if (newlines >= 2) blankSinceComment = true;
        i++;
      } else if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
        i++;
      } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        let e = text.indexOf('\n', i);
        if (e < 0) e = length;
        if (!lineStart) {
          // A comment after a token on the same line trails that token; it leads nothing.
          i = e;
          continue;
        }
        if (this.commentStart < 0 || blankSinceComment) this.commentStart = i;
        this.commentEnd = e;
        blankSinceComment = false;
        newlines = 0;
        i = e;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        let e = text.indexOf('*/', i + 2);
        if (e < 0) {
          this.problem = 'unterminated comment';
          this.problemStart = i;
          e = length;
        } else e += 2;
        if (!lineStart) {
          i = e;
          continue;
        }
        if (this.commentStart < 0 || blankSinceComment) this.commentStart = i;
        this.commentEnd = e;
        blankSinceComment = false;
        newlines = 0;
        i = e;
      } else break;
    }
    // A comment separated from the token by a blank line is detached, not leading.
    if (this.commentStart >= 0 && newlines >= 2) {
      this.commentStart = -1;
      this.commentEnd = -1;
    }
    this.atLineStart = lineStart;
    this.start = i;
    if (i >= length) {
      this.kind = 'eof';
      this.end = this.position = length;
      this.value = '';
      return;
    }
    const c = text.charCodeAt(i);
    if (isIdentStart(c)) {
      // The rest of the name in one native scan: identifiers are most of a file's tokens.
      IDENTIFIER_REST.lastIndex = i + 1;
      IDENTIFIER_REST.test(text);
      const e = IDENTIFIER_REST.lastIndex;
      this.kind = 'ident';
      this.value = text.slice(i, e);
      this.end = this.position = e;
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let e = i;
      let isFloat = false;
      if (c === 48 && (text.charCodeAt(i + 1) | 32) === 120) {
        e += 2;
        while (e < length && isHex(text.charCodeAt(e))) e++;
      } else {
        while (e < length) {
          const d = text.charCodeAt(e);
          if (isDigit(d)) e++;
          else if (d === 46) {
            isFloat = true;
            e++;
          } else if ((d | 32) === 101) {
            isFloat = true;
            e++;
            const sign = text.charCodeAt(e);
            if (sign === 43 || sign === 45) e++;
          } else break;
        }
        // inf/nan-like suffixes are not numbers in proto; identifiers glued to digits are junk the parser rejects.
        while (e < length && isIdentPart(text.charCodeAt(e))) {
          isFloat = true;
          e++;
        }
      }
      this.kind = isFloat ? 'float' : 'int';
      this.value = text.slice(i, e);
      this.end = this.position = e;
      return;
    }
    if (c === 34 || c === 39) {
      let e = i + 1;
      let value = '';
      let chunk = e;
      for (;;) {
        if (e >= length) {
          this.problem = 'unterminated string';
          break;
        }
        const d = text.charCodeAt(e);
        if (d === c) {
          value += text.slice(chunk, e);
          e++;
          break;
        }
        if (d === 10) {
          value += text.slice(chunk, e);
          this.problem = 'unterminated string';
          break;
        }
        if (d === 92) {
          // Escapes stand for bytes (octal and hex) or code points; the text is the UTF-8 those bytes spell.
          value += text.slice(chunk, e);
          const [decoded, after] = decodeEscapes(text, e);
          value += decoded;
          e = chunk = after;
          continue;
        }
        e++;
      }
      this.kind = 'string';
      this.value = value;
      this.end = this.position = e;
      return;
    }
    if (c < 128 && IS_SYMBOL[c] === 1) {
      this.kind = 'symbol';
      this.value = text[i];
      this.end = this.position = i + 1;
      return;
    }
    let e = i + 1;
    // Surrogate pairs stay whole so that ranges never split a character.
    if (c >= 0xd800 && c <= 0xdbff && e < length) e++;
    this.kind = 'junk';
    this.value = text.slice(i, e);
    this.end = this.position = e;
  }
}

const SYMBOLS = '{}[]()<>;,=.:-+/';
const IS_SYMBOL = new Uint8Array(128);
for (const symbol of SYMBOLS) IS_SYMBOL[symbol.charCodeAt(0)] = 1;
const IDENTIFIER_REST = /[A-Za-z0-9_]*/y;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** Decodes a run of adjacent escapes starting at `at`, so that byte escapes forming one UTF-8 sequence decode together. */
function decodeEscapes(text: string, at: number): [string, number] {
  const bytes: number[] = [];
  let e = at;
  while (text.charCodeAt(e) === 92 && e + 1 < text.length) {
    const c = text[e + 1];
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      bytes.push(simple);
      e += 2;
    } else if (c >= '0' && c <= '7') {
      let end = e + 2;
      while (end < e + 4 && text[end] >= '0' && text[end] <= '7') end++;
      bytes.push(parseInt(text.slice(e + 1, end), 8) & 0xff);
      e = end;
    } else if (c === 'x' || c === 'X') {
      let end = e + 2;
      while (end < e + 4 && isHex(text.charCodeAt(end))) end++;
      bytes.push(end > e + 2 ? parseInt(text.slice(e + 2, end), 16) : 0);
      e = end;
    } else if (c === 'u' || c === 'U') {
      let end = e + 2;
      while (end < e + (c === 'u' ? 6 : 10) && isHex(text.charCodeAt(end))) end++;
      const code = end > e + 2 ? parseInt(text.slice(e + 2, end), 16) : 0;
      bytes.push(...Buffer.from(String.fromCodePoint(code <= 0x10ffff ? code : 0xfffd), 'utf8'));
      e = end;
    } else if (c === '\n') {
      break;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
      e += 2;
    }
  }
  if (e === at) return ['', at + 1];
  return [Buffer.from(bytes).toString('utf8'), e];
}

const SIMPLE_ESCAPES: Record<string, number | undefined> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63 };
