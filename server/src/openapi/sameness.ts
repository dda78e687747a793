// Whether a base node and a head node say the same, through `$ref`s on each side: an operation that did not change, or
// an inline schema and a `$ref`'d one that validate the same (annotations aside), as oasdiff's --match-inline-refs asks.
import { isScalar, type SpecNode } from './document';
import type { Located, SpecSet } from './specSet';

const NOTHING: ReadonlySet<string> = new Set();
/** Keywords whose value maps names to schemas. */
const NAME_MAPS: ReadonlySet<string> = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);

/** Schema keywords that annotate and do not validate: oasdiff ignores them when it asks whether two schemas are equivalent. */
export const ANNOTATIONS: ReadonlySet<string> = new Set(['title', 'description', 'default', 'example', 'examples', 'externalDocs', '$comment']);

/** Whether two nodes mean the same, following `$ref`s on each side (a bounded walk: past the budget they count as changed). */
export function sameResolved(baseSet: SpecSet, base: Located, headSet: SpecSet, head: Located, ignore: ReadonlySet<string> = NOTHING): boolean {
  let budget = 50_000;
  const onTheWay = new Set<string>();
  const same = (a: Located | undefined, b: Located | undefined, depth: number, names = false): boolean => {
    if (--budget < 0 || depth > 64) return false;
    const left = a && baseSet.resolve(a);
    const right = b && headSet.resolve(b);
    if (!left || !right) return left === right;
    const key = `${left.file.path}:${left.node?.range?.[0]}|${right.file.path}:${right.node?.range?.[0]}`;
    if (onTheWay.has(key)) return true;
    if (isScalar(left.node) || isScalar(right.node)) return isScalar(left.node) && isScalar(right.node) && left.node.value === right.node.value;
    const leftItems = (left.node as { items?: unknown[] } | null)?.items;
    const rightItems = (right.node as { items?: unknown[] } | null)?.items;
    if (!Array.isArray(leftItems) || !Array.isArray(rightItems)) return false;
    const isPairs = (list: unknown[]) => list.length > 0 && typeof list[0] === 'object' && list[0] !== null && 'key' in (list[0] as object);
    onTheWay.add(key);
    try {
      if (isPairs(leftItems) !== isPairs(rightItems)) return false;
      if (!isPairs(leftItems))
        return (
          leftItems.length === rightItems.length &&
          leftItems.every((item, index) =>
            same({ file: left.file, node: item as SpecNode }, { file: right.file, node: rightItems[index] as SpecNode }, depth + 1),
          )
        );
      const rightByKey = new Map(
        (rightItems as { key: SpecNode; value: SpecNode }[]).map((pair) => [String((pair.key as { value?: unknown } | null)?.value), pair.value]),
      );
      // A map of names (`properties`) may have a property called `title`: only schema keywords are ignored.
      const skip = names ? NOTHING : ignore;
      for (const name of skip) rightByKey.delete(name);
      const leftPairs = (leftItems as { key: SpecNode; value: SpecNode }[]).filter(
        (pair) => !skip.has(String((pair.key as { value?: unknown } | null)?.value)),
      );
      if (leftPairs.length !== rightByKey.size) return false;
      return leftPairs.every((pair) => {
        const name = String((pair.key as { value?: unknown } | null)?.value);
        return (
          rightByKey.has(name) &&
          same({ file: left.file, node: pair.value }, { file: right.file, node: rightByKey.get(name)! }, depth + 1, !names && NAME_MAPS.has(name))
        );
      });
    } finally {
      onTheWay.delete(key);
    }
  };
  return same(base, head, 0);
}
