/**
 * The fewest rank moves that turn a backlog's current order into a target order (DOMAIN.md
 * "Rank flow-down"): keep a longest increasing subsequence (by target position) in place and move
 * every other issue, so moves = n - LIS, which no other plan beats (an issue that stays must keep
 * its relative order with every other staying issue). Moves are grouped into Jira rank operations
 * (`PUT /rest/agile/1.0/issue/rank`, at most 50 issues each): each run of moved issues that sits
 * just before a staying issue in the target is ranked before it; a trailing run is ranked after the
 * last staying issue. Applying the operations in order yields the target; on the target, there are none.
 */
import { longestIncreasingSubsequence } from './longest-increasing-subsequence';

/** Jira accepts at most 50 issues per rank call. */
export const MAX_RANK_BATCH = 50;

export type RankOperation =
  { issues: string[]; rankBeforeIssue: string } | { issues: string[]; rankAfterIssue: string };

export interface RankPlan {
  /** The issues that move, in target order. */
  moved: string[];
  operations: RankOperation[];
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `current` and `target` hold the same keys; `batch` caps issues per operation (Jira: 50). */
export function rankMovesFor(
  current: readonly string[],
  target: readonly string[],
  batch = MAX_RANK_BATCH,
): RankPlan {
  if (current.length !== target.length) throw new RangeError('current and target must hold the same issues');
  const targetIndex = new Map(target.map((key, i) => [key, i]));
  const positions = current.map((key) => {
    const i = targetIndex.get(key);
    if (i === undefined) throw new RangeError(`${key} is not in the target order`);
    return i;
  });
  const stays = new Set(longestIncreasingSubsequence(positions).map((i) => current[i] ?? ''));
  const moved = target.filter((key) => !stays.has(key));
  if (moved.length === 0) return { moved, operations: [] };
  const operations: RankOperation[] = [];
  let run: string[] = [];
  let lastStaying: string | undefined;
  for (const key of target) {
    if (!stays.has(key)) {
      run.push(key);
      continue;
    }
    // Rank the run's chunks last-first, each just before what follows it.
    const parts = chunks(run, batch);
    let anchor = key;
    for (let p = parts.length - 1; p >= 0; p--) {
      const issues = parts[p] ?? [];
      operations.push({ issues, rankBeforeIssue: anchor });
      anchor = issues[0] ?? anchor;
    }
    run = [];
    lastStaying = key;
  }
  let anchor = lastStaying;
  for (const issues of chunks(run, batch)) {
    if (anchor === undefined) break;
    operations.push({ issues, rankAfterIssue: anchor });
    anchor = issues[issues.length - 1];
  }
  return { moved, operations };
}
