// Path items and webhooks as wholes: a 3.1 webhook that was removed is a call its subscribers stop receiving (the
// operations of a webhook that stays are compared as those of the path `webhook:<name>`), and a required parameter
// declared on an existing path item applies to every operation of the path at once.
import { oasdiffRule, quoted, type CheckFamily } from './family';

export const pathItems: CheckFamily = {
  rules: [
    oasdiffRule('webhook-removed', 'ERR', ['none', 'components', 'existence', 'remove'], 'A webhook was removed'),
    oasdiffRule(
      'new-required-request-default-parameter-to-existing-path',
      'ERR',
      ['request', 'parameters', 'existence', 'add'],
      'A required parameter was added to an existing path item, for all its operations',
    ),
  ],
  check(pair, report) {
    for (const [name, webhook] of pair.base.webhooks) {
      if (pair.head.webhooks.has(name)) continue;
      report.finding({
        rule: 'webhook-removed',
        component: 'webhooks',
        place: pair.head.webhooksPlace,
        text: `webhook ${quoted(name)} removed`,
        base: webhook.place,
      });
    }
    // With --flatten-params the path item's parameters are each operation's, and compared there.
    if (pair.options.flattenParams) return;
    const items = [
      ...[...pair.base.paths].map(([key, item]) => [item, pair.head.paths.get(key)] as const),
      ...[...pair.base.webhooks].map(([name, item]) => [item, pair.head.webhooks.get(name)] as const),
    ];
    for (const [baseItem, headItem] of items) {
      if (!headItem) continue;
      for (const [key, parameter] of headItem.parameters) {
        if (parameter.in === 'path' || !parameter.required || baseItem.parameters.has(key)) continue;
        // Every operation of the path at head, new ones and those below the stability threshold too, as oasdiff does.
        for (const operation of headItem.operations.values())
          report.finding({
            rule: 'new-required-request-default-parameter-to-existing-path',
            place: parameter.place,
            text: `added the new required ${quoted(parameter.in)} request parameter ${quoted(parameter.name)} to all path's operations`,
            operation,
          });
      }
    }
  },
};
