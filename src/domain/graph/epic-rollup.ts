/**
 * Epic roll-up (DOMAIN.md): epic X needs epic Y if X (or a child of X) needs Y (or a child of Y),
 * X != Y. Built from open edges, so a finished prerequisite no longer ties two epics together.
 */
import type { ProgramModel } from '../model/program-model';
import type { DependencyGraph } from './dependency-graph';

export interface EpicDependency {
  /** The prerequisite epic. */
  from: string;
  /** The epic that needs it. */
  to: string;
  /** How many open item-level edges make up this epic edge. */
  via: number;
}

export function epicDependencies(model: ProgramModel, graph: DependencyGraph): EpicDependency[] {
  const byPair = new Map<string, EpicDependency>();
  for (let e = 0; e < graph.edgeCount; e++) {
    const from = model.items[graph.edgeFrom[e] ?? 0]?.epicKey;
    const to = model.items[graph.edgeTo[e] ?? 0]?.epicKey;
    if (from === undefined || to === undefined || from === to) continue;
    const id = `${from}\u0000${to}`;
    const entry = byPair.get(id);
    if (entry) entry.via++;
    else byPair.set(id, { from, to, via: 1 });
  }
  return [...byPair.values()].sort((a, b) =>
    a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1,
  );
}
