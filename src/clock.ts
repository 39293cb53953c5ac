/**
 * The one place in src/ that reads the wall clock (ESLint refuses `Date.now()` and `new Date()` elsewhere).
 * Entry points (resolvers, triggers, the consumer) read `now` once per invocation and pass it down, so
 * domain code and services decide on a time they were given, never on one they looked up. Waits and
 * time budgets that need a ticking clock take this function as their clock.
 */
export type Clock = () => number;

const wallClock: Clock = () => Date.now();
let current: Clock = wallClock;

/** Epoch milliseconds, as the app's clock reads them. */
export const clock: Clock = () => current();

/**
 * For the local harnesses only (the preview and the tests, which run the real handlers in-process):
 * pins or shifts the clock the entry points read. `undefined` restores the wall clock. Forge never
 * calls it, so on a real site the clock is always the wall clock.
 */
export function useClock(next: Clock | undefined): void {
  current = next ?? wallClock;
}

/**
 * A ticking clock that starts at the `now` an entry point passed down: stamps and time budgets inside
 * one invocation move forward from that `now`, not from whatever the wall clock says.
 */
export function tickingFrom(nowMs: number): Clock {
  const started = clock();
  return () => nowMs + (clock() - started);
}
