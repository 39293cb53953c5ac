/**
 * Rank flow-down per team (DOMAIN.md): the team's backlog (open items outside the active sprint)
 * should follow the MetaScrum epic order: items of higher-ranked epics first, Jira rank order kept
 * inside an epic, items of unranked or no epic last. {@link rankMovesFor} turns it into operations.
 */
import type { ProgramModel, ProgramItem } from '../model/program-model';
import { isOpenBacklogItem } from '../readiness/program-readiness';
import { compareByRank } from '../priority/metascrum-order';
import { rankMovesFor, type RankOperation } from './rank-moves';

export interface TeamRankFlow {
  team: string;
  /** Backlog items considered. */
  items: number;
  /** Issues that move (= items - longest increasing subsequence). */
  moves: number;
  moved: string[];
  operations: RankOperation[];
  /** The backlog in the order it should have. */
  target: string[];
}

export function rankFlowDown(model: ProgramModel, epicOrder: readonly string[]): TeamRankFlow[] {
  const epicPosition = new Map(epicOrder.map((key, i) => [key, i]));
  const byTeam = new Map<string, ProgramItem[]>();
  for (const item of model.items) {
    if (!isOpenBacklogItem(item) || item.team === undefined) continue;
    if (item.sprintIds.some((id) => model.sprints.get(id)?.state === 'active')) continue;
    const list = byTeam.get(item.team);
    if (list) list.push(item);
    else byTeam.set(item.team, [item]);
  }
  const position = (item: ProgramItem) => epicPosition.get(item.epicKey ?? '') ?? epicOrder.length;
  return model.teams.map((team) => {
    const current = (byTeam.get(team) ?? []).sort(compareByRank);
    // Array.prototype.sort is stable (ES2019), so rank order is kept within an epic.
    const target = [...current].sort((a, b) => position(a) - position(b)).map((i) => i.key);
    const plan = rankMovesFor(
      current.map((i) => i.key),
      target,
    );
    return {
      team,
      items: current.length,
      moves: plan.moved.length,
      moved: plan.moved,
      operations: plan.operations,
      target,
    };
  });
}
