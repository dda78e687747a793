// A small argv parser for the subcommands: declared options only, `--name value` or `--name=value`, `--` ends options.
// Anything undeclared is a usage error, so a typo never silently changes what is checked.
import { UsageError } from './exitCodes';

export interface OptionSpec {
  /** 'flag' takes no value; 'value' takes one; with `choices`, the value must be one of them. */
  type: 'flag' | 'value';
  choices?: readonly string[];
  alias?: string; // one letter, used as -x
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: OptionSpecs, command: string): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const aliases = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.alias ? [[spec.alias, name] as const] : [])));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inlineValue: string | undefined;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);
    } else {
      const alias = aliases.get(arg.slice(1));
      if (!alias) throw new UsageError(`unknown option "${arg}" for "graycheck ${command}"`);
      name = alias;
    }
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option "--${name}" for "graycheck ${command}"`);
    if (spec.type === 'flag') {
      if (inlineValue !== undefined) throw new UsageError(`option "--${name}" takes no value`);
      options.set(name, true);
      continue;
    }
    let value = inlineValue;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`option "--${name}" needs a value`);
      value = argv[++i];
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`option "--${name}" must be one of ${spec.choices.join(', ')}, not "${value}"`);
    }
    options.set(name, value);
  }
  return { options, positionals };
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function flagOption(parsed: ParsedArgs, name: string): boolean {
  return parsed.options.get(name) === true;
}
