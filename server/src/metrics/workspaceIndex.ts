// One side's index, built from the facts of its files: Go definitions and call sites resolved across packages, with the
// exposition families, registry entries and query references beside them. Building it is linear in the facts; reading
// and parsing the files (the expensive part) is cached per content by the session.
import { resolveGo, type GoAssignmentIndex } from './go/resolve';
import { resolveSemconv, type SemconvFile } from './semconv/registry';
import type { GoFileFacts } from './go/extract';
import type { FileFacts } from './inputs';
import type { MetricDefinition, MetricsIndex } from './model';
import type { DefinitionPair } from './rules/family';

export interface SideIndex extends MetricsIndex {
  /** The client_golang version go.mod requires, when one does: names are validated as that version does. */
  clientGolang?: string;
}

/** `goAssignments`: the side's assignment index, kept by the session so that a keystroke updates one file's part of it. */
export function buildIndex(facts: ReadonlyMap<string, FileFacts>, goAssignments?: GoAssignmentIndex): SideIndex {
  const index: SideIndex = { definitions: [], calls: [], queries: [], attributes: [], files: [], unreadable: [] };
  const goFiles: GoFileFacts[] = [];
  const modules: { dir: string; path: string }[] = [];
  const registries: SemconvFile[] = [];
  for (const [path, file] of facts) {
    if (file.input === 'none' || file.input === 'go-skipped') continue;
    index.files.push(path);
    switch (file.input) {
      case 'go':
        goFiles.push(file.go);
        break;
      case 'go.mod':
        if (file.module) modules.push({ dir: dirOf(path), path: file.module });
        index.clientGolang ??= file.clientGolang;
        break;
      case 'exposition':
        index.definitions.push(...file.definitions);
        index.unreadable.push(...file.unreadable);
        break;
      case 'semconv':
        registries.push(file.registry);
        break;
      case 'queries':
        index.queries.push(...file.refs);
        index.unreadable.push(...file.unreadable);
        break;
    }
  }
  const semconv = resolveSemconv(registries);
  index.definitions.push(...semconv.definitions);
  index.attributes.push(...semconv.attributes);
  index.unreadable.push(...semconv.unreadable);
  const go = resolveGo(goFiles, modules, goAssignments);
  index.definitions.push(...go.definitions);
  index.calls.push(...go.calls);
  index.unreadable.push(...go.unreadable);
  return index;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Base and head definitions paired: by identity (a renamed file keeps its definitions' identities), then by the looser
 *  fallback identity with the nearest line. What is left is removed (base) or added (head). */
export function pairDefinitions(
  base: readonly MetricDefinition[],
  head: readonly MetricDefinition[],
  renames: ReadonlyMap<string, string>,
): { pairs: DefinitionPair[]; removed: MetricDefinition[]; added: MetricDefinition[] } {
  const asBase = (identity: string | undefined, file: string): string | undefined => {
    const basePath = renames.get(file);
    return identity && basePath && identity.startsWith(`${file}#`) ? `${basePath}${identity.slice(file.length)}` : identity;
  };
  const pairs: DefinitionPair[] = [];
  const unpairedBase = new Set(base);
  const byIdentity = groupBy(base, (definition) => definition.identity);
  const unpairedHead: MetricDefinition[] = [];
  for (const definition of head) {
    const partner = byIdentity.get(asBase(definition.identity, definition.location.file)!)?.find((candidate) => unpairedBase.has(candidate));
    if (partner) {
      unpairedBase.delete(partner);
      pairs.push({ base: partner, head: definition });
    } else unpairedHead.push(definition);
  }
  const byFallback = groupBy([...unpairedBase], (definition) => definition.fallbackIdentity);
  const added: MetricDefinition[] = [];
  for (const definition of unpairedHead) {
    const key = asBase(definition.fallbackIdentity, definition.location.file);
    const line = definition.location.range.start.line;
    let nearest: MetricDefinition | undefined;
    for (const candidate of (key && byFallback.get(key)) || []) {
      if (!unpairedBase.has(candidate) || candidate.source !== definition.source) continue;
      if (!nearest || Math.abs(candidate.location.range.start.line - line) < Math.abs(nearest.location.range.start.line - line)) nearest = candidate;
    }
    if (nearest) {
      unpairedBase.delete(nearest);
      pairs.push({ base: nearest, head: definition });
    } else added.push(definition);
  }
  return { pairs, removed: [...unpairedBase], added };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const value = key(item);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(item);
    else groups.set(value, [item]);
  }
  return groups;
}
