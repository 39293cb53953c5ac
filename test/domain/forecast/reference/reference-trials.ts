/**
 * The trials as they were before the parked-work queues (kept for tests only): a reference the
 * engine must match trial for trial, on random networks, so that its speed-ups change no forecast.
 */
import type { ForecastNetwork } from '../../../../src/domain/forecast/forecast-network';
import { NodeHeap } from '../../../../src/domain/forecast/node-heap';
import { seededRandom } from '../../../../src/domain/forecast/seeded-random';
import { flatEpics, tallyEpics, type TrialTallies } from '../../../../src/domain/forecast/trial-tallies';

const TRIAL_BLOCK = 16;
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

export function referenceTrials(
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
  // Completion sprints of a block of trials, added to the node-major histogram a block at a time, so
  // that each histogram row is touched once per block rather than at random once per trial.
  const block = new Uint16Array(n * TRIAL_BLOCK);
  let inBlock = 0;
  // Queue order is node order, so a heap of parked nodes is keyed by the node id itself.
  const nodeOrder = new Float64Array(n);
  for (let v = 0; v < n; v++) nodeOrder[v] = v;
  const sizeOf = (t: number) => (teamStart[t + 1] ?? 0) - (teamStart[t] ?? 0);
  const released = net.calendars.map((_, t) => new NodeHeap(sizeOf(t), nodeOrder));
  const timed = net.calendars.map((_, t) => new NodeHeap(sizeOf(t), state, STRIDE, READY_AT));
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
    const done = block.subarray(inBlock * n, (inBlock + 1) * n);
    done.fill(maxSprints);
    teamHeap.clear();
    for (let t = 0; t < teams; t++) {
      released[t]?.clear();
      timed[t]?.clear();
      cursor[t] = teamStart[t] ?? 0;
      sprintOf[t] = 0;
      asleep[t] = 0;
      left[t] = sizeOf(t);
      nextStart[t] = starts[t * width] ?? 0;
      if ((left[t] ?? 0) > 0 && maxSprints > 0) teamHeap.push(t);
    }
    while (teamHeap.size > 0) {
      const t = teamHeap.pop();
      const ready = released[t];
      const waiting = timed[t];
      if (!ready || !waiting) continue;
      const queueEnd = teamStart[t + 1] ?? 0;
      const row = t * width;
      const k = sprintOf[t] ?? 0;
      const start = starts[row + k] ?? 0;
      const end = ends[row + k] ?? 0;
      while (waiting.peekKey() <= start) ready.push(waiting.pop());
      const first = sampleStart[t] ?? 0;
      // One draw per sprint played, even for a team without samples, keeps every later draw in place.
      const draw = Math.floor(random() * ((sampleStart[t + 1] ?? 0) - first));
      let capacity = first < (sampleStart[t + 1] ?? 0) ? (samples[first + draw] ?? 0) : 0;
      let at = cursor[t] ?? 0;
      let open = left[t] ?? 0;
      for (;;) {
        const top = ready.peek();
        let v: number;
        let fromHeap = false;
        if (at < queueEnd && (top < 0 || at < top)) {
          v = at;
          const flags = state[v * STRIDE + PENDING_PARKED] ?? 0;
          if (flags > 0 || (state[v * STRIDE + READY_AT] ?? 0) > start) {
            // The cursor meets each node once, so the node is not parked yet: flags is even.
            state[v * STRIDE + PENDING_PARKED] = flags + 1;
            if (flags === 0) waiting.push(v);
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
        if (fromHeap) ready.pop();
        else at++;
        open--;
        done[v] = k;
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
          timed[team]?.push(d);
          if (asleep[team] === 0) continue;
          // The team had nothing it could work on: it wakes for the first sprint this item is workable in.
          asleep[team] = 0;
          const wake = firstSprintFrom(starts, team * width, sprintOf[team] ?? 0, end, maxSprints);
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
      if (at >= queueEnd && ready.size === 0) {
        if (waiting.size === 0) {
          sprintOf[t] = next;
          asleep[t] = 1;
          continue;
        }
        next = firstSprintFrom(starts, row, next, waiting.peekKey(), maxSprints);
      }
      sprintOf[t] = next;
      if (next < maxSprints) {
        nextStart[t] = starts[row + next] ?? 0;
        teamHeap.push(t);
      }
    }
    tallyEpics(tallies, trial, epics, { done, ends, parkedOf, bindingOf, preNodes });
    if (++inBlock === TRIAL_BLOCK || trial === trials - 1) {
      addBlock(sprintCounts, block, inBlock, n, width);
      inBlock = 0;
    }
  }
  // The engine's histogram is sprint-major; this one was built node-major.
  return { ...tallies, sprintCounts: sprintMajor(sprintCounts, n, width) };
}

function sprintMajor(counts: Uint16Array, n: number, width: number): Uint16Array {
  const out = new Uint16Array(counts.length);
  for (let v = 0; v < n; v++) for (let k = 0; k < width; k++) out[k * n + v] = counts[v * width + k] ?? 0;
  return out;
}

/** Adds `trials` rows of completion sprints (trial-major) to the node-major histogram. */
function addBlock(counts: Uint16Array, block: Uint16Array, trials: number, n: number, width: number): void {
  for (let v = 0; v < n; v++) {
    const row = v * width;
    for (let b = 0; b < trials; b++) {
      const slot = row + (block[b * n + v] ?? 0);
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
  }
}

/** The first sprint index from `k` on that starts at or after `ms` (`maxSprints` when none). */
function firstSprintFrom(
  starts: Float64Array,
  row: number,
  k: number,
  ms: number,
  maxSprints: number,
): number {
  let sprint = k;
  while (sprint < maxSprints && (starts[row + sprint] ?? Infinity) < ms) sprint++;
  return sprint;
}
