/**
 * The Executive Action Team's own backlog (Scrum@Scale: the EAT keeps a transparent impediment
 * backlog): everything open at the top of the ladder, plus anything below it whose time at its level
 * passed the SLA, since a breach means the level could not remove it in time.
 */
import type { BacklogEntry, LevelBacklog } from './impediment-backlog';
import { STATUS_ORDER } from './impediment-backlog';

export interface ExecutiveBacklog {
  /** The top level's name; undefined when the ladder is empty. */
  level: string | undefined;
  entries: BacklogEntry[];
}

export function executiveBacklog(
  backlogs: readonly LevelBacklog[],
  topLevel: string | undefined,
): ExecutiveBacklog {
  const entries = backlogs.flatMap((b) =>
    b.level === topLevel ? b.entries : b.entries.filter((e) => e.slaStatus === 'breached'),
  );
  entries.sort(
    (a, b) =>
      Number(b.level === topLevel) - Number(a.level === topLevel) ||
      STATUS_ORDER[a.slaStatus] - STATUS_ORDER[b.slaStatus] ||
      (b.daysAtLevel ?? 0) - (a.daysAtLevel ?? 0) ||
      (a.key < b.key ? -1 : 1),
  );
  return { level: topLevel, entries };
}
