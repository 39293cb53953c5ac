/**
 * The open dependencies as the teams see them: each open edge with both teams, the cross-team flag
 * (team(A) != team(B), DOMAIN.md) and its sprint-order status.
 */
import type { ProgramItem, ProgramModel, ProgramSprint } from '../model/program-model';
import type { DependencyGraph } from './dependency-graph';
import { currentSprintOf, sprintOrderStatus, windowOf, type SprintOrderStatus } from './sprint-order';

export const NO_TEAM = '(no team)';

export interface OpenDependency {
  /** The prerequisite. */
  from: string;
  /** The dependant (needs `from`). */
  to: string;
  fromTeam: string;
  toTeam: string;
  crossTeam: boolean;
  status: SprintOrderStatus;
  fromSprint: string | undefined;
  toSprint: string | undefined;
}

/** One entry per open edge, in edge order; `statusOfEdge[e]` indexes the same statuses. */
export function openDependencies(model: ProgramModel, graph: DependencyGraph): OpenDependency[] {
  // Only edge ends need their sprint (a fraction of 100k items): looked up once per node, lazily.
  const current: Array<ProgramSprint | undefined> = new Array<ProgramSprint | undefined>(model.items.length);
  const looked = new Uint8Array(model.items.length);
  const sprintAt = (node: number, item: ProgramItem): ProgramSprint | undefined => {
    if (looked[node] === 1) return current[node];
    looked[node] = 1;
    return (current[node] = currentSprintOf(item, model.sprints));
  };
  const result: OpenDependency[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e] ?? 0;
    const b = graph.edgeTo[e] ?? 0;
    const from = model.items[a];
    const to = model.items[b];
    if (!from || !to) continue;
    const fromSprint = sprintAt(a, from);
    const toSprint = sprintAt(b, to);
    const fromTeam = from.team ?? NO_TEAM;
    const toTeam = to.team ?? NO_TEAM;
    result.push({
      from: from.key,
      to: to.key,
      fromTeam,
      toTeam,
      crossTeam: fromTeam !== toTeam,
      status: sprintOrderStatus(windowOf(fromSprint), windowOf(toSprint)),
      fromSprint: fromSprint?.name,
      toSprint: toSprint?.name,
    });
  }
  return result;
}
