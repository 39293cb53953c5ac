import { DEMO_FACTS, DEMO_TEAMS } from '../../dev/emulator/demo/demo-facts';
import type { ResolverKey } from '../../src/shared/contract';
import { startHarness, type Harness } from '../resolvers/harness';

/** Who may browse what in the demo program (dev/emulator/DATASET.md). */
const BROWSES: Record<string, readonly string[]> = {
  admin: DEMO_TEAMS.map((t) => t.key),
  cpo: DEMO_TEAMS.map((t) => t.key),
  'po-pay': ['PAY', 'CHK'],
  'dev-mob': ['MOB'],
  outsider: [],
};
const PROJECTS = DEMO_TEAMS.map((t) => t.key);
const ISSUE_KEY = /\b([A-Z][A-Z0-9_]+)-\d+\b/g;

/** Every issue key in a reply, with its project. */
function projectsNamedIn(reply: unknown): string[] {
  return [...JSON.stringify(reply).matchAll(ISSUE_KEY)].map((m) => m[1] ?? '');
}

/** Every resolver with the payloads that exercise it, for one project of the matrix. */
function callsFor(project: string): Array<[ResolverKey, Record<string, unknown>]> {
  return [
    ['panel/getBoard', { pageSize: 100 }],
    ['panel/getBoard', { team: project, pageSize: 100 }],
    ['panel/exportCsv', {}],
    ['panel/getDependencyMap', {}],
    ['panel/getDependencyMap', { team: project }],
    ['panel/getAgenda', { limit: 100 }],
    ['panel/previewRankFlow', {}],
    ['panel/moveEpic', { key: `${project}-1`, to: 'bottom', baseVersion: 0 }],
    ['panel/acceptSuggestedMove', { key: `${project}-1`, baseVersion: 0 }],
    ['panel/applyMoves', { moves: [{ key: `${project}-1`, to: 'bottom' }], baseVersion: 0 }],
    ['panel/previewOrder', { order: [`${project}-8`, `${project}-1`] }],
    ['panel/previewOrder', { order: ['PAY-2', 'CHK-1', 'PAY-1'] }],
    ['gadget/getSteering', { config: {} }],
    ['gadget/getSteering', { config: { projectKeys: [project] } }],
    ['gadget/getHistory', { config: {} }],
    ['gadget/getHistory', { config: { projectKeys: [project] } }],
    ['issue/getContext', { issueKey: `${project}-1` }],
    ['issue/getContext', { issueKey: `${project}-40` }],
    ['issue/getContext', { issueKey: `${project}-41` }],
    ['issue/getContext', { issueKey: `${project}-55` }],
    ['issue/getContext', { issueKey: `${project}-71` }],
    ['admin/getConfig', {}],
    ['snapshot/getStatus', {}],
    ['snapshot/requestRefresh', {}],
    ['admin/getSettings', {}],
    ['admin/rebuildSnapshot', {}],
  ];
}

describe('permission matrix: every demo user x every project x every resolver', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // Every user x project x resolver in a few seconds: a burst of reads no installation's users make,
    // over Forge's 4,000 read units a minute. Quotas are tested in test/snapshot/storage-quota.test.ts.
    h.forge.quota.limits.kvsReadUnitsPerMinute = Number.POSITIVE_INFINITY;
    await h.configureProgram('Everything', PROJECTS);
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  describe.each(Object.keys(BROWSES))('as %s', (user) => {
    const allowed = new Set(BROWSES[user]);

    it.each(PROJECTS)('names no issue of a project it may not browse, asked about %s', async (project) => {
      for (const [key, payload] of callsFor(project)) {
        const reply = await h.call(key, payload, user);
        const leaked = projectsNamedIn(reply).filter((p) => !allowed.has(p));
        expect({ key, payload, leaked }).toEqual({ key, payload, leaked: [] });
        if (key === 'issue/getContext' && !allowed.has(project)) {
          expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
        }
        if (key.startsWith('admin/') && user !== 'admin') {
          expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
        }
      }
    });
  });

  it('counts, never shows, the hidden issue on dev-mob’s trail, and never names it in a reason', async () => {
    const [hidden, visible] = DEMO_FACTS.hiddenLinkForDevMob;
    const reply = await h.call('issue/getContext', { issueKey: visible }, 'dev-mob');
    expect(reply.ok).toBe(true);
    expect(JSON.stringify(reply)).not.toContain(hidden);
    expect(reply.ok && reply.data.hiddenIssueCount).toBeGreaterThanOrEqual(1);
    // The same issue for someone who browses every project: the link is there, nothing is hidden.
    const asCpo = await h.call('issue/getContext', { issueKey: visible }, 'cpo');
    expect(JSON.stringify(asCpo)).toContain(hidden);
    expect(asCpo.ok && asCpo.data.hiddenIssueCount).toBe(0);
  });

  it('hides an issue under a security level from a non-member who browses its project', async () => {
    const { key, members } = DEMO_FACTS.securedIssue;
    const named = new RegExp(`\\b${key}\\b`);
    const children = h.dataset.issues
      .filter((i) => JSON.stringify(i.fields.parent ?? null).includes(`"${key}"`))
      .map((i) => i.key);
    expect(children.length).toBeGreaterThan(0);
    const calls: Array<[ResolverKey, Record<string, unknown>]> = [
      ...callsFor('CHK'),
      ...callsFor('PAY'),
      ['issue/getContext', { issueKey: key }],
      ...children.map((child): [ResolverKey, Record<string, unknown>] => [
        'issue/getContext',
        { issueKey: child },
      ]),
    ];
    for (const [resolverKey, payload] of calls) {
      const reply = await h.call(resolverKey, payload, 'po-pay');
      expect({ resolverKey, payload, named: named.test(JSON.stringify(reply)) }).toEqual({
        resolverKey,
        payload,
        named: false,
      });
    }
    expect(await h.call('issue/getContext', { issueKey: key }, 'po-pay')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'NOT_FOUND' }),
    });
    const board = await h.call('panel/getBoard', { pageSize: 100 }, 'po-pay');
    const steering = await h.call('gadget/getSteering', { config: {} }, 'po-pay');
    expect(board.ok && board.data.hiddenIssueCount).toBe(1);
    expect(steering.ok && steering.data.hiddenIssueCount).toBe(1);
    // Members see it, and nothing is counted as hidden for them.
    for (const member of members) {
      const theirs = await h.call('panel/getBoard', { pageSize: 100 }, member);
      expect(theirs.ok && theirs.data.rows.map((r) => r.key)).toContain(key);
      expect(theirs.ok && theirs.data.hiddenIssueCount).toBe(0);
    }
  });

  it('lets only a user who sees every team reorder', async () => {
    for (const user of Object.keys(BROWSES)) {
      const reply = await h.call('panel/getBoard', {}, user);
      const can = reply.ok && reply.data.order.canReorder;
      expect({ user, can }).toEqual({ user, can: user === 'admin' || user === 'cpo' });
    }
  });

  it('shows admin and cpo every project, po-pay PAY and CHK, dev-mob MOB, outsider none', async () => {
    for (const [user, projects] of Object.entries(BROWSES)) {
      const reply = await h.call('panel/getBoard', {}, user);
      const teams = reply.ok ? reply.data.horizons.map((t) => t.team).sort() : ['error'];
      expect({ user, teams }).toEqual({ user, teams: [...projects].sort() });
    }
  });
});
