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
  const staysAt = new Uint8Array(target.length);
  target.forEach((key, t) => {
    if (stays.has(key)) staysAt[t] = 1;
  });
  return planFor(target, staysAt, batch);
}

/**
 * {@link rankMovesFor} for distinct keys whose target index is known already (`positions[i]` for
 * `current[i]`, as rank flow-down's sort gives it): no key lookups, no Set of keys.
 */
export function rankMovesByPosition(
  target: readonly string[],
  positions: ArrayLike<number>,
  batch = MAX_RANK_BATCH,
): RankPlan {
  const staysAt = new Uint8Array(target.length);
  for (const i of longestIncreasingSubsequence(positions)) staysAt[positions[i] ?? 0] = 1;
  return planFor(target, staysAt, batch);
}

/** The plan, given which target positions keep their place (1) and which move (0). */
function planFor(target: readonly string[], staysAt: Uint8Array, batch: number): RankPlan {
  const moved = target.filter((_, t) => staysAt[t] !== 1);
  if (moved.length === 0) return { moved, operations: [] };
  const operations: RankOperation[] = [];
  let run: string[] = [];
  let lastStaying: string | undefined;
  for (let t = 0; t < target.length; t++) {
    const key = target[t] ?? '';
    if (staysAt[t] !== 1) {
      run.push(key);
      continue;
    }
    lastStaying = key;
    if (run.length === 0) continue;
    // Rank the run's chunks last-first, each just before what follows it.
    const parts = chunks(run, batch);
    let anchor = key;
    for (let p = parts.length - 1; p >= 0; p--) {
      const issues = parts[p] ?? [];
      operations.push({ issues, rankBeforeIssue: anchor });
      anchor = issues[0] ?? anchor;
    }
    run = [];
  }
  let anchor = lastStaying;
  for (const issues of chunks(run, batch)) {
    if (anchor === undefined) break;
    operations.push({ issues, rankAfterIssue: anchor });
    anchor = issues[issues.length - 1];
  }
  return { moved, operations };
}
