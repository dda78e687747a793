// What a check needs to know of every file of one side without holding its syntax tree: the names it declares (to
// resolve types across files and tell enums from messages), its package, module path and imports, whether it could
// be read, and its `extend` blocks (extensions pair across packages). Syntax trees are loaded per group of packages
// (protobuf/groups.ts); these summaries are what stays in memory for the whole module.
import type { ProtoFile } from './model';

export type SymbolKind = 'package' | 'message' | 'enum';

export interface ExtendSummary {
  /** The extendee as written, resolved from `scope`. */
  extendee: string;
  scope: string;
  numbers: readonly number[];
}

export interface FileSummary {
  path: string;
  modulePath: string;
  packageName: string;
  /** Identifies the text: equal fingerprints, equal texts. */
  fingerprint: string;
  imports: readonly string[];
  isReadable: boolean;
  /** Why the file is not compared at all (binary content, not UTF-8). */
  unreadable: string | undefined;
  /** The first syntax error, as `notChecked` states it. */
  syntaxProblem: string | undefined;
  /** Fully qualified names, map entries and groups included. */
  messages: readonly string[];
  enums: readonly string[];
  extends: readonly ExtendSummary[];
}

const NONE: readonly never[] = [];

/**
 * A copy of a name that holds nothing else alive. Names in a model are slices of the file's text and concatenations of
 * them, and V8 keeps a slice's whole parent string: a summary holding them would keep every text of the module.
 */
function detached(name: string): string {
  return name.length < 13 ? name : (JSON.parse(JSON.stringify(name)) as string);
}

export function summarize(file: ProtoFile, fingerprint: string, unreadable: string | undefined): FileSummary {
  const first = file.ast.problems[0];
  const syntaxProblem = first ? `syntax error at ${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}` : undefined;
  const extendsFound: ExtendSummary[] = [];
  const addExtends = (blocks: readonly { extendee: string; fields: readonly { number: number | undefined }[] }[], scope: string) => {
    for (const block of blocks) {
      const numbers = block.fields.flatMap((field) => (field.number === undefined ? [] : [field.number]));
      if (numbers.length > 0) extendsFound.push({ extendee: detached(block.extendee), scope: detached(scope), numbers });
    }
  };
  addExtends(file.ast.extends, file.packageName);
  for (const message of file.messages) if (message.decl) addExtends(message.decl.extends, message.fullName);
  const names = (list: readonly string[]) => (list.length > 0 ? list.map(detached) : NONE);
  return {
    path: detached(file.path),
    modulePath: detached(file.modulePath),
    packageName: detached(file.packageName),
    fingerprint,
    imports: names(file.imports),
    isReadable: file.isReadable,
    unreadable,
    syntaxProblem: syntaxProblem === undefined ? undefined : detached(syntaxProblem),
    messages: names(file.messages.map((message) => message.fullName)),
    enums: names(file.enums.map((item) => item.fullName)),
    extends: extendsFound.length > 0 ? extendsFound : NONE,
  };
}

/** Name lookups over one side of the module: what type resolution and the rules ask of files they have not loaded. */
export interface SymbolTable {
  /** Every file of the side, sorted by path. */
  readonly files: readonly FileSummary[];
  byPath(path: string): FileSummary | undefined;
  /** The first file (by path) at this module path. */
  byModulePath(modulePath: string): FileSummary | undefined;
  kindOf(fullName: string): SymbolKind | undefined;
  /** The file declaring a message or enum (the first by path when several do). */
  declarerOf(fullName: string): FileSummary | undefined;
  hasPackage(packageName: string): boolean;
}

/** Names to the files declaring them; most names have one declarer, so it is kept unwrapped. */
class Declarers {
  private readonly map = new Map<string, FileSummary | FileSummary[]>();

  add(name: string, file: FileSummary): void {
    const found = this.map.get(name);
    if (found === undefined) this.map.set(name, file);
    else if (Array.isArray(found)) found.push(file);
    else if (found !== file) this.map.set(name, [found, file]);
  }

  /** The first declarer (in the order added) that `keep` accepts. */
  first(name: string, keep?: (file: FileSummary) => boolean): FileSummary | undefined {
    const found = this.map.get(name);
    if (found === undefined) return undefined;
    if (!Array.isArray(found)) return !keep || keep(found) ? found : undefined;
    return keep ? found.find(keep) : found[0];
  }
}

/** The symbol table of one set of summaries, built once: a base commit's files, or the head files that differ from them. */
export class SideIndex implements SymbolTable {
  readonly files: readonly FileSummary[];
  private readonly paths = new Map<string, FileSummary>();
  private readonly modulePaths = new Declarers();
  private readonly declarers = new Declarers();
  private readonly kinds = new Map<string, SymbolKind>();
  private readonly packages = new Declarers();

  constructor(files: readonly FileSummary[]) {
    this.files = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const file of this.files) {
      this.paths.set(file.path, file);
      this.modulePaths.add(file.modulePath, file);
      this.packages.add(file.packageName, file);
      if (file.packageName) {
        let dot = -1;
        do {
          dot = file.packageName.indexOf('.', dot + 1);
          const prefix = dot < 0 ? file.packageName : file.packageName.slice(0, dot);
          this.declare(prefix, 'package', file);
        } while (dot >= 0);
      }
      for (const name of file.messages) this.declare(name, 'message', file);
      for (const name of file.enums) this.declare(name, 'enum', file);
    }
  }

  byPath(path: string): FileSummary | undefined {
    return this.paths.get(path);
  }

  byModulePath(modulePath: string, keep?: (file: FileSummary) => boolean): FileSummary | undefined {
    return this.modulePaths.first(modulePath, keep);
  }

  kindOf(fullName: string, keep?: (file: FileSummary) => boolean): SymbolKind | undefined {
    return this.declarers.first(fullName, keep) ? this.kinds.get(fullName) : undefined;
  }

  declarerOf(fullName: string, keep?: (file: FileSummary) => boolean): FileSummary | undefined {
    return this.declarers.first(fullName, keep);
  }

  hasPackage(packageName: string, keep?: (file: FileSummary) => boolean): boolean {
    return this.packages.first(packageName, keep) !== undefined;
  }

  private declare(name: string, kind: SymbolKind, file: FileSummary): void {
    if (!this.kinds.has(name)) this.kinds.set(name, kind);
    this.declarers.add(name, file);
  }
}

/**
 * The head side as the base index overlaid with the head files whose text differs from the base (and new ones):
 * typing changes one summary, so each check builds only the small overlay and shares the base's tables.
 */
export class HeadIndex implements SymbolTable {
  readonly files: readonly FileSummary[];
  private readonly paths: Map<string, FileSummary>;
  private readonly overlay: SideIndex;
  /** Base files that are not at head as they were: gone, or changed. */
  private readonly replaced = new Set<FileSummary>();
  private readonly unchanged = (file: FileSummary) => !this.replaced.has(file);

  constructor(private readonly base: SideIndex, files: readonly FileSummary[]) {
    this.files = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.paths = new Map(this.files.map((file) => [file.path, file]));
    const differing: FileSummary[] = [];
    for (const file of this.files) if (base.byPath(file.path) !== file) differing.push(file);
    for (const file of base.files) if (this.paths.get(file.path) !== file) this.replaced.add(file);
    this.overlay = new SideIndex(differing);
  }

  byPath(path: string): FileSummary | undefined {
    return this.paths.get(path);
  }

  byModulePath(modulePath: string): FileSummary | undefined {
    const candidates = [this.overlay.byModulePath(modulePath), this.base.byModulePath(modulePath, this.unchanged)];
    return firstByPath(candidates);
  }

  kindOf(fullName: string): SymbolKind | undefined {
    return this.overlay.kindOf(fullName) ?? this.base.kindOf(fullName, this.unchanged);
  }

  declarerOf(fullName: string): FileSummary | undefined {
    return firstByPath([this.overlay.declarerOf(fullName), this.base.declarerOf(fullName, this.unchanged)]);
  }

  hasPackage(packageName: string): boolean {
    return this.overlay.hasPackage(packageName) || this.base.hasPackage(packageName, this.unchanged);
  }
}

function firstByPath(candidates: (FileSummary | undefined)[]): FileSummary | undefined {
  let best: FileSummary | undefined;
  for (const candidate of candidates) if (candidate && (!best || candidate.path < best.path)) best = candidate;
  return best;
}

/** A table over the given summaries alone (tests, and images built without a module around them). */
export function indexOf(files: readonly FileSummary[]): SymbolTable {
  return new SideIndex(files);
}
