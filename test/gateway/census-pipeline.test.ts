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
  readonly sent: JiraRequest[] = [];

  constructor(private readonly issues: number) {}

  send(request: JiraRequest): Promise<JiraResponse> {
    this.sent.push(request);
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
      const asked = field('fields');
      // Jira names every requested field, with null when the issue has no value.
      const fields = Object.fromEntries(
        (Array.isArray(asked) ? asked : []).map((name) => [String(name), null]),
      );
      const issues = (Array.isArray(ids) ? ids : []).map((id) => ({
        id: String(id),
        key: `P-${String(id)}`,
        fields,
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
      fields: { first: Promise.resolve(['summary']), all: Promise.resolve(['summary']) },
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

  /** Runs a fetch whose whole field list settles after `boardRounds` rounds (the boards' configurations). */
  async function fetchWithLateBoards(first: string[], all: string[], boardRounds: number) {
    const issues = 5_000;
    const jira = new RoundTripJira(issues);
    const client = new JiraClient(jira, { policy: retryPolicyFor('consumer') });
    let settleAll: (fields: string[]) => void = () => undefined;
    const handed: Array<Record<string, unknown>> = [];
    let finished = false;
    const fetch = fetchProgram(client, {
      projectKeys: ['P'],
      fields: { first: Promise.resolve(first), all: new Promise((resolve) => (settleAll = resolve)) },
      concurrency: 8,
      onIssues: (page) => {
        page.forEach((issue) => handed.push(issue.fields ?? {}));
        return Promise.resolve();
      },
    }).finally(() => (finished = true));
    let rounds = 0;
    for (;;) {
      await settle();
      if (rounds === boardRounds) settleAll(all);
      await settle();
      if (finished || !jira.answerRound()) break;
      rounds++;
    }
    const result = await fetch;
    const reads = jira.sent.filter((r) => r.path === '/rest/api/3/issue/bulkfetch');
    const asked = (r: JiraRequest) => {
      const fields: unknown =
        typeof r.body === 'object' && r.body !== null ? Reflect.get(r.body, 'fields') : [];
      return Array.isArray(fields) ? fields.map(String) : [];
    };
    return { result, rounds, reads, asked, handed, issues };
  }

  it("starts the pages with the catalog's fields, not after the boards, and reads none twice when the boards add no field", async () => {
    const run = await fetchWithLateBoards(
      ['summary', 'customfield_10016'],
      ['summary', 'customfield_10016'],
      3,
    );
    expect(run.result.failures).toEqual([]);
    expect(run.handed).toHaveLength(run.issues);
    // 50 pages and the census page, 8 at a time, as if the boards had been known from the start.
    expect(run.reads).toHaveLength(50);
    expect(run.rounds).toBe(1 + Math.ceil(50 / 8));
  });

  it("reads a page again with a board's estimation field only when it was read without it", async () => {
    const run = await fetchWithLateBoards(['summary'], ['summary', 'customfield_10999'], 2);
    expect(run.result.failures).toEqual([]);
    // Every issue is handed over once, from a read that asked for the board's field.
    expect(run.handed).toHaveLength(run.issues);
    expect(run.handed.every((fields) => 'customfield_10999' in fields)).toBe(true);
    const early = run.reads.filter((r) => !run.asked(r).includes('customfield_10999'));
    // The boards settle after two rounds (the census, then 8 pages), when 8 more pages have left: those 16
    // are read twice, every later page once.
    expect(early).toHaveLength(16);
    expect(run.reads).toHaveLength(50 + early.length);
  });
});
