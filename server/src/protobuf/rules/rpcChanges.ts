// An rpc's streaming mode, request and response types and idempotency level are part of its wire contract:
// clients and servers generated from the base stop talking to those generated from head.
import { START_OF_FILE } from '../../engine/range';
import type { RpcDecl, ServiceDecl } from '../ast';
import type { ProtoFile, ProtoImage } from '../model';
import { statementOption } from '../options';
import type { ImagePairs } from '../pairs';
import { optionStatementText, revertRpcFix, revertRpcOptionFix } from '../revertFixes';
import { breakingRule, type RuleReport } from './rule';

interface ServiceSide {
  file: ProtoFile;
  service: ServiceDecl;
  fullName: string;
}

interface RpcPair {
  base: ServiceSide & { rpc: RpcDecl };
  head: ServiceSide & { rpc: RpcDecl };
}

function servicesOf(image: ProtoImage): Map<string, ServiceSide> {
  const byName = new Map<string, ServiceSide>();
  for (const file of image.files) {
    for (const service of file.services) {
      const fullName = file.packageName ? `${file.packageName}.${service.name}` : service.name;
      if (!byName.has(fullName)) byName.set(fullName, { file, service, fullName });
    }
  }
  return byName;
}

// Services pair by fully qualified name across the module (a service moved between files of a package is the same service),
// rpcs by name within them.
const rpcPairCache = new WeakMap<ImagePairs, RpcPair[]>();
function rpcPairs(pairs: ImagePairs): RpcPair[] {
  const cached = rpcPairCache.get(pairs);
  if (cached) return cached;
  const result: RpcPair[] = [];
  const headServices = servicesOf(pairs.head);
  for (const [fullName, base] of servicesOf(pairs.base)) {
    const head = headServices.get(fullName);
    if (!head) continue;
    for (const rpc of base.service.rpcs) {
      const other = head.service.rpcs.find((candidate) => candidate.name === rpc.name);
      if (other) result.push({ base: { ...base, rpc }, head: { ...head, rpc: other } });
    }
  }
  rpcPairCache.set(pairs, result);
  return result;
}

type Side = 'request' | 'response';

function streamingRule(id: string, side: Side, word: 'client' | 'server', summary: string) {
  return breakingRule({
    id,
    summary,
    check(pairs, report) {
      for (const { base, head } of rpcPairs(pairs)) {
        const before = side === 'request' ? base.rpc.requestStreaming : base.rpc.responseStreaming;
        const after = side === 'request' ? head.rpc.requestStreaming : head.rpc.responseStreaming;
        if (before === after) continue;
        if (hiddenBySyntaxError(head.file, head.service, report)) continue;
        const mode = (streaming: boolean) => (streaming ? 'streaming' : 'unary');
        report.finding({
          file: head.file,
          range: head.rpc.range,
          message: `RPC "${head.rpc.name}" on service "${head.service.name}" changed from ${word} ${mode(before)} to ${word} ${mode(after)}.`,
          base: { file: base.file.path, range: base.rpc.range },
          fixData: { kind: 'rpc', service: head.fullName, rpc: head.rpc.name, side, streaming: before },
        });
      }
    },
    fixes: revertRpcFix,
  });
}

function typeRule(id: string, side: Side, summary: string) {
  return breakingRule({
    id,
    summary,
    check(pairs, report) {
      for (const { base, head } of rpcPairs(pairs)) {
        const baseType = side === 'request' ? base.rpc.requestType : base.rpc.responseType;
        const headType = side === 'request' ? head.rpc.requestType : head.rpc.responseType;
        const before = pairs.base.resolve(baseType, base.fullName);
        const after = pairs.head.resolve(headType, head.fullName);
        // An unresolved type (a missing import, a half-typed name) is not evidence of a change.
        if (!before || !after || before === after) continue;
        if (hiddenBySyntaxError(head.file, head.service, report)) continue;
        report.finding({
          file: head.file,
          range: side === 'request' ? head.rpc.requestTypeRange : head.rpc.responseTypeRange,
          message: `RPC "${head.rpc.name}" on service "${head.service.name}" changed ${side} type from "${before.slice(1)}" to "${after.slice(1)}".`,
          base: { file: base.file.path, range: side === 'request' ? base.rpc.requestTypeRange : base.rpc.responseTypeRange },
          // The base spelling when it still means the same type at head, else the fully qualified name.
          fixData: { kind: 'rpc', service: head.fullName, rpc: head.rpc.name, side, type: pairs.head.resolve(baseType, head.fullName) === before ? baseType : before },
        });
      }
    },
    fixes: revertRpcFix,
  });
}

function hiddenBySyntaxError(file: ProtoFile, service: ServiceDecl, report: RuleReport): boolean {
  if (!service.damaged && file.isReadable) return false;
  report.hidden(file);
  return true;
}

export const rpcSameClientStreaming = streamingRule('RPC_SAME_CLIENT_STREAMING', 'request', 'client', 'An rpc changes between unary and streaming requests');
export const rpcSameServerStreaming = streamingRule('RPC_SAME_SERVER_STREAMING', 'response', 'server', 'An rpc changes between unary and streaming responses');
export const rpcSameRequestType = typeRule('RPC_SAME_REQUEST_TYPE', 'request', 'An rpc takes a different request message at head');
export const rpcSameResponseType = typeRule('RPC_SAME_RESPONSE_TYPE', 'response', 'An rpc returns a different response message at head');

export const rpcSameIdempotencyLevel = breakingRule({
  id: 'RPC_SAME_IDEMPOTENCY_LEVEL',
  summary: 'An rpc has a different idempotency_level at head',
  check(pairs, report) {
    for (const { base, head } of rpcPairs(pairs)) {
      const baseOption = statementOption(base.rpc.options, 'idempotency_level');
      const headOption = statementOption(head.rpc.options, 'idempotency_level');
      const before = baseOption?.value ?? 'IDEMPOTENCY_UNKNOWN';
      const after = headOption?.value ?? 'IDEMPOTENCY_UNKNOWN';
      if (before === after) continue;
      if (hiddenBySyntaxError(head.file, head.service, report)) continue;
      report.finding({
        file: head.file,
        // Without the option at head buf names the file only, which it prints as 1:1.
        range: headOption ? headOption.range : START_OF_FILE,
        message: `RPC "${head.rpc.name}" on service "${head.service.name}" changed option "idempotency_level" from "${before}" to "${after}".`,
        base: { file: base.file.path, range: baseOption ? baseOption.range : START_OF_FILE },
        fixData: {
          kind: 'rpcOption', service: head.fullName, rpc: head.rpc.name, option: 'idempotency_level',
          baseText: baseOption ? optionStatementText(base.file.text, baseOption) : null,
        },
      });
    }
  },
  fixes: revertRpcOptionFix,
});
