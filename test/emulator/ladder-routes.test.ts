import { at, list, searchKeys, startHarness, type Harness } from './emulator-harness';

describe('the routes of the escalation ladder', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.emulator.close());

  it('finds impediments by their escalation level, by field name or cf[id], and refuses an unknown option', async () => {
    expect(await searchKeys(h, '"Escalation level" = "Executive Action Team"')).toEqual(['CHK-94']);
    expect((await searchKeys(h, 'cf[10060] in ("Team") AND statusCategory != Done')).sort()).toEqual([
      'CHK-93',
      'PAY-93',
    ]);
    const bad = await h.call('POST', '/rest/api/3/search/jql', {
      body: { jql: '"Escalation level" = "Board"' },
    });
    expect(bad.status).toBe(400);
    expect(list(bad.json, 'errorMessages')[0]).toContain("'Board'");
  });

  it('moves an issue to Done with a transition, setting its resolution date, and refuses one no longer available', async () => {
    const ids = list((await h.call('GET', '/rest/api/3/issue/SRCH-93/transitions')).json, 'transitions').map(
      (t) => at(t, 'id'),
    );
    expect(ids).toEqual(['21', '31']);
    expect(
      (await h.call('POST', '/rest/api/3/issue/SRCH-93/transitions', { body: { transition: { id: '31' } } }))
        .status,
    ).toBe(204);
    const issue = await h.call('GET', '/rest/api/3/issue/SRCH-93?fields=status,resolutiondate');
    expect(at(issue.json, 'fields', 'status', 'statusCategory', 'key')).toBe('done');
    expect(at(issue.json, 'fields', 'resolutiondate')).toEqual(expect.any(String));
    expect(
      (await h.call('POST', '/rest/api/3/issue/SRCH-93/transitions', { body: { transition: { id: '31' } } }))
        .status,
    ).toBe(400);
  });

  it('refuses a transition to a user who may browse but not transition, with Jira’s 400 (its spec)', async () => {
    h.emulator.state.users.push({
      accountId: 'reader',
      displayName: 'Reader',
      emailAddress: 'reader@example.invalid',
      active: true,
      admin: false,
      browse: '*',
      edit: [],
    });
    const reply = await h.call('POST', '/rest/api/3/issue/PLAT-93/transitions', {
      as: 'reader',
      body: { transition: { id: '31' } },
    });
    expect(reply.status).toBe(400);
  });

  it('records notifications and answers user lookups with 404 for a group name', async () => {
    await h.call('POST', '/rest/api/3/issue/MOB-93/notify', {
      body: { subject: 'S', textBody: 'T', to: { groups: [{ name: 'eat' }] } },
    });
    expect(h.emulator.state.notifications).toEqual([
      { issueKey: 'MOB-93', subject: 'S', users: [], groups: ['eat'] },
    ]);
    expect((await h.call('GET', '/rest/api/3/user?accountId=cpo')).status).toBe(200);
    expect((await h.call('GET', '/rest/api/3/user?accountId=eat')).status).toBe(404);
  });
});
