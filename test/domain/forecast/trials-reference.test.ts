/**
 * The trials must give, seed for seed, what the reference trials (the engine before its speed-ups,
 * test/domain/forecast/reference) gave: on random networks with several teams, cross-team
 * prerequisites, fractional and zero points, zero capacity, overlapping and zero-length known
 * sprints. A speed-up that changes one draw, one skip or one tie shows here.
 */
import type { ForecastNetwork } from '../../../src/domain/forecast/forecast-network';
import { runTrials } from '../../../src/domain/forecast/run-trials';
import { seededRandom } from '../../../src/domain/forecast/seeded-random';
import type { TeamCalendar } from '../../../src/domain/forecast/team-calendar';
import { referenceTrials } from './reference/reference-trials';

const DAY = 86_400_000;

function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function randomCalendar(random: () => number, t: number, maxSprints: number): TeamCalendar {
  const cadenceMs = pick(random, [7, 10, 14, 21]) * DAY;
  const known = Math.floor(random() * 4);
  const starts = new Float64Array(maxSprints);
  const ends = new Float64Array(maxSprints);
  let end = Math.floor(random() * 5) * DAY;
  const knownSprints = Math.min(known, maxSprints);
  for (let k = 0; k < knownSprints; k++) {
    end += Math.floor(random() * 3) * 3 * DAY;
    ends[k] = end;
    // Known sprints may overlap (starts go back in time) or last no time at all.
    starts[k] = end - Math.floor(random() * 20) * DAY;
  }
  for (let k = knownSprints; k < maxSprints; k++) {
    starts[k] = end + (k - knownSprints) * cadenceMs;
    ends[k] = end + (k - knownSprints + 1) * cadenceMs;
  }
  const samples =
    random() < 0.1
      ? []
      : Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, [0, 3, 5, 8, 13, 2.5]));
  return { team: `T${t}`, samples, cadenceMs, starts, ends, knownSprints, unforecastable: undefined };
}

/** A random acyclic network: node u may wait for node p only when p comes earlier in a random rank. */
function randomNetwork(seed: number): { net: ForecastNetwork; epics: Int32Array[]; maxSprints: number } {
  const random = seededRandom(seed);
  const maxSprints = 3 + Math.floor(random() * 10);
  const teams = 1 + Math.floor(random() * 4);
  const calendars = Array.from({ length: teams }, (_, t) => randomCalendar(random, t, maxSprints));
  const teamStart = new Int32Array(teams + 1);
  for (let t = 0; t < teams; t++) teamStart[t + 1] = (teamStart[t] ?? 0) + Math.floor(random() * 26);
  const n = teamStart[teams] ?? 0;
  const teamOf = new Int32Array(n);
  for (let t = 0; t < teams; t++) teamOf.fill(t, teamStart[t] ?? 0, teamStart[t + 1] ?? 0);
  const points = Float64Array.from({ length: n }, () => pick(random, [0, 1, 2, 3, 5, 8, 0.5, 1.3]));
  const rank = Array.from({ length: n }, () => random());
  const pres: number[][] = Array.from({ length: n }, (_, v) => {
    const wanted = random() < 0.5 ? 0 : 1 + Math.floor(random() * 3);
    const chosen = new Set<number>();
    for (let i = 0; i < wanted && n > 1; i++) {
      const p = Math.floor(random() * n);
      if ((rank[p] ?? 0) < (rank[v] ?? 0)) chosen.add(p);
    }
    return [...chosen];
  });
  const preStart = new Int32Array(n + 1);
  pres.forEach((list, v) => (preStart[v + 1] = (preStart[v] ?? 0) + list.length));
  const preNodes = Int32Array.from(pres.flat());
  const dependants: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  pres.forEach((list, v) => list.forEach((p, i) => dependants[p]?.push([v, (preStart[v] ?? 0) + i])));
  const depStart = new Int32Array(n + 1);
  dependants.forEach((list, u) => (depStart[u + 1] = (depStart[u] ?? 0) + list.length));
  const flat = dependants.flat();
  const identity = Int32Array.from({ length: n }, (_, v) => v);
  const net: ForecastNetwork = {
    unforecastable: Array.from({ length: n }, () => undefined),
    nodeOf: identity,
    workOfNode: identity,
    teamOf,
    points,
    teamStart,
    unestimated: new Uint8Array(n),
    preStart,
    preNodes,
    depStart,
    depNodes: Int32Array.from(flat.map(([v]) => v)),
    depSlots: Int32Array.from(flat.map(([, slot]) => slot)),
    calendars,
  };
  const epics = Array.from({ length: Math.floor(random() * 4) }, () =>
    Int32Array.from(
      Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * n)).filter((v) => v < n),
    ),
  );
  return { net, epics, maxSprints };
}

describe('the trials against the reference trials', () => {
  it('give the same histograms, delays and epic times, seed for seed, on 300 random networks', () => {
    let nodes = 0;
    let edges = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { net, epics, maxSprints } = randomNetwork(seed);
      const options = { trials: 40, seed, maxSprints };
      const actual = runTrials(net, epics, options);
      const expected = referenceTrials(net, epics, options);
      expect({ seed, ...actual }).toEqual({ seed, ...expected });
      nodes += net.points.length;
      edges += net.preNodes.length;
    }
    // The networks are not trivially small: the comparison covers real flows and waits.
    expect(nodes).toBeGreaterThan(3000);
    expect(edges).toBeGreaterThan(1500);
  });
});
