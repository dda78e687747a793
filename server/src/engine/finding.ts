// What a check produces: findings in the SPEC §4 shape (with 0-based ranges), and what could not be checked.
import type { Range } from './range';

/** A kind's name as registry.ts lists it ('protobuf'); the engine keeps no list of its own. */
export type Kind = string;
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface Location {
  file: string; // repository-relative, with '/'
  range: Range;
}

/** JSON-safe data a rule attaches so that its fixes can be rebuilt later from the finding alone (e.g. by the LSP code-action handler). */
export type FixData = Record<string, string | number | boolean | null>;

/** Another place at head that a finding is about (the other definition of a conflicting name), with what it is. */
export interface RelatedLocation extends Location {
  message: string;
}

export interface Finding extends Location {
  rule: string;
  kind: Kind;
  severity: Severity;
  categories: readonly string[];
  message: string;
  base?: Location;
  related?: RelatedLocation[];
  fixes: { title: string }[];
  fixData?: FixData;
}

export interface NotChecked {
  file: string;
  reason: string;
  /** The problem stops a whole kind (its configuration file is unusable, e.g. buf.yaml): kept whatever the focus, since every
   *  file it covers went unchecked. The CLI exits 2 on it; the editor shows an error on `file`. */
  blocksKind?: boolean;
}

export interface CheckResult {
  findings: Finding[];
  notChecked: NotChecked[];
  filesChecked: number;
}

/** What a rule reports: the engine fills in kind, severity, categories and fix titles. */
export interface RawFinding extends Location {
  rule: string;
  message: string;
  base?: Location;
  related?: RelatedLocation[];
  fixData?: FixData;
  /** For rules graded per case (a warning for a call that returns an error, an error for one that panics); the rule's default otherwise. */
  severity?: Severity;
}
