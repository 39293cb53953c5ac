import { seedDemoHistory } from '../../dev/preview/demo-history';
import { clock } from '../../src/clock';
import { addDays, DAY_MS, dayOf } from '../../src/domain/history/history-days';
import { partsOf, readAnalysisManifest, readParts } from '../../src/storage/analysis-store';
import { forecastEntryOf, ForecastRecordSchema } from '../../src/storage/forecast-schema';
import { readHistoryDays, readHistoryIndex } from '../../src/storage/history-store';
import { CURRENT_PROGRAM_ID } from '../../src/storage/keys';
import { onDailyHistory } from '../../src/index';
import { pinAppClock } from '../doubles/pinned-clock';
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
    // P85 as the consumer stored the forecast beside the analysis.
    const forecasts = await h.forge.runAsApp(async () => {
      const manifest = await readAnalysisManifest();
      if (!manifest) throw new Error('no analysis');
      return readParts(partsOf(manifest, 'forecast-epics'), ForecastRecordSchema);
    });
    const p85 = new Map(forecasts.map(forecastEntryOf).map((f) => [f.key, [f.p85Sprint, f.p85Date]]));
    expect(history.topEpics.some((e) => e.series[0]?.p85Date)).toBe(true);
    for (const e of history.topEpics)
      expect([e.key, e.series[0]?.p85Sprint, e.series[0]?.p85Date]).toEqual([
        e.key,
        ...(p85.get(e.key) ?? [null, null]),
      ]);
  });

  it('compares with 2, 4 and 8 weeks ago from the seeded demo history, labelled as demo', async () => {
    const history = dataOf(await h.call('gadget/getHistory', { config: {} }, 'cpo'));
    expect(history.demo).toBe(true);
    expect(history.points.map((p) => p.day)).toEqual(
      history.points.map((p) => addDays(dayOf(clock()), -7 * p.weeksAgo)),
    );
    for (const t of history.teams) expect(t.series.every((p) => p !== null)).toBe(true);
    // The demo's own past (issues created and resolved since, sprints since closed), not today repeated.
    const horizons = history.teams.flatMap((t) => t.series.map((p) => p?.horizonSprints));
    expect(new Set(horizons).size).toBeGreaterThan(history.teams.length);
    expect(history.program?.series.every((p) => p !== null)).toBe(true);
  });

  it('shows each viewer only the teams and epics of projects they may browse, program numbers to none but who sees all', async () => {
    const visible = { 'po-pay': ['CHK', 'PAY'], 'dev-mob': ['MOB'], outsider: [] } as const;
    for (const [user, teams] of Object.entries(visible)) {
      const history = dataOf(await h.call('gadget/getHistory', { config: {} }, user));
      expect({ user, teams: history.teams.map((t) => t.team), program: history.program }).toEqual({
        user,
        teams,
        program: null,
      });
      expect(history.topEpics.every((e) => teams.some((p) => e.key.startsWith(`${p}-`)))).toBe(true);
    }
    const narrowed = dataOf(
      await h.call('gadget/getHistory', { config: { projectKeys: ['PAY', 'MOB'] } }, 'dev-mob'),
    );
    expect(narrowed.teams.map((t) => t.team)).toEqual(['MOB']);
  });

  it('keeps a new day from the daily trigger when no analysis ran, and after the first analysis of a day', async () => {
    const today = dayOf(clock());
    try {
      pinAppClock(clock() + DAY_MS);
      await h.forge.runAsApp(() => onDailyHistory());
      const index = await h.forge.runAsApp(() => readHistoryIndex(CURRENT_PROGRAM_ID));
      expect(index?.body.days.at(-1)).toBe(addDays(today, 1));
      const [kept] = await h.forge.runAsApp(() => readHistoryDays(CURRENT_PROGRAM_ID, [addDays(today, 1)]));
      // The stored analysis of the day before, summarised as it stands.
      expect(kept?.computedAt.slice(0, 10)).toBe(today);
      pinAppClock(clock() + DAY_MS);
      await h.buildSnapshot();
      const after = await h.forge.runAsApp(() => readHistoryIndex(CURRENT_PROGRAM_ID));
      expect(after?.body.days.at(-1)).toBe(addDays(today, 2));
    } finally {
      pinAppClock();
    }
  });

  it('refuses an unknown payload key, naming it', async () => {
    const reply = await h.call('gadget/getHistory', { config: {}, weeks: 52 }, 'cpo');
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD', field: 'weeks' } });
  });
});
