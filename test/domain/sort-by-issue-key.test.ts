import fc from 'fast-check';
import { sortByIssueKey } from '../../src/domain/priority/sort-by-issue-key';

/** The first version: every key sliced and parsed with Number, a fresh project lookup per record. */
function referenceSort<T>(list: readonly T[], keyOf: (item: T) => string, thenBy?: (item: T) => string): T[] {
  const split = (keys: string[]) => {
    const projects = keys.map((k) => k.slice(0, k.lastIndexOf('-')));
    const ordered = [...new Set(projects)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      keys,
      rank: projects.map((p) => ordered.indexOf(p)),
      number: keys.map((k) => Number(k.slice(k.lastIndexOf('-') + 1))),
    };
  };
  const compareAt = (s: ReturnType<typeof split>, i: number, j: number): number => {
    const pa = s.rank[i] ?? 0;
    const pb = s.rank[j] ?? 0;
    if (pa !== pb) return pa - pb;
    const na = s.number[i] ?? 0;
    const nb = s.number[j] ?? 0;
    if (na !== nb) return na - nb || 0;
    const a = s.keys[i] ?? '';
    const b = s.keys[j] ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const first = split(list.map(keyOf));
  const second = thenBy ? split(list.map(thenBy)) : undefined;
  return list
    .map((_, i) => i)
    .sort((a, b) => compareAt(first, a, b) || (second ? compareAt(second, a, b) : 0) || a - b)
    .map((i) => list[i] as T);
}

const keyArb = fc.oneof(
  fc.tuple(fc.constantFrom('PAY', 'PA', 'PAYX', 'OPS', 'A-B'), fc.nat(300)).map(([p, n]) => `${p}-${n}`),
  fc.constantFrom(
    'PAY-007',
    'PAY-7',
    'PAY-',
    'PAY',
    'OPS-1e3',
    'OPS-12345678901234567',
    '-5',
    'pay-3',
    'PAY- 4',
  ),
);

describe('sortByIssueKey', () => {
  it('orders records as the slice-and-parse reference does, runs of one project included', () => {
    const recordArb = fc.array(fc.record({ from: keyArb, to: keyArb }), { maxLength: 60 });
    fc.assert(
      fc.property(recordArb, fc.boolean(), (records, runs) => {
        // Runs of one project are the common input (items arrive project by project).
        const list = runs ? referenceSort(records, (r) => r.to) : records;
        expect(sortByIssueKey(list, (r) => r.from)).toEqual(referenceSort(list, (r) => r.from));
        expect(
          sortByIssueKey(
            list,
            (r) => r.from,
            (r) => r.to,
          ),
        ).toEqual(
          referenceSort(
            list,
            (r) => r.from,
            (r) => r.to,
          ),
        );
      }),
      { numRuns: 500 },
    );
  });
});
