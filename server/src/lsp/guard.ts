// One guard around every handler: a failure is logged with the request's name and answered with an empty result,
// and the server lives on. Deliberate error responses (ResponseError: unknown revision…) pass through unchanged.
import { ResponseError } from 'vscode-languageserver/node';
import { CheckCancelled } from '../engine/comparison';

export type Log = (message: string) => void;

export function guarded<Args extends unknown[], Result>(
  name: string,
  log: Log,
  empty: Result,
  handler: (...args: Args) => Result | Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      if (!(error instanceof CheckCancelled)) log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}
