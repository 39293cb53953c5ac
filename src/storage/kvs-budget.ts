/**
 * Keeps the app's storage writes inside Forge's per-installation quota ("KVS and Custom Entity Store
 * limits": 4,000 write units per minute, a unit being a request's size rounded up to 10 KB) and retries
 * the requests Forge refuses anyway (HTTP 429 `RATE_LIMIT_EXCEEDED`: the quota is shared with every other
 * invocation of the installation, which this one cannot see).
 * - Pacing: a write first reserves its units in a one-minute sliding window capped at {@link WRITE_BUDGET}
 *   (three quarters of the quota, so views and events keep a share); over it, the write waits for the
 *   oldest units to leave the window. A job's sweeps (queries that read every stored chunk) book what
 *   they read in a window of their own and wait the same way; views are never paced, only retried.
 * - Retry: a refused request is sent again after a backoff; Forge's storage reply carries no Retry-After,
 *   so the wait doubles from 2 s up to 20 s (half of it jittered): the
 *   retries wait over a minute in all, the span the quota counts, which spans the window the quota counts.
 * - Deadline: no wait (pacing or backoff) may end past the invocation's deadline (src/invocation-deadline.ts);
 *   such a wait fails at once with DeadlineExceeded naming the request, rather than Forge cutting it off.
 * The waits run on an injected clock so that tests run a paced build on a virtual minute.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { clock } from '../clock';
import { assertCanWait } from '../invocation-deadline';

export const KVS_UNIT_BYTES = 10 * 1024;
export const KVS_WRITE_UNITS_PER_MINUTE = 4_000;
export const WRITE_BUDGET = Math.floor(KVS_WRITE_UNITS_PER_MINUTE * 0.75);
export const READ_BUDGET = WRITE_BUDGET;
const WINDOW_MS = 60_000;
const RETRY = { attempts: 10, firstWaitMs: 2_000, maxWaitMs: 20_000 } as const;

export interface Pacing {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** 0 <= random() < 1, for the jitter. */
  random(): number;
}

const realPacing: Pacing = {
  now: clock,
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};
let pacing: Pacing = realPacing;

/** Units this process spent in the last minute, oldest first. */
class UnitWindow {
  private entries: Array<{ at: number; units: number }> = [];
  used = 0;

  constructor(readonly budget: number) {}

  forget(now: number): void {
    while (this.entries.length > 0 && (this.entries[0]?.at ?? now) <= now - WINDOW_MS) {
      this.used -= this.entries.shift()?.units ?? 0;
    }
  }

  book(now: number, units: number): void {
    this.entries.push({ at: now, units });
    this.used += units;
  }

  /** Waits until `units` more fit in the budget (a request larger than the budget waits for an empty window). */
  async waitFor(units: number, what: string): Promise<void> {
    const wanted = Math.min(units, this.budget);
    for (;;) {
      const now = pacing.now();
      this.forget(now);
      if (this.used + wanted <= this.budget) return;
      const oldest = this.entries[0]?.at ?? now;
      const wait = Math.max(1, oldest + WINDOW_MS - now);
      assertCanWait(`${what} (paced: ${this.used} of ${this.budget} units spent this minute)`, wait);
      await pacing.sleep(wait);
    }
  }
}

let writes = new UnitWindow(WRITE_BUDGET);
let reads = new UnitWindow(READ_BUDGET);

/**
 * For tests and harnesses only: a virtual clock for the waits (undefined = the real ones), and budgets
 * other than a share of Forge's quota (a test reaching them with a small program).
 */
export function usePacing(next: Pacing | undefined, budgets?: { write: number; read: number }): void {
  pacing = next ?? realPacing;
  writes = new UnitWindow(budgets?.write ?? WRITE_BUDGET);
  reads = new UnitWindow(budgets?.read ?? READ_BUDGET);
}

/** A request of `bytes` costs this many units (rounded up to 10 KB, at least one). */
export const unitsFor = (bytes: number): number => Math.max(1, Math.ceil(bytes / KVS_UNIT_BYTES));

export function isRateLimited(error: unknown): boolean {
  return (
    error instanceof ForgeKvsAPIError &&
    (error.code === 'RATE_LIMIT_EXCEEDED' || error.responseDetails.status === 429)
  );
}

/**
 * Runs `request`, sending it again (after a backoff) while Forge answers RATE_LIMIT_EXCEEDED; `what`
 * names it in the error when the deadline stops the retries.
 */
export async function retryRateLimited<T>(request: () => Promise<T>, what = 'request'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!isRateLimited(error) || attempt >= RETRY.attempts) throw error;
      const cap = Math.min(RETRY.maxWaitMs, RETRY.firstWaitMs * 2 ** (attempt - 1));
      console.warn(JSON.stringify({ event: 'kvs-rate-limited', attempt, waitCapMs: cap }));
      const wait = Math.round(cap / 2 + (pacing.random() * cap) / 2);
      assertCanWait(`storage ${what} refused ${attempt} time(s) by Forge (RATE_LIMIT_EXCEEDED)`, wait);
      await pacing.sleep(wait);
    }
  }
}

/** A storage write of about `bytes`: paced under the write budget, retried when rate-limited. */
export async function pacedWrite<T>(bytes: number, request: () => Promise<T>): Promise<T> {
  const units = unitsFor(bytes);
  await writes.waitFor(units, 'storage write');
  writes.book(pacing.now(), units);
  return retryRateLimited(request, 'write');
}

/** A bulk storage read: waits while this minute's reads are spent, then books `bytesOf` its reply. */
export async function pacedRead<T>(request: () => Promise<T>, bytesOf: (reply: T) => number): Promise<T> {
  await reads.waitFor(1, 'storage read');
  const reply = await retryRateLimited(request, 'read');
  reads.book(pacing.now(), unitsFor(bytesOf(reply)));
  return reply;
}
