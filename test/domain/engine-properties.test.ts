import fc from 'fast-check';
import { parseProgramConfig } from '../../src/domain/config/program-config';
import { READINESS_RULE_IDS } from '../../src/domain/config/readiness-rule-ids';
import { graphFromEdges } from '../../src/domain/graph/dependency-graph';
import { findCycles, stronglyConnectedComponents } from '../../src/domain/graph/find-cycles';
import type { ProgramItem } from '../../src/domain/model/program-model';
import { suggestedOrder } from '../../src/domain/priority/suggested-order';
import { applyRankOperations } from '../../src/domain/rank/apply-rank-operations';
import { rankMovesFor } from '../../src/domain/rank/rank-moves';
import { evaluateReadiness } from '../../src/domain/readiness/definition-of-ready';

/** O(n^2) longest increasing subsequence length, as an independent reference. */
function lisLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  values.forEach((v, i) => {
    for (let j = 0; j < i; j++)
      if ((values[j] ?? 0) < v) best[i] = Math.max(best[i] ?? 1, (best[j] ?? 1) + 1);
  });
  return Math.max(0, ...best);
}

/** Brute-force cyclic groups: mutual reachability by transitive closure; size > 1 or a self-loop. */
function bruteForceCycles(n: number, edges: ReadonlyArray<readonly [number, number]>): string[] {
  const reach = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const [a, b] of edges) reach[a]![b] = true;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
  const groups = new Set<string>();
  for (let i = 0; i < n; i++) {
    const members = [
      i,
      ...Array.from({ length: n }, (_, j) => j).filter((j) => j !== i && reach[i]![j] && reach[j]![i]),
    ];
    if (members.length > 1 || reach[i]![i]) groups.add(members.sort((x, y) => x - y).join(','));
  }
  return [...groups].sort();
}

const graphArb = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 })),
  );

describe('engine properties', () => {
  it('finds exactly the brute-force strongly connected cycles on small random graphs', () => {
    fc.assert(
      fc.property(graphArb, ([n, edges]) => {
        const graph = graphFromEdges(n, edges);
        const found = findCycles(graph, stronglyConnectedComponents(graph))
          .map((nodes) => [...nodes].sort((a, b) => a - b).join(','))
          .sort();
        expect(found).toEqual(bruteForceCycles(n, edges));
      }),
      { numRuns: 300 },
    );
  });

  it('never puts an epic before its prerequisite in the suggested order of an acyclic graph', () => {
    const dagArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        keys: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => `E-${i + 1}`),
          { minLength: n, maxLength: n },
        ),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 25 }),
        scores: fc.array(fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: null }), {
          minLength: n,
          maxLength: n,
        }),
      }),
    );
    fc.assert(
      fc.property(dagArb, ({ keys, edges, scores }) => {
        // Acyclic by construction: an edge always goes from the lower to the higher topological index.
        const topo = [...keys].sort();
        const epicEdges = edges
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => ({ from: topo[Math.min(a, b)] ?? '', to: topo[Math.max(a, b)] ?? '', via: 1 }));
        const wsjf = new Map(keys.map((k, i) => [k, scores[i] ?? null]));
        const { order } = suggestedOrder(keys, wsjf, epicEdges);
        expect([...order].sort()).toEqual([...keys].sort());
        for (const e of epicEdges) expect(order.indexOf(e.from)).toBeLessThan(order.indexOf(e.to));
      }),
      { numRuns: 300 },
    );
  });

  it('turns any order into any other with n - LIS moves, and applying the result again changes nothing', () => {
    const ordersArb = fc.integer({ min: 0, max: 140 }).chain((n) => {
      const keys = Array.from({ length: n }, (_, i) => `K-${i}`);
      return fc.tuple(
        fc.shuffledSubarray(keys, { minLength: n, maxLength: n }),
        fc.shuffledSubarray(keys, { minLength: n, maxLength: n }),
      );
    });
    fc.assert(
      fc.property(ordersArb, ([current, target]) => {
        const plan = rankMovesFor(current, target);
        const targetIndex = new Map(target.map((k, i) => [k, i]));
        expect(plan.moved).toHaveLength(
          current.length - lisLength(current.map((k) => targetIndex.get(k) ?? 0)),
        );
        expect(plan.operations.every((op) => op.issues.length >= 1 && op.issues.length <= 50)).toBe(true);
        const applied = applyRankOperations(current, plan.operations);
        expect(applied).toEqual(target);
        expect(rankMovesFor(applied, target).operations).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the readiness score within 0-100 for any item and any rule weights', () => {
    const itemArb = fc.record({
      hasDescription: fc.boolean(),
      hasAcceptanceCriteria: fc.boolean(),
      points: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      epicKey: fc.option(fc.constant('E-1'), { nil: undefined }),
      team: fc.option(fc.constant('T'), { nil: undefined }),
    });
    const settingsArb = fc.dictionary(
      fc.constantFrom(...READINESS_RULE_IDS),
      fc.record({ enabled: fc.boolean(), weight: fc.integer({ min: 0, max: 100 }), required: fc.boolean() }),
    );
    const factsArb = fc.record({
      blockingPrerequisites: fc.array(fc.constant('X-1 is not in a sprint'), { maxLength: 2 }),
      openImpediments: fc.array(fc.constant('X-9'), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(itemArb, settingsArb, factsArb, (partial, rules, facts) => {
        const item: ProgramItem = { ...baseItem, ...partial };
        const config = parseProgramConfig({ readiness: { rules } });
        const result = evaluateReadiness(item, facts, config);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.ready).toBe(result.rules.every((r) => r.pass || !r.required));
        if (result.failing.length === 0) expect(result.score).toBe(100);
      }),
      { numRuns: 300 },
    );
  });
});

const baseItem: ProgramItem = {
  key: 'T-1',
  summary: 'An item',
  projectKey: 'T',
  team: 'T',
  kind: 'backlog',
  issueType: 'Story',
  statusName: 'To Do',
  done: false,
  parentKey: undefined,
  parentVia: undefined,
  epicKey: undefined,
  points: undefined,
  rank: undefined,
  sprintIds: [],
  createdMs: undefined,
  resolvedMs: undefined,
  hasDescription: true,
  hasAcceptanceCriteria: true,
  wsjf: undefined,
  escalationLevel: undefined,
  escalationHistory: [],
  dueDate: undefined,
  flagged: false,
  external: false,
};
