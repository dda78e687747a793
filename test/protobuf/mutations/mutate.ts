// Seeded random changes to a proto tree, the kinds a user makes: declarations of every kind deleted, renamed,
// renumbered and retyped (scalars, enums, messages, maps; relative, leading-dot and cross-package spellings), moved
// between files, labels, options, features and syntax changed. Edits are made on the text at the parser's exact
// offsets; whether the result still compiles is for buf to say (a trial that does not compile is not counted).
import type { EnumDecl, FieldDecl, MessageDecl, ProtoFileAst } from '../../../server/src/protobuf/ast';
import { buildFile, ProtoImage, SCALAR_TYPES } from '../../../server/src/protobuf/model';
import { parseProto } from '../../../server/src/protobuf/parser';

export type Tree = Record<string, string>;

/** mulberry32: small, fast and the same on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  below(count: number): number {
    return Math.floor(this.next() * count);
  }
  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.below(items.length)];
  }
}

interface Site {
  path: string;
  text: string;
  ast: ProtoFileAst;
  packageName: string;
}

interface MessageSite extends Site {
  decl: MessageDecl;
  /** `Outer.Inner` */
  nestedName: string;
}

interface FieldSite extends MessageSite {
  field: FieldDecl;
}

interface EnumSite extends Site {
  decl: EnumDecl;
  nestedName: string;
}

function sites(tree: Tree, editable: readonly string[]) {
  const messages: MessageSite[] = [];
  const enums: EnumSite[] = [];
  const files: Site[] = [];
  for (const path of editable) {
    const text = tree[path];
    if (text === undefined) continue;
    const ast = parseProto(text);
    const site: Site = { path, text, ast, packageName: ast.packageName ?? '' };
    files.push(site);
    const visit = (decls: readonly MessageDecl[], prefix: string) => {
      for (const decl of decls) {
        const nestedName = prefix + decl.name;
        if (decl.fields.some((field) => field.group?.name === decl.name)) continue;
        messages.push({ ...site, decl, nestedName });
        for (const item of decl.enums) enums.push({ ...site, decl: item, nestedName: `${nestedName}.${item.name}` });
        visit(decl.messages, nestedName + '.');
      }
    };
    visit(ast.messages, '');
    for (const item of ast.enums) enums.push({ ...site, decl: item, nestedName: item.name });
  }
  const fields: FieldSite[] = messages.flatMap((message) => message.decl.fields.filter((field) => !field.group).map((field) => ({ ...message, field })));
  return { files, messages, enums, fields };
}

/** Replaces [start, end) of a file's text. */
function splice(tree: Tree, path: string, start: number, end: number, insert: string): Tree {
  const text = tree[path];
  return { ...tree, [path]: text.slice(0, start) + insert + text.slice(end) };
}

function offsetOf(text: string, range: { start: { line: number; character: number } }): number {
  let offset = 0;
  for (let line = 0; line < range.start.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + range.start.character;
}

function endOffsetOf(text: string, range: { end: { line: number; character: number } }): number {
  return offsetOf(text, { start: range.end });
}

/** A declaration's text with its leading comments and the line break after it. */
function declarationSpan(text: string, decl: { leadingOffset: number; endOffset: number }): [number, number] {
  const lineStart = text.lastIndexOf('\n', decl.leadingOffset - 1) + 1;
  const start = /^[ \t]*$/.test(text.slice(lineStart, decl.leadingOffset)) ? lineStart : decl.leadingOffset;
  const end = text[decl.endOffset] === '\n' ? decl.endOffset + 1 : decl.endOffset;
  return [start, end];
}

/** The tree without a declaration (its comments and line included). */
function deletion(tree: Tree, path: string, decl: { leadingOffset: number; endOffset: number }, description: string): { tree: Tree; description: string } {
  const [start, end] = declarationSpan(tree[path], decl);
  return { tree: splice(tree, path, start, end, ''), description };
}

/** Every message and enum a file can name, with the spellings that reach it from inside `site`'s package. */
function typesVisibleFrom(tree: Tree, site: Site): { fullName: string; spellings: string[] }[] {
  const reachable = new Set([site.path, ...site.ast.imports.map((item) => item.path)]);
  const files = Object.keys(tree)
    .filter((path) => reachable.has(path))
    .map((path) => buildFile(path, path, tree[path]));
  const image = new ProtoImage(files);
  const result: { fullName: string; spellings: string[] }[] = [];
  for (const file of files) {
    for (const named of [...file.messages.filter((message) => !message.isMapEntry), ...file.enums]) {
      if (!image.table.kindOf(named.fullName)) continue;
      const spellings = ['.' + named.fullName, named.fullName];
      if (file.packageName === site.packageName) spellings.push(named.nestedName);
      result.push({ fullName: named.fullName, spellings });
    }
  }
  return result;
}

const SCALARS = [...SCALAR_TYPES];
const FILE_OPTIONS = ['java_package', 'go_package', 'csharp_namespace', 'php_namespace', 'ruby_package', 'objc_class_prefix', 'java_outer_classname'];

export interface Mutation {
  name: string;
  apply(tree: Tree, random: Random, editable: readonly string[]): { tree: Tree; description: string } | undefined;
}

const fieldMutation = (name: string, change: (site: FieldSite, tree: Tree, random: Random) => { tree: Tree; description: string } | undefined): Mutation => ({
  name,
  apply(tree, random, editable) {
    const site = random.pick(sites(tree, editable).fields);
    return site && change(site, tree, random);
  },
});

const where = (site: FieldSite) => `${site.path} ${site.nestedName}.${site.field.name}`;

export const MUTATIONS: Mutation[] = [
  fieldMutation('delete a field', (site, tree) => deletion(tree, site.path, site.field, `delete field ${where(site)}`)),
  fieldMutation('rename a field', (site, tree) => {
    const start = offsetOf(site.text, site.field.nameRange);
    return {
      tree: splice(tree, site.path, start, endOffsetOf(site.text, site.field.nameRange), `${site.field.name}_renamed`),
      description: `rename field ${where(site)}`,
    };
  }),
  fieldMutation('renumber a field', (site, tree, random) => {
    if (!site.field.numberRange) return undefined;
    const used = Math.max(
      0,
      ...site.decl.fields.map((field) => field.number ?? 0),
      ...site.decl.reserved.flatMap((item) => item.ranges.map((range) => Math.min(range.end, 10_000))),
    );
    const number = used + 1 + random.below(3);
    const start = offsetOf(site.text, site.field.numberRange);
    return {
      tree: splice(tree, site.path, start, endOffsetOf(site.text, site.field.numberRange), String(number)),
      description: `renumber field ${where(site)} to ${number}`,
    };
  }),
  fieldMutation('retype a field to a scalar', (site, tree, random) => {
    if (site.field.mapKey !== undefined) return undefined;
    const type = random.pick(SCALARS.filter((scalar) => scalar !== site.field.type))!;
    const start = offsetOf(site.text, site.field.typeRange);
    return { tree: splice(tree, site.path, start, endOffsetOf(site.text, site.field.typeRange), type), description: `retype field ${where(site)} to ${type}` };
  }),
  fieldMutation('retype a field to a message or enum, in any spelling', (site, tree, random) => {
    if (site.field.mapKey !== undefined) return undefined;
    const target = random.pick(typesVisibleFrom(tree, site));
    if (!target) return undefined;
    const spelling = random.pick(target.spellings)!;
    const start = offsetOf(site.text, site.field.typeRange);
    return {
      tree: splice(tree, site.path, start, endOffsetOf(site.text, site.field.typeRange), spelling),
      description: `retype field ${where(site)} to ${spelling}`,
    };
  }),
  fieldMutation('respell a reference (leading dot, full name or relative)', (site, tree, random) => {
    if (site.field.mapKey !== undefined || SCALAR_TYPES.has(site.field.type)) return undefined;
    const files = Object.keys(tree).map((path) => buildFile(path, path, tree[path]));
    const image = new ProtoImage(files);
    const resolved = image.resolve(site.field.type, site.packageName ? `${site.packageName}.${site.nestedName}` : site.nestedName);
    if (!resolved) return undefined;
    const spelling = random.pick([resolved, resolved.slice(1)])!;
    const start = offsetOf(site.text, site.field.typeRange);
    return {
      tree: splice(tree, site.path, start, endOffsetOf(site.text, site.field.typeRange), spelling),
      description: `respell field ${where(site)} as ${spelling}`,
    };
  }),
  fieldMutation('change a map value type', (site, tree, random) => {
    if (site.field.mapKey === undefined) return undefined;
    const value = random.pick(['string', 'int64', 'bytes', 'google.protobuf.Duration'])!;
    const start = offsetOf(site.text, site.field.typeRange);
    return {
      tree: splice(tree, site.path, start, endOffsetOf(site.text, site.field.typeRange), `map<${site.field.mapKey}, ${value}>`),
      description: `map value of ${where(site)} to ${value}`,
    };
  }),
  fieldMutation('change a label (repeated, optional)', (site, tree, random) => {
    if (site.field.mapKey !== undefined) return undefined;
    const start = site.field.startOffset;
    if (site.field.label) {
      const end = start + site.field.label.length + 1;
      return { tree: splice(tree, site.path, start, end, ''), description: `drop label ${site.field.label} of ${where(site)}` };
    }
    const label = random.pick(['repeated ', 'optional '])!;
    return { tree: splice(tree, site.path, start, start, label), description: `add label ${label.trim()} to ${where(site)}` };
  }),
  fieldMutation('set a field option', (site, tree, random) => {
    const option = random.pick(['deprecated = true', `json_name = "${site.field.name}Json"`, 'jstype = JS_STRING', 'ctype = CORD', 'packed = false'])!;
    const end = site.field.endOffset - 1;
    if (site.field.options.length > 0) {
      const close = site.text.lastIndexOf(']', end);
      return { tree: splice(tree, site.path, close, close, `, ${option}`), description: `field option ${option} on ${where(site)}` };
    }
    return { tree: splice(tree, site.path, end, end, ` [${option}]`), description: `field option ${option} on ${where(site)}` };
  }),
  {
    name: 'delete a message or an enum, nested or not',
    apply(tree, random, editable) {
      const all = sites(tree, editable);
      const site = random.pick([...all.messages, ...all.enums]);
      if (!site) return undefined;
      // Fields and rpcs of the package that name it go too (a half-done deletion does not compile).
      let result = deletion(tree, site.path, site.decl, `delete ${site.path} ${site.nestedName}`).tree;
      const name = new RegExp(`(^|\\.)${site.decl.name}$`);
      for (const path of Object.keys(result)) {
        const ast = parseProto(result[path]);
        if (ast.packageName !== site.ast.packageName) continue;
        const referring = [
          ...allMessages(ast.messages).flatMap((message) => message.fields.filter((field) => name.test(field.mapValue ?? field.type))),
          ...ast.services.flatMap((service) => service.rpcs.filter((rpc) => name.test(rpc.requestType) || name.test(rpc.responseType))),
        ];
        for (const decl of referring.sort((a, b) => b.startOffset - a.startOffset)) result = deletion(result, path, decl, '').tree;
      }
      return { tree: result, description: `delete ${site.path} ${site.nestedName} and what names it` };
    },
  },
  {
    name: 'rename a message or enum with its references in the package',
    apply(tree, random, editable) {
      const all = sites(tree, editable);
      const site = random.pick([...all.messages, ...all.enums]);
      if (!site) return undefined;
      const name = site.decl.name;
      const renamed = `${name}Renamed`;
      let result = splice(tree, site.path, offsetOf(site.text, site.decl.nameRange), endOffsetOf(site.text, site.decl.nameRange), renamed);
      const word = new RegExp(`(?<=[\\s(.<,])${name}(?=[\\s)>,;])`, 'g');
      for (const path of Object.keys(result)) {
        if (parseProto(result[path]).packageName !== site.packageName) continue;
        result = { ...result, [path]: result[path].replace(word, (match, offset: number, text: string) => (isInTypePosition(text, offset) ? renamed : match)) };
      }
      return { tree: result, description: `rename ${site.path} ${site.nestedName} to ${renamed}` };
    },
  },
  {
    name: 'move a top-level message or enum to another file of its package',
    apply(tree, random, editable) {
      const all = sites(tree, editable);
      const site = random.pick([
        ...all.messages.filter((item) => !item.nestedName.includes('.')),
        ...all.enums.filter((item) => !item.nestedName.includes('.')),
      ]);
      if (!site) return undefined;
      const other = random.pick(all.files.filter((file) => file.path !== site.path && file.packageName === site.packageName));
      if (!other) return undefined;
      const [start, end] = declarationSpan(site.text, site.decl);
      const moved = splice(tree, site.path, start, end, '');
      return {
        tree: { ...moved, [other.path]: `${moved[other.path]}\n${site.text.slice(start, end)}` },
        description: `move ${site.nestedName} from ${site.path} to ${other.path}`,
      };
    },
  },
  {
    name: 'delete, renumber or rename an enum value',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).enums);
      const value = site && random.pick(site.decl.values.slice(1));
      if (!site || !value?.numberRange) return undefined;
      const choice = random.below(3);
      if (choice === 0) return deletion(tree, site.path, value, `delete enum value ${site.path} ${site.nestedName}.${value.name}`);
      if (choice === 1) {
        const number = Math.max(...site.decl.values.map((item) => item.number ?? 0)) + 1;
        return {
          tree: splice(tree, site.path, offsetOf(site.text, value.numberRange), endOffsetOf(site.text, value.numberRange), String(number)),
          description: `renumber enum value ${site.nestedName}.${value.name} to ${number}`,
        };
      }
      return {
        tree: splice(tree, site.path, offsetOf(site.text, value.nameRange), endOffsetOf(site.text, value.nameRange), `${value.name}_RENAMED`),
        description: `rename enum value ${site.nestedName}.${value.name}`,
      };
    },
  },
  {
    name: 'change an rpc: streaming, request or response type, deletion',
    apply(tree, random, editable) {
      const files = sites(tree, editable).files.filter((file) => file.ast.services.some((service) => service.rpcs.length > 0));
      const site = random.pick(files);
      const service = site && random.pick(site.ast.services);
      const rpc = service && random.pick(service.rpcs);
      if (!site || !rpc) return undefined;
      const choice = random.below(4);
      if (choice === 0) return deletion(tree, site.path, rpc, `delete rpc ${service.name}.${rpc.name}`);
      const range = choice === 1 ? rpc.requestTypeRange : rpc.responseTypeRange;
      const start = offsetOf(site.text, range);
      if (choice === 3) {
        const streaming = choice === 3 && rpc.requestStreaming;
        const requestStart = offsetOf(site.text, rpc.requestTypeRange);
        const edited = streaming
          ? splice(tree, site.path, requestStart - 'stream '.length, requestStart, '')
          : splice(tree, site.path, requestStart, requestStart, 'stream ');
        return { tree: edited, description: `toggle client streaming of ${service.name}.${rpc.name}` };
      }
      const other = random.pick(site.ast.messages.map((message) => message.name))!;
      const spelling = random.pick([other, `.${site.packageName}.${other}`])!;
      return {
        tree: splice(tree, site.path, start, endOffsetOf(site.text, range), spelling),
        description: `${choice === 1 ? 'request' : 'response'} of ${service.name}.${rpc.name} to ${spelling}`,
      };
    },
  },
  {
    name: 'delete a service',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).files.filter((file) => file.ast.services.length > 0));
      const service = site && random.pick(site.ast.services);
      return site && service && deletion(tree, site.path, service, `delete service ${site.path} ${service.name}`);
    },
  },
  {
    name: 'dissolve or delete a oneof',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).messages.filter((message) => message.decl.oneofs.length > 0));
      const oneof = site && random.pick(site.decl.oneofs);
      if (!site || !oneof) return undefined;
      const inner = oneof.fields.map((field) => site.text.slice(...declarationSpan(site.text, field))).join('');
      const [start, end] = declarationSpan(site.text, oneof);
      return {
        tree: splice(tree, site.path, start, end, random.below(2) === 0 ? inner : ''),
        description: `dissolve/delete oneof ${site.nestedName}.${oneof.name}`,
      };
    },
  },
  {
    name: 'change or delete a file option',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).files);
      if (!site) return undefined;
      const existing = random.pick(site.ast.options.filter((option) => FILE_OPTIONS.includes(option.name)));
      if (existing && random.below(2) === 0) {
        return deletion(tree, site.path, existing, `delete option ${existing.name} of ${site.path}`);
      }
      const name = existing?.name ?? random.pick(FILE_OPTIONS)!;
      const statement = `option ${name} = "Changed${name === 'go_package' ? '/v9' : ''}";\n`;
      if (existing) {
        const [start, end] = declarationSpan(site.text, existing);
        return { tree: splice(tree, site.path, start, end, statement), description: `change option ${name} of ${site.path}` };
      }
      const at = site.ast.packageRange ? endOffsetOf(site.text, site.ast.packageRange) + 1 : 0;
      return { tree: splice(tree, site.path, at, at, statement), description: `add option ${name} to ${site.path}` };
    },
  },
  {
    name: 'move a proto3 file to edition 2023 with proto3 behaviour, or not',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).files.filter((file) => file.ast.syntax.syntax === 'proto3' && file.ast.syntax.range));
      if (!site) return undefined;
      const range = site.ast.syntax.range!;
      const faithful = random.below(2) === 0;
      const header = `edition = "2023";${faithful ? '\noption features.field_presence = IMPLICIT;\noption features.enum_type = OPEN;' : ''}`;
      let edited = splice(tree, site.path, offsetOf(site.text, range), endOffsetOf(site.text, range), header);
      // `optional` is not a label in editions: explicit presence is a feature.
      edited = {
        ...edited,
        [site.path]: edited[site.path].replace(
          /(\n\s*)optional (\S+ \w+ = \d+)( \[)?/g,
          (_, indent: string, rest: string, bracket?: string) => `${indent}${rest} [features.field_presence = EXPLICIT${bracket ? ',' : ']'}`,
        ),
      };
      return { tree: edited, description: `${site.path} to edition 2023${faithful ? ' with proto3 features' : ''}` };
    },
  },
  {
    name: 'delete a reserved statement',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).messages.filter((message) => message.decl.reserved.length > 0));
      const reserved = site && random.pick(site.decl.reserved);
      return site && reserved && deletion(tree, site.path, reserved, `delete reserved of ${site.nestedName}`);
    },
  },
  {
    name: 'change an extension: delete, rename, renumber or retype',
    apply(tree, random, editable) {
      const found = sites(tree, editable).files.flatMap((file) =>
        [...file.ast.extends, ...allMessages(file.ast.messages).flatMap((message) => message.extends)].flatMap((block) =>
          block.fields.map((field) => ({ file, block, field })),
        ),
      );
      const site = random.pick(found);
      if (!site) return undefined;
      const { file, field } = site;
      const what = `extension ${file.path} ${field.name} of ${site.block.extendee}`;
      const choice = random.below(4);
      if (choice === 0) return deletion(tree, file.path, field, `delete ${what}`);
      const range = choice === 1 ? field.nameRange : choice === 2 ? field.numberRange : field.typeRange;
      if (!range) return undefined;
      const replacement =
        choice === 1
          ? `${field.name}_renamed`
          : choice === 2
            ? String((field.number ?? 0) + 1 + random.below(5))
            : random.pick(SCALARS.filter((type) => type !== field.type))!;
      return {
        tree: splice(tree, file.path, offsetOf(file.text, range), endOffsetOf(file.text, range), replacement),
        description: `${['', 'rename', 'renumber', 'retype'][choice]} ${what} to ${replacement}`,
      };
    },
  },
  {
    name: 'move a proto3 file to proto2, or to edition 2024 with visibility keywords',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).files.filter((file) => file.ast.syntax.syntax === 'proto3' && file.ast.syntax.range));
      if (!site) return undefined;
      const toProto2 = random.below(2) === 0;
      // Edits from the end backwards, so that earlier offsets stay valid.
      const edits: [number, number, string][] = [];
      const range = site.ast.syntax.range!;
      edits.push([
        offsetOf(site.text, range),
        endOffsetOf(site.text, range),
        toProto2 ? 'syntax = "proto2";' : 'edition = "2024";\noption features.field_presence = IMPLICIT;\noption features.enum_type = OPEN;',
      ]);
      // Edition 2024 rejects java_multiple_files: a user moving there deletes it.
      if (!toProto2)
        for (const option of site.ast.options.filter((item) => item.name === 'java_multiple_files')) edits.push([...declarationSpan(site.text, option), '']);
      for (const message of allMessages(site.ast.messages)) {
        const inOneof = new Set(message.oneofs.flatMap((oneof) => oneof.fields));
        for (const field of message.fields) {
          if (field.mapKey !== undefined || field.group || inOneof.has(field) || (field.label && field.label !== 'optional')) continue;
          // proto2 wants a label on every field; editions has no `optional`, only explicit presence.
          if (toProto2 && !field.label) edits.push([field.startOffset, field.startOffset, 'optional ']);
          if (!toProto2 && field.label === 'optional') {
            edits.push([field.startOffset, field.startOffset + 'optional '.length, '']);
            const end = field.endOffset - 1;
            edits.push(
              field.options.length > 0
                ? [site.text.lastIndexOf(']', end), site.text.lastIndexOf(']', end), ', features.field_presence = EXPLICIT']
                : [end, end, ' [features.field_presence = EXPLICIT]'],
            );
          }
        }
      }
      if (!toProto2)
        for (const decl of [...site.ast.messages, ...site.ast.enums])
          if (random.below(2) === 0) edits.push([decl.startOffset, decl.startOffset, random.pick(['export ', 'local '])!]);
      let text = site.text;
      for (const [start, end, insert] of edits.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + insert + text.slice(end);
      return { tree: { ...tree, [site.path]: text }, description: `${site.path} to ${toProto2 ? 'proto2' : 'edition 2024'}` };
    },
  },
  {
    name: 'rename a package, with the references other files make to it',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).files.filter((file) => file.packageName));
      if (!site) return undefined;
      const from = site.packageName;
      const to = `${from}.renamed`;
      const result: Tree = {};
      const reference = new RegExp(`(?<=[\\s(<,.])${from.replace(/\./g, '\\.')}\\.(?=[A-Z])`, 'g');
      for (const [path, text] of Object.entries(tree)) {
        let edited = text.replace(reference, (match, offset: number, whole: string) => (isInTypePosition(whole, offset) ? `${to}.` : match));
        if (parseProto(text).packageName === from) edited = edited.replace(new RegExp(`^package ${from.replace(/\./g, '\\.')};`, 'm'), `package ${to};`);
        result[path] = edited;
      }
      return { tree: result, description: `rename package ${from} to ${to}` };
    },
  },
  {
    name: 'set a message option',
    apply(tree, random, editable) {
      const site = random.pick(sites(tree, editable).messages);
      if (!site) return undefined;
      const option = random.pick(['deprecated = true', 'no_standard_descriptor_accessor = true'])!;
      const at = site.decl.bodyStartOffset + 1;
      return { tree: splice(tree, site.path, at, at, `\n  option ${option};`), description: `message option ${option} on ${site.path} ${site.nestedName}` };
    },
  },
  fieldMutation('wrap a field in a new oneof', (site, tree) => {
    if (site.field.label || site.field.mapKey !== undefined || site.decl.oneofs.some((oneof) => oneof.fields.includes(site.field))) return undefined;
    const [start, end] = declarationSpan(site.text, site.field);
    return {
      tree: splice(tree, site.path, start, end, `oneof ${site.field.name}_choice {\n${site.text.slice(start, end)}}\n`),
      description: `wrap ${where(site)} in a oneof`,
    };
  }),
  {
    name: 'delete a file nobody imports',
    apply(tree, random, editable) {
      const imported = new Set(Object.values(tree).flatMap((text) => parseProto(text).imports.map((item) => item.path)));
      const path = random.pick(editable.filter((candidate) => candidate in tree && !imported.has(candidate)));
      if (!path) return undefined;
      const { [path]: _gone, ...rest } = tree;
      void _gone;
      return { tree: rest, description: `delete file ${path}` };
    },
  },
];

function allMessages(decls: readonly MessageDecl[]): MessageDecl[] {
  return decls.flatMap((decl) => [decl, ...allMessages(decl.messages)]);
}

/** Whether the word at `offset` stands where a type name does (not in a comment or a string). */
function isInTypePosition(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return !before.includes('//') && (before.match(/"/g)?.length ?? 0) % 2 === 0;
}

/** One trial: 1 to 3 mutations drawn with `seed`, applied in turn to the files `editable` names. */
export function mutate(tree: Tree, seed: number, editable: readonly string[]): { tree: Tree; changes: string[]; kinds: string[] } {
  const random = new Random(seed);
  const count = 1 + random.below(3);
  const changes: string[] = [];
  const kinds: string[] = [];
  let current = tree;
  for (let attempt = 0; changes.length < count && attempt < 20; attempt++) {
    const mutation = random.pick(MUTATIONS)!;
    const result = mutation.apply(current, random, editable);
    if (!result) continue;
    current = result.tree;
    changes.push(result.description);
    kinds.push(mutation.name);
  }
  return { tree: current, changes, kinds };
}
