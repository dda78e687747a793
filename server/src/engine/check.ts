// Runs every enabled kind over a comparison and turns raw reports into findings:
// severity overrides, path filters, inline suppressions, fix titles, and a stable order.
import type { Comparison, FixHead, KindChecker, KindSession } from './comparison';
import { throwIfCancelled } from './comparison';
import { CONFIG_FILE, isKindEnabled, kindOption } from './config';
import type { Fix } from './edit';
import type { CheckResult, Finding, NotChecked, RawFinding, Severity } from './finding';
import { SEVERITY_ORDER } from './finding';
import { matchesAnyGlob } from './glob';
import { lineIndexOf } from './range';
import type { RuleMeta } from './rule';
import type { Tree } from './tree';
import { ignoreEntryFix, isJsonFile, isSuppressed, SUPPRESSION_MARKER, suppressFix, suppressTitle } from './suppressions';

export interface CheckSessionOptions {
  /** One check and no more (the CLI): a kind that no file of either tree concerns is not started, so its checker module
   *  is never loaded. Its check would have found nothing; the language server, which checks again on every keystroke,
   *  starts every kind instead of looking through the trees each time. */
  oneShot?: boolean;
}

/** The kinds' sessions of one owner (a CLI run, a repository in the server): what they learned in one check serves the next. */
export class CheckSession {
  private readonly sessions = new Map<KindChecker, KindSession>();

  constructor(
    readonly checkers: readonly KindChecker[],
    private readonly options: CheckSessionOptions = {},
  ) {}

  /** The kinds whose sessions were started, in the registry's order. */
  startedKinds(): string[] {
    return this.checkers.filter((checker) => this.sessions.has(checker)).map((checker) => checker.kind);
  }

  run(comparison: Comparison): Promise<CheckResult> {
    return checkWith(comparison, this.checkers, async (checker) => {
      let session = this.sessions.get(checker);
      if (!session) {
        if (this.options.oneShot && !(await concernsKind(checker, comparison))) return undefined;
        this.sessions.set(checker, (session = checker.startSession({ oneShot: this.options.oneShot === true })));
      }
      return session;
    });
  }
}

/** One check with fresh sessions: nothing is kept for a next one. */
export function runCheck(comparison: Comparison, checkers: readonly KindChecker[]): Promise<CheckResult> {
  return new CheckSession(checkers, { oneShot: true }).run(comparison);
}

/** Whether some file of either tree is one the kind may read (a source it recognizes, under its own globs or the ones its
 *  option sets) or one of its configuration files. Stops at the first such file. */
export async function concernsKind(checker: KindChecker, comparison: Comparison): Promise<boolean> {
  const { files } = checker;
  const configured = files.sourcesOption ? kindOption(comparison.config, checker, files.sourcesOption) : undefined;
  const sources = Array.isArray(configured) ? [...files.sources, ...(configured as string[])] : files.sources;
  for (const tree of [comparison.head, comparison.base]) {
    if (!tree) continue;
    const candidates: string[] = [];
    for (const path of await tree.list()) {
      if (matchesAnyGlob(path, files.configuration)) return true;
      if (matchesAnyGlob(path, sources)) candidates.push(path);
    }
    if (candidates.length > 0 && !files.recognizes) return true;
    for (const path of candidates) {
      const text = await tree.read(path);
      if (text !== undefined && files.recognizes!(path, text)) return true;
    }
  }
  return false;
}

/** `sessionOf` gives undefined for a kind that is not run: it found nothing to check. */
async function checkWith(
  comparison: Comparison,
  checkers: readonly KindChecker[],
  sessionOf: (checker: KindChecker) => Promise<KindSession | undefined>,
): Promise<CheckResult> {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  let filesChecked = 0;
  const headTexts = new Map<string, Promise<string | undefined>>();
  const headText = (file: string) => {
    let text = headTexts.get(file);
    if (!text) headTexts.set(file, (text = comparison.head.read(file)));
    return text;
  };
  // Fix titles are worked out for every finding: the files fixes read (a JSON finding's .graycheck.yaml, a $ref target)
  // are read once per check through the same memo, not once per finding.
  const fixTree: Tree = { label: comparison.head.label, list: () => comparison.head.list(), read: headText };
  // The texts read so far, so that a file's findings after its first wait for nothing: each wait resumes this function,
  // which thousands of findings would make hot enough to be optimized, a compile the process then waits for at exit.
  const readTexts = new Map<string, string | undefined>();
  // Most files hold no suppression comment at all: one search of the text spares looking at each finding's lines.
  const withSuppressions = new Map<string, boolean>();
  const mayBeSuppressed = (file: string, text: string) => {
    let found = withSuppressions.get(file);
    if (found === undefined) withSuppressions.set(file, (found = text.includes(SUPPRESSION_MARKER)));
    return found;
  };

  const unavailable = await unavailableFiles(comparison);
  for (const checker of checkers) {
    if (!isKindEnabled(comparison.config, checker.kind)) continue;
    throwIfCancelled(comparison.signal);
    const raw: (RawFinding & { categories?: readonly string[] })[] = [];
    const session = await sessionOf(checker);
    const report = session ? await session.check(comparison, (finding) => raw.push(finding)) : { notChecked: [], filesChecked: 0 };
    filesChecked += report.filesChecked;
    notChecked.push(...report.notChecked.filter((entry) => entry.blocksKind || isInScope(entry.file, comparison)));
    for (const [file, reason] of unavailable) {
      if (matchesAnyGlob(file, checker.files.sources) && isInScope(file, comparison)) notChecked.push({ file, reason });
    }
    const rulesById = new Map(raw.length > 0 ? checker.rules.map((rule) => [rule.id, rule]) : []);
    for (const item of raw) {
      const rule = rulesById.get(item.rule);
      if (!rule || !isInScope(item.file, comparison) || isIgnoredByPath(item, comparison)) continue;
      // A file that could not be read has no findings: its absence from a tree says nothing about what it holds.
      if (unavailable.has(item.file) || (item.base && unavailable.has(item.base.file))) continue;
      const severity = effectiveSeverity(rule, comparison, item.severity);
      if (!severity) continue;
      let text = readTexts.get(item.file);
      if (text === undefined && !readTexts.has(item.file)) readTexts.set(item.file, (text = await headText(item.file)));
      const finding: Finding = {
        rule: item.rule,
        kind: checker.kind,
        severity,
        categories: item.categories ?? rule.categories,
        file: item.file,
        range: item.range,
        message: item.message,
        ...(item.base ? { base: item.base } : {}),
        ...(item.related ? { related: item.related } : {}),
        fixes: [],
        ...(item.fixData ? { fixData: item.fixData } : {}),
      };
      if (text !== undefined && mayBeSuppressed(item.file, text) && isSuppressed(finding, lineIndexOf(text))) continue;
      if (text !== undefined) {
        const titles = fixTitlesFor(finding, checker, { text, tree: fixTree });
        finding.fixes = Array.isArray(titles) ? titles : await titles;
      }
      findings.push(finding);
    }
  }
  return { findings: sortFindings(findings), notChecked: sortNotChecked(notChecked), filesChecked };
}

/** The files either side has but could not read (a partial clone's missing blob, a link out of the repository), with why. */
async function unavailableFiles(comparison: Comparison): Promise<Map<string, string>> {
  const [base, head] = await Promise.all([comparison.base?.unavailable?.(), comparison.head.unavailable?.()]);
  return new Map([...(base ?? []), ...(head ?? [])]);
}

/** The titles of fixesFor's fixes, which is all a finding lists: "Suppress RULE here" is named without being built (its
 *  edit needs the line index of the whole text). Not a promise when the kind's fixes are not one and need no other file. */
function fixTitlesFor(finding: Finding, checker: KindChecker, head: FixHead): { title: string }[] | Promise<{ title: string }[]> {
  if (isJsonFile(finding.file)) return fixesFor(finding, checker, head).then(titlesOf);
  const own = checker.fixes(finding, head);
  const suppress = { title: suppressTitle(finding) };
  return Array.isArray(own) ? [...titlesOf(own), suppress] : own.then((fixes) => [...titlesOf(fixes), suppress]);
}

function titlesOf(fixes: readonly Fix[]): { title: string }[] {
  return fixes.map((fix) => ({ title: fix.title }));
}

/** Every fix of a finding, the kind's own first and "Suppress RULE here" last. */
export async function fixesFor(finding: Finding, checker: KindChecker, head: FixHead): Promise<Fix[]> {
  const fixes = await checker.fixes(finding, head);
  const suppress = isJsonFile(finding.file) ? ignoreEntryFix(finding, await head.tree.read(CONFIG_FILE)) : suppressFix(finding, head.text);
  return suppress ? [...fixes, suppress] : fixes;
}

/** The configured severity, else the finding's own grade (a rule whose grade depends on the case), else the rule's default. */
function effectiveSeverity(rule: RuleMeta, comparison: Comparison, graded: Severity | undefined): Severity | undefined {
  const override = comparison.config.severity[rule.id];
  if (override === 'off') return undefined;
  return override ?? graded ?? rule.defaultSeverity;
}

function isInScope(file: string, comparison: Comparison): boolean {
  const { include, exclude } = comparison.config;
  if (comparison.focus && !isFocused(file, comparison.focus)) return false;
  if (include.length > 0 && !matchesAnyGlob(file, include)) return false;
  return !matchesAnyGlob(file, exclude);
}

/** A focus entry is a file path, or a directory path ending in '/' that covers everything below it ('' covers all). */
export function isFocused(file: string, focus: ReadonlySet<string>): boolean {
  if (focus.has(file)) return true;
  for (const entry of focus) if (entry.endsWith('/') && file.startsWith(entry)) return true;
  return focus.has('');
}

function isIgnoredByPath(finding: RawFinding, comparison: Comparison): boolean {
  return comparison.config.ignore.some((entry) => (!entry.rules || entry.rules.includes(finding.rule)) && matchesAnyGlob(finding.file, [entry.path]));
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.message, b.message),
  );
}

function sortNotChecked(entries: NotChecked[]): NotChecked[] {
  const seen = new Set<string>();
  return entries
    .filter((entry) => {
      const key = `${entry.file}\0${entry.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.reason, b.reason));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function countAtOrAbove(findings: readonly Finding[], threshold: Severity): number {
  return findings.filter((finding) => SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER[threshold]).length;
}
