/**
 * Rank inversions (DOMAIN.md): an epic ranked above an epic it needs. The lower-ranked prerequisite
 * will be worked on later, so the higher-ranked epic waits. When the prerequisite also needs the higher
 * epic (the two are in one dependency cycle), no order removes the inversion: only breaking the cycle
 * does, and the inversion says so.
 */
import { graphFromEdges } from '../graph/dependency-graph';
import type { EpicDependency } from '../graph/epic-rollup';
import { stronglyConnectedComponents } from '../graph/find-cycles';

export interface RankInversion {
  /** The epic ranked higher, which needs `lower`. */
  higher: string;
  /** Its prerequisite, ranked lower. */
  lower: string;
  /** `lower` also needs `higher`, directly or transitively: reordering cannot fix it. */
  inCycle: boolean;
}

export function rankInversions(
  order: readonly string[],
  epicEdges: readonly EpicDependency[],
): RankInversion[] {
  const position = new Map(order.map((key, i) => [key, i]));
  // Each edge's two positions are looked up once (-1: not an open epic of the order).
  const fromAt = new Int32Array(epicEdges.length);
  const toAt = new Int32Array(epicEdges.length);
  epicEdges.forEach((edge, e) => {
    fromAt[e] = position.get(edge.from) ?? -1;
    toAt[e] = position.get(edge.to) ?? -1;
  });
  // Two epics wait for each other exactly when they share a strongly connected component: one linear
  // pass over the epic graph, not a search per inversion (thousands of them at 100k issues).
  const pairs: Array<[number, number]> = [];
  for (let e = 0; e < epicEdges.length; e++) {
    const from = fromAt[e] ?? -1;
    const to = toAt[e] ?? -1;
    if (from >= 0 && to >= 0 && from !== to) pairs.push([from, to]);
  }
  const { componentOf } = stronglyConnectedComponents(graphFromEdges(order.length, pairs));
  // Inverted edges in order of the higher epic's position, then the lower one's (each pair once).
  const inverted: number[] = [];
  const at = new Float64Array(epicEdges.length);
  for (let e = 0; e < epicEdges.length; e++) {
    const needing = toAt[e] ?? -1;
    const prerequisite = fromAt[e] ?? -1;
    if (needing < 0 || prerequisite < 0 || needing >= prerequisite) continue;
    inverted.push(e);
    at[e] = needing * order.length + prerequisite;
  }
  return inverted
    .sort((a, b) => (at[a] ?? 0) - (at[b] ?? 0))
    .map((e) => ({
      higher: epicEdges[e]?.to ?? '',
      lower: epicEdges[e]?.from ?? '',
      // The higher epic is itself a prerequisite of the lower one: they wait for each other.
      inCycle: componentOf[toAt[e] ?? 0] === componentOf[fromAt[e] ?? 0],
    }));
}
