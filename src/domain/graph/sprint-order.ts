/**
 * Sprint-order status of an open dependency A -> B (B needs A), comparing dates so teams with
 * different cadences compare correctly (DOMAIN.md):
 * conflict = A's sprint ends after B's ends, or A unscheduled while B is scheduled;
 * at-risk = A's sprint overlaps B's; healthy = A ends on or before B starts, or B is not scheduled
 * yet; unplanned = neither is scheduled. An item's sprint is its current one (active or future).
 */
import type { ProgramItem, ProgramSprint } from '../model/program-model';

export type SprintOrderStatus = 'conflict' | 'at-risk' | 'healthy' | 'unplanned';

export interface SprintWindow {
  startMs: number;
  endMs: number;
}

/** The active sprint, else the earliest future one; closed sprints are history. */
export function currentSprintOf(
  item: ProgramItem,
  sprints: ReadonlyMap<number, ProgramSprint>,
): ProgramSprint | undefined {
  let current: ProgramSprint | undefined;
  const ids = item.sprintIds;
  for (let i = 0; i < ids.length; i++) {
    const sprint = sprints.get(ids[i] ?? Number.NaN);
    if (!sprint || sprint.state === 'closed') continue;
    if (sprint.state === 'active') return sprint;
    if (!current || (sprint.startMs ?? Infinity) < (current.startMs ?? Infinity)) current = sprint;
  }
  return current;
}

export function windowOf(sprint: ProgramSprint | undefined): SprintWindow | undefined {
  if (!sprint || sprint.startMs === undefined || sprint.endMs === undefined) return undefined;
  return { startMs: sprint.startMs, endMs: sprint.endMs };
}

export function sprintOrderStatus(
  prerequisite: SprintWindow | undefined,
  dependant: SprintWindow | undefined,
): SprintOrderStatus {
  if (!prerequisite) return dependant ? 'conflict' : 'unplanned';
  if (!dependant) return 'healthy';
  if (prerequisite.endMs > dependant.endMs) return 'conflict';
  if (prerequisite.endMs <= dependant.startMs) return 'healthy';
  return 'at-risk';
}
