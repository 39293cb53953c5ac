/** The MetaScrum panel's use cases: the board page, its CSV export, and changes to the MetaScrum order. */
import type { RankInversion } from '../../domain/priority/rank-inversions';
import { boardCsv } from '../../domain/views/board-csv';
import { filterAndSort, pageOf } from '../../domain/views/board-query';
import {
  applyMoves,
  describeMove,
  describeMoves,
  moveEpic,
  type DraftMove,
  type EpicMoveRequest,
} from '../../shared/epic-move';
import { getMyself } from '../../jira/reads';
import type { Board, BoardEpic, BoardFilter, BoardQuery, OrderInfo } from '../../shared/contract';
import { EpicRecordSchema, ProgramRecordSchema } from '../../storage/analysis-schema';
import { readParts, readProgramRecord } from '../../storage/analysis-store';
import { writeMetascrumOrder, type StoredOrder } from '../../storage/metascrum-order';
import { analysisViewFor, requestAnalysis, visibleParts, type AnalysisView } from '../analysis/analysis-view';
import { InvalidInput, NotAllowed, VersionConflict } from '../errors';
import type { Viewer } from '../viewer';
import { visibleSlipAlerts } from '../gadget/forecast-outlook';
import { boardEpics, currentOrder, orderInfo, reorderRight } from './board-epics';

const DEFAULT_PAGE_SIZE = 25;
const EMPTY_PROGRAM = ProgramRecordSchema.parse({
  name: '',
  teams: [],
  band: { minSprints: 2, maxSprints: 4 },
  matrix: [],
  cadence: { advice: '', score: 0, rule: '', factors: [] },
  impediments: { perLevel: [], slaBreaches: 0, resolved: 0, medianDaysToResolve: null },
  checklist: [],
  criticalPath: { keys: [], length: 0 },
});

export async function programRecordFor(view: AnalysisView) {
  return view.manifest ? readProgramRecord(view.manifest) : EMPTY_PROGRAM;
}

/** Every page carries the suggestion, so only its first moves travel (2,000 epics would be ~200 KB). */
const SUGGESTION_LIMIT = 100;

function suggestionOf(rows: readonly BoardEpic[], inversions: readonly RankInversion[]) {
  const moves = rows
    .filter((r) => r.suggestedRank !== r.rank && r.moveReason !== null)
    .sort((a, b) => a.suggestedRank - b.suggestedRank)
    .map((r) => ({ key: r.key, from: r.rank, to: r.suggestedRank, reason: r.moveReason ?? '' }));
  return {
    moves: moves.slice(0, SUGGESTION_LIMIT),
    inversions: inversions.slice(0, SUGGESTION_LIMIT),
    moveCount: moves.length,
    inversionCount: inversions.length,
  };
}

export async function getBoard(viewer: Viewer, query: BoardQuery): Promise<Board> {
  const view = await analysisViewFor(viewer);
  const [{ rows, inversions }, program, alerts] = await Promise.all([
    boardEpics(view),
    programRecordFor(view),
    visibleSlipAlerts(view),
  ]);
  const filtered = filterAndSort(rows, query);
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const paged = pageOf(filtered, query.page ?? 1, pageSize);
  // Teams are projects by default; with a team field, a team is shown when the user sees one of its epics.
  const visibleTeam = (team: string) => view.visible.has(team) || rows.some((r) => r.team === team);
  return {
    programName: view.scope.name,
    programSource: view.scope.source,
    hiddenProjectCount: view.scope.hiddenProjectCount,
    hiddenIssueCount: view.hiddenKeys.size,
    snapshot: view.snapshot,
    analysis: view.analysis,
    rows: paged.rows,
    total: filtered.length,
    page: paged.page,
    pageSize,
    teamOptions: [...new Set(rows.map((r) => r.team))].sort(),
    horizons: program.teams.filter((t) => visibleTeam(t.team)),
    band: program.band,
    order: orderInfo(view),
    slipAlerts: alerts.open,
    suggestion: suggestionOf(rows, inversions),
  };
}

export async function exportBoardCsv(viewer: Viewer, filter: BoardFilter) {
  const view = await analysisViewFor(viewer);
  const rows = filterAndSort((await boardEpics(view)).rows, filter);
  const date = new Date(viewer.now).toISOString().slice(0, 10);
  return { filename: `metascrum-epics-${date}.csv`, csv: boardCsv(rows), rows: rows.length };
}

/** Refuses a change made on another version than the one stored, with the order as it is now. */
function orderConflict(view: AnalysisView, current: StoredOrder | undefined): VersionConflict<OrderInfo> {
  return new VersionConflict(
    `The MetaScrum order was changed by ${current?.changedBy.displayName ?? 'someone else'} meanwhile; nothing was saved. Reload and try again.`,
    orderInfo({ ...view, order: current }),
  );
}

async function saveOrder(
  viewer: Viewer,
  view: AnalysisView,
  baseVersion: number,
  keys: string[],
  change: string,
): Promise<OrderInfo> {
  if ((view.order?.version ?? 0) !== baseVersion) throw orderConflict(view, view.order);
  const me = await getMyself(viewer.asUser);
  const written = await writeMetascrumOrder(baseVersion, {
    keys,
    changedAt: new Date(viewer.now).toISOString(),
    changedBy: { accountId: me.accountId, displayName: me.displayName ?? me.accountId },
    change,
  });
  if (!written.ok) throw orderConflict(view, written.current);
  await requestAnalysis('order', viewer.now, true);
  return orderInfo({ ...view, order: written.order });
}

async function reorderableView(viewer: Viewer): Promise<AnalysisView> {
  const view = await analysisViewFor(viewer);
  const right = reorderRight(view);
  if (!right.canReorder) throw new NotAllowed(right.reorderNote ?? 'You cannot change the MetaScrum order.');
  return view;
}

export async function moveBoardEpic(
  viewer: Viewer,
  move: EpicMoveRequest,
  baseVersion: number,
): Promise<OrderInfo> {
  const view = await reorderableView(viewer);
  const records = await readParts(visibleParts(view, 'epics'), EpicRecordSchema);
  const current = currentOrder(records, view.order).map((r) => r.key);
  const next = moveEpic(current, move);
  if (!next) {
    const field =
      (move.to === 'before' || move.to === 'after') && records.some((r) => r.key === move.key)
        ? 'anchor'
        : 'key';
    throw new InvalidInput(field, 'is not an open epic of the program');
  }
  // Stale first: a move made on an older order is refused even if it would change nothing now.
  if ((view.order?.version ?? 0) !== baseVersion) throw orderConflict(view, view.order);
  // A move that leaves the order as it is (up on rank 1, down on the last) records nothing.
  if (next.every((key, i) => key === current[i])) return orderInfo(view);
  return saveOrder(viewer, view, baseVersion, next, describeMove(move));
}

/**
 * A dry run's moves (previewed before saving) applied in turn and saved as one change, on the order
 * version the user saw: all or nothing, one write, one line in the order's history.
 */
export async function applyBoardMoves(
  viewer: Viewer,
  moves: readonly DraftMove[],
  baseVersion: number,
): Promise<OrderInfo> {
  const view = await reorderableView(viewer);
  // Stale first: the draft was made on the order the user saw; a newer one may have moved its anchors.
  if ((view.order?.version ?? 0) !== baseVersion) throw orderConflict(view, view.order);
  const records = await readParts(visibleParts(view, 'epics'), EpicRecordSchema);
  const current = currentOrder(records, view.order).map((r) => r.key);
  const applied = applyMoves(current, moves);
  if ('failed' in applied)
    throw new InvalidInput(`moves.${applied.failed}.${applied.field}`, 'is not an open epic of the program');
  if (applied.order.every((key, i) => key === current[i])) return orderInfo(view);
  return saveOrder(viewer, view, baseVersion, applied.order, describeMoves(moves));
}

/** The suggestion describes the order it was made on: accepting any of it waits for a fresh one. */
function requireFreshSuggestion(view: AnalysisView): void {
  if (view.analysis.state !== 'ready')
    throw new InvalidInput(
      'order',
      'the suggestion is being recalculated after the last change; try again shortly',
    );
}

/**
 * One suggested move on its own: the epic goes to its suggested rank (a program position), everything
 * else keeps its order. Made on the order version the user saw, like every other change of the order.
 */
export async function acceptSuggestedMove(
  viewer: Viewer,
  key: string,
  baseVersion: number,
): Promise<OrderInfo> {
  const view = await reorderableView(viewer);
  // Stale first: the same accept sent twice on one version is a CONFLICT, whatever the analysis is doing.
  if ((view.order?.version ?? 0) !== baseVersion) throw orderConflict(view, view.order);
  requireFreshSuggestion(view);
  const records = await readParts(visibleParts(view, 'epics'), EpicRecordSchema);
  const record = records.find((r) => r.key === key);
  if (!record) throw new InvalidInput('key', 'is not an open epic of the program');
  const current = currentOrder(records, view.order).map((r) => r.key);
  const next = current.filter((k) => k !== key);
  next.splice(Math.min(Math.max(record.suggested, 1), current.length) - 1, 0, key);
  // Already where it is suggested (accepted twice, or the order changed to it): nothing to record.
  if (next.every((k, i) => k === current[i])) return orderInfo(view);
  return saveOrder(
    viewer,
    view,
    baseVersion,
    next,
    `accepted the suggested move of ${key} to rank ${record.suggested}`,
  );
}

export async function acceptSuggestedOrder(viewer: Viewer, baseVersion: number): Promise<OrderInfo> {
  const view = await reorderableView(viewer);
  requireFreshSuggestion(view);
  const records = await readParts(visibleParts(view, 'epics'), EpicRecordSchema);
  const keys = [...records].sort((a, b) => a.suggested - b.suggested).map((r) => r.key);
  return saveOrder(viewer, view, baseVersion, keys, 'accepted the suggested order');
}
