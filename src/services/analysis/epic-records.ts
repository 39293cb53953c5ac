/**
 * One record per open epic of the program: the engine's priority, readiness and dependency results
 * rolled up to the epic, so the panel can sort, filter and page 2,000 epics without the engine.
 */
import type { ProgramAnalysis } from '../../domain/analyse-program';
import type { ProgramModel } from '../../domain/model/program-model';
import type { EpicRecord } from '../../storage/analysis-schema';
import { epicLinkCounts, epicLinks, linksByEpic } from './epic-links';
import type { IssueFacts } from './issue-facts';

function counter() {
  const counts = new Map<string, number>();
  return {
    add: (key: string | undefined) => key !== undefined && counts.set(key, (counts.get(key) ?? 0) + 1),
    get: (key: string) => counts.get(key) ?? 0,
  };
}

export function epicRecords(analysis: ProgramAnalysis, model: ProgramModel, facts: IssueFacts): EpicRecord[] {
  const epicOf = (key: string) => {
    const i = model.indexOf.get(key);
    return i === undefined ? undefined : model.items[i]?.epicKey;
  };
  const links = linksByEpic(epicLinks(analysis, model, facts));
  const cycleEpics = new Set(analysis.cycles.flatMap((c) => c.keys.map((k) => epicOf(k) ?? k)));
  const criticalEpics = new Set(analysis.criticalPath.keys.map((k) => epicOf(k) ?? k));
  const impeded = counter();
  for (const r of analysis.readiness) if (r.failing.includes('no-open-impediment')) impeded.add(r.epicKey);
  const readiness = new Map(analysis.epicReadiness.map((r) => [r.key, r]));
  const suggested = new Map(analysis.priority.suggested.map((key, i) => [key, i + 1]));
  const moves = new Map(analysis.priority.moves.map((m) => [m.key, m.reason]));
  return analysis.priority.epics.map((p) => {
    const item = model.items[model.indexOf.get(p.key) ?? -1];
    const r = readiness.get(p.key);
    const counts = epicLinkCounts(links.get(p.key) ?? []);
    return {
      key: p.key,
      summary: p.summary,
      team: p.team ?? item?.projectKey ?? '',
      project: item?.projectKey ?? p.key.slice(0, p.key.lastIndexOf('-')),
      statusName: item?.statusName ?? '',
      statusCategory: facts.get(p.key)?.statusCategory ?? 'new',
      position: p.position,
      suggested: suggested.get(p.key) ?? p.position,
      moveReason: moves.get(p.key) ?? null,
      wsjf: p.wsjf.score,
      wsjfProblem: p.wsjf.problem ?? null,
      readyShare: r?.readyShare ?? null,
      readyPoints: r?.readyPoints ?? 0,
      openPoints: r?.openPoints ?? 0,
      openChildren: r?.openChildren ?? 0,
      readyChildren: r?.readyChildren ?? 0,
      depsIn: counts.needs,
      depsOut: counts.neededBy,
      conflicts: counts.conflicts,
      inCycle: cycleEpics.has(p.key),
      critical: criticalEpics.has(p.key),
      impediments: impeded.get(p.key),
      unblocksTeams: p.unblocks.teams.length,
      unblocksItems: p.unblocks.items,
    };
  });
}
