// A kind that exists only in the tests, plugged in through the same seam as protobuf: `*.ledger` files of `name = value`
// lines, which may `include` other ledgers. It proves that a new kind gets configuration, settings, file watching, the CLI,
// LSP diagnostics and code actions without an edit outside its own folder and the list of kinds.
import type { Comparison, FixHead, KindChecker, KindReport, KindReporter } from '../../../server/src/engine/comparison';
import { kindOption, type KindSettings } from '../../../server/src/engine/config';
import type { Fix } from '../../../server/src/engine/edit';
import type { Finding, NotChecked } from '../../../server/src/engine/finding';
import type { Range } from '../../../server/src/engine/range';
import type { Tree } from '../../../server/src/engine/tree';

const ENTRY = /^([a-z_]+)\s*=\s*(\S+)\s*$/;
const INCLUDE = /^include\s+(\S+\.ledger)\s*$/;
/** At the repository root; `values: strict` also reports changed values. */
const LEDGER_CONFIG = 'ledger.config';

interface Entry {
  name: string;
  value: string;
  /** Where it is declared: the file itself, or the included file. */
  file: string;
  line: number;
  /** The line of the `include` that brought it in, in the file checked; the entry's own line when it is the file's. */
  shownAt: number;
}

const skipNames: KindSettings['options'] = [
  {
    key: 'skipNames',
    default: [],
    read: (value) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? { value } : { mustBe: 'a list of entry names' }),
  },
];

export const ledgerChecker: KindChecker = {
  kind: 'ledger',
  title: 'Ledger',
  files: { sources: ['**/*.ledger'], configuration: [LEDGER_CONFIG], sourceChange: 'dependents', languages: ['ledger'] },
  options: skipNames,
  rules: [
    {
      id: 'LEDGER_ENTRY_REMOVED',
      kind: 'ledger',
      categories: ['ENTRIES'],
      defaultSeverity: 'error',
      summary: 'An entry present at the base is missing at head',
    },
    { id: 'LEDGER_VALUE_CHANGED', kind: 'ledger', categories: ['VALUES'], defaultSeverity: 'warning', summary: 'An entry has another value at head' },
  ],
  startSession: () => ({ check: checkLedgers }),
  fixes: ledgerFixes,
};

async function checkLedgers(comparison: Comparison, report: KindReporter): Promise<KindReport> {
  const notChecked: NotChecked[] = [];
  const skipped = new Set(kindOption(comparison.config, ledgerChecker, 'skipNames') as string[]);
  const strict = /^values:\s*strict\s*$/m.test((await comparison.head.read(LEDGER_CONFIG)) ?? '');
  const headPaths = (await comparison.head.list()).filter((path) => path.endsWith('.ledger'));
  if (!comparison.base) return { notChecked, filesChecked: headPaths.length };
  for (const path of headPaths) {
    const head = await entriesOf(comparison.head, path);
    const base = await entriesOf(comparison.base, comparison.renames.get(path) ?? path);
    if (typeof head === 'string' || typeof base === 'string') {
      notChecked.push({ file: path, reason: typeof head === 'string' ? head : `at the base: ${base}` });
      continue;
    }
    if (!base || !head) continue;
    for (const entry of base.values()) {
      if (skipped.has(entry.name)) continue;
      const now = head.get(entry.name);
      if (!now) {
        report({
          rule: 'LEDGER_ENTRY_REMOVED',
          file: path,
          range: lineRange(0),
          message: `Entry "${entry.name}" was removed.`,
          fixData: { name: entry.name, value: entry.value, into: entry.file === path ? path : entry.file },
        });
      } else if (strict && now.value !== entry.value) {
        report({
          rule: 'LEDGER_VALUE_CHANGED',
          file: path,
          range: lineRange(now.shownAt),
          message: `Entry "${entry.name}" changed from ${entry.value} to ${now.value}.`,
          fixData: { name: entry.name, value: entry.value, into: now.file, line: now.line },
        });
      }
    }
  }
  return { notChecked, filesChecked: headPaths.length };
}

/** The file's entries with those of the files it includes (one level), or why it cannot be read; undefined when absent. */
async function entriesOf(tree: Tree, path: string): Promise<Map<string, Entry> | string | undefined> {
  const own = parse(await tree.read(path), path);
  if (typeof own !== 'object') return own;
  const entries = new Map<string, Entry>();
  for (const [index, line] of own.entries()) {
    const include = INCLUDE.exec(line);
    if (include) {
      const included = parse(await tree.read(include[1]), include[1]);
      if (typeof included !== 'object') return `include ${include[1]} cannot be read`;
      included.forEach((text, at) => addEntry(entries, text, include[1], at, index));
      continue;
    }
    addEntry(entries, line, path, index, index);
  }
  return entries;
}

function parse(text: string | undefined, path: string): string[] | string | undefined {
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const bad = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#') && !ENTRY.test(line) && !INCLUDE.test(line));
  return bad >= 0 ? `${path}: line ${bad + 1} is neither an entry nor an include` : lines;
}

function addEntry(entries: Map<string, Entry>, line: string, file: string, at: number, shownAt: number): void {
  const match = ENTRY.exec(line);
  if (match) entries.set(match[1], { name: match[1], value: match[2], file, line: at, shownAt });
}

function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 1 } };
}

/** Restores into the file that held the entry (an included file is another file than the finding's); reverts in place. */
async function ledgerFixes(finding: Finding, head: FixHead): Promise<Fix[]> {
  const data = finding.fixData;
  if (!data || typeof data.name !== 'string' || typeof data.into !== 'string') return [];
  const text = data.into === finding.file ? head.text : await head.tree.read(data.into);
  if (text === undefined) return [];
  const lines = text.split('\n');
  if (finding.rule === 'LEDGER_ENTRY_REMOVED') {
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const newText = `${end.character === 0 ? '' : '\n'}${data.name} = ${data.value}\n`;
    return [{ title: `Restore entry "${data.name}" from the base`, changes: [{ file: data.into, edits: [{ range: { start: end, end }, newText }] }] }];
  }
  if (finding.rule === 'LEDGER_VALUE_CHANGED' && typeof data.line === 'number' && ENTRY.test(lines[data.line] ?? '')) {
    const range = { start: { line: data.line, character: 0 }, end: { line: data.line, character: lines[data.line].length } };
    return [
      {
        title: `Revert "${data.name}" to the base value ${data.value}`,
        changes: [{ file: data.into, edits: [{ range, newText: `${data.name} = ${data.value}` }] }],
      },
    ];
  }
  return [];
}
