import { ForgeKvsAPIError } from '@forge/kvs';
import { z } from 'zod';
import {
  DeadlineExceeded,
  currentDeadline,
  deadlineFor,
  withInvocationDeadline,
  withinDeadline,
} from '../../src/invocation-deadline';
import { JiraClient } from '../../src/jira/client';
import { JiraDeadlineExceeded, JiraRateLimited, JiraUnavailable } from '../../src/jira/errors';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import type { JiraRequest, JiraTransport } from '../../src/jira/transport';
import { respond } from '../../src/resolvers/respond';
import { pacedWrite, retryRateLimited, usePacing, type Pacing } from '../../src/storage/kvs-budget';
import { FakeClock } from './fake-clock';

/** Jira answering every request with the same status (and Retry-After, in seconds). */
function always(status: number, retryAfterS?: number): JiraTransport & { calls: number } {
  const transport = {
    calls: 0,
    send(): Promise<Response> {
      transport.calls++;
      const headers: Record<string, string> =
        retryAfterS === undefined ? {} : { 'retry-after': `${retryAfterS}` };
      return Promise.resolve(new Response('{}', { status, headers }));
    },
  };
  return transport;
}

const get: JiraRequest = { method: 'GET', path: '/rest/api/3/myself' };
const Me = z.looseObject({ accountId: z.string() });
const total = (sleeps: readonly number[]) => sleeps.reduce((a, b) => a + b, 0);

/** Forge's storage refusing a request over the installation's quota. */
const rateLimited = () =>
  new ForgeKvsAPIError(
    { status: 429, statusText: 'Too Many Requests' },
    { code: 'RATE_LIMIT_EXCEEDED', message: 'over quota' },
  );

describe("retries bounded by the invocation's deadline", () => {
  it("stops a resolver's Jira retries before 25 s with a typed error naming the request", async () => {
    const clock = new FakeClock();
    const started = clock.now();
    // A generous policy (many attempts, long Retry-After): only the invocation's deadline can stop it.
    const policy = { ...retryPolicyFor('consumer', () => 0.5), maxAttempts: 50 };
    const transport = always(429, 4);
    const failure = await withinDeadline(
      deadlineFor('resolver', () => clock.now()),
      () => new JiraClient(transport, { policy, clock }).send(get, Me).catch((error: unknown) => error),
    );
    expect(failure).toBeInstanceOf(JiraDeadlineExceeded);
    expect(failure).toBeInstanceOf(JiraUnavailable);
    expect(String(failure)).toMatch(/GET \/rest\/api\/3\/myself: timed out after \d+ attempt/);
    expect(failure).toMatchObject({ lastError: expect.any(JiraRateLimited) });
    expect(clock.now() - started).toBeLessThan(25_000);
    expect(transport.calls).toBeGreaterThan(1);
  });

  it("lets a consumer's Jira backoff run past 25 s but stops it before 900 s", async () => {
    const clock = new FakeClock();
    const policy = { ...retryPolicyFor('consumer', () => 0.5), maxAttempts: 1_000 };
    const transport = always(503);
    const failure = await withinDeadline(
      deadlineFor('consumer', () => clock.now()),
      () => new JiraClient(transport, { policy, clock }).send(get, Me).catch((error: unknown) => error),
    );
    expect(failure).toBeInstanceOf(JiraDeadlineExceeded);
    expect(total(clock.sleeps)).toBeGreaterThan(25_000);
    expect(total(clock.sleeps)).toBeLessThan(900_000);
  });

  describe('storage', () => {
    let now = 5_000_000;
    const slept: number[] = [];
    const virtual: Pacing = {
      now: () => now,
      sleep: (ms) => {
        slept.push(ms);
        now += ms;
        return Promise.resolve();
      },
      random: () => 0.5,
    };
    beforeEach(() => {
      slept.length = 0;
      usePacing(virtual);
    });
    afterAll(() => usePacing(undefined));

    it("stops retrying a rate-limited storage request before a resolver's deadline", async () => {
      let calls = 0;
      const request = () => {
        calls++;
        return Promise.reject(rateLimited());
      };
      const failure = await withinDeadline(
        deadlineFor('resolver', () => now),
        () => retryRateLimited(request, 'write').catch((error: unknown) => error),
      );
      expect(failure).toBeInstanceOf(DeadlineExceeded);
      expect(String(failure)).toMatch(/storage write refused \d+ time\(s\) by Forge \(RATE_LIMIT_EXCEEDED\)/);
      expect(String(failure)).toMatch(/resolver's deadline/);
      expect(total(slept)).toBeLessThan(25_000);
      expect(calls).toBeGreaterThan(1);
    });

    it('still retries a rate-limited request outside any invocation (the whole backoff)', async () => {
      let calls = 0;
      const request = () => (++calls < 10 ? Promise.reject(rateLimited()) : Promise.resolve('stored'));
      await expect(retryRateLimited(request)).resolves.toBe('stored');
      expect(total(slept)).toBeGreaterThan(60_000);
    });

    it('fails a paced write at once when the quota would make it wait past the deadline', async () => {
      usePacing(virtual, { write: 1, read: 1_000 });
      const failure = await withinDeadline(
        deadlineFor('resolver', () => now),
        async () => {
          await pacedWrite(100, () => Promise.resolve());
          return pacedWrite(100, () => Promise.resolve()).catch((error: unknown) => error);
        },
      );
      expect(failure).toBeInstanceOf(DeadlineExceeded);
      expect(String(failure)).toMatch(/storage write \(paced: 1 of 1 units spent this minute\): timed out/);
      expect(slept).toEqual([]);
    });
  });

  it('gives every Forge handler the deadline of its kind', async () => {
    const seen = await withInvocationDeadline('consumer', () => Promise.resolve(currentDeadline()))();
    expect(seen?.kind).toBe('consumer');
    expect(currentDeadline()).toBeUndefined();
  });

  it('answers TIMED_OUT, naming what timed out, when a resolver runs out of time', async () => {
    const spec = { payload: z.object({}), response: z.object({}) };
    const reply = await respond('panel/getBoard', spec, {}, () => {
      throw new DeadlineExceeded('storage write refused 3 time(s)', 'resolver', 8_000, 2_000);
    });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'TIMED_OUT',
        message: expect.stringMatching(/^storage write refused 3 time\(s\): timed out/),
      },
    });
  });
});
