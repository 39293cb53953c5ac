/**
 * The critical path (DOMAIN.md): the longest chain of open work through the dependency graph, weighted
 * by remaining story points (1 when unestimated), with cycles condensed into one step (a cycle's
 * work must all be done together). Longest path in a DAG by dynamic programming over a topological
 * order (Cormen et al., "Introduction to Algorithms", 24.2); Tarjan's numbering already is one.
 * Only items with at least one open dependency take part: an isolated big story is not a chain.
 */
import type { DependencyGraph } from './dependency-graph';
import type { Components } from './find-cycles';

export interface CriticalPathNodes {
  /** Steps from the first prerequisite to the last dependant; a cycle is one step of several nodes. */
  steps: number[][];
  length: number;
}

export function criticalPath(
  graph: DependencyGraph,
  components: Components,
  weightOf: (node: number) => number,
): CriticalPathNodes {
  const { componentOf, count } = components;
  if (graph.edgeCount === 0) return { steps: [], length: 0 };
  const weight = new Float64Array(count);
  const takesPart = new Uint8Array(count);
  const memberStart = new Int32Array(count + 1);
  for (let v = 0; v < graph.nodeCount; v++) {
    const c = componentOf[v] ?? 0;
    memberStart[c + 1] = (memberStart[c + 1] ?? 0) + 1;
    const degree =
      (graph.outStart[v + 1] ?? 0) -
      (graph.outStart[v] ?? 0) +
      (graph.inStart[v + 1] ?? 0) -
      (graph.inStart[v] ?? 0);
    if (degree === 0) continue;
    takesPart[c] = 1;
    weight[c] = (weight[c] ?? 0) + weightOf(v);
  }
  for (let c = 0; c < count; c++) memberStart[c + 1] = (memberStart[c + 1] ?? 0) + (memberStart[c] ?? 0);
  const fill = memberStart.slice(0, count);
  const members = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    const c = componentOf[v] ?? 0;
    const slot = fill[c] ?? 0;
    members[slot] = v;
    fill[c] = slot + 1;
  }

  const best = new Float64Array(count);
  const previous = new Int32Array(count).fill(-1);
  for (let c = 0; c < count; c++) best[c] = weight[c] ?? 0;
  // Sources have the highest ids: walk ids downwards and relax every edge leaving the component.
  for (let c = count - 1; c >= 0; c--) {
    if (takesPart[c] !== 1) continue;
    for (let m = memberStart[c] ?? 0; m < (memberStart[c + 1] ?? 0); m++) {
      const v = members[m] ?? 0;
      for (let i = graph.outStart[v] ?? 0; i < (graph.outStart[v + 1] ?? 0); i++) {
        const w = componentOf[graph.edgeTo[graph.outEdges[i] ?? 0] ?? 0] ?? 0;
        if (w === c) continue;
        const candidate = (best[c] ?? 0) + (weight[w] ?? 0);
        if (candidate > (best[w] ?? 0)) {
          best[w] = candidate;
          previous[w] = c;
        }
      }
    }
  }
  let end = -1;
  for (let c = 0; c < count; c++)
    if (takesPart[c] === 1 && (end < 0 || (best[c] ?? 0) > (best[end] ?? 0))) end = c;
  const steps: number[][] = [];
  for (let c = end; c >= 0; c = previous[c] ?? -1) {
    steps.push(Array.from(members.subarray(memberStart[c] ?? 0, memberStart[c + 1] ?? 0)));
  }
  return { steps: steps.reverse(), length: end < 0 ? 0 : (best[end] ?? 0) };
}
