// Every metrics rule family, in report order.
import type { RuleMeta } from '../../engine/rule';
import { definitionChanges } from './definitionChanges';
import { definitionConsistency } from './definitionConsistency';
import type { MetricsFamily } from './family';
import { labelCalls } from './labelCalls';
import { namingFamily } from './naming';
import { references } from './references';
import { semconvFamily } from './semconv';

export const METRICS_FAMILIES: readonly MetricsFamily[] = [definitionChanges, references, semconvFamily, labelCalls, definitionConsistency, namingFamily];

export const METRICS_RULES: readonly RuleMeta[] = METRICS_FAMILIES.flatMap((family) => family.rules);
