// Media types of a request body or a response, paired as oasdiff pairs them: by name, and then a name only one side has
// with an equivalent one only the other side has (`application/json` and `application/problem+json`, or the same type
// with other parameters), so that such a rename is one changed media type, not a removal and an addition.
import type { MediaType } from './model';

interface MediaTypeName {
  type: string;
  subtype: string;
  suffix: string;
  parameters: Map<string, string>;
}

/** `type/subtype+suffix; name=value`, as Go's mime package reads it; undefined when it is not a media type. */
export function parseMediaTypeName(name: string): MediaTypeName | undefined {
  const [essence, ...rest] = name.split(';');
  const parts = essence.trim().toLowerCase().split('/');
  if (parts.length !== 2 || parts[0].trim() === '' || parts[1].trim() === '') return undefined;
  const subtypeParts = parts[1].split('+');
  if (subtypeParts.length > 2 || (subtypeParts.length === 2 && subtypeParts[1].trim() === '')) return undefined;
  const parameters = new Map<string, string>();
  for (const parameter of rest) {
    if (parameter.trim() === '') continue;
    const at = parameter.indexOf('=');
    if (at <= 0) return undefined;
    parameters.set(
      parameter.slice(0, at).trim().toLowerCase(),
      parameter
        .slice(at + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return { type: parts[0].trim(), subtype: subtypeParts[0].trim(), suffix: (subtypeParts[1] ?? '').trim(), parameters };
}

/** Whether `specific` is `general` or a refinement of it (`application/json` contains `application/problem+json`);
 *  parameters do not count. */
export function isMediaTypeContained(general: string, specific: string): boolean {
  const a = parseMediaTypeName(general);
  const b = parseMediaTypeName(specific);
  if (!a || !b || a.type !== b.type) return false;
  if (a.suffix === '' && b.suffix !== '' && b.suffix === a.subtype) return true;
  return a.subtype === b.subtype && a.suffix === b.suffix;
}

export function sameMediaTypeParameters(a: string, b: string): boolean {
  const left = parseMediaTypeName(a)?.parameters ?? new Map<string, string>();
  const right = parseMediaTypeName(b)?.parameters ?? new Map<string, string>();
  return left.size === right.size && [...left].every(([key, value]) => right.get(key) === value);
}

export interface MediaTypePairs {
  /** Base and head media types that are the same one (by name, or renamed to an equivalent name). */
  paired: [MediaType, MediaType][];
  removed: MediaType[];
  added: MediaType[];
}

export function pairMediaTypes(base: ReadonlyMap<string, MediaType> | undefined, head: ReadonlyMap<string, MediaType> | undefined): MediaTypePairs {
  const before = base ?? new Map<string, MediaType>();
  const after = head ?? new Map<string, MediaType>();
  const paired: [MediaType, MediaType][] = [];
  const onlyBase: MediaType[] = [];
  for (const [name, media] of before) {
    const other = after.get(name);
    if (other) paired.push([media, other]);
    else onlyBase.push(media);
  }
  const used = new Set<MediaType>();
  const added: MediaType[] = [];
  for (const [name, media] of after) {
    if (before.has(name)) continue;
    const match = onlyBase.find(
      (candidate) => !used.has(candidate) && (isMediaTypeContained(name, candidate.name) || isMediaTypeContained(candidate.name, name)),
    );
    if (match) {
      used.add(match);
      paired.push([match, media]);
    } else added.push(media);
  }
  return { paired, removed: onlyBase.filter((media) => !used.has(media)), added };
}
