// Semantic-convention registry YAML (Weaver's definition v1 `groups:` and definition/2 `attributes:`/`metrics:`) read
// into metric definitions and registry attributes with their places, then resolved across the repository's files:
// `extends` and v2 `ref_group` pull in a group's attribute references, and each `ref` gets its type and stability from
// the registry attribute it names. Nothing is fetched: a registry the repository does not hold stays unresolved, and
// says so (DESIGN §4 decision 8).
import type { Pair } from 'yaml';
import type { Location } from '../../engine/finding';
import type { AttributeUse, Deprecation, MetricDefinition, MetricType, NamedPlace, RegistryAttribute, Unreadable } from '../model';
import { YamlFile, type Node } from './yamlFile';
import { looksLikeSemconv } from '../recognize';

export { looksLikeSemconv };

/** A group other entries include by id (v1 `extends`, v2 `ref_group`): its own attribute references, and what it includes. */
export interface SemconvGroup {
  id: string;
  uses: AttributeUse[];
  labels: NamedPlace[];
  includes: GroupInclude[];
}

export interface GroupInclude {
  id: string;
  location: Location;
}

export interface SemconvFile {
  definitions: MetricDefinition[];
  attributes: RegistryAttribute[];
  unreadable: Unreadable[];
  groups: SemconvGroup[];
  /** Per definition, at the same index: the groups it includes, which `resolveSemconv` expands. */
  includes: GroupInclude[][];
  /** v2 `imports:` of metrics and attribute groups, each a name wildcard that must match something the repository holds. */
  imports?: SemconvImport[];
}

export interface SemconvImport {
  what: 'metrics' | 'attribute_groups';
  wildcard: string;
  location: Location;
}

export interface ResolvedSemconv {
  definitions: MetricDefinition[];
  attributes: RegistryAttribute[];
  unreadable: Unreadable[];
}

const INSTRUMENTS: Record<string, MetricType> = { counter: 'counter', updowncounter: 'updowncounter', gauge: 'gauge', histogram: 'histogram' };
const REQUIREMENT_LEVELS = new Set(['required', 'recommended', 'opt_in', 'conditionally_required']);

/** undefined when the text is not a semantic-convention file; an unparsable one gives its reason and no definitions. */
export function readSemconvFile(path: string, text: string): SemconvFile | undefined {
  if (!looksLikeSemconv(text)) return undefined;
  const yaml = new YamlFile(path, text);
  const result: SemconvFile = { definitions: [], attributes: [], unreadable: [], groups: [], includes: [] };
  if (yaml.unreadable) {
    result.unreadable.push({ file: path, reason: yaml.unreadable });
    return result;
  }
  if (!yaml.isMap(yaml.root)) return undefined;
  const format = yaml.text(yaml.child(yaml.root, 'file_format'));
  const version = yaml.text(yaml.child(yaml.root, 'version'));
  if (format?.startsWith('definition/2') || version === '2') readVersion2(yaml, result);
  else if (yaml.pairOf(yaml.root, 'groups')) readVersion1(yaml, result);
  else return undefined;
  return result;
}

function readVersion1(yaml: YamlFile, result: SemconvFile): void {
  for (const group of yaml.items(yaml.child(yaml.root, 'groups'))) {
    const id = yaml.text(yaml.child(group, 'id'));
    if (!id) continue;
    const prefix = yaml.text(yaml.child(group, 'prefix'));
    const uses: AttributeUse[] = [];
    const labels: NamedPlace[] = [];
    for (const entry of yaml.items(yaml.child(group, 'attributes'))) {
      const reference = readAttributeEntry(yaml, entry, 'id', prefix, result.attributes);
      if (reference) {
        uses.push(reference.use);
        labels.push(reference.label);
      }
    }
    const extendsPair = yaml.pairOf(group, 'extends');
    const extendsId = yaml.text(extendsPair?.value as Node);
    const includes = extendsPair && extendsId ? [{ id: extendsId, location: yaml.locationOf(extendsPair.value as Node) }] : [];
    if (yaml.text(yaml.child(group, 'type')) !== 'metric') {
      result.groups.push({ id, uses, labels, includes });
      continue;
    }
    const namePair = yaml.pairOf(group, 'metric_name');
    const name = yaml.text(namePair?.value as Node);
    if (!name) continue;
    result.definitions.push(
      metricDefinition(yaml, group, {
        name,
        nameLocation: yaml.locationOf(namePair?.value as Node),
        identity: id,
        location: yaml.spanOf(yaml.pairOf(group, 'id') as Pair),
        uses,
        labels,
      }),
    );
    result.includes.push(includes);
  }
}

function readVersion2(yaml: YamlFile, result: SemconvFile): void {
  // Refinements narrow a metric for some of its uses, which code does not say: not read, and said so.
  if (yaml.child(yaml.root, 'metric_refinements'))
    result.unreadable.push({
      file: yaml.path,
      reason: 'its "metric_refinements:" section is not read (which recordings a refinement covers is not known); the rest of the file is checked',
      partial: true,
    });
  // Imports name metrics and groups of other registries: they count as resolved when a registry in the repository (a
  // vendored copy) holds them, which `resolveSemconv` decides. Entities, events and spans say nothing about metrics.
  const imports = yaml.child(yaml.root, 'imports');
  for (const what of ['metrics', 'attribute_groups'] as const) {
    for (const item of yaml.items(yaml.child(imports, what))) {
      const wildcard = yaml.text(item);
      if (wildcard) (result.imports ??= []).push({ what, wildcard, location: yaml.locationOf(item) });
    }
  }
  for (const entry of yaml.items(yaml.child(yaml.root, 'attributes'))) readAttributeEntry(yaml, entry, 'key', undefined, result.attributes);
  for (const group of yaml.items(yaml.child(yaml.root, 'attribute_groups'))) {
    const id = yaml.text(yaml.child(group, 'id'));
    if (!id) continue;
    result.groups.push({ id, ...readReferences2(yaml, group) });
  }
  for (const metric of yaml.items(yaml.child(yaml.root, 'metrics'))) {
    const namePair = yaml.pairOf(metric, 'name');
    const name = yaml.text(namePair?.value as Node);
    if (!namePair || !name) continue;
    const { uses, labels, includes } = readReferences2(yaml, metric);
    result.definitions.push(
      metricDefinition(yaml, metric, {
        name,
        nameLocation: yaml.locationOf(namePair.value as Node),
        identity: `metric.${name}`,
        location: yaml.spanOf(namePair),
        uses,
        labels,
      }),
    );
    result.includes.push(includes);
  }
}

/** A v2 signal's or group's `attributes:`: `- ref: key` (with refinements) and `- ref_group: id`. */
function readReferences2(yaml: YamlFile, owner: Node): { uses: AttributeUse[]; labels: NamedPlace[]; includes: GroupInclude[] } {
  const uses: AttributeUse[] = [];
  const labels: NamedPlace[] = [];
  const includes: GroupInclude[] = [];
  for (const entry of yaml.items(yaml.child(owner, 'attributes'))) {
    const groupPair = yaml.pairOf(entry, 'ref_group');
    const groupId = yaml.text(groupPair?.value as Node);
    if (groupPair && groupId) {
      includes.push({ id: groupId, location: yaml.locationOf(groupPair.value as Node) });
      continue;
    }
    const reference = readAttributeEntry(yaml, entry, undefined, undefined, []);
    if (reference) {
      uses.push(reference.use);
      labels.push(reference.label);
    }
  }
  return { uses, labels, includes };
}

/** One entry of an `attributes:` list: a `ref` to a registry attribute, or (`definitionKey`, v1 `id` / v2 `key`) a
 *  definition, which is added to `registry` and is also a use where it stands. */
function readAttributeEntry(
  yaml: YamlFile,
  entry: Node,
  definitionKey: 'id' | 'key' | undefined,
  prefix: string | undefined,
  registry: RegistryAttribute[],
): { use: AttributeUse; label: NamedPlace } | undefined {
  const refPair = yaml.pairOf(entry, 'ref');
  const definitionPair = definitionKey ? yaml.pairOf(entry, definitionKey) : undefined;
  const pair = refPair ?? definitionPair;
  const written = yaml.text(pair?.value as Node);
  if (!pair || !written) return undefined;
  const name = !refPair && prefix ? `${prefix}.${written}` : written;
  const stability = yaml.text(yaml.child(entry, 'stability'));
  const deprecated = readDeprecation(yaml, yaml.child(entry, 'deprecated'));
  if (!refPair) {
    registry.push({
      name,
      type: attributeType(yaml, yaml.child(entry, 'type')),
      ...(stability ? { stability } : {}),
      ...(deprecated ? { deprecated } : {}),
      location: yaml.spanOf(pair),
    });
  }
  const requirementLevel = readRequirementLevel(yaml, yaml.child(entry, 'requirement_level'));
  const use: AttributeUse = { name, ...(requirementLevel ? { requirementLevel } : {}), ...(stability ? { stability } : {}) };
  if (!refPair) use.type = attributeType(yaml, yaml.child(entry, 'type'));
  return { use, label: { name, location: yaml.locationOf(pair.value as Node) } };
}

/** A scalar type as written (`string`, `int[]`, `template[string]`); an enum (`members:`) is 'enum', as Weaver's
 *  compatibility policy treats it; '' when there is none. */
function attributeType(yaml: YamlFile, node: Node): string {
  if (yaml.isMap(node)) return yaml.pairOf(node, 'members') ? 'enum' : '';
  return yaml.text(node) ?? '';
}

function readRequirementLevel(yaml: YamlFile, node: Node): AttributeUse['requirementLevel'] {
  const level = yaml.isMap(node) ? yaml.text(yaml.pairs(node)[0]?.key as Node) : yaml.text(node);
  return level && REQUIREMENT_LEVELS.has(level) ? (level as AttributeUse['requirementLevel']) : undefined;
}

/** The map form (`reason`, `renamed_to`, `note`); the old string form is a note with reason 'uncategorized'. */
function readDeprecation(yaml: YamlFile, node: Node): Deprecation | undefined {
  if (node === null || node === undefined) return undefined;
  if (!yaml.isMap(node)) {
    const note = yaml.text(node);
    return note ? { reason: 'uncategorized', note: note.trim() } : undefined;
  }
  const reason = yaml.text(yaml.child(node, 'reason')) ?? 'uncategorized';
  const renamedTo = yaml.text(yaml.child(node, 'renamed_to'));
  const note = yaml.text(yaml.child(node, 'note'))?.trim();
  return { reason, ...(renamedTo ? { renamedTo } : {}), ...(note ? { note } : {}) };
}

function metricDefinition(
  yaml: YamlFile,
  entry: Node,
  known: { name: string; nameLocation: Location; identity: string; location: Location; uses: AttributeUse[]; labels: NamedPlace[] },
): MetricDefinition {
  const instrumentNode = yaml.child(entry, 'instrument');
  const unitNode = yaml.child(entry, 'unit');
  const instrument = yaml.text(instrumentNode);
  const unit = yaml.text(unitNode);
  const help = yaml.text(yaml.child(entry, 'brief'))?.trim();
  const stabilityNode = yaml.child(entry, 'stability');
  const stability = yaml.text(stabilityNode);
  const deprecated = readDeprecation(yaml, yaml.child(entry, 'deprecated'));
  return {
    source: 'semconv',
    name: known.name,
    nameLocation: known.nameLocation,
    type: (instrument && INSTRUMENTS[instrument]) || 'untyped',
    ...(instrument !== undefined && written(yaml, entry, 'instrument') ? { typeLocation: yaml.locationOf(instrumentNode) } : {}),
    ...(unit !== undefined ? { unit, ...(written(yaml, entry, 'unit') ? { unitLocation: yaml.locationOf(unitNode) } : {}) } : {}),
    ...(help ? { help } : {}),
    labels: known.labels,
    constLabels: [],
    location: known.location,
    identity: known.identity,
    ...(stability ? { stability, ...(written(yaml, entry, 'stability') ? { stabilityLocation: yaml.locationOf(stabilityNode) } : {}) } : {}),
    ...(deprecated ? { deprecated } : {}),
    attributes: known.uses,
  };
}

/** Whether the key's value is written where it stands (not an alias of a value elsewhere): an edit there changes only it. */
function written(yaml: YamlFile, entry: Node, key: string): boolean {
  const value = yaml.pairOf(entry, key)?.value as Node;
  return value !== null && value !== undefined && yaml.resolved(value) === value;
}

/** Expands every definition's included groups (transitively, each group once) and gives each attribute use the type
 *  and stability of the registry attribute it names, across all the files given. What cannot be resolved in them is
 *  listed as unreadable, once per file and name. */
export function resolveSemconv(files: readonly SemconvFile[]): ResolvedSemconv {
  const groups = new Map<string, SemconvGroup>();
  const registry = new Map<string, RegistryAttribute>();
  for (const file of files) {
    for (const group of file.groups) if (!groups.has(group.id)) groups.set(group.id, group);
    for (const attribute of file.attributes) if (!registry.has(attribute.name)) registry.set(attribute.name, attribute);
  }
  const unreadable = files.flatMap((file) => file.unreadable);
  const reported = new Set<string>();
  const note = (file: string, reason: string, partial = false) => {
    if (reported.has(`${file}\n${reason}`)) return;
    reported.add(`${file}\n${reason}`);
    unreadable.push({ file, reason, ...(partial ? { partial } : {}) });
  };
  const metricNames = files.flatMap((file) => file.definitions.map((definition) => definition.name));
  for (const wanted of files.flatMap((file) => file.imports ?? [])) {
    const matches = wildcardMatcher(wanted.wildcard);
    const found = wanted.what === 'metrics' ? metricNames.some(matches) : [...groups.keys()].some(matches);
    if (!found) {
      const what = wanted.what === 'metrics' ? 'metrics' : 'attribute groups';
      note(wanted.location.file, `imports ${what} "${wanted.wildcard}", which no registry in this repository defines (other registries are not fetched)`, true);
    }
  }
  const definitions = files.flatMap((file) =>
    file.definitions.map((definition, index) => {
      const uses = new Map<string, AttributeUse>();
      const labels = new Map<string, NamedPlace>();
      const visited = new Set<string>();
      const include = (wanted: GroupInclude) => {
        if (visited.has(wanted.id)) return;
        visited.add(wanted.id);
        const group = groups.get(wanted.id);
        if (!group) {
          note(wanted.location.file, `group "${wanted.id}" (included by metric "${definition.name}") is not defined in this repository`);
          return;
        }
        group.includes.forEach(include);
        group.uses.forEach((use) => uses.set(use.name, { ...uses.get(use.name), ...use }));
        group.labels.forEach((label) => labels.set(label.name, label));
      };
      (file.includes[index] ?? []).forEach(include);
      for (const use of definition.attributes ?? []) uses.set(use.name, { ...uses.get(use.name), ...use });
      for (const label of definition.labels ?? []) labels.set(label.name, label);
      const attributes = [...uses.values()].map((use) => {
        const known = registry.get(use.name);
        if (!known) {
          if (use.type === undefined)
            note(definition.location.file, `attribute "${use.name}" (used by metric "${definition.name}") is not defined in this repository`);
          return use;
        }
        const stability = use.stability ?? known.stability;
        return { ...use, type: use.type ?? known.type, ...(stability ? { stability } : {}) };
      });
      return { ...definition, labels: [...labels.values()], attributes };
    }),
  );
  return { definitions, attributes: [...registry.values()], unreadable };
}

/** Weaver's import wildcards: `*` stands for any run of characters, everything else for itself. */
function wildcardMatcher(wildcard: string): (name: string) => boolean {
  const pattern = new RegExp(
    `^${wildcard
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (name) => pattern.test(name);
}
