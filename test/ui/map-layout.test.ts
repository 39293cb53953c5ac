import { layoutMap, NODE_H, NODE_W } from '../../static/src/views/panel/mapLayout';
import type { DependencyMap } from '../../src/shared/contract';
import { routeAroundBoxes } from '../../static/src/views/panel/edgeDetours';
import { dataOf, startHarness, type Harness } from '../resolvers/harness';

type Point = { x: number; y: number };
type Box = { key: string; left: number; right: number; top: number; bottom: number };

/** The test's own oracle (Liang-Barsky): does segment a-b enter the open box? Touching its border does not. */
function segmentEntersBox(a: Point, b: Point, box: Box): boolean {
  const eps = 0.5;
  const [left, right, top, bottom] = [box.left + eps, box.right - eps, box.top + eps, box.bottom - eps];
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  let [t0, t1] = [0, 1];
  for (const [p, q] of [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
    if (t0 > t1) return false;
  }
  return true;
}

const crosses = (points: readonly Point[], box: Box) =>
  points.slice(1).some((b, i) => segmentEntersBox(points[i] ?? b, b, box));

/** Every (edge, node) pair where an edge's polyline runs through a node that is not one of its ends. */
async function edgesThroughBoxes(map: DependencyMap): Promise<string[]> {
  // dagre ships as an ES module with a CommonJS build; Jest loads the latter.
  const placed = layoutMap(map, await import('@dagrejs/dagre'));
  const boxes: Box[] = placed.nodes.map((n) => ({
    key: n.key,
    left: n.x - NODE_W / 2,
    right: n.x + NODE_W / 2,
    top: n.y - NODE_H / 2,
    bottom: n.y + NODE_H / 2,
  }));
  return placed.edges.flatMap((e) =>
    boxes
      .filter((box) => box.key !== e.from && box.key !== e.to)
      .filter((box) => crosses(e.points, box))
      .map((box) => `${e.from} -> ${e.to} crosses ${box.key}`),
  );
}

describe('the dependency map layout', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.buildSnapshot();
  });
  afterAll(() => h.close());

  it('counts a segment through a box as a crossing, and one along its border as none', () => {
    const box = { key: 'B-1', left: 100, right: 250, top: 0, bottom: 44 };
    expect(segmentEntersBox({ x: 0, y: 22 }, { x: 400, y: 22 }, box)).toBe(true);
    expect(segmentEntersBox({ x: 0, y: 44 }, { x: 400, y: 44 }, box)).toBe(false);
    expect(segmentEntersBox({ x: 0, y: 60 }, { x: 400, y: 60 }, box)).toBe(false);
  });

  it('detours a straight edge around a box in its way, keeping its ends', () => {
    const box = { key: 'B-1', left: 100, right: 250, top: 0, bottom: 44 };
    const [from, to] = [
      { x: 0, y: 22 },
      { x: 400, y: 30 },
    ];
    const routed = routeAroundBoxes([from, to], [box]);
    expect(routed[0]).toEqual(from);
    expect(routed[routed.length - 1]).toEqual(to);
    expect(crosses(routed, box)).toBe(false);
  });

  it.each([undefined, 'PAY', 'CHK', 'MOB', 'PLAT', 'SRCH'])(
    'never runs an edge through another epic’s box in the demo program (team filter %s)',
    async (team) => {
      const map = dataOf(await h.call('panel/getDependencyMap', team ? { team } : {}, 'cpo'));
      if (!team) expect(map.edges.length).toBeGreaterThan(5);
      expect(await edgesThroughBoxes(map)).toEqual([]);
    },
  );
});
