/**
 * Tests run the real handlers in-process, so they pin the app's clock seam (src/clock.ts) to the demo's
 * "now": the demo program is built around a fixed date, and every time-dependent answer (cadence, SLA
 * breaches, horizons) must be the same on any day the suite runs, under faketime too.
 */
import { DEMO_NOW } from '../../dev/emulator/demo/demo-facts';
import { useClock, type Clock } from '../../src/clock';

export const DEMO_NOW_MS = Date.parse(DEMO_NOW);

/** A clock that reads `atMs` now and ticks with real time from there (waits and timeouts still work). */
export function clockAt(atMs: number): Clock {
  const offset = atMs - Date.now();
  return () => Date.now() + offset;
}

/** Pins the app's clock to `atMs` (ticking); returns it so the emulator can share it. */
export function pinAppClock(atMs: number = DEMO_NOW_MS): Clock {
  const pinned = clockAt(atMs);
  useClock(pinned);
  return pinned;
}

export function releaseAppClock(): void {
  useClock(undefined);
}
