/** The forecast of one item or epic, as the report and the views show it. */
export interface ForecastEntry {
  key: string;
  team: string | null;
  /** Completion sprint (1 = the team's first sprint ending after now) at P50 / P85 / P95. */
  p50Sprint: number | null;
  p85Sprint: number | null;
  p95Sprint: number | null;
  /** `YYYY-MM-DD`, the UTC end of that sprint; null beyond `forecast.maxSprints`. */
  p50Date: string | null;
  p85Date: string | null;
  p95Date: string | null;
  dueDate: string | null;
  /** Share of trials finishing on or before the due date (0-1); null without a due date. */
  pOnTime: number | null;
  /** Prerequisites whose completion delayed it in more than half of the trials, most often first. */
  drivenBy: string[];
  /** Why it cannot be forecast, or null. */
  unforecastable: string | null;
  /** Open items (the item itself, or an epic's children) sized by the team's median item size. */
  unestimatedItems: number;
}

export interface TeamForecastBasis {
  team: string;
  /** Story points completed in each sampled closed sprint: what capacity is drawn from. */
  capacitySamples: number[];
  cadenceDays: number;
  /** Known active and future sprints ending after now, before projected ones. */
  knownSprints: number;
  /** `YYYY-MM-DD` end of sprint 1; null when the team cannot be forecast. */
  sprint1End: string | null;
  unforecastable: string | null;
}

export interface ProgramForecast {
  trials: number;
  seed: number;
  teams: TeamForecastBasis[];
  items: ForecastEntry[];
  epics: ForecastEntry[];
}

export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first instant after the due day (UTC): finishing before it is finishing on time. */
export function dueCutoffMs(dueDate: string): number {
  return Date.parse(`${dueDate}T00:00:00.000Z`) + DAY_MS;
}

export const PERCENTILES = [0.5, 0.85, 0.95] as const;

/** Nearest-rank percentile: how many of `trials` must be at or below the value. */
export function rankOf(p: number, trials: number): number {
  return Math.max(1, Math.ceil(p * trials - 1e-9));
}
