// A field whose type changed: generated code breaks (FIELD_SAME_TYPE), or the bytes (WIRE) or the JSON (WIRE_JSON)
// written by one side no longer decode on the other. The three rules differ only in which kinds count as the same.
import type { ProtoEnum, ProtoImage } from '../model';
import { fieldDescription, isSpelledSameAtHead, fieldTypeRange, kindOf, kindText, type FieldKind } from '../fieldKind';
import { eachFieldPair, type FieldPair, type ImagePairs } from '../pairs';
import { revertFieldData, revertFix } from '../fixes/revert';
import { breakingRule, type RuleReport } from './rule';

const WIRE_NOTE = 'See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.';
const BYTES_TO_STRING_NOTE =
  'Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible.';
const WIRE_JSON_NOTE =
  'See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.';

// Kinds in one group read each other's bytes. string and bytes are apart: bytes need not be UTF-8 (string → bytes is let through below).
const WIRE_GROUPS: Record<string, number> = {
  int32: 1,
  int64: 1,
  uint32: 1,
  uint64: 1,
  bool: 1,
  sint32: 2,
  sint64: 2,
  string: 3,
  bytes: 4,
  fixed32: 5,
  sfixed32: 5,
  fixed64: 6,
  sfixed64: 6,
  double: 7,
  float: 8,
  group: 9,
  message: 10,
  enum: 11,
};

// Kinds in one group read each other's bytes and JSON.
const WIRE_JSON_GROUPS: Record<string, number> = {
  int32: 1,
  uint32: 1,
  int64: 2,
  uint64: 2,
  fixed32: 3,
  sfixed32: 3,
  fixed64: 4,
  sfixed64: 4,
  bool: 5,
  sint32: 6,
  sint64: 7,
  string: 8,
  bytes: 9,
  double: 10,
  float: 11,
  group: 12,
  message: 13,
  enum: 14,
};

type Compatibility = 'same' | 'wire' | 'wireJson';

export const fieldSameType = breakingRule({
  id: 'FIELD_SAME_TYPE',
  summary: 'A field changed its type',
  check: (pairs, report) => checkTypes(pairs, report, 'same'),
  fixes: revertFix,
});

export const fieldWireCompatibleType = breakingRule({
  id: 'FIELD_WIRE_COMPATIBLE_TYPE',
  summary: 'A field changed its type to one that does not read the same bytes',
  check: (pairs, report) => checkTypes(pairs, report, 'wire'),
  fixes: revertFix,
});

export const fieldWireJsonCompatibleType = breakingRule({
  id: 'FIELD_WIRE_JSON_COMPATIBLE_TYPE',
  summary: 'A field changed its type to one that does not read the same bytes or the same JSON',
  check: (pairs, report) => checkTypes(pairs, report, 'wireJson'),
  fixes: revertFix,
});

function checkTypes(pairs: ImagePairs, report: RuleReport, compatibility: Compatibility): void {
  eachFieldPair(
    pairs,
    report,
    (pair, report) => {
      const baseKind = kindOf(pair.base, pair.baseMessage, pairs.base);
      const headKind = kindOf(pair.head, pair.headMessage, pairs.head);
      // A type that does not resolve (half-typed, or its import is missing) is not compared.
      if (baseKind === undefined || headKind === undefined) return;
      const message = typeChange(pair, baseKind, headKind, compatibility, pairs);
      if (message === undefined) return;
      report.finding({
        file: pair.headMessage.file,
        range: fieldTypeRange(pair.head, pair.headMessage),
        message,
        base: { file: pair.baseMessage.file.path, range: fieldTypeRange(pair.base, pair.baseMessage) },
        fixData: typeRevertData(pair, pairs.head),
      });
    },
    { extensions: true },
  );
}

function typeChange(pair: FieldPair, baseKind: FieldKind, headKind: FieldKind, compatibility: Compatibility, pairs: ImagePairs): string | undefined {
  const kindChanged = (note?: string) =>
    `${fieldDescription(pair.head, pair.headMessage)} changed type from "${kindText(baseKind, pair.baseMessage)}" to "${kindText(headKind, pair.headMessage)}".${note ? ' ' + note : ''}`;
  const nameChanged = () => `${fieldDescription(pair.head, pair.headMessage)} changed type from "${pair.base.type.slice(1)}" to "${pair.head.type.slice(1)}".`;
  const isNamed = headKind === 'enum' || headKind === 'message' || headKind === 'group';
  if (compatibility === 'same') {
    if (baseKind !== headKind) return kindChanged();
    return isNamed && pair.base.type !== pair.head.type ? nameChanged() : undefined;
  }
  const groups = compatibility === 'wire' ? WIRE_GROUPS : WIRE_JSON_GROUPS;
  if (groups[baseKind] !== groups[headKind]) {
    if (compatibility === 'wireJson') return kindChanged(WIRE_JSON_NOTE);
    if (baseKind === 'string' && headKind === 'bytes') return undefined;
    return kindChanged(baseKind === 'bytes' && headKind === 'string' ? `${WIRE_NOTE} ${BYTES_TO_STRING_NOTE}` : WIRE_NOTE);
  }
  if (!isNamed || pair.base.type === pair.head.type) return undefined;
  if (headKind !== 'enum') return nameChanged();
  // Another enum reads the same numbers if it has the same short name and keeps every base value (name and number).
  const baseEnum = pairs.base.enumNamed(pair.base.type.slice(1));
  const headEnum = pairs.head.enumNamed(pair.head.type.slice(1));
  if (!baseEnum || !headEnum) return shortName(pair.base.type) === shortName(pair.head.type) ? undefined : nameChanged();
  if (baseEnum.decl.name !== headEnum.decl.name || !keepsValues(baseEnum, headEnum)) return nameChanged();
  return undefined;
}

function keepsValues(base: ProtoEnum, head: ProtoEnum): boolean {
  const headValues = new Map(head.decl.values.map((value) => [value.name, value.number]));
  return base.decl.values.every((value) => headValues.has(value.name) && headValues.get(value.name) === value.number);
}

function shortName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

function typeRevertData(pair: FieldPair, headImage: ProtoImage) {
  const base = pair.base.decl;
  const head = pair.head.decl;
  // Groups and delimited encoding are not one type token to put back.
  if (!base || !head || base.group || head.group || base.type === head.type) return undefined;
  // The base spelling must still name the base's type at head (not so after a rename or a move).
  if (!isSpelledSameAtHead(pair.base, headImage, pair.headMessage.fullName)) return undefined;
  // To or from a map, the label goes with the type: `repeated map<…>` does not compile.
  if (base.mapKey !== undefined || head.mapKey !== undefined) {
    return revertFieldData(pair.headMessage, pair.head, 'labelAndType', base.label ? `${base.label} ${base.type}` : base.type);
  }
  return revertFieldData(pair.headMessage, pair.head, 'type', base.type);
}
