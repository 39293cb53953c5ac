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
    expect(s.cycles).toEqual([{ keys: ['PAY-55'], path: ['PAY-55', null, 'PAY-55'], hidden: 2 }]);
  });

  it('cannot widen what a user may see through its configuration', async () => {
    const s = dataOf(
      await h.call('gadget/getSteering', { config: { projectKeys: ['PAY', 'MOB'] } }, 'dev-mob'),
    );
    expect(s.horizons.map((t) => t.team)).toEqual(['MOB']);
    expect(JSON.stringify(s)).not.toMatch(/"PAY-\d+"/);
  });

  it('names the invalid refresh interval', async () => {
    expect(await h.call('gadget/getSteering', { config: { refreshMinutes: -1 } }, 'cpo')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_PAYLOAD', field: 'config.refreshMinutes' }),
    });
  });
});
