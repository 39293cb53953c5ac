import { bulkFetchIssues } from '../../src/jira/bulk-fetch';
import { JiraClient } from '../../src/jira/client';
import { httpTransport } from '../../src/jira/http-transport';
import { browsableIssueIds } from '../../src/jira/permissions';
import { rankBodies } from '../../src/jira/rank';
import { searchRawPage } from '../../src/jira/search';
import type { JiraRequest, JiraTransport } from '../../src/jira/transport';
import { at, searchKeys, startHarness, type Harness } from '../emulator/emulator-harness';

/** Jira's limits stated only in prose: the emulator refuses what Jira refuses, the client never asks. */
let h: Harness;
beforeEach(async () => (h = await startHarness()));
afterEach(() => h.emulator.close());

const asApp = () =>
  new JiraClient(httpTransport({ baseUrl: h.emulator.url, auth: { kind: 'bearer', token: 'app' } }));
const requestsTo = (path: string) => h.exchanges.filter((ex) => ex.path.startsWith(path));
/** Ids 10001.. upwards: the demo's 468 issues first, then ids Jira ignores as unknown. */
const idsFrom10001 = (n: number) => Array.from({ length: n }, (_, i) => String(10001 + i));

describe('the emulator refuses over-limit lists as Jira does', () => {
  it('refuses a permission check of more than 1,000 issues with 400 and Jira’s message', async () => {
    const check = (issues: number[]) =>
      h.call('POST', '/rest/api/3/permissions/check', {
        body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues }] },
      });
    const over = await check(idsFrom10001(1001).map(Number));
    expect(over.status).toBe(400);
    expect(over.json).toEqual({
      errorMessages: ['A maximum of 1000 projects and 1000 issues can be checked.'],
      errors: {},
    });
    expect((await check(idsFrom10001(1000).map(Number))).status).toBe(200);
  });

  it('refuses a bulkfetch of more than 100 issues with 400 naming issueIdsOrKeys', async () => {
    const fetchIds = (issueIdsOrKeys: string[]) =>
      h.call('POST', '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys, fields: ['summary'] } });
    const over = await fetchIds(idsFrom10001(101));
    expect(over.status).toBe(400);
    expect(over.json).toEqual({
      errorMessages: [],
      errors: { issueIdsOrKeys: 'You can request up to 100 issues.' },
    });
    expect((await fetchIds(idsFrom10001(100))).status).toBe(200);
  });

  it('refuses a rank call of more than 50 issues with 400 and Jira’s message', async () => {
    const keys = await searchKeys(h, 'issuetype = Story ORDER BY Rank ASC');
    const over = await h.call('PUT', '/rest/agile/1.0/issue/rank', {
      body: { issues: keys.slice(1, 52), rankBeforeIssue: keys[0] },
    });
    expect(over.status).toBe(400);
    expect(at(over.json, 'errorMessages', 0)).toBe('Only 50 issues can be ranked at once.');
  });
});

describe('the Jira client splits lists at Jira’s limits', () => {
  it('checks a 1,200-issue trail in requests of at most 1,000 ids and merges the answers', async () => {
    const ids = idsFrom10001(1200);
    const browsable = await browsableIssueIds(asApp(), ids);
    expect(browsable.size).toBe(468);
    expect(browsable.has('10001') && browsable.has('10468') && !browsable.has('10469')).toBe(true);
    const sent = requestsTo('/rest/api/3/permissions/check');
    expect(sent.map((ex) => ex.status)).toEqual([200, 200]);
  });

  it('bulk-fetches 250 issues in three requests of at most 100 and reports the missing ones', async () => {
    const refs = [...idsFrom10001(248), 'PAY-99999', '99999999'];
    const { issues, missing } = await bulkFetchIssues(asApp(), refs, ['summary']);
    expect(issues).toHaveLength(248);
    expect(missing).toEqual(['PAY-99999', '99999999']);
    expect(requestsTo('/rest/api/3/issue/bulkfetch').map((ex) => ex.status)).toEqual([200, 200, 200]);
  });

  it.each([
    ['rankAfterIssue', (anchor: string, moving: string[], rest: string[]) => [anchor, ...moving, ...rest]],
    ['rankBeforeIssue', (anchor: string, moving: string[], rest: string[]) => [...moving, anchor, ...rest]],
  ] as const)(
    'ranks a run of 120 issues %s an anchor in calls of at most 50 that keep the run’s order',
    async (side, expected) => {
      const keys = await searchKeys(h, 'issuetype = Story ORDER BY Rank ASC');
      const [anchor = '', ...others] = keys;
      const moving = others.slice(0, 120).reverse();
      const bodies = rankBodies(
        side === 'rankAfterIssue'
          ? { issues: moving, rankAfterIssue: anchor }
          : { issues: moving, rankBeforeIssue: anchor },
      );
      expect(bodies.map((b) => b.issues.length)).toEqual([50, 50, 20]);
      for (const body of bodies) {
        expect((await h.call('PUT', '/rest/agile/1.0/issue/rank', { body })).status).toBe(204);
      }
      const after = await searchKeys(h, 'issuetype = Story ORDER BY Rank ASC');
      expect(after).toEqual(expected(anchor, moving, others.slice(120)));
    },
  );

  it('asks search/jql for no larger page than Jira serves for the fields requested', async () => {
    const sent: JiraRequest[] = [];
    const recording: JiraTransport = {
      send: (request) => {
        sent.push(request);
        return Promise.resolve(new Response('{"issues":[],"isLast":true}', { status: 200 }));
      },
    };
    const client = new JiraClient(recording);
    await searchRawPage(client, 'project = PAY', ['summary'], 1000, undefined);
    await searchRawPage(client, 'project = PAY', ['key'], 10_000, undefined);
    await searchRawPage(client, 'project = PAY', ['summary'], 40, undefined);
    expect(sent.map((r) => at(r.body, 'maxResults'))).toEqual([100, 5000, 40]);
  });
});
