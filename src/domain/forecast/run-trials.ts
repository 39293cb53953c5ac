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
import { flatEpics, tallyEpics, type TrialTallies } from './trial-tallies';

export type { TrialTallies } from './trial-tallies';

/**
 * A node's trial state is one 4-number record in `state`, so that following a dependency edge touches
 * one cache line rather than one per array (the trials' cost at 100k issues is these random reads):
 * remaining points; when it becomes workable (the latest end of its prerequisites' sprints); open
 * prerequisites x 2 + 1 if the team skipped it ("parked"); the prerequisite slot that bound it, or -1.
 */
const STRIDE = 4;
const REMAINING = 0;
const READY_AT = 1;
const PENDING_PARKED = 2;
const BINDING = 3;

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

/** The template each trial starts from: full points, workable from the start, all prerequisites open. */
function initialState(net: ForecastNetwork): Float64Array {
  const n = net.points.length;
  const state = new Float64Array(n * STRIDE);
  for (let v = 0; v < n; v++) {
    state[v * STRIDE + REMAINING] = net.points[v] ?? 0;
    state[v * STRIDE + READY_AT] = -Infinity;
    state[v * STRIDE + PENDING_PARKED] = 2 * ((net.preStart[v + 1] ?? 0) - (net.preStart[v] ?? 0));
    state[v * STRIDE + BINDING] = -1;
  }
  return state;
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
  const { preNodes, depStart, depNodes, depSlots, teamOf, teamStart } = net;
  const template = initialState(net);
  const state = new Float64Array(template.length);
  const { starts, ends } = flatCalendars(net, width);
  const epics = flatEpics(epicChildren, teamOf, width);
  // This trial's completion sprint per node. The histogram is counted as nodes complete: sprint-major,
  // so the nodes a team completes in a sprint, mostly neighbours in its queue, share cache lines.
  const done = new Uint16Array(n);
  const sizeOf = (t: number) => (teamStart[t + 1] ?? 0) - (teamStart[t] ?? 0);
  const parked = new ParkedWork(teamStart, width, starts, state.subarray(READY_AT), STRIDE);
  const { releasedCount, waitingCount } = parked;
  const cursor = new Int32Array(teams);
  const sprintOf = new Int32Array(teams);
  const left = new Int32Array(teams);
  const nextStart = new Float64Array(teams);
  const asleep = new Uint8Array(teams);
  const teamHeap = new NodeHeap(teams, nextStart);
  const sampleStart = new Int32Array(teams + 1);
  net.calendars.forEach((c, t) => (sampleStart[t + 1] = (sampleStart[t] ?? 0) + c.samples.length));
  const samples = Float64Array.from(net.calendars.flatMap((c) => c.samples));
  const sprintCounts = new Uint16Array(n * width);
  const delayCounts = new Uint16Array(preNodes.length);
  const tallies: TrialTallies = {
    trials,
    maxSprints,
    nodes: n,
    sprintCounts,
    delayCounts,
    epicTimes: new Float64Array(epicChildren.length * trials),
    epicDelays: epicChildren.map(() => new Map<number, number>()),
  };
  const parkedOf = (v: number) => ((state[v * STRIDE + PENDING_PARKED] ?? 0) & 1) === 1;
  const bindingOf = (v: number) => state[v * STRIDE + BINDING] ?? -1;

  for (let trial = 0; trial < trials; trial++) {
    state.set(template);
    done.fill(maxSprints);
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
      const end = ends[row + k] ?? 0;
      parked.releaseFor(t, k);
      const first = sampleStart[t] ?? 0;
      // One draw per sprint played, even for a team without samples, keeps every later draw in place.
      const draw = Math.floor(random() * ((sampleStart[t + 1] ?? 0) - first));
      let capacity = first < (sampleStart[t + 1] ?? 0) ? (samples[first + draw] ?? 0) : 0;
      let at = cursor[t] ?? 0;
      let open = left[t] ?? 0;
      for (;;) {
        const top = parked.firstReleased(t);
        let v: number;
        let fromHeap = false;
        if (at < queueEnd && (top < 0 || at < top)) {
          v = at;
          const flags = state[v * STRIDE + PENDING_PARKED] ?? 0;
          if (flags > 0 || (state[v * STRIDE + READY_AT] ?? 0) > start) {
            // The cursor meets each node once, so the node is not parked yet: flags is even.
            state[v * STRIDE + PENDING_PARKED] = flags + 1;
            if (flags === 0) parked.wait(v, t, k);
            at++;
            continue;
          }
        } else if (top >= 0) {
          v = top;
          fromHeap = true;
        } else break;
        const r = v * STRIDE;
        const rest = state[r + REMAINING] ?? 0;
        if (rest > 0) {
          if (capacity <= 0) break;
          if (capacity < rest) {
            state[r + REMAINING] = rest - capacity;
            break;
          }
          capacity -= rest;
        }
        state[r + REMAINING] = 0;
        if (fromHeap) parked.take(v, t);
        else at++;
        open--;
        done[v] = k;
        sprintCounts[k * n + v] = (sprintCounts[k * n + v] ?? 0) + 1;
        // A workable node has no open prerequisite, so its flags are 1 exactly when it was parked.
        const bound = state[r + BINDING] ?? -1;
        if (state[r + PENDING_PARKED] === 1 && bound >= 0) delayCounts[bound] = (delayCounts[bound] ?? 0) + 1;
        const lastEdge = depStart[v + 1] ?? 0;
        for (let e = depStart[v] ?? 0; e < lastEdge; e++) {
          const d = depNodes[e] ?? 0;
          const rd = d * STRIDE;
          const flags = (state[rd + PENDING_PARKED] ?? 0) - 2;
          state[rd + PENDING_PARKED] = flags;
          if (end > (state[rd + READY_AT] ?? 0)) {
            state[rd + READY_AT] = end;
            state[rd + BINDING] = depSlots[e] ?? -1;
          }
          // Only a parked node whose last prerequisite just completed (flags 1) waits for a sprint.
          if (flags !== 1) continue;
          const team = teamOf[d] ?? 0;
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
  }
  countBeyondHorizon(sprintCounts, n, width, trials);
  return tallies;
}

/** The trials that did not complete node v within the horizon go to its last slot, `maxSprints`. */
function countBeyondHorizon(counts: Uint16Array, n: number, width: number, trials: number): void {
  const beyond = (width - 1) * n;
  counts.fill(trials, beyond, beyond + n);
  for (let k = 0; k < width - 1; k++)
    for (let v = 0; v < n; v++) counts[beyond + v] = (counts[beyond + v] ?? 0) - (counts[k * n + v] ?? 0);
}
