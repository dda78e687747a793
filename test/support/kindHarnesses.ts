// The rule-test harness of every kind (see ruleCases.ts): one entry per kind in registry.ts.
import { METRICS_HARNESS } from '../metrics/harness';
import { OPENAPI_HARNESS } from '../openapi/harness';
import { PROTOBUF_HARNESS } from '../protobuf/harness';
import type { KindHarness } from './ruleCases';

export const KIND_HARNESSES: readonly KindHarness[] = [PROTOBUF_HARNESS, OPENAPI_HARNESS, METRICS_HARNESS];
