import { dataOf, startHarness, type Harness } from './harness';

/** The MetaScrum panel's keys through Forge dispatch, on the demo program's known answers. */
describe('panel board keys through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.forge.kvs.clear();
    await h.buildSnapshot();
  });

  it('pages the 40 open epics on the server, with each team’s horizon in the 2-4 band', async () => {
    const board = dataOf(await h.call('panel/getBoard', { page: 2, pageSize: 10 }, 'cpo'));
    expect(board.total).toBe(40);
    expect(board.rows.map((r) => r.rank)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(Object.fromEntries(board.horizons.map((t) => [t.team, [t.horizonSprints, t.status]]))).toEqual({
      CHK: [2.68, 'green'],
      MOB: [2.92, 'green'],
      PAY: [2.9, 'green'],
      PLAT: [2.96, 'green'],
      SRCH: [3.06, 'green'],
    });
    expect(board.band).toEqual({ minSprints: 2, maxSprints: 4 });
    expect(board.analysis.state).toBe('ready');
  });

  it('marks the PAY-2 above PLAT-1 inversion and explains PAY-2’s suggested move', async () => {
    const board = dataOf(await h.call('panel/getBoard', {}, 'cpo'));
    expect(board.suggestion.inversions).toContainEqual({ higher: 'PAY-2', lower: 'PLAT-1', inCycle: false });
    expect(board.rows.find((r) => r.key === 'PAY-2')?.inversion).toBe(true);
    expect(board.suggestion.moves.find((m) => m.key === 'PAY-2')?.reason).toContain('waits for PLAT-1');
  });

  it('sorts and filters on the server: conflicts only, WSJF descending, one team', async () => {
    const board = dataOf(
      await h.call('panel/getBoard', { conflictsOnly: true, sort: 'wsjf', order: 'desc' }, 'cpo'),
    );
    expect(board.rows.every((r) => r.conflicts > 0 || r.inCycle)).toBe(true);
    const wsjf = board.rows.map((r) => r.wsjf ?? -Infinity);
    expect(wsjf).toEqual([...wsjf].sort((a, b) => b - a));
    const plat = dataOf(await h.call('panel/getBoard', { team: 'PLAT' }, 'cpo'));
    expect(new Set(plat.rows.map((r) => r.team))).toEqual(new Set(['PLAT']));
    expect(plat.rows.find((r) => r.key === 'PLAT-8')?.wsjfProblem).toContain('job size');
  });

  const orderVersion = async () =>
    dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'cpo')).order.version;

  it('records nothing for a move that changes nothing (up on rank 1)', async () => {
    const first = dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'cpo')).rows[0]?.key ?? '';
    const baseVersion = await orderVersion();
    const order = dataOf(await h.call('panel/moveEpic', { key: first, to: 'top', baseVersion }, 'cpo'));
    expect(order).toMatchObject({ source: 'jira-rank', changedBy: null, change: null });
  });

  it('says how many more not-ready items the agenda holds beyond its limit', async () => {
    const agenda = dataOf(await h.call('panel/getAgenda', { limit: 5 }, 'cpo'));
    const all = dataOf(await h.call('panel/getAgenda', { limit: 100 }, 'cpo'));
    expect(agenda.items).toHaveLength(5);
    expect(agenda.more).toBe(all.items.length + all.more - 5);
    expect(agenda.more).toBeGreaterThan(0);
  });

  it('persists a move as the MetaScrum order with who and when, and re-analyses', async () => {
    const order = dataOf(
      await h.call('panel/moveEpic', { key: 'CHK-3', to: 'top', baseVersion: await orderVersion() }, 'cpo'),
    );
    expect(order).toMatchObject({ source: 'explicit', change: 'moved CHK-3 to the top' });
    expect(order.changedBy?.accountId).toBe('cpo');
    const next = dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'admin'));
    expect(next.rows[0]?.key).toBe('CHK-3');
    const moved = await h.call(
      'panel/moveEpic',
      { key: 'PAY-1', to: 'before', anchor: 'CHK-3', baseVersion: order.version },
      'cpo',
    );
    expect(dataOf(moved).version).toBe(order.version + 1);
    await h.deliverQueue();
    const after = dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'admin'));
    expect(after.rows.slice(0, 2).map((r) => r.key)).toEqual(['PAY-1', 'CHK-3']);
    expect(after.analysis.state).toBe('ready');
  });

  it('accepts the suggested order in one action', async () => {
    const before = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo'));
    const suggested = [...before.rows].sort((a, b) => a.suggestedRank - b.suggestedRank).map((r) => r.key);
    dataOf(await h.call('panel/acceptSuggestedOrder', { baseVersion: before.order.version }, 'cpo'));
    const after = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo'));
    expect(after.rows.map((r) => r.key)).toEqual(suggested);
    expect(after.order.change).toBe('accepted the suggested order');
  });

  it('accepts one suggested move on its own, on the order version seen, and refuses it on an older one', async () => {
    await h.deliverQueue();
    const before = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo'));
    const move = before.suggestion.moves[0];
    if (!move) throw new Error('the demo suggests no move');
    const rest = before.rows.map((r) => r.key).filter((k) => k !== move.key);
    const order = dataOf(
      await h.call('panel/acceptSuggestedMove', { key: move.key, baseVersion: before.order.version }, 'cpo'),
    );
    expect(order.version).toBe(before.order.version + 1);
    expect(order.change).toBe(`accepted the suggested move of ${move.key} to rank ${move.to}`);
    const after = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo'));
    // Only that epic moved: to its suggested rank, everything else in the same order.
    expect(after.rows.find((r) => r.key === move.key)?.rank).toBe(move.to);
    expect(after.rows.map((r) => r.key).filter((k) => k !== move.key)).toEqual(rest);
    // The same accept again, on the version it was made on: refused, with the order as it is now.
    expect(
      await h.call('panel/acceptSuggestedMove', { key: move.key, baseVersion: before.order.version }, 'cpo'),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'CONFLICT',
        currentOrder: expect.objectContaining({ version: order.version }),
      }),
    });
    expect(
      await h.call('panel/acceptSuggestedMove', { key: move.key, baseVersion: order.version }, 'po-pay'),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'FORBIDDEN' }),
    });
    await h.deliverQueue();
    expect(
      await h.call('panel/acceptSuggestedMove', { key: 'PAY-999', baseVersion: order.version }, 'cpo'),
    ).toEqual({ ok: false, error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'key' }) });
  });

  it('refuses a reorder from someone who cannot see every team', async () => {
    const reply = await h.call('panel/moveEpic', { key: 'PAY-1', to: 'top', baseVersion: 0 }, 'po-pay');
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const board = dataOf(await h.call('panel/getBoard', {}, 'po-pay'));
    expect(board.order.canReorder).toBe(false);
  });

  it('names the field of a bad move: a missing anchor, an unknown epic', async () => {
    const baseVersion = await orderVersion();
    expect(await h.call('panel/moveEpic', { key: 'PAY-1', to: 'before', baseVersion }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'anchor' }),
    });
    expect(await h.call('panel/moveEpic', { key: 'PAY-999', to: 'top', baseVersion }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'key' }),
    });
    expect(await h.call('panel/getBoard', { pageSize: 1000 }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'pageSize' }),
    });
  });

  it('exports the filtered, sorted epics as CSV', async () => {
    const file = dataOf(await h.call('panel/exportCsv', { team: 'PAY' }, 'cpo'));
    const lines = file.csv.trim().split('\r\n');
    expect(lines[0]).toContain('"MetaScrum rank","Key","Summary"');
    expect(lines).toHaveLength(9);
    expect(file.rows).toBe(8);
    expect(file.filename).toMatch(/^metascrum-epics-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('draws the epic map with the cycle’s epics marked and conflict edges', async () => {
    const map = dataOf(await h.call('panel/getDependencyMap', {}, 'cpo'));
    const cycle = map.nodes
      .filter((n) => n.inCycle)
      .map((n) => n.key)
      .sort();
    expect(cycle).toEqual(['CHK-7', 'PAY-7', 'SRCH-7']);
    expect(map.edges.filter((e) => e.status === 'conflict').length).toBeGreaterThan(0);
    const mob = dataOf(await h.call('panel/getDependencyMap', { team: 'MOB' }, 'cpo'));
    expect(mob.edges.every((e) => e.to.startsWith('MOB-') || e.from.startsWith('MOB-'))).toBe(true);
  });

  it('lists not-ready items in rank order with their failing rules', async () => {
    const agenda = dataOf(await h.call('panel/getAgenda', { limit: 10 }, 'cpo'));
    expect(agenda.items).toHaveLength(10);
    expect(agenda.items.every((i) => i.failing.length > 0)).toBe(true);
    const ranks = agenda.items.map((i) => i.epicRank ?? Infinity);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await h.call('panel/getAgenda', { limit: 0 }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'limit' }),
    });
    // "Show all": every item the agenda keeps, in one answer the UI pages.
    const all = dataOf(await h.call('panel/getAgenda', { limit: 300 }, 'cpo'));
    expect(all.more).toBe(0);
    expect(all.items.length).toBeGreaterThan(25);
    expect(await h.call('panel/getAgenda', { limit: 301 }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ field: 'limit', message: 'limit: must be at most 300' }),
    });
  });

  it('previews rank moves per team and applies them as the user, refusing first what Jira would refuse', async () => {
    await h.call('panel/acceptSuggestedOrder', { baseVersion: await orderVersion() }, 'cpo');
    await h.deliverQueue();
    const preview = dataOf(await h.call('panel/previewRankFlow', {}, 'cpo'));
    const team = preview.teams.find((t) => t.operations.length > 0);
    expect(team).toBeDefined();
    if (!team) return;
    const cpo = h.emulator.state.users.find((u) => u.accountId === 'cpo');
    if (!cpo) throw new Error('no cpo in the demo');
    cpo.edit = []; // cpo may browse every project but, for now, rank none: checked before any call
    const refused = await h.call('panel/applyRankFlow', { teams: [team.team] }, 'cpo');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    delete cpo.edit;
    const applied = dataOf(await h.call('panel/applyRankFlow', { teams: [team.team] }, 'cpo'));
    expect(applied.teams[0]?.failed).toEqual([]);
    expect(applied.teams[0]?.ranked).toHaveLength(team.moves);
    expect(await h.call('panel/applyRankFlow', { teams: ['NOPE'] }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'teams.0' }),
    });
  });
});

describe('two people reordering at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.configureProgram('Payments', ['PAY', 'CHK', 'SRCH', 'MOB', 'PLAT']);
    await h.buildSnapshot();
  });
  afterEach(() => h.forge.setKvsDelay(undefined));
  afterAll(() => h.close());

  it('saves exactly one of two moves made on the same version; the other gets CONFLICT with the current order', async () => {
    h.forge.setKvsDelay(() => Math.random() * 40);
    for (let round = 0; round < 6; round++) {
      const board = dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'cpo'));
      const base = board.order.version;
      // Two epics below the top, so both moves really change the order (a move that changes nothing
      // records nothing and needs no version).
      const [third, fourth] = board.rows.slice(2, 4).map((r) => r.key);
      const replies = await Promise.all([
        h.call('panel/moveEpic', { key: third ?? '', to: 'top', baseVersion: base }, 'cpo'),
        h.call('panel/moveEpic', { key: fourth ?? '', to: 'top', baseVersion: base }, 'admin'),
      ]);
      const saved = replies.filter((r) => r.ok);
      const refused = replies.flatMap((r) => (r.ok ? [] : [r.error]));
      expect(saved).toHaveLength(1);
      expect(refused).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
      expect(refused[0]?.currentOrder?.version).toBe(base + 1);
    }
  }, 20_000);

  it('refuses a move repeated on the version it was made on, so "three clicks" move it once', async () => {
    const board = dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'cpo'));
    const base = board.order.version;
    const [first, , , fourth] = board.rows.map((r) => r.key);
    const move = { key: fourth ?? '', to: 'before', anchor: first ?? '', baseVersion: base } as const;
    expect((await h.call('panel/moveEpic', move, 'cpo')).ok).toBe(true);
    expect(await h.call('panel/moveEpic', move, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'CONFLICT' }),
    });
    expect(dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'cpo')).order.version).toBe(base + 1);
  });
});
