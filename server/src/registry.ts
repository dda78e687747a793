// The single list of every kind checker and so of every rule. Explicit imports: no directory scanning, so bundles stay whole and order is visible.
import type { KindChecker } from './engine/comparison';
import type { RuleMeta } from './engine/rule';
import { protobufChecker } from './protobuf/checker';

export const CHECKERS: readonly KindChecker[] = [protobufChecker];

export const RULES: readonly RuleMeta[] = CHECKERS.flatMap((checker) => checker.rules);

export function checkerFor(kind: string): KindChecker | undefined {
  return CHECKERS.find((checker) => checker.kind === kind);
}

export function ruleById(id: string): RuleMeta | undefined {
  return RULES.find((rule) => rule.id === id);
}
