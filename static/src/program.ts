/**
 * The program the view works on (a site holds several, issue 14). The view's program gate sets it once
 * it knows the program; every resolver call then names it (api.ts), so no view passes it by hand.
 */
let current: string | undefined;

export function setCurrentProgram(programId: string | undefined): void {
  current = programId;
}

export function currentProgram(): string | undefined {
  return current;
}

/** The user's last choice for a project in several programs (per browser profile, i.e. per user). */
const choiceKey = (scope: string) => `metascrum.program.${scope}`;

export function rememberedProgram(scope: string): string | undefined {
  try {
    return window.localStorage.getItem(choiceKey(scope)) ?? undefined;
  } catch {
    // Storage can be refused in a sandboxed frame: the first program is then the default choice.
    return undefined;
  }
}

export function rememberProgram(scope: string, programId: string): void {
  try {
    window.localStorage.setItem(choiceKey(scope), programId);
  } catch {
    // Not remembered; the switcher still works for this visit.
  }
}
