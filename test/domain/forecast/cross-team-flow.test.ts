import { dayAfterNow, forecastOf } from './forecast-fixtures';

// A: 14-day sprints, sprint 1 = NOW-4d .. NOW+10d, then projected: ends +24, +38.
const A = { key: 'A', board: 1, cadenceDays: 14, completed: [10, 10, 10], activeStartDay: -4 };
// B: 7-day sprints, sprint 1 = NOW-2d .. NOW+5d, then starts +5, +12, +19; ends +12, +19, +26.
const B = { key: 'B', board: 2, cadenceDays: 7, completed: [4, 4, 4], activeStartDay: -2 };

describe('forecast flow through a prerequisite in a team with another cadence', () => {
  const { forecast } = forecastOf(
    [A, B],
    [
      { key: 'A-1', points: 9, rank: 'a' },
      { key: 'A-2', points: 1, rank: 'b' },
      { key: 'B-1', points: 1, rank: 'a' },
      { key: 'B-2', points: 1, rank: 'b' },
      { key: 'B-3', points: 1, rank: 'c' },
    ],
    [
      ['A-1', 'B-1'],
      ['B-3', 'A-2'],
    ],
  );
  const item = (key: string) => forecast.items.find((i) => i.key === key);

  it('starts a dependant only in a sprint that starts on or after its prerequisite sprint ends', () => {
    // A-1 ends with A's sprint 1 at NOW+10d. B's sprints start at -2, +5, +12: B-1 is workable in
    // B's sprint 3 (NOW+12d .. NOW+19d), although B has capacity left in sprints 1 and 2.
    expect(item('A-1')).toMatchObject({ p50Sprint: 1, p50Date: dayAfterNow(10) });
    expect(item('B-1')).toMatchObject({ p50Sprint: 3, p95Sprint: 3, p50Date: dayAfterNow(19) });
  });

  it('skips the unworkable item and works on the next ones', () => {
    expect(item('B-2')?.p50Sprint).toBe(1);
    expect(item('B-3')?.p50Sprint).toBe(1);
  });

  it('waits for a short-cadence prerequisite until the long sprint after it ends', () => {
    // B-3 ends with B's sprint 1 at NOW+5d, after A's sprint 1 started (NOW-4d): A-2 waits for
    // A's sprint 2 (NOW+10d .. NOW+24d), although A-1 (9 of 10 points) leaves room for it in sprint 1.
    expect(item('A-2')).toMatchObject({ p50Sprint: 2, p50Date: dayAfterNow(24) });
  });

  it('names the prerequisite that delayed it in most trials', () => {
    expect(item('B-1')?.drivenBy).toEqual(['A-1']);
    expect(item('B-2')?.drivenBy).toEqual([]);
  });
});

describe('forecast of dependency cycles', () => {
  const { forecast } = forecastOf(
    [A],
    [
      { key: 'A-20', type: 'Epic', rank: 'a' },
      { key: 'A-21', type: 'Epic', rank: 'b' },
      { key: 'A-1', points: 1, parent: 'A-20', rank: 'a' },
      { key: 'A-2', points: 1, parent: 'A-20', rank: 'b' },
      { key: 'A-3', points: 1, parent: 'A-21', rank: 'c' },
      { key: 'A-4', points: 1, parent: 'A-21', rank: 'd' },
    ],
    [
      ['A-1', 'A-2'],
      ['A-2', 'A-1'],
      ['A-2', 'A-3'],
    ],
  );
  const item = (key: string) => forecast.items.find((i) => i.key === key);

  it('marks the items of a cycle unforecastable, with the cycle', () => {
    expect(item('A-1')?.unforecastable).toBe('in a dependency cycle: A-1, A-2');
    expect(item('A-1')?.p50Sprint).toBeNull();
  });

  it('marks what needs a cycle, transitively, and their epics', () => {
    expect(item('A-3')?.unforecastable).toBe('waits for A-2 (in a dependency cycle: A-1, A-2)');
    expect(forecast.epics.find((e) => e.key === 'A-21')?.unforecastable).toBe(
      'child A-3 cannot be forecast: waits for A-2 (in a dependency cycle: A-1, A-2)',
    );
  });

  it('still forecasts what does not wait for the cycle', () => {
    expect(item('A-4')).toMatchObject({ unforecastable: null, p50Sprint: 1 });
  });
});

describe('teams that cannot be forecast', () => {
  it('says why when a team has no closed sprint, and so does work that waits for it', () => {
    const { forecast } = forecastOf(
      [A],
      [
        { key: 'C-1', points: 1 },
        { key: 'A-1', points: 1 },
      ],
      [['C-1', 'A-1']],
    );
    const byKey = new Map(forecast.items.map((i) => [i.key, i.unforecastable]));
    expect(byKey.get('C-1')).toBe('team C cannot be forecast: the team has no closed sprint yet');
    expect(byKey.get('A-1')).toBe(
      'waits for C-1 (team C cannot be forecast: the team has no closed sprint yet)',
    );
  });
});
