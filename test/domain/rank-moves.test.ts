import { applyRankOperations } from '../../src/domain/rank/apply-rank-operations';
import { longestIncreasingSubsequence } from '../../src/domain/rank/longest-increasing-subsequence';
import { MAX_RANK_BATCH, rankMovesFor } from '../../src/domain/rank/rank-moves';

describe('rank moves', () => {
  it('moves only what is out of place, ranked before the next issue that stays', () => {
    const plan = rankMovesFor(['A', 'B', 'C', 'D'], ['B', 'C', 'A', 'D']);
    expect(plan.moved).toEqual(['A']);
    expect(plan.operations).toEqual([{ issues: ['A'], rankBeforeIssue: 'D' }]);
  });

  it('ranks a trailing run after the last issue that stays', () => {
    const plan = rankMovesFor(['C', 'A', 'B'], ['A', 'B', 'C']);
    expect(plan.operations).toEqual([{ issues: ['C'], rankAfterIssue: 'B' }]);
  });

  it('needs no operation when the backlog already follows the target (applying twice changes nothing)', () => {
    const current = ['A', 'C', 'B', 'D'];
    const target = ['D', 'C', 'B', 'A'];
    const once = applyRankOperations(current, rankMovesFor(current, target).operations);
    expect(once).toEqual(target);
    expect(rankMovesFor(once, target).operations).toEqual([]);
  });

  it(`splits long runs into operations of at most ${MAX_RANK_BATCH} issues`, () => {
    const current = Array.from({ length: 130 }, (_, i) => `K-${i}`);
    const target = [...current].reverse();
    const plan = rankMovesFor(current, target);
    expect(plan.moved).toHaveLength(129);
    expect(plan.operations.every((op) => op.issues.length <= MAX_RANK_BATCH)).toBe(true);
    expect(applyRankOperations(current, plan.operations)).toEqual(target);
  });

  it('finds a longest increasing subsequence', () => {
    const lis = longestIncreasingSubsequence([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(lis.map((i) => [3, 1, 4, 1, 5, 9, 2, 6][i])).toEqual([1, 4, 5, 6]);
  });
});
