/**
 * Team velocity (DOMAIN.md): the mean story points completed in the team's last N closed sprints
 * (default 3). An item counts for the closed sprint in its sprint field during which it was resolved
 * (resolution date within the sprint, up to its completion), as Jira's velocity chart counts work
 * completed in a sprint. Unknown, with the reason, when it cannot be computed.
 */
import type { ProgramItem, ProgramSprint } from '../model/program-model';

export interface SprintVelocity {
  sprint: string;
  completedPoints: number;
}

export type Velocity =
  | { known: true; value: number; sprints: SprintVelocity[] }
  | { known: false; reason: string; sprints: SprintVelocity[] };

const DAY_MS = 86_400_000;

/** The closed sprint of the item's sprint field that its resolution date falls in (a day's grace). */
function completedIn(
  item: ProgramItem,
  sprints: ReadonlyMap<number, ProgramSprint>,
): ProgramSprint | undefined {
  if (!item.done) return undefined;
  let latest: ProgramSprint | undefined;
  const ids = item.sprintIds;
  for (let i = 0; i < ids.length; i++) {
    const sprint = sprints.get(ids[i] ?? Number.NaN);
    if (sprint?.state !== 'closed') continue;
    const end = sprint.completeMs ?? sprint.endMs ?? Infinity;
    const start = sprint.startMs ?? -Infinity;
    if (item.resolvedMs !== undefined && item.resolvedMs >= start && item.resolvedMs <= end + DAY_MS)
      return sprint;
    if (!latest || end > (latest.completeMs ?? latest.endMs ?? Infinity)) latest = sprint;
  }
  // Resolved without a date, or outside every window: Jira counts it in the last closed sprint it was in.
  return item.resolvedMs === undefined ? latest : undefined;
}

export function teamVelocity(
  teamItems: readonly ProgramItem[],
  sprints: ReadonlyMap<number, ProgramSprint>,
  sprintCount: number,
): Velocity {
  const closed = new Map<number, ProgramSprint>();
  // Indexed loops, not for...of: this runs once per team, mostly before the optimising compiler
  // steps in, and unoptimised for...of allocates an iterator result per element (100k items).
  for (let t = 0; t < teamItems.length; t++) {
    const ids = teamItems[t]?.sprintIds ?? [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? Number.NaN;
      const sprint = sprints.get(id);
      if (sprint?.state === 'closed') closed.set(id, sprint);
    }
  }
  const last = [...closed.values()]
    .sort((a, b) => (b.completeMs ?? b.endMs ?? 0) - (a.completeMs ?? a.endMs ?? 0) || b.id - a.id)
    .slice(0, sprintCount);
  const completed = new Map<number, number>(last.map((s) => [s.id, 0]));
  for (let t = 0; t < teamItems.length; t++) {
    const item = teamItems[t];
    if (item === undefined) continue;
    const sprint = completedIn(item, sprints);
    if (sprint && completed.has(sprint.id))
      completed.set(sprint.id, (completed.get(sprint.id) ?? 0) + (item.points ?? 0));
  }
  const perSprint = last
    .reverse()
    .map((s) => ({ sprint: s.name, completedPoints: completed.get(s.id) ?? 0 }));
  if (last.length === 0)
    return { known: false, reason: 'the team has no closed sprint yet', sprints: perSprint };
  const total = perSprint.reduce((sum, s) => sum + s.completedPoints, 0);
  if (total === 0) {
    return {
      known: false,
      reason: `no story points were completed in the last ${last.length} closed sprint(s)`,
      sprints: perSprint,
    };
  }
  return { known: true, value: Math.round((total / last.length) * 100) / 100, sprints: perSprint };
}
