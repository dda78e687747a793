// An rpc's streaming mode, request and response types and idempotency level are part of its wire contract:
// clients and servers generated from the base stop talking to those generated from head.
import { START_OF_FILE } from '../../engine/range';
import { statementOption } from '../options';
import { eachRpcPair } from '../pairs';
import { optionStatementText, revertRpcFix, revertRpcOptionFix } from '../fixes/revert';
import { breakingRule } from './rule';

type Side = 'request' | 'response';

function streamingRule(id: string, side: Side, word: 'client' | 'server', summary: string) {
  return breakingRule({
    id,
    summary,
    check(pairs, report) {
      eachRpcPair(pairs, report, ({ base, head }, report) => {
        const before = side === 'request' ? base.rpc.requestStreaming : base.rpc.responseStreaming;
        const after = side === 'request' ? head.rpc.requestStreaming : head.rpc.responseStreaming;
        if (before === after) return;
        const mode = (streaming: boolean) => (streaming ? 'streaming' : 'unary');
        report.finding({
          file: head.service.file,
          range: head.rpc.range,
          message: `RPC "${head.rpc.name}" on service "${head.service.name}" changed from ${word} ${mode(before)} to ${word} ${mode(after)}.`,
          base: { file: base.service.file.path, range: base.rpc.range },
          fixData: { fix: 'changedRpcStreaming', service: head.service.fullName, rpc: head.rpc.name, side, streaming: before },
        });
      });
    },
    fixes: revertRpcFix,
  });
}

function typeRule(id: string, side: Side, summary: string) {
  return breakingRule({
    id,
    summary,
    check(pairs, report) {
      eachRpcPair(pairs, report, ({ base, head }, report) => {
        const baseType = side === 'request' ? base.rpc.requestType : base.rpc.responseType;
        const headType = side === 'request' ? head.rpc.requestType : head.rpc.responseType;
        const before = pairs.base.resolve(baseType, base.service.fullName);
        const after = pairs.head.resolve(headType, head.service.fullName);
        // An unresolved type (a missing import, a half-typed name) is not evidence of a change.
        if (!before || !after || before === after) return;
        report.finding({
          file: head.service.file,
          range: side === 'request' ? head.rpc.requestTypeRange : head.rpc.responseTypeRange,
          message: `RPC "${head.rpc.name}" on service "${head.service.name}" changed ${side} type from "${before.slice(1)}" to "${after.slice(1)}".`,
          base: { file: base.service.file.path, range: side === 'request' ? base.rpc.requestTypeRange : base.rpc.responseTypeRange },
          // The base spelling when it still means the same type at head, else the fully qualified name.
          fixData: {
            fix: 'changedRpcType',
            service: head.service.fullName,
            rpc: head.rpc.name,
            side,
            type: pairs.head.resolve(baseType, head.service.fullName) === before ? baseType : before,
          },
        });
      });
    },
    fixes: revertRpcFix,
  });
}

export const rpcSameClientStreaming = streamingRule('RPC_SAME_CLIENT_STREAMING', 'request', 'client', 'An rpc changes between unary and streaming requests');
export const rpcSameServerStreaming = streamingRule('RPC_SAME_SERVER_STREAMING', 'response', 'server', 'An rpc changes between unary and streaming responses');
export const rpcSameRequestType = typeRule('RPC_SAME_REQUEST_TYPE', 'request', 'An rpc takes a different request message at head');
export const rpcSameResponseType = typeRule('RPC_SAME_RESPONSE_TYPE', 'response', 'An rpc returns a different response message at head');

export const rpcSameIdempotencyLevel = breakingRule({
  id: 'RPC_SAME_IDEMPOTENCY_LEVEL',
  summary: 'An rpc has a different idempotency_level at head',
  check(pairs, report) {
    eachRpcPair(pairs, report, ({ base, head }, report) => {
      const baseOption = statementOption(base.rpc.options, 'idempotency_level');
      const headOption = statementOption(head.rpc.options, 'idempotency_level');
      const before = baseOption?.value ?? 'IDEMPOTENCY_UNKNOWN';
      const after = headOption?.value ?? 'IDEMPOTENCY_UNKNOWN';
      if (before === after) return;
      report.finding({
        file: head.service.file,
        // Without the option at head buf names the file only, which it prints as 1:1.
        range: headOption ? headOption.range : START_OF_FILE,
        message: `RPC "${head.rpc.name}" on service "${head.service.name}" changed option "idempotency_level" from "${before}" to "${after}".`,
        base: { file: base.service.file.path, range: baseOption ? baseOption.range : START_OF_FILE },
        fixData: {
          fix: 'changedRpcOption',
          service: head.service.fullName,
          rpc: head.rpc.name,
          option: 'idempotency_level',
          baseText: baseOption ? optionStatementText(base.service.file.text, baseOption) : null,
        },
      });
    });
  },
  fixes: revertRpcOptionFix,
});
