// A field whose cardinality changed (map, repeated, required, explicit or implicit presence): generated code breaks,
// or the bytes (WIRE) or the JSON (WIRE_JSON) of one side are read differently by the other. buf's deprecated
// FIELD_SAME_LABEL has no rule of its own: buf.yaml v1 expands it to these three (categories.ts), and so do we.
import { cardinalityOf, declaredOneof, fieldDescription, fieldRange, type FieldCardinality } from '../fieldKind';
import { eachFieldPair, type FieldPair, type ImagePairs } from '../pairs';
import { revertFieldData, revertFix } from '../fixes/revert';
import { breakingRule, type RuleReport } from './rule';

// Presence is invisible on the wire; required, repeated and maps are not.
const WIRE_GROUPS: Record<FieldCardinality, number> = {
  'optional with explicit presence': 1,
  'optional with implicit presence': 1,
  required: 2,
  repeated: 3,
  map: 3,
};
// Maps and repeated fields have different JSON.
const WIRE_JSON_GROUPS: Record<FieldCardinality, number> = {
  'optional with explicit presence': 1,
  'optional with implicit presence': 1,
  required: 2,
  repeated: 3,
  map: 4,
};

type Groups = Record<FieldCardinality, number> | undefined;

export const fieldSameCardinality = breakingRule({
  id: 'FIELD_SAME_CARDINALITY',
  summary: 'A field changed its cardinality (optional, required, repeated, map, or its presence)',
  check: (pairs, report) => checkCardinality(pairs, report, undefined),
  fixes: revertFix,
});

export const fieldWireCompatibleCardinality = breakingRule({
  id: 'FIELD_WIRE_COMPATIBLE_CARDINALITY',
  summary: 'A field changed its cardinality in a way that changes its bytes',
  check: (pairs, report) => checkCardinality(pairs, report, WIRE_GROUPS),
  fixes: revertFix,
});

export const fieldWireJsonCompatibleCardinality = breakingRule({
  id: 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY',
  summary: 'A field changed its cardinality in a way that changes its bytes or its JSON',
  check: (pairs, report) => checkCardinality(pairs, report, WIRE_JSON_GROUPS),
  fixes: revertFix,
});

function checkCardinality(pairs: ImagePairs, report: RuleReport, groups: Groups): void {
  eachFieldPair(
    pairs,
    report,
    (pair, report) => {
      // Map entry fields are synthesised; their presence follows the file but means nothing (buf skips them too).
      if (pair.baseMessage.isMapEntry && pair.headMessage.isMapEntry) return;
      const base = cardinalityOf(pair.base, pair.baseMessage, pairs.base);
      const head = cardinalityOf(pair.head, pair.headMessage, pairs.head);
      if (base === undefined || head === undefined || base === head) return;
      if (groups && groups[base] === groups[head]) return;
      report.finding({
        file: pair.headMessage.file,
        range: fieldRange(pair.head, pair.headMessage),
        message: `${fieldDescription(pair.head, pair.headMessage)} changed cardinality from "${base}" to "${head}".`,
        base: { file: pair.baseMessage.file.path, range: fieldRange(pair.base, pair.baseMessage) },
        fixData: labelRevertData(pair),
      });
    },
    { extensions: true },
  );
}

/** Putting the base label back fixes the change when the label made it: same syntax, no map, no oneof move, no features. */
function labelRevertData(pair: FieldPair) {
  const base = pair.base.decl;
  const head = pair.head.decl;
  if (!base || !head || base.label === head.label) return undefined;
  if (base.mapKey !== undefined || head.mapKey !== undefined || declaredOneof(pair.base, pair.baseMessage) !== declaredOneof(pair.head, pair.headMessage))
    return undefined;
  if (pair.baseMessage.file.ast.syntax.syntax !== pair.headMessage.file.ast.syntax.syntax) return undefined;
  if ([...base.options, ...head.options].some((option) => option.name.startsWith('features.'))) return undefined;
  return revertFieldData(pair.headMessage, pair.head, 'label', base.label ?? '');
}
