/**
 * What the engine's impediment metrics and the live impediment summary both report, computed once:
 * days to resolve and the last four weeks' trend (opened, resolved, escalated per week). Each caller
 * says how to count an impediment's escalations, since their history records differ in shape.
 */
export const DAY_MS = 86_400_000;

export const round1 = (x: number) => Math.round(x * 10) / 10;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface ImpedimentTimes {
  done: boolean;
  createdMs: number | undefined;
  resolvedMs: number | undefined;
}

export interface TrendWeek {
  weekStart: string;
  opened: number;
  resolved: number;
  escalated: number;
}

/** Days from creation to resolution of every resolved impediment (resolved after `sinceMs`, if given). */
export function daysToResolve(impediments: readonly ImpedimentTimes[], sinceMs = -Infinity): number[] {
  return impediments.flatMap((i) =>
    i.done && i.resolvedMs !== undefined && i.createdMs !== undefined && i.resolvedMs > sinceMs
      ? [(i.resolvedMs - i.createdMs) / DAY_MS]
      : [],
  );
}

/** The last four weeks, oldest first; a week is (start, end], the last one ending at `nowMs`. */
export function weeklyTrend<T extends ImpedimentTimes>(
  impediments: readonly T[],
  nowMs: number,
  escalationsIn: (impediment: T, inWeek: (ms: number | undefined) => boolean) => number,
): TrendWeek[] {
  return [3, 2, 1, 0].map((weeksAgo) => {
    const end = nowMs - weeksAgo * 7 * DAY_MS;
    const start = end - 7 * DAY_MS;
    const inWeek = (ms: number | undefined) => ms !== undefined && ms > start && ms <= end;
    return {
      weekStart: new Date(start).toISOString(),
      opened: impediments.filter((i) => inWeek(i.createdMs)).length,
      resolved: impediments.filter((i) => i.done && inWeek(i.resolvedMs)).length,
      escalated: impediments.reduce((n, i) => n + escalationsIn(i, inWeek), 0),
    };
  });
}
