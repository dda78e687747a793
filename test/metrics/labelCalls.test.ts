// Go label call sites against the vector they resolve to, through the real checker: positional calls passing another number
// of values (curried labels subtracted; a spread, an unresolved or tainted receiver not judged), and label maps naming a
// label the vector lacks or missing one. Delete* calls delete nothing instead of panicking: warnings.
import { ruleCases } from '../support/ruleCases';
import { goFile, severityCases, vec } from './ruleFixtures';

const REQS = vec('reqs', 'http_requests_total', '"method", "code"');
const DESC = 'var desc = prometheus.NewDesc("up_info", "Info.", []string{"a", "b"}, nil)\n';
/** A function whose body lines start on line 13 (after REQS and the func line). */
const calls = (...lines: string[]) =>
  goFile(`${REQS}\nfunc served(xs []string, c *prometheus.CounterVec, ch chan<- prometheus.Metric) {\n${lines.map((l) => `\t${l}\n`).join('')}}\n`);
/** As `calls`, with the const-metric descriptor after REQS (body from line 14). */
const constCalls = (...lines: string[]) => goFile(`${REQS}${DESC}\nfunc collect(ch chan<- prometheus.Metric) {\n${lines.map((l) => `\t${l}\n`).join('')}}\n`);

ruleCases('LABEL_ARITY_MISMATCH', [
  {
    name: 'WithLabelValues with one value too few panics: an error, and the placeholder fix',
    base: calls(),
    head: calls('reqs.WithLabelValues("GET").Inc()'),
    expect: [
      '14:2 WithLabelValues passes 1 label value but metric "http_requests_total" has 2 variable labels ("method", "code"); this panics with "inconsistent label cardinality".',
    ],
    fixTitles: ['Add missing label value for "code"'],
    fixed: calls('reqs.WithLabelValues("GET", "" /* code */).Inc()'),
  },
  {
    name: 'one value too many: the extra value and its comma are removed',
    base: calls(),
    head: calls('reqs.WithLabelValues("GET", "200", "x").Inc()'),
    expect: [
      '14:2 WithLabelValues passes 3 label values but metric "http_requests_total" has 2 variable labels ("method", "code"); this panics with "inconsistent label cardinality".',
    ],
    fixTitles: ['Remove extra label values'],
    fixed: calls('reqs.WithLabelValues("GET", "200").Inc()'),
  },
  {
    name: 'GetMetricWithLabelValues returns the error instead; no values at all get both placeholders without a comma',
    base: calls(),
    head: calls('_, _ = reqs.GetMetricWithLabelValues()'),
    expect: [
      '14:9 GetMetricWithLabelValues passes 0 label values but metric "http_requests_total" has 2 variable labels ("method", "code"); this returns the error "inconsistent label cardinality".',
    ],
    fixed: calls('_, _ = reqs.GetMetricWithLabelValues("" /* method */, "" /* code */)'),
  },
  {
    name: 'DeleteLabelValues deletes nothing: a warning',
    base: calls(),
    head: calls('reqs.DeleteLabelValues("GET")'),
    expect: ['14:2 DeleteLabelValues passes 1 label value but metric "http_requests_total" has 2 variable labels ("method", "code"); it deletes nothing.'],
  },
  {
    name: 'MustNewConstMetric against its Desc: the values after the fixed arguments',
    base: constCalls(),
    head: constCalls('ch <- prometheus.MustNewConstMetric(desc, prometheus.GaugeValue, 1, "x")'),
    expect: [
      '15:8 MustNewConstMetric passes 1 label value but metric "up_info" has 2 variable labels ("a", "b"); this panics with "inconsistent label cardinality".',
    ],
    fixed: constCalls('ch <- prometheus.MustNewConstMetric(desc, prometheus.GaugeValue, 1, "x", "" /* b */)'),
  },
  {
    name: 'a curried vector needs only the labels not curried',
    base: calls(),
    head: calls(
      'reqs.MustCurryWith(prometheus.Labels{"method": "GET"}).WithLabelValues("200").Inc()',
      'reqs.MustCurryWith(prometheus.Labels{"method": "GET"}).WithLabelValues("GET", "200").Inc()',
    ),
    expect: [
      '15:2 WithLabelValues passes 2 label values but metric "http_requests_total" has 1 variable label ("code"); this panics with "inconsistent label cardinality".',
    ],
    fixed: calls(
      'reqs.MustCurryWith(prometheus.Labels{"method": "GET"}).WithLabelValues("200").Inc()',
      'reqs.MustCurryWith(prometheus.Labels{"method": "GET"}).WithLabelValues("GET").Inc()',
    ),
  },
  { name: 'a spread xs... is not judged', base: calls(), head: calls('reqs.WithLabelValues(xs...).Inc()'), expect: [] },
  { name: 'a receiver that is a parameter is not judged', base: calls(), head: calls('c.WithLabelValues("a").Inc()'), expect: [] },
  {
    name: 'a struct field also assigned a parameter (tainted) is not judged',
    base: calls(),
    head: goFile(
      `${REQS}\ntype holder struct{ c *prometheus.CounterVec }\n\nfunc use(x *prometheus.CounterVec) {\n\th := holder{c: reqs}\n\th.c.WithLabelValues("a").Inc()\n\to := holder{c: x}\n\to.c.WithLabelValues("a").Inc()\n}\n`,
    ),
    expect: [],
  },
  {
    name: 'a struct field only ever assigned the vector is judged',
    base: calls(),
    head: goFile(`${REQS}\ntype holder struct{ c *prometheus.CounterVec }\n\nfunc use() {\n\th := holder{c: reqs}\n\th.c.WithLabelValues("a").Inc()\n}\n`),
    expect: [
      '17:2 WithLabelValues passes 1 label value but metric "http_requests_total" has 2 variable labels ("method", "code"); this panics with "inconsistent label cardinality".',
    ],
  },
  { name: 'the right number of values: nothing', base: calls(), head: calls('reqs.WithLabelValues("GET", "200").Inc()'), expect: [] },
]);

ruleCases('LABEL_NAME_UNKNOWN', [
  {
    name: 'a With key the vector lacks, near one it has: an error with the change fix',
    base: calls(),
    head: calls('reqs.With(prometheus.Labels{"method": "GET", "status_code": "200"}).Inc()'),
    expect: ['14:47 With uses label "status_code" that metric "http_requests_total" does not define (defined: "code", "method").'],
    fixTitles: ['Change "status_code" to "code"'],
    fixed: calls('reqs.With(prometheus.Labels{"method": "GET", "code": "200"}).Inc()'),
  },
  {
    name: 'Delete with a misspelt key: a warning (it deletes nothing), fixed to the near label',
    base: calls(),
    head: calls('reqs.Delete(prometheus.Labels{"methd": "GET", "code": "1"})'),
    expect: ['14:32 Delete uses label "methd" that metric "http_requests_total" does not define (defined: "code", "method").'],
    fixed: calls('reqs.Delete(prometheus.Labels{"method": "GET", "code": "1"})'),
  },
  {
    name: 'DeletePartialMatch and CurryWith name subsets: only unknown keys count, nothing near is no fix',
    base: calls(),
    head: calls('reqs.DeletePartialMatch(prometheus.Labels{"zone": "1"})', 'reqs.MustCurryWith(prometheus.Labels{"code": "1"}).WithLabelValues("GET").Inc()'),
    expect: ['14:44 DeletePartialMatch uses label "zone" that metric "http_requests_total" does not define (defined: "code", "method").'],
    fixTitles: [],
  },
  { name: 'a map that is not a literal is not judged', base: calls(), head: calls('reqs.With(labels).Inc()'), expect: [] },
]);

ruleCases('LABEL_NAME_MISSING', [
  {
    name: 'With lacking a label panics: an error, and the fix adds the key to the map literal',
    base: calls(),
    head: calls('reqs.With(prometheus.Labels{"method": "GET"}).Inc()'),
    expect: ['14:2 With is missing label "code" of metric "http_requests_total".'],
    fixTitles: ['Add missing label "code"'],
    fixed: calls('reqs.With(prometheus.Labels{"method": "GET", "code": ""}).Inc()'),
  },
  {
    name: 'an empty map: both labels missing; the key goes inside the braces',
    base: calls(),
    head: calls('_, _ = reqs.GetMetricWith(prometheus.Labels{})'),
    expect: [
      '14:9 GetMetricWith is missing label "code" of metric "http_requests_total".',
      '14:9 GetMetricWith is missing label "method" of metric "http_requests_total".',
    ],
    fixed: calls('_, _ = reqs.GetMetricWith(prometheus.Labels{"code": ""})'),
  },
  {
    name: 'a multi-line map with a trailing comma keeps it',
    base: calls(),
    head: calls('reqs.With(prometheus.Labels{\n\t\t"method": "GET",\n\t}).Inc()'),
    expect: ['14:2 With is missing label "code" of metric "http_requests_total".'],
    fixed: calls('reqs.With(prometheus.Labels{\n\t\t"method": "GET", "code": "",\n\t}).Inc()'),
  },
  {
    name: 'Delete lacking a label: a warning',
    base: calls(),
    head: calls('reqs.Delete(prometheus.Labels{"code": "1"})'),
    expect: ['14:2 Delete is missing label "method" of metric "http_requests_total".'],
  },
  {
    name: 'a curried label need not be in the map',
    base: calls(),
    head: calls('reqs.MustCurryWith(prometheus.Labels{"method": "GET"}).With(prometheus.Labels{"code": "1"}).Inc()'),
    expect: [],
  },
]);

severityCases('LABEL_ARITY_MISMATCH', [
  {
    name: 'With/GetMetricWith/MustNewConstMetric are errors, DeleteLabelValues a warning',
    base: calls(),
    head: calls('reqs.WithLabelValues("GET").Inc()', '_, _ = reqs.GetMetricWithLabelValues("GET")', 'reqs.DeleteLabelValues("GET")'),
    severities: ['error 14:2', 'error 15:9', 'warning 16:2'],
  },
]);

severityCases('LABEL_NAME_UNKNOWN', [
  {
    name: 'With is an error, Delete and DeletePartialMatch warnings',
    base: calls(),
    head: calls(
      'reqs.With(prometheus.Labels{"method": "GET", "code": "1", "zone": "a"}).Inc()',
      'reqs.Delete(prometheus.Labels{"method": "GET", "code": "1", "zone": "a"})',
      'reqs.DeletePartialMatch(prometheus.Labels{"zone": "a"})',
    ),
    severities: ['error 14:60', 'warning 15:62', 'warning 16:44'],
  },
]);

severityCases('LABEL_NAME_MISSING', [
  {
    name: 'With is an error, Delete a warning',
    base: calls(),
    head: calls('reqs.With(prometheus.Labels{"method": "GET"}).Inc()', 'reqs.Delete(prometheus.Labels{"method": "GET"})'),
    severities: ['error 14:2', 'warning 15:2'],
  },
]);
