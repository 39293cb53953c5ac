/**
 * nodeQuantiles reads the sprint-major histogram row by row for every node at once; it must give what
 * reading each node's column on its own gives: the nearest-rank P50 / P85 / P95 sprint and the trials
 * before a cutoff sprint.
 */
import { PERCENTILES, rankOf } from '../../../src/domain/forecast/forecast-entry';
import { nodeQuantiles } from '../../../src/domain/forecast/node-quantiles';
import { seededRandom } from '../../../src/domain/forecast/seeded-random';
import type { TrialTallies } from '../../../src/domain/forecast/trial-tallies';

function randomTallies(seed: number): { tallies: TrialTallies; cutoffs: Int32Array } {
  const random = seededRandom(seed);
  const nodes = 1 + Math.floor(random() * 40);
  const maxSprints = 1 + Math.floor(random() * 12);
  const trials = 1 + Math.floor(random() * 60);
  const sprintCounts = new Uint16Array(nodes * (maxSprints + 1));
  for (let v = 0; v < nodes; v++) {
    // Some nodes complete within a narrow band, some never, some anywhere.
    const low = Math.floor(random() * (maxSprints + 1));
    const spread = Math.floor(random() * 4);
    for (let trial = 0; trial < trials; trial++) {
      const k = Math.min(maxSprints, low + Math.floor(random() * (spread + 1)));
      sprintCounts[k * nodes + v] = (sprintCounts[k * nodes + v] ?? 0) + 1;
    }
  }
  const cutoffs = Int32Array.from({ length: nodes }, () =>
    random() < 0.5 ? 0 : Math.floor(random() * (maxSprints + 1)),
  );
  const tallies: TrialTallies = {
    trials,
    maxSprints,
    nodes,
    sprintCounts,
    delayCounts: new Uint16Array(0),
    epicTimes: new Float64Array(0),
    epicDelays: [],
  };
  return { tallies, cutoffs };
}

/** One node's column on its own, as the item entries read it before. */
function columnQuantiles(tallies: TrialTallies, v: number, cutoff: number) {
  const { trials, maxSprints, sprintCounts, nodes } = tallies;
  const sprints = PERCENTILES.map((p) => {
    let seen = 0;
    for (let k = 0; k < maxSprints; k++) {
      seen += sprintCounts[k * nodes + v] ?? 0;
      if (seen >= rankOf(p, trials)) return k;
    }
    return -1;
  });
  let onTime = 0;
  for (let k = 0; k < cutoff; k++) onTime += sprintCounts[k * nodes + v] ?? 0;
  return { sprints, onTime };
}

describe('nodeQuantiles', () => {
  it('gives each node the percentiles and on-time count of its own histogram column, on 200 random histograms', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { tallies, cutoffs } = randomTallies(seed);
      const actual = nodeQuantiles(tallies, cutoffs);
      for (let v = 0; v < tallies.nodes; v++) {
        const expected = columnQuantiles(tallies, v, cutoffs[v] ?? 0);
        const width = PERCENTILES.length;
        expect({ seed, v, sprints: [...actual.sprints.subarray(v * width, (v + 1) * width)] }).toEqual({
          seed,
          v,
          sprints: expected.sprints,
        });
        expect({ seed, v, onTime: actual.onTime[v] }).toEqual({ seed, v, onTime: expected.onTime });
      }
    }
  });
});
