import { dependencyPolarity, directionFrom } from '../../src/domain/dependencies/link-polarity';

const blocks = { name: 'Blocks', outward: 'blocks', inward: 'is blocked by' };
const dependsOn = { name: 'Dependency', outward: 'depends on', inward: 'is depended on by' };
const relates = { name: 'Relates', outward: 'relates to', inward: 'relates to' };

describe('dependency link polarity', () => {
  it('reads "A blocks B" as B needs A', () => {
    const polarity = dependencyPolarity(blocks);
    expect(polarity).toBe('source-provides');
    // Seen from A, B sits on the outward side: A is needed by B.
    expect(directionFrom(polarity ?? 'source-provides', 'outward')).toBe('needed-by');
    // Seen from B, A sits on the inward side: B needs A.
    expect(directionFrom(polarity ?? 'source-provides', 'inward')).toBe('needs');
  });

  it('reads "A depends on B" as A needs B', () => {
    const polarity = dependencyPolarity(dependsOn);
    expect(polarity).toBe('source-needs');
    expect(directionFrom(polarity ?? 'source-needs', 'outward')).toBe('needs');
    expect(directionFrom(polarity ?? 'source-needs', 'inward')).toBe('needed-by');
  });

  it('does not treat relates-to as a dependency', () => {
    expect(dependencyPolarity(relates)).toBeUndefined();
  });
});
