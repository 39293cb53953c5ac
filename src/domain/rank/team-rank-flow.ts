/**
 * Rank flow-down per team (DOMAIN.md): the team's backlog (open items outside the active sprint)
 * should follow the MetaScrum epic order: items of higher-ranked epics first, Jira rank order kept
 * inside an epic, items of unranked or no epic last. {@link rankMovesFor} turns it into operations.
 */
import type { ProgramModel, ProgramItem } from '../model/program-model';
import { compareByRank } from '../priority/metascrum-order';
import { rankMovesByPosition, type RankOperation } from './rank-moves';

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

/**
 * The backlog sorted stably by epic position: a counting sort (positions are small integers), which
 * equals a stable comparison sort by position without n log n Map lookups. `targetOf[i]` receives
 * where `current[i]` lands, so the rank plan needs no key lookups.
 */
function byEpicPosition(
  current: readonly ProgramItem[],
  positionOf: (item: ProgramItem) => number,
  slots: number,
  targetOf: Int32Array,
): string[] {
  const positions = new Int32Array(current.length);
  const starts = new Int32Array(slots + 2);
  for (let i = 0; i < current.length; i++) {
    const item = current[i];
    const position = item === undefined ? slots : positionOf(item);
    positions[i] = position;
    starts[position + 1] = (starts[position + 1] ?? 0) + 1;
  }
  for (let p = 1; p < starts.length; p++) starts[p] = (starts[p] ?? 0) + (starts[p - 1] ?? 0);
  const target: string[] = new Array<string>(current.length);
  for (let i = 0; i < current.length; i++) {
    const position = positions[i] ?? 0;
    const at = starts[position] ?? 0;
    starts[position] = at + 1;
    target[at] = current[i]?.key ?? '';
    targetOf[i] = at;
  }
  return target;
}

/** `openBacklog`: the open, in-program backlog items' indexes (ItemGroups), in item order. */
export function rankFlowDown(
  model: ProgramModel,
  openBacklog: readonly number[],
  epicOrder: readonly string[],
): TeamRankFlow[] {
  const epicPosition = new Map(epicOrder.map((key, i) => [key, i]));
  const active = new Set<number>();
  for (const sprint of model.sprints.values()) if (sprint.state === 'active') active.add(sprint.id);
  const byTeam = new Map<string, ProgramItem[]>();
  for (let b = 0; b < openBacklog.length; b++) {
    const item = model.items[openBacklog[b] ?? -1];
    if (item === undefined || item.team === undefined) continue;
    if (inAny(item.sprintIds, active)) continue;
    const list = byTeam.get(item.team);
    if (list) list.push(item);
    else byTeam.set(item.team, [item]);
  }
  const position = (item: ProgramItem) => epicPosition.get(item.epicKey ?? '') ?? epicOrder.length;
  return model.teams.map((team) => {
    const current = (byTeam.get(team) ?? []).sort(compareByRank);
    // Stable by position, so rank order is kept within an epic.
    const targetOf = new Int32Array(current.length);
    const target = byEpicPosition(current, position, epicOrder.length, targetOf);
    const plan = rankMovesByPosition(target, targetOf);
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

function inAny(ids: readonly number[], set: ReadonlySet<number>): boolean {
  for (let i = 0; i < ids.length; i++) if (set.has(ids[i] ?? Number.NaN)) return true;
  return false;
}
