// Reading semantic-convention registries (Weaver definition v1 and v2) into definitions and registry attributes, and
// resolving `extends`, `ref_group` and `ref` across the repository's files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Location } from '../../server/src/engine/finding';
import { looksLikeSemconv, readSemconvFile, resolveSemconv, type SemconvFile } from '../../server/src/metrics/semconv/registry';

/** `file:line:col-line:col`, 1-based, for humans. */
function place(location: Location | undefined): string {
  if (!location) return 'nowhere';
  const { start, end } = location.range;
  return `${location.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

function read(path: string, text: string): SemconvFile {
  const file = readSemconvFile(path, text);
  assert.ok(file, `${path} is read as a semantic-convention file`);
  return file;
}

const HTTP_METRICS_V1 = `groups:
  - id: metric.http.server.request.duration
    type: metric
    metric_name: http.server.request.duration
    brief: "Duration of HTTP server requests."
    instrument: histogram
    unit: "s"
    stability: stable
    extends: metric_attributes.http.server
    attributes:
      - ref: http.route
        requirement_level:
          conditionally_required: If and only if it's available
      - ref: server.port
        requirement_level: opt_in
  - id: metric.http.server.active_requests
    type: metric
    metric_name: http.server.active_requests
    brief: Number of active HTTP server requests.
    instrument: updowncounter
    unit: "{request}"
    stability: development
    deprecated:
      reason: renamed
      renamed_to: http.server.requests.active
      note: Use the new name.
    attributes:
      - ref: http.request.method
        requirement_level: required
`;

const HTTP_COMMON_V1 = `groups:
  - id: metric_attributes.http.server
    type: attribute_group
    brief: 'HTTP server attributes'
    attributes:
      - ref: http.request.method
        requirement_level: required
      - ref: http.route
        requirement_level: recommended
`;

const HTTP_REGISTRY_V1 = `groups:
  - id: registry.http
    type: attribute_group
    brief: 'This document defines semantic convention attributes in the HTTP namespace.'
    attributes:
      - id: http.request.method
        stability: stable
        type:
          members:
            - id: get
              value: "GET"
              stability: stable
        brief: 'HTTP request method.'
      - id: http.route
        type: string
        stability: stable
        brief: The matched route.
      - id: http.method
        type: string
        stability: development
        deprecated: "Replaced by \`http.request.method\`."
        brief: Deprecated.
`;

test('the content test recognises v1 groups of semconv types, registry ids and v2 files, and nothing else', () => {
  assert.equal(looksLikeSemconv(HTTP_METRICS_V1), true);
  assert.equal(looksLikeSemconv(HTTP_REGISTRY_V1), true);
  assert.equal(looksLikeSemconv('groups:\n  - id: registry.x\n    attributes: []\n'), true);
  assert.equal(looksLikeSemconv('file_format: definition/2\nmetrics: []\n'), true);
  assert.equal(looksLikeSemconv('groups:\n  - id: metric_attributes.http\n    type: metric_group\n'), true);
  assert.equal(looksLikeSemconv('version: "2"\nattributes: []\n'), true);
  assert.equal(looksLikeSemconv('groups:\n  - name: prometheus-rules\n    rules: []\n'), false);
  assert.equal(looksLikeSemconv('openapi: 3.0.3\npaths: {}\n'), false);
  assert.equal(looksLikeSemconv('version: 2\nservices: {}\n'), false);
  assert.equal(readSemconvFile('rules.yaml', 'groups:\n  - name: x\n    rules: []\n'), undefined);
});

test('a v1 metric group becomes a definition: name, instrument, unit, brief, stability, attribute uses and places', () => {
  const file = read('model/http/metrics.yaml', HTTP_METRICS_V1);
  assert.deepEqual(file.unreadable, []);
  assert.equal(file.definitions.length, 2);
  const [duration, active] = file.definitions;
  assert.deepEqual(
    {
      ...duration,
      location: place(duration.location),
      nameLocation: place(duration.nameLocation),
      typeLocation: place(duration.typeLocation),
      unitLocation: place(duration.unitLocation),
      stabilityLocation: place(duration.stabilityLocation),
      labels: duration.labels?.map((label) => `${label.name}@${place(label.location)}`),
    },
    {
      source: 'semconv',
      name: 'http.server.request.duration',
      nameLocation: 'model/http/metrics.yaml:4:18-4:46',
      type: 'histogram',
      // The values' own text (quotes included), where "Revert to the base value" edits.
      typeLocation: 'model/http/metrics.yaml:6:17-6:26',
      unit: 's',
      unitLocation: 'model/http/metrics.yaml:7:11-7:14',
      stabilityLocation: 'model/http/metrics.yaml:8:16-8:22',
      help: 'Duration of HTTP server requests.',
      labels: ['http.route@model/http/metrics.yaml:11:14-11:24', 'server.port@model/http/metrics.yaml:14:14-14:25'],
      constLabels: [],
      location: 'model/http/metrics.yaml:2:5-2:44',
      identity: 'metric.http.server.request.duration',
      stability: 'stable',
      attributes: [
        { name: 'http.route', requirementLevel: 'conditionally_required' },
        { name: 'server.port', requirementLevel: 'opt_in' },
      ],
    },
  );
  assert.deepEqual(file.includes, [
    [
      {
        id: 'metric_attributes.http.server',
        location: { file: 'model/http/metrics.yaml', range: { start: { line: 8, character: 13 }, end: { line: 8, character: 42 } } },
      },
    ],
    [],
  ]);
  assert.equal(active.type, 'updowncounter');
  assert.equal(active.unit, '{request}');
  assert.equal(active.stability, 'development');
  assert.equal(place(active.location), 'model/http/metrics.yaml:16:5-16:43');
  assert.deepEqual(active.deprecated, { reason: 'renamed', renamedTo: 'http.server.requests.active', note: 'Use the new name.' });
  assert.deepEqual(active.attributes, [{ name: 'http.request.method', requirementLevel: 'required' }]);
});

test('v1 registry attributes: scalar and enum types, stability, both forms of deprecated, and the place of the id', () => {
  const file = read('model/http/registry.yaml', HTTP_REGISTRY_V1);
  assert.deepEqual(file.definitions, []);
  assert.deepEqual(
    file.attributes.map((attribute) => ({ ...attribute, location: place(attribute.location) })),
    [
      { name: 'http.request.method', type: 'enum', stability: 'stable', location: 'model/http/registry.yaml:6:9-6:32' },
      { name: 'http.route', type: 'string', stability: 'stable', location: 'model/http/registry.yaml:14:9-14:23' },
      {
        name: 'http.method',
        type: 'string',
        stability: 'development',
        deprecated: { reason: 'uncategorized', note: 'Replaced by `http.request.method`.' },
        location: 'model/http/registry.yaml:18:9-18:24',
      },
    ],
  );
});

test('an old group with a prefix names its attributes under the prefix', () => {
  const file = read(
    'model/old.yaml',
    'groups:\n  - id: registry.net\n    prefix: net\n    type: attribute_group\n    attributes:\n      - id: peer.name\n        type: string\n',
  );
  assert.deepEqual(
    file.attributes.map((attribute) => attribute.name),
    ['net.peer.name'],
  );
});

test('resolution pulls in the extended group (own refinements win) and types every use from the registry across files', () => {
  const metrics = read('model/http/metrics.yaml', HTTP_METRICS_V1);
  const common = read('model/http/common.yaml', HTTP_COMMON_V1);
  const registry = read('model/http/registry.yaml', HTTP_REGISTRY_V1);
  const resolved = resolveSemconv([metrics, common, registry]);
  const [duration, active] = resolved.definitions;
  assert.deepEqual(duration.attributes, [
    { name: 'http.request.method', requirementLevel: 'required', type: 'enum', stability: 'stable' },
    { name: 'http.route', requirementLevel: 'conditionally_required', type: 'string', stability: 'stable' },
    { name: 'server.port', requirementLevel: 'opt_in' },
  ]);
  assert.deepEqual(
    duration.labels?.map((label) => `${label.name}@${place(label.location)}`),
    [
      'http.request.method@model/http/common.yaml:6:14-6:33',
      'http.route@model/http/metrics.yaml:11:14-11:24',
      'server.port@model/http/metrics.yaml:14:14-14:25',
    ],
  );
  assert.deepEqual(active.attributes, [{ name: 'http.request.method', requirementLevel: 'required', type: 'enum', stability: 'stable' }]);
  assert.deepEqual(
    resolved.attributes.map((attribute) => attribute.name),
    ['http.request.method', 'http.route', 'http.method'],
  );
  assert.deepEqual(resolved.unreadable, [
    { file: 'model/http/metrics.yaml', reason: 'attribute "server.port" (used by metric "http.server.request.duration") is not defined in this repository' },
  ]);
  assert.equal(metrics.definitions[0].attributes?.length, 2, 'the files read are left as they were');
});

test('an extended group the repository does not hold is said so, and the metric keeps its own attributes', () => {
  const metrics = read('model/http/metrics.yaml', HTTP_METRICS_V1);
  const registry = read('model/http/registry.yaml', HTTP_REGISTRY_V1);
  const resolved = resolveSemconv([metrics, registry]);
  assert.deepEqual(
    resolved.definitions[0].attributes?.map((use) => use.name),
    ['http.route', 'server.port'],
  );
  assert.deepEqual(
    resolved.unreadable.map((entry) => entry.reason),
    [
      'group "metric_attributes.http.server" (included by metric "http.server.request.duration") is not defined in this repository',
      'attribute "server.port" (used by metric "http.server.request.duration") is not defined in this repository',
    ],
  );
});

test('groups that extend each other in a cycle are each expanded once', () => {
  const cyclic = read(
    'model/cycle.yaml',
    `groups:
  - id: a
    type: attribute_group
    extends: b
    attributes:
      - ref: x.a
  - id: b
    type: attribute_group
    extends: a
    attributes:
      - ref: x.b
  - id: metric.m
    type: metric
    metric_name: m
    instrument: counter
    unit: "1"
    extends: a
  - id: registry.x
    type: attribute_group
    attributes:
      - id: x.a
        type: int
      - id: x.b
        type: boolean
`,
  );
  const [metric] = resolveSemconv([cyclic]).definitions;
  assert.deepEqual(metric.attributes, [
    { name: 'x.b', type: 'boolean' },
    { name: 'x.a', type: 'int' },
  ]);
});

const V2 = `file_format: definition/2
attributes:
  - key: http.request.method
    stability: stable
    type:
      members:
        - id: get
          value: GET
    brief: HTTP request method.
  - key: http.response.status_code
    type: int
    stability: stable
    brief: Status.
  - key: db.operation
    type: string
    stability: development
    brief: Deprecated.
    deprecated:
      reason: renamed
      renamed_to: db.operation.name
attribute_groups:
  - id: attributes.http.common
    visibility: internal
    attributes:
      - ref: http.request.method
        requirement_level: required
metrics:
  - name: http.server.request.duration
    brief: Duration of HTTP server requests.
    unit: s
    instrument: histogram
    stability: stable
    attributes:
      - ref_group: attributes.http.common
      - ref: http.response.status_code
        requirement_level:
          recommended: When available.
`;

test('a definition/2 file: top-level attributes by key, metrics by name, ref_group resolved like extends', () => {
  const file = read('model/v2.yaml', V2);
  assert.deepEqual(
    file.attributes.map((attribute) => ({ ...attribute, location: place(attribute.location) })),
    [
      { name: 'http.request.method', type: 'enum', stability: 'stable', location: 'model/v2.yaml:3:5-3:29' },
      { name: 'http.response.status_code', type: 'int', stability: 'stable', location: 'model/v2.yaml:10:5-10:35' },
      {
        name: 'db.operation',
        type: 'string',
        stability: 'development',
        deprecated: { reason: 'renamed', renamedTo: 'db.operation.name' },
        location: 'model/v2.yaml:14:5-14:22',
      },
    ],
  );
  const [metric] = file.definitions;
  assert.equal(metric.identity, 'metric.http.server.request.duration');
  assert.equal(metric.name, 'http.server.request.duration');
  assert.equal(metric.type, 'histogram');
  assert.equal(metric.unit, 's');
  assert.equal(metric.help, 'Duration of HTTP server requests.');
  assert.equal(place(metric.location), 'model/v2.yaml:28:5-28:39');
  assert.equal(place(metric.nameLocation), 'model/v2.yaml:28:11-28:39');
  const [resolved] = resolveSemconv([file]).definitions;
  assert.deepEqual(resolved.attributes, [
    { name: 'http.request.method', requirementLevel: 'required', type: 'enum', stability: 'stable' },
    { name: 'http.response.status_code', requirementLevel: 'recommended', type: 'int', stability: 'stable' },
  ]);
  assert.deepEqual(
    resolved.labels?.map((label) => `${label.name}@${place(label.location)}`),
    ['http.request.method@model/v2.yaml:25:14-25:33', 'http.response.status_code@model/v2.yaml:35:14-35:39'],
  );
});

test('version: "2" is read as definition/2 too, and an unknown instrument is untyped', () => {
  const file = read('v2.yaml', 'version: "2"\nmetrics:\n  - name: x.y\n    instrument: summary\n    unit: "1"\n');
  assert.deepEqual(
    file.definitions.map((definition) => [definition.name, definition.type, definition.unit]),
    [['x.y', 'untyped', '1']],
  );
});

test('malformed YAML in a semconv file is unreadable with its reason, and yields no definitions', () => {
  const file = read('model/broken.yaml', 'groups:\n  - id: metric.x\n    type: metric\n    metric_name: [x\n');
  assert.deepEqual(file.definitions, []);
  assert.deepEqual(file.attributes, []);
  assert.equal(file.unreadable.length, 1);
  assert.equal(file.unreadable[0].file, 'model/broken.yaml');
  assert.match(file.unreadable[0].reason, /^not valid YAML \(line \d+: .+\)$/);
});

test('a file that starts with a byte-order mark is recognised and read, its places unchanged below the first line', () => {
  const file = read('bom.yaml', '\ufeffversion: "2"\nmetrics:\n  - name: a\n    instrument: gauge\n');
  assert.equal(place(file.definitions[0].location), 'bom.yaml:3:5-3:12');
});

test('YAML anchors are followed where they are read, and a refinement on the ref wins over the registry stability', () => {
  const file = read(
    'anchors.yaml',
    `file_format: definition/2
attributes:
  - key: a.b
    type: string
    stability: stable
metrics:
  - name: one
    instrument: counter
    attributes: &shared
      - ref: a.b
        stability: development
  - name: two
    instrument: gauge
    attributes: *shared
`,
  );
  const resolved = resolveSemconv([file]).definitions;
  assert.deepEqual(
    resolved.map((definition) => [definition.name, definition.attributes]),
    [
      ['one', [{ name: 'a.b', stability: 'development', type: 'string' }]],
      ['two', [{ name: 'a.b', stability: 'development', type: 'string' }]],
    ],
  );
});

test('definition/2 imports resolve against the registries the repository holds; one that matches nothing is said', () => {
  const importing = readSemconvFile(
    'model/registry.yaml',
    'file_format: definition/2\nimports:\n  metrics:\n    - http.server.*\n    - rpc.*\n  attribute_groups:\n    - common.*\n  entities:\n    - k8s.*\nmetrics:\n  - name: shop.orders\n    instrument: counter\n    unit: "{order}"\n    stability: development\n    brief: Orders.\n',
  )!;
  const vendored = readSemconvFile(
    'vendor/semconv/http.yaml',
    'file_format: definition/2\nattribute_groups:\n  - id: common.http\n    visibility: internal\n    attributes:\n      - ref: http.request.method\nmetrics:\n  - name: http.server.request.duration\n    instrument: histogram\n    unit: s\n    stability: stable\n    brief: Duration.\n',
  )!;
  assert.deepEqual(importing.unreadable, []);
  assert.deepEqual(
    importing.imports?.map((wanted) => `${wanted.what} ${wanted.wildcard} @${wanted.location.range.start.line}`),
    ['metrics http.server.* @3', 'metrics rpc.* @4', 'attribute_groups common.* @6'],
  );
  const resolved = resolveSemconv([importing, vendored]);
  assert.deepEqual(
    resolved.definitions.map((definition) => definition.name),
    ['shop.orders', 'http.server.request.duration'],
  );
  // Only rpc.* is nowhere: said, and only for that part of the file (its own metrics are checked).
  assert.deepEqual(
    resolved.unreadable.filter((entry) => entry.file === 'model/registry.yaml'),
    [
      {
        file: 'model/registry.yaml',
        reason: 'imports metrics "rpc.*", which no registry in this repository defines (other registries are not fetched)',
        partial: true,
      },
    ],
  );
});

test('definition/2 metric refinements are not read, and that is said', () => {
  const file = readSemconvFile(
    'model/registry.yaml',
    'file_format: definition/2\nmetric_refinements:\n  - id: shop.http.duration\n    ref: http.server.request.duration\nmetrics:\n  - name: shop.orders\n    instrument: counter\n    unit: "{order}"\n    stability: development\n    brief: Orders.\n',
  )!;
  assert.deepEqual(
    file.definitions.map((definition) => definition.name),
    ['shop.orders'],
  );
  assert.deepEqual(file.unreadable, [
    {
      file: 'model/registry.yaml',
      reason: 'its "metric_refinements:" section is not read (which recordings a refinement covers is not known); the rest of the file is checked',
      partial: true,
    },
  ]);
});
