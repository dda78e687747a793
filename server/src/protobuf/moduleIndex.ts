// What a check needs to know of every file of one side without holding its syntax tree: the names it declares (to
// resolve types across files and tell enums from messages), its package, module path and imports, whether it could
// be read, and its `extend` blocks (extensions pair across packages). Syntax trees are loaded per group of packages
// (protobuf/groups.ts); these summaries are what stays in memory for the whole module.
import type { ProtoFile } from './model';
import { runSteps, type Steps } from '../engine/slices';

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
  return runSteps(summarizeSteps(file, fingerprint, unreadable));
}

/** Names copied between two yields of `summarizeSteps`. */
const NAMES_PER_STEP = 2048;

/** `summarize` in steps: a large file has tens of thousands of names to copy. */
export function* summarizeSteps(file: ProtoFile, fingerprint: string, unreadable: string | undefined): Steps<FileSummary> {
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
  function* names(list: readonly string[]): Steps<readonly string[]> {
    if (list.length === 0) return NONE;
    const copies: string[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      if (i % NAMES_PER_STEP === NAMES_PER_STEP - 1) yield;
      copies[i] = detached(list[i]);
    }
    return copies;
  }
  const imports = yield* names(file.imports);
  const messages = yield* names(file.messages.map((message) => message.fullName));
  const enums = yield* names(file.enums.map((item) => item.fullName));
  return {
    path: detached(file.path),
    modulePath: detached(file.modulePath),
    packageName: detached(file.packageName),
    fingerprint,
    imports,
    isReadable: file.isReadable,
    unreadable,
    syntaxProblem: syntaxProblem === undefined ? undefined : detached(syntaxProblem),
    messages,
    enums,
    extends: extendsFound.length > 0 ? extendsFound : NONE,
  };
}

/** Name lookups over one side of the module: what type resolution and the rules ask of files they have not loaded. */
export interface SymbolTable {
  /** Every file of the side, sorted by path. */
  readonly files: readonly FileSummary[];
  /** The files that could not be read or parsed whole (binary, not UTF-8, a top-level syntax error). */
  readonly unreadableFiles: readonly FileSummary[];
  byPath(path: string): FileSummary | undefined;
  /** The first file (by path) at this module path. */
  byModulePath(modulePath: string): FileSummary | undefined;
  kindOf(fullName: string): SymbolKind | undefined;
  /** The file declaring a message or enum (the first by path when several do). */
  declarerOf(fullName: string): FileSummary | undefined;
  /** Every file declaring a message or enum of this name: more than one is a module buf refuses to compile. */
  declarersOf(fullName: string): readonly FileSummary[];
  hasPackage(packageName: string): boolean;
  /** The files of a package, sorted by path. */
  filesOfPackage(packageName: string): readonly FileSummary[];
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

  all(name: string, keep?: (file: FileSummary) => boolean): readonly FileSummary[] {
    const found = this.map.get(name);
    if (found === undefined) return NONE;
    const files = Array.isArray(found) ? found : [found];
    return keep ? files.filter(keep) : files;
  }
}

/** The symbol table of one set of summaries, built once: a base commit's files, or the head files that differ from them. */
export class SideIndex implements SymbolTable {
  readonly files: readonly FileSummary[];
  readonly unreadableFiles: readonly FileSummary[];
  /** Package names to their files, sorted by path. */
  readonly packageFiles = new Map<string, FileSummary[]>();
  private readonly paths = new Map<string, FileSummary>();
  private readonly modulePaths = new Declarers();
  private readonly declarers = new Declarers();
  private readonly kinds = new Map<string, SymbolKind>();
  private readonly packages = new Declarers();

  constructor(files: readonly FileSummary[]) {
    this.files = sortedByPath(files);
    this.unreadableFiles = this.files.filter((file) => !file.isReadable);
    for (const file of this.files) {
      this.paths.set(file.path, file);
      this.modulePaths.add(file.modulePath, file);
      this.packages.add(file.packageName, file);
      const inPackage = this.packageFiles.get(file.packageName);
      if (inPackage) inPackage.push(file);
      else this.packageFiles.set(file.packageName, [file]);
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

  declarersOf(fullName: string, keep?: (file: FileSummary) => boolean): readonly FileSummary[] {
    return this.declarers.all(fullName, keep);
  }

  hasPackage(packageName: string, keep?: (file: FileSummary) => boolean): boolean {
    return this.packages.first(packageName, keep) !== undefined;
  }

  filesOfPackage(packageName: string): readonly FileSummary[] {
    return this.packageFiles.get(packageName) ?? NONE;
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
  readonly unreadableFiles: readonly FileSummary[];
  /** Head files that are not the base's own: changed or new. */
  readonly overlay: SideIndex;
  /** Base files that are not at head as they were: gone, or changed. */
  readonly replaced = new Set<FileSummary>();
  private readonly unchanged = (file: FileSummary) => !this.replaced.has(file);

  /** `previous`: an index of the same paths in the same order whose files differ from `files` at most at `positions`
   *  (typing changes one file of thousands); only those are looked at. */
  constructor(
    readonly base: SideIndex,
    files: readonly FileSummary[],
    previous?: { index: HeadIndex; positions: readonly number[] },
  ) {
    if (previous) {
      this.files = files;
      for (const file of previous.index.replaced) this.replaced.add(file);
      const differing = new Set(previous.index.overlay.files);
      for (const position of previous.positions) {
        const before = previous.index.files[position];
        const after = files[position];
        if (before === after) continue;
        differing.delete(before);
        const atBase = base.byPath(after.path);
        if (atBase === after) this.replaced.delete(atBase);
        else {
          differing.add(after);
          if (atBase) this.replaced.add(atBase);
        }
      }
      this.overlay = new SideIndex([...differing]);
      this.unreadableFiles = sortedByPath([...base.unreadableFiles.filter(this.unchanged), ...this.overlay.unreadableFiles]);
      return;
    }
    this.files = sortedByPath(files);
    const differing: FileSummary[] = [];
    let shared = 0;
    for (const file of this.files) {
      const before = base.byPath(file.path);
      if (before === file) {
        shared++;
        continue;
      }
      differing.push(file);
      if (before) this.replaced.add(before);
    }
    // Base files gone from head are found by count, so that typing never walks the whole base.
    if (shared + this.replaced.size < base.files.length) {
      const present = new Set(this.files.map((file) => file.path));
      for (const file of base.files) if (!present.has(file.path)) this.replaced.add(file);
    }
    this.overlay = new SideIndex(differing);
    this.unreadableFiles = sortedByPath([...base.unreadableFiles.filter(this.unchanged), ...this.overlay.unreadableFiles]);
  }

  byPath(path: string): FileSummary | undefined {
    const file = this.overlay.byPath(path) ?? this.base.byPath(path);
    return file && this.unchanged(file) ? file : undefined;
  }

  byModulePath(modulePath: string): FileSummary | undefined {
    return firstByPath([this.overlay.byModulePath(modulePath), this.base.byModulePath(modulePath, this.unchanged)]);
  }

  kindOf(fullName: string): SymbolKind | undefined {
    return this.overlay.kindOf(fullName) ?? this.base.kindOf(fullName, this.unchanged);
  }

  declarerOf(fullName: string): FileSummary | undefined {
    return firstByPath([this.overlay.declarerOf(fullName), this.base.declarerOf(fullName, this.unchanged)]);
  }

  declarersOf(fullName: string): readonly FileSummary[] {
    const added = this.overlay.declarersOf(fullName);
    const kept = this.base.declarersOf(fullName, this.unchanged);
    return added.length === 0 ? kept : kept.length === 0 ? added : sortedByPath([...kept, ...added]);
  }

  hasPackage(packageName: string): boolean {
    return this.overlay.hasPackage(packageName) || this.base.hasPackage(packageName, this.unchanged);
  }

  filesOfPackage(packageName: string): readonly FileSummary[] {
    const kept = this.base.filesOfPackage(packageName).filter(this.unchanged);
    const added = this.overlay.filesOfPackage(packageName);
    return added.length === 0 ? kept : sortedByPath([...kept, ...added]);
  }

  isUnchanged(file: FileSummary): boolean {
    return this.unchanged(file);
  }
}

/** The files sorted by path; the same array when it already is (a tree's listing is). */
function sortedByPath(files: readonly FileSummary[]): readonly FileSummary[] {
  for (let i = 1; i < files.length; i++) {
    if (files[i - 1].path >= files[i].path) return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return files;
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
