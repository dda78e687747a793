// The single list of every kind, and so of every rule. Explicit imports: no directory scanning, so bundles stay whole and
// order is visible. Adding a kind is its folder plus one line here; the CLI and the language server take this list as it is.
import { rulesOf, type KindChecker } from './engine/comparison';
import type { RuleMeta } from './engine/rule';
import { metricsChecker } from './metrics/checker';
import { openapiChecker } from './openapi/checker';
import { protobufChecker } from './protobuf/checker';

export const CHECKERS: readonly KindChecker[] = [protobufChecker, openapiChecker, metricsChecker];

export const RULES: readonly RuleMeta[] = rulesOf(CHECKERS);
