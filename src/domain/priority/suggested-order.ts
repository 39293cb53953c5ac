/**
 * The suggested epic order (DOMAIN.md): WSJF order, subject to prerequisites first, with cycles
 * condensed (an epic cycle is kept together). A topological sort (Kahn 1962) that always takes the
 * available step with the best WSJF (ties: current MetaScrum position), so it equals plain WSJF order
 * wherever dependencies allow. Epics without a WSJF score come after scored ones. Every epic whose
 * position changes gets the reason.
 */
import type { EpicDependency } from '../graph/epic-rollup';
import { graphFromEdges } from '../graph/dependency-graph';
import { stronglyConnectedComponents } from '../graph/find-cycles';

export interface EpicMove {
  key: string;
  from: number;
  to: number;
  reason: string;
}

export interface SuggestedOrder {
  order: string[];
  moves: EpicMove[];
}

/** Higher is better; unknown WSJF sorts last. */
const valueOf = (score: number | null | undefined) => score ?? -Infinity;

export function suggestedOrder(
  current: readonly string[],
  wsjf: ReadonlyMap<string, number | null>,
  epicEdges: readonly EpicDependency[],
): SuggestedOrder {
  const n = current.length;
  const position = new Map(current.map((key, i) => [key, i]));
  const pairs: Array<[number, number]> = [];
  for (const e of epicEdges) {
    const a = position.get(e.from);
    const b = position.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) pairs.push([a, b]);
  }
  const graph = graphFromEdges(n, pairs);
  const { componentOf, count } = stronglyConnectedComponents(graph);
  const score = (v: number) => valueOf(wsjf.get(current[v] ?? ''));
  const better = (a: number, b: number) => score(b) - score(a) || a - b;
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < n; v++) members[componentOf[v] ?? 0]?.push(v);
  for (const list of members) list.sort(better);
  const indegree = new Int32Array(count);
  for (const [a, b] of pairs) {
    const cb = componentOf[b] ?? 0;
    if (componentOf[a] !== cb) indegree[cb] = (indegree[cb] ?? 0) + 1;
  }
  const available = new Set<number>();
  for (let c = 0; c < count; c++) if (indegree[c] === 0) available.add(c);
  const sequence: number[] = [];
  while (available.size > 0) {
    let pick = -1;
    for (const c of available)
      if (pick < 0 || better(members[c]?.[0] ?? 0, members[pick]?.[0] ?? 0) < 0) pick = c;
    available.delete(pick);
    for (const v of members[pick] ?? []) {
      sequence.push(v);
      for (let i = graph.outStart[v] ?? 0; i < (graph.outStart[v + 1] ?? 0); i++) {
        const w = componentOf[graph.edgeTo[graph.outEdges[i] ?? 0] ?? 0] ?? 0;
        if (w === pick) continue;
        indegree[w] = (indegree[w] ?? 0) - 1;
        if (indegree[w] === 0) available.add(w);
      }
    }
  }
  const order = sequence.map((v) => current[v] ?? '');
  return { order, moves: movesBetween(current, order, wsjf, pairs, componentOf) };
}

function movesBetween(
  current: readonly string[],
  order: readonly string[],
  wsjf: ReadonlyMap<string, number | null>,
  pairs: ReadonlyArray<[number, number]>,
  componentOf: Int32Array,
): EpicMove[] {
  const byWsjf = current
    .map((key, i) => ({ key, i }))
    .sort((a, b) => valueOf(wsjf.get(b.key)) - valueOf(wsjf.get(a.key)) || a.i - b.i);
  const wsjfIndex = new Map(byWsjf.map((e, rank) => [e.key, rank]));
  const position = new Map(current.map((key, i) => [key, i]));
  const prerequisites = current.map((): string[] => []);
  const dependants = current.map((): string[] => []);
  const cycleMates = new Map<number, string[]>();
  for (const [a, b] of pairs) {
    prerequisites[b]?.push(current[a] ?? '');
    dependants[a]?.push(current[b] ?? '');
  }
  current.forEach((key, v) => {
    const c = componentOf[v] ?? 0;
    const mates = cycleMates.get(c);
    if (mates) mates.push(key);
    else cycleMates.set(c, [key]);
  });
  const label = (key: string) => `${key} (WSJF ${wsjf.get(key) ?? 'unknown'})`;
  const moves: EpicMove[] = [];
  order.forEach((key, to) => {
    const from = position.get(key) ?? to;
    if (from === to) return;
    const cycle = (cycleMates.get(componentOf[from] ?? 0) ?? []).filter((k) => k !== key);
    const needs = prerequisites[from] ?? [];
    const neededBy = dependants[from] ?? [];
    const ideal = wsjfIndex.get(key) ?? to;
    let reason: string;
    if (cycle.length > 0) reason = `in a dependency cycle with ${cycle.join(', ')}: kept together`;
    else if (to < ideal && neededBy.length > 0)
      reason = `moved up: prerequisite of ${neededBy.map(label).join(', ')}`;
    else if (to > ideal && needs.length > 0) reason = `moved down: waits for ${needs.map(label).join(', ')}`;
    else if (wsjf.get(key) == null) reason = 'WSJF unknown: placed after the scored epics';
    // Positions the panel shows (its suggested rank), no program-wide count a viewer could not see.
    else if (to > ideal)
      reason = `WSJF ${wsjf.get(key) ?? ''}: suggested at ${to + 1}, after higher-WSJF epics and what they wait for`;
    else reason = `WSJF ${wsjf.get(key) ?? ''}: suggested at ${to + 1}, before lower-WSJF epics`;
    moves.push({ key, from, to, reason });
  });
  return moves;
}
