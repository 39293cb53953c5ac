/**
 * The history's storage budget and its compare-and-set, on the real @forge/kvs client against the
 * Forge double (which refuses values over 240 KiB and transactions over 25 operations, as Forge does).
 */
import { addDays, dayNumber, KEEP_DAYS } from '../../src/domain/history/history-days';
import { byteLength } from '../../src/storage/chunk-writer';
import type { StoredDailySummary } from '../../src/storage/history-schema';
import {
  fitSummary,
  readHistoryDays,
  readHistoryIndex,
  storeDailySummary,
  unitsOf,
} from '../../src/storage/history-store';
import { HISTORY_PREFIX } from '../../src/storage/keys';
import { installForgeRuntime, type ForgeRuntimeDouble } from '../doubles/forge-runtime';

const LEVELS = ['Team', 'Scrum of Scrums', 'Scrum of Scrums of Scrums', 'Executive Action Team'];
const TODAY = '2026-11-30';

/** A summary of `teams` teams named `nameLength` characters long, with every number filled in. */
function summaryOf(day: string, teams: number, nameLength = 6): StoredDailySummary {
  return {
    day,
    computedAt: `${day}T08:00:00.000Z`,
    source: 'analysis',
    levels: LEVELS,
    omittedTeams: 0,
    teams: Array.from({ length: teams }, (_, i) => ({
      team: `T${String(i).padStart(nameLength - 1, '0')}`,
      horizonSprints: 2.68 + i / 100,
      readyShare: 0.829,
      velocity: 47.33,
      conflictsSuffered: 12,
      conflictsCaused: 3,
      impediments: [1, 2, 0, 1],
    })),
    program: {
      cycles: 3,
      criticalPathLength: 14,
      impediments: [10, 4, 2, 1],
      topEpics: Array.from({ length: 10 }, (_, i) => ({
        key: `PLATFORM-${1000 + i}`,
        position: i + 1,
        p85Sprint: 4,
        p85Date: '2027-02-14',
      })),
    },
  };
}

describe('the history in storage', () => {
  let forge: ForgeRuntimeDouble;
  beforeEach(() => {
    forge = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9' });
  });
  afterEach(() => forge.uninstall());

  it('costs 1 write unit for a day of up to 60 teams, 2 for 100, and stays under the value limit at 1,000', () => {
    expect(unitsOf(summaryOf(TODAY, 5))).toBe(1);
    expect(unitsOf(summaryOf(TODAY, 60))).toBe(1);
    expect(unitsOf(summaryOf(TODAY, 100))).toBe(2);
    const thousand = summaryOf(TODAY, 1000);
    expect(byteLength(thousand)).toBeLessThan(200 * 1024);
    expect(fitSummary(thousand)).toBe(thousand);
  });

  it('drops teams from the end of a summary over the value limit, and says how many', async () => {
    const huge = summaryOf(TODAY, 1000, 255);
    expect(byteLength(huge)).toBeGreaterThan(240 * 1024);
    const fitted = fitSummary(huge);
    expect(byteLength(fitted)).toBeLessThanOrEqual(200 * 1024);
    expect(fitted.omittedTeams + fitted.teams.length).toBe(1000);
    expect(fitted.program).toEqual(huge.program);
    await expect(storeDailySummary('default', huge, TODAY)).resolves.toMatchObject({ status: 'written' });
  });

  it('keeps 400+ days in about 115 values, at most 4 write units a day for 60 teams (the day, the index, 2 deletions)', async () => {
    const start = addDays(TODAY, -600);
    const units: number[] = [];
    for (let i = 0; i <= 600; i++) {
      const day = addDays(start, i);
      const written = await storeDailySummary('default', summaryOf(day, 60), day);
      if (written.status !== 'written') throw new Error(`${day}: ${written.status}`);
      units.push(written.writeUnits);
    }
    const index = await readHistoryIndex('default');
    const days = index?.body.days ?? [];
    const stored = forge.kvs.keys().filter((k) => k.startsWith(`${HISTORY_PREFIX}default:day:`));
    // The index names exactly the days stored: thinning deletes in the same transaction.
    expect(stored.map((k) => k.slice(-10)).sort()).toEqual(days);
    expect(dayNumber(TODAY) - dayNumber(days[0] ?? TODAY)).toBeGreaterThanOrEqual(400);
    expect(days.length).toBeLessThanOrEqual(115);
    // In the steady state (after 420 days): one day thinned every day, one dropped a week.
    const steady = units.slice(KEEP_DAYS);
    expect(Math.max(...units)).toBe(4);
    expect(steady.reduce((n, u) => n + u, 0) / steady.length).toBeLessThan(3.2);
    const bytes = stored.length * byteLength(summaryOf(TODAY, 60));
    expect(bytes).toBeLessThan(115 * 10 * 1024);
  });

  it('writes a day once: of two concurrent writers exactly one stores it, the other finds it stored', async () => {
    forge.setKvsDelay(() => Math.random() * 40);
    for (let round = 0; round < 10; round++) {
      const day = addDays(TODAY, -round);
      const outcomes = await Promise.all([
        storeDailySummary('default', summaryOf(day, 5), TODAY),
        storeDailySummary('default', { ...summaryOf(day, 6), computedAt: 'other' }, TODAY),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['exists', 'written']);
    }
    forge.setKvsDelay(undefined);
    const days = (await readHistoryIndex('default'))?.body.days ?? [];
    expect(days).toHaveLength(10);
    expect(await readHistoryDays('default', days)).toHaveLength(10);
  });

  it('keeps programs apart by the program id in every key', async () => {
    await storeDailySummary('default', summaryOf(TODAY, 5), TODAY);
    await storeDailySummary('other', summaryOf(TODAY, 7), TODAY);
    const [a, b] = await Promise.all([
      readHistoryDays('default', [TODAY]),
      readHistoryDays('other', [TODAY]),
    ]);
    expect([a[0]?.teams.length, b[0]?.teams.length]).toEqual([5, 7]);
  });

  it('refuses to store a day older than what the history keeps', async () => {
    await expect(
      storeDailySummary('default', summaryOf(addDays(TODAY, -500), 5), TODAY),
    ).resolves.toMatchObject({ status: 'too-old' });
  });
});
