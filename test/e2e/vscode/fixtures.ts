// The workspace the end-to-end suite opens: a small API whose history has a tag, and a 2,000-line proto for on-type latency.

export const USER_PROTO_AT_TAG = `syntax = "proto3";

package acme.user.v1;

message User {
  string name = 1;
  string email = 2;
  string phone = 3;
}
`;

/** HEAD: "phone" is gone, so comparing with the tag reports a deletion that comparing with HEAD does not. */
export const USER_PROTO = `syntax = "proto3";

package acme.user.v1;

message User {
  string name = 1;
  string email = 2;
}
`;
export const USER_EMAIL_LINE = 7;

export const INVOICE_PROTO = `syntax = "proto3";

package acme.billing.v1;

message Invoice {
  string id = 1;
  int64 amount_cents = 2;
  string currency = 3;
}
`;

export const INVOICE_PROTO_WITHOUT_CURRENCY = INVOICE_PROTO.replace('  string currency = 3;\n', '');

export const BUF_YAML = `version: v2
breaking:
  use:
    - FILE
`;

/** A flow sequence left open: not valid YAML. */
export const BROKEN_BUF_YAML = `version: v2
breaking:
  use: [FILE
`;

export const BIG_PROTO_PATH = 'api/catalog/v1/catalog.proto';
const FIELDS_PER_MESSAGE = 8;
const LINES_PER_MESSAGE = FIELDS_PER_MESSAGE + 3; // comment, `message … {`, fields, `}`; the blank line after is counted below
const HEADER_LINES = 4; // syntax, blank, package, blank

/** About `lines` lines of messages with fields; fieldLine(i) is the 1-based line of a field in the i-th message. */
export function bigProto(lines = 2000): { text: string; fieldLine(messageIndex: number): number; messageCount: number } {
  const messageCount = Math.ceil((lines - HEADER_LINES) / (LINES_PER_MESSAGE + 1));
  const out = ['syntax = "proto3";', '', 'package acme.catalog.v1;', ''];
  const types = ['string', 'int64', 'bool', 'double', 'bytes', 'int32', 'uint64', 'string'];
  for (let index = 0; index < messageCount; index++) {
    out.push(`// Item${index} is one of many messages that make this file large.`);
    out.push(`message Item${index} {`);
    for (let field = 1; field <= FIELDS_PER_MESSAGE; field++) out.push(`  ${types[field - 1]} attribute_${field} = ${field};`);
    out.push('}', '');
  }
  return {
    text: out.join('\n'),
    messageCount,
    // The fourth field of the message: its line is the message's first line + 1 (comment) + 1 (header) + 3.
    fieldLine: (messageIndex) => HEADER_LINES + messageIndex * (LINES_PER_MESSAGE + 1) + 2 + 4,
  };
}

/** Go metrics and an alert rule that groups by one of their labels: renaming the label breaks the alert. */
export const GO_MOD = 'module example.com/shop\n\ngo 1.22\n\nrequire github.com/prometheus/client_golang v1.24.1\n';
export const METRICS_GO = `package shop

import (
\t"github.com/prometheus/client_golang/prometheus"
\t"github.com/prometheus/client_golang/prometheus/promauto"
)

var httpRequests = promauto.NewCounterVec(prometheus.CounterOpts{
\tName: "http_requests_total",
\tHelp: "Requests served.",
}, []string{"method", "code"})
`;
/** The 1-based line of the label list, and what typing over it leaves. */
export const METRICS_LABELS_LINE = 11;
export const METRICS_LABELS_RENAMED = '}, []string{"method", "status"})';
export const ALERTS_YAML = `groups:
  - name: shop
    rules:
      - alert: ServerErrors
        expr: sum by (code) (rate(http_requests_total{code=~"5.."}[5m])) > 1
`;
