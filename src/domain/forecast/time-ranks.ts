/**
 * Sprint boundaries as ranks: the trials only compare times (a ready time with a sprint's start, an
 * end with a ready time), so replacing each time by its rank among the sorted distinct times of every
 * team's calendar keeps every comparison, tie and order exactly, in an Int32 instead of a Float64:
 * half the bytes per node, and the trials' cost is memory traffic. Rank 0 is -Infinity ("workable
 * from the start"); Infinity (no such sprint) is the highest rank.
 */
export interface RankedCalendars {
  /** Every team's sprint start and end ranks, a row of `width` per team (the last slot Infinity's). */
  startRank: Int32Array;
  endRank: Int32Array;
  /** The rank of Infinity: above every sprint start, the ready time of nothing. */
  never: number;
}

/** `starts` and `ends` hold finite times or +Infinity (slots beyond a team's calendar). */
export function rankCalendars(starts: Float64Array, ends: Float64Array): RankedCalendars {
  const times = Float64Array.from(new Set([-Infinity, Infinity, ...starts, ...ends])).sort();
  const rankOf = new Map<number, number>();
  times.forEach((ms, i) => rankOf.set(ms, i));
  const ranks = (values: Float64Array) => Int32Array.from(values, (ms) => rankOf.get(ms) ?? 0);
  return { startRank: ranks(starts), endRank: ranks(ends), never: rankOf.get(Infinity) ?? 0 };
}
