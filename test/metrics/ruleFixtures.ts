// Inputs shared by the metrics rule tests: a Go file that client_golang definitions are read from (its body starts on line
// 8), go.mod files that decide the validation scheme, OpenTelemetry Go code, and a semantic-convention registry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRule, type RuleCase } from '../support/ruleCases';

/** A Go file of package `pkg` importing client_golang and promauto; `body` starts on line 8. */
export function goFile(body: string, pkg = 'x'): string {
  return `package ${pkg}\n\nimport (\n\t"github.com/prometheus/client_golang/prometheus"\n\t"github.com/prometheus/client_golang/prometheus/promauto"\n)\n\n${body}`;
}

export function goMod(clientGolang = 'v1.24.1'): string {
  return `module example.com/x\n\ngo 1.22\n\nrequire github.com/prometheus/client_golang ${clientGolang}\n`;
}

/** `var {binding} = promauto.New{Type}Vec(prometheus.{Type}Opts{Name, Help, extra}, []string{labels})` over four lines. */
export function vec(binding: string, name: string, labels: string, options: { type?: string; help?: string; extra?: string; registry?: string } = {}): string {
  const type = options.type ?? 'Counter';
  return `var ${binding} = ${options.registry ?? 'promauto'}.New${type}Vec(prometheus.${type}Opts{\n\tName: "${name}",\n\tHelp: "${options.help ?? 'Requests.'}",${options.extra ?? ''}\n}, []string{${labels}})\n`;
}

/** One line: `var {binding} = promauto.NewCounterVec(prometheus.CounterOpts{Name: …, Help: …}, []string{…})`. */
export function line(binding: string, name: string, labels: string, options: { type?: string; help?: string; registry?: string } = {}): string {
  const type = options.type ?? 'Counter';
  return `var ${binding} = ${options.registry ?? 'promauto'}.New${type}Vec(prometheus.${type}Opts{Name: "${name}", Help: "${options.help ?? 'Jobs.'}"}, []string{${labels}})\n`;
}

export function rules(...entries: [kind: 'alert' | 'record', name: string, expr: string][]): string {
  return `groups:\n  - name: g\n    rules:\n${entries.map(([kind, name, expr]) => `      - ${kind}: ${name}\n        expr: ${expr}\n`).join('')}`;
}

/** A Grafana dashboard with one panel per [title, expr] on lines 4, 5, …; `expr` is JSON-escaped. */
export function dashboard(...panels: [title: string, expr: string][]): string {
  return `{\n"title": "D",\n"panels": [\n${panels.map(([title, expr]) => `{"title": ${JSON.stringify(title)}, "targets": [{"expr": ${JSON.stringify(expr)}}]}`).join(',\n')}\n]\n}`;
}

/** OpenTelemetry Go code: the instrument `dur` (line 11) and a function whose body starts on line 14. */
export function otelFile(instrument: string, body: string): string {
  return `package x

import (
\t"context"

\t"go.opentelemetry.io/otel"
\t"go.opentelemetry.io/otel/attribute"
\t"go.opentelemetry.io/otel/metric"
)

var dur, _ = otel.Meter("x").${instrument}

func record(ctx context.Context) {
${body}}
`;
}

export const HTTP_REGISTRY = `groups:
  - id: registry.http
    type: attribute_group
    brief: HTTP attributes.
    attributes:
      - id: http.request.method
        type: string
        stability: stable
        brief: HTTP request method.
      - id: http.route
        type: string
        stability: stable
        brief: The matched route.
`;

/** The semantic conventions of `http.server.request.duration` (line 2), with `http.request.method` required. */
export function httpMetric(stability: string): string {
  return `groups:
  - id: metric.http.server.request.duration
    type: metric
    metric_name: http.server.request.duration
    brief: Duration of HTTP server requests.
    instrument: histogram
    unit: "s"
    stability: ${stability}
    attributes:
      - ref: http.request.method
        requirement_level: required
      - ref: http.route
        requirement_level: recommended
`;
}

/** A test that the rule's findings on the case have these severities, as `severity line:col` (1-based, file-prefixed outside
 *  metrics.go): ruleCases compares the rendered messages only. */
export function severityCases(ruleId: string, cases: (Pick<RuleCase, 'base' | 'head' | 'files' | 'renames'> & { name: string; severities: string[] })[]): void {
  for (const testCase of cases) {
    test(`${ruleId} severity: ${testCase.name}`, async () => {
      const result = await runRule(ruleId, testCase);
      assert.deepEqual(
        result.findings.map(
          (finding) =>
            `${finding.severity} ${finding.file === 'metrics.go' ? '' : `${finding.file}:`}${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
        ),
        testCase.severities,
      );
    });
  }
}
