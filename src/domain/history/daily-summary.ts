/**
 * The daily summary of a program (docs/DOMAIN.md "History"): per team its ready-backlog horizon, ready
 * share, velocity, open cross-team conflicts it suffers and causes, and open impediments per ladder
 * level; per program its cycles, critical-path length and the P85 of the top epics. It is computed from
 * the records the analysis stores for the views (horizons, matrix, impediments, cycles, epics, forecast),
 * never from the raw issues, so a summary shows exactly the numbers the surfaces showed that day.
 */

/** One team's horizon record, as the analysis stores it for the panel and the gadget. */
export interface TeamHorizonInput {
  team: string;
  velocity: number | null;
  horizonSprints: number | null;
  readyItems: number;
  backlogItems: number;
}

export interface MatrixCellInput {
  needs: string;
  provides: string;
  conflicts: number;
}

export interface OpenImpedimentInput {
  team: string | null;
  level: string;
}

export interface TopEpicInput {
  key: string;
  /** 1-based MetaScrum position. */
  position: number;
}

export interface EpicForecastInput {
  key: string;
  p85Sprint: number | null;
  p85Date: string | null;
}

export interface SummaryInputs {
  /** `YYYY-MM-DD` (UTC) the summary stands for. */
  day: string;
  computedAt: string;
  teams: readonly TeamHorizonInput[];
  matrix: readonly MatrixCellInput[];
  /** The ladder's level names, lowest first. */
  levels: readonly string[];
  impediments: readonly OpenImpedimentInput[];
  cycles: number;
  criticalPathLength: number;
  epics: readonly TopEpicInput[];
  forecasts: readonly EpicForecastInput[];
}

export interface TeamSummary {
  team: string;
  horizonSprints: number | null;
  /** Ready backlog items / backlog items (0-1), rounded to 3 places; null without a backlog. */
  readyShare: number | null;
  velocity: number | null;
  conflictsSuffered: number;
  conflictsCaused: number;
  /** Open impediments per ladder level, aligned with the summary's `levels`. */
  impediments: number[];
}

export interface TopEpicSummary {
  key: string;
  position: number;
  p85Sprint: number | null;
  p85Date: string | null;
}

export interface DailySummary {
  day: string;
  computedAt: string;
  levels: string[];
  teams: TeamSummary[];
  program: {
    cycles: number;
    criticalPathLength: number;
    /** Open impediments per level, every team (and none) included: the gadget's ladder. */
    impediments: number[];
    topEpics: TopEpicSummary[];
  };
}

/** As many as the gadget's "where are we going" lists. */
export const TOP_EPICS = 10;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function readyShareOf(readyItems: number, backlogItems: number): number | null {
  return backlogItems > 0 ? round3(readyItems / backlogItems) : null;
}

function perLevel(levels: readonly string[], impediments: readonly OpenImpedimentInput[]): number[] {
  return levels.map((level) => impediments.filter((i) => i.level === level).length);
}

export function dailySummary(input: SummaryInputs): DailySummary {
  const horizonOf = new Map(input.teams.map((t) => [t.team, t]));
  // Teams with a horizon, and any team that only shows up in the matrix or with an impediment.
  const names = new Set([
    ...input.teams.map((t) => t.team),
    ...input.matrix.flatMap((c) => [c.needs, c.provides]),
    ...input.impediments.flatMap((i) => (i.team === null ? [] : [i.team])),
  ]);
  const teams = [...names].sort().map((team): TeamSummary => {
    const h = horizonOf.get(team);
    return {
      team,
      horizonSprints: h?.horizonSprints ?? null,
      readyShare: h ? readyShareOf(h.readyItems, h.backlogItems) : null,
      velocity: h?.velocity ?? null,
      // The team that needs suffers a conflict; the team that provides (too late) causes it.
      conflictsSuffered: input.matrix.filter((c) => c.needs === team).reduce((n, c) => n + c.conflicts, 0),
      conflictsCaused: input.matrix.filter((c) => c.provides === team).reduce((n, c) => n + c.conflicts, 0),
      impediments: perLevel(
        input.levels,
        input.impediments.filter((i) => i.team === team),
      ),
    };
  });
  const forecastOf = new Map(input.forecasts.map((f) => [f.key, f]));
  const topEpics = [...input.epics]
    .sort((a, b) => a.position - b.position)
    .slice(0, TOP_EPICS)
    .map((e) => ({
      key: e.key,
      position: e.position,
      p85Sprint: forecastOf.get(e.key)?.p85Sprint ?? null,
      p85Date: forecastOf.get(e.key)?.p85Date ?? null,
    }));
  return {
    day: input.day,
    computedAt: input.computedAt,
    levels: [...input.levels],
    teams,
    program: {
      cycles: input.cycles,
      criticalPathLength: input.criticalPathLength,
      impediments: perLevel(input.levels, input.impediments),
      topEpics,
    },
  };
}
