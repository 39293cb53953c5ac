/**
 * Strongly connected components by Tarjan's algorithm (R. Tarjan, "Depth-first search and linear
 * graph algorithms", SIAM J. Comput. 1972), run with an explicit stack so that a 100k-node chain
 * cannot overflow the call stack. Components come out in reverse topological order (a component is
 * numbered before every component that reaches it), which the critical path relies on.
 * Cycles are data (DOMAIN.md): components of more than one node, or a node with a self-link.
 */
import type { DependencyGraph } from './dependency-graph';

export interface Components {
  /** Component id of each node. */
  componentOf: Int32Array;
  count: number;
}

export function stronglyConnectedComponents(graph: DependencyGraph): Components {
  const n = graph.nodeCount;
  const { outStart, outEdges, edgeTo } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackTop = 0;
  let nextIndex = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = outStart[root] ?? 0;
    index[root] = low[root] = nextIndex++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth] ?? 0;
      const e = callEdge[depth] ?? 0;
      if (e < (outStart[v + 1] ?? 0)) {
        callEdge[depth] = e + 1;
        const w = edgeTo[outEdges[e] ?? 0] ?? 0;
        if (index[w] === -1) {
          index[w] = low[w] = nextIndex++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = outStart[w] ?? 0;
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackTop] ?? 0;
          onStack[w] = 0;
          componentOf[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth] ?? 0;
        low[parent] = Math.min(low[parent] ?? 0, low[v] ?? 0);
      }
    }
  }
  return { componentOf, count };
}

/** Node lists of the cyclic components (size > 1, or a self-link), in component order. */
export function findCycles(graph: DependencyGraph, components: Components): number[][] {
  const { componentOf, count } = components;
  const size = new Int32Array(count);
  for (let v = 0; v < componentOf.length; v++) {
    const c = componentOf[v] ?? 0;
    size[c] = (size[c] ?? 0) + 1;
  }
  const cyclic = new Uint8Array(count);
  for (let c = 0; c < count; c++) if ((size[c] ?? 0) > 1) cyclic[c] = 1;
  for (let e = 0; e < graph.edgeCount; e++) {
    const v = graph.edgeFrom[e] ?? 0;
    if (v === graph.edgeTo[e]) cyclic[componentOf[v] ?? 0] = 1;
  }
  const members = new Map<number, number[]>();
  for (let v = 0; v < graph.nodeCount; v++) {
    const c = componentOf[v] ?? 0;
    if (cyclic[c] !== 1) continue;
    const list = members.get(c);
    if (list) list.push(v);
    else members.set(c, [v]);
  }
  return [...members].sort(([a], [b]) => a - b).map(([, nodes]) => nodes);
}
