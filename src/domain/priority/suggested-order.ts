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
import { IntMinHeap } from './int-min-heap';

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
  // Plain WSJF order (best first, ties by current position), ranked once: a component's members in
  // it, the Kahn step's choice and each move's ideal place are all read from it.
  const score = new Float64Array(n);
  for (let v = 0; v < n; v++) score[v] = valueOf(wsjf.get(current[v] ?? ''));
  const byWsjf: number[] = [];
  for (let v = 0; v < n; v++) byWsjf.push(v);
  byWsjf.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[byWsjf[r] ?? 0] = r;
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let r = 0; r < n; r++) {
    const v = byWsjf[r] ?? 0;
    members[componentOf[v] ?? 0]?.push(v);
  }
  const indegree = new Int32Array(count);
  // Indexed loops, not for...of with destructuring: this runs once, mostly unoptimised, where each
  // pair would allocate an iterator and its results (destructuring a pair too).
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p] ?? [0, 0];
    const cb = componentOf[pair[1]] ?? 0;
    if (componentOf[pair[0]] !== cb) indegree[cb] = (indegree[cb] ?? 0) + 1;
  }
  // Available components keyed by their best member's rank: the smallest key is the best step.
  const available = new IntMinHeap(count);
  const keyOf = (c: number) => rank[members[c]?.[0] ?? 0] ?? 0;
  for (let c = 0; c < count; c++) if (indegree[c] === 0) available.push(keyOf(c));
  const sequence: number[] = [];
  while (available.size > 0) {
    const pick = componentOf[byWsjf[available.pop()] ?? 0] ?? 0;
    for (const v of members[pick] ?? []) {
      sequence.push(v);
      for (let i = graph.outStart[v] ?? 0; i < (graph.outStart[v + 1] ?? 0); i++) {
        const w = componentOf[graph.edgeTo[graph.outEdges[i] ?? 0] ?? 0] ?? 0;
        if (w === pick) continue;
        indegree[w] = (indegree[w] ?? 0) - 1;
        if (indegree[w] === 0) available.push(keyOf(w));
      }
    }
  }
  const order = sequence.map((v) => current[v] ?? '');
  return { order, moves: movesBetween(current, sequence, wsjf, rank, pairs, componentOf) };
}

/** Why each epic whose place changes moves; `sequence[to]` is the node suggested at `to`. */
function movesBetween(
  current: readonly string[],
  sequence: readonly number[],
  wsjf: ReadonlyMap<string, number | null>,
  rank: Int32Array,
  pairs: ReadonlyArray<[number, number]>,
  componentOf: Int32Array,
): EpicMove[] {
  const moved: number[] = [];
  for (let to = 0; to < sequence.length; to++) if (sequence[to] !== to) moved.push(to);
  if (moved.length === 0) return [];
  const prerequisites = current.map((): string[] => []);
  const dependants = current.map((): string[] => []);
  const cycleMates = new Map<number, string[]>();
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p] ?? [0, 0];
    const a = pair[0];
    const b = pair[1];
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
  return moved.map((to) => {
    const from = sequence[to] ?? to;
    const key = current[from] ?? '';
    const cycle = (cycleMates.get(componentOf[from] ?? 0) ?? []).filter((k) => k !== key);
    const needs = prerequisites[from] ?? [];
    const neededBy = dependants[from] ?? [];
    const ideal = rank[from] ?? to;
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
    return { key, from, to, reason };
  });
}
