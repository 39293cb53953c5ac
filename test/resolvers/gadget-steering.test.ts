import { join } from 'node:path';
import { parseReportArgs } from '../../dev/report/cli-args';
import { runReport } from '../../dev/report/main';
import { dataOf, startHarness, type Harness } from './harness';

const DEMO = join(__dirname, '../../dev/data/demo-program.json');

/** The report CLI's cadence advice on the demo dataset at `now` (the engine on the same data). */
async function reportCadence(now: string): Promise<unknown> {
  const report: unknown = JSON.parse(await runReport(parseReportArgs(['--data', DEMO, '--now', now], {})));
  return typeof report === 'object' && report !== null && 'cadence' in report ? report.cadence : undefined;
}

/** The report CLI's epic forecasts on the demo dataset at `now`, by key. */
async function reportEpicForecasts(now: string): Promise<Map<string, unknown>> {
  const report: unknown = JSON.parse(await runReport(parseReportArgs(['--data', DEMO, '--now', now], {})));
  const forecast =
    typeof report === 'object' && report !== null && 'forecast' in report ? report.forecast : {};
  const epics =
    typeof forecast === 'object' && forecast !== null && 'epics' in forecast ? forecast.epics : [];
  const byKey = new Map<string, unknown>();
  const list: unknown[] = Array.isArray(epics) ? epics : [];
  for (const e of list)
    if (typeof e === 'object' && e !== null && 'key' in e && typeof e.key === 'string') byKey.set(e.key, e);
  return byKey;
}

describe('gadget/getSteering through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('answers the three steering questions and the cadence advice of the demo program', async () => {
    const s = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    expect(s.sections).toEqual(['now', 'going', 'stopping', 'cadence']);
    expect(s.horizons.map((t) => t.horizonSprints)).toEqual([2.68, 2.92, 2.9, 2.96, 3.06]);
    expect(s.topEpics).toHaveLength(10);
    expect(s.matrix.cells).toContainEqual({ needs: 'MOB', provides: 'PLAT', dependencies: 2, conflicts: 1 });
    expect(s.cycles).toEqual([
      { keys: ['CHK-55', 'PAY-55', 'SRCH-55'], path: ['CHK-55', 'SRCH-55', 'PAY-55', 'CHK-55'], hidden: 0 },
    ]);
    // Recent escalations count, so the advice depends on when the analysis ran: the engine at that time.
    expect(await reportCadence(s.analysis.computedAt ?? '')).toMatchObject({ advice: s.cadence.advice });
    expect(s.cadence.factors).toHaveLength(3);
    expect(s.impediments.perLevel.map((l) => l.level)).toEqual([
      'Team',
      'Scrum of Scrums',
      'Scrum of Scrums of Scrums',
      'Executive Action Team',
    ]);
  });

  it('forecasts the top epics with the same numbers as the report, and draws the fan of every epic', async () => {
    const s = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    expect(s.forecast.epics.map((e) => e.key)).toEqual(s.topEpics.map((e) => e.key));
    const report = await reportEpicForecasts(s.analysis.computedAt ?? '');
    expect(s.forecast.epics.filter((e) => e.p50Date !== null).length).toBeGreaterThan(0);
    for (const e of s.forecast.epics) {
      const { key, p50Date, p85Date, dueDate, pOnTime, unforecastable } = e;
      expect(report.get(key)).toMatchObject({ key, p50Date, p85Date, dueDate, pOnTime, unforecastable });
    }
    const last = s.forecast.burnUp[s.forecast.burnUp.length - 1];
    expect(last?.p50).toBeLessThanOrEqual(s.forecast.epicCount);
    expect(s.forecast.burnUp.every((p) => p.p95 <= p.p85 && p.p85 <= p.p50)).toBe(true);
    // The first analysis is the alerts' baseline: nothing has slipped since.
    expect(s.alerts.open).toEqual([]);
  });

  it('narrows to the configured teams and keeps the chosen sections and refresh interval', async () => {
    const config = {
      projectKeys: ['PAY'],
      sections: ['now' as const],
      refreshMinutes: 15,
      title: 'Payments',
    };
    const s = dataOf(await h.call('gadget/getSteering', { config }, 'cpo'));
    expect(s.horizons.map((t) => t.team)).toEqual(['PAY']);
    expect(s.sections).toEqual(['now']);
    expect(s.refreshMinutes).toBe(15);
    expect(s.title).toBe('Payments');
    // The gadget's scope is not the user's permission: the cpo may see every member of the cycle.
    expect(s.cycles).toEqual([
      { keys: ['CHK-55', 'PAY-55', 'SRCH-55'], path: ['CHK-55', 'SRCH-55', 'PAY-55', 'CHK-55'], hidden: 0 },
    ]);
  });

  it('advises the cadence on the projects the gadget counts, not the whole program', async () => {
    const load = (s: { cadence: { factors: Array<{ name: string; value: number | null }> } }) =>
      s.cadence.factors.find((f) => f.name === 'open load')?.value;
    const whole = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    for (const projectKeys of [['PAY'], ['PAY', 'CHK']]) {
      const s = dataOf(await h.call('gadget/getSteering', { config: { projectKeys } }, 'cpo'));
      // The load is what the gadget lists: its open impediments and flags, and the dependencies between its teams.
      const impediments = s.impediments.perLevel.reduce((n, l) => n + l.open, 0);
      const dependencies = s.matrix.cells.reduce(
        (n, c) => n + (c.needs === c.provides ? 0 : c.dependencies),
        0,
      );
      expect(load(s)).toBe(impediments + dependencies);
      expect(load(s)).toBeLessThan(load(whole) ?? 0);
    }
  });

  it('refuses a project key that is not one of the program, naming config.projectKeys', async () => {
    const answer = await h.call('gadget/getSteering', { config: { projectKeys: ['PAY', 'NOPE'] } }, 'cpo');
    expect(answer).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'BAD_PAYLOAD',
        field: 'config.projectKeys',
        message: 'config.projectKeys: NOPE is not a project of this program',
      }),
    });
  });

  it('cannot widen what a user may see through its configuration', async () => {
    const s = dataOf(
      await h.call('gadget/getSteering', { config: { projectKeys: ['PAY', 'MOB'] } }, 'dev-mob'),
    );
    expect(s.horizons.map((t) => t.team)).toEqual(['MOB']);
    expect(JSON.stringify(s)).not.toMatch(/"PAY-\d+"/);
  });

  it('redacts by the user’s permission, not by the gadget’s scope: reasons and alerts name what the user may see', async () => {
    const outsidePay = /\b(CHK|SRCH|MOB|PLAT)-\d+/;
    let namedOutside = 0;
    for (const user of ['cpo', 'po-pay']) {
      const whole = dataOf(await h.call('gadget/getSteering', { config: {} }, user));
      const scoped = dataOf(await h.call('gadget/getSteering', { config: { projectKeys: ['PAY'] } }, user));
      const reasons = (s: typeof whole) => new Map(s.topEpics.map((e) => [e.key, e.moveReason]));
      const forecastReasons = (s: typeof whole) =>
        new Map(s.forecast.epics.map((e) => [e.key, e.unforecastable]));
      for (const e of scoped.topEpics) {
        expect(e.moveReason).toBe(reasons(whole).get(e.key) ?? e.moveReason);
        expect(e.forecast?.unforecastable ?? null).toBe(
          whole.topEpics.find((w) => w.key === e.key)?.forecast?.unforecastable ?? null,
        );
        if (outsidePay.test(e.moveReason ?? '')) namedOutside += 1;
      }
      for (const e of scoped.forecast.epics) {
        if (forecastReasons(whole).has(e.key))
          expect(e.unforecastable).toBe(forecastReasons(whole).get(e.key));
        if (outsidePay.test(e.unforecastable ?? '')) namedOutside += 1;
      }
      // Every alert of the whole view that touches PAY is listed by the PAY gadget, with both sides named.
      const touchesPay = (a: { key: string; prerequisite: string | null }) =>
        a.key.startsWith('PAY-') || (a.prerequisite?.startsWith('PAY-') ?? false);
      expect(scoped.alerts.open).toEqual(whole.alerts.open.filter(touchesPay));
      namedOutside += scoped.alerts.open.filter((a) =>
        outsidePay.test(`${a.key} ${a.prerequisite ?? ''}`),
      ).length;
      // po-pay may browse CHK but not PLAT: the narrowing names CHK, never PLAT.
      if (user === 'po-pay') expect(JSON.stringify(scoped)).not.toMatch(/"PLAT-\d+"|PLAT-\d+ \(/);
    }
    // The demo's PAY epics are held back by (and alert about) other teams' work: the test has something to see.
    expect(namedOutside).toBeGreaterThan(0);
  });

  it('names the invalid refresh interval', async () => {
    expect(await h.call('gadget/getSteering', { config: { refreshMinutes: -1 } }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'config.refreshMinutes' }),
    });
  });
});
