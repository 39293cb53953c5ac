import { dependencyPolarity } from '../../src/domain/dependencies/link-polarity';

const blocks = { name: 'Blocks', outward: 'blocks', inward: 'is blocked by' };
const dependsOn = { name: 'Dependency', outward: 'depends on', inward: 'is depended on by' };
const relates = { name: 'Relates', outward: 'relates to', inward: 'relates to' };

describe('dependency link polarity', () => {
  it('reads "A blocks B" as B needs A', () => {
    const polarity = dependencyPolarity(blocks);
    expect(polarity).toBe('source-provides');
  });

  it('reads "A depends on B" as A needs B', () => {
    const polarity = dependencyPolarity(dependsOn);
    expect(polarity).toBe('source-needs');
  });

  it('does not treat relates-to as a dependency', () => {
    expect(dependencyPolarity(relates)).toBeUndefined();
  });
});
