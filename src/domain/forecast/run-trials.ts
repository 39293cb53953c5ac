/**
 * The Monte Carlo trials (docs/DOMAIN.md "Forecast", rule 4). Each trial draws every team's capacity per sprint
 * with replacement from its samples and plays the sprints of all teams in order of their start, so
 * that when a sprint is played every sprint ending on or before its start has been played already.
 * In a sprint the team spends its capacity on its queue in order; an item whose prerequisites have not
 * all completed in sprints ending on or before the sprint's start is skipped ("parked") and the team
 * goes on with the next ones; a parked item rejoins, in its queue position, from the first sprint it
 * becomes workable. Progress carries over; an item completes at the end of the sprint its remaining
 * points reach zero. Typed arrays, a preallocated team heap and parked-work buckets (parked-work.ts)
 * only: nothing is allocated per trial.
 * The order of the teams' sprints, and so of the random draws, is part of the result: the same seed
 * gives the same forecast (test/domain/forecast/trials-reference.test.ts holds it to the reference).
 */
import type { ForecastNetwork } from './forecast-network';
import { NodeHeap } from './node-heap';
import { ParkedWork } from './parked-work';
import { seededRandom } from './seeded-random';
import { SprintHistogram } from './sprint-histogram';
import { rankCalendars } from './time-ranks';
import { RECORD, edgeBounds, initialRecords } from './node-records';
import { flatEpics, tallyEpics, type TrialTallies } from './trial-tallies';

export type { TrialTallies } from './trial-tallies';

const { STRIDE, FLAGS, READY, BOUND, TEAM } = RECORD;

interface TrialOptions {
  trials: number;
  seed: number;
  maxSprints: number;
}

/** Every team's sprint starts and ends in one row of `maxSprints + 1` each; the last slot is Infinity. */
function flatCalendars(net: ForecastNetwork, width: number): { starts: Float64Array; ends: Float64Array } {
  const starts = new Float64Array(net.calendars.length * width).fill(Infinity);
  const ends = new Float64Array(net.calendars.length * width).fill(Infinity);
  net.calendars.forEach((calendar, t) => {
    for (let k = 0; k < width - 1; k++) {
      starts[t * width + k] = calendar.starts[k] ?? Infinity;
      ends[t * width + k] = calendar.ends[k] ?? Infinity;
    }
  });
  return { starts, ends };
}

export function runTrials(
  net: ForecastNetwork,
  epicChildren: readonly Int32Array[],
  options: TrialOptions,
): TrialTallies {
  const { trials, maxSprints } = options;
  const n = net.points.length;
  const width = maxSprints + 1;
  const teams = net.calendars.length;
  const random = seededRandom(options.seed);
  const { preStart, preNodes, depStart, depNodes, teamOf, teamStart } = net;
  const { starts: startMs, ends } = flatCalendars(net, width);
  const { startRank: starts, endRank, never } = rankCalendars(startMs, ends);
  const template = initialRecords(net, never + 1);
  const state = template.slice();
  const bounds = edgeBounds(net);
  const remaining = new Float64Array(n);
  const epics = flatEpics(epicChildren, teamOf, width);
  const histogram = new SprintHistogram(n, width);
  const sizeOf = (t: number) => (teamStart[t + 1] ?? 0) - (teamStart[t] ?? 0);
  const parked = new ParkedWork(teamStart, width, starts, state.subarray(READY), STRIDE, never);
  const { releasedCount, waitingCount } = parked;
  const cursor = new Int32Array(teams);
  const sprintOf = new Int32Array(teams);
  const left = new Int32Array(teams);
  const nextStart = new Int32Array(teams);
  const asleep = new Uint8Array(teams);
  const teamHeap = new NodeHeap(teams, nextStart);
  const sampleStart = new Int32Array(teams + 1);
  net.calendars.forEach((c, t) => (sampleStart[t + 1] = (sampleStart[t] ?? 0) + c.samples.length));
  const samples = Float64Array.from(net.calendars.flatMap((c) => c.samples));
  const delayCounts = new Uint16Array(preNodes.length);
  const tallies: TrialTallies = {
    trials,
    maxSprints,
    nodes: n,
    sprintCounts: histogram.counts,
    delayCounts,
    epicTimes: new Float64Array(epicChildren.length * trials),
    epicDelays: epicChildren.map(() => new Map<number, number>()),
  };
  const parkedOf = (v: number) => ((state[v * STRIDE + FLAGS] ?? 0) & 1) === 1;
  const bindingOf = (v: number) => {
    const bound = state[v * STRIDE + BOUND] ?? -1;
    return bound < 0 ? -1 : (preStart[v] ?? 0) + bound;
  };

  for (let trial = 0; trial < trials; trial++) {
    state.set(template);
    remaining.set(net.points);
    // This trial's completion sprint per node.
    const done = histogram.row();
    teamHeap.clear();
    parked.reset();
    for (let t = 0; t < teams; t++) {
      cursor[t] = teamStart[t] ?? 0;
      sprintOf[t] = 0;
      asleep[t] = 0;
      left[t] = sizeOf(t);
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
        } else at++;
        open--;
        done[v] = k;
        // A workable node has no open prerequisite, so its flags are 1 exactly when it was parked.
        const r = v * STRIDE;
        const bound = state[r + BOUND] ?? -1;
        if (state[r + FLAGS] === 1 && bound >= 0) {
          const slot = (preStart[v] ?? 0) + bound;
          delayCounts[slot] = (delayCounts[slot] ?? 0) + 1;
        }
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
          parked.wait(d, team, sprintOf[team] ?? 0);
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
    tallyEpics(tallies, trial, epics, { done, ends, parkedOf, bindingOf, preNodes });
    histogram.commit();
  }
  histogram.finish();
  return tallies;
}
