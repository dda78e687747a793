// Finding → LSP Diagnostic, and back. The diagnostic carries what a code action needs to rebuild the fix (data), so a client
// that echoes diagnostics back gets fixes even when the server has forgotten the check that produced them.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { ConfigProblem } from '../engine/config';
import type { FixData, Finding, Kind, Location, NotChecked, Severity } from '../engine/finding';
import { docUrl } from '../engine/rule';
import type { BaseRevision } from '../git/types';
import { toBaseUri } from '../protocol';

export const SOURCE = 'graycheck';
export const NOT_CHECKED_CODE = 'NOT_CHECKED';
export const CONFIG_CODE = 'CONFIG';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface DiagnosticData {
  rule: string;
  kind: Kind;
  file: string;
  fixData?: FixData;
  base?: Location;
}

export interface DiagnosticLinks {
  /** The URI of a repository-relative file: the open document's own URI when it is open. */
  uriFor(file: string): string;
  /** Undefined in a repository with no commits, where no finding has a base location. */
  base: BaseRevision | undefined;
  /** The client opens `graycheck-base:` URIs (InitializationOptions.opensBaseUris). */
  opensBaseUris: boolean;
}

export function toDiagnostic(finding: Finding, links: DiagnosticLinks): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, kind: finding.kind, file: finding.file };
  if (finding.fixData) data.fixData = finding.fixData;
  if (finding.base) data.base = finding.base;
  const diagnostic: Diagnostic = {
    range: finding.range,
    message: finding.message,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: docUrl({ id: finding.rule, kind: finding.kind }) },
    data,
  };
  const related = [
    ...(finding.base && links.base ? [{ location: baseLocation(finding.base, links, links.base), message: baseMessage(finding.base, links.base) }] : []),
    ...(finding.related ?? []).map((place) => ({ location: { uri: links.uriFor(place.file), range: place.range }, message: place.message })),
  ];
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** Points into the base version when the client can open it; otherwise at the file as it is now, which every client can open. */
function baseLocation(base: Location, links: DiagnosticLinks, revision: BaseRevision): { uri: string; range: Location['range'] } {
  const fileUri = links.uriFor(base.file);
  return { uri: links.opensBaseUris ? toBaseUri(fileUri, revision.commit) : fileUri, range: base.range };
}

function baseMessage(base: Location, revision: BaseRevision): string {
  return `as it was at the base (${revision.shortName}): ${base.file}, line ${base.range.start.line + 1}`;
}

/** All of a file's not-checked reasons as one Information diagnostic on its first line. */
export function notCheckedDiagnostic(entries: readonly NotChecked[], firstLine: string): Diagnostic {
  const reasons = [...new Set(entries.map((entry) => entry.reason))];
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    message: `Graycheck could not check this file for breaking changes: ${reasons.join('; ')}`,
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: NOT_CHECKED_CODE,
  };
}

/** On the configuration file that stopped a whole kind (its own configuration file unusable): an error, since that kind checked nothing. */
export function blockedKindDiagnostic(entries: readonly NotChecked[], firstLine: string): Diagnostic {
  const reasons = [...new Set(entries.map((entry) => entry.reason))];
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    message: reasons.join('; '),
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: NOT_CHECKED_CODE,
  };
}

export function configProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  return { range: problem.range, message: problem.message, severity: DiagnosticSeverity.Warning, source: SOURCE, code: CONFIG_CODE };
}

/** A finding rebuilt from a diagnostic a client sent back, or undefined when it is not one of ours. */
export function findingFromDiagnostic(diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== SOURCE || !isDiagnosticData(diagnostic.data)) return undefined;
  const data = diagnostic.data;
  const severity: Severity =
    diagnostic.severity === DiagnosticSeverity.Warning
      ? 'warning'
      : diagnostic.severity === DiagnosticSeverity.Error || diagnostic.severity === undefined
        ? 'error'
        : 'info';
  return {
    rule: data.rule,
    kind: data.kind,
    file: data.file,
    range: diagnostic.range,
    message: diagnostic.message,
    severity,
    // Not carried by the diagnostic, and no fix depends on them.
    categories: [],
    fixes: [],
    ...(data.fixData ? { fixData: data.fixData } : {}),
    ...(data.base ? { base: data.base } : {}),
  };
}

function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return typeof data.rule === 'string' && typeof data.kind === 'string' && typeof data.file === 'string';
}
