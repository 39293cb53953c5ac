/**
 * One epic's completion times over the trials -> the nearest-rank P50 / P85 / P95 and how many trials
 * finished before a cutoff, exactly as sorting the times and reading them would give. The times are
 * sprint ends (or Infinity), so an epic has a few distinct ones: they are counted rather than sorted,
 * which at 100k issues is 2,000 epics x 2,000 trials. Many distinct times (or NaN, or a zero whose sign
 * a sort would tell apart) take the sort.
 */
import { PERCENTILES, rankOf } from './forecast-entry';

const MAX_DISTINCT = 64;

export interface TimeQuantiles {
  /** The time at each of PERCENTILES (Infinity when no trial reaches it). */
  at: number[];
  /** Trials whose time is below the cutoff. */
  below: number;
}

function bySorting(times: Float64Array, cutoff: number): TimeQuantiles {
  const sorted = times.slice().sort();
  let below = 0;
  while (below < sorted.length && (sorted[below] ?? Infinity) < cutoff) below++;
  return { at: PERCENTILES.map((p) => sorted[rankOf(p, times.length) - 1] ?? Infinity), below };
}

export function timeQuantiles(times: Float64Array, cutoff: number): TimeQuantiles {
  const values = new Float64Array(MAX_DISTINCT);
  const counts = new Int32Array(MAX_DISTINCT);
  let distinct = 0;
  let last = 0;
  for (let i = 0; i < times.length; i++) {
    const time = times[i] ?? 0;
    // Neighbouring trials often end on the same sprint: try the last value seen first.
    if (last < distinct && values[last] === time) {
      counts[last] = (counts[last] ?? 0) + 1;
      continue;
    }
    let d = 0;
    while (d < distinct && values[d] !== time) d++;
    if (d === distinct) {
      if (distinct === MAX_DISTINCT || Number.isNaN(time) || time === 0) return bySorting(times, cutoff);
      values[d] = time;
      distinct++;
    }
    counts[d] = (counts[d] ?? 0) + 1;
    last = d;
  }
  // Distinct values in ascending order (an insertion sort of a few), their counts alongside.
  for (let i = 1; i < distinct; i++) {
    const value = values[i] ?? 0;
    const count = counts[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (values[j] ?? 0) > value) {
      values[j + 1] = values[j] ?? 0;
      counts[j + 1] = counts[j] ?? 0;
      j--;
    }
    values[j + 1] = value;
    counts[j + 1] = count;
  }
  let below = 0;
  for (let d = 0; d < distinct && (values[d] ?? 0) < cutoff; d++) below += counts[d] ?? 0;
  const at = PERCENTILES.map((p) => {
    const rank = rankOf(p, times.length);
    let seen = 0;
    for (let d = 0; d < distinct; d++) {
      seen += counts[d] ?? 0;
      if (seen >= rank) return values[d] ?? Infinity;
    }
    return Infinity;
  });
  return { at, below };
}
