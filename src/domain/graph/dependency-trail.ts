/**
 * Everything an item transitively needs (upstream) or that transitively needs it (downstream), with
 * the depth at which each is first reached: breadth-first search (Moore 1959) over open edges, so depth
 * is the shortest number of dependency steps. Works on cycles (each node is visited once).
 */
import type { DependencyGraph } from './dependency-graph';

export type TrailDirection = 'upstream' | 'downstream';

export interface TrailStep {
  node: number;
  depth: number;
}

export function dependencyTrail(
  graph: DependencyGraph,
  start: number,
  direction: TrailDirection,
): TrailStep[] {
  if (start < 0 || start >= graph.nodeCount) return [];
  const upstream = direction === 'upstream';
  const starts = upstream ? graph.inStart : graph.outStart;
  const edges = upstream ? graph.inEdges : graph.outEdges;
  const ends = upstream ? graph.edgeFrom : graph.edgeTo;
  const depthOf = new Map<number, number>([[start, 0]]);
  const trail: TrailStep[] = [];
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] ?? 0;
    const depth = (depthOf.get(v) ?? 0) + 1;
    for (let i = starts[v] ?? 0; i < (starts[v + 1] ?? 0); i++) {
      const w = ends[edges[i] ?? 0] ?? 0;
      if (depthOf.has(w)) continue;
      depthOf.set(w, depth);
      trail.push({ node: w, depth });
      queue.push(w);
    }
  }
  return trail;
}
