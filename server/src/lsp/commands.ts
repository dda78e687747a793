// `workspace/executeCommand`: checkWorkspace (every file against the base, in batches, with progress and cancellation),
// setBase (validate, switch, re-check) and showBase. User-facing failures are error responses with git's one-line message.
import { LSPErrorCodes, ResponseError, type CancellationToken, type ExecuteCommandParams, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { CheckCancelled, throwIfCancelled } from '../engine/comparison';
import { CONFIG_FILE } from '../engine/config';
import type { CheckResult, Finding } from '../engine/finding';
import type { BaseRevision } from '../git/types';
import { COMMANDS, type BaseInfo, type CheckWorkspaceResult } from '../protocol';
import { checkFiles, publishFiles } from './checks';
import type { ServerContext } from './context';
import { isUserFacing, toBaseInfo } from './status';
import type { RepositoryState } from './workspaceState';

/** Publishing batches: enough to show progress and let typing in between. */
const BATCHES = 10;
const MIN_BATCH_FILES = 50;

export async function executeCommand(
  context: ServerContext,
  params: ExecuteCommandParams,
  token: CancellationToken,
  attachedProgress: WorkDoneProgressReporter,
): Promise<unknown> {
  switch (params.command) {
    case COMMANDS.checkWorkspace:
      return checkWorkspace(context, token, params.workDoneToken !== undefined ? attachedProgress : undefined);
    case COMMANDS.setBase:
      return setBase(context, params.arguments?.[0]);
    case COMMANDS.showBase:
      return showBase(context);
    default:
      throw new ResponseError(LSPErrorCodes.RequestFailed, `unknown command "${params.command}" (known: ${Object.values(COMMANDS).join(', ')})`);
  }
}

export async function checkWorkspace(
  context: ServerContext,
  token: CancellationToken,
  attachedProgress?: WorkDoneProgressReporter,
): Promise<CheckWorkspaceResult> {
  const summary: CheckWorkspaceResult = { filesChecked: 0, filesWithFindings: 0, errors: 0, warnings: 0, notChecked: 0 };
  if (!context.trusted) {
    await context.status.send('untrusted');
    return summary;
  }
  if (!context.workspace.settings.enable) return summary;

  const abort = new AbortController();
  const progress = attachedProgress ?? (context.client.workDoneProgress ? await context.connection.window.createWorkDoneProgress() : undefined);
  token.onCancellationRequested(() => abort.abort());
  if (progress && 'token' in progress) (progress.token as CancellationToken).onCancellationRequested(() => abort.abort());
  progress?.begin('Graycheck: checking the workspace', 0, 'listing files', true);
  await context.status.send('checking');
  try {
    for (const [repository, prefixes] of await repositoriesToScan(context)) {
      await scanRepository(context, repository, prefixes, abort.signal, summary, progress);
    }
  } catch (error) {
    if (!(error instanceof CheckCancelled) && !abort.signal.aborted) {
      if (!isUserFacing(error)) throw error;
      await context.status.reportError(error);
      return summary;
    }
  } finally {
    progress?.done();
  }
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'workspace check cancelled');
  await context.status.send('ready');
  return summary;
}

/** Each repository once, with the workspace folders inside it as focus prefixes ('' is the whole repository). */
async function repositoriesToScan(context: ServerContext): Promise<Map<RepositoryState, string[]>> {
  const scans = new Map<RepositoryState, string[]>();
  for (const folder of await context.workspace.folderRepositories()) {
    if (folder.error) {
      if (!isUserFacing(folder.error)) throw folder.error;
      await context.status.reportError(folder.error);
      continue;
    }
    const repository = folder.repository!;
    scans.set(repository, [...(scans.get(repository) ?? []), folder.focus]);
  }
  return scans;
}

async function scanRepository(
  context: ServerContext,
  repository: RepositoryState,
  prefixes: readonly string[],
  signal: AbortSignal,
  summary: CheckWorkspaceResult,
  progress: WorkDoneProgressReporter | undefined,
): Promise<void> {
  repository.forgetRenames();
  repository.head.forgetAll();
  const prepared = await repository.prepare(undefined, signal);
  const headFiles = await prepared.comparison.head.list();
  const baseFiles = (await prepared.comparison.base?.list()) ?? [];
  // Base-only paths are in the scan so that a deleted file reports its deletion.
  const files = [...new Set([...headFiles, ...baseFiles])].filter((file) => prefixes.some((prefix) => file.startsWith(prefix))).sort();
  const scanned = new Set(files);
  // One check of the whole module (models and names are built once), then publishing per file in batches so that
  // progress shows and typing gets its turn in between.
  progress?.report(0, `checking ${files.length} files`);
  const focus = prefixes.includes('') ? undefined : new Set(prefixes);
  const result = await repository.checks.run({ ...prepared.comparison, ...(focus ? { focus } : {}) });
  throwIfCancelled(signal);
  const findingsByFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = findingsByFile.get(finding.file);
    if (list) list.push(finding);
    else findingsByFile.set(finding.file, [finding]);
  }
  summary.filesChecked += result.filesChecked;
  summary.filesWithFindings += findingsByFile.size;
  summary.errors += result.findings.filter((finding) => finding.severity === 'error').length;
  summary.warnings += result.findings.filter((finding) => finding.severity === 'warning').length;
  summary.notChecked += result.notChecked.length;
  const batchSize = Math.max(MIN_BATCH_FILES, Math.ceil(files.length / BATCHES));
  for (let start = 0; start < files.length; start += batchSize) {
    throwIfCancelled(signal);
    const batch = files.slice(start, start + batchSize);
    const batchFindings = batch.flatMap((file) => findingsByFile.get(file) ?? []);
    const batchResult: CheckResult = { findings: batchFindings, notChecked: result.notChecked, filesChecked: result.filesChecked };
    publishFiles(context, repository, prepared, batchResult, batch);
    const done = Math.min(start + batchSize, files.length);
    progress?.report(Math.round((done / files.length) * 100), `${done} of ${files.length} files`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (prepared.configProblems.length > 0 && !scanned.has(CONFIG_FILE))
    publishFiles(context, repository, prepared, { findings: [], notChecked: [], filesChecked: 0 }, [CONFIG_FILE]);
  // Files that had findings but are in neither tree any more (a deleted untracked file) are cleared too.
  for (const entry of context.published.all()) {
    if (entry.repository === repository && !scanned.has(entry.file) && entry.file !== CONFIG_FILE && prefixes.some((prefix) => entry.file.startsWith(prefix))) {
      context.published.clear(entry.uri);
    }
  }
}

async function setBase(context: ServerContext, argument: unknown): Promise<BaseInfo> {
  if (argument !== undefined && argument !== null && typeof argument !== 'string') {
    throw new ResponseError(LSPErrorCodes.RequestFailed, 'graycheck.setBase takes one argument, a git revision such as "origin/main", a tag or "auto"');
  }
  const revision = typeof argument === 'string' && argument.trim() !== '' ? argument.trim() : 'auto';
  const repositories = await allRepositories(context);
  let resolved: BaseRevision[];
  try {
    resolved = await Promise.all(repositories.map((repository) => repository.repository.resolveBase(revision)));
  } catch (error) {
    if (isUserFacing(error)) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message.split('\n')[0]);
    throw error;
  }
  context.workspace.baseOverride = revision;
  repositories.forEach((repository, index) => repository.useBase(resolved[index]));
  context.status.forgetShownErrors();
  await recheckAll(context);
  return toBaseInfo(resolved[0]);
}

async function showBase(context: ServerContext): Promise<BaseInfo> {
  const [primary] = await allRepositories(context);
  try {
    const base = await primary.resolvedBase();
    if (!base) throw new ResponseError(LSPErrorCodes.RequestFailed, `${primary.root} has no commits yet, so there is no base; commit once to compare with it`);
    return toBaseInfo(base);
  } catch (error) {
    if (isUserFacing(error)) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message.split('\n')[0]);
    throw error;
  }
}

/** The primary repository first, then every other one opened so far. An error response when there is none. */
async function allRepositories(context: ServerContext): Promise<RepositoryState[]> {
  if (!context.trusted)
    throw new ResponseError(LSPErrorCodes.RequestFailed, 'Graycheck runs no git in an untrusted workspace; trust the workspace to compare with a base');
  const folders = await context.workspace.folderRepositories();
  const primary = await context.workspace.primary();
  if (!primary) {
    const reason = folders.find((folder) => folder.error)?.error?.message.split('\n')[0];
    throw new ResponseError(LSPErrorCodes.RequestFailed, reason ?? 'no git repository in this workspace: open a folder inside a git repository');
  }
  const others = (await context.workspace.openRepositories()).filter((repository) => repository !== primary);
  return [primary, ...others];
}

/** After the base or the settings changed: every open document, and every file that shows diagnostics, against the new base. */
export async function recheckAll(context: ServerContext): Promise<void> {
  for (const document of context.documents.all()) context.scheduler.schedule(document.uri, 0);
  const closed = new Map<RepositoryState, string[]>();
  for (const entry of context.published.all()) {
    if (context.documents.get(entry.uri)) continue;
    closed.set(entry.repository, [...(closed.get(entry.repository) ?? []), entry.file]);
  }
  for (const [repository, files] of closed) {
    try {
      await checkFiles(context, repository, files);
    } catch (error) {
      if (!isUserFacing(error)) throw error;
      await context.status.reportError(error);
    }
  }
  await context.status.send('ready');
}
