// The layout STYLE.md §1 promises, checked on the sources: the engine, the git layer and every kind never import an
// adapter (lsp/, cli/), the protocol or VS Code; and the adapters name no kind, so a new kind needs no edit there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKERS } from '../server/src/registry';

const ROOT = path.resolve(__dirname, '..');
const SERVER = path.join(ROOT, 'server/src');

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or requires, resolved to a path when it is relative. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? match[2] ?? match[3]);
  return specifiers.map((specifier) => (specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier));
}

const KIND_FOLDERS = CHECKERS.map((checker) => path.join(SERVER, checker.kind));
const PURE_LAYERS = [path.join(SERVER, 'engine'), path.join(SERVER, 'git'), ...KIND_FOLDERS];
const FORBIDDEN = [
  (target: string) => target.startsWith(path.join(SERVER, 'lsp')) && 'the language server adapter',
  (target: string) => target.startsWith(path.join(SERVER, 'cli')) && 'the command-line adapter',
  (target: string) => target === path.join(SERVER, 'protocol') && 'the LSP protocol types',
  (target: string) => (target === 'vscode' || target.startsWith('vscode-')) && 'VS Code or LSP libraries',
];

test('every kind has its folder under server/src, named after it', () => {
  for (const folder of KIND_FOLDERS) assert.ok(fs.statSync(folder).isDirectory(), `${folder} exists`);
});

test('the engine, the git layer and every kind import no adapter, no protocol and nothing of VS Code', () => {
  const violations: string[] = [];
  for (const layer of PURE_LAYERS) {
    for (const file of sourcesUnder(layer)) {
      for (const target of importsOf(file)) {
        const why = FORBIDDEN.map((rule) => rule(target.replace(/\.ts$/, ''))).find(Boolean);
        if (why) violations.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target) || target} (${why})`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('a kind imports no other kind', () => {
  const violations: string[] = [];
  for (const folder of KIND_FOLDERS) {
    for (const file of sourcesUnder(folder)) {
      for (const target of importsOf(file)) {
        const other = KIND_FOLDERS.find((candidate) => candidate !== folder && target.startsWith(candidate + path.sep));
        if (other) violations.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('the adapters name no kind: no kind name, kind folder, editor language or kind file name in lsp/, cli/ or the client', () => {
  const adapters = [path.join(SERVER, 'lsp'), path.join(SERVER, 'cli'), path.join(ROOT, 'client/src')];
  // What would betray kind-specific logic: a kind's name, its anchor tool's name, its configuration file names, and for a
  // kind recognised by its files' names (not their content) its editor languages and file extensions. YAML and JSON,
  // the formats OpenAPI is recognised in by content, are every kind's and nobody's.
  const words = CHECKERS.flatMap((checker) => [
    checker.kind,
    ...new Set(checker.rules.flatMap((rule) => (rule.sameAs ? [rule.sameAs.split(':')[0]] : []))),
    ...checker.files.configuration,
    ...(checker.files.recognizes ? [] : [...checker.files.languages, ...checker.files.sources.map((glob) => glob.replace(/^(\*\*\/)?\*?/, ''))]),
  ]);
  const violations: string[] = [];
  for (const dir of adapters) {
    for (const file of sourcesUnder(dir)) {
      if (file.endsWith('.generated.ts')) continue;
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const word of words) {
          const pattern = new RegExp(`(?<![A-Za-z0-9_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`);
          if (pattern.test(line)) violations.push(`${path.relative(ROOT, file)}:${index + 1} names "${word}": ${line.trim()}`);
        }
      });
    }
  }
  assert.deepEqual(violations, []);
});

test('registry.ts is the only module outside a kind folder that imports a kind', () => {
  const violations: string[] = [];
  for (const file of sourcesUnder(SERVER)) {
    if (file === path.join(SERVER, 'registry.ts') || KIND_FOLDERS.some((folder) => file.startsWith(folder + path.sep))) continue;
    for (const target of importsOf(file)) {
      if (KIND_FOLDERS.some((folder) => target.startsWith(folder + path.sep)))
        violations.push(`${path.relative(ROOT, file)} imports ${path.relative(ROOT, target)}`);
    }
  }
  assert.deepEqual(violations, []);
});
