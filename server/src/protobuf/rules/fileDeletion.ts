// A deleted .proto file breaks every importer and every generated file that came from it.
import { START_OF_FILE } from '../../engine/range';
import { droppedWellKnownFilesOf } from '../wellKnownFiles';
import { breakingRule } from './rule';

export const fileNoDelete = breakingRule({
  id: 'FILE_NO_DELETE',
  summary: 'A .proto file present at the base is missing at head',
  check(pairs, report) {
    for (const { base, head, renamedTo } of pairs.files) {
      if (head) continue;
      // buf prints no path and 1:1 for this finding and names the file relative to its module. We need a file for the
      // editor: the file git says it was renamed to, else the deleted path itself. A rename is still a deletion to buf.
      report.finding({
        file: renamedTo ?? base.path,
        basePath: base.path,
        range: START_OF_FILE,
        message: `Previously present file "${base.modulePath}" was deleted.`,
        base: { file: base.path, range: START_OF_FILE },
      });
    }
    // buf's image holds the well-known files the module imports, so dropping the last import of one deletes it. buf
    // gives no path; ours is the file that imported it (at head if it is still there), at 1:1, with no base location.
    for (const dropped of droppedWellKnownFilesOf(pairs) ?? []) {
      const { importer } = dropped;
      report.finding({
        file: pairs.head.filesByModulePath.get(importer.modulePath) ?? importer.path,
        basePath: importer.path,
        range: START_OF_FILE,
        message: `Previously present file "${dropped.path}" was deleted.`,
      });
    }
  },
});
