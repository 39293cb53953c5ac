/**
 * The impediment backlog of each level (DOMAIN.md: the Scrum of Scrums' and the Executive Action
 * Team's backlogs): the open impediments at that level, oldest at the level first, with their SLA status.
 */
import { stateOf, type LadderLevel } from './escalation-ladder';
import type { ImpedimentFacts } from './impediment-records';
import { daysSince, enteredLevelMs, slaPosition, type SlaStatus } from './impediment-sla';

export interface BacklogEntry {
  key: string;
  summary: string;
  projectKey: string;
  level: string;
  ageDays: number | null;
  daysAtLevel: number | null;
  slaDays: number | null;
  slaStatus: SlaStatus;
  blocks: readonly string[];
}

export interface LevelBacklog {
  level: string;
  owner: string | undefined;
  slaDays: number | null;
  entries: BacklogEntry[];
}

export const STATUS_ORDER: Record<SlaStatus, number> = { breached: 0, 'at-risk': 1, ok: 2, none: 3 };

export function backlogEntry(
  facts: ImpedimentFacts,
  ladder: readonly LadderLevel[],
  nowMs: number,
): BacklogEntry {
  const { level } = stateOf(facts.record, ladder, facts.fieldLevel, facts.done);
  const rung = ladder.find((l) => l.name === level);
  const sla = slaPosition(enteredLevelMs(facts.record, level, facts.createdMs), rung, nowMs);
  return {
    key: facts.key,
    summary: facts.summary,
    projectKey: facts.projectKey,
    level,
    ageDays: daysSince(facts.createdMs, nowMs),
    daysAtLevel: sla.daysAtLevel,
    slaDays: sla.slaDays,
    slaStatus: sla.status,
    blocks: facts.blocks,
  };
}

/** One backlog per ladder level (plus any level found on issues but no longer on the ladder). */
export function levelBacklogs(
  impediments: readonly ImpedimentFacts[],
  ladder: readonly LadderLevel[],
  nowMs: number,
): LevelBacklog[] {
  const open = impediments.filter((i) => !stateOf(i.record, ladder, i.fieldLevel, i.done).resolved);
  const entries = open.map((i) => backlogEntry(i, ladder, nowMs));
  const levels: LadderLevel[] = [...ladder];
  for (const e of entries) {
    if (!levels.some((l) => l.name === e.level)) levels.push({ name: e.level, slaDays: null });
  }
  return levels.map((l) => ({
    level: l.name,
    owner: l.owner,
    slaDays: l.slaDays,
    entries: entries
      .filter((e) => e.level === l.name)
      .sort(
        (a, b) =>
          STATUS_ORDER[a.slaStatus] - STATUS_ORDER[b.slaStatus] ||
          (b.daysAtLevel ?? 0) - (a.daysAtLevel ?? 0) ||
          (a.key < b.key ? -1 : 1),
      ),
  }));
}
