import { dataOf, startHarness, type Harness } from '../resolvers/harness';

/**
 * The app refreshes its own writes: after a rank flow or a resolve it queues a refresh of exactly the
 * issues it changed (no `updated` search), and the views show the new state once the queue has run,
 * with nobody pressing Refresh.
 */
describe('the app refreshes its own writes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const queuedBodies = () =>
    h.forge.queue.flatMap((event) => {
      const pushed = event.payload;
      return typeof pushed === 'object' &&
        pushed !== null &&
        'payload' in pushed &&
        Array.isArray(pushed.payload)
        ? pushed.payload.map((p: unknown) =>
            typeof p === 'object' && p !== null && 'body' in p ? p.body : p,
          )
        : [];
    });
  const searchesSince = (from: number) =>
    h.exchanges.slice(from).filter((ex) => ex.path === '/rest/api/3/search/jql');

  it('after "Flow rank to teams" the panel no longer shows issues to move', async () => {
    const orderVersion = dataOf(await h.call('panel/getBoard', {}, 'cpo')).order.version;
    dataOf(await h.call('panel/acceptSuggestedOrder', { baseVersion: orderVersion }, 'cpo'));
    await h.deliverQueue();
    const before = dataOf(await h.call('panel/previewRankFlow', {}, 'cpo'));
    const toMove = before.teams.reduce((n, t) => n + t.moves, 0);
    expect(toMove).toBeGreaterThan(0);
    const applied = dataOf(
      await h.call('panel/applyRankFlow', { teams: before.teams.map((t) => t.team) }, 'cpo'),
    );
    const ranked = applied.teams.flatMap((t) => t.ranked);
    expect(ranked).toHaveLength(toMove);
    expect(queuedBodies()).toEqual([
      { reason: 'refresh', mode: 'incremental', issues: [...new Set(ranked)], programId: 'default' },
    ]);
    const from = h.exchanges.length;
    await h.deliverQueue();
    expect(searchesSince(from)).toEqual([]);
    const after = dataOf(await h.call('panel/previewRankFlow', {}, 'cpo'));
    expect(after.teams.reduce((n, t) => n + t.moves, 0)).toBe(0);
  });

  it('after a resolve the gadget no longer lists the impediment as open or breached', async () => {
    const steering = async () =>
      dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo')).impediments;
    const openAtTeam = async () => (await steering()).perLevel.find((l) => l.level === 'Team')?.open ?? 0;
    expect((await steering()).breaches.map((b) => b.key)).toContain('CHK-93');
    const teamBefore = await openAtTeam();
    const { impediment } = dataOf(await h.call('impediment/get', { issueKey: 'CHK-93' }, 'cpo'));
    const reply = dataOf(
      await h.call(
        'impediment/resolve',
        {
          issueKey: 'CHK-93',
          reason: 'Decided',
          requestId: 'req-chk-93-resolve',
          expectedVersion: impediment?.version ?? 0,
        },
        'cpo',
      ),
    );
    expect(reply.outcome).toBe('applied');
    expect(queuedBodies()).toEqual([
      { reason: 'refresh', mode: 'incremental', issues: ['CHK-93'], programId: 'default' },
    ]);
    await h.deliverQueue();
    expect((await steering()).breaches.map((b) => b.key)).not.toContain('CHK-93');
    expect(await openAtTeam()).toBe(teamBefore - 1);
  });
});
