// Loads tree-sitter and its Go grammar from WebAssembly, once per process. The bundles ship both .wasm files next to
// themselves (dist/); from sources (tests through tsx) they come from node_modules. No native build, no workspace code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Edit, Language, Parser, type Tree as SyntaxTree } from 'web-tree-sitter';
import type { DeclarationFacts } from './extract';

export type { Node as SyntaxNode } from 'web-tree-sitter';
export type { SyntaxTree };

const RUNTIME_WASM = 'web-tree-sitter.wasm';
const GO_WASM = 'tree-sitter-go.wasm';

function located(file: string, packagePath: string): string {
  const bundled = join(__dirname, file);
  if (existsSync(bundled)) return bundled;
  return require.resolve(packagePath);
}

let loading: Promise<Language> | undefined;

function loadGo(): Promise<Language> {
  loading ??= (async () => {
    await Parser.init({ locateFile: () => located(RUNTIME_WASM, `web-tree-sitter/${RUNTIME_WASM}`) });
    return Language.load(located(GO_WASM, `tree-sitter-go/${GO_WASM}`));
  })();
  // A failed load (a missing file) is tried again next time rather than remembered.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** A parser for Go; each caller owns its parser (a parser is not re-entrant). */
export async function goParser(): Promise<Parser> {
  const language = await loadGo();
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Parses Go files, keeping the last trees of the files being typed in: the next text of one of them is parsed
 *  incrementally from its previous tree (a keystroke reparses a line, not the file). Trees live in WebAssembly memory,
 *  so only a few are kept; the caller deletes the tree it gets unless `keep` was set. */
export class GoParses {
  private readonly kept = new Map<string, { text: string; tree: SyntaxTree }>();
  /** The facts of each top-level declaration of the files being typed in, replayed when a declaration did not change. */
  private readonly declarations = new Map<string, { list: DeclarationFacts[] }>();

  declarationsOf(path: string): { list: DeclarationFacts[] } {
    let known = this.declarations.get(path);
    if (!known) {
      this.declarations.set(path, (known = { list: [] }));
      if (this.declarations.size > KEPT_TREES) this.declarations.delete(this.declarations.keys().next().value!);
    }
    return known;
  }

  constructor(private readonly parser: Parser) {}

  parse(path: string, text: string, keep: boolean): SyntaxTree {
    const previous = this.kept.get(path);
    let tree: SyntaxTree | null;
    if (previous) {
      previous.tree.edit(editBetween(previous.text, text));
      tree = this.parser.parse(text, previous.tree);
      previous.tree.delete();
      this.kept.delete(path);
    } else tree = this.parser.parse(text);
    if (!tree) throw new Error(`tree-sitter could not parse ${path}`);
    if (keep) {
      this.kept.set(path, { text, tree: tree.copy() });
      if (this.kept.size > KEPT_TREES) {
        const [oldest] = this.kept;
        oldest[1].tree.delete();
        this.kept.delete(oldest[0]);
      }
    }
    return tree;
  }
}

const KEPT_TREES = 4;

/** The one edit that turns `before` into `after`: what differs between their common prefix and common suffix. */
function editBetween(before: string, after: string): Edit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return new Edit({
    startIndex: start,
    oldEndIndex: before.length - end,
    newEndIndex: after.length - end,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, before.length - end),
    newEndPosition: pointAt(after, after.length - end),
  });
}

function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    row++;
    lineStart = index + 1;
  }
  return { row, column: offset - lineStart };
}
