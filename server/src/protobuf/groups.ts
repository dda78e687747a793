// Which files must be compared together. Every pairing buf makes stays inside a package (messages, enums and services
// pair by full name), except files (by module path, so a file can change package), extensions (by extendee and
// number) and the well-known files an import drops (counted against their package at head). Packages joined by any of
// those form one group; a check loads one group's syntax trees at a time, and an on-type check only the edited file's.
import type { FileSummary, SymbolTable } from './moduleIndex';
import { droppedWellKnownFiles } from './wellKnownFiles';

export interface FileGroup {
  base: FileSummary[];
  head: FileSummary[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(node: string): string {
    let root = node;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    // Path compression keeps later finds short.
    for (let current = node; current !== root; ) {
      const next = this.parent.get(current)!;
      this.parent.set(current, root);
      current = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
}

export interface GroupingInput {
  base: SymbolTable;
  head: SymbolTable;
  /** Head repository path → base repository path. */
  renames: ReadonlyMap<string, string>;
  /** Resolves an extendee as written in `scope` on one side, as the images do. */
  resolveExtendee(table: SymbolTable, name: string, scope: string): string | undefined;
}

/** The groups holding at least one file `wanted` accepts (by repository path, on either side); all of them without it. */
export function groupFiles(input: GroupingInput, wanted?: (path: string) => boolean): FileGroup[] {
  const { base, head } = input;
  const sets = new UnionFind();
  for (const file of base.files) {
    const other = head.byModulePath(file.modulePath);
    sets.union(file.packageName, other ? other.packageName : file.packageName);
  }
  for (const file of head.files) sets.find(file.packageName);
  for (const [headPath, basePath] of input.renames) {
    const from = base.byPath(basePath);
    const to = head.byPath(headPath);
    if (from && to) sets.union(from.packageName, to.packageName);
  }
  const byExtension = new Map<string, string>();
  for (const table of [base, head]) {
    for (const file of table.files) {
      for (const block of file.extends) {
        const extendee = input.resolveExtendee(table, block.extendee, block.scope);
        if (!extendee) continue;
        for (const number of block.numbers) {
          const key = `${extendee}:${number}`;
          const seen = byExtension.get(key);
          if (seen === undefined) byExtension.set(key, file.packageName);
          else sets.union(seen, file.packageName);
        }
      }
    }
  }
  for (const dropped of droppedWellKnownFiles(base.files, head.files) ?? []) sets.union(dropped.importer.packageName, dropped.package);

  const groups = new Map<string, FileGroup & { wanted: boolean }>();
  const groupOf = (file: FileSummary) => {
    const root = sets.find(file.packageName);
    let group = groups.get(root);
    if (!group) {
      group = { base: [], head: [], wanted: !wanted };
      groups.set(root, group);
    }
    if (wanted && !group.wanted && wanted(file.path)) group.wanted = true;
    return group;
  };
  for (const file of base.files) groupOf(file).base.push(file);
  for (const file of head.files) groupOf(file).head.push(file);
  return [...groups.values()].filter((group) => group.wanted).map(({ base: baseFiles, head: headFiles }) => ({ base: baseFiles, head: headFiles }));
}
