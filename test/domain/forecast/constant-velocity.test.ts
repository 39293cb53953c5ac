import { dayAfterNow, forecastOf, team } from './forecast-fixtures';

// Team A: 14-day sprints, the active one from NOW-4d to NOW+10d (sprint 1), 10 points every sprint.
const A = { key: 'A', board: 1, cadenceDays: 14, completed: [10, 10, 10], activeStartDay: -4 };

describe('forecast with constant velocity', () => {
  const { active } = team(A);
  const { forecast } = forecastOf(
    [A],
    [
      { key: 'A-20', type: 'Epic', rank: 'a' },
      { key: 'A-1', parent: 'A-20', points: 5, rank: 'b' },
      { key: 'A-2', parent: 'A-20', points: 8, rank: 'c' },
      { key: 'A-3', parent: 'A-20', points: 10, rank: 'd' },
      // Last by rank, but in the active sprint: worked first.
      { key: 'A-4', parent: 'A-20', points: 3, rank: 'e', sprints: [active] },
    ],
  );
  const item = (key: string) => forecast.items.find((i) => i.key === key);

  it('gives every percentile the exact sprint the capacity reaches each item in', () => {
    // Sprint 1: A-4 (3), A-1 (5), 2 of A-2. Sprint 2: A-2's last 6, 4 of A-3. Sprint 3: A-3's last 6.
    expect([1, 1, 2, 3]).toEqual(['A-4', 'A-1', 'A-2', 'A-3'].map((k) => item(k)?.p50Sprint));
    for (const key of ['A-1', 'A-2', 'A-3', 'A-4']) {
      const entry = item(key);
      expect(entry?.p85Sprint).toBe(entry?.p50Sprint);
      expect(entry?.p95Sprint).toBe(entry?.p50Sprint);
    }
  });

  it('dates each sprint at its UTC end: the active sprint, then projected ones at the cadence', () => {
    expect(item('A-1')?.p50Date).toBe(dayAfterNow(10));
    expect(item('A-2')?.p85Date).toBe(dayAfterNow(24));
    expect(item('A-3')?.p95Date).toBe(dayAfterNow(38));
  });

  it('completes the epic with its last open child', () => {
    const epic = forecast.epics.find((e) => e.key === 'A-20');
    expect(epic).toMatchObject({
      p50Sprint: 3,
      p95Sprint: 3,
      p50Date: dayAfterNow(38),
      unforecastable: null,
    });
  });

  it('reports the team basis: samples, cadence and the end of sprint 1', () => {
    expect(forecast.teams).toEqual([
      {
        team: 'A',
        capacitySamples: [10, 10, 10],
        cadenceDays: 14,
        knownSprints: 1,
        sprint1End: dayAfterNow(10),
        unforecastable: null,
      },
    ]);
  });

  it('gives P(on time) only with a due date, from duedate or else the earliest fix version', () => {
    const { forecast: dated } = forecastOf(
      [A],
      [
        { key: 'A-1', points: 10, rank: 'a', due: dayAfterNow(10) },
        { key: 'A-2', points: 10, rank: 'b', fixVersionReleases: [dayAfterNow(30), dayAfterNow(23)] },
        { key: 'A-3', points: 10, rank: 'c' },
      ],
    );
    const byKey = new Map(dated.items.map((i) => [i.key, i]));
    expect(byKey.get('A-1')).toMatchObject({ dueDate: dayAfterNow(10), pOnTime: 1 });
    // A-2 ends in sprint 2 (NOW+24d), a day after its earliest release.
    expect(byKey.get('A-2')).toMatchObject({ dueDate: dayAfterNow(23), pOnTime: 0 });
    expect(byKey.get('A-3')).toMatchObject({ dueDate: null, pOnTime: null });
  });

  it('sizes an unestimated item at the team median and flags it', () => {
    const { forecast: sized } = forecastOf(
      [A],
      [
        { key: 'A-1', points: 4, rank: 'a' },
        { key: 'A-2', rank: 'b' },
        { key: 'A-3', points: 3, rank: 'c' },
      ],
    );
    // Estimated backlog items of A: 10, 10, 10 (done), 4, 3 -> median 10. 4 + 10 > 10: A-2 ends in sprint 2.
    const a2 = sized.items.find((i) => i.key === 'A-2');
    expect(a2).toMatchObject({ p50Sprint: 2, unestimatedItems: 1 });
  });

  it('is reproducible: the same program and seed give the same forecast', () => {
    const again = forecastOf([A], [{ key: 'A-1', points: 25, rank: 'a' }]).forecast;
    expect(forecastOf([A], [{ key: 'A-1', points: 25, rank: 'a' }]).forecast).toEqual(again);
  });
});
