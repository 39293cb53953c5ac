import { z } from 'zod';
import { JiraClient } from '../../src/jira/client';
import { JiraBadReply, JiraDeadlineExceeded, JiraRateLimited, JiraUnavailable } from '../../src/jira/errors';
import { backoffMs, retryPolicyFor, type RetryPolicy } from '../../src/jira/retry-policy';
import type { JiraRequest, JiraTransport } from '../../src/jira/transport';
import { FakeClock } from './fake-clock';

type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'network' | 'hang';

/** A transport that answers from a script, one reply per call, and counts the calls. */
function scripted(replies: Reply[]): JiraTransport & { calls: number } {
  const transport = {
    calls: 0,
    send(): Promise<Response> {
      const reply = replies[Math.min(transport.calls++, replies.length - 1)] ?? { status: 200, body: '{}' };
      if (reply === 'network') return Promise.reject(new Error('ECONNRESET'));
      if (reply === 'hang') return new Promise<Response>(() => undefined);
      return Promise.resolve(
        new Response(reply.body ?? '{}', { status: reply.status, headers: reply.headers }),
      );
    },
  };
  return transport;
}

const get: JiraRequest = { method: 'GET', path: '/rest/api/3/myself' };
const Me = z.looseObject({ accountId: z.string() });
const ok = { status: 200, body: '{"accountId":"a"}' };
const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  ...retryPolicyFor('consumer', () => 0.5),
  ...overrides,
});

describe('the retry policy of the Jira client', () => {
  it('waits for Retry-After plus jitter after a 429, then succeeds', async () => {
    const clock = new FakeClock();
    const transport = scripted([{ status: 429, headers: { 'retry-after': '3' } }, ok]);
    const client = new JiraClient(transport, { policy: policy(), clock });
    await expect(client.send(get, Me)).resolves.toEqual({ accountId: 'a' });
    expect(transport.calls).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(3_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(3_300);
  });

  it('gives up at once, as JiraRateLimited, when Retry-After is longer than the caller may wait', async () => {
    const clock = new FakeClock();
    const transport = scripted([{ status: 429, headers: { 'retry-after': '600' } }, ok]);
    const client = new JiraClient(transport, { policy: retryPolicyFor('resolver'), clock });
    await expect(client.send(get, Me)).rejects.toMatchObject({
      constructor: JiraRateLimited,
      retryAfterMs: 600_000,
    });
    expect(clock.sleeps).toEqual([]);
  });

  it.each([500, 502, 503])('backs off and retries after HTTP %i', async (status) => {
    const clock = new FakeClock();
    const transport = scripted([{ status }, { status }, ok]);
    const client = new JiraClient(transport, { policy: policy(), clock });
    await expect(client.send(get, Me)).resolves.toEqual({ accountId: 'a' });
    expect(transport.calls).toBe(3);
    expect(clock.sleeps).toEqual([backoffMs(policy(), 1), backoffMs(policy(), 2)]);
  });

  it('doubles the backoff per attempt up to its cap', () => {
    const full = policy({ random: () => 1, baseBackoffMs: 500, maxBackoffMs: 3_000 });
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(full, n))).toEqual([500, 1_000, 2_000, 3_000, 3_000]);
  });

  it('stops after the last attempt with JiraUnavailable', async () => {
    const transport = scripted([{ status: 503 }]);
    const client = new JiraClient(transport, { policy: policy({ maxAttempts: 4 }), clock: new FakeClock() });
    await expect(client.send(get, Me)).rejects.toBeInstanceOf(JiraUnavailable);
    expect(transport.calls).toBe(4);
  });

  it('retries a network failure and a reply cut short (not JSON) on a read', async () => {
    const transport = scripted(['network', { status: 200, body: '{"accountId":"a' }, ok]);
    const client = new JiraClient(transport, { policy: policy(), clock: new FakeClock() });
    await expect(client.send(get, Me)).resolves.toEqual({ accountId: 'a' });
    expect(transport.calls).toBe(3);
  });

  it('does not repeat a write that may have happened (POST after a 500)', async () => {
    const transport = scripted([{ status: 500 }, { status: 201, body: '{"accountId":"a"}' }]);
    const client = new JiraClient(transport, { policy: policy(), clock: new FakeClock() });
    const post: JiraRequest = { method: 'POST', path: '/rest/api/3/issue', body: {} };
    await expect(client.send(post, Me)).rejects.toBeInstanceOf(JiraUnavailable);
    expect(transport.calls).toBe(1);
  });

  it('does not retry a reply that is JSON but breaks the schema', async () => {
    const transport = scripted([{ status: 200, body: '{"accountId":1}' }, ok]);
    const client = new JiraClient(transport, { policy: policy(), clock: new FakeClock() });
    await expect(client.send(get, Me)).rejects.toBeInstanceOf(JiraBadReply);
    expect(transport.calls).toBe(1);
  });

  it('never sleeps past the operation deadline: it fails at once, timed out, with the last error', async () => {
    const clock = new FakeClock();
    const transport = scripted([{ status: 429, headers: { 'retry-after': '4' } }, ok]);
    const client = new JiraClient(transport, { policy: policy({ deadlineMs: 3_000 }), clock });
    const failure = client.send(get, Me);
    await expect(failure).rejects.toBeInstanceOf(JiraDeadlineExceeded);
    await expect(failure).rejects.toMatchObject({ lastError: expect.any(JiraRateLimited) });
    expect(clock.sleeps).toEqual([]);
  });

  it('refuses to start a request once the deadline has passed', async () => {
    const clock = new FakeClock();
    const client = new JiraClient(scripted([ok]), { policy: policy({ deadlineMs: 1_000 }), clock });
    await clock.sleep(1_001);
    await expect(client.send(get, Me)).rejects.toThrow(/deadline/);
  });

  it('gives a reply that never comes its request timeout, then reports JiraUnavailable', async () => {
    const transport = scripted(['hang']);
    const client = new JiraClient(transport, {
      policy: policy({ requestTimeoutMs: 30, maxAttempts: 2 }),
      clock: new FakeClock(),
    });
    await expect(client.send(get, Me)).rejects.toThrow(/no reply within 30 ms/);
    expect(transport.calls).toBe(2);
  });

  it('gives resolvers 25 s and consumers 900 s, with a margin', () => {
    expect(retryPolicyFor('resolver').deadlineMs).toBeLessThan(25_000);
    expect(retryPolicyFor('consumer').deadlineMs).toBeLessThan(900_000);
    expect(retryPolicyFor('consumer').deadlineMs).toBeGreaterThan(600_000);
  });
});
