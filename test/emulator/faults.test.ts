import { at, list, startHarness, type Harness } from './emulator-harness';

let h: Harness;
beforeEach(async () => (h = await startHarness()));
afterEach(() => h.emulator.close());

const myself = () => h.call('GET', '/rest/api/3/myself');

describe('fault injection', () => {
  it('answers 429 with Retry-After on the nth call only', async () => {
    h.emulator.faults.add({
      method: 'GET',
      path: '/rest/api/3/myself',
      nth: 2,
      status: 429,
      retryAfterSeconds: 3,
    });
    expect((await myself()).status).toBe(200);
    const limited = await myself();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(list(limited.json, 'errorMessages')).toHaveLength(1);
    expect((await myself()).status).toBe(200);
  });

  it('injects any 5xx a given number of times on matching paths', async () => {
    h.emulator.faults.add({ path: '/rest/api/3/issue/{issueIdOrKey}', status: 503, count: 2 });
    expect((await h.call('GET', '/rest/api/3/issue/PAY-1')).status).toBe(503);
    expect((await h.call('GET', '/rest/api/3/issue/PAY-2')).status).toBe(503);
    expect((await h.call('GET', '/rest/api/3/issue/PAY-3')).status).toBe(200);
    expect((await myself()).status).toBe(200);
  });

  it('sends a malformed JSON body', async () => {
    h.emulator.faults.add({ path: '/rest/api/3/search/jql', malformedBody: true, count: 1 });
    const res = await h.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = PAY' } });
    expect(res.status).toBe(200);
    expect(() => {
      JSON.parse(res.text);
    }).toThrow();
  });

  it('expires a page token like Jira', async () => {
    h.emulator.faults.add({ path: '/rest/api/3/search/jql', expiredPageToken: true, nth: 2 });
    const first = await h.call('POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = PAY', maxResults: 5 },
    });
    const second = await h.call('POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = PAY', nextPageToken: at(first.json, 'nextPageToken') },
    });
    expect(second.status).toBe(400);
    expect(list(second.json, 'errorMessages')[0]).toMatch(/expired/);
  });

  it('adds latency and replays probabilistic faults identically for a seed', async () => {
    h.emulator.faults.add({ path: '/rest/api/3/myself', latencyMs: 60, count: 1 });
    const started = Date.now();
    await myself();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    const outcomes = async () => {
      h.emulator.faults.clear();
      h.emulator.faults.reseed(42);
      h.emulator.faults.add({ path: '/rest/api/3/myself', status: 500, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await myself()).status);
      return statuses;
    };
    const a = await outcomes();
    expect(await outcomes()).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 500]));
  });

  it('is controlled over HTTP and counts requests per route', async () => {
    const added = await h.call('POST', '/__emulator/faults', {
      body: { rules: [{ path: '/rest/api/3/myself', status: 502 }], seed: 7 },
    });
    expect(added.status).toBe(201);
    expect((await myself()).status).toBe(502);
    expect((await h.call('DELETE', '/__emulator/faults')).status).toBe(204);
    expect((await myself()).status).toBe(200);
    expect((await h.call('POST', '/__emulator/faults', { body: { path: '/x', bogus: 1 } })).status).toBe(400);
    const stats = await h.call('GET', '/__emulator/stats');
    expect(at(stats.json, 'byRoute', 'GET /rest/api/3/myself')).toBe(2);
    expect(at(stats.json, 'faultsInjected')).toBe(1);
    expect(h.emulator.stats().total).toBe(2);
  });
});
