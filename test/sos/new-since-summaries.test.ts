/**
 * The Scrum of Scrums board's "new since" uses the daily summaries (issue 14, item 5): without a
 * meeting mark it compares each team's numbers with the last working day's summary; with a mark it
 * keeps its baseline of items and compares with the summary that covers the meeting.
 */
import { clock } from '../../src/clock';
import { dayOf } from '../../src/domain/history/history-days';
import { teamChanges } from '../../src/domain/sos/summary-changes';
import { lastWorkingDayStart } from '../../src/domain/sos/working-day';
import { readHistoryDays, storeDailySummary } from '../../src/storage/history-store';
import { CURRENT_PROGRAM_ID } from '../../src/storage/keys';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

const team = (over: Partial<Parameters<typeof teamChanges>[0]['team'] & object> = {}) => ({
  team: 'PAY',
  horizonSprints: 2.5,
  readyShare: 0.5,
  velocity: 20,
  conflictsSuffered: 1,
  conflictsCaused: 0,
  impediments: [1, 0],
  ...over,
});

describe('a team’s changes between two summaries', () => {
  it('says each changed number in words, and nothing when nothing changed', () => {
    const levels = ['Team', 'Scrum of Scrums'];
    expect(teamChanges({ levels, team: team() }, { levels, team: team() })).toEqual([]);
    expect(
      teamChanges(
        { levels, team: team() },
        {
          levels,
          team: team({ conflictsSuffered: 3, impediments: [0, 1], horizonSprints: 1.84, readyShare: 0.4 }),
        },
      ),
    ).toEqual([
      'conflicts suffered 1 → 3',
      'open impediments at Team 1 → 0',
      'open impediments at Scrum of Scrums 0 → 1',
      'ready horizon 2.5 → 1.8 sprints',
      'ready share 50% → 40%',
    ]);
  });

  it('counts a level only one side’s ladder has as 0 on the other, and a new team from nothing', () => {
    expect(
      teamChanges(
        { levels: ['Team'], team: team({ impediments: [2] }) },
        { levels: ['Squad'], team: team({ impediments: [2] }) },
      ),
    ).toEqual(['open impediments at Squad 0 → 2', 'open impediments at Team 2 → 0']);
    expect(
      teamChanges(
        { levels: ['Team'], team: undefined },
        { levels: ['Team'], team: team({ impediments: [0] }) },
      ),
    ).toEqual(['conflicts suffered 0 → 1', 'ready horizon unknown → 2.5 sprints', 'ready share none → 50%']);
  });
});

describe('the Scrum of Scrums board against the daily summaries', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const board = async () => dataOf(await h.call('sos/getBoard', {}, 'cpo'));
  const today = () => dayOf(clock());

  it('compares nothing while no summary covers the last working day', async () => {
    await h.buildSnapshot();
    const b = await board();
    expect(b.since.summaryDay).toBeNull();
    expect(b.teams.every((t) => t.changesSince.length === 0)).toBe(true);
  });

  it('without a meeting mark, compares each team with the last working day’s summary', async () => {
    const [now] = await readHistoryDays(CURRENT_PROGRAM_ID, [today()]);
    if (!now) throw new Error('the build stored no summary of today');
    const mob = now.teams.find((t) => t.team === 'MOB');
    if (!mob) throw new Error('no MOB in the summary');
    const lastDay = dayOf(lastWorkingDayStart(clock()));
    const before = {
      ...now,
      day: lastDay,
      computedAt: `${lastDay}T09:00:00.000Z`,
      teams: now.teams.map((t) =>
        t.team === 'MOB'
          ? { ...t, conflictsSuffered: t.conflictsSuffered + 2, conflictsCaused: t.conflictsCaused }
          : t,
      ),
    };
    expect((await storeDailySummary(CURRENT_PROGRAM_ID, before, today())).status).toBe('written');
    const b = await board();
    expect(b.since).toMatchObject({ basis: 'last-working-day', summaryDay: lastDay });
    expect(b.teams.find((t) => t.team === 'MOB')?.changesSince).toEqual([
      `conflicts suffered ${mob.conflictsSuffered + 2} → ${mob.conflictsSuffered}`,
    ]);
    expect(b.teams.filter((t) => t.team !== 'MOB').every((t) => t.changesSince.length === 0)).toBe(true);
  });

  it('with a meeting mark, compares with the newest summary computed before the meeting', async () => {
    dataOf(await h.call('sos/markMeetingHeld', { baseVersion: 0 }, 'cpo'));
    const b = await board();
    expect(b.since).toMatchObject({ basis: 'meeting', summaryDay: today() });
    // Today's summary holds the numbers the board shows now: nothing changed since the meeting.
    expect(b.teams.every((t) => t.changesSince.length === 0)).toBe(true);
  });
});
