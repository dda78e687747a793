// A list grown by push keeps room for 17 items or more, and a 20 MB file keeps a million lists for as long as its model
// lives: the parser and the model cut each completed list to its length, and every empty one is this one. Frozen, so
// that nothing can add to a list that other declarations share.
export const NO_ITEMS: never[] = Object.freeze([]) as never[];

export const NO_NAMES: ReadonlySet<string> = new Set();

export function settled<T>(list: T[]): T[] {
  return list.length === 0 ? NO_ITEMS : list.slice();
}

/** Cuts each named list of a completed declaration to its length. */
export function settleLists<T extends object, K extends keyof T>(decl: T, ...keys: K[]): void {
  for (const key of keys) decl[key] = settled(decl[key] as unknown[]) as T[K];
}
