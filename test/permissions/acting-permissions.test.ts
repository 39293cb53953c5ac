import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/**
 * The app acts in Jira on a user's behalf only when Jira would let that user do it: each action's
 * permissions are asked of Jira as the user first, and a refusal names the permission and the issue
 * and changes nothing. The emulator grants Edit, Transition, Add comments and Schedule apart.
 */
describe('acting only as Jira would let the user', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // May browse and edit everything, but not comment anywhere.
    h.emulator.state.users.push({
      accountId: 'silent',
      displayName: 'Sam Silent',
      emailAddress: 'silent@metascrum-demo.example',
      active: true,
      admin: false,
      browse: '*',
      permissions: { ADD_COMMENTS: [] },
    });
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const issue = (key: string) => {
    const found = h.emulator.state.issueByKeyOrId(key);
    if (!found) throw new Error(`no ${key} in the demo`);
    return found;
  };
  const stateOf = (key: string) =>
    JSON.stringify({
      status: issue(key).fields.status,
      comments: issue(key).comments.length,
      properties: [...issue(key).properties],
      fields: issue(key).fields,
    });
  const version = async (key: string, user: string) =>
    dataOf(await h.call('impediment/get', { issueKey: key }, user)).impediment?.version ?? 0;
  const move = (issueKey: string, requestId: string, expectedVersion: number) => ({
    issueKey,
    reason: 'Needs a decision',
    requestId,
    expectedVersion,
  });

  it('refuses Mo a resolve (no Transition issues on MOB) and leaves the impediment as it was', async () => {
    const before = stateOf('MOB-93');
    const reply = await h.call(
      'impediment/resolve',
      move('MOB-93', 'req-mob-93-r', await version('MOB-93', 'dev-mob')),
      'dev-mob',
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'You need the Transition issues permission on MOB-93 to resolve it; nothing was changed.',
        missingPermission: { permission: 'TRANSITION_ISSUES', issueKey: 'MOB-93' },
      },
    });
    expect(stateOf('MOB-93')).toBe(before);
    expect(issue('MOB-93').fields.status).not.toMatchObject({ statusCategory: { key: 'done' } });
  });

  it.each([
    ['impediment/escalate', 'escalate'],
    ['impediment/deEscalate', 'de-escalate'],
  ] as const)('refuses %s to a user without Add comments, naming the permission', async (key, verb) => {
    const before = stateOf('SRCH-93');
    const reply = await h.call(
      key,
      move('SRCH-93', `req-silent-${verb}`, await version('SRCH-93', 'silent')),
      'silent',
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `You need the Add comments permission on SRCH-93 to ${verb} it; nothing was changed.`,
        missingPermission: { permission: 'ADD_COMMENTS', issueKey: 'SRCH-93' },
      },
    });
    expect(stateOf('SRCH-93')).toBe(before);
  });

  it('lets Mo escalate, which needs only Edit issues and Add comments', async () => {
    const reply = dataOf(
      await h.call(
        'impediment/escalate',
        move('MOB-93', 'req-mob-93-e', await version('MOB-93', 'dev-mob')),
        'dev-mob',
      ),
    );
    expect(reply.outcome).toBe('applied');
  });

  it('refuses Pat the rank flow of CHK (Schedule issues only on PAY) and ranks nothing, not even PAY', async () => {
    const orderVersion = dataOf(await h.call('panel/getBoard', {}, 'cpo')).order.version;
    dataOf(await h.call('panel/acceptSuggestedOrder', { baseVersion: orderVersion }, 'cpo'));
    await h.deliverQueue();
    const teams = dataOf(await h.call('panel/previewRankFlow', {}, 'po-pay')).teams.map((t) => t.team);
    expect(teams).toEqual(expect.arrayContaining(['CHK', 'PAY']));
    const ranksBefore = [...h.emulator.state.issues.values()].map((i) => i.fields.customfield_10019);
    const rankCalls = () => h.exchanges.filter((ex) => ex.path === '/rest/agile/1.0/issue/rank').length;
    const callsBefore = rankCalls();
    const reply = await h.call('panel/applyRankFlow', { teams: ['PAY', 'CHK'] }, 'po-pay');
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        missingPermission: { permission: 'SCHEDULE_ISSUES', issueKey: expect.stringMatching(/^CHK-/) },
      },
    });
    expect(reply.ok ? '' : reply.error.message).toMatch(
      /^You need the Schedule issues permission on CHK-\d+ to rank it; nothing was changed\.$/,
    );
    expect(rankCalls()).toBe(callsBefore);
    expect([...h.emulator.state.issues.values()].map((i) => i.fields.customfield_10019)).toEqual(ranksBefore);
    // PAY alone is Pat's to rank.
    const applied = dataOf(await h.call('panel/applyRankFlow', { teams: ['PAY'] }, 'po-pay'));
    expect(applied.teams[0]?.failed).toEqual([]);
    expect(applied.teams[0]?.ranked.length).toBeGreaterThan(0);
  });
});
