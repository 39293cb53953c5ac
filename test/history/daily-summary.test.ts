import { dailySummary, TOP_EPICS, type SummaryInputs } from '../../src/domain/history/daily-summary';

const input: SummaryInputs = {
  day: '2026-11-30',
  computedAt: '2026-11-30T08:00:00.000Z',
  teams: [
    { team: 'PAY', velocity: 20, horizonSprints: 2.5, readyItems: 3, backlogItems: 4 },
    { team: 'MOB', velocity: null, horizonSprints: null, readyItems: 0, backlogItems: 0 },
  ],
  matrix: [
    { needs: 'MOB', provides: 'PLAT', conflicts: 2 },
    { needs: 'PAY', provides: 'PLAT', conflicts: 1 },
    { needs: 'PLAT', provides: 'PAY', conflicts: 0 },
  ],
  levels: ['Team', 'Scrum of Scrums'],
  impediments: [
    { team: 'PAY', level: 'Team' },
    { team: 'PAY', level: 'Scrum of Scrums' },
    { team: 'SRCH', level: 'Team' },
    { team: null, level: 'Team' },
  ],
  cycles: 1,
  criticalPathLength: 4,
  epics: Array.from({ length: 12 }, (_, i) => ({ key: `PAY-${100 - i}`, position: 12 - i })),
  forecasts: [{ key: 'PAY-89', p85Sprint: 3, p85Date: '2027-01-12' }],
};

describe('the daily summary', () => {
  const summary = dailySummary(input);

  it('has one row per team of the horizons, the matrix and the impediments, by name', () => {
    expect(summary.teams.map((t) => t.team)).toEqual(['MOB', 'PAY', 'PLAT', 'SRCH']);
  });

  it('counts conflicts suffered by the needing team and caused by the providing team', () => {
    const by = new Map(summary.teams.map((t) => [t.team, t]));
    expect([by.get('MOB')?.conflictsSuffered, by.get('PLAT')?.conflictsCaused]).toEqual([2, 3]);
    expect([by.get('PAY')?.conflictsSuffered, by.get('PAY')?.conflictsCaused]).toEqual([1, 0]);
  });

  it('keeps horizon, velocity and the ready share, null where the team has no backlog', () => {
    const pay = summary.teams.find((t) => t.team === 'PAY');
    const mob = summary.teams.find((t) => t.team === 'MOB');
    expect(pay).toMatchObject({ horizonSprints: 2.5, velocity: 20, readyShare: 0.75, impediments: [1, 1] });
    expect(mob).toMatchObject({
      horizonSprints: null,
      velocity: null,
      readyShare: null,
      impediments: [0, 0],
    });
  });

  it('counts every open impediment per level for the program, those without a team included', () => {
    expect(summary.program).toMatchObject({ cycles: 1, criticalPathLength: 4, impediments: [3, 1] });
  });

  it('lists the top epics in MetaScrum order with their P85, null when not forecast', () => {
    expect(summary.program.topEpics).toHaveLength(TOP_EPICS);
    expect(summary.program.topEpics[0]).toEqual({
      key: 'PAY-89',
      position: 1,
      p85Sprint: 3,
      p85Date: '2027-01-12',
    });
    expect(summary.program.topEpics[1]).toEqual({
      key: 'PAY-90',
      position: 2,
      p85Sprint: null,
      p85Date: null,
    });
  });
});
