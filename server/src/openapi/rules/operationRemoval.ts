// A removed path or operation breaks every client that calls it. oasdiff judges a removed path per operation: not
// deprecated is an error, deprecated with a sunset still ahead too; deprecated without a sunset, or past it, is allowed.
import { isInStabilityScope, normalizeTemplate, restoreText, type Operation, type Place } from '../model';
import { removalOf } from './sunset';
import { oasdiffRule, quoted, type CheckFamily, type FamilyReport, type ModelPair } from './family';

const TAGS = ['none', 'paths', 'existence', 'remove'];

export const operationRemoval: CheckFamily = {
  rules: [
    oasdiffRule('api-path-removed-without-deprecation', 'ERR', TAGS, 'A path was removed while one of its operations was not deprecated'),
    oasdiffRule('api-path-removed-before-sunset', 'ERR', TAGS, 'A path was removed before the x-sunset date of one of its deprecated operations'),
    oasdiffRule('api-path-sunset-parse', 'ERR', ['none', 'paths', 'lifecycle', 'change'], 'A removed path or operation has an x-sunset that is not a date'),
    oasdiffRule('api-removed-without-deprecation', 'ERR', TAGS, 'An operation was removed without being deprecated first'),
    oasdiffRule('api-removed-before-sunset', 'ERR', TAGS, 'A deprecated operation was removed before its x-sunset date'),
  ],
  check(pair, report) {
    for (const [template, basePath] of pair.base.paths) {
      const headPath = pair.head.paths.get(template);
      for (const [method, operation] of basePath.operations) {
        if (headPath?.operations.has(method)) continue;
        if (!isInStabilityScope(operation, pair.options.stabilityLevel)) continue;
        reportRemoval(pair, report, operation, headPath ? headPath.place : pair.head.pathsPlace, headPath === undefined);
      }
    }
    // An operation removed from a webhook that stays is removed from the path `webhook:<name>`; a whole webhook removed
    // is webhook-removed.
    for (const [name, baseWebhook] of pair.base.webhooks) {
      const headWebhook = pair.head.webhooks.get(name);
      if (!headWebhook) continue;
      for (const [method, operation] of baseWebhook.operations) {
        if (headWebhook.operations.has(method) || !isInStabilityScope(operation, pair.options.stabilityLevel)) continue;
        reportRemoval(pair, report, operation, headWebhook.place, false);
      }
    }
  },
};

function reportRemoval(pair: ModelPair, report: FamilyReport, operation: Operation, place: Place, wholePath: boolean): void {
  const removal = removalOf(operation.deprecated, operation.sunset, pair.today);
  const prefix = wholePath ? 'api-path' : 'api';
  const what = wholePath ? 'api path' : 'api';
  const restore = {
    restore: 'operation',
    method: operation.method,
    path: operation.path,
    template: normalizeTemplate(operation.path),
    ...restoreText(operation.source),
    deprecated: operation.deprecated,
  };
  const finding = (rule: string, text: string) => report.finding({ rule, place, text, operation, base: operation.place, fixData: restore });
  if (removal === 'without-deprecation') finding(`${prefix}-removed-without-deprecation`, `${what} removed without deprecation`);
  else if (typeof removal === 'object' && 'beforeSunset' in removal)
    finding(`${prefix}-removed-before-sunset`, `${what} removed before the sunset date ${quoted(removal.beforeSunset)}`);
  // oasdiff reports an unreadable sunset of a removed operation under the path ID in both cases.
  else if (typeof removal === 'object')
    finding('api-path-sunset-parse', `failed to parse sunset date: ${quoted(`"${removal.sunsetInvalid}" is not a date (YYYY-MM-DD or RFC 3339)`)}`);
}
