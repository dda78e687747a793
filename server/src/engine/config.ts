// `.graycheck.yaml`: every key optional. Problems in the file become findings-like notes on the file itself, never exceptions.
import { parseDocument, isMap, isSeq, isScalar, type Node as YamlNode, LineCounter } from 'yaml';
import type { Kind, Severity } from './finding';
import type { Range } from './range';

export type SeverityOverride = Severity | 'off';

export interface PathIgnore {
  path: string; // glob
  rules?: string[]; // all rules when absent
}

export interface GraycheckConfig {
  base?: string;
  include: string[];
  exclude: string[];
  enabled: Record<Kind, boolean>;
  severity: Record<string, SeverityOverride>;
  ignore: PathIgnore[];
  openapiFiles: string[];
  metricsFiles: string[];
}

export interface ConfigProblem {
  file: string;
  range: Range;
  message: string;
}

export const CONFIG_FILE = '.graycheck.yaml';

export function defaultConfig(): GraycheckConfig {
  return {
    include: [],
    exclude: [],
    enabled: { protobuf: true, openapi: true, metrics: true },
    severity: {},
    ignore: [],
    openapiFiles: [],
    metricsFiles: [],
  };
}

const TOP_LEVEL_KEYS = ['base', 'include', 'exclude', 'protobuf', 'openapi', 'metrics', 'severity', 'ignore'];
const SEVERITIES: SeverityOverride[] = ['error', 'warning', 'info', 'off'];

export function parseGraycheckConfig(text: string, file = CONFIG_FILE): { config: GraycheckConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
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

  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    problems.push({ file, range: { start: { line: line - 1, character: col - 1 }, end: { line: line - 1, character: col - 1 } }, message: `${file} is not valid YAML: ${error.message.split('\n')[0]}` });
  }
  if (document.errors.length > 0) return { config, problems };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    problem(root, `${file} must be a mapping of settings (base, include, exclude, protobuf, openapi, metrics, severity, ignore)`);
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
      case 'protobuf':
      case 'openapi':
      case 'metrics': {
        if (!isMap(value)) {
          problem(value ?? keyNode, `"${key}" must be a mapping (enabled${key === 'protobuf' ? '' : ', files'})`);
          break;
        }
        for (const item of value.items) {
          const itemKey = isScalar(item.key) ? String(item.key.value) : '';
          const itemValue = item.value as YamlNode | null;
          if (itemKey === 'enabled') {
            if (isScalar(itemValue) && typeof itemValue.value === 'boolean') config.enabled[key] = itemValue.value;
            else problem(itemValue ?? (item.key as YamlNode), `"${key}.enabled" must be true or false`);
          } else if (itemKey === 'files' && key !== 'protobuf') {
            const list = stringList(itemValue, `${key}.files`);
            if (list) config[key === 'openapi' ? 'openapiFiles' : 'metricsFiles'] = list;
          } else {
            problem(item.key as YamlNode, `unknown setting "${key}.${itemKey}"`);
          }
        }
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
      default:
        problem(keyNode, `unknown setting "${key}" (known: ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }
  return { config, problems };
}
