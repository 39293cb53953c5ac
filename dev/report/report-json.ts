/**
 * The report's JSON document (documented in README "Report CLI"): the analysis with the top-level keys
 * issue 3 lists and the forecast (issue 13), absent values as null, nothing that depends on the clock but `program.now`.
 */
import type { ProgramAnalysis } from '../../src/domain/analyse-program';
import type { ProgramForecast } from '../../src/domain/forecast/forecast-entry';
import { forecastJson } from './report-forecast';

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** Without a forecast (a caller that only analysed), the report has no `forecast` section. */
export function reportJson(a: ProgramAnalysis, forecast?: ProgramForecast) {
  return {
    program: a.program,
    fields: a.fields.map((f) => ({
      role: f.role,
      ...('project' in f ? { project: f.project } : {}),
      id: orNull(f.id),
      source: f.source,
      note: f.note,
    })),
    linkTypes: a.linkTypes,
    parentSources: a.parentSources,
    warnings: a.warnings,
    dependencies: a.dependencies.map((d) => ({
      from: d.from,
      to: d.to,
      crossTeam: d.crossTeam,
      status: d.status,
      fromTeam: d.fromTeam,
      toTeam: d.toTeam,
      fromSprint: orNull(d.fromSprint),
      toSprint: orNull(d.toSprint),
    })),
    cycles: a.cycles.map((c) => c.keys),
    cycleTeams: a.cycles.map((c) => c.teams),
    criticalPath: a.criticalPath,
    matrix: a.matrix,
    epicDependencies: a.epicDependencies,
    readiness: a.readiness.map((r) => ({
      key: r.key,
      team: orNull(r.team),
      ready: r.ready,
      score: r.score,
      failing: r.failing,
      reasons: Object.fromEntries(r.rules.filter((rule) => !rule.pass).map((rule) => [rule.id, rule.reason])),
    })),
    epicReadiness: a.epicReadiness.map(({ rules, ...epic }) => ({
      ...epic,
      team: orNull(epic.team),
      failing: rules.filter((r) => !r.pass).map((r) => r.id),
    })),
    teams: a.teams.map((t) => ({
      team: t.team,
      velocity: t.velocity,
      readyPoints: t.readyPoints,
      horizonSprints: t.horizonSprints,
      status: t.status,
      reason: t.reason,
      backlogItems: t.backlogItems,
      readyItems: t.readyItems,
      velocityBasis: t.velocityBasis,
    })),
    priority: {
      order: a.priority.order,
      suggested: a.priority.suggested,
      inversions: a.priority.inversions,
      moves: a.priority.moves,
      epics: a.priority.epics.map((e) => ({
        key: e.key,
        team: orNull(e.team),
        position: e.position,
        source: e.source,
        wsjf: e.wsjf.score,
        wsjfMissing: e.wsjf.missing,
        wsjfProblem: orNull(e.wsjf.problem),
        unblocks: e.unblocks,
      })),
      ignoredExplicit: a.priority.ignoredExplicit,
    },
    rankMoves: a.rankMoves.map((r) => ({
      team: r.team,
      items: r.items,
      moves: r.moves,
      operations: r.operations,
    })),
    impediments: {
      ...a.impediments,
      open: a.impediments.open.map((o) => ({ ...o, team: orNull(o.team), owner: orNull(o.owner) })),
    },
    cadence: a.cadence,
    ...(forecast === undefined ? {} : { forecast: forecastJson(forecast) }),
  };
}

export type ReportJson = ReturnType<typeof reportJson>;
