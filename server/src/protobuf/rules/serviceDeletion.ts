// A deleted service breaks every client generated from it; a deleted rpc breaks the clients that call it.
// buf pairs services by full name and rpcs by name within their service.
import { START_OF_FILE } from '../../engine/range';
import { servicesOf } from '../declarations';
import { eachFilePair, eachServicePair } from '../pairs';
import { restoreRpcFix, restoreServiceFix } from '../fixes/restore';
import { previousSiblingName } from './enumDeletion';
import { declarationText } from './messageDeletion';
import { breakingRule } from './rule';

export const serviceNoDelete = breakingRule({
  id: 'SERVICE_NO_DELETE',
  summary: 'A service present at the base is missing from its file at head',
  check(pairs, report) {
    eachFilePair(pairs, report, ({ base, head }, report) => {
      const names = new Set(head.services.map((service) => service.name));
      for (const service of servicesOf(base)) {
        if (names.has(service.name)) continue;
        report.finding({
          file: head,
          range: START_OF_FILE,
          message: `Previously present service "${service.name}" was deleted from file.`,
          base: { file: base.path, range: service.decl.range },
          fixData: {
            fix: 'deletedService',
            name: service.name,
            after: previousSiblingName(base.services, service.decl) ?? null,
            text: declarationText(base.text, service.decl.leadingOffset, service.decl.endOffset),
          },
        });
      }
    });
  },
  fixes: (context) => restoreServiceFix(context),
});

export const rpcNoDelete = breakingRule({
  id: 'RPC_NO_DELETE',
  summary: 'An rpc present at the base is missing from its service at head',
  check(pairs, report) {
    eachServicePair(pairs, report, ({ base, head }, report) => {
      const names = new Set(head.decl.rpcs.map((rpc) => rpc.name));
      for (const rpc of base.decl.rpcs) {
        if (names.has(rpc.name)) continue;
        report.finding({
          file: head.file,
          // buf reports on the service's span, not on the vanished rpc.
          range: head.decl.range,
          message: `Previously present RPC "${rpc.name}" on service "${head.name}" was deleted.`,
          base: { file: base.file.path, range: rpc.range },
          fixData: {
            fix: 'deletedRpc',
            service: head.fullName,
            name: rpc.name,
            after: previousSiblingName(base.decl.rpcs, rpc) ?? null,
            isFirst: base.decl.rpcs[0] === rpc,
            text: declarationText(base.file.text, rpc.leadingOffset, rpc.endOffset),
          },
        });
      }
    });
  },
  fixes: (context) => restoreRpcFix(context),
});
