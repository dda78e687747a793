// A tolerant recursive-descent parser for proto2, proto3 and editions files. It never throws and always ends:
// every loop consumes a token or stops, errors are recorded with ranges, and the body they occur in is marked damaged.
import type { Range } from '../engine/range';
import { runSteps, type Steps } from '../engine/slices';
import type {
  CompactOption,
  Declaration,
  EnumDecl,
  EnumValueDecl,
  ExtendDecl,
  ExtensionRangeDecl,
  FieldDecl,
  ImportDecl,
  Label,
  MessageDecl,
  MessageMember,
  OneofDecl,
  OptionDecl,
  ProtoFileAst,
  ReservedDecl,
  RpcDecl,
  ServiceDecl,
  Visibility,
} from './ast';
import { Lexer } from './lexer';
import { NO_ITEMS, settled, settleLists } from './lists';
import { OffsetRange } from './offsetRange';

export const MAX_FIELD_NUMBER = 536870911;
export const MAX_ENUM_NUMBER = 2147483647;
/** buf refuses a message nested this deep ("message nesting depth must be less than 32"); the parser reads no deeper. */
export const MAX_MESSAGE_NESTING = 32;
/** The editions buf 1.75 compiles. */
const KNOWN_EDITIONS = new Set(['2023', '2024']);

const STATEMENT_KEYWORDS = new Set([
  'message',
  'enum',
  'service',
  'oneof',
  'extend',
  'option',
  'reserved',
  'extensions',
  'map',
  'optional',
  'required',
  'repeated',
  'import',
  'package',
  'syntax',
  'edition',
  'rpc',
  'group',
]);

interface Scope {
  damaged: boolean;
}

/** Where a statement starts, with the comments before it (a declaration keeps those as its leading comments). */
interface StatementStart {
  start: number;
  leading: number;
  comments: number;
}

function pushDefined<T>(list: T[], item: T | undefined): void {
  if (item) list.push(item);
}

const MESSAGE_LISTS = ['members', 'fields', 'oneofs', 'messages', 'enums', 'extends', 'reserved', 'extensionRanges', 'options'] as const;

export function parseProto(text: string): ProtoFileAst {
  return runSteps(new Parser(text).parseFile());
}

/** The parse in steps: it yields every few dozen top-level statements (a large file takes a long while). */
export function parseProtoSteps(text: string): Steps<ProtoFileAst> {
  return new Parser(text).parseFile();
}

/** Top-level statements parsed between two yields of `parseProtoSteps`. */
const STATEMENTS_PER_STEP = 64;

class Parser {
  private readonly lx: Lexer;
  private readonly lineStarts: number[];
  private readonly scopes: Scope[] = [];
  private readonly file: ProtoFileAst;

  constructor(private readonly text: string) {
    this.lx = new Lexer(text);
    this.lineStarts = lineStartsOf(text);
    this.file = {
      syntax: { syntax: 'proto2', range: undefined },
      packageName: undefined,
      packageRange: undefined,
      imports: [],
      options: [],
      messages: [],
      enums: [],
      services: [],
      extends: [],
      problems: [],
      damaged: false,
    };
    this.scopes.push(this.file);
  }

  // ---- positions, tokens, errors ----

  // Positions are computed when read: most ranges of a large module are never looked at.
  private range(start: number, end: number): Range {
    return new OffsetRange(this.lineStarts, start, end);
  }

  private tokenRange(): Range {
    return this.range(this.lx.start, this.lx.end);
  }

  private is(value: string): boolean {
    return (this.lx.tokenKind() === 'symbol' || this.lx.tokenKind() === 'ident') && this.lx.tokenValue() === value;
  }

  private eat(value: string): boolean {
    if (!this.is(value)) return false;
    this.advance();
    return true;
  }

  private lastEnd = 0;
  private advance(): void {
    this.lastEnd = this.lx.end;
    if (this.lx.problem) this.error(this.lx.problem, this.lx.start, this.lx.end);
    this.lx.next();
  }

  private describe(): string {
    if (this.lx.tokenKind() === 'eof') return 'end of file';
    if (this.lx.tokenKind() === 'string') return 'a string';
    return `'${this.lx.tokenValue().length > 20 ? this.lx.tokenValue().slice(0, 20) + '…' : this.lx.tokenValue()}'`;
  }

  /** Records a problem and marks every open body as possibly hiding declarations. */
  private error(message: string, start = this.lx.start, end = Math.max(this.lx.end, start)): void {
    if (this.file.problems.length < 200) this.file.problems.push({ range: this.range(start, end), message });
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      this.scopes[i].damaged = true;
      // An error inside a body cannot hide top-level declarations unless that body never closes (handled at EOF).
      if (i === 1) break;
    }
    if (this.scopes.length === 1) this.file.damaged = true;
  }

  /** A problem that makes the whole file unreadable as buf would read it; the first one is kept. */
  private fileError(message: string, start: number, end: number): void {
    this.error(message, start, end);
    this.file.fileProblem ??= { range: this.range(start, end), message };
    this.file.damaged = true;
  }

  private expected(what: string): void {
    this.error(`expected ${what}, found ${this.describe()}`);
  }

  /** Skips to the end of the broken statement: past `;`, before the `}` closing the body, or before a keyword starting a line. */
  private recover(): void {
    let depth = 0;
    let first = true;
    for (;;) {
      const kind = this.lx.tokenKind();
      const value = this.lx.tokenValue();
      if (kind === 'eof') return;
      if (kind === 'symbol') {
        if (value === ';' && depth === 0) {
          this.advance();
          return;
        }
        if (value === '}') {
          if (depth === 0) return;
          depth--;
          this.advance();
          if (depth === 0 && !first) return;
          first = false;
          continue;
        }
        if (value === '{') depth++;
      } else if (!first && depth === 0 && kind === 'ident' && this.lx.atLineStart && STATEMENT_KEYWORDS.has(value)) {
        return;
      }
      first = false;
      this.advance();
    }
  }

  private endStatement(): boolean {
    if (this.eat(';')) return true;
    this.expected("';'");
    // A missing ';' before a new line keeps the next statement intact.
    if (!this.lx.atLineStart || this.lx.tokenKind() === 'eof') this.recover();
    return false;
  }

  private declaration(start: number, leading: number, comments: number): Declaration {
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
    };
  }

  private ident(): string | undefined {
    if (this.lx.tokenKind() !== 'ident') return undefined;
    const value = this.lx.tokenValue();
    this.advance();
    return value;
  }

  /** `a.b.c` or `.a.b.c` */
  private typeName(): string | undefined {
    let name = '';
    if (this.eat('.')) name = '.';
    const first = this.ident();
    if (first === undefined) return undefined;
    name += first;
    while (this.is('.')) {
      this.advance();
      const part = this.ident();
      if (part === undefined) {
        this.expected('an identifier');
        return name;
      }
      name += '.' + part;
    }
    return name;
  }

  private integer(allowNegative: boolean): number | undefined {
    let sign = 1;
    if (allowNegative && this.eat('-')) sign = -1;
    if (this.lx.tokenKind() !== 'int') return undefined;
    const raw = this.lx.tokenValue();
    this.advance();
    let value: number;
    if (/^0[xX]/.test(raw)) value = parseInt(raw.slice(2), 16);
    else if (/^0[0-7]+$/.test(raw)) value = parseInt(raw, 8);
    else value = Number(raw);
    return Number.isFinite(value) ? sign * value : undefined;
  }

  // ---- file ----

  *parseFile(): Steps<ProtoFileAst> {
    const lx = this.lx;
    let guard = 0;
    let isFirstStatement = true;
    while (lx.tokenKind() !== 'eof') {
      if (guard % STATEMENTS_PER_STEP === STATEMENTS_PER_STEP - 1) yield;
      const before = lx.start;
      const problemsBefore = this.file.problems.length;
      this.topLevelStatement();
      if (lx.start === before && lx.tokenKind() !== 'eof') {
        // No statement consumed anything (a stray '}'): report it and move on so that the loop always ends.
        this.error(`unexpected ${this.describe()}`);
        this.advance();
      }
      // A first statement that does not read, in a file without a syntax or edition statement, is most likely that
      // statement half-typed or misspelt (`syntx = "proto3";`): reading the file as proto2 would misread every field.
      if (isFirstStatement && this.file.problems.length > problemsBefore && this.file.syntax.range === undefined) {
        const first = this.file.problems[problemsBefore];
        this.file.fileProblem ??= {
          range: first.range,
          message: `the first statement is not a syntax or edition statement (${first.message}), so the file's syntax is unknown`,
        };
        this.file.damaged = true;
      }
      isFirstStatement = false;
      if (++guard > 10_000_000) break;
    }
    // An unterminated comment runs to the end of the text: its problem rides on the end-of-file token, which nothing advances
    // past. Everything after its start is gone, whichever body it opened in.
    if (lx.problem) {
      const at = lx.problemStart ?? lx.start;
      const { line, character } = this.range(at, at).start;
      this.fileError(
        `a comment opened at ${line + 1}:${character + 1} is never closed: it swallows the rest of the file`,
        at,
        Math.min(at + 2, this.text.length),
      );
    }
    settleLists(this.file, 'imports', 'options', 'messages', 'enums', 'services', 'extends', 'problems');
    return this.file;
  }

  private topLevelStatement(): void {
    const lx = this.lx;
    const statement: StatementStart = { start: lx.start, leading: lx.commentStart, comments: lx.commentEnd };
    if (this.eat(';')) return;
    if (lx.tokenKind() !== 'ident') {
      this.error(`unexpected ${this.describe()}`);
      this.recover();
      return;
    }
    const handler = Parser.topLevelHandlers.get(lx.tokenValue());
    if (handler) {
      handler(this, statement);
      return;
    }
    this.error(`unexpected ${this.describe()} at the top level`);
    this.recover();
  }

  // A Map, not an object literal: an identifier such as `constructor` must not find a handler.
  private static readonly topLevelHandlers: ReadonlyMap<string, (parser: Parser, statement: StatementStart) => void> = new Map([
    ['syntax', (parser, statement) => parser.syntaxStatement(statement)],
    ['edition', (parser, statement) => parser.syntaxStatement(statement)],
    ['package', (parser, statement) => parser.packageStatement(statement)],
    ['import', (parser, statement) => parser.importStatement(statement)],
    ['option', (parser) => pushDefined(parser.file.options, parser.optionStatement())],
    ['message', (parser) => pushDefined(parser.file.messages, parser.message())],
    ['enum', (parser) => pushDefined(parser.file.enums, parser.enumDecl())],
    ['service', (parser) => pushDefined(parser.file.services, parser.service())],
    ['extend', (parser) => pushDefined(parser.file.extends, parser.extend())],
    ['export', (parser, statement) => parser.visibleTopLevel(statement)],
    ['local', (parser, statement) => parser.visibleTopLevel(statement)],
  ]);

  /**
   * Edition 2024's `export` / `local` before `message` or `enum`; anywhere else the word is a name (a field's type),
   * so it is a keyword only when one of those follows. Advances past it when it is one.
   */
  private visibility(): Visibility | undefined {
    const value = this.lx.tokenValue();
    if (this.lx.tokenKind() !== 'ident' || (value !== 'export' && value !== 'local')) return undefined;
    const next = this.lx.peekIdent();
    if (next !== 'message' && next !== 'enum') return undefined;
    this.advance();
    return value;
  }

  /** A declaration after its visibility keyword: buf's span starts at `message`/`enum`, its leading comments before the keyword. */
  private withVisibility<T extends MessageDecl | EnumDecl | FieldDecl>(
    decl: T | undefined,
    visibility: Visibility,
    { start, leading, comments }: StatementStart,
  ): T | undefined {
    if (!decl || !('bodyRange' in decl)) return decl;
    decl.visibility = visibility;
    decl.leadingOffset = leading >= 0 ? leading : start;
    decl.leadingCommentEnd = comments;
    return decl;
  }

  private visibleTopLevel(statement: StatementStart): void {
    const visibility = this.visibility();
    if (visibility === undefined) {
      this.error(`unexpected ${this.describe()} at the top level`);
      this.recover();
    } else if (this.is('message')) pushDefined(this.file.messages, this.withVisibility(this.message(), visibility, statement));
    else pushDefined(this.file.enums, this.withVisibility(this.enumDecl(), visibility, statement));
  }

  /** In a message body: a nested message or enum with its visibility, or a field whose type is named `export` or `local`. */
  private visibleMember(message: MessageDecl): MessageMember | undefined {
    const lx = this.lx;
    const statement: StatementStart = { start: lx.start, leading: lx.commentStart, comments: lx.commentEnd };
    const visibility = this.visibility();
    if (visibility === undefined) return this.field(true);
    return this.withVisibility(this.is('message') ? this.messageOrField(message) : this.enumDecl(), visibility, statement);
  }

  /** Adjacent string literals are one string, wherever protoc reads a string (`"a" "b"` is `"ab"`). */
  private stringValue(): string | undefined {
    if (this.lx.tokenKind() !== 'string') return undefined;
    let value = '';
    while (this.lx.tokenKind() === 'string') {
      value += this.lx.tokenValue();
      this.advance();
    }
    return value;
  }

  /** `syntax = "proto3";` or `edition = "2023";`. */
  private syntaxStatement({ start }: StatementStart): void {
    const lx = this.lx;
    const keyword = lx.tokenValue();
    const problemsBefore = this.file.problems.length;
    // Every field's presence depends on this statement: if it does not read, nothing in the file can be compared.
    const unreadable = () => {
      const first = this.file.problems[problemsBefore];
      this.file.fileProblem ??= { range: first.range, message: `the ${keyword} statement does not read (${first.message}), so the file's syntax is unknown` };
      this.file.damaged = true;
    };
    this.advance();
    if (!this.eat('=')) {
      this.expected("'='");
      this.recover();
      unreadable();
      return;
    }
    const value = this.stringValue();
    if (value === undefined) {
      this.expected('a string');
      this.recover();
      unreadable();
      return;
    }
    // A string that ran off its line (`syntax = "proto3`) may still read as a value, but not as one the author finished.
    if (this.file.problems.length > problemsBefore) {
      this.recover();
      unreadable();
      return;
    }
    const valueEnd = this.lastEnd;
    this.endStatement();
    const range = this.range(start, this.lastEnd);
    if (keyword === 'syntax') {
      if (value === 'proto2' || value === 'proto3') this.file.syntax = { syntax: value, range };
      else {
        this.error(`unknown syntax "${value}"`, start, valueEnd);
        unreadable();
      }
    } else if (KNOWN_EDITIONS.has(value)) this.file.syntax = { syntax: 'editions', edition: value, range };
    else {
      this.error(`unknown edition "${value}"`, start, valueEnd);
      unreadable();
    }
  }

  private packageStatement({ start }: StatementStart): void {
    this.advance();
    const name = this.typeName();
    if (name === undefined) {
      this.expected('a package name');
      this.recover();
      return;
    }
    this.endStatement();
    this.file.packageName = name;
    this.file.packageRange = this.range(start, this.lastEnd);
  }

  private importStatement({ start, leading, comments }: StatementStart): void {
    const lx = this.lx;
    this.advance();
    let modifier: ImportDecl['modifier'];
    if (this.is('public') || this.is('weak') || this.is('option')) {
      modifier = lx.tokenValue() as ImportDecl['modifier'];
      this.advance();
    }
    const path = this.stringValue();
    if (path === undefined) {
      this.expected('an import path string');
      this.recover();
      return;
    }
    this.endStatement();
    this.file.imports.push({
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      path,
      modifier,
    });
  }

  // ---- options ----

  private optionName(): string | undefined {
    let name = '';
    for (;;) {
      if (this.eat('(')) {
        const inner = this.typeName();
        if (inner === undefined || !this.eat(')')) return undefined;
        name += `(${inner})`;
      } else {
        const part = this.ident();
        if (part === undefined) return undefined;
        name += part;
      }
      if (!this.is('.')) return name;
      this.advance();
      name += '.';
    }
  }

  private optionValue(): Pick<OptionDecl, 'value' | 'valueText' | 'valueKind'> | undefined {
    const lx = this.lx;
    const start = lx.start;
    if (this.is('{')) {
      let depth = 0;
      do {
        if (this.is('{')) depth++;
        else if (this.is('}')) depth--;
        this.advance();
      } while (depth > 0 && lx.tokenKind() !== 'eof');
      if (depth > 0) this.error("expected '}' closing the option value");
      const valueText = this.text.slice(start, this.lastEnd);
      return { value: valueText, valueText, valueKind: 'aggregate' };
    }
    const text = this.stringValue();
    if (text !== undefined) return { value: text, valueText: this.text.slice(start, this.lastEnd), valueKind: 'string' };
    let sign = '';
    if (this.is('-') || this.is('+')) {
      sign = lx.tokenValue() === '-' ? '-' : '';
      this.advance();
    }
    if (lx.tokenKind() === 'int' || lx.tokenKind() === 'float' || lx.tokenKind() === 'ident') {
      const valueKind = lx.tokenKind() as 'int' | 'float' | 'ident';
      const value = sign + lx.tokenValue();
      this.advance();
      return { value, valueText: this.text.slice(start, this.lastEnd), valueKind };
    }
    return undefined;
  }

  private optionStatement(): OptionDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const name = this.optionName();
    if (name === undefined) {
      this.expected('an option name');
      this.recover();
      return undefined;
    }
    if (!this.eat('=')) {
      this.expected("'='");
      this.recover();
      return undefined;
    }
    const value = this.optionValue();
    if (!value) {
      this.expected('an option value');
      this.recover();
      return undefined;
    }
    this.endStatement();
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      name,
      value: value.value,
      valueText: value.valueText,
      valueKind: value.valueKind,
    };
  }

  /** `[a = 1, (b).c = "x"]`, after the opening bracket was seen. */
  private compactOptions(): CompactOption[] {
    const options: CompactOption[] = [];
    this.advance();
    for (;;) {
      const start = this.lx.start;
      const name = this.optionName();
      if (name === undefined || !this.eat('=')) {
        this.expected('an option');
        break;
      }
      const value = this.optionValue();
      if (!value) {
        this.expected('an option value');
        break;
      }
      options.push({ name, value: value.value, valueKind: value.valueKind, range: this.range(start, this.lastEnd) });
      if (this.eat(',')) continue;
      if (this.eat(']')) return settled(options);
      this.expected("',' or ']'");
      break;
    }
    // Skip to the closing bracket, unless the statement ends first.
    while (this.lx.tokenKind() !== 'eof' && !this.is(']') && !this.is(';') && !this.is('}') && !this.is('{')) this.advance();
    this.eat(']');
    return settled(options);
  }

  // ---- messages ----

  private newMessage(name: string, nameRange: Range): MessageDecl {
    return {
      range: nameRange,
      startOffset: 0,
      endOffset: 0,
      leadingOffset: 0,
      leadingCommentEnd: -1,
      name,
      nameRange,
      bodyRange: nameRange,
      bodyStartOffset: 0,
      bodyEndOffset: 0,
      members: [],
      fields: [],
      oneofs: [],
      messages: [],
      enums: [],
      extends: [],
      reserved: [],
      extensionRanges: [],
      options: [],
      damaged: false,
    };
  }

  private message(): MessageDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const nameStart = lx.start;
    const name = this.ident();
    if (name === undefined) {
      this.expected('a message name');
      this.recover();
      return undefined;
    }
    const message = this.newMessage(name, this.range(nameStart, this.lastEnd));
    if (!this.is('{')) {
      this.expected("'{'");
      this.recover();
      return undefined;
    }
    this.messageBody(message);
    Object.assign(message, this.declaration(start, leading, comments));
    return message;
  }

  /** Parses `{ … }` into the message; the current token is `{`. */
  private messageBody(message: MessageDecl): void {
    const lx = this.lx;
    message.bodyStartOffset = lx.start;
    if (this.scopes.length >= MAX_MESSAGE_NESTING) {
      // buf refuses the file; skipping the body without recursing also means no input can exhaust the stack.
      this.fileError(
        `message "${message.name}" is nested ${this.scopes.length} deep: buf refuses more than ${MAX_MESSAGE_NESTING - 1} ("message nesting depth must be less than ${MAX_MESSAGE_NESTING}")`,
        message.bodyStartOffset,
        message.bodyStartOffset + 1,
      );
      message.damaged = true;
      let depth = 0;
      do {
        if (this.is('{')) depth++;
        else if (this.is('}')) depth--;
        this.advance();
      } while (depth > 0 && lx.tokenKind() !== 'eof');
      if (depth > 0) this.unclosed('message', message.name);
      settleLists(message, ...MESSAGE_LISTS);
      message.bodyEndOffset = this.lastEnd;
      message.bodyRange = this.range(message.bodyStartOffset, this.lastEnd);
      return;
    }
    this.advance();
    this.scopes.push(message);
    for (;;) {
      if (lx.tokenKind() === 'eof') {
        this.unclosed('message', message.name);
        break;
      }
      if (this.is('}')) {
        this.advance();
        break;
      }
      const before = lx.start;
      this.messageStatement(message);
      if (lx.start === before && lx.tokenKind() !== 'eof' && !this.is('}')) {
        this.error(`unexpected ${this.describe()}`);
        this.advance();
      }
    }
    this.scopes.pop();
    settleLists(message, ...MESSAGE_LISTS);
    message.bodyEndOffset = this.lastEnd;
    message.bodyRange = this.range(message.bodyStartOffset, this.lastEnd);
  }

  private unclosed(what: string, name: string): void {
    this.error(`${what} "${name}" is missing its closing '}'`);
    for (const scope of this.scopes) scope.damaged = true;
    this.file.damaged = true;
  }

  private messageStatement(message: MessageDecl): void {
    const lx = this.lx;
    if (this.eat(';')) return;
    const handler = lx.tokenKind() === 'ident' ? Parser.messageHandlers.get(lx.tokenValue()) : undefined;
    if (handler) {
      const member = handler(this, message);
      if (member) this.addMember(message, member);
      return;
    }
    if (lx.tokenKind() === 'ident' || this.is('.')) {
      const field = this.field(true);
      if (field) this.addMember(message, field);
      return;
    }
    this.error(`unexpected ${this.describe()} in message "${message.name}"`);
    this.recover();
  }

  // Any other identifier starts a field; `message` may too (a field of a type named `message`), which messageOrField sorts out.
  private static readonly messageHandlers: ReadonlyMap<string, (parser: Parser, message: MessageDecl) => MessageMember | undefined> = new Map<
    string,
    (parser: Parser, message: MessageDecl) => MessageMember | undefined
  >([
    ['message', (parser, message) => parser.messageOrField(message)],
    ['enum', (parser) => parser.enumDecl()],
    ['oneof', (parser, message) => parser.oneof(message)],
    ['extend', (parser) => parser.extend()],
    ['option', (parser) => parser.optionStatement()],
    ['reserved', (parser) => parser.reserved(MAX_FIELD_NUMBER)],
    ['extensions', (parser) => parser.extensionRange()],
    ['export', (parser, message) => parser.visibleMember(message)],
    ['local', (parser, message) => parser.visibleMember(message)],
  ]);

  private addMember(message: MessageDecl, member: MessageMember): void {
    message.members.push(member);
    if ('bodyStartOffset' in member) message.messages.push(member);
    else if ('values' in member) message.enums.push(member);
    else if ('extendee' in member) message.extends.push(member);
    else if ('valueKind' in member) message.options.push(member);
    else if ('namesAsIdentifiers' in member) message.reserved.push(member);
    else if ('typeRange' in member) {
      message.fields.push(member);
      if (member.group) message.messages.push(member.group);
    } else if ('fields' in member) {
      message.oneofs.push(member);
      for (const field of member.fields) {
        message.fields.push(field);
        if (field.group) message.messages.push(field.group);
      }
    } else message.extensionRanges.push(member);
  }

  /** `message` starts a nested message, unless it is a field whose type is named `message`. */
  private messageOrField(_parent: MessageDecl): MessageDecl | FieldDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const nameStart = lx.start;
    const name = this.ident();
    if (name === undefined) {
      this.expected('a message name');
      this.recover();
      return undefined;
    }
    if (this.is('='))
      return this.fieldRest(start, leading, comments, undefined, 'message', this.range(start, start + 7), name, this.range(nameStart, this.lastEnd));
    const message = this.newMessage(name, this.range(nameStart, this.lastEnd));
    if (!this.is('{')) {
      this.expected("'{'");
      this.recover();
      return undefined;
    }
    this.messageBody(message);
    Object.assign(message, this.declaration(start, leading, comments));
    return message;
  }

  private field(allowLabel: boolean): FieldDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    let label: Label | undefined;
    if (allowLabel && (this.is('optional') || this.is('required') || this.is('repeated'))) {
      label = lx.tokenValue() as Label;
      this.advance();
    }
    const typeStart = lx.start;
    const isMap = this.is('map') && this.lx.peekSymbol() === '<';
    if (allowLabel && label === undefined && !isMap && this.file.syntax.syntax === 'proto2') this.unlabelledProto2Field(start);
    if (this.is('map')) {
      this.advance();
      if (this.eat('<')) return this.mapField(start, leading, comments, label, typeStart);
      // A type named `map`.
      return this.fieldAfterType(start, leading, comments, label, 'map', typeStart);
    }
    if (this.is('group')) {
      this.advance();
      if (lx.tokenKind() === 'ident') return this.group(start, leading, comments, label, typeStart);
      return this.fieldAfterType(start, leading, comments, label, 'group', typeStart);
    }
    const type = this.typeName();
    if (type === undefined) {
      this.expected('a field type');
      this.recover();
      return undefined;
    }
    return this.fieldAfterType(start, leading, comments, label, type, typeStart);
  }

  /** proto2 fields need a label (buf: "unexpected type name"); without any syntax statement, the file was probably meant as proto3. */
  private unlabelledProto2Field(start: number): void {
    const end = this.lx.end;
    if (this.file.syntax.range !== undefined) {
      this.error('a proto2 field needs a label (optional, required or repeated)', start, end);
      return;
    }
    this.fileError(
      'a field without a label (optional, required or repeated) in a file without a syntax statement, which makes it proto2: the syntax statement is probably missing',
      start,
      end,
    );
  }

  private fieldAfterType(start: number, leading: number, comments: number, label: Label | undefined, type: string, typeStart: number): FieldDecl | undefined {
    const typeRange = this.range(typeStart, this.lastEnd);
    const nameStart = this.lx.start;
    const name = this.ident();
    if (name === undefined) {
      this.expected('a field name');
      this.recover();
      return undefined;
    }
    return this.fieldRest(start, leading, comments, label, type, typeRange, name, this.range(nameStart, this.lastEnd));
  }

  /** From `=` on: number, options, `;`. A field missing only its number or `;` is kept, flagged by the error. */
  private fieldRest(
    start: number,
    leading: number,
    comments: number,
    label: Label | undefined,
    type: string,
    typeRange: Range,
    name: string,
    nameRange: Range,
  ): FieldDecl | undefined {
    let options: CompactOption[] = NO_ITEMS;
    if (!this.eat('=')) {
      this.expected("'='");
      this.recover();
      return undefined;
    }
    const numberStart = this.lx.start;
    const number = this.integer(false);
    if (number === undefined) {
      this.expected('a field number');
      this.recover();
      return undefined;
    }
    const numberRange = this.range(numberStart, this.lastEnd);
    if (this.is('[')) options = this.compactOptions();
    this.endStatement();
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      name,
      nameRange,
      number,
      numberRange,
      label,
      type,
      typeRange,
      options,
    };
  }

  private mapField(start: number, leading: number, comments: number, label: Label | undefined, typeStart: number): FieldDecl | undefined {
    const key = this.typeName();
    if (key === undefined || !this.eat(',')) {
      this.expected("a map key type and ','");
      this.recover();
      return undefined;
    }
    const value = this.typeName();
    if (value === undefined || !this.eat('>')) {
      this.expected("a map value type and '>'");
      this.recover();
      return undefined;
    }
    const field = this.fieldAfterType(start, leading, comments, label, `map<${key}, ${value}>`, typeStart);
    if (field) {
      field.mapKey = key;
      field.mapValue = value;
    }
    return field;
  }

  private group(start: number, leading: number, comments: number, label: Label | undefined, keywordStart: number): FieldDecl | undefined {
    const lx = this.lx;
    const nameStart = lx.start;
    const name = this.ident()!;
    const nameRange = this.range(nameStart, this.lastEnd);
    if (!this.eat('=')) {
      this.expected("'='");
      this.recover();
      return undefined;
    }
    const numberStart = lx.start;
    const number = this.integer(false);
    if (number === undefined) {
      this.expected('a field number');
      this.recover();
      return undefined;
    }
    const numberRange = this.range(numberStart, this.lastEnd);
    const options = this.is('[') ? this.compactOptions() : NO_ITEMS;
    if (!this.is('{')) {
      this.expected("'{'");
      this.recover();
      return undefined;
    }
    const message = this.newMessage(name, nameRange);
    this.messageBody(message);
    Object.assign(message, this.declaration(start, leading, comments));
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      // buf locates a group field's type at the `group` keyword.
      name: name.toLowerCase(),
      nameRange,
      number,
      numberRange,
      label,
      type: name,
      typeRange: this.range(keywordStart, keywordStart + 5),
      options,
      group: message,
    };
  }

  private oneof(_parent: MessageDecl): OneofDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const nameStart = lx.start;
    const name = this.ident();
    if (name === undefined || !this.is('{')) {
      this.expected(name === undefined ? 'a oneof name' : "'{'");
      this.recover();
      return undefined;
    }
    const oneof: OneofDecl = {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      name,
      nameRange: this.range(nameStart, this.lastEnd),
      fields: [],
      options: [],
    };
    this.advance();
    for (;;) {
      if (lx.tokenKind() === 'eof') {
        this.unclosed('oneof', name);
        break;
      }
      if (this.eat('}')) break;
      if (this.eat(';')) continue;
      const before = lx.start;
      if (this.is('option')) {
        const option = this.optionStatement();
        if (option) oneof.options.push(option);
      } else if (lx.tokenKind() === 'ident' || this.is('.')) {
        const field = this.field(false);
        if (field) oneof.fields.push(field);
      } else {
        this.error(`unexpected ${this.describe()} in oneof "${name}"`);
        this.recover();
      }
      if (lx.start === before && lx.tokenKind() !== 'eof' && !this.is('}')) this.advance();
    }
    settleLists(oneof, 'fields', 'options');
    Object.assign(oneof, this.declaration(start, leading, comments));
    return oneof;
  }

  private reserved(max: number): ReservedDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const decl = { ranges: [] as { start: number; end: number }[], names: [] as string[], namesAsIdentifiers: false };
    if (lx.tokenKind() === 'string' || lx.tokenKind() === 'ident') {
      for (;;) {
        const name = this.stringValue();
        if (name !== undefined) decl.names.push(name);
        else if (lx.tokenKind() === 'ident') {
          decl.names.push(lx.tokenValue());
          decl.namesAsIdentifiers = true;
          this.advance();
        } else {
          this.expected('a reserved name');
          this.recover();
          return undefined;
        }
        if (!this.eat(',')) break;
      }
    } else {
      const parsed = this.numberRanges(max, true);
      if (!parsed) return undefined;
      decl.ranges = parsed;
    }
    this.endStatement();
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      ranges: settled(decl.ranges),
      names: settled(decl.names),
      namesAsIdentifiers: decl.namesAsIdentifiers,
    };
  }

  private numberRanges(max: number, allowNegative: boolean): { start: number; end: number }[] | undefined {
    const ranges: { start: number; end: number }[] = [];
    for (;;) {
      const low = this.integer(allowNegative);
      if (low === undefined) {
        this.expected('a number');
        this.recover();
        return undefined;
      }
      let high = low;
      if (this.eat('to')) {
        if (this.eat('max')) high = max;
        else {
          const value = this.integer(allowNegative);
          if (value === undefined) {
            this.expected("a number or 'max'");
            this.recover();
            return undefined;
          }
          high = value;
        }
      }
      ranges.push({ start: low, end: high });
      if (!this.eat(',')) return ranges;
    }
  }

  private extensionRange(): ExtensionRangeDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const ranges = this.numberRanges(MAX_FIELD_NUMBER, false);
    if (!ranges) return undefined;
    const options = this.is('[') ? this.compactOptions() : NO_ITEMS;
    this.endStatement();
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      ranges: settled(ranges),
      options,
    };
  }

  private extend(): ExtendDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const extendee = this.typeName();
    if (extendee === undefined || !this.is('{')) {
      this.expected(extendee === undefined ? 'the extended message name' : "'{'");
      this.recover();
      return undefined;
    }
    const extend: ExtendDecl = {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      extendee,
      fields: [],
    };
    const scope: Scope = { damaged: false };
    this.scopes.push(scope);
    this.advance();
    for (;;) {
      if (lx.tokenKind() === 'eof') {
        this.unclosed('extend', extendee);
        break;
      }
      if (this.eat('}')) break;
      if (this.eat(';')) continue;
      const before = lx.start;
      if (lx.tokenKind() === 'ident' || this.is('.')) {
        const field = this.field(true);
        if (field) extend.fields.push(field);
      } else {
        this.error(`unexpected ${this.describe()} in extend "${extendee}"`);
        this.recover();
      }
      if (lx.start === before && lx.tokenKind() !== 'eof' && !this.is('}')) this.advance();
    }
    this.scopes.pop();
    settleLists(extend, 'fields');
    Object.assign(extend, this.declaration(start, leading, comments));
    return extend;
  }

  // ---- enums ----

  private enumDecl(): EnumDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const nameStart = lx.start;
    const name = this.ident();
    if (name === undefined || !this.is('{')) {
      this.expected(name === undefined ? 'an enum name' : "'{'");
      this.recover();
      return undefined;
    }
    const nameRange = this.range(nameStart, this.lastEnd);
    const decl: EnumDecl = {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      name,
      nameRange,
      bodyRange: nameRange,
      values: [],
      reserved: [],
      options: [],
      damaged: false,
    };
    const bodyStart = lx.start;
    this.advance();
    this.scopes.push(decl);
    for (;;) {
      if (lx.tokenKind() === 'eof') {
        this.unclosed('enum', name);
        break;
      }
      if (this.eat('}')) break;
      if (this.eat(';')) continue;
      const before = lx.start;
      const handler = lx.tokenKind() === 'ident' ? Parser.enumHandlers.get(lx.tokenValue()) : undefined;
      if (handler) handler(this, decl);
      else if (lx.tokenKind() === 'ident') {
        const value = this.enumValue();
        if (value) decl.values.push(value);
      } else {
        this.error(`unexpected ${this.describe()} in enum "${name}"`);
        this.recover();
      }
      if (lx.start === before && lx.tokenKind() !== 'eof' && !this.is('}')) this.advance();
    }
    this.scopes.pop();
    settleLists(decl, 'values', 'reserved', 'options');
    decl.bodyRange = this.range(bodyStart, this.lastEnd);
    Object.assign(decl, this.declaration(start, leading, comments));
    return decl;
  }

  // Any other identifier starts an enum value.
  private static readonly enumHandlers: ReadonlyMap<string, (parser: Parser, decl: EnumDecl) => void> = new Map<
    string,
    (parser: Parser, decl: EnumDecl) => void
  >([
    ['option', (parser, decl) => pushDefined(decl.options, parser.optionStatement())],
    ['reserved', (parser, decl) => pushDefined(decl.reserved, parser.reserved(MAX_ENUM_NUMBER))],
  ]);

  private enumValue(): EnumValueDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    const name = this.ident()!;
    const nameRange = this.range(start, this.lastEnd);
    if (!this.eat('=')) {
      this.expected("'='");
      this.recover();
      return undefined;
    }
    const numberStart = lx.start;
    const number = this.integer(true);
    if (number === undefined) {
      this.expected('an enum value number');
      this.recover();
      return undefined;
    }
    const numberRange = this.range(numberStart, this.lastEnd);
    const options = this.is('[') ? this.compactOptions() : NO_ITEMS;
    this.endStatement();
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      name,
      nameRange,
      number,
      numberRange,
      options,
    };
  }

  // ---- services ----

  private service(): ServiceDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const nameStart = lx.start;
    const name = this.ident();
    if (name === undefined || !this.is('{')) {
      this.expected(name === undefined ? 'a service name' : "'{'");
      this.recover();
      return undefined;
    }
    const nameRange = this.range(nameStart, this.lastEnd);
    const service: ServiceDecl = {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      name,
      nameRange,
      bodyRange: nameRange,
      rpcs: [],
      options: [],
      damaged: false,
    };
    const bodyStart = lx.start;
    this.advance();
    this.scopes.push(service);
    for (;;) {
      if (lx.tokenKind() === 'eof') {
        this.unclosed('service', name);
        break;
      }
      if (this.eat('}')) break;
      if (this.eat(';')) continue;
      const before = lx.start;
      const handler = lx.tokenKind() === 'ident' ? Parser.serviceHandlers.get(lx.tokenValue()) : undefined;
      if (handler) handler(this, service);
      else {
        this.error(`unexpected ${this.describe()} in service "${name}"`);
        this.recover();
      }
      if (lx.start === before && lx.tokenKind() !== 'eof' && !this.is('}')) this.advance();
    }
    this.scopes.pop();
    settleLists(service, 'rpcs', 'options');
    service.bodyRange = this.range(bodyStart, this.lastEnd);
    Object.assign(service, this.declaration(start, leading, comments));
    return service;
  }

  private static readonly serviceHandlers: ReadonlyMap<string, (parser: Parser, service: ServiceDecl) => void> = new Map<
    string,
    (parser: Parser, service: ServiceDecl) => void
  >([
    ['option', (parser, service) => pushDefined(service.options, parser.optionStatement())],
    ['rpc', (parser, service) => pushDefined(service.rpcs, parser.rpc())],
  ]);

  private rpcType(): { type: string; streaming: boolean; range: Range } | undefined {
    if (!this.eat('(')) return undefined;
    let streaming = false;
    // `stream` is a keyword only when a type follows it.
    if (this.is('stream')) {
      this.advance();
      if (this.is(')')) {
        this.advance();
        return { type: 'stream', streaming: false, range: this.range(this.lastEnd - 7, this.lastEnd - 1) };
      }
      streaming = true;
    }
    const typeStart = this.lx.start;
    const type = this.typeName();
    if (type === undefined) return undefined;
    const range = this.range(typeStart, this.lastEnd);
    if (!this.eat(')')) return undefined;
    return { type, streaming, range };
  }

  private rpc(): RpcDecl | undefined {
    const lx = this.lx;
    const start = lx.start;
    const leading = lx.commentStart;
    const comments = lx.commentEnd;
    this.advance();
    const nameStart = lx.start;
    const name = this.ident();
    if (name === undefined) {
      this.expected('an rpc name');
      this.recover();
      return undefined;
    }
    const nameRange = this.range(nameStart, this.lastEnd);
    const request = this.rpcType();
    if (!request || !this.eat('returns')) {
      this.expected(request ? "'returns'" : 'the request type in parentheses');
      this.recover();
      return undefined;
    }
    const response = this.rpcType();
    if (!response) {
      this.expected('the response type in parentheses');
      this.recover();
      return undefined;
    }
    const options: OptionDecl[] = [];
    if (this.is('{')) {
      this.advance();
      for (;;) {
        if (lx.tokenKind() === 'eof') {
          this.unclosed('rpc', name);
          break;
        }
        if (this.eat('}')) break;
        if (this.eat(';')) continue;
        const before = lx.start;
        if (this.is('option')) {
          const option = this.optionStatement();
          if (option) options.push(option);
        } else {
          this.error(`unexpected ${this.describe()} in rpc "${name}"`);
          this.recover();
        }
        if (lx.start === before && lx.tokenKind() !== 'eof' && !this.is('}')) this.advance();
      }
      this.eat(';');
    } else this.endStatement();
    return {
      range: this.range(start, this.lastEnd),
      startOffset: start,
      endOffset: this.lastEnd,
      leadingOffset: leading >= 0 ? leading : start,
      leadingCommentEnd: comments,
      name,
      nameRange,
      requestType: request.type,
      requestStreaming: request.streaming,
      requestTypeRange: request.range,
      responseType: response.type,
      responseStreaming: response.streaming,
      responseTypeRange: response.range,
      options: settled(options),
    };
  }
}

/** Offsets where lines start; a line ends at \n, \r\n or a lone \r, as LineIndex counts them. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
