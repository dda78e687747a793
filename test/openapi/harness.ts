// OpenAPI's rule-test harness: cases are `openapi.yaml` (other files by path); every check runs, there is no selection file.
import { openapiChecker } from '../../server/src/openapi/checker';
import type { KindHarness } from '../support/ruleCases';

export const OPENAPI_HARNESS: KindHarness = {
  checker: openapiChecker,
  defaultFile: 'openapi.yaml',
  filesFor: () => ({}),
  docs: { fence: 'yaml', commentPrefix: '#' },
};
