// Every OpenAPI check family, and so every oasdiff ID the kind reports. Explicit imports: the order is visible.
import type { RuleMeta } from '../../engine/rule';
import { bodyAndResponses } from './bodyAndResponses';
import { constraints } from './constraints';
import { composition } from './composition';
import { deprecation } from './deprecation';
import type { CheckFamily } from './family';
import { jsonSchemaKeywords } from './jsonSchemaKeywords';
import { headers } from './headers';
import { lifecycle } from './lifecycle';
import { mediaTypeChanges } from './mediaTypeChanges';
import { operationRemoval } from './operationRemoval';
import { parameterChanges } from './parameterChanges';
import { pathItems } from './pathItems';
import { propertyChanges } from './propertyChanges';
import { schemaValues } from './schemaValues';
import { responseProperties } from './responseProperties';

export const OPENAPI_FAMILIES: readonly CheckFamily[] = [
  operationRemoval,
  parameterChanges,
  bodyAndResponses,
  propertyChanges,
  deprecation,
  constraints,
  schemaValues,
  composition,
  jsonSchemaKeywords,
  lifecycle,
  headers,
  responseProperties,
  mediaTypeChanges,
  pathItems,
];

export const OPENAPI_RULES: readonly RuleMeta[] = OPENAPI_FAMILIES.flatMap((family) => family.rules);
