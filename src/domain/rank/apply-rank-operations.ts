/**
 * What Jira does with rank operations, for previews and tests: each operation takes its issues out
 * and puts them, in the given order, just before (or after) the anchor issue.
 */
import type { RankOperation } from './rank-moves';

export function applyRankOperations(
  order: readonly string[],
  operations: readonly RankOperation[],
): string[] {
  let result = [...order];
  for (const op of operations) {
    const moving = new Set(op.issues);
    result = result.filter((key) => !moving.has(key));
    const before = 'rankBeforeIssue' in op;
    const anchor = before ? op.rankBeforeIssue : op.rankAfterIssue;
    const at = result.indexOf(anchor);
    if (at < 0) throw new RangeError(`rank anchor ${anchor} is not in the order`);
    result.splice(before ? at : at + 1, 0, ...op.issues);
  }
  return result;
}
