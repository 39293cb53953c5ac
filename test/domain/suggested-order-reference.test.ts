import fc from 'fast-check';
import type { EpicDependency } from '../../src/domain/graph/epic-rollup';
import { graphFromEdges } from '../../src/domain/graph/dependency-graph';
import { stronglyConnectedComponents } from '../../src/domain/graph/find-cycles';
import { IntMinHeap } from '../../src/domain/priority/int-min-heap';
import { suggestedOrder } from '../../src/domain/priority/suggested-order';

/**
 * The suggested order as first written: Kahn's sort that scans every available component for the best
 * WSJF on each step (quadratic in the epics, kept here as the reference the heap must equal).
 */
function referenceOrder(
  current: readonly string[],
  wsjf: ReadonlyMap<string, number | null>,
  epicEdges: readonly EpicDependency[],
): string[] {
  const position = new Map(current.map((key, i) => [key, i]));
  const pairs: Array<[number, number]> = [];
  for (const e of epicEdges) {
    const a = position.get(e.from);
    const b = position.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) pairs.push([a, b]);
  }
  const graph = graphFromEdges(current.length, pairs);
  const { componentOf, count } = stronglyConnectedComponents(graph);
  const score = (v: number) => wsjf.get(current[v] ?? '') ?? -Infinity;
  const better = (a: number, b: number) => score(b) - score(a) || a - b;
  const members: number[][] = Array.from({ length: count }, () => []);
  current.forEach((_, v) => members[componentOf[v] ?? 0]?.push(v));
  for (const list of members) list.sort(better);
  const indegree = new Array<number>(count).fill(0);
  for (const [a, b] of pairs) if (componentOf[a] !== componentOf[b]) indegree[componentOf[b] ?? 0]!++;
  const available = new Set<number>();
  for (let c = 0; c < count; c++) if (indegree[c] === 0) available.add(c);
  const order: string[] = [];
  while (available.size > 0) {
    let pick = -1;
    for (const c of available)
      if (pick < 0 || better(members[c]?.[0] ?? 0, members[pick]?.[0] ?? 0) < 0) pick = c;
    available.delete(pick);
    for (const v of members[pick] ?? []) {
      order.push(current[v] ?? '');
      for (const [a, b] of pairs) {
        const w = componentOf[b] ?? 0;
        if (a !== v || w === pick) continue;
        if (--indegree[w]! === 0) available.add(w);
      }
    }
  }
  return order;
}

describe('suggested order', () => {
  it('equals the scan-every-step reference on random epic graphs with cycles, ties and unknown WSJF', () => {
    const programArb = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.record({
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
        scores: fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), {
          minLength: n,
          maxLength: n,
        }),
      }),
    );
    fc.assert(
      fc.property(programArb, ({ edges, scores }) => {
        const keys = scores.map((_, i) => `E-${i + 1}`);
        const epicEdges = edges.map(([a, b]) => ({ from: keys[a] ?? '', to: keys[b] ?? '', via: 1 }));
        const wsjf = new Map(keys.map((k, i) => [k, scores[i] ?? null]));
        expect(suggestedOrder(keys, wsjf, epicEdges).order).toEqual(referenceOrder(keys, wsjf, epicEdges));
      }),
      { numRuns: 400 },
    );
  });

  it('pops a heap of distinct integers in ascending order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000), { maxLength: 60 }), (values) => {
        const heap = new IntMinHeap(values.length);
        for (const v of values) heap.push(v);
        const popped: number[] = [];
        while (heap.size > 0) popped.push(heap.pop());
        expect(popped).toEqual([...values].sort((a, b) => a - b));
        expect(heap.pop()).toBe(-1);
      }),
    );
  });
});
