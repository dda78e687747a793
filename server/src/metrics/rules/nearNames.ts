// When two label names are probably meant to be one (DESIGN §2.2, LABEL_NEAR_DUPLICATE): the same once case, separators
// and camel case are ignored; a small typo in a long name; or two names of one synonym group.
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['code', 'status_code', 'http_status', 'status', 'http.response.status_code'],
  ['method', 'http_method', 'verb', 'http.request.method'],
  ['handler', 'route', 'path', 'endpoint', 'url.template'],
  ['instance', 'host', 'hostname'],
];

const SYNONYMS = new Map<string, number>(SYNONYM_GROUPS.flatMap((group, index) => group.map((name) => [normalizedLabel(name), index] as const)));

/** `statusCode`, `status-code`, `Status.Code` → `status_code`. */
export function normalizedLabel(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[._-]+/g, '_');
}

export type Nearness = 'spelling' | 'typo' | 'synonym';

export function nearness(a: string, b: string): Nearness | undefined {
  if (a === b) return undefined;
  const [x, y] = [normalizedLabel(a), normalizedLabel(b)];
  if (x === y) return 'spelling';
  // Two edits turn many short words into one another (vendor, sensor): long names only, one edit from five characters, and
  // the same first letter (nodename, codename).
  const shorter = Math.min(x.length, y.length);
  if (x[0] === y[0] && ((shorter >= 8 && editDistanceAtMost(x, y, 2)) || (shorter >= 5 && editDistanceAtMost(x, y, 1)))) return 'typo';
  const group = SYNONYMS.get(x);
  if (group !== undefined && group === SYNONYMS.get(y)) return 'synonym';
  return undefined;
}

/** The candidate nearest to `name` (spelling first, then typo, then synonym), if any is near. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  for (const wanted of ['spelling', 'typo', 'synonym'] as const) {
    const found = candidates.find((candidate) => nearness(name, candidate) === wanted);
    if (found) return found;
  }
  return undefined;
}

/** Levenshtein distance ≤ limit, in O(length × limit). */
export function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}
