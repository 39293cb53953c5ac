/**
 * Impediment metrics (DOMAIN.md "Impediments"): open impediments per escalation level, each one's age
 * at its level against the level's SLA, SLA breaches, median time to resolve and a weekly trend.
 * The level is the last history step, else the escalation-level field, else the ladder's first level
 * (the rule of the impediment section, `stateOf`); the time it entered that level is the
 * history step that set it, else the creation date. Days are counted by `daysSince`, as everywhere.
 */
import type { ProgramConfig } from '../config/program-config';
import type { EscalationStep, ProgramItem, ProgramModel } from '../model/program-model';
import { itemsAt, type ItemGroups } from '../model/item-groups';
import type { ImpedimentBlock } from './impediment-blocks';
import { daysSince, slaPosition } from './impediment-sla';
import { currentLevelName } from './ladder-levels';
import { daysToResolve, median, round1, weeklyTrend, type TrendWeek } from './impediment-trend';

export interface OpenImpediment {
  key: string;
  /** An issue of the Impediment type, or an item whose Flagged field says "Impediment". */
  source: 'issue-type' | 'flag';
  team: string | undefined;
  summary: string;
  level: string;
  owner: string | undefined;
  /** Exact time at its level (ms), so a surface can age it to its own time (`now - msAtLevel`). */
  msAtLevel: number | null;
  daysAtLevel: number | null;
  ageDays: number | null;
  slaDays: number | null;
  breached: boolean;
}

export interface ImpedimentMetrics {
  open: OpenImpediment[];
  perLevel: Array<{ level: string; open: number; breached: number }>;
  slaBreaches: number;
  resolved: number;
  medianDaysToResolve: number | null;
  /** The last four weeks, oldest first: impediments opened, resolved and escalated each week. */
  trend: TrendWeek[];
}

type Levels = ProgramConfig['impediments']['levels'];

/** The level a step put the impediment at, by the level's id, else its name or a former name. */
const stepLevel = (s: EscalationStep, ladder: Levels) => currentLevelName(ladder, { id: s.toId, name: s.to });

export function levelOf(item: ProgramItem, ladder: Levels): string {
  const last = item.escalationHistory.at(-1);
  if (last) return stepLevel(last, ladder);
  const field = item.escalationLevel;
  return field !== undefined ? currentLevelName(ladder, { name: field }) : (ladder[0]?.name ?? 'Team');
}

/** A step that stays at its level (from = to) records a resolution, not a move to the level. */
const isMove = (s: EscalationStep) => s.from !== s.to;

function openImpediment(item: ProgramItem, config: ProgramConfig, nowMs: number): OpenImpediment {
  const ladder = config.impediments.levels;
  const level = levelOf(item, ladder);
  const rung = ladder.find((l) => l.name === level);
  const entered =
    item.escalationHistory.filter((s) => stepLevel(s, ladder) === level && isMove(s)).at(-1)?.atMs ??
    item.createdMs;
  const sla = slaPosition(entered, rung, nowMs);
  return {
    key: item.key,
    source: 'issue-type',
    team: item.team,
    summary: item.summary,
    level,
    owner: rung?.owner,
    msAtLevel: entered === undefined ? null : nowMs - entered,
    daysAtLevel: sla.daysAtLevel,
    ageDays: daysSince(item.createdMs, nowMs),
    slaDays: sla.slaDays,
    breached: sla.status === 'breached',
  };
}

/**
 * A flagged item is an impediment at the ladder's first level (the team's). Jira keeps no date for the
 * flag outside the changelog, so its age is unknown (null) and it is never counted as past its SLA.
 */
function flaggedImpediment(item: ProgramItem, config: ProgramConfig): OpenImpediment {
  const rung = config.impediments.levels[0];
  return {
    key: item.key,
    source: 'flag',
    team: item.team,
    summary: item.summary,
    level: rung?.name ?? 'Team',
    owner: rung?.owner,
    msAtLevel: null,
    daysAtLevel: null,
    ageDays: null,
    slaDays: rung?.slaDays ?? null,
    breached: false,
  };
}

/** `blocks`: openImpedimentBlocks(model), which the analysis has already. */
export function impedimentMetrics(
  model: ProgramModel,
  groups: ItemGroups,
  blocks: readonly ImpedimentBlock[],
  config: ProgramConfig,
  nowMs: number,
): ImpedimentMetrics {
  const all = itemsAt(model.items, groups.impediments);
  const open = all.filter((i) => !i.done).map((i) => openImpediment(i, config, nowMs));
  // A flag escalated once has its own Impediment issue blocking the item: that issue is the impediment.
  const raised = new Set(blocks.map((b) => b.blocks));
  for (const item of itemsAt(model.items, groups.flaggedOpen)) {
    if (item.kind !== 'impediment' && !item.external && !raised.has(item.key))
      open.push(flaggedImpediment(item, config));
  }
  open.sort((a, b) => (b.daysAtLevel ?? 0) - (a.daysAtLevel ?? 0) || (a.key < b.key ? -1 : 1));
  const levels = [...config.impediments.levels.map((l) => l.name)];
  for (const o of open) if (!levels.includes(o.level)) levels.push(o.level);
  const durations = daysToResolve(all);
  const med = median(durations);
  const trend = weeklyTrend(
    all,
    nowMs,
    // A step that stays at its level (from = to) records a resolution, not a move.
    (i, inWeek) =>
      i.escalationHistory.filter((s) => s.from !== undefined && s.from !== s.to && inWeek(s.atMs)).length,
  );
  return {
    open,
    perLevel: levels.map((level) => ({
      level,
      open: open.filter((o) => o.level === level).length,
      breached: open.filter((o) => o.level === level && o.breached).length,
    })),
    slaBreaches: open.filter((o) => o.breached).length,
    resolved: durations.length,
    medianDaysToResolve: med === null ? null : round1(med),
    trend,
  };
}
