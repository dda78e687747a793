// Workspace resolution of Go facts (DESIGN §3.1), without the Go toolchain: imports map to directories through go.mod
// module paths; names fold across packages; a call's receiver resolves by binding name (package var, local var, struct
// field), and a binding that is also assigned anything opaque is tainted, so its calls are reported unresolved rather than
// checked against a guess.
import type { Location } from '../../engine/finding';
import type { Range } from '../../engine/range';
import type { LabelCall, MetricDefinition, NamedPlace, Unreadable } from '../model';
import type { GoDefinitionFact, GoFileFacts, GoRef, GoTarget, LabelItem, LabelList, StrExpr } from './extract';

export { extractGoFile, looksLikeMetricsGo } from './extract';
export type { GoFileFacts } from './extract';

export interface GoModule {
  /** The directory holding go.mod, repository-relative ('' or '.' for the root). */
  dir: string;
  /** The module path of its `module` directive. */
  path: string;
}

export interface GoResolution {
  definitions: MetricDefinition[];
  calls: LabelCall[];
  unreadable: Unreadable[];
}

/** The module path of a go.mod file, or undefined when it has no readable `module` directive. */
export function parseGoMod(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const match = /^module\s+(?:"([^"]+)"|`([^`]+)`|(\S+))$/.exec(line);
    if (match) return match[1] ?? match[2] ?? match[3];
  }
  return undefined;
}

function dirOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

function normalDir(dir: string): string {
  const trimmed = dir.replace(/^\.\/?/, '').replace(/\/$/, '');
  return trimmed === '' ? '.' : trimmed;
}

interface Bound {
  definitions: number[];
  curried: string[];
}

type Resolved = Bound | { unresolved: string };

/** One definition while resolving: its facts, its file, and the public form once built. */
interface Entry {
  fact: GoDefinitionFact;
  facts: GoFileFacts;
  index: number;
  built?: MetricDefinition;
  /** Why the definition is not in the output (its name cannot be folded). */
  unnamed?: string;
  /** The registry a `MustRegister` call puts it on. */
  registered?: string;
  /** The prefix a wrapped registerer in the function that defines it adds to its name (null: not a constant). */
  registeredPrefix?: StrExpr | null;
}

export function resolveGo(files: readonly GoFileFacts[], modules: readonly GoModule[], assignments = new GoAssignmentIndex()): GoResolution {
  const moduleList = modules.map((module) => ({ dir: normalDir(module.dir), path: module.path })).sort((a, b) => b.path.length - a.path.length);
  assignments.sync(files, moduleList);
  return new Resolver(files, moduleList, assignments).run();
}

interface AssignmentEntry {
  value: GoRef;
  facts: GoFileFacts;
  line: number;
  struct?: string;
}

/** Every assignment of a side's Go files by binding key, kept between checks and updated for the files that changed:
 *  a keystroke re-reads one file's assignments, not the workspace's. */
export class GoAssignmentIndex {
  readonly byKey = new Map<string, AssignmentEntry[]>();
  /** Exported field name → the package directories that assign it, with how many assignments each. */
  readonly exportedFields = new Map<string, Map<string, number>>();
  private readonly byFile = new Map<string, { facts: GoFileFacts; keys: string[]; fields: string[] }>();
  private modules = '';

  sync(files: readonly GoFileFacts[], moduleList: readonly GoModule[]): void {
    const modules = JSON.stringify(moduleList);
    if (modules !== this.modules) {
      this.byKey.clear();
      this.exportedFields.clear();
      this.byFile.clear();
      this.modules = modules;
    }
    const current = new Map(files.map((facts) => [facts.file, facts]));
    for (const [file, indexed] of this.byFile) if (current.get(file) !== indexed.facts) this.remove(file);
    for (const facts of files) if (!this.byFile.has(facts.file)) this.add(facts, moduleList);
  }

  private add(facts: GoFileFacts, moduleList: readonly GoModule[]): void {
    const dir = dirOf(facts.file);
    const keys: string[] = [];
    const fields: string[] = [];
    for (const assignment of facts.assignments) {
      const key = bindingKey(assignment.target, facts, moduleList);
      if (!key) continue;
      const entry = { value: assignment.value, facts, line: assignment.line, struct: assignment.target.k === 'field' ? assignment.target.struct : undefined };
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
      keys.push(key);
      if (assignment.target.k === 'field' && /^[A-Z]/.test(assignment.target.name)) {
        const dirs = this.exportedFields.get(assignment.target.name) ?? new Map<string, number>();
        dirs.set(dir, (dirs.get(dir) ?? 0) + 1);
        this.exportedFields.set(assignment.target.name, dirs);
        fields.push(assignment.target.name);
      }
    }
    this.byFile.set(facts.file, { facts, keys, fields });
  }

  private remove(file: string): void {
    const indexed = this.byFile.get(file)!;
    for (const key of new Set(indexed.keys)) {
      const rest = (this.byKey.get(key) ?? []).filter((entry) => entry.facts !== indexed.facts);
      if (rest.length > 0) this.byKey.set(key, rest);
      else this.byKey.delete(key);
    }
    const dir = dirOf(file);
    for (const name of indexed.fields) {
      const dirs = this.exportedFields.get(name);
      const count = (dirs?.get(dir) ?? 0) - 1;
      if (count > 0) dirs!.set(dir, count);
      else dirs?.delete(dir);
      if (dirs?.size === 0) this.exportedFields.delete(name);
    }
    this.byFile.delete(file);
  }
}

function bindingKey(target: GoTarget, facts: GoFileFacts, moduleList: readonly GoModule[]): string | undefined {
  switch (target.k) {
    case 'local':
      return `${facts.file}\u0000l\u0000${target.func}\u0000${target.name}`;
    case 'var': {
      const dir = target.pkg === undefined ? dirOf(facts.file) : dirOfImportIn(moduleList, target.pkg);
      return dir === undefined ? undefined : `${dir}\u0000v\u0000${target.name}`;
    }
    case 'field':
      return `${dirOf(facts.file)}\u0000f\u0000${target.name}`;
  }
}

function dirOfImportIn(moduleList: readonly GoModule[], path: string): string | undefined {
  for (const module of moduleList) {
    if (path === module.path) return module.dir;
    if (path.startsWith(module.path + '/'))
      return normalDir(module.dir === '.' ? path.slice(module.path.length + 1) : `${module.dir}/${path.slice(module.path.length + 1)}`);
  }
  return undefined;
}

class Resolver {
  private readonly byDir = new Map<string, GoFileFacts[]>();
  private readonly moduleList: GoModule[];
  private readonly entries: Entry[] = [];
  private readonly entryIndex = new Map<GoFileFacts, number>();
  private readonly assignments: ReadonlyMap<string, AssignmentEntry[]>;
  private readonly exportedFields: ReadonlyMap<string, ReadonlyMap<string, number>>;
  private readonly constMemo = new Map<string, string | null>();
  private readonly listMemo = new Map<string, NamedPlace[] | null>();
  private readonly bindingMemo = new Map<string, Resolved>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly files: readonly GoFileFacts[],
    moduleList: readonly GoModule[],
    index: GoAssignmentIndex,
  ) {
    this.moduleList = [...moduleList];
    this.assignments = index.byKey;
    this.exportedFields = index.exportedFields;
    for (const facts of files) {
      const dir = dirOf(facts.file);
      const list = this.byDir.get(dir);
      if (list) list.push(facts);
      else this.byDir.set(dir, [facts]);
      this.entryIndex.set(facts, this.entries.length);
      facts.definitions.forEach((fact, index) => this.entries.push({ fact, facts, index }));
    }
  }

  run(): GoResolution {
    const unreadable: Unreadable[] = [];
    for (const facts of this.files) {
      if (facts.syntaxErrorLine !== undefined) {
        unreadable.push({
          file: facts.file,
          reason: `Go syntax error at line ${facts.syntaxErrorLine + 1}; metric definitions and label calls in the damaged code are not read`,
        });
      }
    }
    this.registrations();
    const ranks = new Map<string, number>();
    for (const entry of this.entries) this.build(entry, ranks);
    const calls: LabelCall[] = [];
    for (const facts of this.files) {
      for (const call of facts.calls) {
        const resolved = this.resolveRef(call.receiver, facts);
        if ('unresolved' in resolved && call.weak) continue;
        const out: LabelCall = {
          method: call.method,
          callee: call.callee,
          location: this.location(facts, call.range),
          definitions: [],
          curried: [],
        };
        if ('unresolved' in resolved) out.unresolved = resolved.unresolved;
        else {
          // Go types settle what a name-based union cannot: only a vector has label methods, only a desc makes const
          // metrics, only an OTel instrument records; a field of the same name holding anything else is another struct's.
          const fitting = resolved.definitions.map((index) => this.entries[index]).filter((entry) => accepts(call.method, entry.fact));
          const unnamed = fitting.find((entry) => entry.unnamed);
          if (fitting.length === 0) {
            if (call.weak) continue;
            out.unresolved = `the receiver resolves only to metrics that have no ${call.callee}`;
          } else if (unnamed) out.unresolved = unnamed.unnamed;
          else {
            out.definitions = fitting.map((entry) => entry.built!);
            out.curried = resolved.curried;
            if (call.method === 'ConstMetric') this.refineDescType(out.definitions, call.valueType);
          }
        }
        if (call.values) out.values = call.values.map((range) => this.location(facts, range));
        if (call.spread) out.spread = true;
        if (call.argumentsEnd) out.argumentsEnd = this.location(facts, call.argumentsEnd);
        if (call.keys) {
          const keys: NamedPlace[] = [];
          for (const key of call.keys) {
            const name = this.evalString(key.name, facts);
            if (name === undefined) break;
            keys.push({ name, location: this.location(facts, key.range) });
          }
          if (keys.length === call.keys.length) out.keys = keys;
        }
        calls.push(out);
      }
    }
    const definitions = this.entries.filter((entry) => !entry.unnamed).map((entry) => entry.built!);
    return { definitions, calls, unreadable };
  }

  private location(facts: GoFileFacts, range: Range): Location {
    return { file: facts.file, range };
  }

  /** A desc has no type of its own; the const metrics made from it give one (when they agree). */
  private refineDescType(definitions: MetricDefinition[], valueType: string | undefined): void {
    const type =
      valueType === 'histogram' || valueType === 'summary'
        ? valueType
        : valueType === 'CounterValue'
          ? 'counter'
          : valueType === 'GaugeValue'
            ? 'gauge'
            : undefined;
    if (!type) return;
    for (const definition of definitions) {
      if (definition.fallbackIdentity?.endsWith('#NewDesc') && definition.type === 'untyped') definition.type = type;
    }
  }

  // ---- building definitions

  private build(entry: Entry, ranks: Map<string, number>): void {
    const { fact, facts } = entry;
    const dir = dirOf(facts.file);
    const binding = fact.binding ?? '';
    const rankKey = `${facts.file}#${binding}`;
    const rank = ranks.get(rankKey) ?? 0;
    ranks.set(rankKey, rank + 1);
    const prefix = fact.namePrefix !== undefined ? fact.namePrefix : entry.registeredPrefix;
    const written = fact.name && this.evalString(fact.name, facts);
    // undefined: no prefix; null: a prefix that is not a constant.
    const prefixText = prefix ? (this.evalString(prefix, facts) ?? null) : prefix;
    const name = written !== undefined && prefixText !== null ? (prefixText ?? '') + written : undefined;
    if (written === undefined) {
      entry.unnamed = `the name of the metric defined at ${facts.file}:${fact.range.start.line + 1} is not a constant`;
    } else if (name === undefined) {
      entry.unnamed = `the metric defined at ${facts.file}:${fact.range.start.line + 1} is registered under a prefix that is not a constant`;
    }
    const definition: MetricDefinition = {
      source: fact.source,
      name: name ?? '',
      type: fact.type,
      labels: this.labels(fact.labels, facts),
      constLabels: this.places(fact.constLabels, facts) ?? [],
      location: this.location(facts, fact.range),
      identity: `${facts.file}#${binding}#${rank}`,
      fallbackIdentity: `${facts.file}#${fact.constructor}`,
      build: { packageDir: dir, isMain: facts.packageName === 'main', ...(facts.goos ? { goos: facts.goos } : {}) },
    };
    // Under a prefix the literal no longer spells the exposed name, so it is not what a rename fix edits.
    if (fact.nameRange && !prefixText) definition.nameLocation = this.location(facts, fact.nameRange);
    if (fact.restore) definition.restoreText = fact.restore;
    if (fact.help) {
      const help = this.evalString(fact.help, facts);
      if (help !== undefined) definition.help = help;
      if (help !== undefined && fact.helpRange) definition.helpLocation = this.location(facts, fact.helpRange);
    }
    if (fact.unit) {
      const unit = this.evalString(fact.unit, facts);
      if (unit !== undefined) definition.unit = unit;
      if (unit !== undefined && fact.unitRange) definition.unitLocation = this.location(facts, fact.unitRange);
    }
    if (fact.registry !== undefined) definition.registry = fact.registry === 'default' ? 'default' : `${dir}#${fact.registry}`;
    else if (entry.registered) definition.registry = entry.registered;
    entry.built = definition;
  }

  private labels(list: LabelList | null | undefined, facts: GoFileFacts): NamedPlace[] | undefined {
    if (list === null) return [];
    if (list === undefined) return undefined;
    return this.evalList(list, facts);
  }

  private places(items: LabelItem[], facts: GoFileFacts): NamedPlace[] | undefined {
    const places: NamedPlace[] = [];
    for (const item of items) {
      const name = this.evalString(item.name, facts);
      if (name === undefined) return undefined;
      places.push(item.name.k === 'lit' ? { name, location: this.location(facts, item.range) } : { name });
    }
    return places;
  }

  /** Registrations: `prometheus.MustRegister(x)` puts x on the default registry, `reg.MustRegister(x)` on reg. */
  private registrations(): void {
    const registryOf = new Map<number, string>();
    for (const facts of this.files) {
      for (const registration of facts.registrations) {
        const registry = registration.registry === 'default' ? 'default' : `${dirOf(facts.file)}#${registration.registry}`;
        for (const collector of registration.collectors) {
          const resolved = this.resolveRef(collector, facts);
          if ('unresolved' in resolved) continue;
          for (const index of resolved.definitions) {
            if (!registryOf.has(index)) registryOf.set(index, registry);
            if (registration.prefix !== undefined && this.definedIn(this.entries[index], facts, registration.func ?? ''))
              this.entries[index].registeredPrefix = registration.prefix;
          }
        }
      }
    }
    for (const [index, registry] of registryOf) this.entries[index].registered = registry;
  }

  /** Whether a definition is made in the given function of that file (written in place, or bound to one of its locals). */
  private definedIn(entry: Entry, facts: GoFileFacts, func: string): boolean {
    return entry.facts === facts && (entry.fact.binding === undefined || entry.fact.binding.startsWith(`${func}.`));
  }

  // ---- constants

  private dirOfImport(path: string): string | undefined {
    return dirOfImportIn(this.moduleList, path);
  }

  private packageFiles(pkg: string | undefined, facts: GoFileFacts): GoFileFacts[] {
    const dir = pkg === undefined ? dirOf(facts.file) : this.dirOfImport(pkg);
    return (dir !== undefined && this.byDir.get(dir)) || [];
  }

  private evalString(expr: StrExpr, facts: GoFileFacts): string | undefined {
    switch (expr.k) {
      case 'lit':
        return expr.v;
      case 'cat': {
        let out = '';
        for (const part of expr.parts) {
          const value = this.evalString(part, facts);
          if (value === undefined) return undefined;
          out += value;
        }
        return out;
      }
      case 'fq': {
        const parts = expr.parts.map((part) => (part ? this.evalString(part, facts) : undefined));
        if (parts.some((part) => part === undefined)) return undefined;
        // BuildFQName: "" when the name is empty, else the non-empty parts joined with "_".
        return parts[2] === '' ? '' : parts.filter((part) => part !== '').join('_');
      }
      case 'ref': {
        if (expr.pkg === undefined && Object.prototype.hasOwnProperty.call(facts.localConsts, expr.name)) {
          return this.evalString(facts.localConsts[expr.name], facts);
        }
        const files = this.packageFiles(expr.pkg, facts);
        const key = `${expr.pkg === undefined ? dirOf(facts.file) : expr.pkg}\u0000${expr.name}`;
        const known = this.constMemo.get(key);
        if (known !== undefined) return known ?? undefined;
        this.constMemo.set(key, null); // a cycle folds to nothing
        const owner = files.find((file) => Object.prototype.hasOwnProperty.call(file.consts, expr.name));
        const value = owner ? this.evalString(owner.consts[expr.name], owner) : undefined;
        this.constMemo.set(key, value ?? null);
        return value;
      }
    }
  }

  private evalList(list: LabelList, facts: GoFileFacts): NamedPlace[] | undefined {
    switch (list.k) {
      case 'list':
        return this.places(list.items, facts);
      case 'append': {
        const base = this.evalList(list.base, facts);
        const more = this.places(list.items, facts);
        return base && more && [...base, ...more];
      }
      case 'ref': {
        const files = this.packageFiles(list.pkg, facts);
        const key = `${list.pkg === undefined ? dirOf(facts.file) : list.pkg}\u0000${list.name}`;
        const known = this.listMemo.get(key);
        if (known !== undefined) return known ?? undefined;
        this.listMemo.set(key, null);
        const owner = files.find((file) => Object.prototype.hasOwnProperty.call(file.lists, list.name));
        // A list variable reassigned anywhere is not a constant list.
        const reassigned = (this.assignments.get(`${owner ? dirOf(owner.file) : ''}\u0000v\u0000${list.name}`)?.length ?? 0) > 1;
        const value = owner && !reassigned ? this.evalList(owner.lists[list.name], owner) : undefined;
        this.listMemo.set(key, value ?? null);
        return value;
      }
    }
  }

  // ---- bindings

  private keyOf(target: GoTarget, facts: GoFileFacts): string | undefined {
    return bindingKey(target, facts, this.moduleList);
  }

  /** `goos`: the GOOS set of the file the resolution started from; assignments in files never built with it are ignored. */
  private resolveRef(ref: GoRef, facts: GoFileFacts, goos: readonly string[] | undefined = facts.goos): Resolved {
    switch (ref.k) {
      case 'def':
        return { definitions: [this.entryIndex.get(facts)! + ref.index], curried: [] };
      case 'opaque':
        return { unresolved: `the receiver ${ref.text} is not a name bound to a metric` };
      case 'curry': {
        const labels = ref.labels?.map((label) => this.evalString(label, facts));
        if (!labels || labels.some((label) => label === undefined)) return { unresolved: 'curried with labels that are not constants' };
        const base = this.resolveRef(ref.base, facts, goos);
        return 'unresolved' in base ? base : { definitions: base.definitions, curried: [...base.curried, ...(labels as string[])] };
      }
      default: {
        let key = this.keyOf(ref, facts);
        if (ref.k === 'var' && ref.pkg !== undefined && key === undefined) return { unresolved: `package ${ref.pkg} is not in the workspace` };
        if (ref.k === 'field' && !this.assignments.has(key!)) {
          // An exported field may be set in another package; use it when exactly one package assigns it.
          const dirs = this.exportedFields.get(ref.name);
          if (dirs?.size === 1) key = `${[...dirs.keys()][0]}\u0000f\u0000${ref.name}`;
        }
        return this.resolveBinding(key!, ref.k === 'field' ? `field "${ref.name}"` : `"${ref.name}"`, goos, ref.k === 'field' ? ref.struct : undefined);
      }
    }
  }

  /** All values assigned to a binding must be known definitions (or aliases of them); any other value taints it. */
  private resolveBinding(bindingKey: string, what: string, goos: readonly string[] | undefined, struct: string | undefined): Resolved {
    const key = `${bindingKey}\u0001${goos?.join(',') ?? '*'}\u0001${struct ?? ''}`;
    const known = this.bindingMemo.get(key);
    if (known) return known;
    if (this.inProgress.has(key)) return { definitions: [], curried: [] };
    this.inProgress.add(key);
    const assigned = (this.assignments.get(bindingKey) ?? []).filter(
      // A field of a known struct takes only that struct's assignments (and those whose struct is not known).
      (assignment) => sharesGoos(assignment.facts.goos, goos) && (!struct || !assignment.struct || assignment.struct === struct),
    );
    let result: Resolved | undefined;
    const definitions = new Set<number>();
    let curried: string[] | undefined;
    for (const { value, facts, line } of assigned) {
      const resolved = this.resolveRef(value, facts, goos);
      if ('unresolved' in resolved) {
        result = {
          unresolved: `${what} is also assigned ${value.k === 'opaque' ? value.text : describe(value)} (${facts.file}:${line + 1}), which is not a known metric`,
        };
        break;
      }
      if (curried && curried.join('\u0000') !== resolved.curried.join('\u0000')) {
        result = { unresolved: `${what} holds metrics curried with different labels` };
        break;
      }
      curried = resolved.curried;
      for (const index of resolved.definitions) definitions.add(index);
    }
    result ??=
      definitions.size > 0
        ? { definitions: [...definitions], curried: curried ?? [] }
        : { unresolved: `${what} is not assigned a metric definition that can be read` };
    this.inProgress.delete(key);
    this.bindingMemo.set(key, result);
    return result;
  }
}

function sharesGoos(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return !a || !b || a.some((goos) => b.includes(goos));
}

function accepts(method: LabelCall['method'], fact: GoDefinitionFact): boolean {
  if (method === 'Record') return fact.source === 'otel-go';
  if (fact.source !== 'go') return false;
  if (method === 'ConstMetric') return fact.constructor.endsWith('NewDesc');
  return fact.constructor.endsWith('Vec');
}

function describe(ref: GoRef): string {
  switch (ref.k) {
    case 'local':
    case 'var':
      return ref.name;
    case 'field':
      return `.${ref.name}`;
    case 'curry':
      return `${describe(ref.base)}.MustCurryWith(…)`;
    default:
      return 'a value';
  }
}
