/**
 * Per node, from the trials' sprint-major histogram: the 0-based completion sprint at P50 / P85 / P95
 * (-1: beyond the horizon) and how many trials completed it before a cutoff sprint. Read row by row,
 * every unfinished node at once: the histogram is sprint-major, so reading one item's column at a time
 * jumped a whole row (a cache miss) per sprint, for every item.
 */
import { PERCENTILES, rankOf } from './forecast-entry';
import type { TrialTallies } from './trial-tallies';

export interface NodeQuantiles {
  /** Node v's sprint at PERCENTILES[p] is `sprints[v * PERCENTILES.length + p]`, -1 when beyond the horizon. */
  sprints: Int16Array;
  /** Trials completing node v in a sprint before `cutoffs[v]`. */
  onTime: Uint16Array;
}

/** `cutoffs[v]`: how many of node v's first sprints count as on time (0 when it has no due date). */
export function nodeQuantiles(tallies: TrialTallies, cutoffs: Int32Array): NodeQuantiles {
  const { trials, maxSprints, sprintCounts, nodes } = tallies;
  const ranks = PERCENTILES.map((p) => rankOf(p, trials));
  const width = ranks.length;
  const lastRank = Math.max(...ranks);
  const sprints = new Int16Array(nodes * width).fill(-1);
  const onTime = new Uint16Array(nodes);
  const seen = new Int32Array(nodes);
  // The nodes still read: a node leaves once its last percentile is found and its cutoff passed, so
  // a row costs the unfinished nodes only (most finish in a few sprints of the 104 a horizon has).
  const active = Int32Array.from({ length: nodes }, (_, v) => v);
  let count = nodes;
  for (let k = 0; k < maxSprints && count > 0; k++) {
    const row = k * nodes;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const v = active[i] ?? 0;
      const inRow = sprintCounts[row + v] ?? 0;
      const cutoff = cutoffs[v] ?? 0;
      let total = seen[v] ?? 0;
      if (inRow !== 0) {
        total += inRow;
        seen[v] = total;
        if (k < cutoff) onTime[v] = (onTime[v] ?? 0) + inRow;
        for (let p = 0; p < width; p++) {
          const slot = v * width + p;
          if ((sprints[slot] ?? 0) < 0 && total >= (ranks[p] ?? 0)) sprints[slot] = k;
        }
      }
      if (total < lastRank || k + 1 < cutoff) active[kept++] = v;
    }
    count = kept;
  }
  return { sprints, onTime };
}
