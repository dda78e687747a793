// Which files must be compared together. Every pairing buf makes stays inside a package (messages, enums and services
// pair by full name), except files (by module path, so a file can change package), extensions (by extendee and
// number) and the well-known files an import drops (counted against their package at head). Packages joined by any of
// those form one group; a check loads one group's syntax trees at a time, and an on-type check only the edited file's.
// What joins the base's packages is worked out once per base; a check adds what its changed head files join.
import type { FileSummary, HeadIndex, SideIndex, SymbolTable } from './moduleIndex';
import { droppedWellKnownFiles } from './wellKnownFiles';

export interface FileGroup {
  base: readonly FileSummary[];
  head: readonly FileSummary[];
}

/** Package names joined into sets. A check's sets are layered over the base's: they read the base's entries and
 *  write only their own, so that typing does not copy a table of every package at each keystroke. */
class PackageSets {
  private readonly parent = new Map<string, string>();

  constructor(private readonly under?: ReadonlyMap<string, string>) {}

  find(node: string): string {
    let root = node;
    for (let next = this.parentOf(root); next !== undefined && next !== root; next = this.parentOf(root)) root = next;
    for (let current = node; current !== root;) {
      const next = this.parentOf(current)!;
      this.parent.set(current, root);
      current = next;
    }
    if (this.parentOf(root) === undefined) this.parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }

  /** Sets that start as these; these must not change afterwards. */
  layered(): PackageSets {
    return new PackageSets(this.parent);
  }

  private parentOf(node: string): string | undefined {
    return this.parent.get(node) ?? this.under?.get(node);
  }
}

/** Extension keys to the package of the first file declaring one (see BaseGrouping). */
type ExtensionOwners = Pick<Map<string, string>, 'get' | 'set'>;

type ResolveExtendee = (table: SymbolTable, name: string, scope: string) => string | undefined;

export interface GroupingInput {
  base: SideIndex;
  head: HeadIndex;
  /** Head repository path → base repository path. */
  renames: ReadonlyMap<string, string>;
  /** Resolves an extendee as written in `scope` on one side, as the images do. */
  resolveExtendee: ResolveExtendee;
}

interface BaseGrouping {
  sets: PackageSets;
  /** Extension keys (`.pkg.Extendee:number`) to the package of the first base file declaring one. */
  extensionOwners: Map<string, string>;
}

const baseGroupings = new WeakMap<SideIndex, BaseGrouping>();

function baseGrouping(base: SideIndex, resolveExtendee: ResolveExtendee): BaseGrouping {
  let grouping = baseGroupings.get(base);
  if (!grouping) {
    grouping = { sets: new PackageSets(), extensionOwners: new Map() };
    for (const file of base.files) {
      grouping.sets.find(file.packageName);
      joinExtensions(grouping.sets, grouping.extensionOwners, base, file, resolveExtendee);
    }
    baseGroupings.set(base, grouping);
  }
  return grouping;
}

function joinExtensions(sets: PackageSets, owners: ExtensionOwners, table: SymbolTable, file: FileSummary, resolveExtendee: ResolveExtendee): void {
  for (const block of file.extends) {
    const extendee = resolveExtendee(table, block.extendee, block.scope);
    if (!extendee) continue;
    for (const number of block.numbers) {
      const key = `${extendee}:${number}`;
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, file.packageName);
      else sets.union(owner, file.packageName);
    }
  }
}

/** The groups holding at least one file `wanted` accepts (by repository path, on either side); all of them without it. */
export function groupFiles(input: GroupingInput, wanted?: (path: string) => boolean, wantedPaths?: readonly string[]): FileGroup[] {
  const { base, head } = input;
  const start = baseGrouping(base, input.resolveExtendee);
  const sets = start.sets.layered();
  // Unchanged head files join what they joined at the base; only changed, new and gone files can join more.
  const addedOwners = new Map<string, string>();
  const owners: ExtensionOwners = {
    get: (key) => addedOwners.get(key) ?? start.extensionOwners.get(key),
    set: (key, value) => addedOwners.set(key, value),
  };
  for (const file of head.overlay.files) {
    sets.find(file.packageName);
    const before = base.byModulePath(file.modulePath);
    if (before) sets.union(before.packageName, file.packageName);
    joinExtensions(sets, owners, head, file, input.resolveExtendee);
  }
  for (const file of head.replaced) {
    const after = head.byModulePath(file.modulePath);
    if (after) sets.union(file.packageName, after.packageName);
  }
  for (const [headPath, basePath] of input.renames) {
    const from = base.byPath(basePath);
    const to = head.byPath(headPath);
    if (from && to) sets.union(from.packageName, to.packageName);
  }
  for (const dropped of droppedWellKnownFiles(base, head) ?? []) sets.union(dropped.importer.packageName, dropped.package);

  const packages = [...base.packageFiles.keys()];
  for (const packageName of head.overlay.packageFiles.keys()) if (!base.packageFiles.has(packageName)) packages.push(packageName);
  let roots: Set<string> | undefined;
  if (wanted) {
    roots = new Set();
    // Named files are found directly; directories (and anything else) by a walk over every file.
    const candidates = wantedPaths ?? [...base.files, ...head.files].filter((file) => wanted(file.path)).map((file) => file.path);
    for (const path of candidates) {
      for (const file of [base.byPath(path), head.byPath(path)]) if (file && wanted(file.path)) roots.add(sets.find(file.packageName));
    }
  }
  const groups = new Map<string, { base: FileSummary[]; head: FileSummary[] }>();
  for (const packageName of packages) {
    const root = sets.find(packageName);
    if (roots && !roots.has(root)) continue;
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { base: [], head: [] }));
    group.base.push(...base.filesOfPackage(packageName));
    group.head.push(...head.filesOfPackage(packageName));
  }
  const byPath = (a: FileSummary, b: FileSummary) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return [...groups.values()].map((group) => ({ base: group.base.sort(byPath), head: group.head.sort(byPath) }));
}
