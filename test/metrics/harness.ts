// The metrics kind's rule-test harness: a case's default file is `metrics.go` (other files, such as rule files and
// dashboards, by path); every rule runs, there is no selection file. Doc-page examples may span several files.
import { metricsChecker } from '../../server/src/metrics/checker';
import type { KindHarness } from '../support/ruleCases';

export const METRICS_HARNESS: KindHarness = {
  checker: metricsChecker,
  defaultFile: 'metrics.go',
  filesFor: () => ({}),
  docs: { fence: 'go|yaml|json|prom', commentPrefix: '//' },
};
