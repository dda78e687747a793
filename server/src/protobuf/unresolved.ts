// No silent miss (issue 11): every type reference a side cannot resolve is a reason the file was not wholly compared,
// whether or not a rule would have looked there. A rule skips what does not resolve; this says so for all of them.
import { extensionsOf, servicesOf } from './declarations';
import { SCALAR_TYPES, type ProtoFile, type ProtoImage } from './model';
import { runSteps, type Steps } from '../engine/slices';

export type SideName = 'base' | 'head';

/** One reason per reference of `file` that does not resolve on `side`, in source order of kind (fields, extensions, rpcs). */
export function unresolvedReferences(file: ProtoFile, image: ProtoImage, side: SideName): string[] {
  return runSteps(unresolvedReferencesSteps(file, image, side));
}

/** `unresolvedReferences` in steps: it yields every few hundred messages. */
export function* unresolvedReferencesSteps(file: ProtoFile, image: ProtoImage, side: SideName): Steps<string[]> {
  const reasons: string[] = [];
  const missing = (written: string, what: string, consequence: string) =>
    reasons.push(`${what} refers to "${written}", which is not declared at ${side} — ${consequence} not compared`);
  let count = 0;
  for (const message of file.messages) {
    if (++count % 512 === 0) yield;
    for (const field of message.fields) {
      if (field.isTypeResolved || SCALAR_TYPES.has(field.type)) continue;
      if (message.isMapEntry) {
        const mapField = message.mapField;
        missing(field.type, `map field "${mapField?.name ?? message.name}" on message "${message.parent?.nestedName ?? ''}"`, 'the field was');
      } else missing(field.decl?.type ?? field.type, `field "${field.name}" on message "${message.nestedName}"`, 'the field was');
    }
  }
  const prefix = file.packageName ? file.packageName + '.' : '';
  const checkedExtends = new Set<unknown>();
  for (const extension of extensionsOf(file)) {
    const dot = extension.nestedName.lastIndexOf('.');
    const scope = dot < 0 ? file.packageName : prefix + extension.nestedName.slice(0, dot);
    if (!checkedExtends.has(extension.extend)) {
      checkedExtends.add(extension.extend);
      if (!image.resolve(extension.extend.extendee, scope)) missing(extension.extend.extendee, `extend block`, 'its extensions were');
    }
    const { decl } = extension;
    if (decl.group || SCALAR_TYPES.has(decl.type) || image.resolve(decl.type, scope)) continue;
    missing(decl.type, `extension "${extension.nestedName}"`, 'the extension was');
  }
  for (const service of servicesOf(file)) {
    for (const rpc of service.decl.rpcs) {
      for (const [what, type] of [
        ['request', rpc.requestType],
        ['response', rpc.responseType],
      ] as const) {
        if (!image.resolve(type, service.fullName)) missing(type, `the ${what} of rpc "${rpc.name}" on service "${service.name}"`, 'the rpc was');
      }
    }
  }
  return reasons;
}
