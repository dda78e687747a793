// A kind as the registry lists it: what it declares (its title, files and options) is at hand at once, and its checker
// module, with its rules, sessions and fixes, is loaded the first time one of those is asked for. A run that never
// needs a kind (a one-shot check of a repository without its files) never loads it.
import type { FixHead, KindChecker } from './comparison';
import type { KindOption } from './config';
import type { Finding } from './finding';
import type { KindDeclaration } from './kind';

/** The part of a kind that its checker module need not be loaded for. */
export interface KindDescription extends KindDeclaration {
  title: string;
  options?: readonly KindOption[];
}

/** `load` returns the kind's checker, which must declare what `description` declares (checker modules spread it). */
export function kindOnDemand(description: KindDescription, load: () => KindChecker): KindChecker {
  let loaded: KindChecker | undefined;
  const checker = (): KindChecker => (loaded ??= load());
  return {
    ...description,
    get rules() {
      return checker().rules;
    },
    startSession: (options) => checker().startSession(options),
    fixes: (finding: Finding, head: FixHead) => checker().fixes(finding, head),
  };
}
