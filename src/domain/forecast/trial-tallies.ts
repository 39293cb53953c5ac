/**
 * What the trials count (docs/DOMAIN.md "Forecast", rule 6): each node's completion sprint as a
 * histogram, each epic's completion time per trial, and which prerequisite held up an epic's last
 * child. Flat typed arrays, built once before the trials, so that tallying a trial allocates nothing.
 */

export interface TrialTallies {
  trials: number;
  maxSprints: number;
  /** How many nodes the trials walked. */
  nodes: number;
  /**
   * Per node v, how many trials completed it in sprint k (0-based) at `k * nodes + v`; k = maxSprints:
   * beyond the horizon. Sprint-major, because a team completes neighbouring nodes in the same sprint.
   */
  sprintCounts: Uint16Array;
  /** Per prerequisite slot, how many trials it delayed its dependant (the dependant was skipped for it). */
  delayCounts: Uint16Array;
  /** Per epic, its completion time (ms, Infinity beyond the horizon) in each trial. */
  epicTimes: Float64Array;
  /** Per epic, per prerequisite node, how many trials it delayed the epic's last child. */
  epicDelays: Array<Map<number, number>>;
}

/** Epic e's child nodes are `nodes[start[e] .. start[e + 1])`; `endBase` is each child's row in the flat sprint ends. */
export interface FlatEpics {
  start: Int32Array;
  nodes: Int32Array;
  endBase: Int32Array;
}

export function flatEpics(epicChildren: readonly Int32Array[], teamOf: Int32Array, width: number): FlatEpics {
  const start = new Int32Array(epicChildren.length + 1);
  epicChildren.forEach((children, e) => (start[e + 1] = (start[e] ?? 0) + children.length));
  const nodes = new Int32Array(start[epicChildren.length] ?? 0);
  epicChildren.forEach((children, e) => nodes.set(children, start[e] ?? 0));
  const endBase = nodes.map((v) => (teamOf[v] ?? 0) * width);
  return { start, nodes, endBase };
}

/**
 * Records one trial's epic completion times: an epic completes when its last child does (the first
 * such child in child order when several end together); a child beyond the horizon is at Infinity,
 * the `maxSprints` slot of each team's row in `ends`. A last child that was parked for a
 * prerequisite counts that prerequisite as the epic's delay.
 */
export function tallyEpics(
  tallies: TrialTallies,
  trial: number,
  epics: FlatEpics,
  trialState: {
    done: Uint16Array;
    ends: Float64Array;
    parkedOf: (v: number) => boolean;
    bindingOf: (v: number) => number;
    preNodes: Int32Array;
  },
): void {
  const { trials, epicTimes, epicDelays } = tallies;
  const { start, nodes, endBase } = epics;
  const { done, ends, parkedOf, bindingOf, preNodes } = trialState;
  const count = start.length - 1;
  for (let e = 0; e < count; e++) {
    let latest = -Infinity;
    let last = -1;
    for (let c = start[e] ?? 0; c < (start[e + 1] ?? 0); c++) {
      const child = nodes[c] ?? 0;
      const at = ends[(endBase[c] ?? 0) + (done[child] ?? 0)] ?? Infinity;
      if (at > latest) {
        latest = at;
        last = child;
      }
    }
    epicTimes[e * trials + trial] = latest;
    if (last < 0 || !parkedOf(last)) continue;
    const bound = bindingOf(last);
    if (bound < 0) continue;
    const delays = epicDelays[e];
    const prerequisite = preNodes[bound] ?? -1;
    delays?.set(prerequisite, (delays.get(prerequisite) ?? 0) + 1);
  }
}
