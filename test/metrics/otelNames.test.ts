// OpenTelemetry names as the Prometheus exporter exposes them: a table per strategy, from otlptranslator's rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetricType } from '../../server/src/metrics/model';
import type { OtelToPrometheus } from '../../server/src/metrics/rules/family';
import { DEFAULT_OTEL_TO_PROMETHEUS, prometheusLabel, prometheusName } from '../../server/src/metrics/semconv/otelNames';

type Case = [name: string, type: MetricType, unit: string | undefined, expected: string, options?: Partial<OtelToPrometheus>];

function table(title: string, cases: Case[]): void {
  test(title, () => {
    for (const [name, type, unit, expected, options] of cases) {
      const actual = prometheusName(name, type, unit, { ...DEFAULT_OTEL_TO_PROMETHEUS, ...options });
      assert.equal(actual, expected, `${name} (${type}, unit ${JSON.stringify(unit)}, ${JSON.stringify(options ?? {})})`);
    }
  });
}

test('the defaults are the OTel Go exporter: escaping with suffixes, no namespace', () => {
  assert.deepEqual(DEFAULT_OTEL_TO_PROMETHEUS, { strategy: 'UnderscoreEscapingWithSuffixes', namespace: '', units: true, counterSuffix: true });
});

table('the README example: a histogram in seconds under a namespace', [
  ['http.server.request.duration', 'histogram', 's', 'myapp_http_server_request_duration_seconds', { namespace: 'myapp' }],
  ['http.server.request.duration', 'histogram', 's', 'http_server_request_duration_seconds'],
]);

table('escaping: every run of characters outside [a-zA-Z0-9:] is one underscore, a leading digit gets one', [
  ['http.server.active_requests', 'updowncounter', '{request}', 'http_server_active_requests'],
  ['a..b--c', 'gauge', undefined, 'a_b_c'],
  ['_private.name_', 'gauge', undefined, 'private_name'],
  ['job:requests:rate5m', 'gauge', undefined, 'job:requests:rate5m'],
  ['2xx.responses', 'gauge', undefined, '_2xx_responses'],
  ['métrique.total', 'gauge', undefined, 'm_trique_total'],
]);

table('units: mapped, annotations dropped, unknown ones kept, per-units appended as per_x', [
  ['db.client.connection.create_time', 'histogram', 'ms', 'db_client_connection_create_time_milliseconds'],
  ['process.memory.usage', 'updowncounter', 'By', 'process_memory_usage_bytes'],
  ['jvm.memory.used', 'gauge', 'KiBy', 'jvm_memory_used_kibibytes'],
  ['hw.temperature', 'gauge', 'Cel', 'hw_temperature_celsius'],
  ['system.cpu.utilization', 'gauge', '%', 'system_cpu_utilization_percent'],
  ['network.io', 'counter', 'By/s', 'network_io_bytes_per_second_total'],
  ['queue.rate', 'gauge', '{message}/s', 'queue_rate_per_second'],
  ['queue.rate', 'gauge', '{message}/{batch}', 'queue_rate'],
  ['rate', 'gauge', 'By/mo', 'rate_bytes_per_month'],
  ['rate', 'gauge', 'By/fortnight', 'rate_bytes_per_fortnight'],
  ['http.server.request.size', 'histogram', '{request}', 'http_server_request_size'],
  ['weird', 'gauge', 'furlong', 'weird_furlong'],
  ['weird', 'gauge', 'a.b', 'weird_a_b'],
  ['nothing', 'gauge', '', 'nothing'],
  ['nothing', 'histogram', undefined, 'nothing'],
]);

table('a unit already a token of the name (anywhere, `_` separating tokens too) is not repeated; a mere substring is not a token', [
  ['process.cpu.time.seconds', 'counter', 's', 'process_cpu_time_seconds_total'],
  ['memory.bytes.used', 'gauge', 'By', 'memory_bytes_used'],
  ['seconds_spent', 'gauge', 's', 'seconds_spent'],
  ['durationseconds', 'gauge', 's', 'durationseconds_seconds'],
]);

table('monotonic counters end in _total (moved to the end); ratios are gauges with unit 1', [
  ['http.requests', 'counter', '{request}', 'http_requests_total'],
  ['http.requests.total', 'counter', '1', 'http_requests_total'],
  ['total.requests', 'counter', undefined, 'requests_total'],
  ['errors.total.by.route', 'counter', undefined, 'errors_by_route_total'],
  ['queue.length', 'updowncounter', '{item}', 'queue_length'],
  ['cpu.utilization', 'gauge', '1', 'cpu_utilization_ratio'],
  ['cpu.ratio.used', 'gauge', '1', 'cpu_used_ratio'],
  ['cpu.share', 'updowncounter', '1', 'cpu_share'],
  ['cpu.share', 'histogram', '1', 'cpu_share'],
]);

table('the namespace goes first, as written, and a leading digit is checked after it', [
  ['requests', 'counter', undefined, 'my.app_requests_total', { namespace: 'my.app' }],
  ['1st', 'gauge', undefined, '_9ns_1st', { namespace: '9ns' }],
]);

table("the exporter's WithoutUnits and WithoutCounterSuffixes", [
  ['http.server.request.duration', 'histogram', 's', 'http_server_request_duration', { units: false }],
  ['cpu.utilization', 'gauge', '1', 'cpu_utilization', { units: false }],
  ['network.io', 'counter', 'By', 'network_io_bytes', { counterSuffix: false }],
  ['network.io', 'counter', 'By', 'network_io', { units: false, counterSuffix: false }],
]);

table('UnderscoreEscapingWithoutSuffixes escapes only; its namespace is escaped too', [
  ['http.server.request.duration', 'histogram', 's', 'http_server_request_duration', { strategy: 'UnderscoreEscapingWithoutSuffixes' }],
  ['http.requests', 'counter', '1', 'http_requests', { strategy: 'UnderscoreEscapingWithoutSuffixes' }],
  ['2xx', 'gauge', undefined, '_2xx', { strategy: 'UnderscoreEscapingWithoutSuffixes' }],
  ['a.b', 'gauge', undefined, 'my_app_a_b', { strategy: 'UnderscoreEscapingWithoutSuffixes', namespace: 'my.app' }],
]);

table('NoUTF8EscapingWithSuffixes keeps the name and appends unit, per-unit, _total and _ratio in that order', [
  ['http.server.request.duration', 'histogram', 's', 'http.server.request.duration_seconds', { strategy: 'NoUTF8EscapingWithSuffixes' }],
  ['network.io', 'counter', 'By/s', 'network.io_bytes_per_second_total', { strategy: 'NoUTF8EscapingWithSuffixes' }],
  ['requests_total', 'counter', undefined, 'requests_total', { strategy: 'NoUTF8EscapingWithSuffixes' }],
  ['latency_seconds', 'histogram', 's', 'latency_seconds', { strategy: 'NoUTF8EscapingWithSuffixes' }],
  ['cpu.utilization', 'gauge', '1', 'cpu.utilization_ratio', { strategy: 'NoUTF8EscapingWithSuffixes' }],
  ['a', 'gauge', 's', 'ns_a_seconds', { strategy: 'NoUTF8EscapingWithSuffixes', namespace: 'ns' }],
]);

table('NoTranslation only adds the namespace', [
  ['http.server.request.duration', 'histogram', 's', 'http.server.request.duration', { strategy: 'NoTranslation' }],
  ['http.requests', 'counter', '1', 'ns_http.requests', { strategy: 'NoTranslation', namespace: 'ns' }],
]);

test('attribute keys become label names: escaped one character at a time, with "key" before a digit or a single underscore', () => {
  const cases: [string, string][] = [
    ['http.request.method', 'http_request_method'],
    ['http.method', 'http_method'],
    ['a..b', 'a__b'],
    ['url-template', 'url_template'],
    ['123invalid', 'key_123invalid'],
    ['_private', 'key_private'],
    ['.private', 'key_private'],
    ['__reserved__', '__reserved__'],
    ['already_fine:', 'already_fine_'],
    ['', ''],
  ];
  for (const [key, expected] of cases) assert.equal(prometheusLabel(key, DEFAULT_OTEL_TO_PROMETHEUS), expected, key);
  assert.equal(prometheusLabel('http.method', { ...DEFAULT_OTEL_TO_PROMETHEUS, strategy: 'NoUTF8EscapingWithSuffixes' }), 'http.method');
  assert.equal(prometheusLabel('http.method', { ...DEFAULT_OTEL_TO_PROMETHEUS, strategy: 'UnderscoreEscapingWithoutSuffixes' }), 'http_method');
});
