// `graycheck rules`: every rule of the registry, as a table for people or as JSON (the RuleMeta fields plus `doc`).
import { rulesOf } from '../engine/comparison';
import { docUrl, type RuleMeta } from '../engine/rule';
import { parseArgs, stringOption, type OptionSpecs } from './args';
import type { CommandIO } from './checkCommand';
import { EXIT_OK } from './exitCodes';

export const RULES_OPTIONS: OptionSpecs = {
  format: { type: 'value', choices: ['text', 'json'] },
  debug: { type: 'flag' },
};

export interface RuleListing extends RuleMeta {
  doc: string;
}

export function ruleListing(rules: readonly RuleMeta[]): RuleListing[] {
  // Rules are checker objects with functions on them; copy exactly the declared fields.
  return rules.map((rule) => ({
    id: rule.id,
    kind: rule.kind,
    categories: [...rule.categories],
    defaultSeverity: rule.defaultSeverity,
    summary: rule.summary,
    ...(rule.sameAs !== undefined ? { sameAs: rule.sameAs } : {}),
    doc: docUrl(rule),
  }));
}

export async function rulesCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, RULES_OPTIONS, 'rules');
  const listing = ruleListing(rulesOf(io.checkers));
  if ((stringOption(args, 'format') ?? 'text') === 'json') {
    await io.write(`${JSON.stringify(listing, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = Math.max(...listing.map((rule) => rule.id.length), 2);
  const lines = listing.flatMap((rule) => [
    `${rule.id.padEnd(idWidth)}  ${rule.kind.padEnd(8)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.summary}`,
    `${' '.repeat(idWidth)}  categories: ${rule.categories.join(', ') || '(none)'}; doc: ${rule.doc}`,
  ]);
  lines.push(`${listing.length} rule${listing.length === 1 ? '' : 's'}`);
  await io.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
