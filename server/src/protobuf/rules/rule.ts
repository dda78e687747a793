// The shape of a protobuf breaking rule: metadata, a check over the paired images, and optional fixes.
// A rule reports findings, or says that a syntax error could be hiding what it would compare.
import type { Fix } from '../../engine/edit';
import type { Finding, Location } from '../../engine/finding';
import type { ProtobufFixData } from '../fixes/data';
import type { Range } from '../../engine/range';
import type { RuleMeta } from '../../engine/rule';
import { categoriesOf } from '../categories';
import type { ProtoFile } from '../model';
import type { ImagePairs } from '../pairs';

export interface RuleReport {
  finding(finding: { file: ProtoFile | string; range: Range; message: string; base?: Location; fixData?: ProtobufFixData; basePath?: string }): void;
  /** The head file has a syntax error where the compared declarations could be: say so instead of reporting. */
  hidden(file: { path: string }): void;
}

/** What fixes work from: the finding and the head file as it is now (re-parsed from the current text). */
export interface FixContext {
  finding: Finding;
  head: ProtoFile;
}

export interface ProtobufRule extends RuleMeta {
  check(pairs: ImagePairs, report: RuleReport): void;
  fixes?(context: FixContext): Fix[];
}

/** Fills in what every buf breaking rule shares; the displayed categories are those of buf.yaml v2, the default version. */
export function breakingRule(rule: Omit<ProtobufRule, 'kind' | 'defaultSeverity' | 'categories'>): ProtobufRule {
  return { kind: 'protobuf', defaultSeverity: 'error', categories: categoriesOf(rule.id, 'v2'), ...rule, sameAs: `buf:${rule.id}` };
}
