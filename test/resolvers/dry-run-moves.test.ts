import { dataOf, startHarness, type Harness } from './harness';

/**
 * A dry run's moves (issue 13: "previewing a reorder, before saving"): the panel collects moves without
 * saving them, previews their forecast, then saves them with `panel/applyMoves` as one change of the
 * order, on the version the user saw.
 */
describe('panel/applyMoves: a dry run saved as one change', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.forge.kvs.clear();
    await h.buildSnapshot();
  });
  const board = async () => dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo'));

  it('applies the moves in turn as one new version with one line of history, and re-analyses', async () => {
    const before = await board();
    const moves = [
      { key: 'CHK-3', to: 'top' },
      // Names CHK-3 as placed by the move before it.
      { key: 'PAY-1', to: 'after', anchor: 'CHK-3' },
      { key: 'PLAT-1', to: 'bottom' },
    ];
    const order = dataOf(
      await h.call('panel/applyMoves', { moves, baseVersion: before.order.version }, 'cpo'),
    );
    expect(order).toMatchObject({
      version: before.order.version + 1,
      source: 'explicit',
      change: 'moved CHK-3 to the top; moved PAY-1 below CHK-3; moved PLAT-1 to the bottom',
    });
    expect(order.changedBy?.accountId).toBe('cpo');
    const rest = before.rows.map((r) => r.key).filter((k) => !['CHK-3', 'PAY-1', 'PLAT-1'].includes(k));
    await h.deliverQueue();
    const after = await board();
    expect(after.rows.map((r) => r.key)).toEqual(['CHK-3', 'PAY-1', ...rest, 'PLAT-1']);
    expect(after.analysis.state).toBe('ready');
  });

  it('refuses a draft made on an older order with CONFLICT and the current order, saving nothing', async () => {
    const before = await board();
    const first = dataOf(
      await h.call('panel/moveEpic', { key: 'PAY-2', to: 'top', baseVersion: before.order.version }, 'admin'),
    );
    const reply = await h.call(
      'panel/applyMoves',
      { moves: [{ key: 'CHK-3', to: 'top' }], baseVersion: before.order.version },
      'cpo',
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'CONFLICT',
        currentOrder: expect.objectContaining({ version: first.version }),
      }),
    });
    expect((await board()).rows[0]?.key).toBe('PAY-2');
  });

  it('names the move and field that cannot be made, and saves none of them', async () => {
    const before = await board();
    const reply = await h.call(
      'panel/applyMoves',
      {
        moves: [
          { key: 'CHK-3', to: 'top' },
          { key: 'PAY-1', to: 'before', anchor: 'PAY-999' },
        ],
        baseVersion: before.order.version,
      },
      'cpo',
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'moves.1.anchor' }),
    });
    expect((await board()).rows.map((r) => r.key)).toEqual(before.rows.map((r) => r.key));
    expect(
      await h.call('panel/applyMoves', { moves: [{ key: 'PAY-1', to: 'after' }], baseVersion: 0 }, 'cpo'),
    ).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'moves.0.anchor' }),
    });
    expect(await h.call('panel/applyMoves', { moves: [], baseVersion: 0 }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'moves' }),
    });
    const many = Array.from({ length: 51 }, () => ({ key: 'PAY-1', to: 'top' }));
    expect(await h.call('panel/applyMoves', { moves: many, baseVersion: 0 }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'moves' }),
    });
  });

  it('refuses a dry run from someone who cannot see every team', async () => {
    const reply = await h.call(
      'panel/applyMoves',
      { moves: [{ key: 'PAY-1', to: 'top' }], baseVersion: 0 },
      'po-pay',
    );
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
  });
});
