/**
 * Jira leaves future sprints undated until they start, yet sprint-order status compares dates
 * (DOMAIN.md). An undated sprint gets an estimated window: it follows the previous sprint of its board
 * (by start date, then id) and lasts the board's usual sprint length (median of its dated sprints,
 * two weeks when none is dated). Estimated windows are marked so the UI can say so.
 */
import type { ProgramSprint } from '../model/program-model';

const DAY_MS = 86_400_000;
const DEFAULT_LENGTH_MS = 14 * DAY_MS;

function medianLength(sprints: readonly ProgramSprint[]): number {
  const lengths = sprints
    .flatMap((s) => (s.startMs !== undefined && s.endMs !== undefined ? [s.endMs - s.startMs] : []))
    .filter((ms) => ms > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? DEFAULT_LENGTH_MS;
}

const STATE_ORDER = { closed: 0, active: 1, future: 2 } as const;

function inBoardOrder(a: ProgramSprint, b: ProgramSprint): number {
  const byState = STATE_ORDER[a.state] - STATE_ORDER[b.state];
  if (byState !== 0) return byState;
  if (a.startMs !== undefined && b.startMs !== undefined && a.startMs !== b.startMs)
    return a.startMs - b.startMs;
  return a.id - b.id;
}

/** Fills in missing start/end dates in place; no estimated start is earlier than `nowMs`. */
export function estimateSprintWindows(sprints: Iterable<ProgramSprint>, nowMs: number): void {
  const byBoard = new Map<string, ProgramSprint[]>();
  for (const sprint of sprints) {
    const board = sprint.boardId === undefined ? `sprint-${sprint.id}` : `board-${sprint.boardId}`;
    const list = byBoard.get(board) ?? [];
    list.push(sprint);
    byBoard.set(board, list);
  }
  for (const list of byBoard.values()) {
    if (list.every((s) => s.startMs !== undefined && s.endMs !== undefined)) continue;
    const length = medianLength(list);
    let previousEnd: number | undefined;
    for (const sprint of list.sort(inBoardOrder)) {
      if (sprint.startMs === undefined) {
        sprint.startMs =
          sprint.endMs === undefined
            ? Math.max(previousEnd ?? nowMs, nowMs)
            : (previousEnd ?? sprint.endMs - length);
        sprint.estimated = true;
      }
      if (sprint.endMs === undefined) {
        sprint.endMs = sprint.startMs + length;
        sprint.estimated = true;
      }
      previousEnd = Math.max(previousEnd ?? 0, sprint.completeMs ?? sprint.endMs);
    }
  }
}
