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
  // Indexed loops throughout: these run once, mostly unoptimised, where for...of allocates per element.
  for (let e = 0; e < ends.length; e++) {
    const v = ends[e] ?? 0;
    start[v + 1] = (start[v + 1] ?? 0) + 1;
  }
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
  const keptLinks = new Int32Array(model.links.length);
  const froms: number[] = [];
  const tos: number[] = [];
  for (let l = 0; l < model.links.length; l++) {
    const link = model.links[l];
    if (link === undefined) continue;
    if (items[link.from]?.done !== false || items[link.to]?.done !== false) continue;
    froms.push(link.from);
    tos.push(link.to);
  }
  const linkFrom = new Int32Array(froms);
  const linkTo = new Int32Array(tos);
  // Parallel links are found per prerequisite (its links in input order, a stamp per dependant), so
  // the first of each pair is kept without hashing a from*n+to number per link.
  const byFrom = adjacency(n, linkFrom);
  const lastFrom = new Int32Array(n).fill(-1);
  const duplicate = new Uint8Array(linkFrom.length);
  for (let v = 0; v < n; v++) {
    for (let i = byFrom.start[v] ?? 0; i < (byFrom.start[v + 1] ?? 0); i++) {
      const link = byFrom.edges[i] ?? 0;
      const to = linkTo[link] ?? 0;
      if (lastFrom[to] === v) duplicate[link] = 1;
      else lastFrom[to] = v;
    }
  }
  let kept = 0;
  for (let l = 0; l < linkFrom.length; l++) {
    if (duplicate[l] === 1) continue;
    keptLinks[kept] = l;
    kept++;
  }
  const edgeFrom = new Int32Array(kept);
  const edgeTo = new Int32Array(kept);
  for (let e = 0; e < kept; e++) {
    const l = keptLinks[e] ?? 0;
    edgeFrom[e] = linkFrom[l] ?? 0;
    edgeTo[e] = linkTo[l] ?? 0;
  }
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
  // Filled by index: `Int32Array.from` of a mapped list made an intermediate array and iterated it.
  const edgeFrom = new Int32Array(edges.length);
  const edgeTo = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    if (edge === undefined) continue;
    edgeFrom[e] = edge[0];
    edgeTo[e] = edge[1];
  }
  return graphFromEdgeArrays(nodeCount, edgeFrom, edgeTo);
}

/** A graph of the edges `edgeFrom[e] -> edgeTo[e]`, kept as they are (no pair per edge to allocate). */
export function graphFromEdgeArrays(
  nodeCount: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
): DependencyGraph {
  const out = adjacency(nodeCount, edgeFrom);
  const inn = adjacency(nodeCount, edgeTo);
  return {
    nodeCount,
    edgeCount: edgeFrom.length,
    edgeFrom,
    edgeTo,
    outStart: out.start,
    outEdges: out.edges,
    inStart: inn.start,
    inEdges: inn.edges,
  };
}
