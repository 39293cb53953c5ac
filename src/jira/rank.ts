/**
 * `PUT /rest/agile/1.0/issue/rank` bodies. Jira ranks at most {@link RANK_LIMIT} issues per call, so a
 * longer run is cut into calls that, applied in order, leave the run in the same order next to the
 * anchor: before an anchor, every call places its issues right before it (each call lands after the
 * previous one); after an anchor, each call anchors on the last issue of the call before it.
 */
import { chunksOf, RANK_LIMIT } from './request-limits';

export const RANK_PATH = '/rest/agile/1.0/issue/rank';

export type RankBody =
  { issues: string[]; rankBeforeIssue: string } | { issues: string[]; rankAfterIssue: string };

export interface RankRun {
  issues: readonly string[];
  rankBeforeIssue?: string | undefined;
  rankAfterIssue?: string | undefined;
}

export function rankBodies(run: RankRun): RankBody[] {
  const chunks = chunksOf(run.issues, RANK_LIMIT);
  if (run.rankBeforeIssue !== undefined) {
    const before = run.rankBeforeIssue;
    return chunks.map((issues) => ({ issues, rankBeforeIssue: before }));
  }
  const bodies: RankBody[] = [];
  let after = run.rankAfterIssue;
  if (after === undefined) throw new RangeError('a rank run needs rankBeforeIssue or rankAfterIssue');
  for (const issues of chunks) {
    bodies.push({ issues, rankAfterIssue: after });
    after = issues[issues.length - 1] ?? after;
  }
  return bodies;
}
