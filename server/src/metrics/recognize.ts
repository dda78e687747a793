// Which files the metrics kind reads, by path and a cheap test on the content, before any parsing. The registry's
// description of the kind uses these, so they import nothing heavy (no YAML, PromQL or Go parser).

export const SOURCES = ['**/*.go', '**/go.mod', '**/*.prom', '**/*.txt', '**/*.yaml', '**/*.yml', '**/*.json'];

export const GO = /\.go$/;
export const GO_MOD = /(^|\/)go\.mod$/;
export const YAML = /\.ya?ml$/i;
export const JSON_FILE = /\.json$/i;

/** Whether a file is one the kind reads, by its path and content: cheap, asked of every candidate. */
export function recognizesMetricsInput(path: string, text: string): boolean {
  if (GO_MOD.test(path) || GO.test(path)) return true;
  if (YAML.test(path)) return looksLikeRuleFile(text) || looksLikeSemconv(text);
  if (JSON_FILE.test(path)) return looksLikeDashboard(text);
  return looksLikeExposition(path, text);
}

/** A cheap test before parsing: rule files have a `groups:` key and `rules:` or `expr:` keys, and are not an OpenAPI
 *  description (whose schemas may have properties of those names: Prometheus' own API has both; its two 245 KB
 *  descriptions took the metrics kind 0.4 s of parsing). */
export function looksLikeRuleFile(text: string): boolean {
  // Spaces and tabs only: `\s` would also cross line ends, which makes each test crawl over a large YAML file.
  return (
    text.includes('groups') &&
    /^[ \t]*groups[ \t]*:/m.test(text) &&
    /^[ \t]*(?:-[ \t]*)?(?:rules|expr)[ \t]*:/m.test(text) &&
    !/^(?:openapi|swagger)[ \t]*:/m.test(text)
  );
}

/** A cheap test on the text, before any parsing: a v1 file lists groups of a semconv type (or registry ids); a v2 file
 *  declares its format. */
export function looksLikeSemconv(written: string): boolean {
  const text = written.charCodeAt(0) === 0xfeff ? written.slice(1) : written;
  if (/^file_format:\s*["']?definition\/2\b/m.test(text)) return true;
  if (/^version:\s*["']?2["']?\s*(#.*)?$/m.test(text) && /^(attributes|metrics|attribute_groups):/m.test(text)) return true;
  return /^groups:/m.test(text) && /^\s*(-\s+)?(type:\s*["']?(metric|metric_group|attribute_group)["']?\s*(#.*)?$|id:\s*["']?registry\.)/m.test(text);
}

/** A cheap test before parsing: a JSON object that mentions panels or rows. */
export function looksLikeDashboard(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text) && /"(?:panels|rows)"\s*:/.test(text);
}

const DECLARATION = /^#[ \t]*(HELP|TYPE)[ \t]+[a-zA-Z_:]/;

/** `*.prom` files, and any text whose first non-blank line is a `# HELP` or `# TYPE` line. */
export function looksLikeExposition(path: string, text: string): boolean {
  if (path.endsWith('.prom')) return true;
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    if (line.trim() === '') continue;
    return DECLARATION.test(line.replace(/^[ \t]+/, ''));
  }
  return false;
}
