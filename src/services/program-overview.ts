/** The use cases behind the panel and the gadget: the program's epics, teams and open blockers. */
import { countByTeam, openDependencies, summarizeEpics } from '../domain/program/program-summary';
import type { WorkItem } from '../domain/work-item';
import type { EpicPage, GadgetConfig, GadgetOverview, TeamSummary } from '../shared/contract';
import { toIssueRef } from './issue-ref';
import type { ProgramScope } from './program-scope';
import { programViewFor } from './program-view';
import type { Viewer } from './viewer';

function teamSummaries(scope: ProgramScope, items: readonly WorkItem[]): TeamSummary[] {
  const names = new Map(scope.visibleProjects.map((p) => [p.key, p.name]));
  return countByTeam(
    items,
    scope.visibleProjects.map((p) => p.key),
  ).map((t) => ({ ...t, projectName: names.get(t.projectKey) ?? t.projectKey }));
}

export async function listProgramEpics(viewer: Viewer): Promise<EpicPage> {
  const { scope, items, snapshot } = await programViewFor(viewer);
  return {
    programName: scope.name,
    programSource: scope.source,
    teams: teamSummaries(scope, items),
    epics: summarizeEpics(items).map((e) => ({
      ...toIssueRef(e.epic),
      programRank: e.programRank,
      childCount: e.childCount,
      openChildCount: e.openChildCount,
    })),
    hiddenProjectCount: scope.hiddenProjectCount,
    snapshot,
  };
}

/** A gadget may narrow the program to some of its projects; it can never widen it. */
export async function gadgetOverview(viewer: Viewer, config: GadgetConfig): Promise<GadgetOverview> {
  const wanted =
    config.projectKeys && config.projectKeys.length > 0 ? new Set(config.projectKeys) : undefined;
  const { scope, items, snapshot } = await programViewFor(viewer, wanted);
  const teams = teamSummaries(scope, items);
  return {
    title: config.title?.trim() || `${scope.name}: CPO overview`,
    programName: scope.name,
    teams,
    totals: {
      epics: teams.reduce((n, t) => n + t.epics, 0),
      openItems: teams.reduce((n, t) => n + t.openItems, 0),
      doneItems: teams.reduce((n, t) => n + t.doneItems, 0),
    },
    openBlockers: openDependencies(items).map((d) => ({
      blocker: toIssueRef(d.provider),
      blocked: toIssueRef(d.dependant),
      crossTeam: d.crossTeam,
    })),
    hiddenProjectCount: scope.hiddenProjectCount,
    snapshot,
  };
}
