// A rule is a declaration (exactly what `graycheck rules --format json` prints) plus, for each kind, a check and an optional fix.
import type { Kind, Severity } from './finding';

export interface RuleMeta {
  id: string; // the anchor tool's ID, letter for letter, when one exists
  kind: Kind;
  /** Categories for display; protobuf rules bind theirs per buf.yaml version (protobuf/categories.ts). */
  categories: readonly string[];
  defaultSeverity: Severity;
  summary: string; // one line, present tense, no trailing period
  sameAs?: string; // 'buf:FIELD_NO_DELETE': a promise the agreement tests hold us to
}

export const DOCS_BASE_URL = 'https://github.com/graycheck/graycheck/blob/main/server/docs/rules';

export function docPath(rule: Pick<RuleMeta, 'id' | 'kind'>): string {
  return `server/docs/rules/${rule.kind}/${rule.id}.md`;
}

export function docUrl(rule: Pick<RuleMeta, 'id' | 'kind'>): string {
  return `${DOCS_BASE_URL}/${rule.kind}/${rule.id}.md`;
}
