// Which base declaration is which head one, as buf pairs them, and whether a syntax error at head could hide a pair.
// Rules walk these pairs and report through the guarded report each visit is given: they neither search nor guard.
import type { EnumValueDecl, ExtendDecl, MessageDecl, RpcDecl } from './ast';
import { servicesOf, type ProtoService } from './declarations';
import type { ProtoEnum, ProtoField, ProtoFile, ProtoImage, ProtoMessage } from './model';
import { NO_ITEMS, NO_NAMES } from './lists';
import { fieldNumbered, messageNamed, SCALAR_TYPES } from './model';
import type { RuleReport } from './rules/rule';
import { unchangedDeclarations, type Unchanged } from './unchanged';
import { runSteps, type Steps } from '../engine/slices';

export interface FilePair {
  base: ProtoFile;
  /** The head file at the same module path; buf pairs files by path only. */
  head: ProtoFile | undefined;
  /** The head path git's rename detection pairs with a base file that is gone from its path. */
  renamedTo: string | undefined;
}

export interface MessagePair {
  base: ProtoMessage;
  head: ProtoMessage;
}

export interface ImagePairs {
  base: ProtoImage;
  head: ProtoImage;
  files: FilePair[];
  /** Messages paired by full name, but for those unchanged.ts finds unchanged (no rule finds anything there). */
  messages: MessagePair[];
  /** Enums and services the pair walks skip. */
  unchanged: Unchanged;
}

/** `renames` maps head repository paths to base repository paths. */
export function pairImages(base: ProtoImage, head: ProtoImage, renames: ReadonlyMap<string, string>): ImagePairs {
  return runSteps(pairImagesSteps(base, head, renames));
}

/** `pairImages` in steps: the images' types must be their own whenever the work goes on. */
export function* pairImagesSteps(base: ProtoImage, head: ProtoImage, renames: ReadonlyMap<string, string>): Steps<ImagePairs> {
  const renamedFrom = new Map<string, string>();
  for (const [headPath, basePath] of renames) if (head.table.byPath(headPath)) renamedFrom.set(basePath, headPath);
  const files: FilePair[] = base.files.map((file) => {
    const headFile = head.filesByModulePath.get(file.modulePath);
    return { base: file, head: headFile, renamedTo: headFile ? undefined : renamedFrom.get(file.path) };
  });
  const unchanged = yield* unchangedDeclarations(base, head);
  const messages: MessagePair[] = [];
  for (const [fullName, message] of base.messagesByFullName) {
    if (messages.length % 4096 === 4095) yield;
    const other = head.messagesByFullName.get(fullName);
    if (other && !unchanged.messages.has(message)) messages.push({ base: message, head: other });
  }
  return { base, head, files, messages, unchanged };
}

/** The head file's messages by full name: what "deleted from file" compares against. */
export function messagesOfFile(file: ProtoFile): Map<string, ProtoMessage> {
  const map = new Map<string, ProtoMessage>();
  for (const message of file.messages) if (!map.has(message.fullName)) map.set(message.fullName, message);
  return map;
}

// ---- hidden by a syntax error ----

/**
 * Which syntax errors at head could hide what a rule compares. `own`: one in the declaration's body (a message's
 * enclosing bodies count too, as the model marks them). `file`: that, or one at the top level, where the file options
 * and features the declaration inherits are written. `enclosing`: that, or one in an enclosing message's body.
 */
export type Reach = 'own' | 'file' | 'enclosing';

/**
 * A report for one head declaration: each finding goes through unless `isHidden` says a syntax error could be hiding
 * what it compares, and then the file is reported as not checked instead. The test runs per finding, as late as possible.
 */
export function guardedReport(report: RuleReport, file: { path: string }, isHidden: () => boolean): RuleReport {
  return {
    finding: (finding) => (isHidden() ? report.hidden(file) : report.finding(finding)),
    hidden: report.hidden,
  };
}

function isMessageHidden(message: ProtoMessage, reach: Reach): boolean {
  return message.isDamaged || (reach !== 'own' && !message.file.isReadable);
}

function isEnumHidden(item: ProtoEnum, reach: Reach): boolean {
  if (item.decl.damaged) return true;
  if (reach === 'own') return false;
  if (!item.file.isReadable) return true;
  if (reach === 'file') return false;
  const dot = item.nestedName.lastIndexOf('.');
  if (dot < 0) return false;
  return item.parent?.isDamaged ?? false;
}

// ---- files and messages ----

/** Files present on both sides; a syntax error anywhere at the top level of the head file could hide what is compared. */
export function eachFilePair(pairs: ImagePairs, report: RuleReport, visit: (pair: { base: ProtoFile; head: ProtoFile }, report: RuleReport) => void): void {
  for (const { base, head } of pairs.files) {
    if (head)
      visit(
        { base, head },
        guardedReport(report, head, () => !head.isReadable),
      );
  }
}

export function eachMessagePair(pairs: ImagePairs, report: RuleReport, visit: (pair: MessagePair, report: RuleReport) => void, reach: Reach = 'own'): void {
  for (const pair of pairs.messages)
    visit(
      pair,
      guardedReport(report, pair.head.file, () => isMessageHidden(pair.head, reach)),
    );
}

// ---- fields and extensions ----

export interface FieldPair {
  base: ProtoField;
  head: ProtoField;
  /** The message of each side; for an extension, a stand-in for its scope that carries the file and damage. */
  baseMessage: ProtoMessage;
  headMessage: ProtoMessage;
}

export interface FieldPairOptions {
  /** Whether extensions are paired too (by extendee and number), after the message fields. */
  extensions?: boolean;
  reach?: Reach;
}

/**
 * Fields paired as buf pairs them: same message full name (map entries and groups included), same number, and with
 * `extensions`, extensions by extendee and number. A field number declared twice pairs once, by its first field: buf
 * compiles no such file, and a second finding for the same head field would only repeat the first.
 */
export function eachFieldPair(
  pairs: ImagePairs,
  report: RuleReport,
  visit: (pair: FieldPair, report: RuleReport) => void,
  options: FieldPairOptions = {},
): void {
  const list = options.extensions ? [...fieldPairsOf(pairs), ...extensionPairsOf(pairs)] : fieldPairsOf(pairs);
  const reach = options.reach ?? 'own';
  for (const pair of list)
    visit(
      pair,
      guardedReport(report, pair.headMessage.file, () => isMessageHidden(pair.headMessage, reach)),
    );
}

const fieldPairCache = new WeakMap<ImagePairs, FieldPair[]>();
function fieldPairsOf(pairs: ImagePairs): FieldPair[] {
  const cached = fieldPairCache.get(pairs);
  if (cached) return cached;
  const result: FieldPair[] = [];
  for (const { base, head } of pairs.messages) {
    for (const field of base.fields) {
      const other = fieldNumbered(head, field.number);
      if (other && fieldNumbered(base, field.number) === field) result.push({ base: field, head: other, baseMessage: base, headMessage: head });
    }
  }
  fieldPairCache.set(pairs, result);
  return result;
}

const extensionPairCache = new WeakMap<ImagePairs, FieldPair[]>();
function extensionPairsOf(pairs: ImagePairs): FieldPair[] {
  const cached = extensionPairCache.get(pairs);
  if (cached) return cached;
  const result: FieldPair[] = [];
  const head = extensionFieldsOf(pairs.head);
  for (const [key, base] of extensionFieldsOf(pairs.base)) {
    const other = head.get(key);
    if (other) result.push({ base: base.field, head: other.field, baseMessage: base.scope, headMessage: other.scope });
  }
  extensionPairCache.set(pairs, result);
  return result;
}

/** The full name of the message each extension field made here extends (no leading dot). */
const EXTENDEES = new WeakMap<ProtoField, string>();

export function isExtension(field: ProtoField): boolean {
  return EXTENDEES.has(field);
}

/** The message an extension extends, by full name without the leading dot; undefined for a message field. */
export function extendeeOf(field: ProtoField): string | undefined {
  return EXTENDEES.get(field);
}

/** The message an extension is declared in (not the one it extends); for a message field, its own message. */
export function enclosingMessage(field: ProtoField, message: ProtoMessage): ProtoMessage | undefined {
  return isExtension(field) ? message.parent : message;
}

/**
 * Every extension of an image by `extendee:number`, each a ProtoField named by its full name (buf's texts name
 * extensions so), in a stand-in message for its scope that carries the file and damage.
 */
const extensionCache = new WeakMap<ProtoImage, Map<string, { field: ProtoField; scope: ProtoMessage }>>();
function extensionFieldsOf(image: ProtoImage): Map<string, { field: ProtoField; scope: ProtoMessage }> {
  const cached = extensionCache.get(image);
  if (cached) return cached;
  const result = new Map<string, { field: ProtoField; scope: ProtoMessage }>();
  for (const file of image.files) {
    const visit = (blocks: readonly ExtendDecl[], scopeName: string, enclosing: ProtoMessage | undefined) => {
      for (const block of blocks) {
        const extendee = image.resolve(block.extendee, scopeName);
        if (!extendee) continue;
        for (const decl of block.fields) {
          if (decl.number === undefined) continue;
          const key = `${extendee}:${decl.number}`;
          if (result.has(key)) continue;
          const fullName = scopeName ? `${scopeName}.${decl.name}` : decl.name;
          const resolved = SCALAR_TYPES.has(decl.type)
            ? decl.type
            : decl.group
              ? `.${scopeName ? scopeName + '.' : ''}${decl.group.name}`
              : image.resolve(decl.type, scopeName);
          const field: ProtoField = {
            name: fullName,
            number: decl.number,
            decl,
            cardinality: decl.label === 'repeated' ? 'repeated' : decl.label === 'required' ? 'required' : 'optional',
            type: resolved ?? decl.type,
            isTypeResolved: resolved !== undefined,
            jsonName: decl.name,
            hasExplicitJsonName: false,
            oneof: undefined,
          };
          EXTENDEES.set(field, extendee.slice(1));
          const scope: ProtoMessage = {
            fullName: scopeName,
            nestedName: enclosing?.nestedName ?? '',
            name: enclosing?.name ?? '',
            file,
            parent: enclosing,
            decl: undefined,
            range: decl.range,
            isMapEntry: false,
            fields: [field],
            reservedRanges: NO_ITEMS,
            reservedNames: NO_NAMES,
            extensionRanges: NO_ITEMS,
            oneofs: [],
            // A top-level extend block has no damage flag of its own: any syntax error in the file could hide it.
            isDamaged: enclosing ? enclosing.isDamaged : !file.isReadable,
          };
          result.set(key, { field, scope });
        }
      }
    };
    visit(file.ast.extends, file.packageName, undefined);
    const walk = (decls: readonly MessageDecl[], prefix: string) => {
      for (const decl of decls) {
        // Most messages declare no extension and nest nothing: no name to make, no lookup.
        if (decl.extends.length === 0 && decl.messages.length === 0) continue;
        const fullName = prefix ? `${prefix}.${decl.name}` : decl.name;
        if (decl.extends.length > 0) visit(decl.extends, fullName, messageNamed(file, fullName));
        walk(decl.messages, fullName);
      }
    };
    walk(file.ast.messages, file.packageName);
  }
  extensionCache.set(image, result);
  return result;
}

// ---- enums and enum values ----

export interface EnumPair {
  base: ProtoEnum;
  head: ProtoEnum;
}

/** Enums present on both sides, by full name across the whole image (as buf pairs them). */
export function eachEnumPair(pairs: ImagePairs, report: RuleReport, visit: (pair: EnumPair, report: RuleReport) => void, reach: Reach = 'enclosing'): void {
  for (const [fullName, base] of pairs.base.enumsByFullName) {
    const head = pairs.head.enumsByFullName.get(fullName);
    if (head && !pairs.unchanged.enums.has(base))
      visit(
        { base, head },
        guardedReport(report, head.file, () => isEnumHidden(head, reach)),
      );
  }
}

export interface EnumValuePair extends EnumPair {
  number: number;
  /** The values with this number on each side, aliases included, in source order. */
  baseValues: EnumValueDecl[];
  headValues: EnumValueDecl[];
}

/** Enum values paired as buf pairs them: by number within paired enums. */
export function eachEnumValuePair(
  pairs: ImagePairs,
  report: RuleReport,
  visit: (pair: EnumValuePair, report: RuleReport) => void,
  reach: Reach = 'enclosing',
): void {
  eachEnumPair(
    pairs,
    report,
    ({ base, head }, enumReport) => {
      const headByNumber = valuesByNumber(head);
      for (const [number, baseValues] of valuesByNumber(base)) {
        const headValues = headByNumber.get(number);
        if (headValues) visit({ base, head, number, baseValues, headValues }, enumReport);
      }
    },
    reach,
  );
}

function valuesByNumber(item: ProtoEnum): Map<number, EnumValueDecl[]> {
  const result = new Map<number, EnumValueDecl[]>();
  for (const value of item.decl.values) {
    if (value.number === undefined) continue;
    const list = result.get(value.number) ?? [];
    list.push(value);
    result.set(value.number, list);
  }
  return result;
}

// ---- services and rpcs ----

export interface ServicePair {
  base: ProtoService;
  head: ProtoService;
}

const servicePairCache = new WeakMap<ImagePairs, ServicePair[]>();
function servicePairsOf(pairs: ImagePairs): ServicePair[] {
  const cached = servicePairCache.get(pairs);
  if (cached) return cached;
  const heads = servicesByFullName(pairs.head);
  const result: ServicePair[] = [];
  for (const [fullName, base] of servicesByFullName(pairs.base)) {
    const head = heads.get(fullName);
    if (head && !pairs.unchanged.services.has(fullName)) result.push({ base, head });
  }
  servicePairCache.set(pairs, result);
  return result;
}

function servicesByFullName(image: ProtoImage): Map<string, ProtoService> {
  const byName = new Map<string, ProtoService>();
  for (const file of image.files) for (const service of servicesOf(file)) if (!byName.has(service.fullName)) byName.set(service.fullName, service);
  return byName;
}

function isServiceHidden(service: ProtoService): boolean {
  return service.decl.damaged || !service.file.isReadable;
}

/**
 * Services paired by full name across the module (one moved between files of a package is the same service). A syntax
 * error in the head service's body or at the top level of its file could hide what is compared.
 */
export function eachServicePair(pairs: ImagePairs, report: RuleReport, visit: (pair: ServicePair, report: RuleReport) => void): void {
  for (const pair of servicePairsOf(pairs))
    visit(
      pair,
      guardedReport(report, pair.head.file, () => isServiceHidden(pair.head)),
    );
}

export interface RpcPair {
  base: { service: ProtoService; rpc: RpcDecl };
  head: { service: ProtoService; rpc: RpcDecl };
}

/** Rpcs paired by name within paired services; guarded as their services are. */
export function eachRpcPair(pairs: ImagePairs, report: RuleReport, visit: (pair: RpcPair, report: RuleReport) => void): void {
  eachServicePair(pairs, report, ({ base, head }, serviceReport) => {
    for (const rpc of base.decl.rpcs) {
      const other = head.decl.rpcs.find((candidate) => candidate.name === rpc.name);
      if (other) visit({ base: { service: base, rpc }, head: { service: head, rpc: other } }, serviceReport);
    }
  });
}
