/**
 * Per node, from the trials' sprint-major histogram: the 0-based completion sprint at P50 / P85 / P95
 * (-1: beyond the horizon) and how many trials completed it before a cutoff sprint. Read row by row,
 * every node at once: the histogram is sprint-major, so reading one item's column at a time jumped a
 * whole row (a cache miss) per sprint, for every item.
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
  const sprints = new Int16Array(nodes * width).fill(-1);
  const onTime = new Uint16Array(nodes);
  const seen = new Int32Array(nodes);
  let lastCutoff = 0;
  for (const cutoff of cutoffs) lastCutoff = Math.max(lastCutoff, cutoff);
  let unresolved = nodes * width;
  for (let k = 0; k < maxSprints && (unresolved > 0 || k < lastCutoff); k++) {
    const row = k * nodes;
    for (let v = 0; v < nodes; v++) {
      const count = sprintCounts[row + v] ?? 0;
      if (count === 0) continue;
      const total = (seen[v] ?? 0) + count;
      seen[v] = total;
      if (k < (cutoffs[v] ?? 0)) onTime[v] = (onTime[v] ?? 0) + count;
      for (let p = 0; p < width; p++) {
        const slot = v * width + p;
        if ((sprints[slot] ?? 0) < 0 && total >= (ranks[p] ?? 0)) {
          sprints[slot] = k;
          unresolved--;
        }
      }
    }
  }
  return { sprints, onTime };
}
