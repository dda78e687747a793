// The branches of a composition (`allOf`, `anyOf`, `oneOf`) or the tuple of `prefixItems`, matched between base and head
// as oasdiff matches them: a `$ref` branch by its reference; an inline branch by identical content, then by title, and
// when exactly one untitled inline branch is left on each side, those two. What is left is added or removed, except an
// inline branch and a `$ref` branch that say the same thing (oasdiff's `--match-inline-refs`, on by default): a
// refactor. oasdiff documents that for anyOf and oneOf, and its code does it for every list it pairs this way.
import { child, items, scalarText } from './document';
import { schemasEqual } from './schemaEquality';
import type { Located, SpecSet } from './specSet';

export interface Subschema {
  /** 0-based position in its list. */
  index: number;
  /** The branch as written (a `$ref` or an inline schema), in the file of its list. */
  at: Located;
  /** The `$ref` as written, for a referenced branch. */
  ref?: string;
  /** The referenced schema's name as oasdiff takes it: the last segment of the reference. */
  component?: string;
  /** The title of the (resolved) branch. */
  title?: string;
}

export interface SubschemaDiff {
  added: Subschema[];
  deleted: Subschema[];
  /** Branches that are the same branch on both sides (changed or not), with oasdiff's name for the pair. Inline branches
   *  that match as identical are here too: the components they reference are compared where the walk reaches them. */
  paired: { base: Subschema; head: Subschema; label: string }[];
}

/** oasdiff's name of a branch: its title (with its 1-based position) first, else its component, else its position. */
export function subschemaLabel(subschema: Pick<Subschema, 'index' | 'component' | 'title'>): string {
  if (subschema.title) return `subschema #${subschema.index + 1}: ${subschema.title}`;
  if (subschema.component) return `#/components/schemas/${subschema.component}`;
  return `subschema #${subschema.index + 1}`;
}

/** oasdiff's name of an added or removed branch: a `$ref` branch is named by its component even when it has a title. */
export function changedLabel(subschema: Subschema): string {
  return subschemaLabel(subschema.ref !== undefined ? { index: subschema.index, component: subschema.component } : subschema);
}

/** oasdiff's list of added or removed branches, as its messages show it. */
export function changedLabels(subschemas: readonly Subschema[]): string {
  return subschemas.map(changedLabel).join(', ');
}

function describe(set: SpecSet, list: Located, keyword: string): Subschema[] {
  return items(child(list.node, keyword)).map((node, index) => {
    const at = { file: list.file, node };
    const ref = scalarText(child(node, '$ref'));
    const resolved = set.resolve(at);
    const title = resolved && scalarText(child(resolved.node, 'title'));
    return { index, at, ...(ref !== undefined ? { ref, component: ref.slice(ref.lastIndexOf('/') + 1) } : {}), ...(title ? { title } : {}) };
  });
}

export function diffSubschemas(baseSet: SpecSet, headSet: SpecSet, base: Located, head: Located, keyword: string): SubschemaDiff {
  const baseSubs = describe(baseSet, base, keyword);
  const headSubs = describe(headSet, head, keyword);
  const result: SubschemaDiff = { added: [], deleted: [], paired: [] };
  if (baseSubs.length === 0 && headSubs.length === 0) return result;
  const pair = (baseSub: Subschema, headSub: Subschema) => {
    const [baseLabel, headLabel] = [subschemaLabel(baseSub), subschemaLabel(headSub)];
    result.paired.push({ base: baseSub, head: headSub, label: baseLabel === headLabel ? baseLabel : `${baseLabel} -> ${headLabel}` });
  };

  // References, by the reference as written.
  const headByRef = new Map<string, Subschema[]>();
  for (const sub of headSubs) if (sub.ref !== undefined) headByRef.set(sub.ref, [...(headByRef.get(sub.ref) ?? []), sub]);
  const refDeleted: Subschema[] = [];
  for (const sub of baseSubs) {
    if (sub.ref === undefined) continue;
    const match = headByRef.get(sub.ref)?.shift();
    if (match) pair(sub, match);
    else refDeleted.push(sub);
  }
  const baseRefCount = new Map<string, number>();
  for (const sub of baseSubs) if (sub.ref !== undefined) baseRefCount.set(sub.ref, (baseRefCount.get(sub.ref) ?? 0) + 1);
  const refAdded: Subschema[] = [];
  for (const sub of headSubs) {
    if (sub.ref === undefined) continue;
    const left = baseRefCount.get(sub.ref) ?? 0;
    if (left > 0) baseRefCount.set(sub.ref, left - 1);
    else refAdded.push(sub);
  }

  // Inline branches: identical ones are the same branch (and unchanged).
  const baseInline = baseSubs.filter((sub) => sub.ref === undefined);
  const headInline = headSubs.filter((sub) => sub.ref === undefined);
  const identical: [Subschema, Subschema][] = [];
  const unmatched = (from: Subschema[], to: Subschema[], equal: (a: Subschema, b: Subschema) => boolean, found?: (a: Subschema, b: Subschema) => void) => {
    const used = new Set<number>();
    return from.filter((sub) => {
      const match = to.findIndex((other, at) => !used.has(at) && equal(sub, other));
      if (match < 0) return true;
      used.add(match);
      found?.(sub, to[match]);
      return false;
    });
  };
  let inlineAdded = unmatched(headInline, baseInline, (headSub, baseSub) => schemasEqual(baseSet, headSet, baseSub.at, headSub.at, 'exact'));
  let inlineDeleted = unmatched(
    baseInline,
    headInline,
    (baseSub, headSub) => schemasEqual(baseSet, headSet, baseSub.at, headSub.at, 'exact'),
    (baseSub, headSub) => identical.push([baseSub, headSub]),
  );
  // Identical but for what the components they name say: still walked, as those components may have changed.
  for (const [baseSub, headSub] of identical) if (!inlineAdded.includes(headSub)) pair(baseSub, headSub);
  // Then by title, each title once.
  const titles = new Set<string>();
  const pairedAdded = new Set<Subschema>();
  const pairedDeleted = new Set<Subschema>();
  for (const headSub of inlineAdded) {
    if (!headSub.title || titles.has(headSub.title)) continue;
    const baseSub = inlineDeleted.find((candidate) => candidate.title === headSub.title);
    if (!baseSub || pairedDeleted.has(baseSub)) continue;
    titles.add(headSub.title);
    pairedAdded.add(headSub);
    pairedDeleted.add(baseSub);
    pair(baseSub, headSub);
  }
  inlineAdded = inlineAdded.filter((sub) => !pairedAdded.has(sub));
  inlineDeleted = inlineDeleted.filter((sub) => !pairedDeleted.has(sub));
  // One untitled branch changed in place.
  if (inlineAdded.length === 1 && inlineDeleted.length === 1 && !inlineAdded[0].title && !inlineDeleted[0].title) {
    pair(inlineDeleted[0], inlineAdded[0]);
    inlineAdded = [];
    inlineDeleted = [];
  }

  // An inline branch moved behind a `$ref` (or back) that validates the same is no change.
  const added = [...refAdded, ...inlineAdded];
  const deleted = [...refDeleted, ...inlineDeleted];
  const refactoredAdded = new Set<Subschema>();
  const refactoredDeleted = new Set<Subschema>();
  for (const baseSub of baseSet.matchInlineRefs ? deleted : []) {
    const headSub = added.find(
      (candidate) =>
        !refactoredAdded.has(candidate) &&
        (candidate.ref === undefined) !== (baseSub.ref === undefined) &&
        schemasEqual(baseSet, headSet, baseSub.at, candidate.at, 'validation'),
    );
    if (!headSub) continue;
    refactoredAdded.add(headSub);
    refactoredDeleted.add(baseSub);
  }
  result.added = added.filter((sub) => !refactoredAdded.has(sub));
  result.deleted = deleted.filter((sub) => !refactoredDeleted.has(sub));
  return result;
}
