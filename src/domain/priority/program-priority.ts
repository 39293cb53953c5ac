/**
 * Dependency-aware priority of the program's open epics (DOMAIN.md "Prioritization"): WSJF with its
 * missing inputs, the MetaScrum order, rank inversions, "unblocks N teams / M items" and the
 * suggested order with a reason for every move.
 */
import type { DependencyGraph } from '../graph/dependency-graph';
import type { EpicDependency } from '../graph/epic-rollup';
import { itemsAt } from '../model/item-groups';
import type { ProgramModel } from '../model/program-model';
import { metaScrumOrder } from './metascrum-order';
import { rankInversions, type RankInversion } from './rank-inversions';
import { suggestedOrder, type EpicMove } from './suggested-order';
import { unblocksByEpic, type Unblocks } from './unblocks';
import { wsjfOf, type WsjfScore } from './wsjf';

export interface EpicPriority {
  key: string;
  team: string | undefined;
  summary: string;
  /** 1-based position in the MetaScrum order. */
  position: number;
  source: 'explicit' | 'jira-rank';
  wsjf: WsjfScore;
  unblocks: Unblocks;
}

export interface ProgramPriority {
  /** The MetaScrum order of open epics. */
  order: string[];
  suggested: string[];
  inversions: RankInversion[];
  moves: EpicMove[];
  epics: EpicPriority[];
  /** Explicit-order keys that are not open epics of the program. */
  ignoredExplicit: string[];
}

/** `openEpics`: the open, in-program epics' item indexes (ItemGroups), in item order. */
export function epicPriorities(
  model: ProgramModel,
  openEpics: readonly number[],
  graph: DependencyGraph,
  epicEdges: readonly EpicDependency[],
  explicitOrder: readonly string[],
): ProgramPriority {
  const epics = itemsAt(model.items, openEpics);
  const byKey = new Map(epics.map((e) => [e.key, e]));
  const ordered = metaScrumOrder(epics, explicitOrder);
  const order = ordered.epics.map((e) => e.key);
  const scores = new Map(epics.map((e) => [e.key, wsjfOf(e)]));
  const unblocks = unblocksByEpic(model, graph, order);
  const suggested = suggestedOrder(
    order,
    new Map(epics.map((e) => [e.key, scores.get(e.key)?.score ?? null])),
    epicEdges,
  );
  return {
    order,
    suggested: suggested.order,
    inversions: rankInversions(order, epicEdges),
    moves: suggested.moves,
    epics: ordered.epics.flatMap((p, i) => {
      const epic = byKey.get(p.key);
      if (!epic) return [];
      return [
        {
          key: p.key,
          team: epic.team,
          summary: epic.summary,
          position: i + 1,
          source: p.source,
          wsjf: scores.get(p.key) ?? wsjfOf(epic),
          unblocks: unblocks.get(p.key) ?? { teams: [], items: 0 },
        },
      ];
    }),
    ignoredExplicit: ordered.ignored,
  };
}
