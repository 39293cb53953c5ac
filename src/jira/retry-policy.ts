/**
 * How the Jira client waits and retries. A 429 honours Jira's `Retry-After` plus a little jitter (so
 * parallel callers do not return in lockstep); 5xx and network failures back off exponentially with a
 * cap and full jitter. Every operation has a deadline fitting its caller: Forge stops a resolver after
 * 25 s and a queue consumer after 900 s, so a wait that would pass the deadline fails now instead.
 * The clock and the sleep are injected, so tests never wait for real.
 */
import { clock } from '../clock';
import { INVOCATION_LIMIT_MS, INVOCATION_MARGIN_MS } from '../invocation-deadline';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: clock,
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** First backoff after a 5xx or network failure; doubles per attempt up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Longest Retry-After we are willing to wait inside one operation. */
  maxRetryAfterMs: number;
  /** One request's own time limit: a reply slower than this counts as a failure (and is retried). */
  requestTimeoutMs: number;
  /** The whole operation (all attempts and waits) must end within this, counted from the client's start. */
  deadlineMs: number;
  /** 0 <= random() < 1; injected for deterministic tests. */
  random: () => number;
}

export type CallerKind = 'resolver' | 'consumer';

/**
 * Forge's limits per caller, minus a margin for our own work after the last Jira reply: a resolver has
 * 25 s in all, a consumer 900 s.
 */
export function retryPolicyFor(caller: CallerKind, random: () => number = Math.random): RetryPolicy {
  return caller === 'resolver'
    ? {
        maxAttempts: 3,
        baseBackoffMs: 250,
        maxBackoffMs: 2_000,
        maxRetryAfterMs: 5_000,
        requestTimeoutMs: 10_000,
        deadlineMs: INVOCATION_LIMIT_MS.resolver - INVOCATION_MARGIN_MS.resolver,
        random,
      }
    : {
        maxAttempts: 6,
        baseBackoffMs: 500,
        maxBackoffMs: 15_000,
        maxRetryAfterMs: 60_000,
        requestTimeoutMs: 30_000,
        deadlineMs: INVOCATION_LIMIT_MS.consumer - INVOCATION_MARGIN_MS.consumer,
        random,
      };
}

/** Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff And Jitter"). */
export function backoffMs(policy: RetryPolicy, failedAttempts: number): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(ceiling * policy.random());
}

/** Retry-After plus up to 10 % (at least 100 ms) of jitter. */
export function rateLimitWaitMs(policy: RetryPolicy, retryAfterMs: number): number {
  return Math.round(retryAfterMs + Math.max(100, retryAfterMs * 0.1) * policy.random());
}
