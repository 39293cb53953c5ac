import { join } from 'node:path';
import { parseReportArgs } from '../../dev/report/cli-args';
import { runReport } from '../../dev/report/main';
import { dataOf, startHarness, type Harness } from './harness';

const DEMO = join(__dirname, '../../dev/data/demo-program.json');

/** The report CLI's forecast entries (items and epics) of the demo at `now`, by key. */
async function reportForecasts(now: string): Promise<Map<string, unknown>> {
  const report: unknown = JSON.parse(await runReport(parseReportArgs(['--data', DEMO, '--now', now], {})));
  const forecast =
    typeof report === 'object' && report !== null && 'forecast' in report ? report.forecast : {};
  const byKey = new Map<string, unknown>();
  for (const part of ['items', 'epics']) {
    const list: unknown =
      typeof forecast === 'object' && forecast !== null && part in forecast
        ? Object.entries(forecast).find(([k]) => k === part)?.[1]
        : [];
    const entries: unknown[] = Array.isArray(list) ? list : [];
    for (const e of entries)
      if (typeof e === 'object' && e !== null && 'key' in e && typeof e.key === 'string') byKey.set(e.key, e);
  }
  return byKey;
}

describe('the issue panel forecast through Forge dispatch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it.each([
    ['an item', 'PAY-40', 'CHK-40'],
    ['an epic', 'PAY-2', 'PLAT-81'],
  ])('gives %s the report’s forecast and the chain that drives it', async (_, key, driver) => {
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: key }, 'cpo'));
    const forecast = ctx.forecast;
    if (!forecast) throw new Error(`no forecast for ${key}`);
    const report = await reportForecasts(ctx.analysis.computedAt ?? '');
    const { p50Sprint, p85Sprint, p95Sprint, p50Date, p85Date, p95Date, dueDate, pOnTime, unforecastable } =
      forecast;
    expect(report.get(key)).toMatchObject({
      p50Sprint,
      p85Sprint,
      p95Sprint,
      p50Date,
      p85Date,
      p95Date,
      dueDate,
      pOnTime,
      unforecastable,
      drivenBy: [driver],
    });
    expect(forecast.drivenBy[0]?.key).toBe(driver);
    expect(report.get(driver)).toMatchObject({ p85Date: forecast.drivenBy[0]?.p85Date });
  });

  it('has no forecast for an issue that is not open backlog work', async () => {
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: 'CHK-93' }, 'cpo'));
    expect(ctx.forecast).toBeNull();
  });
});
