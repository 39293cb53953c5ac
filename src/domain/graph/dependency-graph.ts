/**
 * The open dependency graph in compressed adjacency form (typed arrays, no per-node objects), so
 * 100k items and 200k edges stay a few megabytes. An edge A -> B means B needs A; it is open when
 * A is not done (DOMAIN.md) and B is not done either (a finished item waits for nothing).
 * Parallel links between the same two items (e.g. "blocks" and "depends on") are one edge.
 */
import type { ProgramModel } from '../model/program-model';

export interface DependencyGraph {
  nodeCount: number;
  edgeCount: number;
  /** Prerequisite of each edge. */
  edgeFrom: Int32Array;
  /** Dependant of each edge. */
  edgeTo: Int32Array;
  /** Edges leaving node v: `outEdges[outStart[v] .. outStart[v + 1])`. */
  outStart: Int32Array;
  outEdges: Int32Array;
  /** Edges entering node v: `inEdges[inStart[v] .. inStart[v + 1])`. */
  inStart: Int32Array;
  inEdges: Int32Array;
}

function adjacency(nodeCount: number, ends: Int32Array): { start: Int32Array; edges: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const v of ends) start[v + 1] = (start[v + 1] ?? 0) + 1;
  for (let v = 0; v < nodeCount; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, nodeCount);
  const edges = new Int32Array(ends.length);
  for (let e = 0; e < ends.length; e++) {
    const v = ends[e] ?? 0;
    const slot = fill[v] ?? 0;
    edges[slot] = e;
    fill[v] = slot + 1;
  }
  return { start, edges };
}

/** The graph of open dependencies between the model's items. */
export function buildDependencyGraph(model: ProgramModel): DependencyGraph {
  const { items } = model;
  const n = items.length;
  const seen = new Set<number>();
  const from: number[] = [];
  const to: number[] = [];
  for (const link of model.links) {
    if (items[link.from]?.done !== false || items[link.to]?.done !== false) continue;
    const pair = link.from * n + link.to;
    if (seen.has(pair)) continue;
    seen.add(pair);
    from.push(link.from);
    to.push(link.to);
  }
  const edgeFrom = Int32Array.from(from);
  const edgeTo = Int32Array.from(to);
  const out = adjacency(n, edgeFrom);
  const inn = adjacency(n, edgeTo);
  return {
    nodeCount: n,
    edgeCount: edgeFrom.length,
    edgeFrom,
    edgeTo,
    outStart: out.start,
    outEdges: out.edges,
    inStart: inn.start,
    inEdges: inn.edges,
  };
}

/** A graph from plain edge pairs (tests, property checks). */
export function graphFromEdges(
  nodeCount: number,
  edges: ReadonlyArray<readonly [number, number]>,
): DependencyGraph {
  const edgeFrom = Int32Array.from(edges.map((e) => e[0]));
  const edgeTo = Int32Array.from(edges.map((e) => e[1]));
  const out = adjacency(nodeCount, edgeFrom);
  const inn = adjacency(nodeCount, edgeTo);
  return {
    nodeCount,
    edgeCount: edges.length,
    edgeFrom,
    edgeTo,
    outStart: out.start,
    outEdges: out.edges,
    inStart: inn.start,
    inEdges: inn.edges,
  };
}
