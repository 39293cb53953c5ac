/**
 * The Monte Carlo trials (docs/DOMAIN.md "Forecast", rule 4). Each trial draws every team's capacity per sprint
 * with replacement from its samples and plays the sprints of all teams in order of their start, so
 * that when a sprint is played every sprint ending on or before its start has been played already.
 * In a sprint the team spends its capacity on its queue in order; an item whose prerequisites have not
 * all completed in sprints ending on or before the sprint's start is skipped ("parked") and the team
 * goes on with the next ones; a parked item rejoins, in its queue position, from the first sprint it
 * becomes workable. Progress carries over; an item completes at the end of the sprint its remaining
 * points reach zero. Typed arrays, a preallocated team heap and parked-work buckets (parked-work.ts)
 * only: nothing is allocated per trial. One trial is played by trial-play.ts; this sets up and tallies.
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
import { playTrial, type TrialSetup } from './trial-play';

export type { TrialTallies } from './trial-tallies';

const { STRIDE, FLAGS, READY, BOUND } = RECORD;

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
  const epics = flatEpics(epicChildren, teamOf, width);
  const histogram = new SprintHistogram(n, width);
  const parked = new ParkedWork(teamStart, width, starts, state.subarray(READY), STRIDE, never);
  const nextStart = new Int32Array(teams);
  const sampleStart = new Int32Array(teams + 1);
  net.calendars.forEach((c, t) => (sampleStart[t + 1] = (sampleStart[t] ?? 0) + c.samples.length));
  const samples = Float64Array.from(net.calendars.flatMap((c) => c.samples));
  const delayCounts = new Uint16Array(preNodes.length);
  const setup: TrialSetup = {
    maxSprints,
    width,
    teams,
    random,
    teamStart,
    preStart,
    depStart,
    depNodes,
    starts,
    endRank,
    template,
    state,
    bounds,
    points: net.points,
    remaining: new Float64Array(n),
    parked,
    cursor: new Int32Array(teams),
    sprintOf: new Int32Array(teams),
    left: new Int32Array(teams),
    nextStart,
    asleep: new Uint8Array(teams),
    teamHeap: new NodeHeap(teams, nextStart),
    sampleStart,
    samples,
    delayCounts,
  };
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
    const done = histogram.row();
    playTrial(setup, done);
    tallyEpics(tallies, trial, epics, { done, ends, parkedOf, bindingOf, preNodes });
    histogram.commit();
  }
  histogram.finish();
  return tallies;
}
