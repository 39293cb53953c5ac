/**
 * The gadget's "where are we now against 2, 4 and 8 weeks ago": the stored daily summaries at now and
 * at each week back to 8 weeks ago (nine values, so a view reads at most ten small records), as one
 * user may see them. Team rows follow the gadget's rule (a team whose project, or one of whose epics,
 * the user may browse); program-wide numbers need every team and issue of the program; top epics are
 * listed only when the user may see them (project and issue security).
 */
import { addDays, dayAtOrBefore, dayOf } from '../../domain/history/history-days';
import { HISTORY_WEEKS, type GadgetConfig, type History } from '../../shared/contract';
import { EpicRecordSchema } from '../../storage/analysis-schema';
import { readParts } from '../../storage/analysis-store';
import type { StoredDailySummary } from '../../storage/history-schema';
import { readHistoryDays, readHistoryIndex } from '../../storage/history-store';
import { currentProgramId } from '../../storage/program-scope';
import { analysisViewFor, sees, visibleParts } from '../analysis/analysis-view';
import type { Viewer } from '../viewer';

/** Per-level counts of `summary` re-aligned to `levels` (the ladder may have been renamed since). */
function alignLevels(summaryLevels: readonly string[], counts: readonly number[], levels: readonly string[]) {
  return levels.map((level) => {
    const i = summaryLevels.indexOf(level);
    return i < 0 ? 0 : (counts[i] ?? 0);
  });
}

export async function gadgetHistory(
  viewer: Viewer,
  config: GadgetConfig,
  programId = currentProgramId(),
): Promise<History> {
  const wanted = config.projectKeys?.length ? new Set(config.projectKeys) : undefined;
  const [view, index] = await Promise.all([analysisViewFor(viewer, wanted), readHistoryIndex(programId)]);
  const today = dayOf(viewer.now);
  const days = index?.body.days ?? [];
  const points = HISTORY_WEEKS.map((weeksAgo) => ({
    weeksAgo,
    day: dayAtOrBefore(days, addDays(today, -7 * weeksAgo)) ?? null,
  }));
  const stored = await readHistoryDays(
    programId,
    points.flatMap((p) => (p.day === null ? [] : [p.day])),
  );
  const byDay = new Map(stored.map((s) => [s.day, s]));
  const series = points.map((p) => (p.day === null ? undefined : byDay.get(p.day)));
  const latest = series.find((s) => s !== undefined);
  const levels = latest?.levels ?? [];

  const allTeams = [...new Set(stored.flatMap((s) => s.teams.map((t) => t.team)))].sort();
  // A team field names teams that are not projects: then a team is shown through its visible epics.
  const epicTeams = allTeams.every((t) => view.visible.has(t))
    ? new Set<string>()
    : new Set((await readParts(visibleParts(view, 'epics'), EpicRecordSchema)).map((e) => e.team));
  const teamShown = (team: string) => view.visible.has(team) || epicTeams.has(team);
  const teamPoint = (s: StoredDailySummary | undefined, team: string) => {
    const t = s?.teams.find((x) => x.team === team);
    if (!s || !t) return null;
    return {
      horizonSprints: t.horizonSprints,
      readyShare: t.readyShare,
      velocity: t.velocity,
      conflictsSuffered: t.conflictsSuffered,
      conflictsCaused: t.conflictsCaused,
      impediments: alignLevels(s.levels, t.impediments, levels),
    };
  };
  // The one visibility rule: the epic's project is browsable and no security level hides it.
  const topEpics = (latest?.program.topEpics ?? []).filter((e) => sees(view, e.key));
  return {
    points,
    levels,
    demo: series.some((s) => s?.source === 'demo-replay'),
    teams: allTeams
      .filter(teamShown)
      .map((team) => ({ team, series: series.map((s) => teamPoint(s, team)) })),
    // Program-wide numbers would count what a hidden team has: only for who sees every team.
    program:
      view.scope.hiddenProjectCount === 0 &&
      view.hiddenKeys.size === 0 &&
      view.visible.size > 0 &&
      allTeams.every(teamShown)
        ? {
            series: series.map((s) =>
              s
                ? {
                    cycles: s.program.cycles,
                    criticalPathLength: s.program.criticalPathLength,
                    impediments: alignLevels(s.levels, s.program.impediments, levels),
                  }
                : null,
            ),
          }
        : null,
    topEpics: topEpics.map((e) => ({
      key: e.key,
      series: series.map((s) => {
        const then = s?.program.topEpics.find((x) => x.key === e.key);
        return then ? { p85Sprint: then.p85Sprint, p85Date: then.p85Date } : null;
      }),
    })),
  };
}
