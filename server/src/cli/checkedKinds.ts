// What a check tells the launcher (launcher.ts) about the code it ran: the kinds it checked. The launcher writes its code
// cache again when a check ran a kind the cache was not made with, whose code every later run would otherwise compile.
export const CHECKED_KINDS_EVENT = 'graycheck:checked-kinds';

export function reportCheckedKinds(kinds: readonly string[]): void {
  (process as NodeJS.EventEmitter).emit(CHECKED_KINDS_EVENT, kinds);
}
