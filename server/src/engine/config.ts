// `.graycheck.yaml`: every key optional. Problems in the file become findings-like notes on the file itself, never exceptions.
// Each kind's section (`protobuf:`, …) is read by one loop: `enabled`, plus the options the kind declares.
import { parseDocument, isMap, isSeq, isScalar, type Node as YamlNode, LineCounter, type Document } from 'yaml';
import type { Severity } from './finding';
import type { Range } from './range';

export type SeverityOverride = Severity | 'off';

export interface PathIgnore {
  path: string; // glob
  rules?: string[]; // all rules when absent
}

/** A setting a kind adds to its own section of `.graycheck.yaml` (OpenAPI's deprecation days, a kind's file globs). */
export interface KindOption {
  key: string;
  default: unknown;
  /** The value to keep, or why it cannot be used: the end of the sentence `"<kind>.<key>" must be …`. */
  read(value: unknown): { value: unknown } | { mustBe: string };
}

/** The part of a kind its configuration concerns; KindChecker extends it. */
export interface KindSettings {
  kind: string;
  options?: readonly KindOption[];
  /** The kind's rule IDs: `severity:` and `ignore:` entries naming none of any kind get a warning. */
  rules?: readonly { id: string }[];
}

export interface KindConfig {
  enabled: boolean;
  /** Every declared option, with its default when the file does not set it. */
  options: Record<string, unknown>;
}

export interface GraycheckConfig {
  base?: string;
  include: string[];
  exclude: string[];
  /** By kind; a kind missing here (registered after the config was read) is enabled with its defaults. */
  kinds: Record<string, KindConfig>;
  severity: Record<string, SeverityOverride>;
  ignore: PathIgnore[];
  /** Strict mode for CI: anything that could not be checked fails the check (exit 1), as a finding would. */
  failOnUnchecked?: boolean;
}

export interface ConfigProblem {
  file: string;
  range: Range;
  message: string;
  /** The file is not valid YAML, so none of it was used (an explicit --config that is not YAML is an operational error). */
  notYaml?: true;
}

export const CONFIG_FILE = '.graycheck.yaml';

export function defaultKindConfig(kind: KindSettings): KindConfig {
  return { enabled: true, options: Object.fromEntries((kind.options ?? []).map((option) => [option.key, option.default])) };
}

export function defaultConfig(kinds: readonly KindSettings[] = []): GraycheckConfig {
  return {
    include: [],
    exclude: [],
    kinds: Object.fromEntries(kinds.map((kind) => [kind.kind, defaultKindConfig(kind)])),
    severity: {},
    ignore: [],
  };
}

export function isKindEnabled(config: GraycheckConfig, kind: string): boolean {
  return config.kinds[kind]?.enabled !== false;
}

/** A kind's option as configured, else its default. */
export function kindOption(config: GraycheckConfig, kind: KindSettings, key: string): unknown {
  const configured = config.kinds[kind.kind]?.options;
  if (configured && key in configured) return configured[key];
  return kind.options?.find((option) => option.key === key)?.default;
}

/** A list of glob patterns; one pattern alone is a list of one. */
export function globsOption(key: string): KindOption {
  return {
    key,
    default: [],
    read: (value) =>
      typeof value === 'string'
        ? { value: [value] }
        : Array.isArray(value) && value.every((item) => typeof item === 'string')
          ? { value }
          : { mustBe: 'a list of glob patterns' },
  };
}

const SEVERITIES: SeverityOverride[] = ['error', 'warning', 'info', 'off'];

/** The YAML errors whose message quotes the file's text, said without it: --config may name any file, a secret's included (issue 12). */
const QUOTING_YAML_ERRORS: Partial<Record<string, string>> = {
  TAG_RESOLVE_FAILED: 'an unknown tag',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its value',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
  UNEXPECTED_TOKEN: 'unexpected text where a value or key should be',
};

export function parseGraycheckConfig(
  text: string,
  kinds: readonly KindSettings[] = [],
  file = CONFIG_FILE,
): { config: GraycheckConfig; problems: ConfigProblem[] } {
  const config = defaultConfig(kinds);
  const kindsByName = new Map(kinds.map((kind) => [kind.kind, kind]));
  const topLevelKeys = ['base', 'include', 'exclude', ...kindsByName.keys(), 'severity', 'ignore', 'failOnUnchecked'];
  // Asked of the kinds only when the file names a rule: their rules may have to be loaded for it.
  let ruleIds: string[] | undefined;
  let knownRuleIds: Set<string> | undefined;
  const known = () => {
    ruleIds ??= kinds.flatMap((kind) => (kind.rules ?? []).map((rule) => rule.id));
    knownRuleIds ??= new Set(ruleIds);
    return { ruleIds, knownRuleIds };
  };
  const problems: ConfigProblem[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const rangeOf = (node: YamlNode | null | undefined): Range => {
    const [start, end] = node?.range ?? [0, 0];
    const toPosition = (offset: number) => {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line - 1, character: col - 1 };
    };
    return { start: toPosition(start), end: toPosition(end) };
  };
  const problem = (node: YamlNode | null | undefined, message: string) => problems.push({ file, range: rangeOf(node), message });
  // A rule ID no kind has (a typo, a rule of another tool) would silently change nothing.
  const checkRuleId = (node: YamlNode | null | undefined, id: string, where: string) => {
    const { ruleIds, knownRuleIds } = known();
    if (knownRuleIds.size === 0 || knownRuleIds.has(id)) return;
    const closest = closestId(id, ruleIds);
    problem(node, `unknown rule ID "${id}" in "${where}"${closest ? `; did you mean ${closest}?` : ''} ("graycheck rules" lists them)`);
  };

  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const why = QUOTING_YAML_ERRORS[error.code] ?? error.message.split('\n')[0];
    problems.push({
      file,
      range: { start: { line: line - 1, character: col - 1 }, end: { line: line - 1, character: col - 1 } },
      message: `${file} is not valid YAML: ${why}`,
      notYaml: true,
    });
  }
  if (document.errors.length > 0) return { config, problems };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    problem(root, `${file} must be a mapping of settings (${topLevelKeys.join(', ')})`);
    return { config, problems };
  }

  const stringList = (node: YamlNode | null | undefined, key: string): string[] | undefined => {
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    if (isSeq(node) && node.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
      return node.items.map((item) => String((item as { value: unknown }).value));
    }
    problem(node, `"${key}" must be a list of glob patterns`);
    return undefined;
  };

  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    switch (key) {
      case 'base':
        if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') config.base = value.value.trim();
        else problem(value ?? keyNode, '"base" must be a git revision such as "auto", "HEAD" or "origin/main"');
        break;
      case 'include':
      case 'exclude': {
        const list = stringList(value, key);
        if (list) config[key] = list;
        break;
      }
      case 'severity': {
        if (!isMap(value)) {
          problem(value ?? keyNode, '"severity" must map rule IDs to error, warning, info or off');
          break;
        }
        for (const item of value.items) {
          const ruleId = isScalar(item.key) ? String(item.key.value) : '';
          const level = isScalar(item.value) ? String(item.value.value) : '';
          checkRuleId(item.key as YamlNode, ruleId, 'severity');
          if (SEVERITIES.includes(level as SeverityOverride)) config.severity[ruleId] = level as SeverityOverride;
          else problem((item.value as YamlNode) ?? (item.key as YamlNode), `severity of ${ruleId} must be one of ${SEVERITIES.join(', ')}`);
        }
        break;
      }
      case 'ignore': {
        if (!isSeq(value)) {
          problem(value ?? keyNode, '"ignore" must be a list of { path, rules } entries');
          break;
        }
        for (const item of value.items) {
          if (isScalar(item) && typeof item.value === 'string') {
            config.ignore.push({ path: item.value });
          } else if (isMap(item)) {
            const path = item.get('path');
            const rules = item.get('rules', true) as YamlNode | undefined;
            if (typeof path !== 'string') {
              problem(item as YamlNode, 'each "ignore" entry needs a "path" glob');
              continue;
            }
            const ruleList = rules === undefined ? undefined : stringList(rules, 'ignore.rules');
            if (ruleList) {
              const nodes = isSeq(rules) ? (rules.items as YamlNode[]) : [rules];
              ruleList.forEach((id, index) => checkRuleId(nodes[index], id, 'ignore.rules'));
            }
            config.ignore.push(ruleList ? { path, rules: ruleList } : { path });
            for (const entry of item.items) {
              const entryKey = isScalar(entry.key) ? String(entry.key.value) : '';
              if (entryKey !== 'path' && entryKey !== 'rules') problem(entry.key as YamlNode, `unknown setting "ignore.${entryKey}" (expected path, rules)`);
            }
          } else {
            problem(item as YamlNode, 'each "ignore" entry must be a glob or { path, rules }');
          }
        }
        break;
      }
      case 'failOnUnchecked':
        if (isScalar(value) && typeof value.value === 'boolean') config.failOnUnchecked = value.value;
        else problem(value ?? keyNode, '"failOnUnchecked" must be true or false');
        break;
      default: {
        const kind = kindsByName.get(key);
        if (kind) readKindSection(kind, value, keyNode, document, config.kinds[key], problem);
        else problem(keyNode, `unknown setting "${key}" (known: ${topLevelKeys.join(', ')})`);
      }
    }
  }
  return { config, problems };
}

function readKindSection(
  kind: KindSettings,
  value: YamlNode | null,
  keyNode: YamlNode,
  document: Document,
  into: KindConfig,
  problem: (node: YamlNode | null | undefined, message: string) => void,
): void {
  const known = ['enabled', ...(kind.options ?? []).map((option) => option.key)];
  if (!isMap(value)) {
    problem(value ?? keyNode, `"${kind.kind}" must be a mapping (${known.join(', ')})`);
    return;
  }
  for (const item of value.items) {
    const itemKey = isScalar(item.key) ? String(item.key.value) : '';
    const itemValue = item.value as YamlNode | null;
    const at = itemValue ?? (item.key as YamlNode);
    if (itemKey === 'enabled') {
      if (isScalar(itemValue) && typeof itemValue.value === 'boolean') into.enabled = itemValue.value;
      else problem(at, `"${kind.kind}.enabled" must be true or false`);
      continue;
    }
    const option = kind.options?.find((candidate) => candidate.key === itemKey);
    if (!option) {
      problem(item.key as YamlNode, `unknown setting "${kind.kind}.${itemKey}" (known: ${known.join(', ')})`);
      continue;
    }
    const read = option.read(itemValue === null ? null : itemValue.toJS(document));
    if ('value' in read) into.options[itemKey] = read.value;
    else problem(at, `"${kind.kind}.${itemKey}" must be ${read.mustBe}`);
  }
}

/** The known ID closest to a mistyped one (edit distance, case ignored), when it is close enough to be what was meant. */
export function closestId(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const wanted = id.toUpperCase();
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toUpperCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}
