/**
 * Which daily summaries the history keeps, and which stored day stands for a past date. Days are UTC
 * `YYYY-MM-DD` strings. The rule is deterministic: the last {@link DAILY_DAYS} days are kept day by
 * day; older days are thinned to one per ISO week (Monday to Sunday), the latest stored day of that
 * week; days older than {@link KEEP_DAYS} are dropped. Thinning only ever removes days, so running it
 * again on its own result changes nothing.
 */
export const DAY_MS = 86_400_000;
/** Day-by-day resolution: the gadget compares with 8 weeks ago and draws the 8 weeks between. */
export const DAILY_DAYS = 63;
/** At least 400 days of history (60 weeks). */
export const KEEP_DAYS = 420;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(text: string): boolean {
  return DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** Days since 1970-01-01 (UTC). */
export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

export const dayOf = (ms: number): string =>
  new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => dayOf((dayNumber(day) + days) * DAY_MS);

/** The ISO week a day belongs to, as the day number of its Monday (1970-01-01 was a Thursday). */
export const weekOf = (day: string): number => {
  const n = dayNumber(day);
  return n - ((n + 3) % 7);
};

export interface Thinning {
  keep: string[];
  drop: string[];
}

/** Splits stored days into those to keep and those to delete, as of `today`. */
export function thinDays(days: readonly string[], today: string): Thinning {
  const t = dayNumber(today);
  const sorted = [...new Set(days)].sort();
  const latestOfWeek = new Map<number, string>();
  for (const day of sorted) latestOfWeek.set(weekOf(day), day);
  const keep: string[] = [];
  const drop: string[] = [];
  for (const day of sorted) {
    const age = t - dayNumber(day);
    const kept = age < DAILY_DAYS || (age <= KEEP_DAYS && latestOfWeek.get(weekOf(day)) === day);
    (kept ? keep : drop).push(day);
  }
  return { keep, drop };
}

/**
 * The stored day that stands for `target`: the latest one on or before it, within `toleranceDays`
 * (a day the app did not run borrows the day before); undefined when history does not reach back.
 */
export function dayAtOrBefore(
  days: readonly string[],
  target: string,
  toleranceDays = 6,
): string | undefined {
  const t = dayNumber(target);
  let best: string | undefined;
  for (const day of days) {
    const n = dayNumber(day);
    if (n <= t && t - n <= toleranceDays && (best === undefined || n > dayNumber(best))) best = day;
  }
  return best;
}
