// rpc streaming, request/response type and idempotency rules: buf's texts and locations, type resolution, half-typed
// heads that must stay silent, and the revert fixes.
import { ruleCases } from '../support/ruleCases';

const HEAD = 'syntax = "proto3";\npackage p;\nmessage A {}\nmessage B {}\nservice S {\n';
const svc = (rpc: string) => `${HEAD}  ${rpc}\n}\n`;

ruleCases('RPC_SAME_CLIENT_STREAMING', [
  {
    name: 'a request that starts streaming is reported on the rpc and reverted',
    base: svc('rpc Get(A) returns (B);'),
    head: svc('rpc Get(stream A) returns (B);'),
    expect: ['6:3 RPC "Get" on service "S" changed from client unary to client streaming.'],
    fixed: svc('rpc Get(A) returns (B);'),
  },
  {
    name: 'a request that stops streaming gets its keyword back',
    base: svc('rpc Get(stream A) returns (B) {}'),
    head: svc('rpc Get(A) returns (B) {}'),
    expect: ['6:3 RPC "Get" on service "S" changed from client streaming to client unary.'],
    fixed: svc('rpc Get(stream A) returns (B) {}'),
  },
  {
    name: 'a half-typed service is not compared',
    base: svc('rpc Get(A) returns (B);'),
    head: `${HEAD}  rpc Get(stream A) returns (`,
    expect: [],
    notChecked: ['example.proto: syntax error at 6:30: expected the response type in parentheses, found end of file — declarations there were not compared'],
  },
]);

ruleCases('RPC_SAME_SERVER_STREAMING', [
  {
    name: 'a response that starts streaming is reverted',
    base: svc('rpc Get(A) returns (B);'),
    head: svc('rpc Get(A) returns (stream B);'),
    expect: ['6:3 RPC "Get" on service "S" changed from server unary to server streaming.'],
    fixed: svc('rpc Get(A) returns (B);'),
  },
]);

ruleCases('RPC_SAME_REQUEST_TYPE', [
  {
    name: 'another request type is reported on the type and reverted',
    base: svc('rpc Get(A) returns (B);'),
    head: svc('rpc Get(stream B) returns (B);'),
    expect: ['6:18 RPC "Get" on service "S" changed request type from "p.A" to "p.B".'],
    fixed: svc('rpc Get(stream A) returns (B);'),
  },
  { name: 'the same type spelled fully qualified is no change', base: svc('rpc Get(A) returns (B);'), head: svc('rpc Get(.p.A) returns (p.B);'), expect: [] },
  {
    name: 'an unresolved type is not a change',
    base: svc('rpc Get(A) returns (B);'),
    head: svc('rpc Get(Missing) returns (B);'),
    expect: [],
    notChecked: ['example.proto: the request of rpc "Get" on service "S" refers to "Missing", which is not declared at head — the rpc was not compared'],
  },
]);

ruleCases('RPC_SAME_RESPONSE_TYPE', [
  {
    name: 'another response type is reverted',
    base: svc('rpc Get(A) returns (B);'),
    head: svc('rpc Get(A) returns (A);'),
    expect: ['6:23 RPC "Get" on service "S" changed response type from "p.B" to "p.A".'],
    fixed: svc('rpc Get(A) returns (B);'),
  },
]);

ruleCases('RPC_SAME_IDEMPOTENCY_LEVEL', [
  {
    name: 'a changed level is reported on the option and reverted',
    base: svc('rpc Get(A) returns (B) { option idempotency_level = NO_SIDE_EFFECTS; }'),
    head: svc('rpc Get(A) returns (B) { option idempotency_level = IDEMPOTENT; }'),
    expect: ['6:28 RPC "Get" on service "S" changed option "idempotency_level" from "NO_SIDE_EFFECTS" to "IDEMPOTENT".'],
    fixed: svc('rpc Get(A) returns (B) { option idempotency_level = NO_SIDE_EFFECTS; }'),
  },
  {
    name: 'a removed level is reported at 1:1 and restored into a body',
    base: svc('rpc Get(A) returns (B) { option idempotency_level = IDEMPOTENT; }'),
    head: svc('rpc Get(A) returns (B);'),
    expect: ['1:1 RPC "Get" on service "S" changed option "idempotency_level" from "IDEMPOTENT" to "IDEMPOTENCY_UNKNOWN".'],
    fixed: svc('rpc Get(A) returns (B) { option idempotency_level = IDEMPOTENT; }'),
  },
  {
    name: 'explicit IDEMPOTENCY_UNKNOWN equals none',
    base: svc('rpc Get(A) returns (B);'),
    head: svc('rpc Get(A) returns (B) { option idempotency_level = IDEMPOTENCY_UNKNOWN; }'),
    expect: [],
  },
]);
