/**
 * Rank inversions (DOMAIN.md): an epic ranked above an epic it needs. The lower-ranked prerequisite
 * will be worked on later, so the higher-ranked epic waits. When the prerequisite also needs the higher
 * epic (the two are in one dependency cycle), no order removes the inversion: only breaking the cycle
 * does, and the inversion says so.
 */
import type { EpicDependency } from '../graph/epic-rollup';

export interface RankInversion {
  /** The epic ranked higher, which needs `lower`. */
  higher: string;
  /** Its prerequisite, ranked lower. */
  lower: string;
  /** `lower` also needs `higher`, directly or transitively: reordering cannot fix it. */
  inCycle: boolean;
}

/** True when `to` is reachable from `from` along prerequisite → dependant edges. */
function reaches(from: string, to: string, dependantsOf: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set([from]);
  const stack = [from];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    for (const next of dependantsOf.get(key) ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

export function rankInversions(
  order: readonly string[],
  epicEdges: readonly EpicDependency[],
): RankInversion[] {
  const position = new Map(order.map((key, i) => [key, i]));
  const dependantsOf = new Map<string, string[]>();
  for (const edge of epicEdges)
    dependantsOf.set(edge.from, [...(dependantsOf.get(edge.from) ?? []), edge.to]);
  const inversions: Array<RankInversion & { at: number }> = [];
  for (const edge of epicEdges) {
    const needing = position.get(edge.to);
    const prerequisite = position.get(edge.from);
    if (needing === undefined || prerequisite === undefined || needing >= prerequisite) continue;
    inversions.push({
      higher: edge.to,
      lower: edge.from,
      // The higher epic is itself a prerequisite of the lower one: they wait for each other.
      inCycle: reaches(edge.to, edge.from, dependantsOf),
      at: needing * order.length + prerequisite,
    });
  }
  return inversions.sort((a, b) => a.at - b.at).map(({ at: _at, ...inversion }) => inversion);
}
