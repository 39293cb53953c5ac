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
  // Two epics wait for each other exactly when they share a strongly connected component: one linear
  // pass over the epic graph, not a search per inversion (thousands of them at 100k issues).
  const pairs: Array<[number, number]> = [];
  for (const edge of epicEdges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (from !== undefined && to !== undefined && from !== to) pairs.push([from, to]);
  }
  const { componentOf } = stronglyConnectedComponents(graphFromEdges(order.length, pairs));
  const inversions: Array<RankInversion & { at: number }> = [];
  for (const edge of epicEdges) {
    const needing = position.get(edge.to);
    const prerequisite = position.get(edge.from);
    if (needing === undefined || prerequisite === undefined || needing >= prerequisite) continue;
    inversions.push({
      higher: edge.to,
      lower: edge.from,
      // The higher epic is itself a prerequisite of the lower one: they wait for each other.
      inCycle: componentOf[needing] === componentOf[prerequisite],
      at: needing * order.length + prerequisite,
    });
  }
  return inversions.sort((a, b) => a.at - b.at).map(({ at: _at, ...inversion }) => inversion);
}
