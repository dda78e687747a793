// The differential corpus (test/protobuf/corpus) laid out in one repository and run through both tools: the real
// `buf breaking` and the built `graycheck check`. Shared by the agreement suite and the fix suite.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { CASES, caseFiles, relocate } from '../protobuf/corpus/corpus';
import { runCli } from './cli';
import { GIT_ENV, TempRepo } from './tempRepo';

const BUF = path.resolve(__dirname, '../../node_modules/.bin/buf');

export interface Row {
  rule: string;
  /** '' when buf names no file (a deleted file's or package's finding). */
  file: string;
  start: string;
  end: string;
  message: string;
}

export const slugOf = (index: number): string => `c${String(index + 1).padStart(3, '0')}`;
export const SLUG = /\b(c\d{3})[./]/;

export function materialize(): { base: Record<string, string>; head: Record<string, string | null> } {
  const base: Record<string, string> = {};
  const head: Record<string, string | null> = {};
  CASES.forEach((corpusCase, index) => {
    const files = caseFiles(corpusCase);
    const movedBase = relocate(files.base, slugOf(index), index);
    const movedHead = relocate(files.head, slugOf(index), index);
    Object.assign(base, movedBase);
    for (const file of Object.keys(movedBase)) head[file] = movedHead[file] ?? null;
    for (const [file, text] of Object.entries(movedHead)) if (movedBase[file] !== text) head[file] = text;
  });
  return { base, head };
}

export function runBuf(cwd: string): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    execFile(
      BUF,
      ['breaking', '--against', '.git#ref=HEAD', '--error-format', 'json'],
      { cwd, env: GIT_ENV, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (error as { code?: unknown }).code : 0;
        if (status !== 0 && status !== 100) return reject(new Error(`buf breaking exited with ${String(status)}: ${stderr.trim()}`));
        const parsed = stdout
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map(
            (line) =>
              JSON.parse(line) as {
                path?: string;
                start_line: number;
                start_column: number;
                end_line: number;
                end_column: number;
                type: string;
                message: string;
              },
          );
        const compileErrors = parsed.filter((found) => found.type === 'COMPILE');
        if (compileErrors.length > 0) return reject(new Error(`the corpus does not compile for buf: ${JSON.stringify(compileErrors.slice(0, 3))}`));
        resolve(
          parsed.map((found) => ({
            rule: found.type,
            file: found.path ?? '',
            start: `${found.start_line}:${found.start_column}`,
            end: `${found.end_line}:${found.end_column}`,
            message: found.message,
          })),
        );
      },
    );
  });
}

export interface GraycheckRun {
  rows: Row[];
  notChecked: { file: string; reason: string }[];
}

export async function runGraycheck(cwd: string): Promise<GraycheckRun> {
  const result = await runCli(['check', '--base', 'HEAD', '--format', 'json'], { cwd, env: GIT_ENV, timeoutMs: 180_000 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`graycheck exited with ${result.status}: ${result.stderr.trim()}`);
  const output = JSON.parse(result.stdout) as {
    findings: {
      rule: string;
      kind: string;
      file: string;
      range: { start: { line: number; column: number }; end: { line: number; column: number } };
      message: string;
    }[];
    notChecked: { file: string; reason: string }[];
  };
  return {
    notChecked: output.notChecked,
    rows: output.findings
      .filter((found) => found.kind === 'protobuf')
      .map((found) => ({
        rule: found.rule,
        file: found.file,
        start: `${found.range.start.line}:${found.range.start.column}`,
        end: `${found.range.end.line}:${found.range.end.column}`,
        message: found.message,
      })),
  };
}

export function caseOf(row: Row): string | undefined {
  return SLUG.exec(row.file)?.[1] ?? SLUG.exec(row.message)?.[1];
}

export const key = (row: Row): string => JSON.stringify([row.rule, row.file, row.start, row.end, row.message]);

/**
 * Where buf gives no path (FILE_NO_DELETE, PACKAGE_NO_DELETE, PACKAGE_*_NO_DELETE of a deleted file), Graycheck must still
 * name a file for editors and SARIF: it names the deleted file at 1:1. Such a row matches buf's on rule, position and message.
 */
export function comparable(ours: Row, bufRows: readonly Row[]): Row {
  const pathless = bufRows.some((row) => row.file === '' && row.rule === ours.rule && row.message === ours.message);
  return pathless ? { ...ours, file: '' } : ours;
}

export function byCase(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const slug = caseOf(row) ?? '(no case)';
    grouped.set(slug, [...(grouped.get(slug) ?? []), row]);
  }
  return grouped;
}

/** A repository with the corpus's base committed (fetched from one prepared repository), a buf.yaml, and the head written. */
export function cloneCorpus(seed: TempRepo, bufYaml: string | null, head: Record<string, string | null>): TempRepo {
  const repo = TempRepo.create();
  repo.git('fetch', '-q', seed.dir, 'main');
  repo.git('reset', '-q', '--hard', 'FETCH_HEAD');
  if (bufYaml !== null) repo.commit({ 'buf.yaml': bufYaml }, 'buf.yaml');
  repo.write(head);
  return repo;
}

/** The corpus laid out, and a repository with its base committed for cloneCorpus to fetch from. */
export function seedCorpus(): { corpus: ReturnType<typeof materialize>; seed: TempRepo } {
  const corpus = materialize();
  const seed = TempRepo.create();
  seed.commit(corpus.base, 'base');
  return { corpus, seed };
}

/** Runs `task` over `items` two at a time: each buf run clones the repository and compiles both sides, which keeps a core busy. */
export async function twoAtATime<T>(items: readonly T[], task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all([worker(), worker()]);
}
