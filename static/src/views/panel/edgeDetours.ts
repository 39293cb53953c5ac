/**
 * Keeps the map's edges out of other epics' boxes. dagre routes edges between compound nodes (our team
 * groups) without regard to the boxes of other clusters, so an edge can cut straight through an epic it
 * does not touch, which reads as a dependency on it. Each segment that enters a box is replaced by the
 * shortest way around that box through the corners of the box grown by a margin (the shortest path
 * around a convex obstacle runs along its hull), and the check repeats, a bounded number of times.
 */
export interface Point {
  x: number;
  y: number;
}
export interface Box {
  key: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const MARGIN = 8;
const MAX_DETOURS = 64;
/** Touching a border is not entering: the edge's own end points lie on its ends' borders. */
const EPS = 0.5;

/** Liang-Barsky clipping: does segment a-b pass through the inside of the box? */
export function segmentEntersBox(a: Point, b: Point, box: Box): boolean {
  const [left, right, top, bottom] = [box.left + EPS, box.right - EPS, box.top + EPS, box.bottom - EPS];
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const sides: Array<[number, number]> = [
    [-dx, a.x - left],
    [dx, right - a.x],
    [-dy, a.y - top],
    [dy, bottom - a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

const length = (path: readonly Point[]) =>
  path.slice(1).reduce((sum, p, i) => {
    const q = path[i] ?? p;
    return sum + Math.hypot(p.x - q.x, p.y - q.y);
  }, 0);

/** The shortest clear way from a to b around one box, or undefined when none exists (a or b too close). */
function aroundBox(a: Point, b: Point, box: Box): Point[] | undefined {
  const [l, r, t, btm] = [box.left - MARGIN, box.right + MARGIN, box.top - MARGIN, box.bottom + MARGIN];
  const corners: Point[] = [
    { x: l, y: t },
    { x: r, y: t },
    { x: r, y: btm },
    { x: l, y: btm },
  ];
  let best: Point[] | undefined;
  for (const step of [1, 3]) {
    for (let start = 0; start < 4; start++) {
      for (let count = 1; count <= 4; count++) {
        const via = Array.from(
          { length: count },
          (_, i) => corners[(start + i * step) % 4] ?? { x: l, y: t },
        );
        const path = [a, ...via, b];
        const clear = path.slice(1).every((p, i) => !segmentEntersBox(path[i] ?? p, p, box));
        if (clear && (!best || length(path) < length(best))) best = path;
      }
    }
  }
  return best?.slice(1, -1);
}

/** The polyline with a detour around every box (other than its ends') that it would cross. */
export function routeAroundBoxes(points: readonly Point[], boxes: readonly Box[]): Point[] {
  const path = [...points];
  for (let pass = 0; pass < MAX_DETOURS; pass++) {
    const hit = firstCrossing(path, boxes);
    if (!hit) return path;
    const via = aroundBox(hit.a, hit.b, hit.box);
    if (!via) return path;
    path.splice(hit.index + 1, 0, ...via);
  }
  return path;
}

function firstCrossing(path: readonly Point[], boxes: readonly Box[]) {
  for (let index = 0; index + 1 < path.length; index++) {
    const a = path[index];
    const b = path[index + 1];
    if (!a || !b) continue;
    const box = boxes.find((candidate) => segmentEntersBox(a, b, candidate));
    if (box) return { index, a, b, box };
  }
  return undefined;
}
