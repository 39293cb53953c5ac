/**
 * Impediment metrics (DOMAIN.md "Impediments"): open impediments per escalation level, each one's age
 * at its level against the level's SLA, SLA breaches, median time to resolve and a weekly trend.
 * The level is the escalation-level field, else the last history step, else the ladder's first level;
 * the time it entered that level is the history step that set it, else the creation date.
 */
import type { ProgramConfig } from '../config/program-config';
import type { ProgramItem, ProgramModel } from '../model/program-model';

export const DAY_MS = 86_400_000;

export interface OpenImpediment {
  key: string;
  team: string | undefined;
  summary: string;
  level: string;
  owner: string | undefined;
  daysAtLevel: number | null;
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
  trend: Array<{ weekStart: string; opened: number; resolved: number; escalated: number }>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function levelOf(item: ProgramItem, ladder: ProgramConfig['impediments']['levels']): string {
  return item.escalationLevel ?? item.escalationHistory.at(-1)?.to ?? ladder[0]?.name ?? 'Team';
}

function openImpediment(item: ProgramItem, config: ProgramConfig, nowMs: number): OpenImpediment {
  const level = levelOf(item, config.impediments.levels);
  const rung = config.impediments.levels.find((l) => l.name === level);
  const entered = item.escalationHistory.filter((s) => s.to === level).at(-1)?.atMs ?? item.createdMs;
  const daysAtLevel = entered === undefined ? null : round1((nowMs - entered) / DAY_MS);
  const slaDays = rung?.slaDays ?? null;
  return {
    key: item.key,
    team: item.team,
    summary: item.summary,
    level,
    owner: rung?.owner,
    daysAtLevel,
    slaDays,
    breached: slaDays !== null && daysAtLevel !== null && daysAtLevel > slaDays,
  };
}

export function impedimentMetrics(
  model: ProgramModel,
  config: ProgramConfig,
  nowMs: number,
): ImpedimentMetrics {
  const all = model.items.filter((i) => i.kind === 'impediment' && !i.external);
  const open = all.filter((i) => !i.done).map((i) => openImpediment(i, config, nowMs));
  open.sort((a, b) => (b.daysAtLevel ?? 0) - (a.daysAtLevel ?? 0) || (a.key < b.key ? -1 : 1));
  const levels = [...config.impediments.levels.map((l) => l.name)];
  for (const o of open) if (!levels.includes(o.level)) levels.push(o.level);
  const durations = all.flatMap((i) =>
    i.done && i.resolvedMs !== undefined && i.createdMs !== undefined
      ? [(i.resolvedMs - i.createdMs) / DAY_MS]
      : [],
  );
  const med = median(durations);
  const trend = [3, 2, 1, 0].map((weeksAgo) => {
    const end = nowMs - weeksAgo * 7 * DAY_MS;
    const start = end - 7 * DAY_MS;
    const inWeek = (ms: number | undefined) => ms !== undefined && ms > start && ms <= end;
    return {
      weekStart: new Date(start).toISOString(),
      opened: all.filter((i) => inWeek(i.createdMs)).length,
      resolved: all.filter((i) => i.done && inWeek(i.resolvedMs)).length,
      escalated: all.reduce(
        (n, i) =>
          // A step that stays at its level (from = to) records a resolution, not a move.
          n +
          i.escalationHistory.filter((s) => s.from !== undefined && s.from !== s.to && inWeek(s.atMs)).length,
        0,
      ),
    };
  });
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
