import { rankInversions } from '../../src/domain/priority/rank-inversions';

/** Epic-level edges: `from` is the prerequisite, `to` needs it. */
const edge = (from: string, to: string) => ({ from, to, via: 1 });

describe('rank inversions', () => {
  it('finds an epic ranked above an epic it needs, and nothing when the prerequisite comes first', () => {
    expect(rankInversions(['A', 'B'], [edge('B', 'A')])).toEqual([
      { higher: 'A', lower: 'B', inCycle: false },
    ]);
    expect(rankInversions(['B', 'A'], [edge('B', 'A')])).toEqual([]);
  });

  it('says when the two wait for each other through a cycle, which no order can fix', () => {
    // A needs B, B needs C, C needs A: whatever the order, one of the three edges is inverted.
    const cycle = [edge('B', 'A'), edge('C', 'B'), edge('A', 'C')];
    for (const order of [
      ['A', 'B', 'C'],
      ['C', 'B', 'A'],
      ['B', 'A', 'C'],
    ]) {
      const found = rankInversions(order, cycle);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((i) => i.inCycle)).toBe(true);
    }
  });

  it('keeps an inversion outside the cycle fixable even when one end is in a cycle', () => {
    // A and B form a cycle; D needs A and is ranked above it.
    const edges = [edge('B', 'A'), edge('A', 'B'), edge('A', 'D')];
    expect(rankInversions(['D', 'A', 'B'], edges)).toEqual([
      { higher: 'D', lower: 'A', inCycle: false },
      { higher: 'A', lower: 'B', inCycle: true },
    ]);
  });
});
