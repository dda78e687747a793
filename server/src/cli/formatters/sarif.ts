// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Every known rule is listed so that ruleIndex is stable;
// regions use SARIF's default UTF-16 columns with an exclusive end column, which is what the engine's ranges already are.
import type { Finding, Severity } from '../../engine/finding';
import { digest } from '../../engine/digest';
import { docUrl } from '../../engine/rule';
import { INFORMATION_URI, VERSION } from '../version';
import { toOneBased, type CheckReport } from './report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(report: CheckReport): object {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const rules = report.rules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.summary },
    helpUri: docUrl(rule),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { kind: rule.kind, categories: [...rule.categories] },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'graycheck', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the git repository' } } },
        results: report.result.findings.map((finding) => toResult(finding, ruleIndex.get(finding.rule), report)),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(report) }],
      },
    ],
  };
}

function toResult(finding: Finding, index: number | undefined, report: CheckReport): object {
  return {
    ruleId: finding.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [physicalLocation(finding.file, finding)],
    ...relatedLocations(finding, report),
    // Line numbers are left out on purpose: an edit above a finding must not make code scanning see a new alert.
    partialFingerprints: { 'graycheckFinding/v1': fingerprint(finding) },
  };
}

/** The base location first (id 1), then the other places at head the finding is about. */
function relatedLocations(finding: Finding, report: CheckReport): { relatedLocations?: object[] } {
  const base = finding.base
    ? [
        {
          ...physicalLocation(finding.base.file, finding.base),
          message: { text: report.base ? `as it was at the base (${report.base.description}, ${report.base.commit.slice(0, 7)})` : 'as it was at the base' },
        },
      ]
    : [];
  const related = (finding.related ?? []).map((place) => ({ ...physicalLocation(place.file, place), message: { text: place.message } }));
  const all = [...base, ...related].map((location, index) => ({ id: index + 1, ...location }));
  return all.length > 0 ? { relatedLocations: all } : {};
}

/** What could not be checked, and configuration problems, as notifications: they are not findings about the code. */
function notifications(report: CheckReport): object[] {
  const configProblems = report.configProblems.map((problem) => ({
    level: 'warning',
    message: { text: problem.message },
    locations: [physicalLocation(problem.file, problem)],
  }));
  const notChecked = report.result.notChecked.map((entry) => ({
    level: 'note',
    message: { text: `not checked: ${entry.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(entry.file), uriBaseId: '%SRCROOT%' } } }],
  }));
  return [...configProblems, ...notChecked];
}

function physicalLocation(file: string, located: Pick<Finding, 'range'>): { physicalLocation: object } {
  const { start, end } = toOneBased(located.range);
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
    },
  };
}

function fingerprint(finding: Finding): string {
  return digest('sha256', [`${finding.rule}\0${finding.file}\0${finding.message}`], 'hex');
}

export function formatSarif(report: CheckReport): string {
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
