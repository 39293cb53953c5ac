import { PERCENTILES, rankOf } from '../../../src/domain/forecast/forecast-entry';
import { seededRandom } from '../../../src/domain/forecast/seeded-random';
import { timeQuantiles } from '../../../src/domain/forecast/time-quantiles';

/** What the counting must equal: sort the times, read the nearest ranks, count those below the cutoff. */
function sorted(times: Float64Array, cutoff: number) {
  const order = times.slice().sort();
  return {
    at: PERCENTILES.map((p) => order[rankOf(p, times.length) - 1] ?? Infinity),
    below: order.filter((t) => t < cutoff).length,
  };
}

describe('an epic’s completion-time percentiles', () => {
  it('equal the sorted times’ nearest ranks, on few and on many distinct times', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      // From 1 to 100 distinct sprint ends, so both the counting and the sorting path run.
      const distinct = 1 + Math.floor(random() * 100);
      const ends = Array.from({ length: distinct }, (_, i) => (i + 1) * 14 * 86_400_000);
      const times = Float64Array.from({ length: 1 + Math.floor(random() * 2_500) }, () =>
        random() < 0.05 ? Infinity : (ends[Math.floor(random() * distinct)] ?? 0),
      );
      const cutoff = (ends[Math.floor(random() * distinct)] ?? 0) + (random() < 0.5 ? 1 : 0);
      expect(timeQuantiles(times, cutoff)).toEqual(sorted(times, cutoff));
    }
  });

  it('counts Infinity (beyond the horizon) as the latest time, and falls back on NaN and zero', () => {
    const times = Float64Array.from([Infinity, 5, Infinity, 3, 5, 0, Infinity]);
    expect(timeQuantiles(times, 5)).toEqual(sorted(times, 5));
    expect(timeQuantiles(Float64Array.from([Infinity, Infinity]), 1)).toEqual({
      at: [Infinity, Infinity, Infinity],
      below: 0,
    });
    const withNaN = Float64Array.from([4, NaN, 2]);
    expect(timeQuantiles(withNaN, 3)).toEqual(sorted(withNaN, 3));
  });
});
