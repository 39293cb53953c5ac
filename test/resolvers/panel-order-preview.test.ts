import { useClock } from '../../src/clock';
import { DEMO_NOW_MS, pinAppClock } from '../doubles/pinned-clock';
import * as snapshotStore from '../../src/storage/snapshot-store';
import { dataOf, startHarness, type Harness } from './harness';

/** The reorder preview (issue 13) through Forge dispatch, on the demo program. */
describe('panel/previewOrder: how epic forecasts would change under a proposed order', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  /** The user's visible epics in the current MetaScrum order, with their stored forecast. */
  const boardOrder = async (user: string) =>
    dataOf(await h.call('panel/getBoard', { pageSize: 100, sort: 'rank' }, user)).rows;

  it('moves the epic put on top earlier or equal, and every other epic later or equal', async () => {
    const rows = await boardOrder('cpo');
    // The Payments epic forecast last: nothing in other teams waits for Payments' epics outside the cycle.
    const pay = rows.filter((r) => r.team === 'PAY' && r.forecast?.p85Date);
    const moved = [...pay].sort((a, b) =>
      (b.forecast?.p85Date ?? '').localeCompare(a.forecast?.p85Date ?? ''),
    )[0];
    if (!moved) throw new Error('the demo program has no forecastable Payments epic');
    const order = [moved.key, ...rows.map((r) => r.key).filter((k) => k !== moved.key)];
    const preview = dataOf(await h.call('panel/previewOrder', { order }, 'cpo'));

    expect(preview.trials).toBe(300);
    expect(preview.epics.map((e) => e.key)).toEqual(order);
    const top = preview.epics[0];
    expect(top?.proposedRank).toBe(1);
    expect(top?.currentRank).toBe(rows.findIndex((r) => r.key === moved.key) + 1);
    expect((top?.proposedP85Date ?? '') <= (top?.currentP85Date ?? '')).toBe(true);
    for (const e of preview.epics.slice(1))
      if (e.currentP85Date !== null && e.proposedP85Date !== null)
        expect({ key: e.key, later: e.proposedP85Date >= e.currentP85Date }).toEqual({
          key: e.key,
          later: true,
        });
    // It is a real run: the order changes something, and the current order changes nothing.
    expect(preview.epics.some((e) => e.proposedP85Date !== e.currentP85Date)).toBe(true);
    const same = dataOf(await h.call('panel/previewOrder', { order: rows.map((r) => r.key) }, 'cpo'));
    expect(same.epics.every((e) => e.proposedP85Date === e.currentP85Date)).toBe(true);
    expect(same.epics.every((e) => e.proposedPOnTime === e.currentPOnTime)).toBe(true);
  });

  it('never names an epic po-pay may not see, in the answer or in an error', async () => {
    const rows = await boardOrder('po-pay');
    const order = rows.map((r) => r.key).reverse();
    const reply = await h.call('panel/previewOrder', { order }, 'po-pay');
    const preview = dataOf(reply);
    expect(preview.epics.map((e) => e.key).sort()).toEqual([...order].sort());
    const text = JSON.stringify(reply);
    expect(text).not.toMatch(/\b(SRCH|PLAT|MOB)-\d+/);
    expect(text).not.toMatch(/\bCHK-8\b/);

    const hidden = await h.call('panel/previewOrder', { order: ['CHK-8', ...order] }, 'po-pay');
    expect(hidden).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'order.0' }),
    });
    expect(JSON.stringify(hidden)).not.toMatch(/CHK-8/);
  });

  it.each([
    ['no order', {}, 'order'],
    ['an empty order', { order: [] }, 'order'],
    ['a key that is not an issue key', { order: ['not a key'] }, 'order.0'],
    ['an epic listed twice', { order: ['PAY-1', 'PAY-1'] }, 'order.1'],
    ['a story', { order: ['PAY-1', 'PAY-20'] }, 'order.1'],
    ['2,001 keys', { order: Array.from({ length: 2001 }, (_, i) => `PAY-${i + 1}`) }, 'order'],
    ['an unknown field', { order: ['PAY-1'], extra: true }, 'extra'],
  ])('refuses %s, naming the field', async (_name, payload, field) => {
    const reply = await h.call('panel/previewOrder', payload, 'cpo');
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('BAD_PAYLOAD');
    expect(reply.error.field).toBe(field);
  });

  it('stops with TIMED_OUT when the first run shows both would not fit the time budget', async () => {
    const order = (await boardOrder('cpo')).map((r) => r.key);
    // A clock that jumps 4 s at every read: the first forecast run "takes" longer than the budget allows.
    let reads = 0;
    useClock(() => DEMO_NOW_MS + 4_000 * reads++);
    try {
      const reply = await h.call('panel/previewOrder', { order }, 'cpo');
      expect(reply).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'TIMED_OUT',
          message: expect.stringMatching(/reorder preview/),
        }),
      });
    } finally {
      pinAppClock();
    }
  });

  it('reads the stored forecast basis on the next click, not the whole snapshot again', async () => {
    h.forge.kvs.clear();
    await h.buildSnapshot();
    const order = (await boardOrder('cpo')).map((r) => r.key).reverse();
    const chunkReads = jest.spyOn(snapshotStore, 'readChunks');
    const readsOf = async () => {
      chunkReads.mockClear();
      const before = h.forge.kvsUsage.readUnits;
      const preview = dataOf(await h.call('panel/previewOrder', { order }, 'cpo'));
      return { units: h.forge.kvsUsage.readUnits - before, chunks: chunkReads.mock.calls.length, preview };
    };
    const first = await readsOf();
    const second = await readsOf();
    chunkReads.mockRestore();
    expect(first.chunks).toBeGreaterThan(0);
    expect(second.chunks).toBe(0);
    expect(second.units).toBeLessThan(first.units);
    // The same answer from the stored basis as from the snapshot.
    expect(second.preview).toEqual(first.preview);
  });

  it('builds a new basis when the program’s config changes (teams and forecast settings live there)', async () => {
    const order = (await boardOrder('cpo')).map((r) => r.key);
    dataOf(await h.call('panel/previewOrder', { order }, 'cpo'));
    const settings = dataOf(await h.call('admin/getConfig', {}, 'admin'));
    const config = { ...settings.config, forecast: { ...settings.config.forecast, sampleSprints: 2 } };
    dataOf(await h.call('admin/saveConfig', { config, baseVersion: settings.version ?? 0 }, 'admin'));
    const chunkReads = jest.spyOn(snapshotStore, 'readChunks');
    const preview = dataOf(await h.call('panel/previewOrder', { order }, 'cpo'));
    // Built from the snapshot again.
    expect(chunkReads).toHaveBeenCalled();
    chunkReads.mockRestore();
    expect(preview.epics.length).toBeGreaterThan(0);
  });
});
