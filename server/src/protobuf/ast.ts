// The syntax tree of one .proto file as written: every declaration with its exact 0-based UTF-16 range,
// the ranges of its name and number, its leading comments, and whether a syntax error could be hiding part of it.
import type { Range } from '../engine/range';

export interface SyntaxProblem {
  range: Range;
  message: string;
}

/** Shared by every declaration: the range runs from its first token to its `;` or closing `}` inclusive. */
export interface Declaration {
  range: Range;
  /** Offsets of the same range, for slicing the text. */
  startOffset: number;
  endOffset: number;
  /** Start offset of the attached leading comments, or of the declaration itself when there are none. */
  leadingOffset: number;
  /** End offset of those comments (-1 when none); `leadingComments` turns them into lines when someone asks. */
  leadingCommentEnd: number;
}

export interface OptionDecl extends Declaration {
  /** As written, without spaces: `java_package`, `(foo.bar).baz`. */
  name: string;
  /** The value's source text (an aggregate keeps its braces). */
  valueText: string;
  /** Decoded for strings, the identifier or number text otherwise. */
  value: string;
  valueKind: 'string' | 'int' | 'float' | 'ident' | 'aggregate';
}

/** `[json_name = "x", deprecated = true]` after a field, value or rpc. */
export interface CompactOption {
  name: string;
  value: string;
  valueKind: OptionDecl['valueKind'];
  range: Range;
}

export type Label = 'optional' | 'required' | 'repeated';

export interface FieldDecl extends Declaration {
  name: string;
  nameRange: Range;
  number: number | undefined;
  numberRange: Range | undefined;
  label: Label | undefined;
  /** The type as written (`string`, `.foo.Bar`, `Bar`); `map<K,V>` keeps K and V apart. */
  type: string;
  typeRange: Range;
  mapKey?: string;
  mapValue?: string;
  /** A proto2 group: the field is the lower-cased name and this is its message. */
  group?: MessageDecl;
  options: CompactOption[];
}

export interface OneofDecl extends Declaration {
  name: string;
  nameRange: Range;
  fields: FieldDecl[];
  options: OptionDecl[];
}

export interface ReservedDecl extends Declaration {
  ranges: { start: number; end: number }[];
  names: string[];
  /** Whether names were written as identifiers (editions) rather than strings. */
  namesAsIdentifiers: boolean;
}

export interface ExtensionRangeDecl extends Declaration {
  ranges: { start: number; end: number }[];
  options: CompactOption[];
}

export interface ExtendDecl extends Declaration {
  extendee: string;
  fields: FieldDecl[];
}

/** Edition 2024's symbol visibility keyword, when one is written before `message` or `enum`. */
export type Visibility = 'export' | 'local';

export interface MessageDecl extends Declaration {
  name: string;
  visibility?: Visibility;
  nameRange: Range;
  /** From the opening to the closing brace inclusive; ends at the end of text when unclosed. */
  bodyRange: Range;
  bodyStartOffset: number;
  bodyEndOffset: number;
  /** Declarations in source order: fields (incl. those of oneofs), nested types, oneofs and the rest. */
  members: MessageMember[];
  fields: FieldDecl[];
  oneofs: OneofDecl[];
  messages: MessageDecl[];
  enums: EnumDecl[];
  extends: ExtendDecl[];
  reserved: ReservedDecl[];
  extensionRanges: ExtensionRangeDecl[];
  options: OptionDecl[];
  /** A syntax error inside this body (or an unclosed brace) could hide declarations of it. */
  damaged: boolean;
}

export type MessageMember = FieldDecl | MessageDecl | EnumDecl | OneofDecl | ReservedDecl | ExtensionRangeDecl | ExtendDecl | OptionDecl;

export interface EnumValueDecl extends Declaration {
  name: string;
  nameRange: Range;
  number: number | undefined;
  numberRange: Range | undefined;
  options: CompactOption[];
}

export interface EnumDecl extends Declaration {
  name: string;
  visibility?: Visibility;
  nameRange: Range;
  bodyRange: Range;
  values: EnumValueDecl[];
  reserved: ReservedDecl[];
  options: OptionDecl[];
  damaged: boolean;
}

export interface RpcDecl extends Declaration {
  name: string;
  nameRange: Range;
  requestType: string;
  requestStreaming: boolean;
  requestTypeRange: Range;
  responseType: string;
  responseStreaming: boolean;
  responseTypeRange: Range;
  options: OptionDecl[];
}

export interface ServiceDecl extends Declaration {
  name: string;
  nameRange: Range;
  bodyRange: Range;
  rpcs: RpcDecl[];
  options: OptionDecl[];
  damaged: boolean;
}

export interface ImportDecl extends Declaration {
  path: string;
  /** `option` (edition 2024): the file is imported only for the custom options it declares. */
  modifier: 'public' | 'weak' | 'option' | undefined;
}

export interface ProtoFileSyntax {
  syntax: 'proto2' | 'proto3' | 'editions';
  edition?: string;
  range: Range | undefined;
}

export interface ProtoFileAst {
  syntax: ProtoFileSyntax;
  packageName: string | undefined;
  packageRange: Range | undefined;
  imports: ImportDecl[];
  options: OptionDecl[];
  messages: MessageDecl[];
  enums: EnumDecl[];
  services: ServiceDecl[];
  extends: ExtendDecl[];
  problems: SyntaxProblem[];
  /** A syntax error at the top level (or an unclosed body) could hide top-level declarations. */
  damaged: boolean;
  /**
   * A problem that leaves nothing in the file trustworthy: an unreadable syntax or edition statement (every field's
   * presence depends on it), a comment that swallows the rest of the file, nesting buf refuses to compile.
   */
  fileProblem?: SyntaxProblem;
}

/** The lines of a declaration's leading comments, without their markers. */
export function leadingComments(text: string, declaration: Declaration): string[] {
  if (declaration.leadingCommentEnd < 0) return [];
  return text
    .slice(declaration.leadingOffset, declaration.leadingCommentEnd)
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\/\/|\/\*+|\*+(?!\/))? ?/, '').replace(/\s*\*\/\s*$/, ''));
}
