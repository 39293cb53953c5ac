/**
 * The panel's epic rows for one user: the stored epic records of the projects they may browse, ranked
 * by the MetaScrum order as stored now (so a reorder shows at once, before the analysis re-runs).
 * Ranks are the program's MetaScrum positions, the same for everyone: a viewer who cannot browse
 * every team sees gaps, never a renumbering. Dependency counts cover only links between issues of
 * projects the viewer may browse (the rest is what the map and the issue panel leave out too).
 */
import type { BoardEpic, OrderInfo } from '../../shared/contract';
import type { RankInversion } from '../../domain/priority/rank-inversions';
import {
  EpicLinkRecordSchema,
  EpicRecordSchema,
  InversionRecordSchema,
  type EpicRecord,
} from '../../storage/analysis-schema';
import { partsOf, readParts } from '../../storage/analysis-store';
import { ForecastRecordSchema, forecastEntryOf } from '../../storage/forecast-schema';
import type { StoredOrder } from '../../storage/metascrum-order';
import { allVisible, redactKeys, sees, visibleParts, type AnalysisView } from '../analysis/analysis-view';
import { epicLinkCounts, linksByEpic } from '../analysis/epic-links';

function visibleCounts(links: Parameters<typeof epicLinkCounts>[0]) {
  const counts = epicLinkCounts(links);
  return { depsIn: counts.needs, depsOut: counts.neededBy, conflicts: counts.conflicts };
}

/** The current MetaScrum order of `records`: stored keys first, then the analysis's order. */
export function currentOrder(records: readonly EpicRecord[], order: StoredOrder | undefined): EpicRecord[] {
  const explicit = new Map((order?.keys ?? []).map((key, i) => [key, i]));
  return [...records].sort(
    (a, b) =>
      (explicit.get(a.key) ?? Infinity) - (explicit.get(b.key) ?? Infinity) || a.position - b.position,
  );
}

/**
 * Each epic's stored forecast (the records the gadget and the report read), keyed by epic. The reason an
 * epic cannot be forecast names the issues in its way (a cycle's members): those the user may not see
 * are redacted by the one rule.
 */
async function epicForecasts(view: AnalysisView): Promise<Map<string, BoardEpic['forecast']>> {
  if (!view.manifest) return new Map();
  const records = await readParts(partsOf(view.manifest, 'forecast-epics'), ForecastRecordSchema);
  return new Map(
    records
      .filter((r) => sees(view, r.key))
      .map((r) => {
        const { p50Date, p85Date, dueDate, pOnTime, unforecastable } = forecastEntryOf(r);
        const reason = unforecastable === null ? null : redactKeys(view, unforecastable);
        return [r.key, { p50Date, p85Date, dueDate, pOnTime, unforecastable: reason }];
      }),
  );
}

export interface BoardEpics {
  rows: BoardEpic[];
  /** Rank inversions among what the user sees: `higher` needs `lower`. */
  inversions: RankInversion[];
}

export async function boardEpics(view: AnalysisView): Promise<BoardEpics> {
  if (!view.manifest) return { rows: [], inversions: [] };
  const allEpicParts = view.manifest.parts.filter((p) => p.partition.startsWith('epics:'));
  const [all, inversions, links, forecasts] = await Promise.all([
    readParts(allEpicParts, EpicRecordSchema),
    readParts(partsOf(view.manifest, 'inversions'), InversionRecordSchema),
    readParts(visibleParts(view, 'epic-links'), EpicLinkRecordSchema),
    epicForecasts(view),
  ]);
  const visibleLinks = linksByEpic(links.filter((l) => allVisible(view, [l.child, l.other])));
  const rankOf = new Map(currentOrder(all, view.order).map((r, i) => [r.key, i + 1]));
  const records = all.filter((r) => sees(view, r.key));
  const shown = inversions.filter((i) => allVisible(view, [i.higher, i.lower]));
  const inverted = new Set(shown.map((i) => i.higher));
  const rows = currentOrder(records, view.order).map((r, i) => ({
    key: r.key,
    summary: r.summary,
    team: r.team,
    statusName: r.statusName,
    statusCategory: r.statusCategory,
    rank: rankOf.get(r.key) ?? i + 1,
    suggestedRank: r.suggested,
    moveReason: r.moveReason === null ? null : redactKeys(view, r.moveReason),
    wsjf: r.wsjf,
    wsjfProblem: r.wsjfProblem === null ? null : redactKeys(view, r.wsjfProblem),
    readiness: r.readyShare === null ? null : Math.round(r.readyShare * 100),
    readyPoints: r.readyPoints,
    openPoints: r.openPoints,
    openChildren: r.openChildren,
    readyChildren: r.readyChildren,
    ...visibleCounts(visibleLinks.get(r.key) ?? []),
    inCycle: r.inCycle,
    critical: r.critical,
    impediments: r.impediments,
    inversion: inverted.has(r.key),
    unblocksTeams: r.unblocksTeams,
    unblocksItems: r.unblocksItems,
    forecast: forecasts.get(r.key) ?? null,
  }));
  return { rows, inversions: shown };
}

/** Only someone who sees every team's epics may change the one order that spans them all. */
export function reorderRight(view: AnalysisView): { canReorder: boolean; reorderNote: string | null } {
  const projects = (view.manifest?.parts ?? [])
    .filter((p) => p.partition.startsWith('epics:'))
    .map((p) => p.partition.slice('epics:'.length));
  const hidden =
    view.scope.hiddenProjectCount > 0 ||
    view.hiddenKeys.size > 0 ||
    projects.some((p) => !view.visible.has(p));
  if (hidden)
    return {
      canReorder: false,
      reorderNote:
        'The MetaScrum order spans every team; only people who can see all of their epics can change it.',
    };
  if (!view.manifest) return { canReorder: false, reorderNote: 'The program has not been analysed yet.' };
  return { canReorder: true, reorderNote: null };
}

export function orderInfo(view: AnalysisView): OrderInfo {
  const { order } = view;
  return {
    source: order ? 'explicit' : 'jira-rank',
    version: order?.version ?? 0,
    changedAt: order?.changedAt ?? null,
    changedBy: order?.changedBy ?? null,
    change: order ? redactKeys(view, order.change) : null,
    ...reorderRight(view),
  };
}
