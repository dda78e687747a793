// The file system calls of the command's path (git, the working tree, configuration), as promises over Node's callback
// API: node:fs/promises loads a dozen more modules when first imported (its file handles' line reader, watchers,
// directory streams), 2 ms of every command's start.
import * as fs from 'node:fs';

function settle<T>(resolve: (value: T) => void, reject: (error: Error) => void) {
  return (error: NodeJS.ErrnoException | null, value: T) => (error ? reject(error) : resolve(value));
}

export function readFile(path: string): Promise<Buffer>;
export function readFile(path: string, encoding: 'utf8'): Promise<string>;
export function readFile(path: string, encoding?: 'utf8'): Promise<Buffer | string> {
  return new Promise((resolve, reject) => (encoding ? fs.readFile(path, encoding, settle(resolve, reject)) : fs.readFile(path, settle(resolve, reject))));
}

export function writeFile(path: string, text: string, options: { mode: number }): Promise<void> {
  return new Promise((resolve, reject) => fs.writeFile(path, text, options, (error) => (error ? reject(error) : resolve())));
}

export function stat(path: string): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.stat(path, settle(resolve, reject)));
}

export function lstat(path: string): Promise<fs.Stats> {
  return new Promise((resolve, reject) => fs.lstat(path, settle(resolve, reject)));
}

/** The operating system's realpath, as node:fs/promises' is (not the callback API's own walk of the path). */
export function realpath(path: string): Promise<string> {
  return new Promise((resolve, reject) => fs.realpath.native(path, settle(resolve, reject)));
}

export function readdirEntries(path: string): Promise<fs.Dirent[]> {
  return new Promise((resolve, reject) => fs.readdir(path, { withFileTypes: true }, settle(resolve, reject)));
}

export function access(path: string, mode: number): Promise<void> {
  return new Promise((resolve, reject) => fs.access(path, mode, (error) => (error ? reject(error) : resolve())));
}

export function mkdir(path: string, options: { recursive: boolean }): Promise<void> {
  return new Promise((resolve, reject) => fs.mkdir(path, options, (error) => (error ? reject(error) : resolve())));
}

export function chmod(path: string, mode: number): Promise<void> {
  return new Promise((resolve, reject) => fs.chmod(path, mode, (error) => (error ? reject(error) : resolve())));
}

export const { constants } = fs;
