/**
 * Rank inversions (DOMAIN.md): an epic ranked above an epic it needs. The lower-ranked prerequisite
 * will be worked on later, so the higher-ranked epic waits.
 */
import type { EpicDependency } from '../graph/epic-rollup';

export interface RankInversion {
  /** The epic ranked higher, which needs `lower`. */
  higher: string;
  /** Its prerequisite, ranked lower. */
  lower: string;
}

export function rankInversions(
  order: readonly string[],
  epicEdges: readonly EpicDependency[],
): RankInversion[] {
  const position = new Map(order.map((key, i) => [key, i]));
  const inversions: Array<RankInversion & { at: number }> = [];
  for (const edge of epicEdges) {
    const needing = position.get(edge.to);
    const prerequisite = position.get(edge.from);
    if (needing === undefined || prerequisite === undefined || needing >= prerequisite) continue;
    inversions.push({ higher: edge.to, lower: edge.from, at: needing * order.length + prerequisite });
  }
  return inversions.sort((a, b) => a.at - b.at).map(({ higher, lower }) => ({ higher, lower }));
}
