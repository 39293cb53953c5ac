import { JiraClient } from '../../src/jira/client';
import { fetchProgram } from '../../src/jira/program-fetch';
import { retryPolicyFor } from '../../src/jira/retry-policy';
import type { JiraRequest, JiraResponse, JiraTransport } from '../../src/jira/transport';

/**
 * A Jira whose replies all take one round trip: every request sent in a round is answered at the end of
 * it. The number of rounds a full fetch takes is then its wall time in round trips, whatever the
 * machine's speed, and slots the pool leaves idle show up as extra rounds.
 */
class RoundTripJira implements JiraTransport {
  private pending: Array<{ request: JiraRequest; answer: (r: JiraResponse) => void }> = [];
  maxInFlight = 0;

  constructor(private readonly issues: number) {}

  send(request: JiraRequest): Promise<JiraResponse> {
    return new Promise((answer) => {
      this.pending.push({ request, answer });
      this.maxInFlight = Math.max(this.maxInFlight, this.pending.length);
    });
  }

  /** Answers every request in flight; false when none was. */
  answerRound(): boolean {
    const round = this.pending.splice(0);
    round.forEach(({ request, answer }) => answer(this.reply(request)));
    return round.length > 0;
  }

  private reply(request: JiraRequest): JiraResponse {
    const body: unknown = request.body;
    const field = (name: string): unknown =>
      typeof body === 'object' && body !== null ? Reflect.get(body, name) : undefined;
    let json: unknown;
    if (request.path === '/rest/api/3/search/jql') {
      const token = field('nextPageToken');
      const from = typeof token === 'string' ? Number(token) : 0;
      const to = Math.min(this.issues, from + Number(field('maxResults')));
      const issues = Array.from({ length: to - from }, (_, i) => ({
        id: `${from + i + 1}`,
        key: `P-${from + i + 1}`,
      }));
      json =
        to < this.issues ? { issues, nextPageToken: String(to), isLast: false } : { issues, isLast: true };
    } else {
      const ids = field('issueIdsOrKeys');
      const issues = (Array.isArray(ids) ? ids : []).map((id) => ({
        id: String(id),
        key: `P-${String(id)}`,
        fields: {},
      }));
      json = { issues, issueErrors: [] };
    }
    const text = JSON.stringify(json);
    return { status: 200, headers: { get: () => null }, text: () => Promise.resolve(text) };
  }
}

/** Lets every reply be processed and every request it leads to be sent. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('the full fetch pipeline', () => {
  it('keeps every slot of the pool busy while the census pages on, so it takes the floor of round trips', async () => {
    const issues = 20_000;
    const concurrency = 8;
    const jira = new RoundTripJira(issues);
    const client = new JiraClient(jira, { policy: retryPolicyFor('consumer') });
    let fetched = 0;
    let finished = false;
    const fetch = fetchProgram(client, {
      projectKeys: ['P'],
      fields: Promise.resolve(['summary']),
      concurrency,
      onIssues: (page) => {
        fetched += page.length;
        return Promise.resolve();
      },
    }).finally(() => (finished = true));
    let rounds = 0;
    for (;;) {
      await settle();
      if (finished || !jira.answerRound()) break;
      rounds++;
    }
    const result = await fetch;
    expect(result.failures).toEqual([]);
    expect(fetched).toBe(issues);
    expect(jira.maxInFlight).toBe(concurrency);
    // The first census page on its own, then 200 partitions and 3 census pages, 8 at a time. Had each
    // census page waited behind its own page's partitions, the pool would have drained while it
    // travelled: 29 rounds.
    const censusPages = Math.ceil(issues / 5_000);
    const floor = 1 + Math.ceil((issues / 100 + censusPages - 1) / concurrency);
    expect(rounds).toBe(floor);
  });
});
