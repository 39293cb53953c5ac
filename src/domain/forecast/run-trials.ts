/**
 * The Monte Carlo trials (docs/DOMAIN.md "Forecast", rule 4). Each trial draws every team's capacity per sprint
 * with replacement from its samples and plays the sprints of all teams in order of their start, so
 * that when a sprint is played every sprint ending on or before its start has been played already.
 * In a sprint the team spends its capacity on its queue in order; an item whose prerequisites have not
 * all completed in sprints ending on or before the sprint's start is skipped ("parked") and the team
 * goes on with the next ones; a parked item rejoins, in its queue position, from the first sprint it
 * becomes workable. Progress carries over; an item completes at the end of the sprint its remaining
 * points reach zero. Typed arrays and preallocated heaps only: nothing is allocated per trial.
 */
import type { ForecastNetwork } from './forecast-network';
import { NodeHeap } from './node-heap';
import { seededRandom } from './seeded-random';

export interface TrialTallies {
  trials: number;
  maxSprints: number;
  /** Per node v, how many trials completed it in sprint k (0-based) at `v * (maxSprints + 1) + k`; k = maxSprints: beyond the horizon. */
  sprintCounts: Uint16Array;
  /** Per prerequisite slot, how many trials it delayed its dependant (the dependant was skipped for it). */
  delayCounts: Uint16Array;
  /** Per epic, its completion time (ms, Infinity beyond the horizon) in each trial. */
  epicTimes: Float64Array;
  /** Per epic, per prerequisite node, how many trials it delayed the epic's last child. */
  epicDelays: Array<Map<number, number>>;
}

const TRIAL_BLOCK = 16;

interface TrialOptions {
  trials: number;
  seed: number;
  maxSprints: number;
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
  const { preStart, preNodes, depStart, depNodes, depSlots, teamOf, teamStart } = net;
  const remaining = new Float64Array(n);
  const pending = new Int32Array(n);
  const basePending = new Int32Array(n);
  for (let v = 0; v < n; v++) basePending[v] = (preStart[v + 1] ?? 0) - (preStart[v] ?? 0);
  const readyAt = new Float64Array(n);
  const binding = new Int32Array(n);
  const parked = new Uint8Array(n);
  // Completion sprints of a block of trials, added to the node-major histogram a block at a time, so
  // that each histogram row is touched once per block rather than at random once per trial.
  const block = new Uint16Array(n * TRIAL_BLOCK);
  let inBlock = 0;
  // Queue order is node order, so a heap of parked nodes is keyed by the node id itself.
  const nodeOrder = new Float64Array(n);
  for (let v = 0; v < n; v++) nodeOrder[v] = v;
  const sizeOf = (t: number) => (teamStart[t + 1] ?? 0) - (teamStart[t] ?? 0);
  const released = net.calendars.map((_, t) => new NodeHeap(sizeOf(t), nodeOrder));
  const timed = net.calendars.map((_, t) => new NodeHeap(sizeOf(t), readyAt));
  const cursor = new Int32Array(teams);
  const sprintOf = new Int32Array(teams);
  const left = new Int32Array(teams);
  const nextStart = new Float64Array(teams);
  const asleep = new Uint8Array(teams);
  const teamHeap = new NodeHeap(teams, nextStart);
  const samples = net.calendars.map((c) => Float64Array.from(c.samples));
  const ends = net.calendars.map((c) => c.ends);
  const sprintCounts = new Uint16Array(n * width);
  const delayCounts = new Uint16Array(preNodes.length);
  const tallies: TrialTallies = {
    trials,
    maxSprints,
    sprintCounts,
    delayCounts,
    epicTimes: new Float64Array(epicChildren.length * trials),
    epicDelays: epicChildren.map(() => new Map<number, number>()),
  };

  for (let trial = 0; trial < trials; trial++) {
    remaining.set(net.points);
    pending.set(basePending);
    readyAt.fill(-Infinity);
    binding.fill(-1);
    parked.fill(0);
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
      nextStart[t] = net.calendars[t]?.starts[0] ?? 0;
      if ((left[t] ?? 0) > 0 && maxSprints > 0) teamHeap.push(t);
    }
    while (teamHeap.size > 0) {
      const t = teamHeap.pop();
      const calendar = net.calendars[t];
      const ready = released[t];
      const waiting = timed[t];
      const draws = samples[t];
      if (!calendar || !ready || !waiting || !draws) continue;
      const queueEnd = teamStart[t + 1] ?? 0;
      const k = sprintOf[t] ?? 0;
      const start = calendar.starts[k] ?? 0;
      const end = calendar.ends[k] ?? 0;
      while (waiting.peekKey() <= start) ready.push(waiting.pop());
      let capacity = draws[Math.floor(random() * draws.length)] ?? 0;
      for (;;) {
        const top = ready.peek();
        const at = cursor[t] ?? 0;
        let v: number;
        let fromHeap = false;
        if (at < queueEnd && (top < 0 || at < top)) {
          v = at;
          if ((pending[v] ?? 0) > 0 || (readyAt[v] ?? 0) > start) {
            parked[v] = 1;
            if (pending[v] === 0) waiting.push(v);
            cursor[t] = at + 1;
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
        if (fromHeap) ready.pop();
        else cursor[t] = at + 1;
        left[t] = (left[t] ?? 0) - 1;
        done[v] = k;
        const bound = binding[v] ?? -1;
        if (parked[v] === 1 && bound >= 0) delayCounts[bound] = (delayCounts[bound] ?? 0) + 1;
        for (let e = depStart[v] ?? 0; e < (depStart[v + 1] ?? 0); e++) {
          const d = depNodes[e] ?? 0;
          const still = (pending[d] ?? 0) - 1;
          pending[d] = still;
          if (end > (readyAt[d] ?? 0)) {
            readyAt[d] = end;
            binding[d] = depSlots[e] ?? -1;
          }
          if (still !== 0 || parked[d] !== 1) continue;
          const team = teamOf[d] ?? 0;
          timed[team]?.push(d);
          if (asleep[team] === 0) continue;
          // The team had nothing it could work on: it wakes for the first sprint this item is workable in.
          asleep[team] = 0;
          const wake = firstSprintFrom(net.calendars[team]?.starts, sprintOf[team] ?? 0, end, maxSprints);
          if (wake >= maxSprints) continue;
          sprintOf[team] = wake;
          nextStart[team] = net.calendars[team]?.starts[wake] ?? 0;
          teamHeap.push(team);
        }
      }
      if ((left[t] ?? 0) === 0) continue;
      // Sprints in which the team has nothing workable change nothing: skip to the next that may.
      let next = k + 1;
      if ((cursor[t] ?? 0) >= queueEnd && ready.size === 0) {
        if (waiting.size === 0) {
          sprintOf[t] = next;
          asleep[t] = 1;
          continue;
        }
        next = firstSprintFrom(calendar.starts, next, waiting.peekKey(), maxSprints);
      }
      sprintOf[t] = next;
      if (next < maxSprints) {
        nextStart[t] = calendar.starts[next] ?? 0;
        teamHeap.push(t);
      }
    }
    tallyEpics(tallies, trial, epicChildren, { done, ends, teamOf, parked, binding, preNodes });
    if (++inBlock === TRIAL_BLOCK || trial === trials - 1) {
      addBlock(sprintCounts, block, inBlock, n, width);
      inBlock = 0;
    }
  }
  return tallies;
}

/** The first sprint index from `k` on that starts at or after `ms` (`maxSprints` when none). */
function firstSprintFrom(
  starts: Float64Array | undefined,
  k: number,
  ms: number,
  maxSprints: number,
): number {
  let sprint = k;
  while (sprint < maxSprints && (starts?.[sprint] ?? Infinity) < ms) sprint++;
  return sprint;
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

function tallyEpics(
  tallies: TrialTallies,
  trial: number,
  epicChildren: readonly Int32Array[],
  state: {
    done: Uint16Array;
    ends: readonly Float64Array[];
    teamOf: Int32Array;
    parked: Uint8Array;
    binding: Int32Array;
    preNodes: Int32Array;
  },
): void {
  const { trials, maxSprints } = tallies;
  const { done, ends, teamOf, parked, binding, preNodes } = state;
  for (let e = 0; e < epicChildren.length; e++) {
    const children = epicChildren[e];
    if (!children) continue;
    let latest = -Infinity;
    let last = -1;
    for (const child of children) {
      const k = done[child] ?? maxSprints;
      const at = k >= maxSprints ? Infinity : (ends[teamOf[child] ?? 0]?.[k] ?? Infinity);
      if (at > latest) {
        latest = at;
        last = child;
      }
    }
    tallies.epicTimes[e * trials + trial] = latest;
    const bound = last < 0 ? -1 : (binding[last] ?? -1);
    if (parked[last] === 1 && bound >= 0) {
      const delays = tallies.epicDelays[e];
      const prerequisite = preNodes[bound] ?? -1;
      delays?.set(prerequisite, (delays.get(prerequisite) ?? 0) + 1);
    }
  }
}
