// Glob patterns for include/exclude/ignore settings: `**` spans directories, `*` and `?` stay within one, `{a,b}` alternates.
// A pattern without '/' matches a base name anywhere (as .gitignore does); a trailing '/' or a directory name matches everything below it.

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let source = '';
  let body = pattern.replace(/^\.\//, '');
  const anchored = body.includes('/') && !body.endsWith('/') ? true : body.replace(/\/$/, '').includes('/');
  body = body.replace(/\/$/, '/**');
  let inBraces = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '*') {
      if (body[i + 1] === '*') {
        const atSegmentStart = i === 0 || body[i - 1] === '/';
        const atSegmentEnd = body[i + 2] === '/' || i + 2 === body.length;
        if (atSegmentStart && atSegmentEnd) {
          source += body[i + 2] === '/' ? '(?:.*/)?' : '.*';
          i += body[i + 2] === '/' ? 2 : 1;
          continue;
        }
        i++;
      }
      source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      inBraces++;
      source += '(?:';
    } else if (char === '}' && inBraces > 0) {
      inBraces--;
      source += ')';
    } else if (char === ',' && inBraces > 0) source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const regexp = new RegExp(`${anchored ? '^' : '(?:^|/)'}${source}(?:/.*)?$`);
  cache.set(pattern, regexp);
  return regexp;
}

export function matchesAnyGlob(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globToRegExp(pattern).test(path));
}
