/**
 * How long the current invocation may still run. Forge stops a function after its time limit ("Invocation
 * limits": 25 s for resolvers and product-event triggers, 55 s by default for scheduled triggers, a
 * consumer's `timeoutSeconds`, 900 s here) and whatever it was doing is lost. Every entry point runs its
 * work inside {@link withinDeadline}; every wait that retries or paces (the Jira client's backoff and
 * Retry-After, storage's rate-limit backoff and write pacing) asks {@link assertCanWait} first and fails
 * with {@link DeadlineExceeded}, naming what it waited for, instead of being cut off mid-sleep.
 * The deadline travels with the async call chain (AsyncLocalStorage), so storage code deep below a
 * resolver needs no extra parameter, and concurrent invocations in one process never share one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { clock } from './clock';

export type InvocationKind = 'resolver' | 'event-trigger' | 'scheduled-trigger' | 'consumer';

/** Forge's limit per kind of invocation, in ms (manifest.yml gives the consumer 900 s). */
export const INVOCATION_LIMIT_MS: Readonly<Record<InvocationKind, number>> = {
  resolver: 25_000,
  'event-trigger': 25_000,
  'scheduled-trigger': 55_000,
  consumer: 900_000,
};

/** Kept back from the limit for the work after the last wait: parsing, storing, answering. */
export const INVOCATION_MARGIN_MS: Readonly<Record<InvocationKind, number>> = {
  resolver: 5_000,
  'event-trigger': 5_000,
  'scheduled-trigger': 5_000,
  consumer: 60_000,
};

export interface Deadline {
  readonly kind: InvocationKind;
  /** Epoch ms after which no wait may end. */
  readonly atMs: number;
  /** The clock the deadline is read on (the app's clock; a virtual one in tests). */
  readonly now: () => number;
}

/** The deadline of an invocation of `kind` starting now: its limit minus the margin. */
export function deadlineFor(kind: InvocationKind, now: () => number = clock): Deadline {
  return { kind, atMs: now() + INVOCATION_LIMIT_MS[kind] - INVOCATION_MARGIN_MS[kind], now };
}

export function remainingMs(deadline: Deadline): number {
  return deadline.atMs - deadline.now();
}

/** A wait that would have ended after the invocation's deadline: `what` names what was waited for. */
export class DeadlineExceeded extends Error {
  constructor(
    readonly what: string,
    readonly kind: InvocationKind,
    readonly waitMs: number,
    readonly leftMs: number,
  ) {
    super(
      `${what}: timed out, a further wait of ${waitMs} ms would pass the ${kind}'s deadline ` +
        `(${Math.max(0, leftMs)} ms left of Forge's ${INVOCATION_LIMIT_MS[kind] / 1000} s)`,
    );
    this.name = 'DeadlineExceeded';
  }
}

const current = new AsyncLocalStorage<Deadline>();

/** Runs `work` (and everything it awaits) under `deadline`. */
export function withinDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  return current.run(deadline, work);
}

/** The deadline of the invocation this code runs in; undefined outside one (tests, harnesses). */
export function currentDeadline(): Deadline | undefined {
  return current.getStore();
}

/** Throws {@link DeadlineExceeded} when waiting `waitMs` now would end past the current deadline. */
export function assertCanWait(what: string, waitMs: number, deadline = currentDeadline()): void {
  if (deadline === undefined) return;
  const left = remainingMs(deadline);
  if (waitMs >= left) throw new DeadlineExceeded(what, deadline.kind, waitMs, left);
}

/** Wraps a Forge handler so that its whole run has the deadline of its kind. */
export function withInvocationDeadline<A extends unknown[], R>(
  kind: InvocationKind,
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args) => withinDeadline(deadlineFor(kind), () => handler(...args));
}
