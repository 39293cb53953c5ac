/**
 * Impediment metrics for the panel and the gadget (DOMAIN.md: open per level, SLA breaches, median time
 * to resolve, trend). Same definitions as the engine's `impedimentMetrics`, computed from live issues:
 * the median covers impediments resolved in the last 30 days; the trend is the last four weeks.
 */
import { levelBacklogs } from './impediment-backlog';
import type { LadderLevel } from './escalation-ladder';
import type { ImpedimentFacts } from './impediment-records';
import { DAY_MS, median } from './impediment-metrics';

export const RESOLUTION_WINDOW_DAYS = 30;

export interface ImpedimentSummary {
  open: number;
  perLevel: Array<{ level: string; open: number; breached: number; atRisk: number }>;
  slaBreaches: number;
  resolvedInWindow: number;
  medianDaysToResolve: number | null;
  trend: Array<{ weekStart: string; opened: number; resolved: number; escalated: number }>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function impedimentSummary(
  impediments: readonly ImpedimentFacts[],
  ladder: readonly LadderLevel[],
  nowMs: number,
): ImpedimentSummary {
  const backlogs = levelBacklogs(impediments, ladder, nowMs);
  const windowStart = nowMs - RESOLUTION_WINDOW_DAYS * DAY_MS;
  const durations = impediments.flatMap((i) =>
    i.done && i.resolvedMs !== undefined && i.createdMs !== undefined && i.resolvedMs > windowStart
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
      opened: impediments.filter((i) => inWeek(i.createdMs)).length,
      resolved: impediments.filter((i) => i.done && inWeek(i.resolvedMs)).length,
      escalated: impediments.reduce(
        (n, i) =>
          n + i.record.history.filter((m) => m.action === 'escalate' && inWeek(Date.parse(m.at))).length,
        0,
      ),
    };
  });
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
