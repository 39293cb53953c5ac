import { readSlipAlerts, writeSlipAlerts } from '../../src/storage/slip-alerts';
import { HIDDEN_ISSUE } from '../../src/shared/cycle-wording';
import { dataOf, startHarness, type Harness } from './harness';

/** The panel's forecast column and slip alerts through Forge dispatch, on the demo program. */
describe('panel forecast and slip alerts through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  const allRows = async (user: string, query: object = {}) =>
    dataOf(await h.call('panel/getBoard', { pageSize: 100, ...query }, user)).rows;

  it('gives every epic the stored forecast, with the same numbers as the gadget', async () => {
    const rows = await allRows('cpo');
    const steering = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    expect(steering.forecast.epics.length).toBeGreaterThan(0);
    for (const { key, ...gadget } of steering.forecast.epics)
      expect(rows.find((r) => r.key === key)?.forecast).toEqual(gadget);
    expect(rows.every((r) => r.forecast !== null)).toBe(true);
    expect(rows.filter((r) => r.forecast?.p85Date).length).toBeGreaterThan(0);
    // The cycle's epics cannot be forecast, and say why.
    const inCycle = rows.filter((r) => r.inCycle);
    expect(inCycle.length).toBeGreaterThan(0);
    for (const r of inCycle) expect(r.forecast?.unforecastable).toMatch(/cycle/);
  });

  it('redacts the issues a reason names that the user may not see', async () => {
    const rows = await allRows('po-pay');
    const reasons = rows.flatMap((r) => (r.forecast?.unforecastable ? [r.forecast.unforecastable] : []));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(' ')).not.toMatch(/\b(SRCH|PLAT|MOB)-\d+/);
    expect(reasons.join(' ')).not.toMatch(/\bCHK-8\b/);
    expect(reasons.some((r) => r.includes(HIDDEN_ISSUE))).toBe(true);
  });

  it('sorts by the P85 date on the server, earliest first, the unforecastable last either way', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const rows = await allRows('cpo', { sort: 'forecast', order });
      const dated = rows.filter((r) => r.forecast?.p85Date).map((r) => r.forecast?.p85Date ?? '');
      const sorted = [...dated].sort();
      expect(dated).toEqual(order === 'asc' ? sorted : sorted.reverse());
      const firstUnforecastable = rows.findIndex((r) => r.forecast?.unforecastable);
      expect(firstUnforecastable).toBeGreaterThan(0);
      expect(rows.slice(firstUnforecastable).every((r) => r.forecast?.p85Date === null)).toBe(true);
    }
  });

  it('exports the P50 and P85 dates in the CSV', async () => {
    const file = dataOf(await h.call('panel/exportCsv', { sort: 'forecast' }, 'cpo'));
    const [header, first] = file.csv.split('\r\n');
    expect(header).toMatch(/"Forecast P50","Forecast P85"$/);
    const rows = await allRows('cpo', { sort: 'forecast' });
    const f = rows[0]?.forecast;
    expect(first).toMatch(new RegExp(`"${f?.p50Date ?? 'none'}","${f?.p85Date ?? 'none'}"$`));
  });

  it('shows the open slip alerts the user may see, the same the gadget shows', async () => {
    const alert = (id: string, key: string, prerequisite: string | null) => ({
      id,
      kind: prerequisite === null ? ('epic-due' as const) : ('dependency' as const),
      key,
      prerequisite,
      detail: `${key} slipped`,
      raisedAt: '2026-11-20T09:00:00.000Z',
      resolvedAt: null,
    });
    const current = await h.forge.runAsApp(() => readSlipAlerts());
    const open = [alert('a1', 'MOB-41', 'PLAT-3'), alert('a2', 'MOB-1', null), alert('a3', 'PAY-2', null)];
    const written = await h.forge.runAsApp(() =>
      writeSlipAlerts(current?.version ?? 0, { seen: current?.body.seen ?? [], open, resolved: [] }),
    );
    expect(written).toBe(true);
    const board = dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'cpo'));
    const steering = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    expect(board.slipAlerts).toEqual(open);
    expect(board.slipAlerts).toEqual(steering.alerts.open);
    // Mo sees MOB only: not the alert whose prerequisite is in PLAT, nor PAY's.
    const mo = dataOf(await h.call('panel/getBoard', { pageSize: 5 }, 'dev-mob'));
    expect(mo.slipAlerts.map((a) => a.id)).toEqual(['a2']);
  });
});
