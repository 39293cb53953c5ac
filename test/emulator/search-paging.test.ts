import { at, list, searchKeys, startHarness, type Harness } from './emulator-harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.emulator.close());

const search = (body: unknown, as = 'app') => h.call('POST', '/rest/api/3/search/jql', { body, as });

describe('POST/GET /rest/api/3/search/jql', () => {
  it('pages with an opaque nextPageToken without duplicates or gaps, and never sends total', async () => {
    const all = await searchKeys(h, 'project in (PAY, CHK) ORDER BY key', 'app', 100);
    const small = await searchKeys(h, 'project in (PAY, CHK) ORDER BY key', 'app', 7);
    expect(small).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(188);
    const first = await search({ jql: 'project = PAY', maxResults: 10 });
    expect(at(first.json, 'total')).toBeUndefined();
    expect(at(first.json, 'isLast')).toBe(false);
    expect(typeof at(first.json, 'nextPageToken')).toBe('string');
  });

  it('marks the last page with isLast and no token', async () => {
    const res = await search({ jql: 'key in (PAY-1, PAY-2)', maxResults: 2 });
    expect(at(res.json, 'isLast')).toBe(true);
    expect(at(res.json, 'nextPageToken')).toBeUndefined();
  });

  it('returns only ids by default, the requested fields otherwise, and ignores unknown field ids', async () => {
    const ids = await search({ jql: 'key = PAY-1' });
    expect(list(ids.json, 'issues')).toEqual([{ id: '10001' }]);
    const some = await search({
      jql: 'key = PAY-1',
      fields: ['summary', 'nosuchfield', 'customfield_99999'],
    });
    expect(at(some.json, 'issues', 0, 'key')).toBe('PAY-1');
    expect(at(some.json, 'issues', 0, 'fields')).toEqual({ summary: 'Payments Onboarding' });
    const all = await search({ jql: 'key = PAY-1', fields: ['*all', '-description'] });
    const fields = at(all.json, 'issues', 0, 'fields');
    expect(at(fields, 'issuetype', 'name')).toBe('Epic');
    expect(at(fields, 'description')).toBeUndefined();
    expect(at(fields, 'customfield_10019')).toMatch(/^0\|/);
  });

  it('defaults maxResults to 50 and caps it at 100 with fields, 5000 with ids only', async () => {
    expect(list((await search({ jql: 'issuetype = Story' })).json, 'issues')).toHaveLength(50);
    expect(
      list(
        (await search({ jql: 'issuetype = Story', fields: ['summary'], maxResults: 1000 })).json,
        'issues',
      ),
    ).toHaveLength(100);
    expect(
      list((await search({ jql: 'issuetype = Story', fields: ['key'], maxResults: 1000 })).json, 'issues')
        .length,
    ).toBeGreaterThan(100);
  });

  it('serves the GET form with comma-separated fields', async () => {
    const res = await h.call('GET', '/rest/api/3/search/jql?jql=key%20%3D%20CHK-1&fields=summary,status');
    expect(res.status).toBe(200);
    const fields = at(res.json, 'issues', 0, 'fields');
    expect(typeof fields === 'object' && fields !== null ? Object.keys(fields) : []).toEqual([
      'summary',
      'status',
    ]);
  });

  it('answers an unknown or expired page token with Jira 400', async () => {
    const res = await search({ jql: 'project = PAY', nextPageToken: 'bm9wZTo1' });
    expect(res.status).toBe(400);
    expect(list(res.json, 'errorMessages')[0]).toMatch(/next page token is invalid or expired/);
  });

  it('answers bad JQL with a Jira error body', async () => {
    const res = await search({ jql: 'project = PAY OR key = X' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errorMessages: [expect.stringContaining("'OR'")], errors: {} });
  });

  it('returns requested issue properties', async () => {
    const res = await search({
      jql: 'key = CHK-93',
      fields: ['summary'],
      properties: ['metascrum.escalation'],
    });
    expect(at(res.json, 'issues', 0, 'properties', 'metascrum.escalation', 'version')).toBe(1);
  });
});
