// The custom requests of protocol.ts: revisions to offer in "Compare With…", and a document's text at the base.
import type { BaseTextParams, BaseTextResult, ListRevisionsParams, ListRevisionsResult, RevisionChoice } from '../protocol';
import { parseBaseUri } from '../protocol';
import type { ServerContext } from './context';
import { isUserFacing, toBaseInfo } from './status';
import type { DocumentLocation } from './workspaceState';

export async function listRevisions(context: ServerContext, params: ListRevisionsParams | undefined): Promise<ListRevisionsResult> {
  if (!context.trusted) return { revisions: [] };
  const repository = params?.uri ? (await context.workspace.locate(params.uri).catch(() => undefined))?.repository : await context.workspace.primary();
  if (!repository) return { revisions: [] };
  let revisions: RevisionChoice[];
  try {
    revisions = [...(await repository.repository.listRevisions())];
  } catch (error) {
    if (isUserFacing(error)) return { revisions: [] };
    throw error;
  }
  if (!revisions.some((choice) => choice.kind === 'auto'))
    revisions.unshift({ name: 'auto', kind: 'auto', description: 'merge-base with the upstream branch' });
  return { revisions };
}

export async function baseText(context: ServerContext, params: BaseTextParams): Promise<BaseTextResult> {
  if (!context.trusted) return { reason: 'the workspace is not trusted, so Graycheck runs no git' };
  const named = parseBaseUri(params.uri);
  let location: DocumentLocation | undefined;
  try {
    location = await context.workspace.locate(named?.fileUri ?? params.uri);
  } catch (error) {
    if (isUserFacing(error)) return { reason: error.message.split('\n')[0] };
    throw error;
  }
  if (!location) return { reason: 'not in a git repository' };
  const { repository, path } = location;
  try {
    const base = await repository.resolvedBase();
    if (!base) return { reason: 'the repository has no commits yet, so there is no base version' };
    const basePath = (await repository.comparisons.renames(base, 'working-tree')).get(path) ?? path;
    const commit = named?.commit ?? base.commit;
    const text = await repository.repository.readAt(commit, basePath);
    const info = toBaseInfo(base);
    if (text === undefined) return { base: info, reason: `new file, not in ${named ? commit.slice(0, 12) : base.shortName}` };
    return { base: info, path: basePath, text };
  } catch (error) {
    if (isUserFacing(error)) return { reason: error.message.split('\n')[0] };
    throw error;
  }
}
