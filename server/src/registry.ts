// The single list of every kind, and so of every rule. Explicit imports: no directory scanning, so bundles stay whole and
// order is visible. Adding a kind is its folder plus one line here; the CLI and the language server take this list as it is.
// Each kind is described here and its checker module loaded when first needed (engine/kindOnDemand.ts): a check that
// finds no file of a kind does not pay for loading its parser and rules.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { KindChecker } from './engine/comparison';
import { kindOnDemand } from './engine/kindOnDemand';
import { METRICS_KIND } from './metrics/kind';
import { OPENAPI_KIND } from './openapi/kind';
import { PROTOBUF_KIND } from './protobuf/kind';

export const CHECKERS: readonly KindChecker[] = [
  kindOnDemand(PROTOBUF_KIND, () => (require('./protobuf/checker') as typeof import('./protobuf/checker')).protobufChecker),
  kindOnDemand(OPENAPI_KIND, () => (require('./openapi/checker') as typeof import('./openapi/checker')).openapiChecker),
  kindOnDemand(METRICS_KIND, () => (require('./metrics/checker') as typeof import('./metrics/checker')).metricsChecker),
];
