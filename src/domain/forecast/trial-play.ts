/**
 * One trial of the forecast (docs/DOMAIN.md "Forecast", rule 4), the loop run-trials.ts describes.
 * A function of its own, called once per trial: V8 optimises it as a whole with its arrays in
 * registers, where the same loop inside runTrials ran as on-stack-replaced code reading them from a
 * closure context (measured: see CHANGELOG).
 */
import type { NodeHeap } from './node-heap';
import type { NodeRecords } from './node-records';
import { RECORD } from './node-records';
import type { ParkedWork } from './parked-work';

const { STRIDE, FLAGS, READY, BOUND, TEAM } = RECORD;

/** Everything a trial reads and the scratch state it rewrites, built once by runTrials. */
export interface TrialSetup {
  maxSprints: number;
  width: number;
  teams: number;
  random: () => number;
  teamStart: Int32Array;
  preStart: Int32Array;
  depStart: Int32Array;
  depNodes: Int32Array;
  /** Per team, a row of `width` sprint start and end time ranks. */
  starts: Int32Array;
  endRank: Int32Array;
  template: NodeRecords;
  state: NodeRecords;
  bounds: NodeRecords;
  points: Float64Array;
  remaining: Float64Array;
  parked: ParkedWork;
  cursor: Int32Array;
  sprintOf: Int32Array;
  left: Int32Array;
  nextStart: Int32Array;
  asleep: Uint8Array;
  teamHeap: NodeHeap;
  sampleStart: Int32Array;
  samples: Float64Array;
  delayCounts: Uint16Array;
}

/** Plays one trial, writing each node's completion sprint into `done` (untouched: beyond the horizon). */
export function playTrial(s: TrialSetup, done: Uint16Array): void {
  const { maxSprints, width, teams, random, teamStart, preStart, depStart, depNodes, starts, endRank } = s;
  const { template, state, bounds, points, remaining, parked, cursor, sprintOf, left, nextStart } = s;
  const { asleep, teamHeap, sampleStart, samples, delayCounts } = s;
  const { releasedCount, waitingCount } = parked;
  state.set(template);
  remaining.set(points);
  teamHeap.clear();
  parked.reset();
  for (let t = 0; t < teams; t++) {
    cursor[t] = teamStart[t] ?? 0;
    sprintOf[t] = 0;
    asleep[t] = 0;
    left[t] = (teamStart[t + 1] ?? 0) - (teamStart[t] ?? 0);
    nextStart[t] = starts[t * width] ?? 0;
    if ((left[t] ?? 0) > 0 && maxSprints > 0) teamHeap.push(t);
  }
  while (teamHeap.size > 0) {
    const t = teamHeap.pop();
    const queueEnd = teamStart[t + 1] ?? 0;
    const row = t * width;
    const k = sprintOf[t] ?? 0;
    const start = starts[row + k] ?? 0;
    const end = endRank[row + k] ?? 0;
    parked.releaseFor(t, k);
    const first = sampleStart[t] ?? 0;
    // One draw per sprint played, even for a team without samples, keeps every later draw in place.
    const draw = Math.floor(random() * ((sampleStart[t + 1] ?? 0) - first));
    let capacity = first < (sampleStart[t + 1] ?? 0) ? (samples[first + draw] ?? 0) : 0;
    let at = cursor[t] ?? 0;
    let open = left[t] ?? 0;
    // Only this sprint's takes change the team's released items while it plays (releaseFor above).
    let top = parked.firstReleased(t);
    for (;;) {
      let v: number;
      let fromHeap = false;
      if (at < queueEnd && (top < 0 || at < top)) {
        v = at;
        const flags = state[v * STRIDE + FLAGS] ?? 0;
        if (flags > 0 || (state[v * STRIDE + READY] ?? 0) > start) {
          // The cursor meets each node once, so the node is not parked yet: flags is even.
          state[v * STRIDE + FLAGS] = flags + 1;
          if (flags === 0) parked.wait(v, t, k);
          at++;
          continue;
        }
      } else if (top >= 0) {
        v = top;
        fromHeap = true;
      } else break;
      const rest = remaining[v] ?? 0;
      if (rest > 0) {
        if (capacity <= 0) break;
        if (capacity < rest) {
          remaining[v] = rest - capacity;
          break;
        }
        capacity -= rest;
      }
      remaining[v] = 0;
      if (fromHeap) {
        parked.take(v, t);
        top = parked.firstReleased(t);
        // A released node was parked (the cursor takes only nodes never parked): count what held it.
        const bound = state[v * STRIDE + BOUND] ?? -1;
        if (bound >= 0) {
          const slot = (preStart[v] ?? 0) + bound;
          delayCounts[slot] = (delayCounts[slot] ?? 0) + 1;
        }
      } else at++;
      open--;
      done[v] = k;
      const lastEdge = depStart[v + 1] ?? 0;
      for (let e = depStart[v] ?? 0; e < lastEdge; e++) {
        const d = depNodes[e] ?? 0;
        const rd = d * STRIDE;
        const flags = (state[rd + FLAGS] ?? 0) - 2;
        state[rd + FLAGS] = flags;
        if (end > (state[rd + READY] ?? 0)) {
          state[rd + READY] = end;
          state[rd + BOUND] = bounds[e] ?? -1;
        }
        // Only a parked node whose last prerequisite just completed (flags 1) waits for a sprint.
        if (flags !== 1) continue;
        const team = state[rd + TEAM] ?? 0;
        if (team === t) parked.wait(d, t, k);
        else parked.waitOrRelease(d, team, sprintOf[team] ?? 0);
        if (asleep[team] === 0) continue;
        // The team had nothing it could work on: it wakes for the first sprint this item is workable in.
        asleep[team] = 0;
        const wake = parked.sprintFrom(team, sprintOf[team] ?? 0, end);
        if (wake >= maxSprints) continue;
        sprintOf[team] = wake;
        nextStart[team] = starts[team * width + wake] ?? 0;
        teamHeap.push(team);
      }
    }
    cursor[t] = at;
    left[t] = open;
    if (open === 0) continue;
    // Sprints in which the team has nothing workable change nothing: skip to the next that may.
    let next = k + 1;
    if (at >= queueEnd && releasedCount[t] === 0) {
      if (waitingCount[t] === 0) {
        sprintOf[t] = next;
        asleep[t] = 1;
        continue;
      }
      next = parked.sprintFrom(t, next, parked.earliestReady(t));
    }
    sprintOf[t] = next;
    if (next < maxSprints) {
      nextStart[t] = starts[row + next] ?? 0;
      teamHeap.push(t);
    }
  }
}
