import { demoProgram } from '../../dev/emulator';
import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { SITE_URL } from '../../dev/emulator/demo/jira-catalog';
import { legacySiteProgram, LEGACY_FACTS } from '../../dev/emulator/demo/legacy-site';
import { forgetEscalateRights } from '../../src/services/impediments/escalate-rights';
import { lastWorkingDayStart } from '../../src/domain/sos/working-day';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

const raise = (blocks: string[], requestId: string, owner = 'po-pay') => ({
  blocks,
  summary: 'Waiting for the card processor sandbox',
  reason: 'The sandbox is down since Tuesday',
  owner,
  requestId,
});

describe('the last working day', () => {
  it('is the day before on Tuesday to Friday, and Friday on Saturday to Monday', () => {
    const day = (iso: string) => new Date(lastWorkingDayStart(Date.parse(iso))).toISOString().slice(0, 10);
    expect(day('2026-11-20T09:00:00Z')).toBe('2026-11-19');
    expect(day('2026-11-23T09:00:00Z')).toBe('2026-11-20');
    expect(day('2026-11-22T23:59:00Z')).toBe('2026-11-20');
    expect(day('2026-11-17T00:00:00Z')).toBe('2026-11-16');
  });
});

describe('the Scrum of Scrums board through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const board = async (user: string) => dataOf(await h.call('sos/getBoard', {}, user));
  const rowOf = (b: Awaited<ReturnType<typeof board>>, team: string) => {
    const row = b.teams.find((t) => t.team === team);
    if (!row) throw new Error(`no row for ${team}`);
    return row;
  };

  it('shows each team what blocks it, its Team-level impediments, its waits and its conflicts', async () => {
    const b = await board('cpo');
    expect(b.teams.map((t) => t.team)).toEqual(['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
    expect(rowOf(b, 'MOB').blockedItems).toEqual([
      expect.objectContaining({ key: 'MOB-45', reason: 'blocked', blockedBy: ['MOB-93'] }),
    ]);
    expect(rowOf(b, 'PAY').teamImpediments.map((i) => [i.key, i.daysAtLevel])).toEqual([['PAY-93', 1]]);
    expect(rowOf(b, 'CHK').teamImpediments).toEqual([
      expect.objectContaining({ key: 'CHK-93', breached: true }),
    ]);
    expect(rowOf(b, 'MOB').waitsFor).toContainEqual(
      expect.objectContaining({ prerequisite: 'PLAT-71', dependant: 'MOB-41', status: 'conflict' }),
    );
    expect(
      rowOf(b, 'PLAT')
        .conflictsCaused.map((w) => w.dependant)
        .sort(),
    ).toEqual(['MOB-41', 'PAY-42']);
    // The cycle's SRCH-55 -> PAY-55 is planned the wrong way round too.
    expect(
      rowOf(b, 'PAY')
        .conflictsSuffered.map((w) => w.prerequisite)
        .sort(),
    ).toEqual(['PLAT-81', 'SRCH-55']);
    expect(rowOf(b, 'CHK').waitedOnBy).toContainEqual(
      expect.objectContaining({ prerequisite: 'CHK-40', dependant: 'PAY-40', status: 'at-risk' }),
    );
    expect(b.programs).toEqual([
      expect.objectContaining({ program: b.programName, teams: 5, blockedItems: 1, teamImpediments: 2 }),
    ]);
    expect(b.programs[0]?.escalated.map((i) => i.key).sort()).toEqual([
      'CHK-94',
      'MOB-93',
      'PAY-94',
      'PLAT-93',
      'SRCH-93',
    ]);
  });

  it('counts "new since" from the last working day before any meeting was marked', async () => {
    const b = await board('cpo');
    // The demo's "now" is a Friday: since Thursday 00:00 UTC. PAY-93 reached Team a day ago.
    // No summary of Thursday is stored (the build summarised today only): team numbers are not compared.
    expect(b.since).toEqual({ at: '2026-11-19T00:00:00.000Z', basis: 'last-working-day', summaryDay: null });
    expect(b.baselineKnown).toBe(false);
    expect(rowOf(b, 'PAY').newSince).toEqual([{ key: 'PAY-93', what: 'raised at Team' }]);
    expect(rowOf(b, 'CHK').newSince).toEqual([]);
  });

  it('names nothing of a project the viewer may not browse', async () => {
    const b = await board('dev-mob');
    expect(b.teams.map((t) => t.team)).toEqual(['MOB']);
    expect(JSON.stringify(b)).not.toMatch(/\b(PAY|CHK|SRCH|PLAT)-\d+/);
    expect(rowOf(b, 'MOB').blockedItems.map((i) => i.key)).toEqual(['MOB-45']);
    expect(b.canMarkMeeting).toBe(false);
    expect((await board('outsider')).teams).toEqual([]);
  });

  it('lets only the SoS Master mark the meeting held, once per version', async () => {
    expect(await h.call('sos/markMeetingHeld', { baseVersion: 0 }, 'po-pay')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const mark = dataOf(await h.call('sos/markMeetingHeld', { baseVersion: 0 }, 'cpo'));
    expect(mark).toMatchObject({ version: 1, heldBy: { accountId: 'cpo' } });
    expect(await h.call('sos/markMeetingHeld', { baseVersion: 0 }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const b = await board('cpo');
    expect(b.since).toEqual({ at: mark.heldAt, basis: 'meeting', summaryDay: mark.heldAt?.slice(0, 10) });
    expect(b.teams.flatMap((t) => t.newSince)).toEqual([]);
  });

  it('raises an impediment that blocks the chosen items, once per request, and the board shows it as new', async () => {
    const before = h.emulator.state.issues.size;
    const first = dataOf(await h.call('impediment/raise', raise(['PAY-59', 'PAY-60'], 'raise-pay-1'), 'cpo'));
    const again = dataOf(await h.call('impediment/raise', raise(['PAY-59', 'PAY-60'], 'raise-pay-1'), 'cpo'));
    expect(first).toMatchObject({ outcome: 'created', level: 'Team', blocks: ['PAY-59', 'PAY-60'] });
    expect(again).toMatchObject({ outcome: 'already-created', issueKey: first.issueKey });
    expect(h.emulator.state.issues.size).toBe(before + 1);
    const created = dataOf(await h.call('impediment/get', { issueKey: first.issueKey }, 'po-pay')).impediment;
    expect(created).toMatchObject({ level: 'Team', owner: null, resolved: false });
    expect(created?.history.map((m) => [m.action, m.to, m.reason])).toEqual([
      ['raise', 'Team', 'The sandbox is down since Tuesday'],
    ]);
    expect(h.emulator.state.issueByKeyOrId(first.issueKey)?.fields.assignee).toEqual({ accountId: 'po-pay' });

    await h.buildSnapshot();
    const pay = rowOf(await board('po-pay'), 'PAY');
    expect(pay.blockedItems.map((i) => [i.key, i.blockedBy])).toEqual([
      ['PAY-59', [first.issueKey]],
      ['PAY-60', [first.issueKey]],
    ]);
    expect(pay.newSince).toEqual(
      expect.arrayContaining([
        { key: first.issueKey, what: 'raised at Team' },
        { key: 'PAY-59', what: `blocked by ${first.issueKey}` },
      ]),
    );
  });

  it('refuses a bad owner, an item the user may not see and items of two teams, naming the field', async () => {
    expect(
      await h.call('impediment/raise', raise(['MOB-60'], 'raise-bad-1', 'nobody'), 'dev-mob'),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD', field: 'owner' },
    });
    expect(await h.call('impediment/raise', raise(['PAY-59'], 'raise-bad-2'), 'dev-mob')).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD', field: 'blocks', message: expect.stringContaining('PAY-59') },
    });
    expect(await h.call('impediment/raise', raise(['PAY-59', 'CHK-59'], 'raise-bad-3'), 'cpo')).toMatchObject(
      {
        ok: false,
        error: { code: 'BAD_PAYLOAD', field: 'blocks' },
      },
    );
    expect(
      await h.call('impediment/raise', { ...raise(['PAY-59'], 'raise-bad-4'), reason: '' }, 'cpo'),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD', field: 'reason' },
    });
  });
});

describe('the Scrum of Scrums board and issue security', () => {
  let h: Harness;
  beforeAll(async () => {
    // CHK-93 (a Team impediment) under the demo's security level, which po-pay is not a member of.
    const dataset = demoProgram();
    const secured = dataset.issues.find((i) => i.key === 'CHK-93');
    const level = DEMO_FACTS.securedIssue.level;
    if (secured)
      secured.fields.security = { self: `${SITE_URL}/rest/api/3/securitylevel/${level.id}`, ...level };
    h = await startHarness(dataset);
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('leaves out an issue its security level hides from the viewer, and counts it', async () => {
    const chk = (user: string) => h.call('sos/getBoard', {}, user).then(dataOf);
    const poPay = await chk('po-pay');
    expect(JSON.stringify(poPay)).not.toContain('CHK-93');
    expect(poPay.hiddenIssueCount).toBeGreaterThan(0);
    expect(poPay.teams.find((t) => t.team === 'CHK')?.teamImpediments).toEqual([]);
    expect((await chk('cpo')).teams.find((t) => t.team === 'CHK')?.teamImpediments.map((i) => i.key)).toEqual(
      ['CHK-93'],
    );
  });
});

describe("a flagged item's first escalation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(legacySiteProgram());
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const escalate = (requestId: string) => ({
    issueKey: LEGACY_FACTS.flagged,
    reason: 'The team cannot unblock it alone',
    requestId,
    expectedVersion: 0,
  });

  it('creates an Impediment issue that blocks the flagged item, escalated one level, once', async () => {
    const first = dataOf(await h.call('impediment/escalate', escalate('flag-esc-1'), 'admin'));
    expect(first.outcome).toBe('applied');
    expect(first.impediment).toMatchObject({ level: 'Scrum of Scrums', resolved: false });
    expect(first.impediment.history.map((m) => [m.action, m.from, m.to])).toEqual([
      ['raise', null, 'Team'],
      ['escalate', 'Team', 'Scrum of Scrums'],
    ]);
    const again = dataOf(await h.call('impediment/escalate', escalate('flag-esc-1'), 'admin'));
    expect(again).toMatchObject({
      outcome: 'already-applied',
      impediment: { issueKey: first.impediment.issueKey },
    });

    await h.buildSnapshot();
    const leg = dataOf(await h.call('sos/getBoard', {}, 'admin')).teams.find((t) => t.team === 'LEG');
    // The flag's Impediment issue is now the impediment: the item is blocked by it, not counted twice.
    expect(leg?.blockedItems).toEqual([
      expect.objectContaining({
        key: LEGACY_FACTS.flagged,
        reason: 'blocked',
        blockedBy: [first.impediment.issueKey],
      }),
    ]);
    expect(await h.call('impediment/escalate', escalate('flag-esc-3'), 'admin')).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD', field: 'issueKey' },
    });
  });

  it('refuses to escalate an item that is neither an impediment nor flagged', async () => {
    expect(
      await h.call('impediment/escalate', { ...escalate('flag-esc-2'), issueKey: 'LEG-2' }, 'admin'),
    ).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', field: 'issueKey' } });
  });
});

describe('escalate on the board is offered only to whom Jira lets escalate', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const user = (accountId: string) => {
    const found = h.emulator.state.users.find((u) => u.accountId === accountId);
    if (!found) throw new Error(`no ${accountId} in the demo`);
    return found;
  };
  const rights = async (accountId: string) => {
    forgetEscalateRights();
    const board = dataOf(await h.call('sos/getBoard', {}, accountId));
    return new Map(
      board.teams.flatMap((t) => [
        ...t.teamImpediments.map((i) => [i.key, i.escalate] as const),
        ...t.blockedItems.flatMap((b) => (b.escalate ? [[b.key, b.escalate] as const] : [])),
      ]),
    );
  };
  const escalate = (issueKey: string, accountId: string) =>
    h.call(
      'impediment/escalate',
      { issueKey, reason: 'The team cannot solve it', requestId: `rights-${issueKey}`, expectedVersion: 1 },
      accountId,
    );

  it('po-pay, who may browse CHK but not edit it, sees CHK-93’s escalate disabled, as the resolver refuses it', async () => {
    expect((await rights('po-pay')).get('CHK-93')).toEqual({ allowed: true, reason: null });
    user('po-pay').edit = ['PAY'];
    try {
      const now = await rights('po-pay');
      expect(now.get('PAY-93')).toEqual({ allowed: true, reason: null });
      expect(now.get('CHK-93')).toEqual({
        allowed: false,
        reason: 'You need the Edit issues and Add comments permissions on CHK-93 to escalate it.',
      });
      expect(await escalate('CHK-93', 'po-pay')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', missingPermission: { permission: 'EDIT_ISSUES', issueKey: 'CHK-93' } },
      });
    } finally {
      delete user('po-pay').edit;
    }
  });

  it('dev-mob, who may edit MOB but not comment, sees MOB’s escalate disabled with the reason', async () => {
    const raised = dataOf(
      await h.call(
        'impediment/raise',
        {
          blocks: ['MOB-59'],
          summary: 'Test devices are all booked',
          reason: 'Nobody can test on a real phone this week',
          owner: 'dev-mob',
          requestId: 'rights-raise-mob',
        },
        'dev-mob',
      ),
    );
    await h.buildSnapshot();
    expect((await rights('dev-mob')).get(raised.issueKey)).toEqual({ allowed: true, reason: null });
    const permissions = user('dev-mob').permissions ?? {};
    user('dev-mob').permissions = { ...permissions, ADD_COMMENTS: [] };
    try {
      expect((await rights('dev-mob')).get(raised.issueKey)).toEqual({
        allowed: false,
        reason: `You need the Add comments permission on ${raised.issueKey} to escalate it.`,
      });
      expect(await escalate(raised.issueKey, 'dev-mob')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', missingPermission: { permission: 'ADD_COMMENTS' } },
      });
    } finally {
      user('dev-mob').permissions = permissions;
    }
  });

  it('asks Jira once per user and analysis within a minute, in one batched request', async () => {
    forgetEscalateRights();
    const checks = () => h.exchanges.filter((e) => e.path === '/rest/api/3/permissions/check').length;
    await h.call('sos/getBoard', {}, 'cpo');
    const first = checks();
    await h.call('sos/getBoard', {}, 'cpo');
    expect(checks()).toBe(first);
  });
});
