// Deletions from a whole package: code that imports by package (Go, and any language after a file move) breaks
// only when the declaration is gone from every file of the package. buf looks only at packages that still hold
// at least one declaration of the kind at head (any file, for services); a package gone altogether is
// PACKAGE_NO_DELETE alone, reported with no file.
import { START_OF_FILE } from '../../engine/range';
import { extensionsOf, messagesByNestedName, servicesOf, survivingAncestor } from '../declarations';
import type { ProtoFile, ProtoMessage } from '../model';
import type { ImagePairs } from '../pairs';
import type { FileSummary } from '../moduleIndex';
import { droppedWellKnownFilesOf, wellKnownDeclarations, wellKnownPackages } from '../wellKnownFiles';
import { breakingRule, type RuleReport } from './rule';

export const packageNoDelete = breakingRule({
  id: 'PACKAGE_NO_DELETE',
  summary: 'A package present at the base has no file at head',
  check(pairs, report) {
    const headTable = pairs.head.table;
    const wellKnownAtHead = wellKnownPackages(headTable);
    const hasHeadPackage = (name: string) => headTable.hasPackage(name) || wellKnownAtHead.has(name);
    const unreadable = headTable.unreadableFiles;
    for (const [name, files] of byPackage(pairs.base.files)) {
      if (hasHeadPackage(name)) continue;
      if (unreadable.length > 0) {
        unreadable.forEach((file) => report.hidden(file));
        continue;
      }
      // buf gives no file; we need one for the editor: the first of the package's base files, at 1:1.
      const first = [...files].sort((a, b) => (a.path < b.path ? -1 : 1))[0];
      const headFile = pairs.head.filesByModulePath.get(first.modulePath);
      report.finding({
        file: headFile ?? first.path,
        basePath: first.path,
        range: START_OF_FILE,
        message: `Previously present package "${name}" was deleted.`,
        base: { file: first.path, range: first.ast.packageRange ?? START_OF_FILE },
      });
    }
    // Packages only well-known files held (google.protobuf, pb): see FILE_NO_DELETE for where these go.
    const reported = new Set<string>();
    for (const dropped of droppedWellKnownFilesOf(pairs) ?? []) {
      if (pairs.base.table.hasPackage(dropped.package) || hasHeadPackage(dropped.package) || reported.has(dropped.package)) continue;
      reported.add(dropped.package);
      reportOnImporter(pairs, report, dropped.importer, `Previously present package "${dropped.package}" was deleted.`);
    }
  },
});

function reportOnImporter(pairs: ImagePairs, report: RuleReport, importer: FileSummary, message: string): void {
  report.finding({ file: pairs.head.filesByModulePath.get(importer.modulePath) ?? importer.path, basePath: importer.path, range: START_OF_FILE, message });
}

/** Declarations of dropped well-known files whose package still holds some declaration of the kind at head. */
function droppedWellKnown(pairs: ImagePairs, report: RuleReport, kind: 'message' | 'enum' | 'extension', headNamesOf: (files: ProtoFile[]) => string[]): void {
  const key = kind === 'message' ? 'messages' : kind === 'enum' ? 'enums' : 'extensions';
  for (const dropped of droppedWellKnownFilesOf(pairs) ?? []) {
    const headFiles = pairs.head.files.filter((file) => file.packageName === dropped.package);
    const headNames = new Set([...headNamesOf(headFiles), ...wellKnownDeclarations(pairs.head.table, dropped.package, key)]);
    if (headNames.size === 0) continue;
    for (const name of dropped[key]) {
      if (!headNames.has(name))
        reportOnImporter(pairs, report, dropped.importer, `Previously present ${kind} "${name}" was deleted from package "${dropped.package}".`);
    }
  }
}

export const packageMessageNoDelete = breakingRule({
  id: 'PACKAGE_MESSAGE_NO_DELETE',
  summary: 'A message present at the base is missing from every file of its package at head',
  check(pairs, report) {
    eachPackage(pairs, report, (baseFiles, headFiles) => {
      const headMessages = messagesByNestedName(headFiles);
      if (headMessages.size === 0) return [];
      return [...messagesByNestedName(baseFiles).values()]
        .filter((message) => !headMessages.has(message.nestedName))
        .map((message) => ({ kind: 'message', nestedName: message.nestedName, file: message.file, range: message.range, ancestors: headMessages }));
    });
    droppedWellKnown(pairs, report, 'message', (files) => [...messagesByNestedName(files).keys()]);
  },
});

export const packageEnumNoDelete = breakingRule({
  id: 'PACKAGE_ENUM_NO_DELETE',
  summary: 'An enum present at the base is missing from every file of its package at head',
  check(pairs, report) {
    eachPackage(pairs, report, (baseFiles, headFiles) => {
      const headNames = new Set(headFiles.flatMap((file) => file.enums.map((item) => item.nestedName)));
      if (headNames.size === 0) return [];
      return baseFiles
        .flatMap((file) => file.enums)
        .filter((item) => !headNames.has(item.nestedName))
        .map((item) => ({ kind: 'enum', nestedName: item.nestedName, file: item.file, range: item.decl.range }));
    });
    droppedWellKnown(pairs, report, 'enum', (files) => files.flatMap((file) => file.enums.map((item) => item.nestedName)));
  },
});

export const packageServiceNoDelete = breakingRule({
  id: 'PACKAGE_SERVICE_NO_DELETE',
  summary: 'A service present at the base is missing from every file of its package at head',
  check(pairs, report) {
    eachPackage(pairs, report, (baseFiles, headFiles) => {
      const headNames = new Set(headFiles.flatMap((file) => file.services.map((service) => service.name)));
      // buf always points at the start of the file, never at an enclosing declaration.
      return baseFiles
        .flatMap(servicesOf)
        .filter((service) => !headNames.has(service.name))
        .map((service) => ({ kind: 'service', nestedName: service.name, file: service.file, range: service.decl.range, ancestors: new Map() }));
    });
  },
});

export const packageExtensionNoDelete = breakingRule({
  id: 'PACKAGE_EXTENSION_NO_DELETE',
  summary: 'An extension present at the base is missing from every file of its package at head',
  check(pairs, report) {
    eachPackage(pairs, report, (baseFiles, headFiles) => {
      const headNames = new Set(headFiles.flatMap((file) => extensionsOf(file).map((extension) => extension.nestedName)));
      if (headNames.size === 0) return [];
      return baseFiles
        .flatMap(extensionsOf)
        .filter((extension) => !headNames.has(extension.nestedName))
        .map((extension) => ({ kind: 'extension', nestedName: extension.nestedName, file: extension.file, range: extension.decl.range }));
    });
    droppedWellKnown(pairs, report, 'extension', (files) => files.flatMap((file) => extensionsOf(file).map((extension) => extension.nestedName)));
  },
});

interface Deleted {
  kind: string;
  nestedName: string;
  /** The base file that declared it, and where. */
  file: ProtoFile;
  range: import('../../engine/range').Range;
  /**
   * Messages whose survival places the finding: the whole head package for messages (buf searches the package),
   * none for services; absent: the head file at the same path only.
   */
  ancestors?: ReadonlyMap<string, ProtoMessage>;
}

function byPackage(files: readonly ProtoFile[]): Map<string, ProtoFile[]> {
  const map = new Map<string, ProtoFile[]>();
  for (const file of files) {
    const list = map.get(file.packageName);
    if (list) list.push(file);
    else map.set(file.packageName, [file]);
  }
  return map;
}

/** Runs `find` on each package present on both sides and reports what it finds deleted where buf does. */
function eachPackage(pairs: ImagePairs, report: RuleReport, find: (baseFiles: ProtoFile[], headFiles: ProtoFile[]) => Deleted[]): void {
  const headByPackage = byPackage(pairs.head.files);
  for (const [name, baseFiles] of byPackage(pairs.base.files)) {
    const headFiles = headByPackage.get(name);
    if (!headFiles) continue;
    const deleted = find(baseFiles, headFiles);
    if (deleted.length === 0) continue;
    // A syntax error anywhere in the package (or where the package statement should be) could hide any of them.
    const unreadable = [
      ...pairs.head.table.unreadableFiles,
      ...headFiles.filter((file) => file.isReadable && file.messages.some((message) => message.isDamaged)),
    ];
    if (unreadable.length > 0) {
      unreadable.forEach((file) => report.hidden(file));
      continue;
    }
    for (const item of deleted) {
      const headFile = pairs.head.filesByModulePath.get(item.file.modulePath);
      const message = `Previously present ${item.kind} "${item.nestedName}" was deleted from package "${name}".`;
      const base = { file: item.file.path, range: item.range };
      if (!headFile) {
        // The file is gone: buf gives no file, so the finding goes on the deleted path at 1:1 (as FILE_NO_DELETE's does).
        report.finding({ file: item.file.path, basePath: item.file.path, range: START_OF_FILE, message, base });
        continue;
      }
      const ancestor = survivingAncestor(item.ancestors ?? messagesByNestedName([headFile]), item.nestedName);
      report.finding({ file: ancestor ? ancestor.file : headFile, range: ancestor ? ancestor.range : START_OF_FILE, message, base });
    }
  }
}
