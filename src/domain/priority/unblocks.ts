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
  const { items } = model;
  const wanted = new Set(epicKeys);
  const sources = new Map<string, number[]>(epicKeys.map((k) => [k, []]));
  for (let node = 0; node < items.length; node++) {
    if ((graph.outStart[node + 1] ?? 0) === (graph.outStart[node] ?? 0)) continue;
    const item = items[node];
    if (!item || item.done || item.epicKey === undefined || !wanted.has(item.epicKey)) continue;
    sources.get(item.epicKey)?.push(node);
  }
  // Teams as small integers, each node's read once when a search first reaches it (-2: not read yet,
  // -1: outside the program or without a team): the searches visit nodes far more often than items.
  const teamNames: string[] = [];
  const teamStamp: number[] = [];
  const teamIds = new Map<string, number>();
  const teamId = (team: string): number => {
    let id = teamIds.get(team);
    if (id === undefined) {
      id = teamNames.length;
      teamIds.set(team, id);
      teamNames.push(team);
      teamStamp.push(-1);
    }
    return id;
  };
  const nodeTeam = new Int32Array(graph.nodeCount).fill(-2);
  const stamp = new Int32Array(graph.nodeCount).fill(-1);
  const queue = new Int32Array(graph.nodeCount);
  const result = new Map<string, Unblocks>();
  epicKeys.forEach((epicKey, run) => {
    const team = items[model.indexOf.get(epicKey) ?? -1]?.team;
    const ownTeam = team === undefined ? -1 : teamId(team);
    const starts = sources.get(epicKey) ?? [];
    let tail = 0;
    for (const s of starts) {
      stamp[s] = run;
      queue[tail++] = s;
    }
    const teams: string[] = [];
    let count = 0;
    for (let head = 0; head < tail; head++) {
      const v = queue[head] ?? 0;
      for (let i = graph.outStart[v] ?? 0; i < (graph.outStart[v + 1] ?? 0); i++) {
        const w = graph.edgeTo[graph.outEdges[i] ?? 0] ?? 0;
        if (stamp[w] === run) continue;
        stamp[w] = run;
        queue[tail++] = w;
        let t = nodeTeam[w] ?? -1;
        if (t === -2) {
          const item = items[w];
          t = !item || item.external || item.team === undefined ? -1 : teamId(item.team);
          nodeTeam[w] = t;
        }
        if (t < 0 || t === ownTeam) continue;
        if (teamStamp[t] !== run) {
          teamStamp[t] = run;
          teams.push(teamNames[t] ?? '');
        }
        count++;
      }
    }
    result.set(epicKey, { teams: teams.sort(), items: count });
  });
  return result;
}
