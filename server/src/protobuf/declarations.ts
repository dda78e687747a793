// Lookups the deletion rules share: enums, services and extensions by buf's names (nested name within a file or
// package, full name across the image), the place buf reports a deleted nested element, and tag-range arithmetic.
import type { EnumDecl, ExtendDecl, FieldDecl, MessageDecl, ServiceDecl } from './ast';
import type { ProtoEnum, ProtoFile, ProtoMessage } from './model';
import { MAX_ENUM_NUMBER, MAX_FIELD_NUMBER } from './parser';

export interface ProtoExtension {
  /** `top` for a top-level extension, `Outer.inner` for one declared inside message Outer. */
  nestedName: string;
  decl: FieldDecl;
  extend: ExtendDecl;
  /** The message the `extend` block stands in, if any (not the extendee). */
  scope: MessageDecl | undefined;
  file: ProtoFile;
}

export interface ProtoService {
  fullName: string;
  name: string;
  decl: ServiceDecl;
  file: ProtoFile;
}

export interface TagRange {
  start: number;
  end: number;
}

const extensionCache = new WeakMap<ProtoFile, ProtoExtension[]>();

/** Every extension a file declares, nested ones included, in source order. */
export function extensionsOf(file: ProtoFile): ProtoExtension[] {
  const cached = extensionCache.get(file);
  if (cached) return cached;
  const found: ProtoExtension[] = [];
  const add = (extend: ExtendDecl, scope: MessageDecl | undefined, prefix: string) => {
    for (const decl of extend.fields) found.push({ nestedName: prefix + decl.name, decl, extend, scope, file });
  };
  for (const extend of file.ast.extends) add(extend, undefined, '');
  const visit = (message: MessageDecl, prefix: string) => {
    const nested = `${prefix}${message.name}.`;
    for (const extend of message.extends) add(extend, message, nested);
    for (const inner of message.messages) visit(inner, nested);
    // Groups carry their own bodies, where extensions may stand too.
    for (const field of message.fields) if (field.group) visit(field.group, nested);
  };
  for (const message of file.ast.messages) visit(message, '');
  extensionCache.set(file, found);
  return found;
}

export function servicesOf(file: ProtoFile): ProtoService[] {
  const prefix = file.packageName ? file.packageName + '.' : '';
  return file.services.map((decl) => ({ fullName: prefix + decl.name, name: decl.name, decl, file }));
}

/**
 * Where buf reports a deleted element whose nested name is given: the innermost enclosing message still found
 * among `messages` (by nested name), or undefined for the file's first line.
 */
export function survivingAncestor(messages: ReadonlyMap<string, ProtoMessage>, nestedName: string): ProtoMessage | undefined {
  const parts = nestedName.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const found = messages.get(parts.slice(0, i).join('.'));
    if (found) return found;
  }
  return undefined;
}

export function messagesByNestedName(files: readonly ProtoFile[]): Map<string, ProtoMessage> {
  const map = new Map<string, ProtoMessage>();
  for (const file of files) for (const message of file.messages) if (!map.has(message.nestedName)) map.set(message.nestedName, message);
  return map;
}

export function enumsByNestedName(file: ProtoFile): Map<string, ProtoEnum> {
  const map = new Map<string, ProtoEnum>();
  for (const item of file.enums) if (!map.has(item.nestedName)) map.set(item.nestedName, item);
  return map;
}

/** Whether a syntax error in this file or in a message enclosing `nestedName` could hide it. */
export function couldBeHidden(file: ProtoFile, nestedName: string): boolean {
  if (!file.isReadable) return true;
  const ancestor = survivingAncestor(messagesByNestedName([file]), nestedName);
  return ancestor?.isDamaged ?? false;
}

// ---- tag ranges ----

/** The values of `ranges` missing from `present`, as maximal runs. */
export function missingValues(range: TagRange, present: readonly TagRange[]): TagRange[] {
  const sorted = [...present].sort((a, b) => a.start - b.start || a.end - b.end);
  const missing: TagRange[] = [];
  let next = range.start;
  for (const item of sorted) {
    if (next > range.end) break;
    if (item.end < next) continue;
    if (item.start > range.end) break;
    if (item.start > next) missing.push({ start: next, end: item.start - 1 });
    next = Math.max(next, item.end + 1);
  }
  if (next <= range.end) missing.push({ start: next, end: range.end });
  return missing;
}

/** buf's rendering of a range: `[5]`, `[1,10]`, `[40,max]`. */
export function tagRangeText(range: TagRange, max: number): string {
  if (range.start === range.end) return `[${range.start}]`;
  return range.end === max ? `[${range.start},max]` : `[${range.start},${range.end}]`;
}

/** The same range as a `reserved`/`extensions` statement writes it: `5`, `1 to 10`, `40 to max`. */
export function tagRangeSource(range: TagRange, max: number): string {
  if (range.start === range.end) return String(range.start);
  return `${range.start} to ${range.end === max ? 'max' : range.end}`;
}

export const MESSAGE_MAX = MAX_FIELD_NUMBER;
export const ENUM_MAX = MAX_ENUM_NUMBER;

export function enumReservedRanges(decl: EnumDecl): TagRange[] {
  return decl.reserved.flatMap((reserved) => reserved.ranges);
}

export function enumReservedNames(decl: EnumDecl): Set<string> {
  return new Set(decl.reserved.flatMap((reserved) => reserved.names));
}

/** Enum value names by number, in source order. */
export function enumValuesByNumber(decl: EnumDecl): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const value of decl.values) {
    if (value.number === undefined) continue;
    const names = map.get(value.number);
    if (names) names.push(value.name);
    else map.set(value.number, [value.name]);
  }
  return map;
}
