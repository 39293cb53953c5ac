import { dataOf, startHarness, type Harness } from '../resolvers/harness';

describe('an epic’s issue panel and its MetaScrum panel row', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('count the same needs, needed by, conflicts and cycle for every open epic, as the CPO sees them', async () => {
    const board = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo'));
    expect(board.rows.length).toBe(40);
    for (const row of board.rows) {
      const ctx = dataOf(await h.call('issue/getContext', { issueKey: row.key }, 'cpo'));
      const epic = ctx.epic;
      expect({
        key: row.key,
        needs: epic?.needs.length,
        neededBy: epic?.neededBy.length,
        conflicts: epic?.conflicts.length,
        badgeConflicts: ctx.badge.conflicts,
        inCycle: ctx.inCycle,
      }).toEqual({
        key: row.key,
        needs: row.depsIn,
        neededBy: row.depsOut,
        conflicts: row.conflicts,
        badgeConflicts: row.conflicts,
        inCycle: row.inCycle,
      });
    }
  });

  it('names the child that carries each dependency, and the cycle as a closed path', async () => {
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: 'PAY-7' }, 'cpo'));
    expect(ctx.epic?.cycles).toEqual([['CHK-55', 'SRCH-55', 'PAY-55', 'CHK-55']]);
    expect(ctx.epic?.needs).toContainEqual({ child: 'PAY-55', other: 'SRCH-55', status: 'conflict' });
  });

  it('explains the epic’s readiness score and checks the epic against its own rules only', async () => {
    const board = dataOf(await h.call('panel/getBoard', { pageSize: 100 }, 'cpo'));
    const row = board.rows.find((r) => r.key === 'PAY-7');
    const ctx = dataOf(await h.call('issue/getContext', { issueKey: 'PAY-7' }, 'cpo'));
    expect(ctx.readiness?.score).toBe(row?.readiness);
    expect(ctx.readiness?.rules.map((r) => r.id)).toEqual(['description', 'team']);
    expect(ctx.epic?.readiness).toContain(
      `${row?.readiness}% = ${row?.readyPoints} of ${row?.openPoints} open points of its children are ready.`,
    );
    if (ctx.readiness?.ready === false)
      expect(ctx.epic?.readiness).toMatch(/Not ready: \d+ of \d+ children not ready/);
  });
});
