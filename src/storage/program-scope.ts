/**
 * Which program an invocation works on. A site holds several programs (issue 14); every stored record
 * that belongs to one carries its id in its key (keys.ts `programKey`). The program is a property of the
 * invocation, like the user: it is chosen once where the call enters (a resolver's validated `programId`,
 * a queue event's body, a trigger's loop over the registry) and every storage access below reads it
 * here, so the services between need no extra parameter and cannot mix two programs' keys.
 * Outside any scope (installations from before issue 14, tests of one program) it is `default`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_PROGRAM_ID } from '../shared/contract/programs';

export { DEFAULT_PROGRAM_ID };

const scope = new AsyncLocalStorage<string>();

/** Runs `work` with `programId` as the current program (nested scopes replace the outer one). */
export function withProgram<T>(programId: string, work: () => Promise<T>): Promise<T> {
  return scope.run(programId, work);
}

export function currentProgramId(): string {
  return scope.getStore() ?? DEFAULT_PROGRAM_ID;
}
