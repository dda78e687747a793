// The data a protobuf finding carries for its fixes: one type per fix family, discriminated by `fix` (`kind` means the
// check kind everywhere else). It travels as the engine's JSON-safe FixData, through LSP diagnostics and back.
import type { Finding, FixData } from '../../engine/finding';
import type { FeatureName } from '../features';

/** A declaration deleted from head: restore it from the base text, or (fields and enum values) reserve what it used. */
export type DeletionFixData =
  | {
      fix: 'deletedField';
      message: string;
      number: number;
      name: string;
      after: string | null;
      isFirst: boolean;
      isNumberReserved: boolean;
      isNameReserved: boolean;
      isNameInUse: boolean;
      /** The base declaration with its comments, or null when it would not compile at head. */
      text: string | null;
    }
  | {
      fix: 'deletedEnumValue';
      enum: string;
      number: number;
      /** Every name the number had, sorted, joined by commas. */
      names: string;
      after: string | null;
      isFirst: boolean;
      isNumberReserved: boolean;
      areNamesReserved: boolean;
      text: string | null;
    }
  | { fix: 'deletedMessage'; name: string; parent: string | null; after: string | null; text: string }
  | { fix: 'deletedEnum'; name: string; parent: string | null; after: string | null; text: string }
  | { fix: 'deletedService'; name: string; after: string | null; text: string }
  | { fix: 'deletedRpc'; service: string; name: string; after: string | null; isFirst: boolean; text: string }
  | { fix: 'deletedExtension'; name: string; scope: string | null; extendee: string; text: string }
  | { fix: 'deletedOneof'; message: string; name: string; after: string | null; isFirst: boolean; text: string }
  | { fix: 'deletedTagRange'; keyword: 'reserved' | 'extensions'; owner: 'message' | 'enum'; ownerName: string; label: string; missing: string }
  | { fix: 'deletedReservedName'; owner: 'message' | 'enum'; ownerName: string; name: string };

/** What a field revert puts back: the type, the label with the type (a map has no label), name or label as written, a json_name value, a `default = …` option text ('' = none). */
export type RevertPart = 'type' | 'labelAndType' | 'name' | 'label' | 'jsonName' | 'default';

/** A declaration changed at head: put the base text back. A null base text means the base had no such statement. */
export type RevertFixData =
  | { fix: 'changedField'; message: string; number: number; part: RevertPart; text: string }
  | { fix: 'changedEnumValue'; enum: string; name: string; number: number; text: string }
  | { fix: 'changedFileOption'; option: string; baseText: string | null }
  | { fix: 'changedPackage'; baseText: string | null }
  | { fix: 'changedRpcStreaming'; service: string; rpc: string; side: 'request' | 'response'; streaming: boolean }
  | { fix: 'changedRpcType'; service: string; rpc: string; side: 'request' | 'response'; type: string }
  | { fix: 'changedRpcOption'; service: string; rpc: string; option: string; baseText: string | null }
  | { fix: 'addedMessageOption'; message: string; option: string }
  | ({ fix: 'changedFieldOption'; option: string; baseValue: string | null; number: number } & ({ message: string } | { extension: string }));

/** A feature whose resolved value changed: set it back on the element, or restore the base syntax line. */
export type FeatureFixData = { fix: 'changedFeature'; feature: FeatureName; value: string; baseSyntax: string; baseSyntaxText: string | null } & (
  { targetKind: 'message' | 'enum'; fullName: string } | { targetKind: 'field'; message: string; number: number }
);

export type ProtobufFixData = DeletionFixData | RevertFixData | FeatureFixData;

// Every family is a flat record of JSON values, so a finding carries it as FixData unchanged; this fails to compile otherwise.
const isJsonSafe: ProtobufFixData extends FixData ? true : never = true;
void isJsonSafe;

/**
 * The finding's fix data when it is of the family `fix`, else undefined (another family's, or none). Data that came
 * back from an editor is trusted as far as its family: each fix still checks what it looks up in the head text.
 */
export function fixDataOf<F extends ProtobufFixData['fix']>(finding: Finding, fix: F): Extract<ProtobufFixData, { fix: F }> | undefined {
  const data = finding.fixData;
  return data?.fix === fix ? (data as Extract<ProtobufFixData, { fix: F }>) : undefined;
}
