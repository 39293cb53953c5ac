/**
 * "Unblocks N teams / M items" (DOMAIN.md): the other teams' open items that depend, transitively, on
 * the epic (on the epic itself or any of its open children). One breadth-first search per epic over
 * the open graph, with a visit stamp array so no per-search allocation grows with the program.
 */
import type { ProgramModel } from '../model/program-model';
import type { DependencyGraph } from '../graph/dependency-graph';

export interface Unblocks {
  teams: string[];
  items: number;
}

export function unblocksByEpic(
  model: ProgramModel,
  graph: DependencyGraph,
  epicKeys: readonly string[],
): Map<string, Unblocks> {
  const wanted = new Set(epicKeys);
  const sources = new Map<string, number[]>(epicKeys.map((k) => [k, []]));
  model.items.forEach((item, node) => {
    if (item.done || item.epicKey === undefined || !wanted.has(item.epicKey)) return;
    if ((graph.outStart[node + 1] ?? 0) > (graph.outStart[node] ?? 0)) sources.get(item.epicKey)?.push(node);
  });
  const stamp = new Int32Array(graph.nodeCount).fill(-1);
  const queue = new Int32Array(graph.nodeCount);
  const result = new Map<string, Unblocks>();
  epicKeys.forEach((epicKey, run) => {
    const team = model.items[model.indexOf.get(epicKey) ?? -1]?.team;
    const starts = sources.get(epicKey) ?? [];
    let tail = 0;
    for (const s of starts) {
      stamp[s] = run;
      queue[tail++] = s;
    }
    const teams = new Set<string>();
    let items = 0;
    for (let head = 0; head < tail; head++) {
      const v = queue[head] ?? 0;
      for (let i = graph.outStart[v] ?? 0; i < (graph.outStart[v + 1] ?? 0); i++) {
        const w = graph.edgeTo[graph.outEdges[i] ?? 0] ?? 0;
        if (stamp[w] === run) continue;
        stamp[w] = run;
        queue[tail++] = w;
        const item = model.items[w];
        if (!item || item.external || item.team === undefined || item.team === team) continue;
        teams.add(item.team);
        items++;
      }
    }
    result.set(epicKey, { teams: [...teams].sort(), items });
  });
  return result;
}
