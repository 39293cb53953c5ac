/**
 * Impediment metrics for the panel and the gadget (DOMAIN.md: open per level, SLA breaches, median time
 * to resolve, trend). Same definitions as the engine's `impedimentMetrics`, computed from live issues:
 * the median covers impediments resolved in the last 30 days; the trend is the last four weeks.
 */
import { levelBacklogs } from './impediment-backlog';
import type { LadderLevel } from './escalation-ladder';
import type { ImpedimentFacts } from './impediment-records';
import { DAY_MS, daysToResolve, median, round1, weeklyTrend, type TrendWeek } from './impediment-trend';

export const RESOLUTION_WINDOW_DAYS = 30;

export interface ImpedimentSummary {
  open: number;
  perLevel: Array<{ level: string; open: number; breached: number; atRisk: number }>;
  slaBreaches: number;
  resolvedInWindow: number;
  medianDaysToResolve: number | null;
  trend: TrendWeek[];
}

export function impedimentSummary(
  impediments: readonly ImpedimentFacts[],
  ladder: readonly LadderLevel[],
  nowMs: number,
): ImpedimentSummary {
  const backlogs = levelBacklogs(impediments, ladder, nowMs);
  const durations = daysToResolve(impediments, nowMs - RESOLUTION_WINDOW_DAYS * DAY_MS);
  const med = median(durations);
  const trend = weeklyTrend(
    impediments,
    nowMs,
    (i, inWeek) => i.record.history.filter((m) => m.action === 'escalate' && inWeek(Date.parse(m.at))).length,
  );
  const perLevel = backlogs.map((b) => ({
    level: b.level,
    open: b.entries.length,
    breached: b.entries.filter((e) => e.slaStatus === 'breached').length,
    atRisk: b.entries.filter((e) => e.slaStatus === 'at-risk').length,
  }));
  return {
    open: perLevel.reduce((n, l) => n + l.open, 0),
    perLevel,
    slaBreaches: perLevel.reduce((n, l) => n + l.breached, 0),
    resolvedInWindow: durations.length,
    medianDaysToResolve: med === null ? null : round1(med),
    trend,
  };
}
