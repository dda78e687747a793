// METRIC_DEPRECATED through the real checker: a semantic-convention metric newly deprecated at head is reported on its
// group (info) and, as a warning, on each rule or dashboard selector at head that queries its Prometheus series; a rename
// to a metric the head defines offers the series' new name.
import { ruleCases } from '../support/ruleCases';
import { dashboard, rules, severityCases } from './ruleFixtures';

/** `shop.order.duration` (histogram, seconds; group on line 2) and `shop.checkout.duration` (line 9), with `deprecation`
 *  lines added to the first. */
function registry(deprecation = '', checkout = true): string {
  return `groups:
  - id: metric.shop.order.duration
    type: metric
    metric_name: shop.order.duration
    brief: Order time.
    instrument: histogram
    unit: s
${deprecation}${
    checkout
      ? `  - id: metric.shop.checkout.duration
    type: metric
    metric_name: shop.checkout.duration
    brief: Checkout time.
    instrument: histogram
    unit: s
`
      : ''
  }`;
}

const RENAMED = '    deprecated:\n      reason: renamed\n      renamed_to: shop.checkout.duration\n';
const OBSOLETED = '    deprecated:\n      reason: obsoleted\n';
const ALERTS = rules(
  ['alert', 'SlowOrders', 'histogram_quantile(0.9, rate(shop_order_duration_seconds_bucket[5m])) > 1'],
  ['record', 'orders:rate5m', 'rate(shop_order_duration_seconds_count[5m])'],
);
const PANELS = dashboard(['Orders', 'sum(rate(shop_order_duration_seconds_sum[5m]))']);
const side = (model: string, files: Record<string, string> = {}) => ({ 'model/metrics.yaml': model, ...files });

ruleCases('METRIC_DEPRECATED', [
  {
    name: 'renamed, queried by an alert, a record and a panel: the group finding, then a warning on each selector',
    base: side(registry(), { 'alerts.yaml': ALERTS, 'd.json': PANELS }),
    head: side(registry(RENAMED), { 'alerts.yaml': ALERTS, 'd.json': PANELS }),
    expect: [
      'alerts.yaml:5:44 alert "SlowOrders" uses "shop_order_duration_seconds_bucket", whose metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
      'alerts.yaml:7:20 record "orders:rate5m" uses "shop_order_duration_seconds_count", whose metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
      'd.json:4:52 panel "Orders" uses "shop_order_duration_seconds_sum", whose metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
      'model/metrics.yaml:2:5 Metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
    ],
    // Each use is renamed to the replacement's series of the same suffix.
    fixTitles: ['Rename uses to "shop_checkout_duration_seconds_bucket"'],
  },
  {
    name: 'obsoleted: the uses are reported, with nothing to rename them to',
    base: side(registry(), { 'alerts.yaml': ALERTS }),
    head: side(registry(OBSOLETED), { 'alerts.yaml': ALERTS }),
    expect: [
      'alerts.yaml:5:44 alert "SlowOrders" uses "shop_order_duration_seconds_bucket", whose metric "shop.order.duration" is deprecated (obsoleted).',
      'alerts.yaml:7:20 record "orders:rate5m" uses "shop_order_duration_seconds_count", whose metric "shop.order.duration" is deprecated (obsoleted).',
      'model/metrics.yaml:2:5 Metric "shop.order.duration" is deprecated (obsoleted).',
    ],
    fixTitles: [],
  },
  {
    name: 'a deprecation already at the base: neither the group nor its uses are reported',
    base: side(registry(RENAMED), { 'alerts.yaml': ALERTS }),
    head: side(registry(RENAMED), { 'alerts.yaml': ALERTS }),
    expect: [],
  },
  {
    name: 'queries of other metrics, and a name that only begins like the series, are not uses',
    base: side(registry(), { 'alerts.yaml': rules(['alert', 'A', 'rate(shop_checkout_duration_seconds_count[5m]) + shop_order_duration_seconds_x > 1']) }),
    head: side(registry(RENAMED), {
      'alerts.yaml': rules(['alert', 'A', 'rate(shop_checkout_duration_seconds_count[5m]) + shop_order_duration_seconds_x > 1']),
    }),
    expect: ['model/metrics.yaml:2:5 Metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").'],
  },
]);

// The fix on a use: offered only when the head defines the new metric (fixes.test.ts checks the whole workspace after it).
const COUNT_ALERT = (metric: string) => rules(['alert', 'SlowOrders', `rate(${metric}[5m]) > 1`]);
ruleCases('METRIC_DEPRECATED', [
  {
    name: 'one use renamed to the replacement series, suffix kept; the use is then no longer reported',
    base: side(registry(), { 'alerts.yaml': COUNT_ALERT('shop_order_duration_seconds_count') }),
    head: side(registry(RENAMED), { 'alerts.yaml': COUNT_ALERT('shop_order_duration_seconds_count') }),
    expect: [
      'alerts.yaml:5:20 alert "SlowOrders" uses "shop_order_duration_seconds_count", whose metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
      'model/metrics.yaml:2:5 Metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
    ],
    fixTitles: ['Rename uses to "shop_checkout_duration_seconds_count"'],
    fixed: COUNT_ALERT('shop_checkout_duration_seconds_count'),
  },
  {
    name: 'renamed to a metric the head does not define: no fix',
    base: side(registry('', false), { 'alerts.yaml': COUNT_ALERT('shop_order_duration_seconds_count') }),
    head: side(registry(RENAMED, false), { 'alerts.yaml': COUNT_ALERT('shop_order_duration_seconds_count') }),
    expect: [
      'alerts.yaml:5:20 alert "SlowOrders" uses "shop_order_duration_seconds_count", whose metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
      'model/metrics.yaml:2:5 Metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
    ],
    fixTitles: [],
  },
  {
    name: 'a replacement without the series the query names (a histogram renamed to a gauge, queried by _count): no fix',
    base: side(registry(), { 'alerts.yaml': COUNT_ALERT('shop_order_duration_seconds_count') }),
    head: side(registry(RENAMED).replace('brief: Checkout time.\n    instrument: histogram', 'brief: Checkout time.\n    instrument: gauge'), {
      'alerts.yaml': COUNT_ALERT('shop_order_duration_seconds_count'),
    }),
    expect: [
      'alerts.yaml:5:20 alert "SlowOrders" uses "shop_order_duration_seconds_count", whose metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
      'model/metrics.yaml:2:5 Metric "shop.order.duration" is deprecated (renamed, renamed to "shop.checkout.duration").',
    ],
    fixTitles: [],
  },
]);

severityCases('METRIC_DEPRECATED', [
  {
    name: 'the group: info; each use: a warning',
    base: side(registry(), { 'alerts.yaml': ALERTS }),
    head: side(registry(RENAMED), { 'alerts.yaml': ALERTS }),
    severities: ['warning alerts.yaml:5:44', 'warning alerts.yaml:7:20', 'info model/metrics.yaml:2:5'],
  },
  {
    name: 'renamed to a metric the head does not define: still a warning per use',
    base: side(registry('', false), { 'alerts.yaml': ALERTS }),
    head: side(registry(RENAMED, false), { 'alerts.yaml': ALERTS }),
    severities: ['warning alerts.yaml:5:44', 'warning alerts.yaml:7:20', 'info model/metrics.yaml:2:5'],
  },
]);
