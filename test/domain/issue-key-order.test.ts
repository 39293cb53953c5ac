import { seededRandom } from '../../src/domain/forecast/seeded-random';
import { issueKeyOrder } from '../../src/domain/priority/sort-by-issue-key';
import { compareIssueKeys } from '../../src/domain/priority/metascrum-order';

/** What issueKeyOrder stands for: the indexes in the order a stable compareIssueKeys sort gives. */
function sortedIndexes(keys: readonly string[]): number[] {
  return keys
    .map((key, i) => ({ key, i }))
    .sort((a, b) => compareIssueKeys(a.key, b.key))
    .map((k) => k.i);
}

function randomKeys(seed: number, odd: boolean): string[] {
  const random = seededRandom(seed);
  const projects = ['PAY', 'PA', 'PAYX', 'B', 'Z9', 'pay', 'ÄB'];
  return Array.from({ length: 1 + Math.floor(random() * 300) }, () => {
    const project = projects[Math.floor(random() * projects.length)] ?? 'PAY';
    const roll = random();
    if (odd && roll < 0.05) return `${project}-0${Math.floor(random() * 20)}`;
    if (odd && roll < 0.1) return `${project}-x${Math.floor(random() * 5)}`;
    if (odd && roll < 0.12) return project;
    return `${project}-${Math.floor(random() * (random() < 0.5 ? 30 : 1e9))}`;
  });
}

describe('issueKeyOrder', () => {
  it('orders by project, then issue number: PAY-9 before PAY-10 before PAYX-1', () => {
    const keys = ['PAYX-1', 'PAY-10', 'PA-3', 'PAY-9'];
    expect([...issueKeyOrder(keys)].map((i) => keys[i])).toEqual(['PA-3', 'PAY-9', 'PAY-10', 'PAYX-1']);
  });

  it('keeps duplicates in list order', () => {
    expect([...issueKeyOrder(['A-2', 'A-1', 'A-2', 'A-1'])]).toEqual([1, 3, 0, 2]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'gives the stable compareIssueKeys order of random keys (seed %i)',
    (seed) => {
      for (const odd of [false, true]) {
        const keys = randomKeys(seed, odd);
        expect([...issueKeyOrder(keys)]).toEqual(sortedIndexes(keys));
      }
    },
  );

  it('falls back to comparisons when numbers are too large to pack', () => {
    const keys = ['A-999999999999999', 'A-2', 'B-1', 'A-999999999999998'];
    expect([...issueKeyOrder(keys)]).toEqual(sortedIndexes(keys));
  });
});
