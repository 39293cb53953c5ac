import { dayAfterNow, forecastOf } from './forecast-fixtures';

// One team, 14-day sprints (sprint 1 ends NOW+10d, sprint n ends NOW+10d+14(n-1)), capacity drawn
// from six closed sprints. One 30-point item: it completes in the first sprint n whose capacities sum
// to 30 or more, so P(done by sprint n) = P(S_n >= 30), S_n the sum of n independent draws.
const SAMPLES = [2, 3, 5, 5, 8, 1];
const POINTS = 30;
const T = { key: 'T', board: 1, cadenceDays: 14, completed: SAMPLES, activeStartDay: -4 };
const TRIALS = 20_000;

/** P(S_n >= points) for n = 1..maxN by exact convolution of the uniform draw over SAMPLES. */
function exactDoneBy(maxN: number): number[] {
  let sums = new Map<number, number>([[0, 1]]);
  const result: number[] = [];
  for (let n = 1; n <= maxN; n++) {
    const next = new Map<number, number>();
    for (const [sum, p] of sums)
      for (const draw of SAMPLES) next.set(sum + draw, (next.get(sum + draw) ?? 0) + p / SAMPLES.length);
    sums = next;
    let done = 0;
    for (const [sum, p] of sums) if (sum >= POINTS) done += p;
    result.push(done);
  }
  return result;
}

const sprintEnd = (n: number) => dayAfterNow(10 + 14 * (n - 1));
const forecastWithDue = (due: string) =>
  forecastOf([T], [{ key: 'T-1', points: POINTS, due }], [], { forecast: { trials: TRIALS } }).forecast
    .items[0];

describe('single-team bootstrap against the exact convolution', () => {
  const exact = exactDoneBy(20);

  it('matches P(done by sprint n) within one percentage point for every sprint', () => {
    for (let n = 4; n <= 14; n++) {
      const pOnTime = forecastWithDue(sprintEnd(n))?.pOnTime ?? NaN;
      expect(Math.abs(pOnTime - (exact[n - 1] ?? NaN))).toBeLessThanOrEqual(0.01);
    }
  });

  it('puts P50, P85 and P95 where the exact distribution crosses them, within one point', () => {
    const entry = forecastWithDue(sprintEnd(1));
    for (const [p, sprint] of [
      [0.5, entry?.p50Sprint],
      [0.85, entry?.p85Sprint],
      [0.95, entry?.p95Sprint],
    ] as const) {
      const n = sprint ?? NaN;
      expect(exact[n - 1]).toBeGreaterThanOrEqual(p - 0.01);
      expect(exact[n - 2] ?? 0).toBeLessThan(p + 0.01);
    }
  });
});
