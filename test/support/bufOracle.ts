// The real buf as an oracle for engine-level tests: write base and head directories, run
// `buf breaking <head> --against <base> --error-format json`, run protobufChecker on the same files, and compare
// findings of the rules we implement (type, path, start and end line/column, message).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../server/src/engine/check';
import { defaultConfig } from '../../server/src/engine/config';
import type { CheckResult, Finding } from '../../server/src/engine/finding';
import { MemoryTree } from '../../server/src/engine/tree';
import { protobufChecker } from '../../server/src/protobuf/checker';

const BUF = path.resolve(__dirname, '../../node_modules/.bin/buf');
const OURS = new Set(protobufChecker.rules.map((rule) => rule.id));

export interface AgreementCase {
  name: string;
  bufYaml?: string;
  base: Record<string, string>;
  head: Record<string, string>;
}

export interface Row {
  type: string;
  path?: string;
  start_line: number;
  start_column: number;
  end_line: number;
  end_column: number;
  message: string;
}

export function runBuf(headDir: string, baseDir: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    execFile(BUF, ['breaking', '.', '--against', baseDir, '--error-format', 'json'], { cwd: headDir }, (error, stdout, stderr) => {
      // Exit code 100 means findings; anything else non-zero is a failure of the setup, not of the code under test.
      if (error && error.code !== 100) return reject(new Error(`buf failed (${String(error.code)}): ${stderr}`));
      const rows = stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Row);
      const compileErrors = rows.filter((row) => row.type === 'COMPILE');
      if (compileErrors.length > 0) return reject(new Error(`case does not compile: ${JSON.stringify(compileErrors)}`));
      resolve(rows);
    });
  });
}

export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

export function key(row: Row): string {
  return JSON.stringify([row.type, row.path ?? null, row.start_line, row.start_column, row.end_line, row.end_column, row.message]);
}

export async function agreement(testCase: AgreementCase): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'graycheck-buf-'));
  try {
    const shared: Record<string, string> = testCase.bufYaml ? { 'buf.yaml': testCase.bufYaml } : {};
    const base = { ...shared, ...testCase.base };
    const head = { ...shared, ...testCase.head };
    writeTree(path.join(root, 'base'), base);
    writeTree(path.join(root, 'head'), head);
    const bufRows = (await runBuf(path.join(root, 'head'), path.join(root, 'base'))).filter((row) => OURS.has(row.type));
    const { result, rows: ourRows } = await graycheckRows(base, head);
    assert.deepEqual(ourRows.map(key).sort(), bufRows.map(key).sort());
    await assertFocusedChecksAgree(base, head, result.findings);
    // Under buf's default (FILE) every scenario but the one named for it must break, so that agreement is not agreement on nothing.
    if (!testCase.bufYaml && !testCase.name.startsWith('nothing')) assert.ok(bufRows.length > 0, 'buf reports something for this scenario');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Whether buf reports this rule ID at all in our comparison (the rules Graycheck implements). */
export function isCompared(row: Row): boolean {
  return OURS.has(row.type);
}

/** Graycheck's findings on the same trees, as buf's JSON rows. */
export async function graycheckRows(base: Record<string, string>, head: Record<string, string>): Promise<{ result: CheckResult; rows: Row[] }> {
  const result = await runCheck({ base: new MemoryTree(base), head: new MemoryTree(head), renames: new Map(), config: defaultConfig() }, [protobufChecker]);
  const rows: Row[] = result.findings.map((finding) =>
    rowOf(finding, {
      start: { line: finding.range.start.line + 1, column: finding.range.start.character + 1 },
      end: { line: finding.range.end.line + 1, column: finding.range.end.character + 1 },
      head,
    }),
  );
  return { result, rows };
}

/** A finding (the engine's, or the CLI's JSON one) as buf's JSON row, given its 1-based range and the head's files. */
export function rowOf(
  finding: { rule: string; file: string; message: string; base?: unknown },
  place: { start: { line: number; column: number }; end: { line: number; column: number }; head: Record<string, unknown> },
): Row {
  return {
    type: finding.rule,
    // buf gives FILE_NO_DELETE no path; we need one for the editor (see rules/fileDeletion.ts). Likewise
    // PACKAGE_NO_DELETE, and the PACKAGE_*_NO_DELETE findings whose file is gone (see rules/packageDeletion.ts) or that
    // name a declaration of a dropped well-known file (reported on its importer with no base location; see
    // protobuf/wellKnownFiles.ts).
    ...(finding.rule === 'FILE_NO_DELETE' ||
    finding.rule === 'PACKAGE_NO_DELETE' ||
    !(finding.file in place.head) ||
    (finding.rule.startsWith('PACKAGE_') && !finding.base)
      ? {}
      : { path: finding.file }),
    start_line: place.start.line,
    start_column: place.start.column,
    end_line: place.end.line,
    end_column: place.end.column,
    message: finding.message,
  };
}

/** A check focused on one file (the editor's on-type check loads only that file's group) finds exactly what the whole check finds there. */
async function assertFocusedChecksAgree(base: Record<string, string>, head: Record<string, string>, findings: readonly Finding[]): Promise<void> {
  const brief = (finding: Finding) => JSON.stringify([finding.rule, finding.file, finding.range, finding.message]);
  for (const file of new Set([...Object.keys(base), ...Object.keys(head)])) {
    if (!file.endsWith('.proto')) continue;
    const focused = await runCheck(
      { base: new MemoryTree(base), head: new MemoryTree(head), renames: new Map(), config: defaultConfig(), focus: new Set([file]) },
      [protobufChecker],
    );
    assert.deepEqual(focused.findings.map(brief), findings.filter((finding) => finding.file === file).map(brief), `focused on ${file}`);
  }
}
