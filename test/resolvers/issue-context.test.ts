import { DEMO_FACTS } from '../../dev/emulator/demo/demo-facts';
import { dataOf, startHarness, type Harness } from './harness';

describe('issue/getContext through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('shows PAY-55 in the cycle with CHK-55 and SRCH-55, with each edge’s status and depth', async () => {
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: 'PAY-55' }, 'cpo'));
    expect(ctx.inCycle).toBe(true);
    expect(ctx.cycleWith).toEqual(['CHK-55', 'SRCH-55']);
    expect(ctx.cyclePath).toEqual(['PAY-55', 'CHK-55', 'SRCH-55', 'PAY-55']);
    expect(ctx.upstream.map((e) => [e.key, e.depth, e.status])).toEqual([
      ['SRCH-55', 1, 'conflict'],
      ['CHK-55', 2, 'at-risk'],
    ]);
    expect(ctx.downstream[0]).toMatchObject({ key: 'CHK-55', depth: 1, status: 'conflict', team: 'CHK' });
    expect(ctx.badge).toEqual({ conflicts: 2, blockers: 1 });
  });

  it('reads the cycle from the panel’s own issue, in dependency order, hiding what the user cannot see', async () => {
    const cpo = dataOf(await h.call('issue/getContext', { issueKey: 'SRCH-55' }, 'cpo'));
    expect(cpo.cyclePath).toEqual(['SRCH-55', 'PAY-55', 'CHK-55', 'SRCH-55']);
    const po = dataOf(await h.call('issue/getContext', { issueKey: 'PAY-55' }, 'po-pay'));
    expect(po.cyclePath).toEqual(['PAY-55', 'CHK-55', null, 'PAY-55']);
  });

  it('shows what an open impediment blocks and counts it among the blocked item’s open blockers', async () => {
    const [impediment, blocked] = DEMO_FACTS.impedimentBlocks;
    const imp = dataOf(await h.call('issue/getContext', { issueKey: impediment }, 'dev-mob'));
    expect(imp.impediments.blocks).toEqual([blocked]);
    const item = dataOf(await h.call('issue/getContext', { issueKey: blocked }, 'dev-mob'));
    expect(item.impediments.blockedBy).toEqual([impediment]);
    const failing = item.readiness?.rules.find((r) => r.id === 'no-open-impediment');
    expect(failing).toMatchObject({ pass: false, reason: `blocked by open impediment ${impediment}` });
    expect(item.badge.blockers).toBeGreaterThanOrEqual(1);
  });

  it('gives the readiness checklist with a reason for every rule', async () => {
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: 'PAY-59' }, 'cpo'));
    expect(ctx.readiness?.ready).toBe(false);
    const failing = ctx.readiness?.rules.filter((r) => !r.pass).map((r) => r.id);
    expect(failing).toEqual(['description']);
    expect(ctx.readiness?.rules.every((r) => r.reason.length > 0)).toBe(true);
  });

  it('shows CHK-40 as the at-risk prerequisite of PAY-40', async () => {
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: 'PAY-40' }, 'cpo'));
    expect(ctx.upstream).toContainEqual(
      expect.objectContaining({ key: 'CHK-40', status: 'at-risk', team: 'CHK' }),
    );
  });

  it('answers an issue outside every dependency from Jira, as the user (markup stays text)', async () => {
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: DEMO_FACTS.htmlSummaryKey }, 'cpo'));
    expect(ctx.issue.summary).toBe(DEMO_FACTS.htmlSummary);
  });

  it('counts, never names, the linked issues a user may not browse, and hides foreign issues', async () => {
    const [hidden, visible] = DEMO_FACTS.hiddenLinkForDevMob;
    const ctx = await h.call('issue/getContext', { issueKey: visible }, 'dev-mob');
    expect(JSON.stringify(ctx)).not.toContain(hidden);
    expect(ctx.ok && ctx.data.hiddenIssueCount).toBeGreaterThanOrEqual(1);
    const asCpo = dataOf(await h.call('issue/getContext', { issueKey: visible }, 'cpo'));
    expect([...asCpo.upstream, ...asCpo.downstream].map((e) => e.key)).toContain(hidden);
  });

  it('answers NOT_FOUND for an issue the user cannot browse, exactly as for one that does not exist', async () => {
    const hidden = await h.call('issue/getContext', { issueKey: 'PAY-55' }, 'dev-mob');
    const missing = await h.call('issue/getContext', { issueKey: 'PAY-99999' }, 'dev-mob');
    expect(hidden).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect(missing).toEqual(hidden);
  });

  it('does not count a relates-to link as a dependency', async () => {
    const [from, to] = DEMO_FACTS.relates;
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: from }, 'cpo'));
    expect([...ctx.upstream, ...ctx.downstream].map((e) => e.key)).not.toContain(to);
  });

  it.each([
    [{ issueKey: 'pay 55' }, 'issueKey'],
    [{ issueKey: 'PAY-1) OR key is not EMPTY' }, 'issueKey'],
    [{}, 'issueKey'],
  ])('refuses the payload %j naming the field %s', async (payload, field) => {
    expect(await h.call('issue/getContext', payload, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field }),
    });
  });
});

describe('issue/getContext for an issue outside the program', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.configureProgram('Payments and checkout', ['PAY', 'CHK']);
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('says a browsable issue of a project outside the program is not in this program', async () => {
    expect(await h.call('issue/getContext', { issueKey: 'MOB-45' }, 'cpo')).toEqual({
      ok: false,
      error: {
        code: 'NOT_IN_PROGRAM',
        message: 'MOB-45 is not in this program: project MOB is not one of its team projects.',
      },
    });
  });

  it('still answers NOT_FOUND, exactly as for a missing issue, when the user cannot browse it', async () => {
    const hidden = await h.call('issue/getContext', { issueKey: 'PAY-55' }, 'dev-mob');
    const missing = await h.call('issue/getContext', { issueKey: 'MOB-99999' }, 'dev-mob');
    expect(hidden).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect(missing).toEqual(hidden);
  });
});
