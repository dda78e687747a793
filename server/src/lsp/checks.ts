// Running the engine for the editor and publishing what it found: one open document on type, or a set of files
// (a workspace scan, a re-check after the base changed). Publishes only results that still match the document versions.
import type { Diagnostic } from 'vscode-languageserver/node';
import { CheckCancelled } from '../engine/comparison';
import { CONFIG_FILE } from '../engine/config';
import type { CheckResult } from '../engine/finding';
import { lineIndexOf } from '../engine/range';
import type { ServerContext } from './context';
import { blockedKindDiagnostic, configProblemDiagnostic, notCheckedDiagnostic, toDiagnostic, type DiagnosticLinks } from './diagnostics';
import { isUserFacing } from './status';
import { joinRelative, pathToUri, uriToPath } from './uris';
import type { DocumentLocation, PreparedCheck, RepositoryState } from './workspaceState';

export function uriFor(context: ServerContext, repository: RepositoryState, file: string): string {
  return context.workspace.openUriOf(repository, file) ?? pathToUri(joinRelative(repository.root, file));
}

/** The on-type check: the document's live buffer (and every other open buffer) against the cached base, focused on the document. */
export async function checkDocument(context: ServerContext, uri: string, signal: AbortSignal): Promise<void> {
  const document = context.documents.get(uri);
  if (!document || !context.trusted || !context.workspace.settings.enable) return;
  const version = document.version;
  let location: DocumentLocation | undefined;
  try {
    location = await context.workspace.locate(uri);
  } catch (error) {
    const file = uriToPath(uri);
    // A stray file outside the workspace folders gets nothing, not an error message.
    if (isUserFacing(error) && file && context.workspace.isInsideFolder(file)) await context.status.reportError(error);
    else if (!isUserFacing(error)) throw error;
    return;
  }
  if (!location) return;
  const { repository, path } = location;
  let prepared: PreparedCheck;
  let result: CheckResult;
  try {
    prepared = await repository.prepare(new Set([path]), signal);
    result = await repository.checks.run(prepared.comparison);
  } catch (error) {
    if (error instanceof CheckCancelled || signal.aborted) return;
    if (!isUserFacing(error)) throw error;
    context.published.clear(uri, version);
    await context.status.reportError(error);
    return;
  }
  if (signal.aborted || context.documents.get(uri)?.version !== version) return;
  publishFiles(context, repository, prepared, result, [path]);
  if (!(await reportBlockedKinds(context, result))) await context.status.send('ready');
}

/** A problem that stops a whole kind (its configuration file is unusable) is shown once as an error message, with the status in 'error';
 *  the affected documents also carry it as their not-checked diagnostic. Returns whether there was one. */
export async function reportBlockedKinds(context: ServerContext, result: CheckResult): Promise<boolean> {
  const blocking = result.notChecked.find((entry) => entry.blocksKind);
  if (!blocking) return false;
  await context.status.reportError(new Error(`${blocking.file}: ${blocking.reason}`));
  return true;
}

/** Checks the given files of one repository (the open buffers as head) and publishes each: findings, or an empty list to clear it. */
export async function checkFiles(context: ServerContext, repository: RepositoryState, files: readonly string[], signal?: AbortSignal): Promise<CheckResult> {
  const prepared = await repository.prepare(new Set(files), signal);
  const result = await repository.checks.run(prepared.comparison);
  publishFiles(context, repository, prepared, result, files);
  await reportBlockedKinds(context, result);
  return result;
}

/** The files of each repository that carry a blocked kind's error (its own configuration file unusable), to clear once it is fixed. */
const blockingFiles = new WeakMap<RepositoryState, Set<string>>();

/** Publishes the result for each file; an open document whose buffer changed since the check is left to its own newer check.
 *  A file that stopped a whole kind gets an error diagnostic whatever the files checked, and loses it when the kind runs again. */
export function publishFiles(
  context: ServerContext,
  repository: RepositoryState,
  prepared: PreparedCheck,
  result: CheckResult,
  checkedFiles: Iterable<string>,
): void {
  const links: DiagnosticLinks = {
    uriFor: (file) => uriFor(context, repository, file),
    base: prepared.base,
    opensBaseUris: context.client.opensBaseUris,
  };
  const blocked = result.notChecked.filter((entry) => entry.blocksKind);
  const blockedNow = new Set(blocked.map((entry) => entry.file));
  const blockedBefore = blockingFiles.get(repository) ?? new Set<string>();
  blockingFiles.set(repository, blockedNow);
  const files = new Set(checkedFiles);
  for (const file of [...blockedNow, ...blockedBefore]) files.add(file);
  for (const file of files) {
    const uri = links.uriFor(file);
    const document = context.documents.get(uri);
    if (document && prepared.versions.get(file) !== document.version) continue;
    const findings = result.findings.filter((finding) => finding.file === file);
    const diagnostics: Diagnostic[] = findings.map((finding) => toDiagnostic(finding, links));
    if (document) {
      const notChecked = result.notChecked.filter((entry) => (entry.file === file && !entry.blocksKind) || (entry.blocksKind && entry.file !== file));
      if (notChecked.length > 0) diagnostics.push(notCheckedDiagnostic(notChecked, lineIndexOf(document.getText()).lineText(0)));
    }
    const blocking = blocked.filter((entry) => entry.file === file);
    if (blocking.length > 0) diagnostics.push(blockedKindDiagnostic(blocking, document ? lineIndexOf(document.getText()).lineText(0) : ''));
    if (file === CONFIG_FILE) diagnostics.push(...prepared.configProblems.filter((problem) => problem.file === CONFIG_FILE).map(configProblemDiagnostic));
    if (diagnostics.length === 0 && !document && !context.published.get(uri)) continue;
    context.published.publish({ uri, repository, file, findings, ...(document ? { version: document.version } : {}) }, diagnostics);
  }
}
