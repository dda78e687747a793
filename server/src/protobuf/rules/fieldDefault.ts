// A field whose default value changed: readers on each side see a different value for a field that was not sent.
// Effective defaults are compared (no option = the type's zero, or an enum's first value), numerically across number
// kinds, and printed as buf (Go's %v and %q) prints them.
import type { CompactOption } from '../ast';
import { fieldDescription, fieldRange, kindOf } from '../fieldKind';
import { eachFieldPair } from '../pairs';
import type { ProtoField, ProtoImage, ProtoMessage } from '../model';
import { revertFieldData, revertFix } from '../fixes/revert';
import { breakingRule } from './rule';

interface DefaultValue {
  /** Strings and bytes compare as text; every other kind (bool, enum, numbers) as a number. */
  comparable: string | number | bigint;
  isFloat32: boolean;
  printable: string;
}

export const fieldSameDefault = breakingRule({
  id: 'FIELD_SAME_DEFAULT',
  summary: 'A field changed its default value',
  check(pairs, report) {
    eachFieldPair(
      pairs,
      report,
      (pair, report) => {
        const base = defaultOf(pair.base, pair.baseMessage, pairs.base);
        const head = defaultOf(pair.head, pair.headMessage, pairs.head);
        if (!base || !head) return;
        if (isZero(base) && isZero(head)) return;
        if (defaultsEqual(base, head)) return;
        const baseOption = defaultOption(pair.base);
        const headOption = defaultOption(pair.head);
        const baseText = baseOption
          ? pair.baseMessage.file.text.slice(offsetOf(pair.baseMessage, baseOption, 'start'), offsetOf(pair.baseMessage, baseOption, 'end'))
          : '';
        report.finding({
          file: pair.headMessage.file,
          range: headOption?.range ?? fieldRange(pair.head, pair.headMessage),
          message: `${fieldDescription(pair.head, pair.headMessage)} changed default value from ${base.printable} to ${head.printable}.`,
          base: { file: pair.baseMessage.file.path, range: baseOption?.range ?? fieldRange(pair.base, pair.baseMessage) },
          fixData: revertFieldData(pair.headMessage, pair.head, 'default', baseText),
        });
      },
      { extensions: true },
    );
  },
  fixes: revertFix,
});

function defaultOption(field: ProtoField): CompactOption | undefined {
  return field.decl?.options.find((option) => option.name === 'default');
}

function offsetOf(message: ProtoMessage, option: CompactOption, end: 'start' | 'end'): number {
  const position = option.range[end];
  const text = message.file.text;
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

/** The effective default, or undefined when the field cannot have one (repeated, map, message) or it cannot be known. */
function defaultOf(field: ProtoField, message: ProtoMessage, image: ProtoImage): DefaultValue | undefined {
  const decl = field.decl;
  if (!decl || decl.mapKey !== undefined || decl.label === 'repeated') return undefined;
  const kind = kindOf(field, message, image);
  if (kind === undefined || kind === 'message' || kind === 'group') return undefined;
  const option = defaultOption(field);
  if (kind === 'enum') return enumDefault(field, image, option);
  // String literals are decoded from the source: escapes stand for bytes, which the text of a string is the UTF-8 of.
  const bytes = option && (kind === 'string' || kind === 'bytes') ? literalBytes(optionValueText(message, option)) : Buffer.alloc(0);
  if (kind === 'string') {
    const value = bytes.toString('utf8');
    return { comparable: value, isFloat32: false, printable: goQuote(value) };
  }
  if (kind === 'bytes') {
    return {
      comparable: bytes.toString('latin1'),
      isFloat32: false,
      printable: `[${[...bytes].map((byte) => '0x' + byte.toString(16).toUpperCase()).join(',')}]`,
    };
  }
  if (kind === 'bool') {
    const value = option?.value === 'true';
    return { comparable: value ? 1 : 0, isFloat32: false, printable: String(value) };
  }
  if (kind === 'float' || kind === 'double') {
    const value = option ? parseFloatText(option.value) : 0;
    if (value === undefined) return undefined;
    const isFloat32 = kind === 'float';
    return { comparable: isFloat32 ? Math.fround(value) : value, isFloat32, printable: goFloat(isFloat32 ? Math.fround(value) : value, isFloat32) };
  }
  const value = option ? parseIntText(option.value) : 0n;
  if (value === undefined) return undefined;
  return { comparable: value, isFloat32: false, printable: value.toString() };
}

function enumDefault(field: ProtoField, image: ProtoImage, option: CompactOption | undefined): DefaultValue | undefined {
  const item = image.enumNamed(field.type.slice(1));
  if (!item) return undefined;
  const value = option ? item.decl.values.find((candidate) => candidate.name === option.value) : item.decl.values[0];
  if (value?.number === undefined) return undefined;
  return { comparable: value.number, isFloat32: false, printable: `${item.decl.name}.${value.name}` };
}

function isZero(value: DefaultValue): boolean {
  const { comparable } = value;
  // Go's reflect zero: -0.0 is not the zero value.
  return comparable === '' || comparable === 0n || Object.is(comparable, 0);
}

function defaultsEqual(base: DefaultValue, head: DefaultValue): boolean {
  if (typeof base.comparable === 'string' || typeof head.comparable === 'string') return base.comparable === head.comparable;
  const a = base.comparable;
  const b = head.comparable;
  const isNaNValue = (value: number | bigint) => typeof value === 'number' && Number.isNaN(value);
  if (isNaNValue(a) || isNaNValue(b)) return isNaNValue(a) && isNaNValue(b);
  // float ↔ double: compare at float precision, or 0.1f and 0.1 would differ.
  if (typeof a === 'number' && typeof b === 'number' && base.isFloat32 !== head.isFloat32) return Math.fround(a) === Math.fround(b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const [big, other] = typeof a === 'bigint' ? [a, b as number] : [b as bigint, a as number];
  if (!Number.isFinite(other) || !Number.isInteger(other)) return false;
  return big === BigInt(other);
}

function parseIntText(text: string): bigint | undefined {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  let literal = digits;
  if (/^0[0-7]+$/.test(digits)) literal = '0o' + digits.slice(1);
  try {
    const value = BigInt(literal);
    return negative ? -value : value;
  } catch {
    return undefined;
  }
}

function parseFloatText(text: string): number | undefined {
  const lower = text.toLowerCase();
  const negative = lower.startsWith('-');
  const body = negative ? lower.slice(1) : lower;
  let value: number;
  if (body === 'inf' || body === 'infinity') value = Infinity;
  else if (body === 'nan') value = NaN;
  else if (/^0x[0-9a-f]+$/.test(body) || /^0[0-7]+$/.test(body)) value = Number(parseIntText(body));
  else value = Number(body);
  if (Number.isNaN(value) && body !== 'nan') return undefined;
  return negative ? -value : value;
}

function optionValueText(message: ProtoMessage, option: CompactOption): string {
  const text = message.file.text.slice(offsetOf(message, option, 'start'), offsetOf(message, option, 'end'));
  return text.slice(text.indexOf('=') + 1);
}

/** The bytes of one or more adjacent protobuf string literals, as protoc decodes their escapes. */
export function literalBytes(source: string): Buffer {
  const bytes: number[] = [];
  const pushText = (text: string) => bytes.push(...Buffer.from(text, 'utf8'));
  let i = 0;
  while (i < source.length) {
    const quote = source[i];
    if (quote !== '"' && quote !== "'") {
      i++;
      continue;
    }
    i++;
    while (i < source.length && source[i] !== quote) {
      const char = source[i];
      if (char !== '\\') {
        const code = source.codePointAt(i)!;
        pushText(String.fromCodePoint(code));
        i += code > 0xffff ? 2 : 1;
        continue;
      }
      const next = source[i + 1] ?? '';
      const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63 };
      if (next in simple) {
        bytes.push(simple[next]);
        i += 2;
      } else if (/[0-7]/.test(next)) {
        const digits = /^[0-7]{1,3}/.exec(source.slice(i + 1))![0];
        bytes.push(parseInt(digits, 8) & 0xff);
        i += 1 + digits.length;
      } else if (next === 'x' || next === 'X') {
        const digits = /^[0-9a-fA-F]{1,2}/.exec(source.slice(i + 2))?.[0] ?? '';
        bytes.push(parseInt(digits || '0', 16));
        i += 2 + digits.length;
      } else if (next === 'u' || next === 'U') {
        const length = next === 'u' ? 4 : 8;
        const digits = source.slice(i + 2, i + 2 + length);
        pushText(String.fromCodePoint(parseInt(digits, 16) || 0));
        i += 2 + length;
      } else {
        pushText(next);
        i += 2;
      }
    }
    i++;
  }
  return Buffer.from(bytes);
}

/** Go's %v for a float or double: the shortest digits that read back as the same value. */
export function goFloat(value: number, isFloat32: boolean): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  let exponential = value.toExponential();
  if (isFloat32) {
    for (let precision = 1; precision <= 9; precision++) {
      const candidate = Number(value.toPrecision(precision));
      if (Math.fround(candidate) === value) {
        exponential = candidate.toExponential();
        break;
      }
    }
  }
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential);
  if (!match) return String(value);
  const [, sign, first, rest = '', exponentText] = match;
  const digits = first + rest;
  const exponent = Number(exponentText);
  // strconv's shortest 'g' (what %v uses) switches to the exponent form below -4 and from 6 up, however many digits.
  if (exponent < -4 || exponent >= 6) {
    const mantissa = rest ? `${first}.${rest}` : first;
    const absolute = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${absolute < 10 ? '0' : ''}${absolute}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Go's %q for a string, as buf prints string defaults. */
export function goQuote(value: string): string {
  let result = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') result += '\\' + char;
    else if (char === '\n') result += '\\n';
    else if (char === '\t') result += '\\t';
    else if (char === '\r') result += '\\r';
    else if (char === '\u0007') result += '\\a';
    else if (char === '\b') result += '\\b';
    else if (char === '\f') result += '\\f';
    else if (char === '\v') result += '\\v';
    else if (code < 0x20 || code === 0x7f) result += '\\x' + code.toString(16).padStart(2, '0');
    else if (code >= 0x80 && code < 0xa0) result += '\\u' + code.toString(16).padStart(4, '0');
    else result += char;
  }
  return result + '"';
}
