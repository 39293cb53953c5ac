/**
 * The forecast as the consumer stores it beside the analysis (partitions `forecast-meta`,
 * `forecast-epics`, `forecast-items:<project>`): one short record per open item and epic, because a
 * 100k-issue program has ~50k of them and every stored byte costs write quota. Percentile dates are
 * stored as UTC day numbers (days since 1970-01-01) and decoded back to `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { DAY_MS, utcDay, type ForecastEntry } from '../domain/forecast/forecast-entry';

export const ForecastRecordSchema = z.strictObject({
  key: z.string(),
  team: z.string().nullable(),
  /** P50, P85, P95 sprints then their end days; absent when unforecastable or beyond the horizon. */
  f: z.array(z.number().int().nullable()).length(6).optional(),
  due: z.string().optional(),
  p: z.number().min(0).max(1).optional(),
  by: z.array(z.string()).optional(),
  /** Why it cannot be forecast. */
  x: z.string().optional(),
  /** Unestimated items sized at the team median. */
  u: z.number().int().min(0).optional(),
});
export type ForecastRecord = z.infer<typeof ForecastRecordSchema>;

export const ForecastMetaSchema = z.strictObject({
  trials: z.number().int(),
  seed: z.number().int(),
  teams: z.array(
    z.strictObject({
      team: z.string(),
      capacitySamples: z.array(z.number()),
      cadenceDays: z.number(),
      knownSprints: z.number().int(),
      sprint1End: z.string().nullable(),
      unforecastable: z.string().nullable(),
    }),
  ),
});

const dayNumber = (date: string | null) => (date === null ? null : Math.round(Date.parse(date) / DAY_MS));
const dayText = (day: number | null | undefined) =>
  day === null || day === undefined ? null : utcDay(day * DAY_MS);

export function forecastRecord(e: ForecastEntry): ForecastRecord {
  const record: ForecastRecord = { key: e.key, team: e.team };
  if (e.unforecastable === null)
    record.f = [
      e.p50Sprint,
      e.p85Sprint,
      e.p95Sprint,
      dayNumber(e.p50Date),
      dayNumber(e.p85Date),
      dayNumber(e.p95Date),
    ];
  if (e.dueDate !== null) record.due = e.dueDate;
  if (e.pOnTime !== null) record.p = e.pOnTime;
  if (e.drivenBy.length > 0) record.by = e.drivenBy;
  if (e.unforecastable !== null) record.x = e.unforecastable;
  if (e.unestimatedItems > 0) record.u = e.unestimatedItems;
  return record;
}

export function forecastEntryOf(r: ForecastRecord): ForecastEntry {
  const f = r.f ?? [null, null, null, null, null, null];
  return {
    key: r.key,
    team: r.team,
    p50Sprint: f[0] ?? null,
    p85Sprint: f[1] ?? null,
    p95Sprint: f[2] ?? null,
    p50Date: dayText(f[3]),
    p85Date: dayText(f[4]),
    p95Date: dayText(f[5]),
    dueDate: r.due ?? null,
    pOnTime: r.p ?? null,
    drivenBy: r.by ?? [],
    unforecastable: r.x ?? null,
    unestimatedItems: r.u ?? 0,
  };
}
