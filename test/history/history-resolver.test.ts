import { seedDemoHistory } from '../../dev/preview/demo-history';
import { clock } from '../../src/clock';
import { dayOf } from '../../src/domain/history/history-days';
import { readHistoryIndex } from '../../src/storage/history-store';
import { CURRENT_PROGRAM_ID } from '../../src/storage/keys';
import { onDailyHistory } from '../../src/index';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

const sum = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0);

describe('gadget/getHistory through Forge dispatch on the demo program', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
    await h.forge.runAsApp(() => seedDemoHistory(clock()));
  });
  afterAll(() => h.close());

  it('keeps today’s summary after the first analysis of the day, once', async () => {
    const index = await h.forge.runAsApp(() => readHistoryIndex(CURRENT_PROGRAM_ID));
    expect(index?.body.days).toContain(dayOf(clock()));
    expect(index?.body.days).toHaveLength(9);
    const version = index?.version;
    // A second analysis (and the daily trigger) the same day writes nothing.
    await h.buildSnapshot();
    await h.forge.runAsApp(() => onDailyHistory());
    expect((await h.forge.runAsApp(() => readHistoryIndex(CURRENT_PROGRAM_ID)))?.version).toBe(version);
  });

  it('shows now the numbers the gadget shows, per team and for the program', async () => {
    const steering = dataOf(await h.call('gadget/getSteering', { config: {} }, 'cpo'));
    const history = dataOf(await h.call('gadget/getHistory', { config: {} }, 'cpo'));
    expect(history.points[0]).toEqual({ weeksAgo: 0, day: dayOf(clock()) });
    expect(history.levels).toEqual(steering.impediments.perLevel.map((l) => l.level));
    const now = new Map(history.teams.map((t) => [t.team, t.series[0]]));
    expect([...now.keys()]).toEqual(steering.horizons.map((t) => t.team).sort());
    for (const t of steering.horizons) {
      const point = now.get(t.team);
      const cells = steering.matrix.cells;
      expect({ team: t.team, ...point }).toEqual({
        team: t.team,
        horizonSprints: t.horizonSprints,
        velocity: t.velocity,
        readyShare: Math.round((t.readyItems / t.backlogItems) * 1000) / 1000,
        conflictsSuffered: sum(cells.filter((c) => c.needs === t.team).map((c) => c.conflicts)),
        conflictsCaused: sum(cells.filter((c) => c.provides === t.team).map((c) => c.conflicts)),
        impediments: point?.impediments,
      });
    }
    const program = history.program?.series[0];
    expect(program?.cycles).toBe(steering.cycles.length);
    expect(program?.impediments).toEqual(steering.impediments.perLevel.map((l) => l.open));
    expect(history.topEpics.map((e) => e.key)).toEqual(steering.topEpics.map((e) => e.key));
    console.log(JSON.stringify(history, null, 1).slice(0, 3000));
  });
});
