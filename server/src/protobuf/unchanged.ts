// Declarations that read the same at the base and at head and mean the same there: no rule can find anything between
// the two, so the pair walks (pairs.ts) skip them. Typing in a large file changes one declaration; comparing every
// other one again on each keystroke was most of the check's time.
//
// A message, enum or service is unchanged when
//   - its file is at the same path on both sides, with the same syntax or edition, package, imports and file options
//     (what every declaration inherits), and nothing there spoils the whole file;
//   - the top-level declaration it is part of has the same text on both sides (so its enclosing messages' options and
//     features are the same too) and no syntax error inside;
//   - its name is declared by that file first on both sides (so the pair is the one buf makes);
//   - a message: each field's type resolves to the same name, of the same kind, on both sides, and an enum type's own
//     declaration is unchanged in text (its values, options and features: what the default and wire rules read);
//   - a service: each rpc's request and response types resolve to the same names on both sides.
// Rules still see every declaration for their lookups; only what they walk shrinks.
import type { EnumDecl, MessageDecl, ProtoFileAst, ServiceDecl } from './ast';
import type { ProtoEnum, ProtoField, ProtoFile, ProtoImage, ProtoMessage } from './model';
import { SCALAR_TYPES } from './model';
import type { Steps } from '../engine/slices';

export interface Unchanged {
  /** Base messages whose pair with the head message of the same name is skipped. */
  messages: ReadonlySet<ProtoMessage>;
  enums: ReadonlySet<ProtoEnum>;
  /** Full names of services whose pair is skipped. */
  services: ReadonlySet<string>;
}

type TopLevel = MessageDecl | EnumDecl | ServiceDecl;

/** Messages looked at between two yields. */
const MESSAGES_PER_STEP = 512;

/** In steps: the images' types must be their own whenever the work goes on (the checker reclaims them after each turn). */
export function* unchangedDeclarations(base: ProtoImage, head: ProtoImage): Steps<Unchanged> {
  const messages = new Set<ProtoMessage>();
  const enums = new Set<ProtoEnum>();
  const services = new Set<string>();
  const sameText = new Map<TopLevel, boolean>();
  const comparable = new Map<ProtoFile, boolean>();
  const comparableFiles = (baseFile: ProtoFile, headFile: ProtoFile): boolean => {
    let result = comparable.get(baseFile);
    if (result === undefined) {
      result =
        !baseFile.ast.fileProblem && !headFile.ast.fileProblem && (baseFile.text === headFile.text || fileHeader(baseFile.ast) === fileHeader(headFile.ast));
      comparable.set(baseFile, result);
    }
    return result;
  };
  /** Whether two top-level declarations (of files with the same header) read the same, remembered by the base one. */
  const sameTopLevel = (baseFile: ProtoFile, baseDecl: TopLevel, headFile: ProtoFile, headDecl: TopLevel) => {
    let same = sameText.get(baseDecl);
    if (same === undefined) {
      same =
        !isDamaged(baseDecl) &&
        !isDamaged(headDecl) &&
        baseDecl.endOffset - baseDecl.startOffset === headDecl.endOffset - headDecl.startOffset &&
        baseFile.text.slice(baseDecl.startOffset, baseDecl.endOffset) === headFile.text.slice(headDecl.startOffset, headDecl.endOffset);
      sameText.set(baseDecl, same);
    }
    return same;
  };
  const sameEnum = (baseEnum: ProtoEnum | undefined, headEnum: ProtoEnum | undefined): boolean => {
    if (!baseEnum || !headEnum || baseEnum.file.path !== headEnum.file.path || !comparableFiles(baseEnum.file, headEnum.file)) return false;
    return sameTopLevel(baseEnum.file, topLevelOfEnum(baseEnum), headEnum.file, topLevelOfEnum(headEnum));
  };
  const sameReference = (baseField: ProtoField, headField: ProtoField): boolean => {
    if (baseField.type !== headField.type || !baseField.isTypeResolved || !headField.isTypeResolved) return false;
    if (SCALAR_TYPES.has(baseField.type)) return true;
    if (!baseField.type.startsWith('.')) return false;
    const name = baseField.type.slice(1);
    const kind = base.table.kindOf(name);
    if (kind !== head.table.kindOf(name)) return false;
    // A well-known type (no kind in the module) is the same on both sides; an enum's values and features are read.
    return kind !== 'enum' || sameEnum(base.enumNamed(name), head.enumNamed(name));
  };

  for (const baseFile of base.files) {
    const headFile = head.filesByModulePath.get(baseFile.modulePath);
    if (!headFile || headFile.path !== baseFile.path || !comparableFiles(baseFile, headFile)) continue;
    const headTopLevel = yield* topLevelByName(headFile.ast);
    // The same text begins with the same keyword: a declaration of the same kind.
    const sameTopLevelOf = (decl: TopLevel): boolean => {
      const other = headTopLevel.get(decl.name);
      return other !== undefined && other !== DUPLICATE && sameTopLevel(baseFile, decl, headFile, other);
    };
    const baseTopLevel = yield* topLevelByName(baseFile.ast);
    const unique = (decl: TopLevel) => baseTopLevel.get(decl.name) === decl;

    let count = 0;
    for (const message of baseFile.messages) {
      if (++count % MESSAGES_PER_STEP === 0) yield;
      const root = rootOf(message);
      if (!root.decl || !unique(root.decl) || !sameTopLevelOf(root.decl) || message.isDamaged) continue;
      if (base.messagesByFullName.get(message.fullName) !== message) continue;
      const other = head.messagesByFullName.get(message.fullName);
      if (!other || other.file !== headFile || other.isDamaged || other.fields.length !== message.fields.length) continue;
      if (message.fields.every((field, index) => sameReference(field, other.fields[index]))) messages.add(message);
    }
    for (const item of baseFile.enums) {
      if (++count % MESSAGES_PER_STEP === 0) yield;
      const root = topLevelOfEnum(item);
      if (!unique(root) || !sameTopLevelOf(root) || item.decl.damaged) continue;
      if (base.enumsByFullName.get(item.fullName) !== item || head.enumsByFullName.get(item.fullName)?.file !== headFile) continue;
      enums.add(item);
    }
    const prefix = baseFile.packageName ? `${baseFile.packageName}.` : '';
    for (const service of baseFile.services) {
      if (++count % MESSAGES_PER_STEP === 0) yield;
      if (!unique(service) || !sameTopLevelOf(service)) continue;
      const fullName = prefix + service.name;
      const resolvesAlike = (type: string) => {
        const resolved = base.resolve(type, fullName);
        return resolved !== undefined && resolved === head.resolve(type, fullName);
      };
      if (service.rpcs.every((rpc) => resolvesAlike(rpc.requestType) && resolvesAlike(rpc.responseType))) services.add(fullName);
    }
  }
  // Services pair by full name across the files of the group: one declared by another file too is compared.
  for (const [image, side] of [
    [base, 'base'],
    [head, 'head'],
  ] as const) {
    const seen = new Set<string>();
    for (const file of image.files) {
      const prefix = file.packageName ? `${file.packageName}.` : '';
      for (const service of file.services) {
        const fullName = prefix + service.name;
        if (seen.has(fullName)) services.delete(fullName);
        seen.add(fullName);
        const owner = side === 'base' ? base.filesByModulePath.get(file.modulePath) : head.filesByModulePath.get(file.modulePath);
        if (owner !== file) services.delete(fullName);
      }
    }
  }
  return { messages, enums, services };
}

const DUPLICATE = Symbol('declared more than once');

/** The file's top-level messages, enums and services by name; a name declared twice (of any kind) is not compared this way. */
function* topLevelByName(ast: ProtoFileAst): Steps<Map<string, TopLevel | typeof DUPLICATE>> {
  const result = new Map<string, TopLevel | typeof DUPLICATE>();
  let count = 0;
  for (const list of [ast.messages, ast.enums, ast.services]) {
    for (const decl of list) {
      if (++count % 4096 === 0) yield;
      result.set(decl.name, result.has(decl.name) ? DUPLICATE : decl);
    }
  }
  return result;
}

function isDamaged(decl: TopLevel): boolean {
  return 'damaged' in decl && decl.damaged;
}

/** What every declaration of a file inherits or resolves through: syntax or edition, package, imports and file options. */
function fileHeader(ast: ProtoFileAst): string {
  return JSON.stringify([
    ast.syntax.syntax,
    ast.syntax.edition ?? null,
    ast.packageName ?? null,
    ast.imports.map((item) => [item.path, item.modifier ?? null]),
    ast.options.map((option) => [option.name, option.valueText, option.value, option.valueKind]),
  ]);
}

function rootOf(message: ProtoMessage): ProtoMessage {
  let root = message;
  while (root.parent) root = root.parent;
  return root;
}

function topLevelOfEnum(item: ProtoEnum): TopLevel {
  return item.parent ? (rootOf(item.parent).decl ?? item.decl) : item.decl;
}
