/**
 * Breadth-first walk of open dependencies from one issue, upstream (what it needs, transitively) or
 * downstream (what needs it), with each issue's depth, the issue one step closer (`via`) and the status
 * of the edge that reached it. Issues `canEnter` refuses (hidden from the user) are neither listed nor
 * walked through, only collected in `hidden`. Same walk as the engine's dependencyTrail, over the
 * stored edge list instead of the in-memory graph.
 */
export interface TrailEdge<S extends string> {
  from: string;
  to: string;
  status: S;
}

export interface TrailStep<S extends string> {
  key: string;
  depth: number;
  via: string;
  status: S;
}

export function trailOverEdges<S extends string>(
  edges: ReadonlyArray<TrailEdge<S>>,
  start: string,
  direction: 'upstream' | 'downstream',
  canEnter: (key: string) => boolean,
): { steps: Array<TrailStep<S>>; hidden: Set<string> } {
  const next = new Map<string, Array<{ key: string; status: S }>>();
  for (const e of edges) {
    const [here, there] = direction === 'upstream' ? [e.to, e.from] : [e.from, e.to];
    const list = next.get(here);
    if (list) list.push({ key: there, status: e.status });
    else next.set(here, [{ key: there, status: e.status }]);
  }
  const seen = new Set([start]);
  const hidden = new Set<string>();
  const steps: Array<TrailStep<S>> = [];
  let frontier = [start];
  for (let depth = 1; frontier.length > 0; depth++) {
    const following: string[] = [];
    for (const here of frontier) {
      for (const { key, status } of next.get(here) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        if (!canEnter(key)) {
          hidden.add(key);
          continue;
        }
        steps.push({ key, depth, via: here, status });
        following.push(key);
      }
    }
    frontier = following;
  }
  return { steps, hidden };
}
