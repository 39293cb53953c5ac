/**
 * A cycle as a closed path in dependency order (prerequisite → dependant, the map's arrows), so that it
 * reads as what it is: "PAY-55 → CHK-55 → SRCH-55 → PAY-55", each issue needing the one before it.
 * A strongly connected component is not always one simple cycle, so the path is a closed walk: from the
 * member with the smallest key, go by the shortest path (breadth-first, neighbours in key order) to the
 * nearest member not yet on the path, until all are on it, then back to the start. On a simple cycle
 * (the common case) that is the cycle itself; every step is a real open dependency.
 */
import type { DependencyGraph } from './dependency-graph';

/** Shortest path inside `members` from `from` to the first node `wanted` accepts (excluding `from`). */
function shortestPath(
  graph: DependencyGraph,
  members: ReadonlySet<number>,
  from: number,
  wanted: (v: number) => boolean,
  order: (a: number, b: number) => number,
): number[] {
  const previous = new Map<number, number>([[from, -1]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const v of frontier) {
      const out: number[] = [];
      for (let i = graph.outStart[v] ?? 0; i < (graph.outStart[v + 1] ?? 0); i++) {
        const w = graph.edgeTo[graph.outEdges[i] ?? 0] ?? 0;
        if (members.has(w)) out.push(w);
      }
      for (const w of out.sort(order)) {
        if (wanted(w)) {
          const path = [w];
          for (let u = v; u !== -1; u = previous.get(u) ?? -1) path.push(u);
          return path.reverse().slice(1);
        }
        if (previous.has(w)) continue;
        previous.set(w, v);
        next.push(w);
      }
    }
    frontier = next;
  }
  return [];
}

/** The closed walk through every node of one cyclic component: first and last node are the same. */
export function cyclePath(
  graph: DependencyGraph,
  nodes: readonly number[],
  order: (a: number, b: number) => number,
): number[] {
  const start = [...nodes].sort(order)[0];
  if (start === undefined) return [];
  const members = new Set(nodes);
  const onPath = new Set([start]);
  const path = [start];
  let at = start;
  while (onPath.size < members.size) {
    const leg = shortestPath(graph, members, at, (v) => !onPath.has(v), order);
    if (leg.length === 0) break;
    for (const v of leg) onPath.add(v);
    path.push(...leg);
    at = leg[leg.length - 1] ?? at;
  }
  path.push(...shortestPath(graph, members, at, (v) => v === start, order));
  return path;
}
